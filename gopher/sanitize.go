package gopher

import (
	"strings"
	"unicode"
)

// Control characters must not reach a reader: a terminal client (Lynx,
// VF-1, a plain nc) would obey ESC or CSI (U+009B), and a TAB or line break
// splits a menu line into fields or lines that the text never meant.

// Sanitize returns s made safe as one line of a gopher text file or one
// field of a menu line, by the rules RenderPost applies to a post's text:
//   - invalid UTF-8 becomes U+FFFD;
//   - TAB, LF, VT, FF, CR, NEL (U+0085) and the line and paragraph
//     separators U+2028 and U+2029 become a space;
//   - NUL becomes U+FFFD, as CommonMark has it;
//   - every other C0 control, DEL and every C1 control (U+0080 to U+009F)
//     is dropped.
//
// It returns s itself when there is nothing to change. Menu applies it to
// every display string; selectors and hosts are not text, and only lose
// TAB, CR, LF and NUL (see sanitizeField).
func Sanitize(s string) string {
	if isSafeLine(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', '\u0085', '\u2028', '\u2029':
			return ' '
		case 0:
			return unicode.ReplacementChar
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
