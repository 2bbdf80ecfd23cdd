package daemon_test

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/messages"
)

func loopbackIPs(first, n int) []string {
	var ips []string
	for i := range n {
		ips = append(ips, "127.0.0."+strconv.Itoa(first+i))
	}
	return ips
}

// TestFloodIdleShedForNewClient fills both protocols' connection caps with
// idle connections from five addresses, reopened as soon as they are
// closed: a new client from another address is served at once, in the
// place of the oldest idle connection, instead of being refused until the
// flood's connections reach their read deadline.
func TestFloodIdleShedForNewClient(t *testing.T) {
	const readTimeout = 4 * time.Second
	d := servetest.Start(t, func(c *config.Config) {
		c.MaxConns, c.MaxConnsPerClient = 64, 16
		c.MaxConnsPer24 = 0 // all of 127.0.0.x is one /24: see TestFloodNetworkCap
		c.ReadTimeout = readTimeout
	})
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr())) + "/\r\n"
	_, wantGemini := geminiRaw(t, d.GeminiAddr().String(), base)
	wantGopher := servetest.GopherGet(t, d, "\r\n")

	// 5 addresses × 16 = 80 connections to each protocol, over the cap of
	// 64; those over it are closed at once and reopened.
	floodIdleNow(t, d.GeminiAddr().String(), loopbackIPs(2, 5), 16)
	floodIdleNow(t, d.GopherAddr().String(), loopbackIPs(2, 5), 16)
	time.Sleep(1200 * time.Millisecond) // the flood's connections are no longer new

	served := func(gem bool) (time.Duration, int) {
		start := time.Now()
		for tries := 1; time.Since(start) < 2*readTimeout; tries++ {
			var got, want string
			if gem {
				c, err := dialerFrom("127.0.0.200").Dial("tcp", d.GeminiAddr().String())
				if err == nil {
					tc := tlsClient(c)
					tc.SetDeadline(time.Now().Add(5 * time.Second))
					io.WriteString(tc, base)
					b, _ := io.ReadAll(tc)
					tc.Close()
					got, want = string(b), wantGemini
				}
			} else {
				c, err := dialerFrom("127.0.0.200").Dial("tcp", d.GopherAddr().String())
				if err == nil {
					c.SetDeadline(time.Now().Add(5 * time.Second))
					io.WriteString(c, "\r\n")
					b, _ := io.ReadAll(c)
					c.Close()
					got, want = string(b), wantGopher
				}
			}
			if got == want {
				return time.Since(start), tries
			}
			time.Sleep(50 * time.Millisecond)
		}
		return -1, 0
	}
	// Both protocols at once: the flood's connections reach their read
	// deadline at the same time on both.
	var wg sync.WaitGroup
	var took [2]time.Duration
	var tries [2]int
	for i, gem := range []bool{true, false} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			took[i], tries[i] = served(gem)
		}()
	}
	wg.Wait()
	for i, gem := range []bool{true, false} {
		proto := map[bool]string{true: "gemini", false: "gopher"}[gem]
		took, tries := took[i], tries[i]
		switch {
		case took < 0:
			t.Errorf("%s: a new client was not served within %v during the flood", proto, 2*readTimeout)
		case tries > 1 || took > readTimeout/2: // waiting out a deadline would take readTimeout
			t.Errorf("%s: a new client was served after %v and %d tries; want at once", proto, took, tries)
		default:
			t.Logf("%s: a new client was served in %v, first try, with the cap of 64 held by idle connections", proto, took.Round(time.Microsecond))
		}
	}
}

