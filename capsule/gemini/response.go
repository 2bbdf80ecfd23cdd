package gemini

import (
	"io"
	"strconv"

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
	// Tail, when not empty, is the rest of the response, after Raw,
	// written right after it. A response is made in two pieces to share
	// its first with another: a post's page whose body a reload keeps
	// while the links under it change (a new site title) points at the
	// bytes the previous Store serves, not at a copy of them.
	Tail []byte
}

// Len is the size of the response as sent: Raw and Tail.
func (r *Response) Len() int { return len(r.Raw) + len(r.Tail) }

// Bytes is the response as sent, whole: Raw itself, or a new copy of
// Raw and Tail joined. Serving writes the pieces (WriteTo) instead.
func (r *Response) Bytes() []byte {
	if len(r.Tail) == 0 {
		return r.Raw
	}
	return append(append(make([]byte, 0, r.Len()), r.Raw...), r.Tail...)
}

// WriteTo writes the response to w, Raw then Tail, without copying
// either, and returns the bytes written.
func (r *Response) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(r.Raw)
	if err != nil || len(r.Tail) == 0 {
		return int64(n), err
	}
	m, err := w.Write(r.Tail)
	return int64(n + m), err
}

// NewResponse renders a response.
func NewResponse(status Status, meta string, body []byte) *Response {
	raw := make([]byte, 0, len(meta)+len(body)+6)
	raw = strconv.AppendInt(raw, int64(status), 10)
	raw = append(raw, ' ')
	raw = append(raw, meta...)
	raw = append(raw, "\r\n"...)
	raw = append(raw, body...)
	return &Response{Status: status, Meta: meta, Body: raw[len(raw)-len(body):], Raw: raw}
}
