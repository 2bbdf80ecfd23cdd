package gopher

import (
	"strings"
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
	// Every scheme has "://"; most paragraphs have none.
	if !strings.Contains(s, "://") {
		return nil
	}
	var spans [][2]int
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c != 'h' && c != 'g' {
			continue
		}
		n := schemeAt(s[i:])
		if n == 0 {
			continue
		}
		end := i + n
		for end < len(s) {
			r, size := rune(s[end]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[end:])
			}
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
	if r < utf8.RuneSelf {
		// Printable ASCII is one cell wide.
		return r <= ' ' || r == 0x7f
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' ||
		uniseg.StringWidth(string(r)) >= 2
}
