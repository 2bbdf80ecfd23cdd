package gemtext

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// Control characters must not reach a reader: a terminal client would obey
// ESC or CSI (U+009B), a NUL ends a C string, and a line break in the
// middle of a line lets what follows be read as a link or a heading.

// Sanitize returns s made safe as text on one gemtext line, by the rules
// Render applies to all text from a post:
//   - invalid UTF-8 becomes U+FFFD;
//   - TAB, LF and CR become a space, so that s stays one line;
//   - NUL becomes U+FFFD, as CommonMark has it;
//   - every other C0 control (U+0001 to U+001F), DEL and every C1 control
//     (U+0080 to U+009F) is dropped.
//
// Sanitize does not escape gemtext syntax at the start of a line (see
// EscapeText). It returns s itself when there is nothing to change.
func Sanitize(s string) string {
	if isSanitized(s) {
		return s
	}
	return string(appendClean(nil, []byte(strings.ToValidUTF8(s, "\uFFFD"))))
}

// isSanitized reports whether Sanitize(s) is s: valid UTF-8 without C0,
// DEL or C1 controls.
func isSanitized(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || r <= 0x9f {
			return false // invalid, or a C1 control
		}
		i += n
	}
	return true
}

// appendClean appends s to dst with control characters made harmless for a
// single gemtext line: TAB, LF and CR become a space, NUL becomes U+FFFD,
// every other C0 control, DEL and every C1 control is dropped. It does not
// validate UTF-8: invalid bytes are copied (and replaced in the whole
// output by sanitizeOutput). Runs without controls, nearly all text, are
// copied whole.
func appendClean(dst, s []byte) []byte {
	for {
		i := 0
		for i < len(s) && s[i] >= 0x20 && s[i] != 0x7f && s[i] != 0xc2 {
			i++
		}
		dst = append(dst, s[:i]...)
		if i == len(s) {
			return dst
		}
		n := 1
		switch c := s[i]; {
		case c == '\t' || c == '\n' || c == '\r':
			dst = append(dst, ' ')
		case c == 0:
			dst = append(dst, "\uFFFD"...)
		case c == 0xc2:
			if isC1(s, i) {
				n = 2
			} else {
				dst = append(dst, c)
			}
		}
		s = s[i+n:]
	}
}

// unclean tells the bytes appendClean stops at: C0 controls, DEL, and 0xc2,
// which leads the C1 controls (and Latin-1 punctuation, copied as is).
var unclean = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t[0x7f], t[0xc2] = true, true
	return t
}()

// isC1 reports whether s[i:] starts with a C1 control, U+0080 to U+009F,
// whose UTF-8 is 0xc2 then 0x80 to 0x9f.
func isC1[T string | []byte](s T, i int) bool {
	return s[i] == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f
}

// needsPreClean reports whether l, a line of a code block, holds a byte
// appendPreClean changes.
func needsPreClean(l []byte) bool {
	for _, c := range l {
		if unclean[c] && c != '\t' {
			return true
		}
	}
	return false
}

// appendPreClean appends l, a line of a code block, to dst with its
// control characters made harmless: TAB is kept (code is indented with
// it, and a preformatted line may hold one), CR is dropped, NUL becomes
// U+FFFD, every other C0 control, DEL and every C1 control is dropped.
func appendPreClean(dst, l []byte) []byte {
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == '\t' || !unclean[c]:
			dst = append(dst, c)
		case c == 0:
			dst = append(dst, "\uFFFD"...)
		case c == 0xc2:
			if isC1(l, i) {
				i++
			} else {
				dst = append(dst, c)
			}
		}
	}
	return dst
}

// sanitizeOutput makes out, the whole output, valid UTF-8. Text is
// cleaned of controls piece by piece but not validated on the way: one
// pass over the output is cheaper than one over every piece. Invalid
// bytes become U+FFFD; and should two invalid pieces have met to form a
// C1 control (a lone 0xc2 before a lone 0x9b, across an emphasis), it
// becomes U+FFFD too, not nothing, so that the line keeps its start (an
// escape) and its end (trimmed).
func sanitizeOutput(out []byte) []byte {
	if !validUTF8(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	var fixed []byte
	last := 0
	for i := 0; ; i++ {
		j := bytes.IndexByte(out[i:], 0xc2)
		if j < 0 {
			break
		}
		if i += j; isC1(out, i) {
			fixed = append(append(fixed, out[last:i]...), "\uFFFD"...)
			last = i + 2
		}
	}
	if fixed == nil {
		return out
	}
	return append(fixed, out[last:]...)
}

// validUTF8 is utf8.Valid, faster on what a capsule's output mostly is:
// ASCII, taken eight bytes at a time, and the three-byte characters of
// U+1000..U+CFFF (kana, ideographs), which need no check of overlong forms
// or surrogates; anything else is decoded by package utf8.
func validUTF8(s []byte) bool {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			for i+8 <= len(s) && binary.LittleEndian.Uint64(s[i:])&0x8080808080808080 == 0 {
				i += 8
			}
			if i < len(s) && s[i] < utf8.RuneSelf {
				i++
			}
		case c >= 0xe1 && c <= 0xec && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			i += 3
		default:
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
			i += size
		}
	}
	return true
}
