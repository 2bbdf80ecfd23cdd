package gemini

import (
	"crypto/tls"
	"errors"
	"io"
	"log"
	"net"
	"runtime/debug"
	"sync"
	"time"
)

// Server serves Gemini over TLS, one request per connection: TLS
// handshake and request line under the read deadline, then the answer in a
// single write under the write deadline, then close_notify and close.
// go-gemini's Server allocates readers, writers and contexts per request
// and cannot see the raw request line; this loop does neither.
type Server struct {
	// TLSConfig is the TLS of every connection. Required.
	TLSConfig *tls.Config
	// Handler answers requests. Required.
	Handler Handler
	// ReadTimeout bounds the handshake and the request line, from accept
	// on; WriteTimeout bounds writing the response. Both are required.
	ReadTimeout, WriteTimeout time.Duration
	// ErrorLog receives accept errors and handler panics.
	ErrorLog *log.Logger

	mu       sync.Mutex
	listener net.Listener
	closing  bool
}

// Handler answers a request line read from c, or the error reading it
// (ErrRequestTooLong, ErrBadRequestLine); a nil Response means no answer.
// c is the TLS connection, handshake done: its ConnectionState holds the
// client's certificates. The line is valid only until Handler returns.
type Handler func(c *tls.Conn, line []byte, err error) *Response

// requestBuffers hold request lines: CRLF and 1024 bytes.
var requestBuffers = sync.Pool{New: func() any { return new([MaxRequest + 2]byte) }}

// Serve accepts connections on l until shutdown; it keeps accepting after
// temporary errors, backing off up to a second.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		l.Close()
		return nil
	}
	s.listener = l
	s.mu.Unlock()

	var delay time.Duration
	for {
		c, err := l.Accept()
		if err != nil {
			if s.isClosing() {
				return nil
			}
			if isTemporary(err) {
				delay = max(5*time.Millisecond, min(2*delay, time.Second))
				s.ErrorLog.Printf("gemini: accept: %v; retrying in %v", err, delay)
				time.Sleep(delay)
				continue
			}
			return err
		}
		delay = 0
		go s.serveConn(c)
	}
}

// isTemporary reports whether an accept error is worth retrying: running
// out of file descriptors, a connection aborted before accept returned.
func isTemporary(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}

func (s *Server) serveConn(c net.Conn) {
	defer c.Close()
	defer func() {
		if v := recover(); v != nil {
			s.ErrorLog.Printf("gemini: panic serving %v: %v\n%s", c.RemoteAddr(), v, debug.Stack())
		}
	}()
	c.SetReadDeadline(time.Now().Add(s.ReadTimeout))
	tc := tls.Server(c, s.TLSConfig)
	defer tc.Close() // sends close_notify
	if err := tc.Handshake(); err != nil {
		return
	}

	buf := requestBuffers.Get().(*[MaxRequest + 2]byte)
	line, err := ReadRequest(tc, buf[:])
	if err != nil && !errors.Is(err, ErrRequestTooLong) && !errors.Is(err, ErrBadRequestLine) {
		// Silent until the deadline, or gone: nothing to answer.
		requestBuffers.Put(buf)
		return
	}
	resp := s.Handler(tc, line, err)
	requestBuffers.Put(buf)
	if resp == nil {
		return
	}
	tc.SetWriteDeadline(time.Now().Add(s.WriteTimeout))
	tc.Write(resp.Raw)
	if errors.Is(err, ErrRequestTooLong) {
		lingerClose(tc)
	}
}

// lingerClose reads and drops, for a moment, what a client is still
// sending before the connection is closed. Closing with unread input makes
// the kernel reset the connection, which can destroy the response in flight:
// the client that sent a request too long would never see why it failed.
func lingerClose(c net.Conn) {
	c.SetReadDeadline(time.Now().Add(lingerTime))
	io.CopyN(io.Discard, c, lingerBytes)
}

const (
	lingerTime  = 500 * time.Millisecond
	lingerBytes = 64 << 10
)

// Shutdown stops accepting. Connections already accepted are answered; the
// caller waits for them (guard.Listener.Wait).
func (s *Server) Shutdown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closing = true
	if s.listener != nil {
		s.listener.Close()
	}
}

func (s *Server) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}
