package guard

import (
	"net"
	"strconv"
	"testing"
	"time"
)

// TestFloodYoungIdleDisplaced fills a listener with fresh idle connections
// from four addresses, five each, all younger than shedAge: a new client
// gets in at once, in the place of the oldest idle connection of a client
// holding the most; the client it was taken from cannot take it back; the
// next newcomer is served, and the first, holding one idle connection,
// keeps it.
func TestFloodYoungIdleDisplaced(t *testing.T) {
	l := listen(t, Limits{MaxOpen: 20, PerClient: 5})
	serveEcho(t, l)
	var idle []net.Conn
	for i := range 20 {
		idle = append(idle, dialFrom(t, "127.0.0."+strconv.Itoa(2+i/5), l.Addr()))
	}
	time.Sleep(50 * time.Millisecond)
	if n := openCount(l); n != 20 {
		t.Fatalf("%d open, want 20", n)
	}
	reader := dialFrom(t, "127.0.0.200", l.Addr())
	if closedSoon(reader, 50*time.Millisecond) {
		t.Fatal("a new client was refused while young idle connections fill the cap")
	}
	if !closedSoon(idle[0], 50*time.Millisecond) {
		t.Error("the oldest idle connection of 127.0.0.2 is still open")
	}
	// 127.0.0.2 holds 4, no one 6: it cannot take its place back.
	if again := dialFrom(t, "127.0.0.2", l.Addr()); !closedSoon(again, 50*time.Millisecond) {
		t.Error("the client displaced took a place back")
	}
	start := time.Now()
	got, err := request(dialFrom(t, "127.0.0.201", l.Addr()))
	if got != "ok\n" {
		t.Fatalf("another new client: %q, %v", got, err)
	}
	t.Logf("new client served in %v with 20 idle connections younger than %v at a cap of 20", time.Since(start).Round(time.Microsecond), shedAge)
	if closedSoon(reader, 5*time.Millisecond) {
		t.Error("a reader holding one idle connection was displaced")
	}
	// The second took 127.0.0.3's oldest: 127.0.0.3 to .5 held the most.
	for i, c := range idle[1:] {
		want := i+1 == 5
		if got := closedSoon(c, 5*time.Millisecond); got != want {
			t.Errorf("idle connection %d closed: %v, want %v (only 0 and 5)", i+1, got, want)
		}
	}
}

// TestFloodDisplaceOnlyFromHeavier: a newcomer takes a place only from a
// client holding at least two more than its own: with every client
// holding one, a full listener refuses a newcomer (a flood needs as many
// addresses as places to do that), and a client holding one more than the
// newcomer keeps its places.
func TestFloodDisplaceOnlyFromHeavier(t *testing.T) {
	l := listen(t, Limits{MaxOpen: 4})
	serveEcho(t, l)
	for i := range 4 {
		dialFrom(t, "127.0.0."+strconv.Itoa(2+i), l.Addr())
	}
	time.Sleep(20 * time.Millisecond)
	if got, _ := request(dialFrom(t, "127.0.0.200", l.Addr())); got != "" {
		t.Errorf("four clients holding one each: a newcomer got %q, want refused", got)
	}

	l = listen(t, Limits{MaxOpen: 4})
	serveEcho(t, l)
	var a []net.Conn
	for range 2 {
		a = append(a, dialFrom(t, "127.0.0.2", l.Addr()))
	}
	b := dialFrom(t, "127.0.0.3", l.Addr())
	c := dialFrom(t, "127.0.0.4", l.Addr())
	time.Sleep(20 * time.Millisecond)
	// 127.0.0.3 holds 1, .2 holds 2: not two more; refused.
	if more := dialFrom(t, "127.0.0.3", l.Addr()); !closedSoon(more, 50*time.Millisecond) {
		t.Error("a client holding one took a place from one holding two")
	}
	// A client holding none takes one of 127.0.0.2's two.
	if got, err := request(dialFrom(t, "127.0.0.200", l.Addr())); got != "ok\n" {
		t.Errorf("a newcomer with a client holding two: %q, %v", got, err)
	}
	if !closedSoon(a[0], 50*time.Millisecond) || closedSoon(a[1], 5*time.Millisecond) ||
		closedSoon(b, 5*time.Millisecond) || closedSoon(c, 5*time.Millisecond) {
		t.Error("the place was not taken from 127.0.0.2's oldest idle connection alone")
	}
}

