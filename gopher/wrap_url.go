package gopher

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// urlSchemes are the URL starts that Wrap keeps whole.
var urlSchemes = []string{"https://", "http://", "gemini://", "gopher://"}

// urlSpans returns the byte ranges of the URLs in s. A URL starts with one of
// urlSchemes (ASCII case ignored) and runs up to the first space, control,
// zero-width space or East Asian wide character, so that a URL followed by
// Japanese text ("https://example.com/を見て") ends where the text starts.
func urlSpans(s string) [][2]int {
	var spans [][2]int
	for i := 0; i < len(s); i++ {
		n := schemeAt(s[i:])
		if n == 0 {
			continue
		}
		end := i + n
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if urlStop(r) {
				break
			}
			end += size
		}
		spans = append(spans, [2]int{i, end})
		i = end - 1
	}
	return spans
}

// schemeAt returns the length of the URL scheme that s starts with, 0 if none.
func schemeAt(s string) int {
	for _, sc := range urlSchemes {
		if len(s) >= len(sc) && equalFoldASCII(s[:len(sc)], sc) {
			return len(sc)
		}
	}
	return 0
}

// equalFoldASCII compares s with the lower-case ASCII string lower, ignoring
// ASCII case.
func equalFoldASCII(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// urlStop reports whether r ends a URL.
func urlStop(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' ||
		uniseg.StringWidth(string(r)) >= 2
}

// markURLs tags the atoms inside URLs and removes the break opportunities
// between them.
func markURLs(s string, atoms []atom) {
	spans := urlSpans(s)
	i := 0
	for k, sp := range spans {
		for i < len(atoms) && atoms[i].off < sp[0] {
			i++
		}
		for i < len(atoms) && atoms[i].off < sp[1] {
			atoms[i].url = k + 1
			if i+1 < len(atoms) && atoms[i+1].off < sp[1] && atoms[i].brk == brCan {
				atoms[i].brk = brNone
			}
			i++
		}
	}
}
