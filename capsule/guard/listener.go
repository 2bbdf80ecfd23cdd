package guard

import (
	"context"
	"net"
	"net/netip"
	"sync"
)

// Listener caps open connections, in all and per client, and counts
// them for a graceful stop. A connection over a cap is closed at once,
// before anything is read from it or written to it, and the listener goes
// on accepting: one client holding many connections open cannot keep
// others out.
//
// Behind a PROXY protocol listener the client's address is known only after
// the header has been read, so the per-client cap is then applied on the
// connection's first read instead of at accept.
type Listener struct {
	net.Listener
	maxOpen, maxPerClient int  // 0: no cap
	late                  bool // apply caps at the first read (PROXY protocol)

	mu       sync.Mutex
	open     int            // accepted and not yet closed
	admitted int            // counted against maxOpen
	clients  map[Client]int // admitted connections by client
	conns    map[*conn]struct{}
	idle     chan struct{} // signalled when open drops to 0
}

// Client groups the addresses of one client: an IPv4 address, or the /64
// an IPv6 host usually has to itself.
type Client netip.Addr

func ClientOf(a net.Addr) (Client, bool) {
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return Client{}, false
	}
	ip := ap.Addr().Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		ip = p.Addr()
	}
	return Client(ip), true
}

func NewListener(l net.Listener, maxOpen, maxPerClient int, late bool) *Listener {
	return &Listener{Listener: l, maxOpen: maxOpen, maxPerClient: maxPerClient, late: late,
		clients: make(map[Client]int), conns: make(map[*conn]struct{}), idle: make(chan struct{}, 1)}
}

func (l *Listener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		gc := &conn{Conn: c, l: l}
		if !l.late && !gc.admit(c.RemoteAddr()) {
			c.Close()
			continue
		}
		l.mu.Lock()
		l.open++
		l.conns[gc] = struct{}{}
		l.mu.Unlock()
		return gc, nil
	}
}

// admit counts c against the caps, or reports that it is over one.
func (l *Listener) admit(addr net.Addr) (Client, bool, bool) {
	key, known := ClientOf(addr)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.maxOpen > 0 && l.admitted >= l.maxOpen {
		return key, false, false
	}
	if known && l.maxPerClient > 0 && l.clients[key] >= l.maxPerClient {
		return key, false, false
	}
	l.admitted++
	if known {
		l.clients[key]++
	}
	return key, known, true
}

func (l *Listener) release(c *conn, key Client, known, admitted bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.conns, c)
	if admitted {
		l.admitted--
		if known {
			if l.clients[key]--; l.clients[key] <= 0 {
				delete(l.clients, key)
			}
		}
	}
	if l.open--; l.open == 0 {
		select {
		case l.idle <- struct{}{}:
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
		case <-l.idle:
		case <-ctx.Done():
			return ctx.Err()
		}
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
	l *Listener

	once      sync.Once // first read: late admission
	refused   bool
	key       Client
	known     bool
	admitted  bool
	closeOnce sync.Once
}

func (c *conn) admit(addr net.Addr) bool {
	c.key, c.known, c.admitted = c.l.admit(addr)
	return c.admitted
}

func (c *conn) Read(b []byte) (int, error) {
	if c.l.late {
		c.once.Do(func() {
			// RemoteAddr reads the PROXY header.
			c.refused = !c.admit(c.Conn.RemoteAddr())
		})
		if c.refused {
			c.Conn.Close()
			return 0, net.ErrClosed
		}
	}
	return c.Conn.Read(b)
}

func (c *conn) Close() error {
	err := c.Conn.Close()
	c.closeOnce.Do(func() { c.l.release(c, c.key, c.known, c.admitted) })
	return err
}
