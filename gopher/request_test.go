package gopher

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseRequest(t *testing.T) {
	tests := []struct {
		line                   string
		selector, search, plus string
	}{
		{"", "", "", ""},
		{"/", "/", "", ""},
		{"/posts/a.txt", "/posts/a.txt", "", ""},
		{"/search\t合気道", "/search", "合気道", ""},
		{"/search\t合気道\t+", "/search", "合気道", "+"},
		{"\t$", "", "", "$"},
		{"/\t+", "/", "", "+"},
		{"/x\t!", "/x", "", "!"},
		{"/search\tfoo bar", "/search", "foo bar", ""},
		{"/search\t\t$", "/search", "", "$"},
	}
	for _, tt := range tests {
		r, err := ParseRequest(tt.line)
		if err != nil {
			t.Errorf("ParseRequest(%q): %v", tt.line, err)
			continue
		}
		if r.Selector != tt.selector || r.Search != tt.search || r.Plus != tt.plus {
			t.Errorf("ParseRequest(%q) = %q %q %q, want %q %q %q", tt.line,
				r.Selector, r.Search, r.Plus, tt.selector, tt.search, tt.plus)
		}
	}
	for _, bad := range []string{"a\x00b", "a\rb", "a\nb"} {
		if _, err := ParseRequest(bad); !errors.Is(err, ErrBadRequest) {
			t.Errorf("ParseRequest(%q) error = %v, want ErrBadRequest", bad, err)
		}
	}
}

func TestReadRequestLine(t *testing.T) {
	tests := []struct {
		in, want string
		err      error
	}{
		{"/a\r\n", "/a", nil},
		{"/a\n", "/a", nil},
		{"/a\r\nignored", "/a", nil},
		{"\r\n", "", nil},
		{"/no-line-end", "/no-line-end", nil}, // the client half-closed
		{"", "", io.EOF},
		{strings.Repeat("x", 16) + "\r\n", strings.Repeat("x", 16), nil},
		{strings.Repeat("x", 17) + "\r\n", "", ErrRequestTooLong},
		{strings.Repeat("x", 1000), "", ErrRequestTooLong},
	}
	for _, tt := range tests {
		for _, r := range []io.Reader{strings.NewReader(tt.in), iotest.OneByteReader(strings.NewReader(tt.in))} {
			got, err := readRequestLine(r, 16)
			if got != tt.want || !errors.Is(err, tt.err) {
				t.Errorf("readRequestLine(%.20q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
			}
		}
	}
}
