package gemini

import (
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
	Body   []byte
	// Raw is the response as sent: the header line and the body, so that
	// serving it is one write.
	Raw []byte
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
