package gemini

import (
	"bytes"
	"testing"
)

// A response in pieces is, written or joined, the response whole; one in
// one piece is Raw itself, not a copy.
func TestResponsePieces(t *testing.T) {
	whole := NewResponse(StatusSuccess, "text/gemini", []byte("# 題\n\n本文\n=> / ホーム\n"))
	at := bytes.Index(whole.Raw, []byte("=> "))
	two := &Response{Status: whole.Status, Meta: whole.Meta, Raw: whole.Raw[:at:at], Tail: [][]byte{[]byte("=> / ホーム\n")}}
	many := &Response{Status: whole.Status, Meta: whole.Meta, Raw: whole.Raw[:at:at], Tail: [][]byte{[]byte("=> / "), nil, []byte("ホーム"), []byte("\n")}}
	for _, r := range []*Response{whole, two, many} {
		var w bytes.Buffer
		n, err := r.WriteTo(&w)
		if err != nil || int(n) != r.Len() || r.Len() != len(whole.Raw) || !bytes.Equal(w.Bytes(), whole.Raw) || !bytes.Equal(r.Bytes(), whole.Raw) {
			t.Errorf("%d bytes written of %d (%v): %q; joined %q; want %q", n, r.Len(), err, w.Bytes(), r.Bytes(), whole.Raw)
		}
	}
	if b := whole.Bytes(); &b[0] != &whole.Raw[0] {
		t.Error("a response in one piece is copied to be read whole")
	}
}
