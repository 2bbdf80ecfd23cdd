package daemon_test

import (
	"bufio"
	"crypto/tls"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
)

// geminiRaw sends request bytes as they are and returns the response header
// line and the whole response.
func geminiRaw(t *testing.T, addr string, request string) (header, all string) {
	t.Helper()
	c, err := tlsDial(&net.Dialer{Timeout: 5 * time.Second}, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("%q: %v", request, err)
	}
	header, _, _ = strings.Cut(string(b), "\r\n")
	return header, string(b)
}

func TestGeminiRequestRules(t *testing.T) {
	d := servetest.Start(t, nil)
	addr := d.GeminiAddr().String()
	port := strconv.Itoa(servetest.Port(d.GeminiAddr()))
	base := "gemini://localhost:" + port
	// A valid URL of exactly 1024 bytes names no page, so 51 proves that it
	// was accepted; one byte more is refused.
	exactly1024 := base + "/" + strings.Repeat("a", 1024-len(base)-1)
	tests := []struct {
		name, request string
		status        string
	}{
		{"home", base + "/\r\n", "20"},
		{"empty path is /", base + "\r\n", "20"},
		{"no port", "gemini://localhost/\r\n", "20"},
		{"host in capitals", "gemini://LOCALHOST:" + port + "/\r\n", "20"},
		{"scheme in capitals", "GEMINI://localhost:" + port + "/\r\n", "20"},
		{"host with final dot", "gemini://localhost.:" + port + "/\r\n", "20"},
		{"dot segments", base + "/posts/../tags/./\r\n", "20"},
		{"dot segments climbing above the root", base + "/../../../etc/passwd\r\n", "59"},
		{"dot segments climbing from inside", base + "/posts/../../\r\n", "59"},
		{"encoded dot segments climbing", base + "/%2e%2e/%2e%2e/etc/passwd\r\n", "59"},
		{"dot segments back to the root", base + "/posts/..\r\n", "20"},
		{"exactly 1024 bytes", exactly1024 + "\r\n", "51"},
		{"1025 bytes", exactly1024 + "a\r\n", "59"},
		{"far too long", base + "/" + strings.Repeat("a", 5000) + "\r\n", "59"},
		{"bare LF", base + "/\n", "59"},
		{"empty line", "\r\n", "59"},
		{"byte-order mark", "\ufeff" + base + "/\r\n", "59"},
		{"invalid UTF-8", base + "/\xff\xfe\r\n", "59"},
		{"userinfo", "gemini://user@localhost:" + port + "/\r\n", "59"},
		{"userinfo with password", "gemini://user:pw@localhost:" + port + "/\r\n", "59"},
		{"fragment", base + "/#top\r\n", "59"},
		{"empty fragment", base + "/#\r\n", "59"},
		{"relative", "/posts/\r\n", "59"},
		{"scheme-relative", "//localhost:" + port + "/\r\n", "59"},
		{"opaque", "gemini:localhost\r\n", "59"},
		{"no host", "gemini:///\r\n", "59"},
		{"control character", base + "/\x01\r\n", "59"},
		{"NUL", base + "/\x00\r\n", "59"},
		{"bad query encoding", base + "/search?%zz\r\n", "59"},
		{"other scheme", "https://localhost:" + port + "/\r\n", "53"},
		{"gopher scheme", "gopher://localhost:" + port + "/\r\n", "53"},
		{"other host", "gemini://example.org:" + port + "/\r\n", "53"},
		{"other port", "gemini://localhost:1/\r\n", "53"},
		{"IP instead of name", "gemini://127.0.0.1:" + port + "/\r\n", "53"},
		{"search prompt", base + "/search\r\n", "10"},
		{"unknown page", base + "/no-such-page\r\n", "51"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header, _ := geminiRaw(t, addr, tt.request)
			status, meta, _ := strings.Cut(header, " ")
			if status != tt.status || meta == "" || len(meta) > 1024 {
				t.Errorf("%q: header %q, want status %s with a meta", tt.request, header, tt.status)
			}
		})
	}
	// After all that, the server still serves.
	if header, _ := geminiRaw(t, addr, base+"/\r\n"); header != "20 text/gemini; charset=utf-8; lang=ja" {
		t.Errorf("after malformed requests: %q", header)
	}
}

func TestGeminiReadsNothingAfterCRLF(t *testing.T) {
	d := servetest.Start(t, nil)
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	_, plain := geminiRaw(t, d.GeminiAddr().String(), base+"/\r\n")
	_, trailing := geminiRaw(t, d.GeminiAddr().String(), base+"/\r\n"+base+"/tags/\r\ngarbage\x00\xff")
	if plain != trailing {
		t.Error("bytes after the CRLF changed the response")
	}
}

// TestSilentClientsTimeOut checks the deadlines: a client that completes no
// TLS handshake, one that sends a request line that never ends, and a gopher
// client that sends nothing are all closed unanswered at the read deadline.
func TestSilentClientsTimeOut(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.ReadTimeout = 300 * time.Millisecond })
	check := func(name string, c net.Conn) {
		t.Helper()
		defer c.Close()
		c.SetDeadline(time.Now().Add(5 * time.Second))
		start := time.Now()
		b, err := io.ReadAll(c)
		if waited := time.Since(start); waited > 3*time.Second || len(b) != 0 {
			t.Errorf("%s: closed after %v with %q, %v; want closed unanswered after 300ms", name, waited, b, err)
		}
	}
	raw, err := net.Dial("tcp", d.GeminiAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	check("no TLS handshake", raw)

	tc, err := tlsDial(&net.Dialer{}, d.GeminiAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(tc, "gemini://localhost/never-ends")
	check("unfinished request", tc)

	g, err := net.Dial("tcp", d.GopherAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	check("silent gopher client", g)
}

func TestGeminiTLS(t *testing.T) {
	d := servetest.Start(t, nil)
	for _, version := range []uint16{tls.VersionTLS10, tls.VersionTLS11} {
		c, err := tls.Dial("tcp", d.GeminiAddr().String(), &tls.Config{InsecureSkipVerify: true, MaxVersion: version})
		if err == nil {
			c.Close()
			t.Errorf("TLS version %x accepted", version)
		}
	}
	c, err := tlsDial(&net.Dialer{}, d.GeminiAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "gemini://localhost/\r\n")
	br := bufio.NewReader(c)
	if _, err := io.ReadAll(br); err != nil {
		t.Errorf("response did not end with close_notify: %v", err)
	}
	if s := c.ConnectionState(); s.Version < tls.VersionTLS12 {
		t.Errorf("negotiated %x", s.Version)
	}
}

// Behind a forwarded port, the public port is the one in URLs and the one
// requests may name; the port listened on is not the capsule's.
func TestGeminiPublicPort(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.GeminiPort = 1965 })
	listen := strconv.Itoa(servetest.Port(d.GeminiAddr()))
	for request, want := range map[string]string{
		"gemini://localhost:1965/\r\n":           "20",
		"gemini://localhost/\r\n":                "20",
		"gemini://localhost:" + listen + "/\r\n": "53",
	} {
		if header, _ := geminiRaw(t, d.GeminiAddr().String(), request); !strings.HasPrefix(header, want+" ") {
			t.Errorf("%q: %q, want %s", request, header, want)
		}
	}
	if _, body := geminiRaw(t, d.GeminiAddr().String(), "gemini://localhost/atom.xml\r\n"); !strings.Contains(body, "gemini://localhost/posts/") {
		t.Errorf("feed URLs do not use the public port: %q", body[:min(len(body), 400)])
	}
}
