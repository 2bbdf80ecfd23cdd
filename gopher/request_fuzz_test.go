package gopher

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRequest feeds arbitrary bytes to the request reader and parser, as a
// client could send them. Neither may panic; a parsed request must be one
// the line really said, with no field that could break a menu line.
func FuzzRequest(f *testing.F) {
	for _, seed := range []string{
		"\r\n", "/\r\n", "\n", "/posts/a.txt\r\n", "/search\t合気道\r\n", "/search\t合気道\t+\r\n",
		"\t$\r\n", "/\t+\r\n", "URL:https://example.org/\r\n", "/URL:javascript:alert(1)\r\n",
		"a\x00b\r\n", "a\rb\r\n", "\xff\xfe\r\n", strings.Repeat("x", 2000) + "\r\n", "no line end",
		"GET / HTTP/1.0\r\n\r\n", "/\t\t\t\r\n",
	} {
		f.Add([]byte(seed))
	}
	const max = 256
	f.Fuzz(func(t *testing.T, data []byte) {
		line, err := readRequestLine(bytes.NewReader(data), max)
		if err != nil {
			return
		}
		if len(line) > max || strings.Contains(line, "\n") {
			t.Fatalf("line %q: over the limit or holds LF", line)
		}
		if i := bytes.IndexByte(data, '\n'); i >= 0 && !bytes.HasPrefix(data, []byte(line)) {
			t.Fatalf("line %q is not the start of the request %q", line, data)
		}
		r, err := ParseRequest(line)
		if err != nil {
			if !strings.ContainsAny(line, "\x00\r") {
				t.Fatalf("ParseRequest(%q) refused a clean line: %v", line, err)
			}
			return
		}
		if strings.ContainsAny(r.Selector, "\t\r\n\x00") {
			t.Fatalf("selector %q holds a control character", r.Selector)
		}
		rebuilt := r.Selector
		switch {
		case r.Plus != "" && r.Search == "" && !strings.HasPrefix(line[len(r.Selector):], "\t\t"):
			rebuilt += "\t" + r.Plus
		case r.Plus != "" || strings.Count(line, "\t") > 1:
			rebuilt += "\t" + r.Search + "\t" + r.Plus
		case strings.Contains(line, "\t"):
			rebuilt += "\t" + r.Search
		}
		if rebuilt != line {
			t.Fatalf("ParseRequest(%q) = %q %q %q, which rebuilds as %q", line, r.Selector, r.Search, r.Plus, rebuilt)
		}
		_ = utf8.ValidString(r.Selector) // any bytes are a valid selector
	})
}
