package gemini

import (
	"bytes"
	"strings"
)

// HasQuerySuffix reports whether a request line asks for a path ending in
// suffix with a query, as a search does ("/search", a language's
// "/fr/search"), so that the request can be charged before it is
// answered. Only a line with a '?' is parsed; it is parsed as Capsule
// answers it, so that no spelling of the path (percent-encoded, dot
// segments) escapes.
func HasQuerySuffix(line []byte, suffix string) bool {
	if bytes.IndexByte(line, '?') < 0 {
		return false
	}
	var scratch [MaxRequest]byte
	if r, ok := ParsePlain(line, scratch[:]); ok {
		return bytes.HasSuffix(r.Path, []byte(suffix)) && len(r.RawQuery) > 0
	}
	r, refused := ParseRequest(line)
	return refused == nil && strings.HasSuffix(r.Path, suffix) && r.RawQuery != ""
}
