package guard

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"sync"
	"syscall"
	"time"
)

// Limits are the caps of a Listener. Zero turns a cap off.
//
// A client is an IPv4 address or an IPv6 /64, the block an IPv6 host has to
// itself. One holder of many addresses is capped again on the networks its
// addresses share, at a higher cap since unrelated readers share them too:
// an IPv4 /24 (the smallest block routed on the Internet: one hosting
// provider's customers, a university's NAT), an IPv6 /56 (what RIPE-690
// advises giving a home or small office) and an IPv6 /48 (a site; what
// cloud and hosting providers hand out). Without them an IPv6 /58, 64
// addresses of 16 connections each, fills a cap of 1,024.
type Limits struct {
	MaxOpen   int // connections open at once, in all
	PerClient int // connections of one client: an IPv4 address or an IPv6 /64
	Per24     int // connections from one IPv4 /24
	Per56     int // connections from one IPv6 /56
	Per48     int // connections from one IPv6 /48
}

// Listener caps open connections, in all, per client and per network (see
// Limits), and counts them for a graceful stop. A connection over a cap is
// closed at once, before anything is read from it or written to it, and
// the listener goes on accepting: one client holding many connections open
// cannot keep others out.
//
// A connection counts as idle from accept until its server has read its
// request line and says so (RequestRead). Idle connections are what a
// flood holds open, and what can be closed without losing an answer:
//
//   - When the listener is 90% full (see shedAt), each connection accepted
//     first closes the oldest idle connection open for at least shedAge,
//     so that a new reader is served while a flood holds every place.
//   - A connection over the cap in all, or over its network's, takes the
//     place of an idle connection, however young, of a client that holds
//     at least two more connections than its own client does (see
//     displace): a burst of fresh connections from a few addresses cannot
//     keep out a reader arriving before they are old enough to shed.
//   - When accept fails for want of file descriptors (EMFILE, ENFILE), the
//     oldest idle connection open for at least shedAge, of this listener
//     or of any sharing its Files, is closed and accept tried again at
//     once, rather than every reader waiting for a read deadline to free a
//     descriptor.
//   - CloseIdle, on a stop, closes every idle connection at once.
//
// Connections closed that way are reset (RST): a Gopher client would take a
// plain close with no data for an empty document.
//
// Behind a PROXY protocol listener the client's address is known only after
// the header has been read, so the per-client caps and the rate check are
// then applied on the connection's first read instead of at accept.
type Listener struct {
	net.Listener
	lim  Limits
	late bool // apply caps at the first read (PROXY protocol)

	// Limiter, when set and returning a RateLimiter, is asked about each
	// client before its connection is admitted: the connection of a client
	// far over its rate (RateLimiter.Refusing) is reset at once, before any
	// TLS work. It is a function so that a reload can swap the RateLimiter.
	Limiter func() *RateLimiter

	// Observe, when set, is told of each connection taken from the
	// kernel's queue, refused or shed (see Event): the daemon's metrics
	// count them. It is called without the listener's lock held, on the
	// accepting goroutine or the connection's, and must be quick.
	Observe func(Event)

	mu       sync.Mutex
	open     int                       // accepted and not yet closed
	admitted int                       // counted against MaxOpen
	held     map[netip.Prefix]*holding // admitted connections by client and network
	conns    map[*conn]struct{}
	idle     idleList // connections that have not sent a request, oldest first
	drained  chan struct{}

	// Raw, when set, is the listening socket under Listener (under the
	// PROXY protocol's), which Close drains: see Close.
	Raw          net.Listener
	closing      bool          // Close was called
	accepted     chan struct{} // closed when Accept has taken the last queued connection
	acceptedOnce sync.Once
	files        *Files // shared with the process's other listeners (Files.Share)

	// BadHeader, when set, is told of a connection from a trusted proxy
	// whose PROXY header could not be read (see BadProxyHeader), with
	// the error: such a connection is closed unanswered, and a proxy
	// not set to send headers has every one closed so.
	BadHeader func(from net.Addr, err error)
}

// Event is what Listener.Observe is told of a connection.
type Event uint8

const (
	// Accepted is a connection taken from the kernel's queue, before
	// the caps and the rate check: the refused are among them.
	Accepted Event = iota
	// RefusedCap is a connection closed at once over a cap (in all, a
	// client's or a network's).
	RefusedCap
	// RefusedRate is a connection reset at once because its client is
	// far over its rate (RateLimiter.Refusing).
	RefusedRate
	// Shed is an idle connection closed to make room: under pressure,
	// displaced by a newcomer, or for a file descriptor.
	Shed
)

