package softbreak

import (
	"testing"
	"unicode"

	"github.com/yuin/goldmark/util"
)

// TestWideQuickRanges checks wide's quick ranges against the width table
// they stand for, for every rune.
func TestWideQuickRanges(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		w := util.EastAsianWidth(r)
		want := (w == "F" || w == "W" || w == "H") && !unicode.Is(unicode.Hangul, r)
		if got := wide(r); got != want {
			t.Fatalf("wide(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestSpace(t *testing.T) {
	for _, tt := range []struct {
		a, b  rune
		space bool
	}{
		{'す', 'そ', false},
		{'。', 'そ', false},
		{'・', 'み', false}, // katakana middle dot: wide, outside the kana blocks' letters
		{'ン', '・', false},
		{'…', 'そ', false}, // ambiguous punctuation beside a wide character
		{'と', '…', false},
		{'―', 'は', false},
		{'ね', '―', false},
		{'！', 'そ', false}, // fullwidth forms
		{'ｱ', 'ｲ', false}, // halfwidth katakana
		{'a', 'b', true},
		{'.', 'N', true},
		{'…', 't', true}, // ambiguous punctuation in Western text
		{'t', '—', true},
		{'す', 'A', true},
		{'A', 'そ', true},
		{'α', 'そ', true}, // a Greek letter is a word
		{'다', '여', true}, // Korean puts spaces between words
		{'요', '。', true},
		{'a', '\u200B', false},
	} {
		if got := Space(tt.a, tt.b); got != tt.space {
			t.Errorf("Space(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.space)
		}
	}
}
