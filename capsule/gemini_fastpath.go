package capsule

import (
	"bytes"
	"strconv"
	"strings"
)

// plainGeminiRequest reads the request lines most clients send,
// "gemini://host[:port]/path[?query]" in ASCII with nothing to resolve,
// without url.Parse and without allocating: a percent-encoded path (a
// Japanese tag) is decoded into scratch, which must hold
// maxGeminiRequest bytes. It reports false for anything else (dot
// segments, userinfo, other schemes or hosts…), which then goes through
// parseGeminiRequest: the two agree on every line this accepts, as
// FuzzGeminiRequest checks.
func plainGeminiRequest(line []byte, site *Site, scratch []byte) (path, rawQuery []byte, ok bool) {
	const scheme = "gemini://"
	if len(line) > maxGeminiRequest || len(line) < len(scheme) || !bytes.EqualFold(line[:len(scheme)], []byte(scheme)) {
		return nil, nil, false
	}
	rest := line[len(scheme):]
	for _, c := range rest {
		// Printable ASCII but the characters that would need parsing.
		if c <= ' ' || c >= 0x7f || c == '#' || c == '@' || c == '\\' || c == '[' || c == ']' {
			return nil, nil, false
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
		port := hostport[i+1:]
		if len(port) == 0 || !isPort(port, site.GeminiPort) {
			return nil, nil, false
		}
	}
	host = bytes.TrimSuffix(host, []byte("."))
	if len(host) == 0 || bytes.IndexByte(hostport, '%') >= 0 || !strings.EqualFold(string(host), site.Hostname) {
		return nil, nil, false
	}
	path = rest
	if i := bytes.IndexByte(rest, '?'); i >= 0 {
		path, rawQuery = rest[:i], rest[i+1:]
	}
	if bytes.IndexByte(path, '%') >= 0 {
		if path, ok = unescapePath(path, scratch); !ok {
			return nil, nil, false
		}
	}
	switch {
	case len(path) == 0:
		path = []byte("/")
	case path[0] != '/', bytes.Contains(path, []byte("//")), bytes.Contains(path, []byte("/.")):
		// A relative reference, or segments to resolve.
		return nil, nil, false
	}
	return path, rawQuery, true
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

// isPort reports whether the decimal digits b are port p.
func isPort(b []byte, p int) bool {
	n, err := strconv.Atoi(string(b))
	return err == nil && n == p && (b[0] != '0' || len(b) == 1)
}
