package gemini

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"git.sr.ht/~adnano/go-gemini"
)

// Status is a Gemini status code: go-gemini's, so that both packages' values
// mix freely.
type Status = gemini.Status

// The statuses capsule answers with.
const (
	StatusInput                    = gemini.StatusInput
	StatusSuccess                  = gemini.StatusSuccess
	StatusRedirect                 = gemini.StatusRedirect
	StatusPermanentRedirect        = gemini.StatusPermanentRedirect
	StatusTemporaryFailure         = gemini.StatusTemporaryFailure
	StatusSlowDown                 = gemini.StatusSlowDown
	StatusNotFound                 = gemini.StatusNotFound
	StatusProxyRequestRefused      = gemini.StatusProxyRequestRefused
	StatusBadRequest               = gemini.StatusBadRequest
	StatusCertificateRequired      = gemini.StatusCertificateRequired
	StatusCertificateNotAuthorized = gemini.StatusCertificateNotAuthorized
)

// Response is one complete Gemini response, rendered once and written as
// many times as it is asked for.
type Response struct {
	Status Status
	Meta   string
	// Body is the body as far as Raw holds it: the whole body, but for a
	// response with a Tail, whose body goes on there.
	Body []byte
	// Raw is the response as sent, or its beginning when Tail is not
	// empty: the header line and the body, so that serving it is one
	// write.
	Raw []byte
	// Tail, when not empty, is the rest of the response, after Raw, in
	// pieces written one after the other. A response is made in pieces
	// to share some with another: a post's page whose body a reload
	// keeps while the links under it change (a new site title) points at
	// the bytes the previous Store serves, not at a copy of them; a feed
	// of thousands of entries is made of runs of them, and a reload that
	// changed one entry makes one run again, not the whole feed.
	Tail [][]byte
}

// Len is the size of the response as sent: Raw and Tail.
func (r *Response) Len() int {
	n := len(r.Raw)
	for _, t := range r.Tail {
		n += len(t)
	}
	return n
}

// Bytes is the response as sent, whole: Raw itself, or a new copy of
// Raw and Tail joined. Serving writes the pieces (WriteTo) instead.
func (r *Response) Bytes() []byte {
	if len(r.Tail) == 0 {
		return r.Raw
	}
	b := append(make([]byte, 0, r.Len()), r.Raw...)
	for _, t := range r.Tail {
		b = append(b, t...)
	}
	return b
}

// WriteTo writes the response to w, Raw then each piece of Tail, without
// copying any, and returns the bytes written.
func (r *Response) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(r.Raw)
	written := int64(n)
	for _, t := range r.Tail {
		if err != nil {
			break
		}
		n, err = w.Write(t)
		written += int64(n)
	}
	return written, err
}

// maxMeta is the most bytes a response header's meta may hold, as the
// Gemini specification bounds it.
const maxMeta = 1024

// NewResponse renders a response. Its meta is made one that a client can
// read as the specification says (see headerMeta), whatever went into it:
// a message may quote a request's decoded path.
func NewResponse(status Status, meta string, body []byte) *Response {
	meta = headerMeta(meta)
	raw := make([]byte, 0, len(meta)+len(body)+6)
	raw = strconv.AppendInt(raw, int64(status), 10)
	raw = append(raw, ' ')
	raw = append(raw, meta...)
	raw = append(raw, "\r\n"...)
	raw = append(raw, body...)
	return &Response{Status: status, Meta: meta, Body: raw[len(raw)-len(body):], Raw: raw}
}

// NewSharedResponse is NewResponse for a body that is not copied: the
// response is its header line in Raw and body itself as its Tail, written
// after it. body must not change afterwards. It is how a file beside the
// posts is served: its bytes, as the load read them, are held once, by
// the load (which a reload takes unchanged files from) and by every Store
// that serves them; copied into each Store's responses, they were held
// twice, and a reload copied every file again.
func NewSharedResponse(status Status, meta string, body []byte) *Response {
	r := NewResponse(status, meta, nil)
	r.Body = r.Raw[len(r.Raw):]
	if len(body) > 0 {
		r.Tail = [][]byte{body[:len(body):len(body)]}
	}
	return r
}

// BodyIs reports whether r's body, in Raw and Tail, is b.
func (r *Response) BodyIs(b []byte) bool {
	if !bytes.HasPrefix(b, r.Body) {
		return false
	}
	b = b[len(r.Body):]
	for _, t := range r.Tail {
		if !bytes.HasPrefix(b, t) {
			return false
		}
		b = b[len(t):]
	}
	return len(b) == 0
}

// headerMeta returns meta fit for a response header: valid UTF-8, with
// no control character (a CR or LF would end the header early, and the
// rest be read as the body), at most maxMeta bytes, cut at a character.
// Each control character becomes a space; meta that is fit already, as
// every message capsule writes is, is returned as it is.
func headerMeta(meta string) string {
	fit := len(meta) <= maxMeta && utf8.ValidString(meta)
	for i := 0; fit && i < len(meta); i++ {
		fit = meta[i] >= ' ' && meta[i] != 0x7f
	}
	if fit {
		return meta
	}
	meta = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(meta, "\uFFFD"))
	if len(meta) > maxMeta {
		cut := maxMeta
		for !utf8.RuneStart(meta[cut]) {
			cut--
		}
		meta = meta[:cut]
	}
	return meta
}
