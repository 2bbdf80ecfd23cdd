package gopher

import (
	"errors"
	"io"
	"net"
	"strings"
)

// DefaultMaxRequestBytes is the longest request line accepted, without its
// line end, when Server.MaxRequestBytes is zero. Selectors are short; 1 KiB
// leaves room for a search query in Japanese (3 bytes a character).
const DefaultMaxRequestBytes = 1024

// Errors returned while reading a request.
var (
	ErrRequestTooLong = errors.New("gopher: request line too long")
	ErrBadRequest     = errors.New("gopher: malformed request line")
)

// Request is one Gopher request: selector[TAB search[TAB gopher+]] CRLF.
type Request struct {
	// Selector is the text before the first TAB, exactly as sent.
	Selector string
	// Search is the text after the first TAB: the query of a type 7 item.
	Search string
	// Plus is the Gopher+ part after the second TAB ("+", "!", "$", …),
	// or the text after a TAB that starts with "+", "!" or "$" when there
	// is no search part.
	Plus string
	// RemoteAddr is the client's address.
	RemoteAddr net.Addr
}

// ParseRequest splits a request line (without its line end) into its parts.
// It rejects lines with NUL, CR or LF inside, which no client sends.
func ParseRequest(line string) (*Request, error) {
	if strings.ContainsAny(line, "\x00\r\n") {
		return nil, ErrBadRequest
	}
	r := new(Request)
	var rest string
	var ok bool
	r.Selector, rest, ok = strings.Cut(line, "\t")
	if !ok {
		return r, nil
	}
	search, plus, hasPlus := strings.Cut(rest, "\t")
	if hasPlus {
		r.Search, r.Plus = search, plus
		return r, nil
	}
	// "selector\t$" and friends: a Gopher+ request without a search part.
	if isGopherPlus(search) {
		r.Plus = search
	} else {
		r.Search = search
	}
	return r, nil
}

// isGopherPlus reports whether s is a Gopher+ request marker.
func isGopherPlus(s string) bool {
	return s != "" && (s[0] == '+' || s[0] == '!' || s[0] == '$')
}

// readRequestLine reads one line ending in LF (CRLF or bare LF) of at most
// max bytes, not counting the line end. It reads in small chunks so that a
// client cannot make it buffer more than max+2 bytes.
func readRequestLine(r io.Reader, max int) (string, error) {
	buf := make([]byte, 0, 128)
	var chunk [256]byte
	for {
		n, err := r.Read(chunk[:])
		if i := indexByte(chunk[:n], '\n'); i >= 0 {
			buf = append(buf, chunk[:i]...)
			line := strings.TrimSuffix(string(buf), "\r")
			if len(line) > max {
				return "", ErrRequestTooLong
			}
			return line, nil
		}
		buf = append(buf, chunk[:n]...)
		if len(buf) > max+1 { // max bytes and a CR
			return "", ErrRequestTooLong
		}
		if err != nil {
			if err == io.EOF && len(buf) > 0 {
				// Some clients close their write side without a line end;
				// the request is complete all the same.
				line := strings.TrimSuffix(string(buf), "\r")
				if len(line) > max {
					return "", ErrRequestTooLong
				}
				return line, nil
			}
			return "", err
		}
	}
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
