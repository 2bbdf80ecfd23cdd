package guard

import (
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// serveEcho accepts on l, reads a line from each connection, tells the
// listener the request is read, and answers "ok\n".
func serveEcho(t *testing.T, l net.Listener) {
	t.Helper()
	var wg sync.WaitGroup
	t.Cleanup(func() { l.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				c.SetReadDeadline(time.Now().Add(10 * time.Second))
				buf := make([]byte, 64)
				n, err := c.Read(buf)
				if err != nil || !strings.Contains(string(buf[:n]), "\n") {
					return
				}
				c.(interface{ RequestRead() }).RequestRead()
				io.WriteString(c, "ok\n")
			}()
		}
	}()
}

func listen(t *testing.T, lim Limits) *Listener {
	t.Helper()
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return NewListener(inner, lim, false)
}

func dialFrom(t *testing.T, ip string, addr net.Addr) net.Conn {
	t.Helper()
	d := net.Dialer{Timeout: 5 * time.Second, LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	c, err := d.Dial("tcp", addr.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// closedSoon reports whether the server closes c within d.
func closedSoon(c net.Conn, d time.Duration) bool {
	c.SetReadDeadline(time.Now().Add(d))
	_, err := c.Read(make([]byte, 1))
	var ne net.Error
	return !(errors.As(err, &ne) && ne.Timeout())
}

func request(c net.Conn) (string, error) {
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, "hello\n"); err != nil {
		return "", err
	}
	b, err := io.ReadAll(c)
	return string(b), err
}

// TestFloodShedsOldestIdle fills a listener with idle connections from
// twenty addresses, one each (so that none can be displaced: see
// TestFloodYoungIdleDisplaced): a new client still gets in, in the place of
// the oldest idle connection; idle connections younger than shedAge are
// not shed.
func TestFloodShedsOldestIdle(t *testing.T) {
	l := listen(t, Limits{MaxOpen: 20, PerClient: 5})
	serveEcho(t, l)

	var idle []net.Conn
	for i := range 20 {
		idle = append(idle, dialFrom(t, "127.0.0."+strconv.Itoa(2+i), l.Addr()))
	}
	time.Sleep(100 * time.Millisecond)
	if n := openCount(l); n != 20 {
		t.Fatalf("%d open, want 20", n)
	}
	// All idle but younger than shedAge, each client holding one: a
	// newcomer is refused.
	late := dialFrom(t, "127.0.0.200", l.Addr())
	if got, _ := request(late); got != "" {
		t.Errorf("a connection over the cap while every idle one is young was served: %q", got)
	}
	time.Sleep(shedAge)
	start := time.Now()
	got, err := request(dialFrom(t, "127.0.0.200", l.Addr()))
	if got != "ok\n" {
		t.Fatalf("a new client during the flood: %q, %v", got, err)
	}
	t.Logf("new client served in %v with 20 idle connections at a cap of 20", time.Since(start).Round(time.Microsecond))
	// The oldest idle connection was the one shed, reset.
	if !closedSoon(idle[0], 100*time.Millisecond) {
		t.Error("the oldest idle connection is still open")
	}
	for i, c := range idle[1:] {
		if closedSoon(c, 10*time.Millisecond) {
			t.Errorf("idle connection %d was closed; only the oldest should be", i+1)
		}
	}
}

func openCount(l *Listener) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open
}

// TestFloodChurnDropped has a client reopen its idle connections as they
// are shed: each one shed counts as a refusal, and the client is soon
// dropped at accept, while a new client is still served.
func TestFloodChurnDropped(t *testing.T) {
	rl := NewRateLimiter(0.01, 2) // dropped after 4 refusals
	l := listen(t, Limits{MaxOpen: 10, PerClient: 10})
	l.Limiter = func() *RateLimiter { return rl }
	serveEcho(t, l)
	for range 10 {
		dialFrom(t, "127.0.0.2", l.Addr())
	}
	time.Sleep(shedAge + 100*time.Millisecond)
	reset := 0
	for i := range 8 {
		c, err := (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.2")}}).Dial("tcp", l.Addr().String())
		if err != nil {
			reset++
			continue
		}
		defer c.Close()
		if closedSoon(c, 50*time.Millisecond) {
			reset++
		} else if reset > 0 {
			t.Errorf("reopened connection %d held after an earlier one was dropped", i)
		}
	}
	// Refusals are forgiven as time passes, a little: the fifth reopening
	// may still shed one.
	if reset < 3 || reset > 4 {
		t.Errorf("%d of 8 reopened connections dropped at accept, want 3 or 4 (after 4 or 5 sheds)", reset)
	}
	if got, err := request(dialFrom(t, "127.0.0.3", l.Addr())); got != "ok\n" {
		t.Errorf("a new client: %q, %v", got, err)
	}
}

// TestNetworkCapOverLoopback opens connections from ten addresses of one
// /24 (all of 127.0.0.x is one), four each, one address after the other:
// the /24 never holds more than its cap, and as each address comes, it
// takes places from those holding more (see displace), so that at the end
// every address holds one or two of the 12 places.
func TestNetworkCapOverLoopback(t *testing.T) {
	l := listen(t, Limits{PerClient: 4, Per24: 12})
	serveEcho(t, l)
	conns := map[int][]net.Conn{}
	for i := range 10 {
		for range 4 {
			c := dialFrom(t, "127.0.0."+strconv.Itoa(2+i), l.Addr())
			closedSoon(c, 20*time.Millisecond) // accepted, or closed
			conns[i] = append(conns[i], c)
			if n := openCount(l); n > 12 {
				t.Fatalf("%d connections open from one /24, over its cap of 12", n)
			}
		}
	}
	held, total := make([]int, 10), 0
	for i, cs := range conns {
		for _, c := range cs {
			if !closedSoon(c, 10*time.Millisecond) {
				held[i]++
				total++
			}
		}
	}
	t.Logf("connections held by each of 10 addresses of one /24 at a cap of 12: %v", held)
	if total != 12 {
		t.Errorf("%d connections held from one /24, want its cap of 12", total)
	}
	for i, n := range held {
		if n < 1 || n > 2 {
			t.Errorf("address %d holds %d of the /24's places, want 1 or 2", i, n)
		}
	}
}

// TestNetworkCapsIPv6 counts addresses of one IPv6 /48 (documentation
// addresses, never dialed): each /64 is a client, each /56 and the /48 are
// capped as networks.
func TestNetworkCapsIPv6(t *testing.T) {
	l := NewListener(nil, Limits{PerClient: 2, Per56: 5, Per48: 8}, false)
	admitted := func(ip string) bool {
		return l.admit(&conn{l: l}, &net.TCPAddr{IP: net.ParseIP(ip), Port: 1}, time.Now())
	}
	var n int
	// Eight /64s of one /56: 2 each, 5 for the /56.
	for i := range 8 {
		for range 3 {
			if admitted("2001:db8:0:" + strconv.Itoa(i) + "::1") {
				n++
			}
		}
	}
	if n != 5 {
		t.Errorf("one /56: %d admitted, want 5", n)
	}
	// Other /56s of the same /48: 3 more, to the /48's 8.
	for i := range 4 {
		if admitted("2001:db8:0:" + strconv.Itoa(1+i) + "00::1") {
			n++
		}
	}
	if n != 8 {
		t.Errorf("one /48: %d admitted, want 8", n)
	}
	if !admitted("2001:db8:1::1") {
		t.Error("another /48 was refused")
	}
	// IPv4 in IPv6 is IPv4.
	l = NewListener(nil, Limits{PerClient: 1, Per24: 2}, false)
	if !admitted("::ffff:192.0.2.1") || admitted("192.0.2.1") || !admitted("192.0.2.2") || admitted("192.0.2.3") {
		t.Error("IPv4-mapped addresses are not counted as IPv4")
	}
}

// TestRateDropAtAccept has a client refused far more than its rate
// forgives: its connections are reset at accept, before anything is read,
// while another client is served.
func TestRateDropAtAccept(t *testing.T) {
	rl := NewRateLimiter(1, 2)
	l := listen(t, Limits{})
	l.Limiter = func() *RateLimiter { return rl }
	serveEcho(t, l)
	from := &net.TCPAddr{IP: net.ParseIP("127.0.0.7")}
	now := time.Now()
	for range 2 {
		rl.Allow(from, now)
	}
	if got, _ := request(dialFrom(t, "127.0.0.7", l.Addr())); got != "ok\n" {
		t.Fatalf("a client refused once: %q, want served (and told to slow down by the server)", got)
	}
	for range 10 {
		rl.Allow(from, now)
	}
	d := net.Dialer{Timeout: 5 * time.Second, LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.7")}}
	c, err := d.Dial("tcp", l.Addr().String())
	var got string
	if err == nil { // else reset before the dial returned
		defer c.Close()
		got, err = request(c)
	}
	if got != "" || !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, syscall.EPIPE) {
		t.Errorf("a client far over its rate: %q, %v; want a reset", got, err)
	}
	if got, _ := request(dialFrom(t, "127.0.0.8", l.Addr())); got != "ok\n" {
		t.Errorf("another client: %q", got)
	}
}

// TestRateRefusingOnlyFarOver runs two clients for a minute of clock: one
// at 1.5 times its rate is told to slow down but never dropped; one at 4
// times its rate is dropped within seconds, and forgiven two seconds after
// it stops.
func TestRateRefusingOnlyFarOver(t *testing.T) {
	rl := NewRateLimiter(10, 20)
	start := time.Now()
	run := func(ip string, perSecond float64, seconds int) (allowed, refused, dropped int, firstDrop time.Duration) {
		addr := &net.TCPAddr{IP: net.ParseIP(ip)}
		step := time.Duration(float64(time.Second) / perSecond)
		firstDrop = -1
		for at := time.Duration(0); at < time.Duration(seconds)*time.Second; at += step {
			now := start.Add(at)
			if rl.Refusing(addr, now) {
				dropped++
				if firstDrop < 0 {
					firstDrop = at
				}
				continue
			}
			if ok, _ := rl.Allow(addr, now); ok {
				allowed++
			} else {
				refused++
			}
		}
		return
	}
	a, r, d, _ := run("127.0.0.2", 15, 60)
	if d != 0 || r == 0 {
		t.Errorf("at 1.5 times its rate: %d allowed, %d refused, %d dropped; want refusals, no drop", a, r, d)
	}
	a, r, d, first := run("127.0.0.3", 40, 60)
	if d == 0 || first > 5*time.Second {
		t.Errorf("at 4 times its rate: %d allowed, %d refused, %d dropped, first after %v; want dropped within 5s", a, r, d, first)
	}
	t.Logf("at 4 times its rate: %d allowed, %d refused, %d dropped at accept, the first after %v", a, r, d, first)
	addr := &net.TCPAddr{IP: net.ParseIP("127.0.0.3")}
	if !rl.Refusing(addr, start.Add(60*time.Second)) {
		t.Error("no longer dropped right after the flood")
	}
	if rl.Refusing(addr, start.Add(63*time.Second)) {
		t.Error("still dropped three seconds after the flood stopped")
	}
}

// TestRateSearchCost: a search takes SearchCost tokens, at most the burst.
func TestRateSearchCost(t *testing.T) {
	rl := NewRateLimiter(1, 20)
	addr := &net.TCPAddr{IP: net.ParseIP("127.0.0.2")}
	now := time.Now()
	n := 0
	for {
		if ok, _ := rl.AllowN(addr, now, SearchCost); !ok {
			break
		}
		n++
	}
	if n != 20/SearchCost {
		t.Errorf("%d searches in a burst of 20, want %d", n, 20/SearchCost)
	}
	if ok, wait := rl.AllowN(addr, now, 1); ok || wait != time.Second {
		t.Errorf("after the searches: %v, wait %v", ok, wait)
	}
	small := NewRateLimiter(1, 2)
	if ok, _ := small.AllowN(addr, now, SearchCost); !ok {
		t.Error("a search with a burst below its cost is never allowed")
	}
}

// fileLimitListener fails one Accept with EMFILE once armed.
type fileLimitListener struct {
	net.Listener
	armed atomic.Bool
}

func (f *fileLimitListener) Accept() (net.Conn, error) {
	if f.armed.CompareAndSwap(true, false) {
		return nil, &net.OpError{Op: "accept", Net: "tcp", Err: os.NewSyscallError("accept4", syscall.EMFILE)}
	}
	return f.Listener.Accept()
}

// TestFloodFileLimitSheds: when accept runs out of file descriptors, the
// idle connection that has waited longest, on any listener sharing the
// process's Files, gives its descriptor to the one waiting, and accept
// goes on at once. One younger than shedAge is never shed for a
// descriptor: in the operators' trial, a Gopher flood at the file limit
// had each reader's Gemini connection shed the moment it was accepted,
// when the next accept failed, and nothing was logged.
func TestFloodFileLimitSheds(t *testing.T) {
	files := &Files{}
	var logged atomic.Int32
	files.Log = func(string, ...any) { logged.Add(1) }
	other := NewListener(must(net.Listen("tcp", "127.0.0.1:0")), Limits{}, false)
	files.Share(other)
	serveEcho(t, other)
	fl := &fileLimitListener{Listener: must(net.Listen("tcp", "127.0.0.1:0"))}
	l := NewListener(fl, Limits{}, false)
	files.Share(l)
	serveEcho(t, l)
	old := dialFrom(t, "127.0.0.2", other.Addr()) // a flood's, on the other protocol
	time.Sleep(shedAge + 100*time.Millisecond)
	young := dialFrom(t, "127.0.0.5", l.Addr()) // a reader's, its handshake under way
	time.Sleep(50 * time.Millisecond)
	fl.armed.Store(true)
	// Accept is blocked in inner: it returns the next connection, and the
	// EMFILE comes on the call after it.
	first := dialFrom(t, "127.0.0.3", l.Addr())
	if got, _ := request(first); got != "ok\n" {
		t.Fatalf("first: %q", got)
	}
	start := time.Now()
	got, err := request(dialFrom(t, "127.0.0.4", l.Addr()))
	if got != "ok\n" {
		t.Fatalf("after EMFILE: %q, %v", got, err)
	}
	t.Logf("served %v after accept failed with EMFILE", time.Since(start).Round(time.Microsecond))
	if !closedSoon(old, 100*time.Millisecond) {
		t.Error("the other listener's old idle connection was not shed for the descriptor")
	}
	if got, err := request(young); got != "ok\n" {
		t.Errorf("the young connection: %q, %v", got, err)
	}
	if logged.Load() != 1 {
		t.Errorf("%d log lines for one accept short of a descriptor", logged.Load())
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestStopClosesIdle: CloseIdle resets connections that sent nothing and
// are old enough; a younger one, and one whose request is read, are
// answered.
func TestStopClosesIdle(t *testing.T) {
	l := listen(t, Limits{MaxOpen: 100})
	serveEcho(t, l)
	idle := dialFrom(t, "127.0.0.2", l.Addr())
	busy := dialFrom(t, "127.0.0.3", l.Addr())
	time.Sleep(300 * time.Millisecond)
	young := dialFrom(t, "127.0.0.4", l.Addr())
	busy.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(busy, "hello\n")
	buf := make([]byte, 3)
	if _, err := io.ReadFull(busy, buf); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // young is accepted
	start := time.Now()
	l.CloseIdle(200 * time.Millisecond)
	if !closedSoon(idle, time.Second) {
		t.Error("an idle connection is open after CloseIdle")
	}
	t.Logf("idle connection closed %v after CloseIdle", time.Since(start).Round(time.Microsecond))
	if got, err := request(young); got != "ok\n" {
		t.Errorf("a connection younger than CloseIdle's age: %q, %v", got, err)
	}
}

// Closing a listener resets the connections waiting in the kernel's
// accept queue: behind a load balancer, clients it had handed over get an
// error. Close with Raw set takes them first, and they are answered.
func TestCloseTakesQueuedConnections(t *testing.T) {
	for _, drain := range []bool{false, true} {
		inner, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		l := NewListener(inner, Limits{}, false)
		if drain {
			l.Raw = inner
		}
		// Connections the kernel accepts while nothing calls Accept,
		// their requests sent.
		var queued []net.Conn
		for range 20 {
			c := dialFrom(t, "127.0.0.2", l.Addr())
			io.WriteString(c, "hello\n")
			queued = append(queued, c)
		}
		l.Close()
		serveEcho(t, l)
		answered := 0
		for _, c := range queued {
			c.SetDeadline(time.Now().Add(5 * time.Second))
			if b, _ := io.ReadAll(c); string(b) == "ok\n" {
				answered++
			}
		}
		switch {
		case drain && answered != len(queued):
			t.Errorf("draining: %d of %d queued connections answered", answered, len(queued))
		case !drain && answered == len(queued):
			t.Errorf("closing without draining answered all %d: the test shows nothing", answered)
		}
		select {
		case <-l.Accepted():
		case <-time.After(5 * time.Second):
			t.Error("Accepted not closed after Close")
		}
		t.Logf("drain %v: %d of %d queued connections answered", drain, answered, len(queued))
	}
}

func TestFileLimitWarning(t *testing.T) {
	if w := FileLimitWarning(1024, 2, 1024); !strings.Contains(w, "lower max_conns to 480") {
		t.Errorf("1024 files for 2×1024 connections: %q", w)
	}
	if w := FileLimitWarning(65536, 2, 1024); w != "" {
		t.Errorf("65536 files for 2×1024 connections: %q", w)
	}
	if w := FileLimitWarning(2112, 2, 1024); w != "" {
		t.Errorf("exactly enough: %q", w)
	}
	if w := FileLimitWarning(1024, 2, 0); !strings.Contains(w, "no cap") {
		t.Errorf("no cap: %q", w)
	}
}
