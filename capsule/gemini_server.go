package capsule

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

// geminiServer serves Gemini over TLS, one request per connection: TLS
// handshake and request line under the read deadline, then the answer in a
// single write under the write deadline, then close_notify and close.
// go-gemini's Server allocates readers, writers and contexts per request
// and cannot see the raw request line; this loop does neither.
type geminiServer struct {
	tls *tls.Config
	// handle answers a request line, or the error reading it (too long,
	// no CRLF); nil means no answer.
	handle       func(c net.Conn, line []byte, err error) *GeminiResponse
	readTimeout  time.Duration
	writeTimeout time.Duration
	log          *log.Logger

	mu       sync.Mutex
	listener net.Listener
	closing  bool
}

// requestBuffers hold request lines: CRLF and 1024 bytes.
var requestBuffers = sync.Pool{New: func() any { return new([maxGeminiRequest + 2]byte) }}

// serve accepts connections on l until shutdown; it keeps accepting after
// temporary errors, backing off up to a second.
func (s *geminiServer) serve(l net.Listener) error {
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
				s.log.Printf("gemini: accept: %v; retrying in %v", err, delay)
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

func (s *geminiServer) serveConn(c net.Conn) {
	defer c.Close()
	defer func() {
		if v := recover(); v != nil {
			s.log.Printf("gemini: panic serving %v: %v\n%s", c.RemoteAddr(), v, debug.Stack())
		}
	}()
	c.SetReadDeadline(time.Now().Add(s.readTimeout))
	tc := tls.Server(c, s.tls)
	defer tc.Close() // sends close_notify
	if err := tc.Handshake(); err != nil {
		return
	}

	buf := requestBuffers.Get().(*[maxGeminiRequest + 2]byte)
	line, err := readGeminiRequest(tc, buf[:])
	if err != nil && !errors.Is(err, errGeminiRequestTooLong) && !errors.Is(err, errBadRequestLine) {
		// Silent until the deadline, or gone: nothing to answer.
		requestBuffers.Put(buf)
		return
	}
	resp := s.handle(c, line, err)
	requestBuffers.Put(buf)
	if resp == nil {
		return
	}
	tc.SetWriteDeadline(time.Now().Add(s.writeTimeout))
	tc.Write(resp.Raw)
	if errors.Is(err, errGeminiRequestTooLong) {
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

// shutdown stops accepting. Connections already accepted are answered; the
// caller waits for them (guardedListener.wait).
func (s *geminiServer) shutdown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closing = true
	if s.listener != nil {
		s.listener.Close()
	}
}

func (s *geminiServer) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}
