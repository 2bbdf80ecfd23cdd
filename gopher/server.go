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
	// WriteTimeout bounds writing the response. Zero means DefaultWriteTimeout.
	WriteTimeout time.Duration
	// MaxRequestBytes bounds the request line, line end excluded. Zero means
	// DefaultMaxRequestBytes.
	MaxRequestBytes int

	// ErrorLog receives accept errors and handler panics. nil means the log
	// package's standard logger.
	ErrorLog *log.Logger

	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	conns     map[net.Conn]struct{}
	closing   bool
	active    sync.WaitGroup
}

// Serve accepts connections on l and serves each in its own goroutine. It
// keeps accepting after temporary errors, backing off up to a second. Serve
// always closes l; after Shutdown or Close it returns ErrServerClosed.
func (s *Server) Serve(l net.Listener) error {
	defer l.Close()
	if !s.track(l) {
		return ErrServerClosed
	}
	defer s.untrack(l)

	var delay time.Duration
	for {
		c, err := l.Accept()
		if err != nil {
			if s.isClosing() {
				return ErrServerClosed
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() || isTemporary(err) {
				delay = max(5*time.Millisecond, min(2*delay, time.Second))
				s.logf("gopher: accept: %v; retrying in %v", err, delay)
				time.Sleep(delay)
				continue
			}
			return err
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
	c.SetWriteDeadline(time.Now().Add(orDefault(s.WriteTimeout, DefaultWriteTimeout)))
	if err != nil {
		// A client that stays silent until the deadline, or hangs up, gets
		// nothing; one that sends garbage gets an error menu.
		if errors.Is(err, ErrRequestTooLong) {
			s.writeError(c, "Request too long")
			// Read and drop what the client is still sending, for a moment:
			// closing with unread input resets the connection, which can
			// destroy the error menu in flight.
			c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
			io.CopyN(io.Discard, c, 64<<10)
		}
		return
	}
	req, err := ParseRequest(line)
	if err != nil {
		s.writeError(c, "Bad request")
		return
	}
	req.RemoteAddr = c.RemoteAddr()
	s.Handler.ServeGopher(c, req)
}

func (s *Server) writeError(w io.Writer, msg string) {
	m := NewMenu(s.Host, s.Port)
	m.Error(msg)
	w.Write(m.Bytes())
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
