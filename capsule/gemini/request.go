package gemini

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// MaxRequest is the longest request URL Gemini allows, in bytes, without
// its CRLF. A request of exactly this length is valid.
const MaxRequest = 1024

// ErrRequestTooLong is a request line with no CRLF within the limit.
var ErrRequestTooLong = errors.New("gemini: request longer than 1024 bytes")

// ErrBadRequestLine is a request not ended by CRLF.
var ErrBadRequestLine = errors.New("gemini: request line does not end in CRLF")

// ReadRequest reads a request line ending in CRLF into buf, which must hold
// MaxRequest+2 bytes, and returns the URL without the CRLF. It stops at the
// CRLF: whatever a client sends after it is never looked at.
func ReadRequest(r io.Reader, buf []byte) ([]byte, error) {
	line, _, err := readRequest(r, buf)
	return line, err
}

// readRequest is ReadRequest that also returns the bytes read after the
// CRLF, in buf: a Titan request's body begins there.
func readRequest(r io.Reader, buf []byte) (line, after []byte, err error) {
	n := 0
	for {
		m, err := r.Read(buf[n:])
		n += m
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			if i == 0 || buf[i-1] != '\r' {
				return nil, nil, ErrBadRequestLine
			}
			return buf[:i-1], buf[i+1 : n], nil
		}
		if n == len(buf) {
			return nil, nil, ErrRequestTooLong
		}
		if err != nil {
			if err == io.EOF {
				return nil, nil, ErrBadRequestLine
			}
			return nil, nil, err
		}
	}
}

// Request is a request URL that follows Gemini's rules.
type Request struct {
	// Host is the URL's host, lower-cased, without a trailing dot; an
	// internationalized name in its ASCII form (xn--…), as the site's
	// host name is written, whichever form the client sent.
	Host string
	// Port is the URL's port, 0 when it names none.
	Port int
	// Path is decoded, its dot segments resolved; "/" when empty.
	Path     string
	RawQuery string
}

// Responses to requests that break Gemini's rules.
var (
	BadRequest  = NewResponse(StatusBadRequest, "Bad request", nil)
	TooLong     = NewResponse(StatusBadRequest, "Request longer than 1024 bytes", nil)
	notUTF8     = NewResponse(StatusBadRequest, "Request is not UTF-8", nil)
	withBOM     = NewResponse(StatusBadRequest, "Request starts with a byte order mark", nil)
	notAbsolute = NewResponse(StatusBadRequest, "Request must be an absolute URL", nil)
	badPort     = NewResponse(StatusBadRequest, "Request URL has a port that is not a number from 1 to 65535", nil)
	withUser    = NewResponse(StatusBadRequest, "Request URL must not hold userinfo", nil)
	withFrag    = NewResponse(StatusBadRequest, "Request URL must not hold a fragment", nil)
	aboveRoot   = NewResponse(StatusBadRequest, "Request path climbs above the root", nil)
	otherScheme = NewResponse(StatusProxyRequestRefused, "Only gemini:// URLs are served here", nil)
)

// ParseRequest checks a request URL against Gemini's rules. It returns the
// request, or the response that refuses it: 59 for a malformed request, 53
// for one meant for another scheme. Whether the host and port are served
// here is for the caller to say.
func ParseRequest(line []byte) (Request, *Response) { return parseURL(line, "gemini") }

// parseURL checks a request URL of scheme against Gemini's rules (a
// Titan request's, without its parameters, follows them too).
func parseURL(line []byte, scheme string) (Request, *Response) {
	switch {
	case len(line) > MaxRequest:
		return Request{}, TooLong
	case bytes.HasPrefix(line, []byte("\xef\xbb\xbf")):
		return Request{}, withBOM
	case !utf8.Valid(line):
		return Request{}, notUTF8
	case bytes.IndexByte(line, '#') >= 0:
		// '#' may appear nowhere in a URL but before its fragment.
		return Request{}, withFrag
	}
	u, err := url.Parse(string(line))
	switch {
	case err != nil:
		return Request{}, BadRequest
	case u.Scheme == "" || u.Opaque != "":
		return Request{}, notAbsolute
	case u.User != nil:
		return Request{}, withUser
	case u.Scheme != scheme:
		return Request{}, otherScheme
	case u.Host == "":
		return Request{}, notAbsolute
	}
	if strings.Contains(u.Hostname(), ":") && !strings.HasPrefix(u.Host, "[") {
		// localhost:1965:1: url.Parse takes the last colon's for the
		// port, and "localhost:1965" for a host; it is a port that is
		// not a number.
		return Request{}, badPort
	}
	port := 0
	if p := u.Port(); p != "" {
		var ok bool
		if port, ok = parsePort([]byte(p)); !ok {
			return Request{}, badPort
		}
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if !isASCII(host) {
		// An IRI's host (gemini://日本.example/): the name the ASCII
		// form, which clients are to send, names too. One that is no
		// name stays as sent, and names no site (53).
		if a, err := idna.Lookup.ToASCII(host); err == nil {
			host = a
		}
	}
	// The path as sent: url.Parse keeps it in RawPath whenever decoding
	// loses something (an escaped "/"), or when it is not escaped as Go
	// would escape it; otherwise Path, escaped, is what was sent.
	raw := u.RawPath
	if raw == "" {
		raw = u.Path
	}
	clean, ok := cleanPath(raw)
	if !ok {
		return Request{}, aboveRoot
	}
	return Request{Host: host, Port: port, Path: clean, RawQuery: u.RawQuery}, nil
}

// parsePort reads a port: decimal digits only (no sign, no space), 1 to
// 65535, leading zeros allowed (RFC 3986). Both request parsers use it, so that they agree on every port.
func parsePort(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		if n = n*10 + int(c-'0'); n > 65535 {
			return 0, false
		}
	}
	return n, n >= 1 && n <= 65535
}

// cleanPath decodes a path as sent, segment by segment, and resolves "."
// and ".." segments in it, keeping a trailing slash; the empty path is
// "/". An escaped "/" (%2F) separates nothing: it is a character of its
// segment, as RFC 3986 has it, so that a tag "CI/CD", linked as
// /tags/CI%2FCD.gmi, is asked for whole, and a tag "a/../b" is not
// resolved into another's address. Segments are compared decoded: "%2E%2E"
// is "..". A path whose ".." would climb above the root is refused (ok
// false), as web servers answer 400 to one: it is not a path on this
// server, and quietly serving the home page for it would hide a client's
// mistake or a probe.
func cleanPath(raw string) (clean string, ok bool) {
	if raw == "" || raw == "/" {
		return "/", true
	}
	segs := strings.Split(strings.TrimPrefix(raw, "/"), "/")
	out := make([]string, 0, len(segs))
	trailing := false
	for _, seg := range segs {
		dec, err := url.PathUnescape(seg)
		if err != nil {
			return "", false
		}
		trailing = false
		switch dec {
		case "..":
			if len(out) == 0 {
				return "", false
			}
			out = out[:len(out)-1]
			trailing = true
		case ".", "":
			trailing = true
		default:
			out = append(out, dec)
		}
	}
	clean = "/" + strings.Join(out, "/")
	if trailing && clean != "/" {
		clean += "/"
	}
	return clean, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
