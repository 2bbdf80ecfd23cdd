package capsule

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// fuzzCapsule is a Capsule over the test posts, for fuzzing the whole
// answer to a request line.
var fuzzCapsule = sync.OnceValue(func() *Capsule {
	c, err := content.Load("testdata/links", content.LoadOptions{})
	if err != nil {
		panic(err)
	}
	st, err := Build(context.Background(), &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}, c, BuildOptions{})
	if err != nil {
		panic(err)
	}
	return New(st)
})

// FuzzGeminiRequest feeds arbitrary bytes to the request reader, the
// validation and the lookup of a whole Capsule (package gemini's FuzzParse
// checks its two parsers against each other). Nothing may panic; every answer is a
// well-formed header; a request that is answered 2x or 51 or 10 followed
// every rule.
func FuzzGeminiRequest(f *testing.F) {
	for _, seed := range []string{
		"gemini://localhost/\r\n", "gemini://localhost:1965/posts/2020-01-01-first.gmi\r\n",
		"gemini://localhost/search?%E5%90%88\r\n", "gemini://localhost/search\r\n",
		"gemini://localhost/tags/%E3%83%86%E3%82%B9%E3%83%88.gmi\r\n", "gemini://localhost/../../etc/passwd\r\n",
		"\ufeffgemini://localhost/\r\n", "gemini://u@localhost/\r\n", "gemini://localhost/#f\r\n",
		"https://localhost/\r\n", "gemini://example.org/\r\n", "gemini://localhost:1/\r\n", "/\r\n",
		"gemini://localhost/\n", "\r\n", "gemini://localhost/\xff\r\n", "gemini:x\r\n",
		"gemini://localhost/" + strings.Repeat("a", 1010) + "\r\n",
	} {
		f.Add([]byte(seed))
	}
	c := fuzzCapsule()
	f.Fuzz(func(t *testing.T, data []byte) {
		var buf [gemini.MaxRequest + 2]byte
		line, err := gemini.ReadRequest(bytes.NewReader(data), buf[:])
		if err != nil {
			return
		}
		if len(line) > gemini.MaxRequest || bytes.ContainsAny(line, "\r\n") && !bytes.Contains(data[:len(line)+2], []byte("\r\n")) {
			t.Fatalf("line %q: too long or not the first line", line)
		}
		resp := c.Gemini(line)
		header, _, ok := bytes.Cut(resp.Raw, []byte("\r\n"))
		if !ok || len(header) < 3 || header[2] != ' ' || len(header)-3 > 1024 || !utf8.Valid(header) {
			t.Fatalf("request %q: malformed header %q", line, header)
		}
		switch string(header[:2]) {
		case "20", "51", "10":
			if !utf8.Valid(line) || bytes.HasPrefix(line, []byte("\ufeff")) || bytes.IndexByte(line, '#') >= 0 ||
				!bytes.HasPrefix(bytes.ToLower(line), []byte("gemini://")) || bytes.IndexByte(authority(line), '@') >= 0 {
				t.Fatalf("request %q broke a rule but got %q", line, header)
			}
		case "53", "59":
		default:
			t.Fatalf("request %q: unexpected status %q", line, header)
		}
		r, refused := gemini.ParseRequest(line)
		if refused == nil {
			if !strings.HasPrefix(r.Path, "/") || strings.Contains("/"+r.Path+"/", "/../") {
				t.Fatalf("request %q: path %q escapes", line, r.Path)
			}
		}
	})
}

// authority is the part of an absolute URL between "//" and the path.
func authority(line []byte) []byte {
	_, rest, ok := bytes.Cut(line, []byte("//"))
	if !ok {
		return nil
	}
	if i := bytes.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}
