package gemini

import "bytes"

// HasQuery reports whether a request line asks for path with a query, as a
// search does, so that the request can be charged before it is answered.
// Only a line with a '?' is parsed; it is parsed as Capsule answers it, so
// that no spelling of the path (percent-encoded, dot segments) escapes.
func HasQuery(line []byte, path string) bool {
	if bytes.IndexByte(line, '?') < 0 {
		return false
	}
	var scratch [MaxRequest]byte
	if r, ok := ParsePlain(line, scratch[:]); ok {
		return string(r.Path) == path && len(r.RawQuery) > 0
	}
	r, refused := ParseRequest(line)
	return refused == nil && r.Path == path && r.RawQuery != ""
}

// HasQuerySuffix is HasQuery for any path that ends in suffix: "/search"
// for the site's search and every language's ("/fr/search").
func HasQuerySuffix(line []byte, suffix string) bool {
	if bytes.IndexByte(line, '?') < 0 {
		return false
	}
	var scratch [MaxRequest]byte
	if r, ok := ParsePlain(line, scratch[:]); ok {
		return bytes.HasSuffix(r.Path, []byte(suffix)) && len(r.RawQuery) > 0
	}
	r, refused := ParseRequest(line)
	return refused == nil && len(r.Path) >= len(suffix) && r.Path[len(r.Path)-len(suffix):] == suffix && r.RawQuery != ""
}
