package capsule

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"git.sr.ht/~adnano/go-gemini"
)

// maxGeminiRequest is the longest request URL Gemini allows, in bytes,
// without its CRLF. A request of exactly this length is valid.
const maxGeminiRequest = 1024

// errGeminiRequestTooLong is a request line with no CRLF within the limit.
var errGeminiRequestTooLong = errors.New("gemini: request longer than 1024 bytes")

// readGeminiRequest reads a request line ending in CRLF into buf, which must
// hold maxGeminiRequest+2 bytes, and returns the URL without the CRLF. It
// stops at the CRLF: whatever a client sends after it is never looked at.
func readGeminiRequest(r io.Reader, buf []byte) ([]byte, error) {
	n := 0
	for {
		m, err := r.Read(buf[n:])
		n += m
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			if i == 0 || buf[i-1] != '\r' {
				return nil, errBadRequestLine
			}
			return buf[:i-1], nil
		}
		if n == len(buf) {
			return nil, errGeminiRequestTooLong
		}
		if err != nil {
			if err == io.EOF {
				return nil, errBadRequestLine
			}
			return nil, err
		}
	}
}

// errBadRequestLine is a request not ended by CRLF.
var errBadRequestLine = errors.New("gemini: request line does not end in CRLF")

// geminiTarget is a valid request aimed at this capsule: the path (decoded,
// dot segments resolved, "/" when empty) and the raw query.
type geminiTarget struct {
	Path     string
	RawQuery string
}

// Responses to requests that break Gemini's rules.
var (
	geminiBadRequest  = newGeminiResponse(gemini.StatusBadRequest, "Bad request", nil)
	geminiTooLong     = newGeminiResponse(gemini.StatusBadRequest, "Request longer than 1024 bytes", nil)
	geminiNotUTF8     = newGeminiResponse(gemini.StatusBadRequest, "Request is not UTF-8", nil)
	geminiBOM         = newGeminiResponse(gemini.StatusBadRequest, "Request starts with a byte order mark", nil)
	geminiNotAbsolute = newGeminiResponse(gemini.StatusBadRequest, "Request must be an absolute URL", nil)
	geminiUserinfo    = newGeminiResponse(gemini.StatusBadRequest, "Request URL must not hold userinfo", nil)
	geminiFragment    = newGeminiResponse(gemini.StatusBadRequest, "Request URL must not hold a fragment", nil)
	geminiOtherScheme = newGeminiResponse(gemini.StatusProxyRequestRefused, "Only gemini:// URLs are served here", nil)
)

// parseGeminiRequest checks a request URL against Gemini's rules and against
// the site it must name. It returns the target, or the response that
// refuses the request: 59 for a malformed request, 53 for one meant for
// another scheme, host or port.
func parseGeminiRequest(line []byte, site *Site, wrongHost *GeminiResponse) (geminiTarget, *GeminiResponse) {
	switch {
	case len(line) > maxGeminiRequest:
		return geminiTarget{}, geminiTooLong
	case bytes.HasPrefix(line, []byte("\xef\xbb\xbf")):
		return geminiTarget{}, geminiBOM
	case !utf8.Valid(line):
		return geminiTarget{}, geminiNotUTF8
	case bytes.IndexByte(line, '#') >= 0:
		// '#' may appear nowhere in a URL but before its fragment.
		return geminiTarget{}, geminiFragment
	}
	u, err := url.Parse(string(line))
	switch {
	case err != nil:
		return geminiTarget{}, geminiBadRequest
	case u.Scheme == "" || u.Opaque != "":
		return geminiTarget{}, geminiNotAbsolute
	case u.User != nil:
		return geminiTarget{}, geminiUserinfo
	case u.Scheme != "gemini":
		return geminiTarget{}, geminiOtherScheme
	case u.Host == "":
		return geminiTarget{}, geminiNotAbsolute
	case !strings.EqualFold(strings.TrimSuffix(u.Hostname(), "."), site.Hostname),
		u.Port() != "" && u.Port() != strconv.Itoa(site.GeminiPort):
		return geminiTarget{}, wrongHost
	}
	return geminiTarget{Path: cleanPath(u.Path), RawQuery: u.RawQuery}, nil
}

// cleanPath resolves "." and ".." segments, so that no path climbs above the
// root, and keeps a trailing slash. The empty path is "/".
func cleanPath(p string) string {
	if p == "" || p == "/" {
		return "/"
	}
	clean := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean
}
