package gemini

import (
	"bytes"
	"crypto/tls"
	"net/url"
	"strconv"
	"strings"
)

// Titan is Gemini's upload companion: a request line whose URL has the
// titan scheme and parameters after its path
// (titan://host/path;mime=text/plain;size=123;token=T), followed at once
// by size bytes of body, and answered with an ordinary Gemini response.
// The Server hands such a line to its UploadHandler with the body
// unread: whether to read it at all is the handler's to decide, after
// it has looked at the client's certificate and the declared size.

// TitanRequest is a Titan request line that follows the rules.
type TitanRequest struct {
	Host string // lower-cased, without a trailing dot
	Port int    // 0 when the URL names none
	// Path is decoded and cleaned as a Gemini request's Path is, without
	// the parameters.
	Path string
	// Mime is the declared media type of the body; "text/gemini" when
	// the client gave none, as the protocol says.
	Mime string
	// Size is the declared length of the body, in bytes: 0 deletes.
	Size int64
	// Token is the token parameter, decoded; "" when none.
	Token string
}

// MaxTitanSize bounds the size parameter a request may declare, before
// any cap of the handler's: a number that large is refused as malformed.
const MaxTitanSize = 1 << 40

// Responses to Titan lines that break the rules.
var (
	titanNoSize    = NewResponse(StatusBadRequest, "Titan request must declare its size (;size=N)", nil)
	titanBadSize   = NewResponse(StatusBadRequest, "Titan request has a size that is not a whole number of bytes", nil)
	titanBadParams = NewResponse(StatusBadRequest, "Titan request has a parameter twice, or one that cannot be decoded", nil)
)

// IsTitan reports whether a request line asks for the titan scheme (in
// any case, as schemes are).
func IsTitan(line []byte) bool {
	const prefix = "titan://"
	return len(line) >= len(prefix) && strings.EqualFold(string(line[:len(prefix)]), prefix)
}

// ParseTitan checks a Titan request line and returns the request, or the
// response that refuses it (59 for a malformed one).
func ParseTitan(line []byte) (TitanRequest, *Response) {
	if !IsTitan(line) {
		return TitanRequest{}, notAbsolute
	}
	// The parameters start at the first ";" after the authority: a ";"
	// in the host or port is no URL's.
	rest := line[len("titan://"):]
	slash := bytes.IndexByte(rest, '/')
	semi := bytes.IndexByte(rest, ';')
	if semi < 0 || (slash >= 0 && semi < slash) {
		return TitanRequest{}, titanNoSize
	}
	at := len("titan://") + semi
	u, refused := parseURL(line[:at], "titan")
	if refused != nil {
		return TitanRequest{}, refused
	}
	r := TitanRequest{Host: u.Host, Port: u.Port, Path: u.Path, Mime: "text/gemini", Size: -1}
	seen := map[string]bool{}
	for _, p := range strings.Split(string(line[at+1:]), ";") {
		k, v, _ := strings.Cut(p, "=")
		k = asciiLower(k) // not strings.ToLower: "\u212Aey" is no key (the access log's redaction folds ASCII alone)
		if seen[k] && (k == "size" || k == "mime" || k == "token") {
			return TitanRequest{}, titanBadParams
		}
		seen[k] = true
		switch k {
		case "size":
			n, ok := parseSize(v)
			if !ok {
				return TitanRequest{}, titanBadSize
			}
			r.Size = n
		case "mime":
			if v != "" {
				r.Mime = v
			}
		case "token":
			t, err := url.QueryUnescape(v)
			if err != nil {
				return TitanRequest{}, titanBadParams
			}
			r.Token = t
		}
	}
	if r.Size < 0 {
		return TitanRequest{}, titanNoSize
	}
	return r, nil
}

// parseSize reads a size parameter: decimal digits only, at most
// MaxTitanSize.
func parseSize(s string) (int64, bool) {
	if s == "" || len(s) > 13 || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n <= MaxTitanSize
}

// UploadHandler answers a Titan request line read from c. body reads
// what follows the line: the bytes already read with it, then the
// connection. Nothing is read from c past the line unless the handler
// reads body, so a request that is refused costs the server none of
// its body. The handler sets the read deadline for what it reads (the
// server's bounds only the handshake and the line). A nil Response
// means no answer.
type UploadHandler func(c *tls.Conn, line []byte, body *Body) *Response

// Body is what follows a Titan request line: the bytes read with the
// line, then the connection.
type Body struct {
	early []byte
	conn  *tls.Conn
	n     int64 // bytes read so far
}

// Read reads the body.
func (b *Body) Read(p []byte) (int, error) {
	if len(b.early) > 0 {
		n := copy(p, b.early)
		b.early = b.early[n:]
		b.n += int64(n)
		return n, nil
	}
	n, err := b.conn.Read(p)
	b.n += int64(n)
	return n, err
}

// ReadBytes is how many bytes of the body have been read.
func (b *Body) ReadBytes() int64 { return b.n }

// asciiLower is s with its ASCII letters lowered, and nothing else.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
