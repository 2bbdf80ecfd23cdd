package daemon

import (
	"bytes"
	"io"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"capsule/capsule/logstamp"
)

// accessLog writes one line per request:
//
//	access gemini 192.0.2.1 "gemini://example.org/posts/a.gmi" 20 5120 41µs
//
// after the time of the request when the log's lines are stamped (see
// package logstamp), then protocol, client address ("-" unless addresses are logged), the path or
// selector quoted with control characters escaped (a selector is whatever a
// client sent), status, bytes written and duration. Lines are buffered and
// written once a second or when the buffer fills, so that a busy capsule
// makes one write a second rather than one a request.
//
// A line is bounded whatever a client sends: the quoted target is at most
// maxLoggedTarget bytes, and what is left of a longer one is counted
// after the quotes ("gemini://example.org/aaaa…"+900): a request of 1024
// bytes that are not UTF-8 (each escaped in four) would otherwise make a
// line of 4 KiB, four times what the client sent.
//
// HAProxy's health checks are not logged: two a second per replica
// (contrib/haproxy.cfg checks each protocol every second) would be most of
// a quiet capsule's log. A health check is a request from a trusted
// proxy's own address (a check's PROXY header names no client) for
// /robots.txt on Gemini or /caps.txt on Gopher, the addresses
// contrib/haproxy.cfg asks for.
type accessLog struct {
	w       io.Writer
	ips     bool
	trusted []netip.Prefix // the proxies whose health checks are not logged
	stamp   bool           // each line starts with its request's time

	mu  sync.Mutex
	buf []byte

	stop chan struct{}
	done chan struct{}
}

const (
	accessLogFlushEvery = time.Second
	accessLogBufferSize = 64 << 10
	// maxLoggedTarget bounds the quoted target of a line, escapes
	// included (see accessLog).
	maxLoggedTarget = 256
)

func newAccessLog(w io.Writer, ips bool, trusted []netip.Prefix) *accessLog {
	a := &accessLog{w: w, ips: ips, trusted: trusted, buf: make([]byte, 0, accessLogBufferSize),
		stop: make(chan struct{}), done: make(chan struct{})}
	// The log's writer would stamp the lines with the time of the write,
	// up to a second late: the lines are stamped here instead.
	if s, ok := w.(*logstamp.Writer); ok {
		a.w, a.stamp = s.Unstamped(), true
	}
	go a.flusher()
	return a
}

func (a *accessLog) flusher() {
	defer close(a.done)
	t := time.NewTicker(accessLogFlushEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			a.flush()
		case <-a.stop:
			a.flush()
			return
		}
	}
}

// request logs one request, whose target (URL or selector) is either
// target or targetBytes. A nil accessLog logs nothing. Logging allocates
// nothing: the line is appended to the buffer in place.
func (a *accessLog) request(proto string, remote net.Addr, target string, targetBytes []byte, status string, n int, d time.Duration) {
	if a == nil || a.healthCheck(remote, target, targetBytes) {
		return
	}
	a.mu.Lock()
	b := a.buf
	if a.stamp {
		b = logstamp.AppendStamp(b, time.Now())
	}
	b = append(b, "access "...)
	b = append(b, proto...)
	b = append(b, ' ')
	b = appendClient(b, remote, a.ips)
	b = append(b, ' ')
	if targetBytes == nil {
		// Read, not kept: the string's bytes as they are, no copy.
		targetBytes = unsafe.Slice(unsafe.StringData(target), len(target))
	}
	var left int
	b, left = appendQuoted(b, targetBytes, maxLoggedTarget)
	if left > 0 {
		b = append(b, '+')
		b = strconv.AppendInt(b, int64(left), 10)
	}
	b = append(b, ' ')
	b = append(b, status...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, d.Microseconds(), 10)
	b = append(b, "µs\n"...)
	a.buf = b
	full := len(b) >= accessLogBufferSize-512
	a.mu.Unlock()
	if full {
		a.flush()
	}
}

// appendClient appends the client's address without its port, or "-" when
// addresses are not logged.
func appendClient(b []byte, remote net.Addr, ips bool) []byte {
	if !ips || remote == nil {
		return append(b, '-')
	}
	if t, ok := remote.(*net.TCPAddr); ok {
		return t.AddrPort().Addr().Unmap().AppendTo(b)
	}
	host, _, err := net.SplitHostPort(remote.String())
	if err != nil {
		host = remote.String()
	}
	return append(b, host...)
}

// appendQuoted is strconv.AppendQuote for bytes, without converting them to
// a string: control characters, quotes, backslashes and invalid UTF-8 are
// escaped, so that a client cannot forge or break log lines. It stops
// before the quoted text would pass limit bytes, quotes not counted, and
// returns how many bytes of s it left out.
func appendQuoted(b, s []byte, limit int) ([]byte, int) {
	b = append(b, '"')
	end := len(b) + limit
	for len(s) > 0 {
		before := len(b)
		r, size := utf8.DecodeRune(s)
		switch {
		case r == utf8.RuneError && size == 1:
			const hex = "0123456789abcdef"
			b = append(b, '\\', 'x', hex[s[0]>>4], hex[s[0]&15])
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case strconv.IsPrint(r):
			b = append(b, s[:size]...)
		default:
			var q [16]byte
			quoted := strconv.AppendQuoteRune(q[:0], r) // '\x1b'
			b = append(b, quoted[1:len(quoted)-1]...)
		}
		if len(b) > end {
			b = b[:before] // this rune would pass the limit
			break
		}
		s = s[size:]
	}
	return append(b, '"'), len(s)
}

func (a *accessLog) flush() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.buf) > 0 {
		a.w.Write(a.buf)
		a.buf = a.buf[:0]
	}
}

// Close writes what is buffered and stops the flusher.
func (a *accessLog) Close() {
	if a == nil {
		return
	}
	close(a.stop)
	<-a.done
}

// healthCheck reports whether a request is a proxy's health check (see
// accessLog). It allocates nothing.
func (a *accessLog) healthCheck(remote net.Addr, target string, targetBytes []byte) bool {
	if len(a.trusted) == 0 {
		return false
	}
	t, ok := remote.(*net.TCPAddr)
	if !ok {
		return false
	}
	ip := t.AddrPort().Addr().Unmap()
	if !slices.ContainsFunc(a.trusted, func(p netip.Prefix) bool { return p.Contains(ip) }) {
		return false
	}
	if targetBytes != nil {
		return bytes.HasSuffix(targetBytes, []byte("/robots.txt"))
	}
	return target == "/caps.txt" || target == "caps.txt"
}