func (l *Listener) observe(e Event) {
	if l.Observe != nil {
		l.Observe(e)
	}
}

// Open is how many accepted connections are open now.
func (l *Listener) Open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open
}

// shedAge is how long a connection is safe from being shed under pressure:
// a client on a slow link has that long to send its request (TLS needs one
// or two round trips before it, ~0.6s over a satellite link), and a flood's
// fresh connections cannot push out a reader's just as fresh one.
const shedAge = time.Second

// shedAt is the number of open connections from which each new one sheds
// an idle one: 90% of MaxOpen.
func (l *Listener) shedAt() int { return l.lim.MaxOpen - l.lim.MaxOpen/10 }

// Client groups the addresses of one client: an IPv4 address, or the /64
// an IPv6 host usually has to itself.
type Client netip.Addr

// ClientOf is the client that addr belongs to.
func ClientOf(a net.Addr) (Client, bool) {
	ip, ok := addrOf(a)
	if !ok {
		return Client{}, false
	}
	return clientOf(ip), true
}

// addrOf is the IP address of a, IPv4 in IPv6 unmapped, without a zone.
func addrOf(a net.Addr) (netip.Addr, bool) {
	if t, ok := a.(*net.TCPAddr); ok {
		ip := t.AddrPort().Addr()
		return ip.Unmap().WithZone(""), ip.IsValid()
	}
	if a == nil {
		return netip.Addr{}, false
	}
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return netip.Addr{}, false
	}
	return ap.Addr().Unmap().WithZone(""), true
}

// groups are the client and networks ip is counted in, with their caps,
// narrowest first. The client comes first, always, its cap 0 when off (a
// displacement compares what clients hold); networks whose cap is off are
// left out.
func (lim Limits) groups(ip netip.Addr) (keys [maxGroups]netip.Prefix, caps [maxGroups]int, n int) {
	add := func(bits, limit int) {
		if limit > 0 || n == 0 {
			p, _ := ip.Prefix(bits)
			keys[n], caps[n] = p, limit
			n++
		}
	}
	if ip.Is4() {
		add(32, lim.PerClient)
		add(24, lim.Per24)
	} else {
		add(64, lim.PerClient)
		add(56, lim.Per56)
		add(48, lim.Per48)
	}
	return keys, caps, n
}

// maxGroups is the most groups a connection is counted in: its client and
// two networks (an IPv6 /56 and /48).
const maxGroups = 3

// holding is what one client or network holds on a Listener: its admitted
// connections and, among them, those still idle, oldest first.
type holding struct {
	n    int
	idle idleList
}

// NewListener caps the connections accepted on l. late defers the
// per-client caps and the rate check to the first read, for listeners
// whose connections learn their client's address from a PROXY header.
func NewListener(l net.Listener, lim Limits, late bool) *Listener {
	return &Listener{Listener: l, lim: lim, late: late,
		held: make(map[netip.Prefix]*holding), conns: make(map[*conn]struct{}), drained: make(chan struct{}, 1),
		accepted: make(chan struct{})}
}

// Accept returns the next connection within the caps. Connections over a
// cap, or from a client far over its rate, are closed without being
// returned; under pressure an idle connection is shed first (see Listener).
func (l *Listener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			if isFileLimit(err) && l.shedForFile(time.Now()) {
				continue // a descriptor was freed: take the waiting connection
			}
			if l.isClosing() {
				// The queue is empty (the drain's deadline) or the
				// socket closed: no connection waits any more.
				l.Listener.Close()
				l.closeAccepted()
				return nil, net.ErrClosed
			}
			return nil, err
		}
		now := time.Now()
		l.observe(Accepted)
		gc := &conn{Conn: c, l: l, opened: now}
		if !l.late {
			addr := c.RemoteAddr()
			if l.refusing(addr, now) {
				l.observe(RefusedRate)
				gc.reset()
				continue
			}
			l.relieve(now)
			if !l.admit(gc, addr, now) {
				l.observe(RefusedCap)
				c.Close()
				continue
			}
		} else {
			l.relieve(now)
		}
		if !l.track(gc) {
			gc.reset()
			continue
		}
		return gc, nil
	}
}

// shedForFile closes an idle connection to free a descriptor: see Files.
func (l *Listener) shedForFile(now time.Time) bool {
	if l.files != nil {
		return l.files.shed(now)
	}
	return l.shed(now, shedAge)
}

