package gemtext

import (
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// decode returns the text a Markdown text segment stands for, as goldmark's
// HTML writer reads it: a backslash before ASCII punctuation is dropped, and
// entity and numeric character references are resolved. The result is not
// yet cleaned of control characters; see appendClean.
func decode(src []byte) []byte {
	// Fast path: nothing to decode.
	if indexAny2(src, '\\', '&') < 0 {
		return src
	}
	dst := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]) {
			dst = append(dst, src[i+1])
			i++
			continue
		}
		if c == '&' {
			if s, n := reference(src[i:]); n > 0 {
				dst = append(dst, s...)
				i += n - 1
				continue
			}
		}
		dst = append(dst, c)
	}
	return dst
}

func indexAny2(b []byte, c1, c2 byte) int {
	for i, c := range b {
		if c == c1 || c == c2 {
			return i
		}
	}
	return -1
}

// reference reads an entity (&amp;) or numeric character reference
// (&#12354; &#x3042;) at the start of b. It returns the characters it stands
// for and its length in b, or n == 0 if b does not start with one.
func reference(b []byte) (s []byte, n int) {
	if len(b) < 3 || b[0] != '&' {
		return nil, 0
	}
	if b[1] == '#' {
		i, base, max := 2, 10, 7
		if i < len(b) && (b[i] == 'x' || b[i] == 'X') {
			i, base, max = 3, 16, 6
		}
		start := i
		for i < len(b) && i-start <= max && isDigit(b[i], base) {
			i++
		}
		if i == start || i-start > max || i >= len(b) || b[i] != ';' {
			return nil, 0
		}
		v, err := strconv.ParseUint(string(b[start:i]), base, 32)
		r := rune(0xFFFD)
		if err == nil {
			r = util.ToValidRune(rune(v))
		}
		return utf8.AppendRune(nil, r), i + 1
	}
	i := 1
	for i < len(b) && i <= 48 && isAlnum(b[i]) {
		i++
	}
	if i == 1 || i >= len(b) || b[i] != ';' {
		return nil, 0
	}
	e, ok := util.LookUpHTML5EntityByName(string(b[1:i]))
	if !ok {
		return nil, 0
	}
	return e.Characters, i + 1
}

func isDigit(c byte, base int) bool {
	switch {
	case c >= '0' && c <= '9':
		return true
	case base == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'):
		return true
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// appendClean appends s to dst with control characters made harmless for a
// single gemtext line: TAB, LF and CR become a space, NUL becomes U+FFFD,
// every other C0 control and DEL is dropped.
func appendClean(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			dst = append(dst, ' ')
		case c == 0:
			dst = append(dst, "\uFFFD"...)
		case c < 0x20 || c == 0x7f:
			// dropped
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// clean is appendClean for strings.
func clean(s []byte) string {
	return string(appendClean(make([]byte, 0, len(s)), s))
}
