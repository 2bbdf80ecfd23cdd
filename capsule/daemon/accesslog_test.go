package daemon

import (
	"bytes"
	"io"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"capsule/capsule/logstamp"
)

// HAProxy's health checks, from a trusted proxy's own address for the
// addresses contrib/haproxy.cfg checks, are not logged; a reader's request
// for the same address, or a check from elsewhere, is.
func TestHealthChecksNotLogged(t *testing.T) {
	var out bytes.Buffer
	a := newAccessLog(&out, true, []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")})
	proxy := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}
	reader := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 9), Port: 40001}
	a.request("gemini", proxy, "", []byte("gemini://example.org/robots.txt"), "20", 10, time.Millisecond)
	a.request("gopher", proxy, "/caps.txt", nil, "ok", 10, time.Millisecond)
	a.request("gemini", reader, "", []byte("gemini://example.org/robots.txt"), "20", 10, time.Millisecond)
	a.request("gopher", reader, "/caps.txt", nil, "ok", 10, time.Millisecond)
	a.request("gemini", proxy, "", []byte("gemini://example.org/"), "20", 10, time.Millisecond)
	a.Close()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		`access gemini 127.0.0.9 "gemini://example.org/robots.txt" 20 10 1000µs`,
		`access gopher 127.0.0.9 "/caps.txt" ok 10 1000µs`,
		`access gemini 127.0.0.1 "gemini://example.org/" 20 10 1000µs`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("logged\n%s\nwant\n%s", out.String(), strings.Join(want, "\n"))
	}
}

// An access line costs no allocation, stamped and looked at for a health
// check: the garbage collector is not paid per request.
func TestAccessLineAllocatesNothing(t *testing.T) {
	a := newAccessLog(logstamp.New(io.Discard), true, []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")})
	defer a.Close()
	reader := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 9), Port: 40001}
	line := []byte("gemini://example.org/posts/a.gmi")
	if n := testing.AllocsPerRun(1000, func() { a.request("gemini", reader, "", line, "20", 5120, 41*time.Microsecond) }); n != 0 {
		t.Errorf("%v allocations a line", n)
	}
}