// isFileLimit reports whether an accept error is a want of file
// descriptors, of the process or of the system.
func isFileLimit(err error) bool {
	return errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)
}

// refusing reports whether the client at addr is far over its rate.
func (l *Listener) refusing(addr net.Addr, now time.Time) bool {
	if l.Limiter == nil {
		return false
	}
	return l.Limiter().Refusing(addr, now)
}

// relieve sheds an idle connection when the listener is under pressure.
func (l *Listener) relieve(now time.Time) {
	if l.lim.MaxOpen <= 0 {
		return
	}
	l.mu.Lock()
	pressed := l.open >= l.shedAt()
	l.mu.Unlock()
	if pressed {
		l.shed(now, shedAge)
	}
}

// shed resets the oldest idle connection, if it has been open minAge, and
// counts it as a refusal against its client: a client that keeps idle
// connections open under pressure, and reopens them as they are shed, is
// soon dropped at accept. It reports whether it closed one.
func (l *Listener) shed(now time.Time, minAge time.Duration) bool {
	l.mu.Lock()
	c := l.idle.head
	if c == nil || now.Sub(c.opened) < minAge {
		l.mu.Unlock()
		return false
	}
	l.unidle(c)
	l.mu.Unlock()
	l.drop(c, now)
	return true
}

// drop resets c, shed or displaced, and counts it as a refusal against its
// client (see shed).
func (l *Listener) drop(c *conn, now time.Time) {
	l.observe(Shed)
	c.reset()
	if c.known && l.Limiter != nil {
		l.Limiter().strike(c.client, now)
	}
}

// admit counts c against the caps, or reports that it is over one. Over
// the cap in all or a network's, it first tries to displace an idle
// connection (see displace), which it resets.
func (l *Listener) admit(c *conn, addr net.Addr, now time.Time) bool {
	ip, known := addrOf(addr)
	var keys [maxGroups]netip.Prefix
	var caps [maxGroups]int
	var n int
	if known {
		keys, caps, n = l.lim.groups(ip)
	}
	l.mu.Lock()
	if c.closed {
		l.mu.Unlock()
		return false
	}
	// The narrowest full group: -1 none, 0 the client's own.
	full := -1
	for i := range n {
		if caps[i] > 0 && l.count(keys[i]) >= caps[i] {
			full = i
			break
		}
	}
	overAll := l.lim.MaxOpen > 0 && l.admitted >= l.lim.MaxOpen
	var victim *conn
	switch {
	case full == 0:
		// A client over its own cap takes no one's place.
	case full > 0:
		// The victim is in every wider group too: one place frees
		// them all.
		if h := l.held[keys[full]]; h != nil {
			victim = l.displace(&h.idle, full+1, l.count(keys[0]))
		}
	case overAll && known:
		victim = l.displace(&l.idle, 0, l.count(keys[0]))
	}
	if (full >= 0 || overAll) && victim == nil {
		l.mu.Unlock()
		return false
	}
	l.admitted++
	for i := range n {
		h := l.held[keys[i]]
		if h == nil {
			h = &holding{}
			l.held[keys[i]] = h
		}
		h.n++
		c.hold[i] = h
	}
	c.admitted, c.keys, c.nkeys = true, keys, n
	if known {
		c.client, c.known = clientOf(ip), true
	}
	if c.link[0].in { // accepted and idle: PROXY protocol, admitted late
		l.idleInGroups(c)
	}
	l.mu.Unlock()
	if victim != nil {
		l.drop(victim, now)
	}
	return true
}

// count is how many admitted connections the group key holds.
func (l *Listener) count(key netip.Prefix) int {
	if h := l.held[key]; h != nil {
		return h.n
	}
	return 0
}

