package gemini

import (
	"bytes"
)

// PlainRequest is a request line that ParsePlain understood.
type PlainRequest struct {
	Host     []byte // as sent: compare it without case
	Port     int    // 0 when the URL names none
	Path     []byte // decoded; "/" when empty
	RawQuery []byte
}

// ParsePlain reads the request lines most clients send,
// "gemini://host[:port]/path[?query]" in ASCII with nothing to resolve,
// without url.Parse and without allocating: a percent-encoded path (a
// Japanese tag) is decoded into scratch, which must hold MaxRequest bytes.
// It reports false for anything else (dot segments, userinfo, other
// schemes…), which then goes through ParseRequest: the two agree on every
// line this accepts (host compared without case and a trailing dot, port,
// path, query), as FuzzRequest checks.
func ParsePlain(line []byte, scratch []byte) (r PlainRequest, ok bool) {
	const scheme = "gemini://"
	if len(line) > MaxRequest || len(line) < len(scheme) || !bytes.EqualFold(line[:len(scheme)], []byte(scheme)) {
		return r, false
	}
	rest := line[len(scheme):]
	for _, c := range rest {
		// Printable ASCII but the characters that would need parsing.
		if c <= ' ' || c >= 0x7f || c == '#' || c == '@' || c == '\\' || c == '[' || c == ']' {
			return r, false
		}
	}
	hostport := rest
	if i := bytes.IndexAny(rest, "/?"); i >= 0 {
		hostport, rest = rest[:i], rest[i:]
	} else {
		rest = nil
	}
	host := hostport
	if i := bytes.IndexByte(hostport, ':'); i >= 0 {
		host = hostport[:i]
		if r.Port, ok = parsePort(hostport[i+1:]); !ok {
			return r, false
		}
	}
	host = bytes.TrimSuffix(host, []byte("."))
	if len(host) == 0 {
		return r, false
	}
	for _, c := range host {
		// A host name's characters: anything else (escapes, sub-delims)
		// is for url.Parse to judge.
		if !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_') {
			return r, false
		}
	}
	r.Host = host
	r.Path = rest
	if i := bytes.IndexByte(rest, '?'); i >= 0 {
		r.Path, r.RawQuery = rest[:i], rest[i+1:]
	}
	if bytes.IndexByte(r.Path, '%') >= 0 {
		if r.Path, ok = unescapePath(r.Path, scratch); !ok {
			return r, false
		}
	}
	switch {
	case len(r.Path) == 0:
		r.Path = []byte("/")
	case r.Path[0] != '/', bytes.Contains(r.Path, []byte("//")), bytes.Contains(r.Path, []byte("/.")):
		// A relative reference, or segments to resolve.
		return r, false
	}
	return r, true
}

// unescapePath decodes %XX escapes into dst. It refuses malformed escapes
// and escapes of control characters, leaving them to the full parse.
func unescapePath(p, dst []byte) ([]byte, bool) {
	n := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '%' {
			if i+2 >= len(p) || !isHex(p[i+1]) || !isHex(p[i+2]) {
				return nil, false
			}
			c = unhex(p[i+1])<<4 | unhex(p[i+2])
			if c < ' ' || c == 0x7f {
				return nil, false
			}
			i += 2
		}
		dst[n] = c
		n++
	}
	return dst[:n], true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
