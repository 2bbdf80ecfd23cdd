package gemtext

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// decode returns the text a Markdown text segment stands for, as goldmark's
// HTML writer reads it: a backslash before ASCII punctuation is dropped, and
// entity and numeric character references are resolved. The result is not
// yet cleaned of control characters; see appendClean. It is src itself when
// there is nothing to decode, else r's decode buffer, valid until the next
// call.
func (r *renderer) decode(src []byte) []byte {
	// Fast path: nothing to decode.
	if indexAny2(src, '\\', '&') < 0 {
		return src
	}
	dst := r.dec[:0]
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]) {
			dst = append(dst, src[i+1])
			i++
			continue
		}
		if c == '&' {
			var n int
			if dst, n = appendReference(dst, src[i:]); n > 0 {
				i += n - 1
				continue
			}
		}
		dst = append(dst, c)
	}
	r.dec = dst
	return dst
}

// indexAny2 is bytes.IndexAny for two bytes. Text nodes are short: a loop
// beats two calls of the vectorised bytes.IndexByte.
func indexAny2(b []byte, c1, c2 byte) int {
	for i, c := range b {
		if c == c1 || c == c2 {
			return i
		}
	}
	return -1
}

// appendReference reads an entity (&amp;) or numeric character reference
// (&#12354; &#x3042;) at the start of b and appends the characters it
// stands for to dst. It returns the reference's length in b, or n == 0 (and
// dst as it was) if b does not start with one.
func appendReference(dst, b []byte) (_ []byte, n int) {
	if len(b) < 3 || b[0] != '&' {
		return dst, 0
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
			return dst, 0
		}
		// At most 7 decimal or 6 hex digits: no overflow.
		v := 0
		for _, c := range b[start:i] {
			v = v*base + digitValue(c)
		}
		return utf8.AppendRune(dst, util.ToValidRune(rune(v))), i + 1
	}
	i := 1
	for i < len(b) && i <= 48 && isAlnum(b[i]) {
		i++
	}
	if i == 1 || i >= len(b) || b[i] != ';' {
		return dst, 0
	}
	e, ok := util.LookUpHTML5EntityByName(string(b[1:i]))
	if !ok {
		return dst, 0
	}
	return append(dst, e.Characters...), i + 1
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

// digitValue returns the value of hexadecimal digit c.
func digitValue(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isPlainText reports whether text s needs none of decode, the bare URL
// scan (writeText) and appendClean: it has no backslash, '&', ':',
// control character or byte 0xc2. Most text nodes are plain, and one scan
// of them beats three.
func isPlainText(s []byte) bool {
	for _, c := range s {
		if notPlain[c] {
			return false
		}
	}
	return true
}

var notPlain = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	// 0xc2 leads the C1 controls U+0080 to U+009F (and Latin-1
	// punctuation, which is rare enough to take the long way).
	t[0x7f], t[0xc2], t['\\'], t['&'], t[':'] = true, true, true, true, true
	return t
}()
