package gemtext

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// validPieces are what random byte strings for validUTF8 are made of:
// runs of ASCII around the eight-byte step, each length of character,
// the edges of the three-byte fast range, and every kind of invalid
// sequence (stray continuation, truncated, overlong, surrogate, above
// U+10FFFF).
var validPieces = []string{
	"a", "abcdefg", "abcdefgh", "abcdefghi", "\x00", "\x7f",
	"é", "\u07ff", "\u0800", "\u0fff", "\u1000", "あ", "漢", "\ucfff", "\ud000", "\ud7ff", "\ue000", "\uffff", "\ufffd",
	"😀", "\U0010ffff",
	"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc2", "\xe3\x81", "\xe3", "\xe0\x80\x80", "\xe0\x9f\xbf",
	"\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xe1\x80\xc0",
}

// validUTF8 says what utf8.Valid says, of random strings and of every
// prefix of them (so that each piece also ends the input).
func TestValidUTF8MatchesPackageUTF8(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var sb strings.Builder
		for range rng.Intn(12) {
			sb.WriteString(validPieces[rng.Intn(len(validPieces))])
		}
		b := []byte(sb.String())
		for n := range len(b) + 1 {
			if got, want := validUTF8(b[:n]), utf8.Valid(b[:n]); got != want {
				t.Fatalf("validUTF8(%q) = %v, utf8.Valid says %v", b[:n], got, want)
			}
		}
	}
}

func FuzzValidUTF8(f *testing.F) {
	for _, p := range validPieces {
		f.Add([]byte(p))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(%q) = %v, utf8.Valid says %v", b, got, want)
		}
	})
}

// BenchmarkValidUTF8 checks a Japanese page, against utf8.Valid on the
// same bytes as the baseline.
func BenchmarkValidUTF8(b *testing.B) {
	page := []byte(strings.Repeat("# 見出し\n今日はとても良い天気でした。WiMAX の電波は地下鉄でも入る。\n=> https://example.com/ 例\n", 200))
	for _, bm := range []struct {
		name  string
		valid func([]byte) bool
	}{{"utf8.Valid", utf8.Valid}, {"validUTF8", validUTF8}} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if !bm.valid(page) {
					b.Fatal("invalid")
				}
			}
		})
	}
}
