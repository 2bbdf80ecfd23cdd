package gemini

import (
	"strconv"
	"strings"
	"testing"
)

// agree checks that the fast parser, wherever it accepts a line, says
// exactly what the full parse says of it.
func agree(t *testing.T, line []byte) {
	t.Helper()
	var scratch [MaxRequest]byte
	plain, ok := ParsePlain(line, scratch[:])
	full, refused := ParseRequest(line)
	if !ok {
		return
	}
	host := strings.ToLower(string(plain.Host))
	if refused != nil || full.Host != host || full.Port != plain.Port ||
		full.Path != string(plain.Path) || full.RawQuery != string(plain.RawQuery) {
		t.Fatalf("request %q: fast path %q port %d %q %q; full parse %+v, refused %v",
			line, plain.Host, plain.Port, plain.Path, plain.RawQuery, full, refused)
	}
}

// TestParsersAgreeOnPorts covers what the fuzzer once missed: strconv.Atoi
// reads "+1965" as 1965, url.Parse refuses it.
func TestParsersAgreeOnPorts(t *testing.T) {
	for _, port := range []string{"", "1965", "+1965", "-1965", " 1965", "01965", "0", "65535", "65536",
		"99999", "000001965", "1965 ", "19a5", "0x7ad", "1_965", "１９６５", "1965:1", ":1965", "1:"} {
		for _, path := range []string{"/", "/./", "/posts/x.gmi", "", "?q"} {
			line := []byte("gemini://localhost:" + port + path)
			agree(t, line)
			want := port == "" // "host:" names no port (RFC 3986)
			if n, err := strconv.Atoi(port); err == nil && n >= 1 && n <= 65535 && port[0] >= '0' && port[0] <= '9' &&
				!strings.ContainsAny(port, " ") {
				want = true
			}
			if _, refused := ParseRequest(line); (refused == nil) != want {
				t.Errorf("request %q: refused %v, want accepted %v", line, refused, want)
			}
		}
	}
}

// Requests for a tag "CI/CD" are answered whole, however the client
// sends the path: escaped as links give it, mixed with UTF-8 sent raw.
func TestParseRequestEscapedSlash(t *testing.T) {
	for line, want := range map[string]string{
		"gemini://h/tags/CI%2FCD.gmi":           "/tags/CI/CD.gmi",
		"gemini://h/tags/%E6%97%A5%2F%E8%A8%98": "/tags/日/記",
		"gemini://h/tags/日%2F記":                 "/tags/日/記",
		"gemini://h/x/../tags/a%2F..%2Fb.gmi":   "/tags/a/../b.gmi",
	} {
		r, refused := ParseRequest([]byte(line))
		if refused != nil || r.Path != want {
			t.Errorf("%s: %q %v, want %q", line, r.Path, refused, want)
		}
		agree(t, []byte(line))
	}
}

func TestParseRequest(t *testing.T) {
	r, refused := ParseRequest([]byte("gemini://LocalHost.:1965/a/../b/%E3%81%82?x%20y"))
	if refused != nil {
		t.Fatal(refused.Meta)
	}
	if r.Host != "localhost" || r.Port != 1965 || r.Path != "/b/あ" || r.RawQuery != "x%20y" {
		t.Errorf("got %+v", r)
	}
}

// FuzzParse checks the fast parser against the full parse on any line,
// and on lines built from a host, a port and a path, so that the fuzzer
// spends its mutations on each part (a port with a sign, a host with a
// dot).
func FuzzParse(f *testing.F) {
	for _, seed := range []struct{ host, port, path string }{
		{"localhost", "", "/"}, {"localhost", "1965", "/posts/x.gmi"}, {"LOCALHOST.", "+1965", "/./"},
		{"localhost", "01965", "/tags/%E3%81%82.gmi"}, {"example.org", "1", "/search?q"},
		{"[::1]", "1965", "/"}, {"localhost", "1965", "//x"}, {"u@localhost", "", "/"},
		{"localhost", "", "/tags/CI%2FCD.gmi"}, {"localhost", "", "/tags/a%2F..%2Fb"},
	} {
		f.Add(seed.host, seed.port, seed.path)
	}
	f.Fuzz(func(t *testing.T, host, port, path string) {
		line := "gemini://" + host
		if port != "" {
			line += ":" + port
		}
		agree(t, []byte(line+path))
		agree(t, []byte(host+port+path))
	})
}

func TestCleanPath(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"", "/", true}, {"/", "/", true}, {"/a/./b", "/a/b", true}, {"/a/../b/", "/b/", true},
		{"/a/..", "/", true}, {"/a/b/..", "/a/", true}, {"/a/.", "/a/", true}, {"//a", "/a", true},
		{"/..", "", false}, {"/../a", "", false}, {"/a/../../b", "", false}, {"/a/../..", "", false},
		// An escaped "/" is a character of its segment, never a
		// separator: a tag "CI/CD", "a/../b" or "//x" keeps it.
		{"/tags/CI%2FCD.gmi", "/tags/CI/CD.gmi", true}, {"/tags/a%2F..%2Fb.gmi", "/tags/a/../b.gmi", true},
		{"/tags/%2F%2Fx", "/tags///x", true}, {"/tags/%2E%2E%2F%2E%2E%2Fetc", "/tags/../../etc", true},
		{"/tags/a%2F./b/..", "/tags/a/./", true},
		// Escaped dots are dots: "%2E%2E" is "..".
		{"/a/%2E%2E/b", "/b", true}, {"/%2e%2E/x", "", false}, {"/a/%2E/", "/a/", true},
		{"/%E6%97%A5/日記", "/日/日記", true},
	} {
		got, ok := cleanPath(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("cleanPath(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// HasQuerySuffix charges every search, the site's and its languages',
// however the path is spelt, and nothing without a query.
func TestHasQuerySuffix(t *testing.T) {
	for line, want := range map[string]bool{
		"gemini://h/search?q":             true,
		"gemini://h/ja/search?q":          true,
		"gemini://h/ja/%73earch?q":        true,
		"gemini://h/ja/./search?q":        true,
		"gemini://h/ja/search":            false,
		"gemini://h/ja/search?":           false,
		"gemini://h/ja/searches?q":        false,
		"gemini://h/posts/a.gmi?q":        false,
		"gemini://h/ja/search/../x.gmi?q": false,
	} {
		if got := HasQuerySuffix([]byte(line), "/search"); got != want {
			t.Errorf("%q: %v, want %v", line, got, want)
		}
	}
}