// TestFloodDisplaceKeepsBusy: only idle connections give their places; a
// client whose connections have sent their requests keeps them.
func TestFloodDisplaceKeepsBusy(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := NewListener(inner, Limits{MaxOpen: 3}, false)
	t.Cleanup(func() { l.Close() })
	// Accept by hand: three connections of one client, their requests
	// read (RequestRead) and their answers not yet written.
	for range 3 {
		dialFrom(t, "127.0.0.2", l.Addr())
		c, err := l.Accept()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		c.(interface{ RequestRead() }).RequestRead()
	}
	newcomer := dialFrom(t, "127.0.0.200", l.Addr())
	accepted := make(chan net.Conn, 1)
	go func() {
		if c, err := l.Accept(); err == nil {
			accepted <- c
		}
	}()
	if !closedSoon(newcomer, 200*time.Millisecond) || len(accepted) != 0 {
		t.Error("a newcomer was let in over the cap of busy connections")
	}
	if n := openCount(l); n != 3 {
		t.Errorf("%d open, want the 3 busy connections", n)
	}
}

// TestNetworkDisplaceIPv6 counts connections of one IPv6 /56
// (documentation addresses, never dialed) held on pipes: a /64 holding
// none takes a place in the full /56 from the /64 holding most; a /64
// holding one more than the others takes none.
func TestNetworkDisplaceIPv6(t *testing.T) {
	l := NewListener(nil, Limits{PerClient: 4, Per56: 6, Per48: 100}, false)
	open := func(ip string) (*conn, bool) {
		server, client := net.Pipe()
		t.Cleanup(func() { server.Close(); client.Close() })
		c := &conn{Conn: server, l: l, opened: time.Now()}
		if !l.admit(c, &net.TCPAddr{IP: net.ParseIP(ip), Port: 1}, time.Now()) {
			return nil, false
		}
		l.track(c)
		return c, true
	}
	var heavy []*conn
	for range 4 {
		c, _ := open("2001:db8:0:1::1")
		heavy = append(heavy, c)
	}
	for range 2 {
		open("2001:db8:0:2::1")
	}
	if _, ok := open("2001:db8:0:3::1"); !ok {
		t.Fatal("a /64 holding none was refused by a /56 where one /64 holds 4")
	}
	if !heavy[0].closed {
		t.Error("the place was not taken from the /64 holding most, its oldest")
	}
	// Now ::1/64 holds 3, ::2/64 2, ::3/64 1.
	if _, ok := open("2001:db8:0:3::1"); !ok {
		t.Fatal("a /64 holding one was refused while another holds three")
	}
	// 2, 2, 2: no one holds two more than anyone.
	for _, ip := range []string{"2001:db8:0:1::1", "2001:db8:0:2::1", "2001:db8:0:3::1"} {
		if _, ok := open(ip); ok {
			t.Errorf("%s, holding 2, took a place from a /64 holding 2", ip)
		}
	}
	// Another /56 of the /48 is not concerned.
	if _, ok := open("2001:db8:0:100::1"); !ok {
		t.Error("another /56 was refused")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.admitted != 7 || l.count(heavy[1].keys[1]) != 6 {
		t.Errorf("%d admitted, %d in the /56; want 7 and 6", l.admitted, l.count(heavy[1].keys[1]))
	}
}

// BenchmarkDisplace measures a newcomer's admission at a full cap of 1,024
// idle connections held by 64 clients, with no per-client cap to end the
// walk early: the walk covers every idle connection. Each operation is a
// newcomer displacing one, closing, and the place being taken again.
func BenchmarkDisplace(b *testing.B) {
	l := NewListener(nil, Limits{MaxOpen: 1024}, false)
	open := func(ip net.IP) *conn {
		server, client := net.Pipe()
		client.Close()
		c := &conn{Conn: server, l: l, opened: time.Now()}
		if !l.admit(c, &net.TCPAddr{IP: ip, Port: 1}, time.Now()) {
			b.Fatalf("%v refused", ip)
		}
		l.track(c)
		return c
	}
	for i := range 1024 {
		open(net.IPv4(10, 0, 0, byte(i%64)))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		open(net.IPv4(10, 1, byte(i>>8), byte(i))).Close()
		open(net.IPv4(10, 0, 0, byte(i%64)))
	}
	if l.admitted != 1024 {
		b.Errorf("%d admitted", l.admitted)
	}
}