// displace makes room for a connection over a full cap, in all or a
// network's, by taking a place from an idle connection in that group (q,
// the group's idle list, linked at slot): the oldest idle connection,
// however young, of the client holding the most connections, provided it
// holds at least two more than the newcomer's client does (has). The
// place is freed at once; the caller resets the connection returned, nil
// when there is none.
//
// The rule, enforced here: a client is kept out of a full group only when
// no client in it holds two more connections than it does. To keep out a
// reader holding no connection, a flood must therefore hold one
// connection per client, over as many clients as the cap has places (256
// addresses of a /24 under its default cap; 1,024 clients in all, from
// at least 4 /24s or 4 IPv6 /48s under the network caps): no few
// addresses can. A reader holding one connection is never displaced this
// way, nor a client in favour of one holding almost as much: fresh
// connections push out only those of clients holding more, and places
// tend to an even share. The walk is over the group's idle connections
// (at most its cap), and stops at the first whose client is at its own
// cap: no client holds more.
func (l *Listener) displace(q *idleList, slot int, has int) *conn {
	var best *conn
	most := has + 1
	for c := q.head; c != nil; c = c.link[slot].next {
		if !c.admitted || !c.known {
			continue // admitted late, not yet
		}
		if held := c.hold[0].n; held > most {
			best, most = c, held
			if held >= l.lim.PerClient && l.lim.PerClient > 0 {
				break
			}
		}
	}
	if best != nil {
		l.unidle(best)
		l.unadmit(best)
	}
	return best
}

// unadmit frees the places c holds in all and in its groups. l.mu is held.
func (l *Listener) unadmit(c *conn) {
	if !c.admitted {
		return
	}
	c.admitted = false
	l.admitted--
	for i, h := range c.hold[:c.nkeys] {
		h.idle.remove(c, i+1)
		if h.n--; h.n <= 0 {
			delete(l.held, c.keys[i])
		}
		c.hold[i] = nil
	}
}

// idleInGroups lists c, idle and admitted, in the idle lists of its
// groups. l.mu is held.
func (l *Listener) idleInGroups(c *conn) {
	for i, h := range c.hold[:c.nkeys] {
		h.idle.push(c, i+1)
	}
}

// unidle takes c out of every idle list: its request is read, or it is
// being closed. l.mu is held.
func (l *Listener) unidle(c *conn) {
	l.idle.remove(c, 0)
	if c.admitted {
		for i, h := range c.hold[:c.nkeys] {
			h.idle.remove(c, i+1)
		}
	}
}

func clientOf(ip netip.Addr) Client {
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		ip = p.Addr()
	}
	return Client(ip)
}

// track counts c as open and idle.
func (l *Listener) track(c *conn) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.open++
	c.tracked = true
	l.conns[c] = struct{}{}
	l.idle.push(c, 0)
	if c.admitted {
		l.idleInGroups(c)
	}
	return true
}

func (l *Listener) release(c *conn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c.closed = true
	l.unidle(c)
	l.unadmit(c)
	if !c.tracked {
		return
	}
	c.tracked = false
	delete(l.conns, c)
	if l.open--; l.open == 0 {
		select {
		case l.drained <- struct{}{}:
		default:
		}
	}
}

