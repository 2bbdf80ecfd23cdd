package gopher

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"runtime/debug"
	"sync"
	"time"
)

// Default deadlines, used where the Server's fields are zero.
const (
	DefaultReadTimeout  = 10 * time.Second
	DefaultWriteTimeout = 30 * time.Second
)

// DefaultMinWriteRate is the slowest a client may read, in bytes a second,
// when Server.MinWriteRate is zero: 64 KiB a second, half a megabit, which
// a poor mobile link still manages. At that rate a 16 MiB file may take
// 256s on top of the write timeout; a slower reader, or a flood reading
// slowly to hold connections, is cut off there.
const DefaultMinWriteRate = 64 << 10

// maxAcceptBackoff bounds the wait between accepts that fail: a reader
// waits at most that long after the listener is able to accept again.
// 100ms makes at most ten failing accept calls a second.
const maxAcceptBackoff = 100 * time.Millisecond

// acceptLogEvery bounds the lines failing accepts write: a run of them is
// logged, with the run's end, at most once a minute. At the open file
// limit, under a flood, runs come several a second.
const acceptLogEvery = time.Minute

// ErrServerClosed is returned by Serve after Shutdown or Close.
var ErrServerClosed = errors.New("gopher: server closed")

// A Handler answers a Gopher request by writing the whole response to w.
// It must not keep w after returning.
type Handler interface {
	ServeGopher(w io.Writer, r *Request)
}

// HandlerFunc adapts an ordinary function to a Handler.
type HandlerFunc func(w io.Writer, r *Request)

// ServeGopher calls f(w, r).
func (f HandlerFunc) ServeGopher(w io.Writer, r *Request) { f(w, r) }

// Server serves Gopher over a listener. Each connection carries one request:
// the server reads the request line under a deadline, calls the Handler, and
// closes the connection.
type Server struct {
	// Handler answers requests. It is required.
	Handler Handler

	// Host and Port are written into the server's own error menus (for a
	// request that is too long or malformed).
	Host string
	Port int

	// ReadTimeout bounds reading the request line, from accept on.
	// Zero means DefaultReadTimeout.
	ReadTimeout time.Duration
	// WriteTimeout bounds writing the response, with time for its size at
	// MinWriteRate on top: each write the Handler makes moves the deadline
	// by its size at that rate. Zero means DefaultWriteTimeout.
	WriteTimeout time.Duration
	// MinWriteRate is the slowest, in bytes a second, that a client may
	// read a response. Zero means DefaultMinWriteRate.
	MinWriteRate int
	// MaxRequestBytes bounds the request line, line end excluded. Zero means
	// DefaultMaxRequestBytes.
	MaxRequestBytes int

	// ErrorLog receives accept errors and handler panics. nil means the log
	// package's standard logger.
	ErrorLog *log.Logger

	// Refused, when set, is told of every request the server answers
	// itself with an error menu instead of calling Handler: err is
	// ErrRequestTooLong (line is then empty) or ErrBadRequest, n the bytes
	// of the menu written, took the time from the request read to the end
	// of the write. The Handler sees every other request, so that between
	// them every request can be logged.
	Refused func(remote net.Addr, line string, err error, n int, took time.Duration)

	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	conns     map[net.Conn]struct{}
	closing   bool
	active    sync.WaitGroup
}

