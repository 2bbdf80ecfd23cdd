package gemtext

import "bytes"

// Bare URLs are found by hand rather than with a regexp: a URL is tried
// only where a "://" is, and the match below is the leftmost-first match of
// goldmark's linkify pattern, with the schemes a Gemini capsule links to,
// anchored:
//
//	^(?:https?|ftp|gemini|gopher)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+
//	(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]`]*)?
//
// (TestMatchBareURL holds it to that pattern.) The regexp cost more than the
// rest of a paragraph's rendering.

var schemeSep = []byte("://")

// nextBareURL returns the [start, end) offsets of the first URL in s found
// from offset from on, and where to look for the next one, or start < 0 if
// there is none. last is the end of the URL found before: URLs do not
// overlap. A URL must not follow an ASCII letter or digit (so "xhttp://" is
// not one), and trailing punctuation is left out the way goldmark's linkify
// does.
func nextBareURL(s []byte, from, last int) (start, end, next int) {
	for {
		i := bytes.Index(s[from:], schemeSep)
		if i < 0 {
			return -1, -1, len(s)
		}
		i += from
		// Back up over the scheme's letters.
		start := i
		for start > 0 && isAlpha(s[start-1]) {
			start--
		}
		from = i + 3
		if start == i || start < last || start > 0 && isAlnum(s[start-1]) {
			continue
		}
		m := matchBareURL(s[start:])
		if m < 0 {
			continue
		}
		end := start + trimURLEnd(s[start:start+m])
		return start, end, max(from, end)
	}
}

// matchBareURL returns the length of the URL at the start of s, or -1.
func matchBareURL(s []byte) int {
	i := 0
	for i < len(s) && isAlpha(s[i]) {
		i++
	}
	switch string(s[:i]) {
	case "http", "https", "ftp", "gemini", "gopher":
	default:
		return -1
	}
	if !bytes.HasPrefix(s[i:], schemeSep) {
		return -1
	}
	host := i + 3
	// The host part takes as much as it can, up to 256 bytes, then gives
	// back until a "." and a lower-case letter follow it.
	n := 0
	for host+n < len(s) && n < 256 && urlHost[s[host+n]] {
		n++
	}
	for ; n >= 1; n-- {
		if j := host + n; j+1 < len(s) && s[j] == '.' && isLower(s[j+1]) {
			break
		}
	}
	if n < 1 {
		return -1
	}
	j := host + n + 1
	for j < len(s) && isLower(s[j]) {
		j++
	}
	if j+1 < len(s) && s[j] == ':' && isDigit(s[j+1], 10) {
		j += 2
		for j < len(s) && isDigit(s[j], 10) {
			j++
		}
	}
	if j < len(s) && (s[j] == '/' || s[j] == '#' || s[j] == '?') {
		j++
		for j < len(s) && urlPath[s[j]] {
			j++
		}
	}
	return j
}

// urlHost and urlPath are the character classes of the host and of the
// path, query and fragment in the pattern above.
var (
	urlHost = byteClass("-@:%._+~#=")
	urlPath = byteClass("-@:%_+.~#$!?&/=();,'\">^{}[]`")
)

// byteClass returns a table of ASCII letters, digits and the bytes of
// extra.
func byteClass(extra string) (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isAlnum(byte(c))
	}
	for i := 0; i < len(extra); i++ {
		t[extra[i]] = true
	}
	return t
}

func isAlpha(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// trimURLEnd returns the length of u without the trailing punctuation that
// more likely ends the sentence than the URL (goldmark's linkify rules).
func trimURLEnd(u []byte) int {
	opening := bytes.Count(u, []byte("("))
	closing := bytes.Count(u, []byte(")"))
	i := len(u)
	for i > 1 {
		switch u[i-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~':
			i--
		case ')':
			if closing <= opening {
				return i
			}
			closing--
			i--
		case ';':
			j := i - 2
			for j > 0 && isAlnum(u[j]) {
				j--
			}
			if j == i-2 || u[j] != '&' {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return i
}
