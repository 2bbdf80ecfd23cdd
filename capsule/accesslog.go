package capsule

import (
	"io"
	"net"
	"strconv"
	"sync"
	"time"
)

// accessLog writes one line per request:
//
//	access gemini 192.0.2.1 "/posts/a.gmi" 20 5120 1.2ms
//
// protocol, client address ("-" unless addresses are logged), the path or
// selector quoted with control characters escaped (a selector is whatever a
// client sent), status, bytes written and duration. Lines are buffered and
// written once a second or when the buffer fills, so that a busy capsule
// makes one write a second rather than one a request.
type accessLog struct {
	w   io.Writer
	ips bool

	mu  sync.Mutex
	buf []byte

	stop chan struct{}
	done chan struct{}
}

const (
	accessLogFlushEvery = time.Second
	accessLogBufferSize = 64 << 10
)

func newAccessLog(w io.Writer, ips bool) *accessLog {
	a := &accessLog{w: w, ips: ips, buf: make([]byte, 0, accessLogBufferSize),
		stop: make(chan struct{}), done: make(chan struct{})}
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

// request logs one request. A nil accessLog logs nothing.
func (a *accessLog) request(proto string, remote net.Addr, target, status string, n int, d time.Duration) {
	if a == nil {
		return
	}
	client := "-"
	if a.ips && remote != nil {
		client = remote.String()
		if host, _, err := net.SplitHostPort(client); err == nil {
			client = host
		}
	}
	a.mu.Lock()
	b := a.buf
	b = append(b, "access "...)
	b = append(b, proto...)
	b = append(b, ' ')
	b = append(b, client...)
	b = append(b, ' ')
	b = strconv.AppendQuote(b, target)
	b = append(b, ' ')
	b = append(b, status...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	b = append(b, d.Round(time.Microsecond).String()...)
	b = append(b, '\n')
	a.buf = b
	full := len(b) >= accessLogBufferSize-512
	a.mu.Unlock()
	if full {
		a.flush()
	}
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
