package gopher

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The quick scans in this file let RenderPost skip work: copying text that
// needs no rewriting, cleaning lines that need no cleaning.

// isCleanLine reports whether cleanLine would return s as it is, so that
// the common line costs one scan and no copy.
func isCleanLine(s string) bool {
	return s != "." && !strings.HasSuffix(s, " ") && isSafeLine(s)
}

// isBlankLine reports whether cleanLine(s) is empty: whether s has nothing
// but spaces, TABs, controls and line separators. It mostly looks at one
// byte.
func isBlankLine(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || !(unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			return false // invalid UTF-8 becomes U+FFFD
		}
		i += n
	}
	return true
}

// finishLine is cleanLine for a line of which isSafeLine holds.
func finishLine(s string) string {
	s = strings.TrimRight(s, " ")
	if s == "." {
		s = ".."
	}
	return s
}

// isSafeLine reports whether s is valid UTF-8 without TABs, controls or
// line separators, so that cleanLine does no more to it than finishLine.
func isSafeLine(s string) bool {
	for i := 0; i < len(s); {
		n := plainChar(s, i)
		if n == 0 || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' {
			return false
		}
		i += n
	}
	return true
}

// isPlainText reports whether inline.text would take b as it is: valid
// UTF-8 without line-breaking characters, tabs, controls or double spaces,
// and, unless raw, without backslashes or character references to resolve.
func isPlainText(b []byte, raw bool) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0xe3 && c <= 0xe9 && i+2 < len(b) && b[i+1]&0xc0 == 0x80 && b[i+2]&0xc0 == 0x80 {
			i += 3 // kana and ideographs, most of Japanese text
			continue
		}
		if c > ' ' && c < 0x7f && c != '\\' && c != '&' {
			i++
			continue
		}
		switch c {
		case '\t', '\n', '\r':
			return false
		case ' ':
			if i+1 < len(b) && b[i+1] == ' ' {
				return false
			}
		case '\\', '&':
			if !raw {
				return false
			}
		}
		n := plainChar(b, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// plainChar returns the length of the UTF-8 character at s[i], or 0 if it
// is invalid or a control or line or paragraph separator other than TAB,
// LF and CR (which callers check first: they are common). It decodes by
// hand, being a good deal faster than utf8.ValidString and unicode.IsControl.
func plainChar[T string | []byte](s T, i int) int {
	c := s[i]
	cont := func(k int) bool { return i+k < len(s) && s[i+k]&0xc0 == 0x80 }
	switch {
	case c < utf8.RuneSelf:
		if (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			return 0
		}
		return 1
	case c < 0xc2: // continuation byte, or overlong
		return 0
	case c < 0xe0:
		// U+0080..U+07FF; U+0080..U+009F are C1 controls.
		if !cont(1) || (c == 0xc2 && s[i+1] < 0xa0) {
			return 0
		}
		return 2
	case c < 0xf0:
		switch {
		case !cont(1) || !cont(2),
			c == 0xe0 && s[i+1] < 0xa0,                                        // overlong
			c == 0xed && s[i+1] >= 0xa0,                                       // surrogate
			c == 0xe2 && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9): // U+2028, U+2029
			return 0
		}
		return 3
	case c < 0xf5:
		switch {
		case !cont(1) || !cont(2) || !cont(3),
			c == 0xf0 && s[i+1] < 0x90,  // overlong
			c == 0xf4 && s[i+1] >= 0x90: // above U+10FFFF
			return 0
		}
		return 4
	}
	return 0
}

// isPrintableASCII reports whether s has only ASCII characters from '!'
// to '~'.
func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}
