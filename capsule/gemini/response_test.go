package gemini

import (
	"bytes"
	"strings"
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

// A shared response is its header and then the body itself, not a copy:
// written, it is the response NewResponse makes; its body is the body,
// whatever pieces it is in.
func TestSharedResponse(t *testing.T) {
	body := []byte("\x89PNG 絵の中身")
	whole := NewResponse(StatusSuccess, "image/png", body)
	shared := NewSharedResponse(StatusSuccess, "image/png", body)
	var w bytes.Buffer
	if _, err := shared.WriteTo(&w); err != nil || !bytes.Equal(w.Bytes(), whole.Raw) {
		t.Fatalf("written: %q (%v), want %q", w.Bytes(), err, whole.Raw)
	}
	if len(shared.Tail) != 1 || &shared.Tail[0][0] != &body[0] {
		t.Error("the body was copied")
	}
	if empty := NewSharedResponse(StatusSuccess, "text/plain", nil); !bytes.Equal(empty.Bytes(), []byte("20 text/plain\r\n")) || empty.Body == nil {
		t.Errorf("an empty body: %q, body %v", empty.Bytes(), empty.Body)
	}
	at := bytes.Index(whole.Raw, []byte("絵"))
	split := &Response{Raw: whole.Raw[:at], Body: whole.Body[:len(whole.Body)-len(whole.Raw)+at], Tail: [][]byte{whole.Raw[at : at+3], nil, whole.Raw[at+3:]}}
	for _, r := range []*Response{whole, shared, split} {
		if !r.BodyIs(body) {
			t.Errorf("%q: BodyIs(the body) is false", r.Bytes())
		}
		for _, other := range [][]byte{nil, body[:len(body)-1], append(bytes.Clone(body), 'x'), []byte("\x89PNG 絵の中見")} {
			if r.BodyIs(other) {
				t.Errorf("%q: BodyIs(%q) is true", r.Bytes(), other)
			}
		}
	}
}

// A meta that quotes what a stranger sent (a Titan path decoded from
// %0D%0A) cannot end the header early, is UTF-8, and is at most 1024
// bytes, cut at a character; a meta that is fit is kept as it is.
func TestResponseMetaFitForTheHeader(t *testing.T) {
	for _, c := range []struct{ meta, want string }{
		{"text/gemini; lang=ja", "text/gemini; lang=ja"},
		{"パス /x\r\n20 text/gemini\x00\x1b[31m は書けません", "パス /x  20 text/gemini  [31m は書けません"},
		{"bad \xff byte\x7f", "bad \uFFFD byte "},
		{strings.Repeat("あ", 400), strings.Repeat("あ", 341)}, // 1,023 bytes
	} {
		r := NewResponse(StatusBadRequest, c.meta, nil)
		if r.Meta != c.want || string(r.Raw) != "59 "+c.want+"\r\n" {
			t.Errorf("meta %q: got %q, raw %q; want %q", c.meta, r.Meta, r.Raw, c.want)
		}
	}
}
