// Package softbreak says what a soft line break of Markdown becomes when
// the two lines are joined: a space, or nothing between the characters of
// a language written without spaces between words. The gemtext and Gopher
// renderers join lines by the same rule, so that a post reads the same on
// both.
//
// The rule follows CSS Text 3's segment break transformation, which is
// what a browser shows for a Hugo or Jekyll page: no space where both
// characters are East Asian wide (fullwidth, wide or halfwidth), unless
// either is Hangul (Korean puts spaces between words). Beside it, one
// rule for Japanese and Chinese prose: punctuation and symbols of
// ambiguous width (… ― — ※ ○) take no space next to a wide character
// either, as "ええと…\nそれから" reads in Japanese. Next to a zero width
// space a break is nothing too.
package softbreak

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// Space reports whether a soft line break between runes a and b becomes
// a space.
func Space(a, b rune) bool {
	if a == '\u200B' || b == '\u200B' {
		return false
	}
	wa, wb := wide(a), wide(b)
	switch {
	case wa && wb:
		return false
	case wa && ambiguousMark(b), wb && ambiguousMark(a):
		return false
	}
	return true
}

// wide reports whether r is East Asian wide for joining lines: fullwidth,
// wide or halfwidth, Hangul aside. Kana, kanji and CJK punctuation, most
// of a Japanese text, are answered without the tables.
func wide(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return false
	case 0x3000 <= r && r <= 0x302d, 0x3030 <= r && r <= 0x303e, 0x3041 <= r && r <= 0x3096, 0x3099 <= r && r <= 0x30ff, 0x4e00 <= r && r <= 0x9fff:
		return true
	}
	switch util.EastAsianWidth(r) {
	case "F", "W", "H":
		return !unicode.Is(unicode.Hangul, r)
	}
	return false
}

// ambiguousMark reports whether r is punctuation or a symbol of ambiguous
// East Asian width: wide in Japanese and Chinese text, narrow in Western.
// Letters of ambiguous width (Greek, Cyrillic) are not: they are words.
func ambiguousMark(r rune) bool {
	return r >= 0x80 && util.EastAsianWidth(r) == "A" && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}
