package gemtext

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// checkGemtext returns what is wrong with out as gemtext, or "": valid
// UTF-8, no CR, empty or ending in exactly one "\n", preformatting toggles
// balanced, outside preformatted blocks no trailing spaces, no leading or
// doubled blank line, and every link line "=> URL[ label]" with a
// non-empty URL.
func checkGemtext(out []byte) string {
	if len(out) == 0 {
		return ""
	}
	if !utf8.Valid(out) {
		return "invalid UTF-8"
	}
	if bytes.IndexByte(out, '\r') >= 0 {
		return "contains CR"
	}
	if !bytes.HasSuffix(out, []byte("\n")) || bytes.HasSuffix(out, []byte("\n\n")) {
		return "does not end with exactly one newline"
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	inPre := false
	prevBlank := true // no leading blank line
	for i, l := range lines {
		n := i + 1
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "\t") {
			return fmt.Sprintf("line %d has trailing space: %q", n, l)
		}
		if strings.HasPrefix(l, "```") {
			inPre = !inPre
			prevBlank = false
			continue
		}
		if inPre {
			continue
		}
		if l == "" {
			if prevBlank {
				return fmt.Sprintf("line %d: blank line after blank line or at start", n)
			}
			prevBlank = true
			continue
		}
		prevBlank = false
		if strings.HasPrefix(l, "=>") {
			if !strings.HasPrefix(l, "=> ") {
				return fmt.Sprintf("line %d: link line without space: %q", n, l)
			}
			url, label, _ := strings.Cut(l[3:], " ")
			if url == "" || strings.ContainsAny(url, " \t") {
				return fmt.Sprintf("line %d: bad link URL: %q", n, l)
			}
			_ = label
		}
	}
	if inPre {
		return "unbalanced preformatting toggles"
	}
	return ""
}
