package gemtext

import (
	"testing"
	"unicode"

	"github.com/yuin/goldmark/util"
)

// TestIsWide checks isWide's quick ranges against what it stands for,
// for every rune.
func TestIsWide(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := util.IsEastAsianWideRune(r) || r >= 0xFF01 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6
		if got := isWide(r); got != want {
			t.Fatalf("isWide(%U) = %v, want %v", r, got, want)
		}
	}
}