// TestFloodNetworkCap opens 4 connections, the per-client cap, from each of
// ten addresses of one /24 (all of 127.0.0.x is one), one address after
// the other: the /24 never holds more than its cap, and each address, as
// it comes, takes places from those holding more (guard's displace), so
// that at the end each holds 2 or 3 of the 24.
func TestFloodNetworkCap(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.MaxConnsPerClient = 4
		c.MaxConnsPer24 = 24
		c.ReadTimeout = 5 * time.Second
	})
	open := func(c net.Conn, wait time.Duration) bool {
		c.SetReadDeadline(time.Now().Add(wait))
		var ne net.Error
		_, err := c.Read(make([]byte, 1))
		return errors.As(err, &ne) && ne.Timeout()
	}
	conns := make([][]net.Conn, 10)
	for i, ip := range loopbackIPs(2, 10) {
		for range 4 {
			c, err := dialerFrom(ip).Dial("tcp", d.GopherAddr().String())
			if err != nil {
				continue // reset before the dial returned
			}
			defer c.Close()
			open(c, 20*time.Millisecond) // accepted, or closed
			conns[i] = append(conns[i], c)
		}
	}
	held, total := make([]int, 10), 0
	for i, cs := range conns {
		for _, c := range cs {
			if open(c, 10*time.Millisecond) {
				held[i]++
				total++
			}
		}
	}
	t.Logf("10 addresses of one /24, 4 connections each: %d held open, by address %v", total, held)
	if total != 24 {
		t.Errorf("%d connections held from one /24, want its cap of 24", total)
	}
	for i, n := range held {
		if n < 2 || n > 3 {
			t.Errorf("address %d holds %d of the /24's places, want 2 or 3", i, n)
		}
	}
}

// countingConn counts the bytes read from the server.
type countingConn struct {
	net.Conn
	n atomic.Int64
}

func (c *countingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// TestRateFloodDroppedAtAccept has one address make Gemini requests as
// fast as it can: within its burst it is served, a little over it is told
// to slow down (44), far over it its connections are reset at accept,
// before the server sends a byte of TLS (no ServerHello, no handshake to
// pay for). Another address is served meanwhile.
func TestRateFloodDroppedAtAccept(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.RateLimit, c.RateBurst = 2, 5 })
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr())) + "/\r\n"
	request := func(from string) (header string, fromServer int64) {
		raw, err := dialerFrom(from).Dial("tcp", d.GeminiAddr().String())
		if err != nil {
			return "", 0 // reset before the dial returned
		}
		cc := &countingConn{Conn: raw}
		tc := tlsClient(cc)
		defer tc.Close()
		tc.SetDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(tc, base)
		b, _ := io.ReadAll(tc)
		header, _, _ = strings.Cut(string(b), "\r\n")
		return header, cc.n.Load()
	}
	var ok, slow, dropped, firstDrop int
	start := time.Now()
	for i := range 40 {
		header, n := request("127.0.0.3")
		switch {
		case strings.HasPrefix(header, "20 "):
			ok++
		case strings.HasPrefix(header, "44 "):
			slow++
			if dropped > 0 {
				t.Errorf("request %d: 44 after being dropped", i)
			}
		case n == 0:
			if dropped++; dropped == 1 {
				firstDrop = i
			}
		default:
			t.Errorf("request %d: %q after %d bytes from the server", i, header, n)
		}
	}
	took := time.Since(start)
	t.Logf("40 requests at once, rate 2/s, burst 5: %d served, %d told 44, %d reset at accept without a byte of TLS (from request %d on): %d TLS handshakes in %v", ok, slow, dropped, firstDrop, ok+slow, took)
	// The burst, and the tokens the rate gave back while the requests
	// were made (on a loaded machine, under -race, one handshake after
	// another can take a second or more).
	most := 5 + int(2*took.Seconds())
	if ok < 5 || ok > most || slow < 5 || dropped == 0 {
		t.Errorf("%d served, %d told to slow down, %d dropped; want 5 to %d, at least 5, some", ok, slow, dropped, most)
	}
	if header, _ := request("127.0.0.4"); !strings.HasPrefix(header, "20 ") {
		t.Errorf("another client: %q", header)
	}
	// Gopher: the same client's gopher connections are reset too.
	c, err := dialerFrom("127.0.0.3").Dial("tcp", d.GopherAddr().String())
	if err == nil {
		defer c.Close()
		c.SetDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(c, "\r\n")
		// Closed at accept: a reset, or an end of stream when the close
		// came before the request did; either way, not a byte.
		if b, err := io.ReadAll(c); len(b) != 0 {
			t.Errorf("gopher from a dropped client: %.40q, %v; want nothing", b, err)
		}
	}
}

