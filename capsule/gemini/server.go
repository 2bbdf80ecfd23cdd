package gemini

import (
	"cmp"
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
// single write (two for a Response with a Tail) under the write deadline,
// then close_notify and close.
// go-gemini's Server allocates readers, writers and contexts per request
// and cannot see the raw request line; this loop does neither.
type Server struct {
	// TLSConfig is the TLS of every connection. Required.
	TLSConfig *tls.Config
	// Handler answers requests. Required.
	Handler Handler
	// Upload, when set, answers Titan requests (titan.go), whose body it
	// reads if it takes them; without it, Handler answers them as
	// requests for another scheme.
	Upload UploadHandler
	// ReadTimeout bounds the handshake and the request line, from accept
	// on; WriteTimeout bounds writing the response, with time for its size
	// at MinWriteRate on top. Both are required.
	ReadTimeout, WriteTimeout time.Duration
	// MinWriteRate is the slowest, in bytes a second, that a client may
	// read a response: writing one of n bytes may take WriteTimeout plus
	// n/MinWriteRate. Zero means DefaultMinWriteRate.
	MinWriteRate int
	// ErrorLog receives accept errors and handler panics.
	ErrorLog *log.Logger
	// Written, when set, is told of every response once it is written, or
	// the write failed: the request line (nil when it could not be read),
	// the response, the bytes of it written (fewer than resp.Len() for
	// a client cut off at the write deadline or gone) and the time from
	// the request line read to the end of the write. The line is valid
	// only until Written returns.
	Written func(c *tls.Conn, line []byte, resp *Response, n int, took time.Duration)

	mu       sync.Mutex
	listener net.Listener
	closing  bool
}

// Handler answers a request line read from c, or the error reading it
// (ErrRequestTooLong, ErrBadRequestLine); a nil Response means no answer.
// c is the TLS connection, handshake done: its ConnectionState holds the
// client's certificates. The line is valid only until Handler returns.
type Handler func(c *tls.Conn, line []byte, err error) *Response

// DefaultMinWriteRate is the slowest a client may read, when
// Server.MinWriteRate is zero: 64 KiB a second, half a megabit, which a
// poor mobile link still manages. At that rate the largest file allowed by
// default (16 MiB) may take 256s on top of the write timeout; a slower
// reader, or a flood reading slowly to hold connections, is cut off there.
const DefaultMinWriteRate = 64 << 10

// TransferTime is the time to send or receive n bytes at rate bytes a
// second: what a write deadline (and an upload's read deadline) adds
// for a response's (a body's) size.
func TransferTime(n, rate int) time.Duration {
	return time.Duration(float64(n) / float64(rate) * float64(time.Second))
}

// maxAcceptBackoff bounds the wait between accepts that fail: a reader
// waits at most that long after the listener is able to accept again.
// 100ms makes at most ten failing accept calls a second.
const maxAcceptBackoff = 100 * time.Millisecond

// acceptLogEvery bounds the lines failing accepts write: a run of them is
// logged, with the run's end, at most once a minute. At the open file
// limit, under a flood, runs come several a second.
const acceptLogEvery = time.Minute

// requestBuffers hold request lines: CRLF and 1024 bytes.
var requestBuffers = sync.Pool{New: func() any { return new([MaxRequest + 2]byte) }}

// Serve accepts connections on l until shutdown; it keeps accepting after
// temporary errors (out of file descriptors), backing off up to
// maxAcceptBackoff, and logs the first error of a run of them (see
// acceptLogEvery).
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
	failed := 0
	var loggedAt time.Time // when a run of failures was last logged
	logged := false        // this run's first failure was
	for {
		c, err := l.Accept()
		if err != nil {
			if s.isClosing() || errors.Is(err, net.ErrClosed) {
				return nil // closed: by Shutdown, or by a listener's drain
			}
			if isTemporary(err) {
				if failed++; failed == 1 && time.Since(loggedAt) >= acceptLogEvery {
					s.ErrorLog.Printf("gemini: accept: %v; retrying", err)
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
				s.ErrorLog.Printf("gemini: accepting again after %d failed accepts", failed)
			}
			failed, logged = 0, false
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
	defer requestBuffers.Put(buf)
	line, after, err := readRequest(tc, buf[:])
	if err != nil && !errors.Is(err, ErrRequestTooLong) && !errors.Is(err, ErrBadRequestLine) {
		// Silent until the deadline, or gone: nothing to answer.
		return
	}
	// The request is in: the listener no longer counts the connection as
	// idle (capsule/guard sheds idle connections under pressure and closes
	// them on a stop). It is told on the raw connection it handed out.
	if r, ok := c.(interface{ RequestRead() }); ok {
		r.RequestRead()
	}
	start := time.Now()
	var resp *Response
	if err == nil && s.Upload != nil && IsTitan(line) {
		resp = s.Upload(tc, line, &Body{early: after, conn: tc})
	} else {
		resp = s.Handler(tc, line, err)
	}
	if resp == nil {
		return
	}
	// The write may take WriteTimeout, and the time for the response's
	// size at the minimum rate: a large file to a slow reader is not cut
	// at WriteTimeout, a reader slower than the minimum rate is.
	tc.SetWriteDeadline(time.Now().Add(s.WriteTimeout + TransferTime(resp.Len(), cmp.Or(s.MinWriteRate, DefaultMinWriteRate))))
	n, _ := resp.WriteTo(tc)
	if s.Written != nil {
		s.Written(tc, line, resp, int(n), time.Since(start))
	}
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
// caller waits for them (guard.Listener.Wait), and closes those that have
// sent no request (guard.Listener.CloseIdle).
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
