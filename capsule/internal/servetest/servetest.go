// Package servetest runs a capsule daemon on loopback for tests, and
// fetches from it over the real protocols: go-gemini's client (or
// crypto/tls with a client certificate) for Gemini, raw TCP for Gopher.
// The site's tests (package capsule_test) and the daemon's use it alike.
package servetest

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"git.sr.ht/~adnano/go-gemini"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/tlscert"
)

// SamplePosts is the repository's sample blog: the posts folder at the
// module's root.
var SamplePosts = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "posts")
}()

// Config is the default configuration on loopback ports chosen by the
// kernel, serving the sample posts, with certificates in a temporary
// folder, no rate limit (tests make many requests) and no logging.
func Config(t testing.TB) config.Config {
	cfg := config.NewConfig()
	cfg.Posts = SamplePosts
	cfg.Certs = t.TempDir()
	cfg.GeminiAddr = "127.0.0.1:0"
	cfg.GopherAddr = "127.0.0.1:0"
	cfg.AccessLog = false
	cfg.RateLimit = 0
	cfg.Log = log.New(io.Discard, "", 0)
	return cfg
}

// Start runs capsule on loopback ports chosen by the kernel, and stops it
// when the test ends. Options change Config's defaults before the start.
func Start(t testing.TB, options func(*config.Config)) *daemon.Daemon {
	t.Helper()
	cfg := Config(t)
	if options != nil {
		options(&cfg)
	}
	d, err := daemon.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := d.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return d
}

// Port is the port of a listener's address.
func Port(a net.Addr) int {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.Port
	}
	return 0
}

// GeminiGet fetches path with go-gemini's client. The URL names localhost
// (the capsule's hostname); the client dials the loopback listener.
func GeminiGet(t testing.TB, d *daemon.Daemon, path string) (gemini.Status, string, string) {
	t.Helper()
	return GeminiGetURL(t, d, "gemini://localhost:"+strconv.Itoa(Port(d.GeminiAddr()))+path)
}

// GeminiGetURL fetches url from d with go-gemini's client.
func GeminiGetURL(t testing.TB, d *daemon.Daemon, url string) (gemini.Status, string, string) {
	t.Helper()
	client := &gemini.Client{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var dialer net.Dialer
		return dialer.DialContext(ctx, network, d.GeminiAddr().String())
	}}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := client.Get(ctx, url)
	if err != nil {
		t.Fatalf("gemini %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("gemini %s: reading body: %v", url, err)
	}
	return resp.Status, resp.Meta, string(body)
}

// GeminiAs fetches path showing cert (none when nil), with crypto/tls, and
// returns the header line and the body.
func GeminiAs(t testing.TB, d *daemon.Daemon, path string, cert *tls.Certificate) (string, string) {
	t.Helper()
	c := DialGemini(t, d, cert)
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, "gemini://localhost:"+strconv.Itoa(Port(d.GeminiAddr()))+path+"\r\n")
	b, _ := io.ReadAll(c)
	header, body, _ := strings.Cut(string(b), "\r\n")
	return header, body
}

// DialGemini opens a TLS connection to d's Gemini listener for
// localhost, showing cert (none when nil).
func DialGemini(t testing.TB, d *daemon.Daemon, cert *tls.Certificate) *tls.Conn {
	t.Helper()
	conf := &tls.Config{InsecureSkipVerify: true, ServerName: "localhost", MinVersion: tls.VersionTLS12}
	if cert != nil {
		conf.Certificates = []tls.Certificate{*cert}
	}
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", d.GeminiAddr().String(), conf)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// GeminiSNI sends a request line over TLS with server name sni to d's
// Gemini listener, and returns the answer and the certificate shown.
func GeminiSNI(t testing.TB, d *daemon.Daemon, sni, request string) (string, *tls.Certificate) {
	t.Helper()
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", d.GeminiAddr().String(),
		&tls.Config{ServerName: sni, InsecureSkipVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, request+"\r\n")
	b, _ := io.ReadAll(c)
	raw := c.ConnectionState().PeerCertificates[0].Raw
	return string(b), &tls.Certificate{Certificate: [][]byte{raw}}
}

// Identity is a client certificate, as Lagrange makes one for an
// identity.
func Identity(t testing.TB, name string) tls.Certificate {
	t.Helper()
	cert, err := tlscert.Create(t.TempDir(), name)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

// GopherGet sends a raw Gopher request line to d's main site and reads
// the whole response.
func GopherGet(t testing.TB, d *daemon.Daemon, request string) string {
	t.Helper()
	return GopherGetAt(t, d.GopherAddr().String(), request)
}

// GopherGetAt sends a raw Gopher request line to addr and reads the whole
// response.
func GopherGetAt(t testing.TB, addr, request string) string {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("gopher %q: %v", request, err)
	}
	return string(b)
}

// NeedTool finds an external client. CI installs them all (.ci/run), so
// there a missing tool fails the test; elsewhere the test is skipped,
// saying what to install.
func NeedTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := name + " is not installed (apt-get install " + name + "): this test runs the real client"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
