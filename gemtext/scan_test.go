package gemtext

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// TestDisplayWidth checks displayWidth, which counts ASCII and common wide
// characters itself, against uniseg, which it stands for: every character
// it counts alone, next to ASCII and to itself, and random mixed strings.
func TestDisplayWidth(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := displayWidth([]byte(s)), uniseg.StringWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
	var simple []rune
	for r := rune(0x20); r < 0x10000; r++ {
		if r < 0x7f || isSimpleWide(r) {
			simple = append(simple, r)
			s := string(r)
			check(s)
			check("a" + s + s + "a")
			if n := uniseg.GraphemeClusterCount("a" + s + s + "a"); n != 4 {
				t.Errorf("%U is not a grapheme cluster of its own", r)
			}
		}
	}
	for _, s := range []string{"", "日本語", "ａｂ", "e\u0301", "か\u3099", "ｶﾞ", "👍🏽", "🇯🇵", "a\u200bb", "한국어", "\xff",
		"〰", "〽", "©", "\u3000", "\u302a"} {
		check(s)
		check("日本" + s + "語")
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	extra := []rune{'\u0301', '\u3099', '\u200d', '\ufe0f', '👍', '🇯', 'ｶ', 'ﾞ', '한', 'é', '\u00a0'}
	for range 2000 {
		var b strings.Builder
		for n := rnd.IntN(10); n > 0; n-- {
			if rnd.IntN(4) == 0 {
				b.WriteRune(extra[rnd.IntN(len(extra))])
			} else {
				b.WriteRune(simple[rnd.IntN(len(simple))])
			}
		}
		check(b.String())
	}
}

// TestHasNonSpace checks hasNonSpace against the test it replaced.
func TestHasNonSpace(t *testing.T) {
	for _, s := range []string{"", " ", "\t\n\v\f\r ", "a", " a ", "\u3000", "\u3000日", "\u0085", "\u00a0",
		"\u2028\u2029", "\u200b", "\xff", " \xe3\x81", "\u1680", "\u180e", "\ufeff"} {
		if got, want := hasNonSpace([]byte(s)), len(bytes.TrimSpace([]byte(s))) > 0; got != want {
			t.Errorf("hasNonSpace(%q) = %v, want %v", s, got, want)
		}
	}
}