// TestRateSearchCostsMore: a search takes guard.SearchCost requests of a
// client's budget, on both protocols; asking for the search prompt costs
// one.
func TestRateSearchCostsMore(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.RateLimit, c.RateBurst = 0.01, 10 })
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	gem := func(from, url string) string {
		c, err := dialerFrom(from).Dial("tcp", d.GeminiAddr().String())
		if err != nil {
			t.Fatal(err)
		}
		tc := tlsClient(c)
		defer tc.Close()
		tc.SetDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(tc, url+"\r\n")
		b, _ := io.ReadAll(tc)
		return string(b[:min(2, len(b))])
	}
	goph := func(from, request string) string {
		c, err := dialerFrom(from).Dial("tcp", d.GopherAddr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(c, request)
		b, _ := io.ReadAll(c)
		if strings.HasPrefix(string(b), "3"+messages.Japanese.SlowDown) {
			return "slow"
		}
		return "ok"
	}
	var got []string
	for range 3 {
		got = append(got, gem("127.0.0.5", base+"/search?keep"))
	}
	// Percent-encoded, the path is still the search.
	got = append(got, gem("127.0.0.6", base+"/%73earch?keep"), gem("127.0.0.6", base+"/%73earch?keep"), gem("127.0.0.6", base+"/%73earch?keep"))
	for range 3 {
		got = append(got, goph("127.0.0.7", "/search\tkeep\r\n"))
	}
	for range 3 {
		got = append(got, goph("127.0.0.8", "search\tkeep\r\n"))
	}
	for range 10 {
		got = append(got, gem("127.0.0.9", base+"/search"))
	}
	want := "20 20 44 20 20 44 ok ok slow ok ok slow " + strings.TrimSpace(strings.Repeat("10 ", 10))
	if strings.Join(got, " ") != want {
		t.Errorf("burst of 10, searches:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestLogGopherBadRequests: requests the Gopher server answers itself, too
// long or malformed, have their access lines.
func TestLogGopherBadRequests(t *testing.T) {
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.AccessLog = true
		c.Log = log.New(&logged, "", 0)
	})
	for _, req := range []string{"bad\x00selector\r\n", strings.Repeat("x", 2000) + "\r\n", "/caps.txt\r\n"} {
		if got := servetest.GopherGet(t, d, req); got == "" {
			t.Errorf("%.20q: no answer", req)
		}
	}
	if err := d.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`access gopher - "bad\x00selector" bad `, `access gopher - "" toolong `, `access gopher - "/caps.txt" ok `} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("access log lacks %q:\n%s", want, logged.String())
		}
	}
}

// TestAccessLineBounded: a stranger's request makes an access line of
// bounded length, whatever its bytes: 1,020 bytes that are not UTF-8
// (each escaped in four) log the first MaxLoggedTarget bytes of escapes
// and the count of the rest, on Gopher and on Gemini.
func TestAccessLineBounded(t *testing.T) {
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.AccessLog = true
		c.Log = log.New(&logged, "", 0)
	})
	hostile := "/" + strings.Repeat("\xff", 1019)
	if got := servetest.GopherGet(t, d, hostile+"\r\n"); got == "" {
		t.Error("gopher: no answer")
	}
	conn := servetest.DialGemini(t, d, nil)
	io.WriteString(conn, "gemini://localhost"+strings.Repeat("\xfe", 1000)+"\r\n")
	io.ReadAll(conn)
	conn.Close()
	if err := d.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(logged.String(), "\n") {
		if strings.HasPrefix(l, "access ") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 2 {
		t.Fatalf("%d access lines, want 2:\n%s", len(lines), logged.String())
	}
	for i, l := range lines {
		m := regexp.MustCompile(`^access (gopher|gemini) - "((?:[^"\\]|\\.)*)"\+(\d+) `).FindStringSubmatch(l)
		if m == nil {
			t.Errorf("line %d: no quoted target and count: %.120q", i, l)
			continue
		}
		shown := strings.Count(m[2], `\x`)
		left, _ := strconv.Atoi(m[3])
		total := 1020
		if m[1] == "gemini" {
			total = 1018 // gemini://localhost is 18 bytes, shown
			shown = strings.Count(m[2], `\xfe`)
		}
		if len(m[2]) > daemon.MaxLoggedTarget || len(l) > daemon.MaxLoggedTarget+80 {
			t.Errorf("%s line of %d bytes, target %d: %.80q", m[1], len(l), len(m[2]), l)
		}
		if m[1] == "gopher" && shown+1+left != total || m[1] == "gemini" && shown+left != 1000 {
			t.Errorf("%s: %d bytes shown and %d counted, of %d", m[1], shown, left, total)
		}
	}
}