// Wait returns when no accepted connection is open, or ctx ends.
func (l *Listener) Wait(ctx context.Context) error {
	for {
		l.mu.Lock()
		open := l.open
		l.mu.Unlock()
		if open == 0 {
			return nil
		}
		select {
		case <-l.drained:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Stopping without losing a connection. Closing a listening socket resets
// every connection waiting in the kernel's accept queue: clients the
// kernel had accepted (and a load balancer that had handed them over)
// get an error, and cannot tell whether to retry. So Close does not close
// the socket at once when it knows it (Raw): it lets Accept take what is
// queued for drainWindow more, and closes it when the queue is empty.
// The connections taken are served as usual; Accepted tells when the last
// was taken.

// drainWindow is how long Close lets Accept take queued connections: the
// queue empties in microseconds; a client whose handshake the kernel
// completed just before is taken too.
const drainWindow = 50 * time.Millisecond

// Close stops accepting: at once when Raw is not set, else once the
// connections waiting in the accept queue are taken (see drainWindow).
func (l *Listener) Close() error {
	l.mu.Lock()
	if l.closing {
		l.mu.Unlock()
		return nil
	}
	l.closing = true
	l.mu.Unlock()
	if d, ok := l.Raw.(interface{ SetDeadline(time.Time) error }); ok && d.SetDeadline(time.Now().Add(drainWindow)) == nil {
		return nil // Accept closes it when the deadline comes
	}
	err := l.Listener.Close()
	l.closeAccepted()
	return err
}

func (l *Listener) isClosing() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closing
}

func (l *Listener) closeAccepted() { l.acceptedOnce.Do(func() { close(l.accepted) }) }

// Accepted is closed once Close has taken effect: no connection is
// waiting to be accepted any more.
func (l *Listener) Accepted() <-chan struct{} { return l.accepted }

// CloseIdle resets every connection that has not sent its request and
// was accepted at least minAge ago: on a stop, nothing is lost by it (a
// client that has sent nothing has no answer coming), and the stop waits
// only for the answers in flight, not for the read deadline of clients
// that send nothing. minAge leaves a connection just accepted (its
// request, or its TLS handshake, on the way) time to send it.
func (l *Listener) CloseIdle(minAge time.Duration) {
	now := time.Now()
	l.mu.Lock()
	var idle []*conn
	for c := l.idle.head; c != nil && now.Sub(c.opened) >= minAge; c = c.link[0].next {
		idle = append(idle, c)
	}
	for _, c := range idle {
		l.unidle(c)
	}
	l.mu.Unlock()
	for _, c := range idle {
		c.reset()
	}
}

// CloseAll closes every accepted connection still open.
func (l *Listener) CloseAll() {
	l.mu.Lock()
	conns := make([]*conn, 0, len(l.conns))
	for c := range l.conns {
		conns = append(conns, c)
	}
	l.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
}

// conn is a connection counted by a Listener.
type conn struct {
	net.Conn
	l      *Listener
	opened time.Time

	// Guarded by l.mu.
	admitted, tracked, closed bool
	keys                      [maxGroups]netip.Prefix // counted in l.held
	hold                      [maxGroups]*holding     // l.held[keys[i]], while admitted
	nkeys                     int
	client                    Client // known: the client, for the RateLimiter
	known                     bool
	// link places c in the idle lists: l.idle (0) and its groups'
	// (1 + the group's index in keys).
	link [1 + maxGroups]idleLink

	once      sync.Once // first read: late admission
	refused   bool
	closeOnce sync.Once
}

func (c *conn) Read(b []byte) (int, error) {
	if c.l.late {
		c.once.Do(func() {
			// RemoteAddr reads the PROXY header.
			addr := c.Conn.RemoteAddr()
			if c.l.refusing(addr, time.Now()) {
				c.l.observe(RefusedRate)
				c.refused = true
				c.reset()
				return
			}
			if c.refused = !c.l.admit(c, addr, time.Now()); c.refused {
				c.l.observe(RefusedCap)
			}
		})
		if c.refused {
			c.Conn.Close()
			return 0, net.ErrClosed
		}
		n, err := c.Conn.Read(b)
		if c.l.BadHeader != nil && BadProxyHeader(c.Conn, err) {
			c.l.BadHeader(c.Conn.RemoteAddr(), err)
		}
		return n, err
	}
	return c.Conn.Read(b)
}

// RequestRead tells the listener that the connection's request line has
// been read: it is no longer idle, so it is neither shed nor closed by
// CloseIdle, and its answer is written in full. Servers call it through an
// interface, without importing this package:
//
//	if r, ok := c.(interface{ RequestRead() }); ok {
//		r.RequestRead()
//	}
func (c *conn) RequestRead() {
	c.l.mu.Lock()
	c.l.unidle(c)
	c.l.mu.Unlock()
}

func (c *conn) Close() error {
	err := c.Conn.Close()
	c.closeOnce.Do(func() { c.l.release(c) })
	return err
}

// reset closes the connection with a TCP reset rather than a FIN: the
// client sees an error, not an empty answer, and the server keeps no
// TIME_WAIT state for it.
func (c *conn) reset() {
	raw := c.Conn
	if r, ok := raw.(interface{ Raw() net.Conn }); ok { // PROXY protocol
		raw = r.Raw()
	}
	if t, ok := raw.(interface{ SetLinger(int) error }); ok {
		t.SetLinger(0)
	}
	c.Close()
}

// idleList is a list of connections in the order they were accepted. A
// connection is in several (the listener's, its client's, its networks'),
// each through its own link, at the slot the caller names.
type idleList struct{ head, tail *conn }

// idleLink is a connection's place in one idleList.
type idleLink struct {
	prev, next *conn
	in         bool
}

func (q *idleList) push(c *conn, slot int) {
	c.link[slot] = idleLink{prev: q.tail, in: true}
	if q.tail != nil {
		q.tail.link[slot].next = c
	} else {
		q.head = c
	}
	q.tail = c
}

func (q *idleList) remove(c *conn, slot int) {
	k := &c.link[slot]
	if !k.in {
		return
	}
	if k.prev != nil {
		k.prev.link[slot].next = k.next
	} else {
		q.head = k.next
	}
	if k.next != nil {
		k.next.link[slot].prev = k.prev
	} else {
		q.tail = k.prev
	}
	*k = idleLink{}
}