// Serve accepts connections on l and serves each in its own goroutine. It
// keeps accepting after temporary errors (out of file descriptors), backing
// off up to maxAcceptBackoff, and logs the first error of a run of them (see
// acceptLogEvery).
// Serve always closes l; after Shutdown or Close it returns
// ErrServerClosed.
func (s *Server) Serve(l net.Listener) error {
	defer l.Close()
	if !s.track(l) {
		return ErrServerClosed
	}
	defer s.untrack(l)

	var delay time.Duration
	failed := 0
	var loggedAt time.Time // when a run of failures was last logged
	logged := false        // this run's first failure was
	for {
		c, err := l.Accept()
		if err != nil {
			if s.isClosing() || errors.Is(err, net.ErrClosed) {
				return ErrServerClosed // closed: by Shutdown, or by a listener's drain
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() || isTemporary(err) {
				if failed++; failed == 1 && time.Since(loggedAt) >= acceptLogEvery {
					s.logf("gopher: accept: %v; retrying", err)
					loggedAt, logged = time.Now(), true
				}
				delay = max(5*time.Millisecond, min(2*delay, maxAcceptBackoff))
				time.Sleep(delay)
				continue
			}
			return err
		}
		if failed > 0 {
			if logged {
				s.logf("gopher: accepting again after %d failed accepts", failed)
			}
			failed, logged = 0, false
		}
		delay = 0
		if !s.trackConn(c) {
			c.Close()
			return ErrServerClosed
		}
		go s.serveConn(c)
	}
}

// isTemporary reports whether an accept error is worth retrying: running out
// of file descriptors or a connection aborted before accept returned.
func isTemporary(err error) bool {
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}

func (s *Server) serveConn(c net.Conn) {
	defer s.untrackConn(c)
	defer c.Close()
	defer func() {
		if v := recover(); v != nil {
			s.logf("gopher: panic serving %v: %v\n%s", c.RemoteAddr(), v, debug.Stack())
		}
	}()

	c.SetReadDeadline(time.Now().Add(orDefault(s.ReadTimeout, DefaultReadTimeout)))
	line, err := readRequestLine(c, s.maxRequestBytes())
	if err != nil && !errors.Is(err, ErrRequestTooLong) {
		// A client that stays silent until the deadline, or hangs up, gets
		// nothing; one that sends garbage gets an error menu.
		return
	}
	// The request is in: the listener no longer counts the connection as
	// idle (capsule/guard sheds idle connections under pressure and closes
	// them on a stop).
	if r, ok := c.(interface{ RequestRead() }); ok {
		r.RequestRead()
	}
	start := time.Now()
	w := &deadlineWriter{c: c, rate: s.minWriteRate(),
		deadline: start.Add(orDefault(s.WriteTimeout, DefaultWriteTimeout))}
	if err != nil {
		n := s.writeError(w, "Request too long")
		s.refused(c, "", err, n, start)
		// Read and drop what the client is still sending, for a moment:
		// closing with unread input resets the connection, which can
		// destroy the error menu in flight.
		c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		io.CopyN(io.Discard, c, 64<<10)
		return
	}
	req, err := ParseRequest(line)
	if err != nil {
		n := s.writeError(w, "Bad request")
		s.refused(c, line, err, n, start)
		return
	}
	req.RemoteAddr = c.RemoteAddr()
	s.Handler.ServeGopher(w, req)
}

// deadlineWriter moves the write deadline of c by the size of each write
// at rate bytes a second: a response of n bytes has the write timeout and
// n/rate to be written, however the Handler splits it.
type deadlineWriter struct {
	c        net.Conn
	rate     int
	deadline time.Time
}

func (w *deadlineWriter) Write(p []byte) (int, error) {
	w.deadline = w.deadline.Add(time.Duration(float64(len(p)) / float64(w.rate) * float64(time.Second)))
	w.c.SetWriteDeadline(w.deadline)
	return w.c.Write(p)
}

func (s *Server) refused(c net.Conn, line string, err error, n int, start time.Time) {
	if s.Refused != nil {
		s.Refused(c.RemoteAddr(), line, err, n, time.Since(start))
	}
}

func (s *Server) writeError(w io.Writer, msg string) int {
	m := NewMenu(s.Host, s.Port)
	m.Error(msg)
	n, _ := w.Write(m.Bytes())
	return n
}

func (s *Server) minWriteRate() int {
	if s.MinWriteRate > 0 {
		return s.MinWriteRate
	}
	return DefaultMinWriteRate
}

func (s *Server) maxRequestBytes() int {
	if s.MaxRequestBytes > 0 {
		return s.MaxRequestBytes
	}
	return DefaultMaxRequestBytes
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Shutdown stops accepting connections and waits until every accepted
// connection has been answered, or ctx ends; then it closes the rest.
// Connections that have sent no request are closed at once by the
// listener, when it can tell them (capsule/guard's CloseIdle).
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	for l := range s.listeners {
		l.Close()
	}
	s.mu.Unlock()

	done := make(chan struct{})
	go func() {
		s.active.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		s.Close()
		return ctx.Err()
	}
}

// Close closes all listeners and connections at once.
func (s *Server) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closing = true
	for l := range s.listeners {
		l.Close()
	}
	for c := range s.conns {
		c.Close()
	}
	return nil
}

func (s *Server) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}

func (s *Server) track(l net.Listener) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	if s.listeners == nil {
		s.listeners = make(map[net.Listener]struct{})
	}
	s.listeners[l] = struct{}{}
	return true
}

func (s *Server) untrack(l net.Listener) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.listeners, l)
}

// trackConn registers c before its goroutine starts, so that Shutdown waits
// for every connection that Accept returned.
func (s *Server) trackConn(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	if s.conns == nil {
		s.conns = make(map[net.Conn]struct{})
	}
	s.conns[c] = struct{}{}
	s.active.Add(1)
	return true
}

func (s *Server) untrackConn(c net.Conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	s.active.Done()
}

func (s *Server) logf(format string, args ...any) {
	if s.ErrorLog != nil {
		s.ErrorLog.Printf(format, args...)
		return
	}
	log.Printf(format, args...)
}
