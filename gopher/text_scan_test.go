package gopher

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// The tests in this file check the quick scans that let RenderPost skip
// work against what they stand for.

// randomLine is a random paragraph with random bytes, controls and spaces
// thrown in.
func randomLine(rng *rand.Rand) string {
	s, _ := equivParagraph(rng)
	b := []byte(s)
	for range rng.Intn(3) {
		extra := []string{" ", "  ", "\t", ".", "\x7f", "\u0085", "\u2028", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe0\x9f\xbf", "\xf0\x8f\xbf\xbf", string(rune(rng.Intn(0x3000)))}
		i := rng.Intn(len(b) + 1)
		b = append(b[:i], append([]byte(extra[rng.Intn(len(extra))]), b[i:]...)...)
	}
	if rng.Intn(20) == 0 {
		return []string{"", ".", " ", "\t", "\x00", " \u2029 "}[rng.Intn(6)]
	}
	return string(b)
}

func TestCleanLineScans(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	for range 50000 {
		s := randomLine(rng)
		want := referenceCleanLine(s)
		if got := isBlankLine(s); got != (want == "") {
			t.Fatalf("isBlankLine(%q) = %v, cleanLine gives %q", s, got, want)
		}
		if isCleanLine(s) && want != s {
			t.Fatalf("isCleanLine(%q) but cleanLine gives %q", s, want)
		}
		if isSafeLine(s) && finishLine(s) != want {
			t.Fatalf("isSafeLine(%q) but finishLine gives %q, cleanLine %q", s, finishLine(s), want)
		}
		if got := isSpace(s); got != (strings.TrimSpace(s) == "") {
			t.Fatalf("isSpace(%q) = %v", s, got)
		}
		for _, raw := range []bool{false, true} {
			if !isPlainText([]byte(s), raw) {
				continue
			}
			u := s
			if !raw {
				u = unescape([]byte(s))
			}
			if u != s || lineSpace(s) != s || strings.Contains(s, "  ") {
				t.Fatalf("isPlainText(%q, %v), but text would change it", s, raw)
			}
		}
	}
}

// TestPlainChar checks plainChar on every character and on invalid UTF-8.
func TestPlainChar(t *testing.T) {
	want := func(s string) int {
		r, n := utf8.DecodeRuneInString(s)
		if r == '\t' || r == '\n' || r == '\r' {
			return 1
		}
		if (r == utf8.RuneError && n == 1) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return 0
		}
		return n
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == 0xd800 {
			r = 0xe000
		}
		s := string(r) + "x"
		if got := plainChar(s, 0); got != want(s) {
			t.Fatalf("plainChar(%q) = %d, want %d", s, got, want(s))
		}
		if got := plainChar([]byte(s), 0); got != want(s) {
			t.Fatalf("plainChar([]byte %q) = %d, want %d", s, got, want(s))
		}
	}
	rng := rand.New(rand.NewSource(9))
	for range 200000 {
		b := make([]byte, 1+rng.Intn(4))
		for i := range b {
			b[i] = byte(0x80 + rng.Intn(0x80))
			if rng.Intn(4) == 0 {
				b[i] = byte(rng.Intn(256))
			}
		}
		if got := plainChar(string(b), 0); got != want(string(b)) {
			t.Fatalf("plainChar(%q) = %d, want %d", b, got, want(string(b)))
		}
	}
}

// TestRenderPostLinesClean renders random documents with controls, TABs,
// invalid UTF-8 and characters outside runeTable in every kind of block,
// and checks that every line comes out as cleanLine would have it: the
// lines that RenderPost does not scan must not need it.
func TestRenderPostLinesClean(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	rng := rand.New(rand.NewSource(10))
	blocks := []string{"%s\n", "# %s\n", "> %s\n", "* %s\n* %s\n", "1. %s\n", "```\n%s\n```\n",
		"| %s | b |\n|---|---|\n| c | %s |\n", "[%s](https://x.example/%s)\n", "%s[^1]\n\n[^1]: %s\n", "    %s\n"}
	for range 3000 {
		var sb strings.Builder
		for range 1 + rng.Intn(4) {
			f := blocks[rng.Intn(len(blocks))]
			parts := strings.Split(f, "%s")
			for i, p := range parts {
				if i > 0 {
					sb.WriteString(randomLine(rng))
				}
				sb.WriteString(p)
			}
			sb.WriteString("\n")
		}
		src := []byte(sb.String())
		doc := md.Parser().Parse(text.NewReader(src))
		out, _ := RenderPost(Header{Title: randomLine(rng)}, src, doc, TextOptions{Width: 1 + rng.Intn(40)})
		for _, l := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
			if want := referenceCleanLine(l); want != l {
				t.Fatalf("source %q: line %q, cleanLine gives %q", src, l, want)
			}
		}
	}
}
