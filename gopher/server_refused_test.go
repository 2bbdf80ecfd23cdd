package gopher

import (
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLogRefusedHook: the requests the server answers itself, too long or
// malformed, are told to Refused, so that they can be logged.
func TestLogRefusedHook(t *testing.T) {
	var mu sync.Mutex
	var got []string
	s := &Server{Handler: echoHandler(), MaxRequestBytes: 16,
		Refused: func(remote net.Addr, line string, err error, n int, took time.Duration) {
			mu.Lock()
			defer mu.Unlock()
			kind := "bad"
			if errors.Is(err, ErrRequestTooLong) {
				kind = "toolong"
			}
			if remote == nil || n == 0 {
				kind += "?"
			}
			got = append(got, kind+" "+line)
		}}
	addr := startServer(t, s)
	for _, req := range []string{"a\x00b\r\n", strings.Repeat("x", 40) + "\r\n", "fine\r\n"} {
		if resp, _ := exchange(t, addr, req); resp == "" {
			t.Errorf("%q: no answer", req)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(got, "|") != "bad a\x00b|toolong " {
		t.Errorf("Refused was told %q", got)
	}
}

// rememberConn is a listener's connection that records RequestRead.
type rememberConn struct {
	net.Conn
	read chan struct{}
}

func (c *rememberConn) RequestRead() { close(c.read) }

type rememberListener struct {
	net.Listener
	conns chan *rememberConn
}

func (l *rememberListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	rc := &rememberConn{Conn: c, read: make(chan struct{})}
	l.conns <- rc
	return rc, nil
}

// TestRequestReadCalled: the server tells its listener's connection when
// the request line is read, and not before.
func TestRequestReadCalled(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := &rememberListener{Listener: inner, conns: make(chan *rememberConn, 1)}
	s := &Server{Handler: echoHandler()}
	go s.Serve(l)
	t.Cleanup(func() { s.Close() })
	c, err := net.Dial("tcp", inner.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rc := <-l.conns
	io.WriteString(c, "half")
	select {
	case <-rc.read:
		t.Fatal("RequestRead before the line end")
	case <-time.After(50 * time.Millisecond):
	}
	io.WriteString(c, " a line\r\n")
	select {
	case <-rc.read:
	case <-time.After(5 * time.Second):
		t.Fatal("RequestRead not called")
	}
}
