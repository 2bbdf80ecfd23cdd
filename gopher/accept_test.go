package gopher

import (
	"context"
	"log"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// flakyListener fails the accepts listed in fail (by their number, from
// 1) with EMFILE, as a process at its open file limit sees.
type flakyListener struct {
	net.Listener
	mu   sync.Mutex
	n    int
	fail map[int]bool
}

func (f *flakyListener) Accept() (net.Conn, error) {
	f.mu.Lock()
	f.n++
	n := f.n
	f.mu.Unlock()
	if f.fail[n] {
		return nil, &net.OpError{Op: "accept", Net: "tcp", Err: os.NewSyscallError("accept4", syscall.EMFILE)}
	}
	return f.Listener.Accept()
}

type lines struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Runs of failing accepts are logged at most once a minute: at the open
// file limit, under a flood, they come several a second, and each wrote
// two lines (the operators' trial counted 43 in 20 seconds).
func TestFailingAcceptsLoggedOnceAMinute(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// Three runs of failures, each ended by a connection accepted.
	fl := &flakyListener{Listener: inner, fail: map[int]bool{1: true, 2: true, 4: true, 6: true, 7: true}}
	var logged lines
	s := &Server{Handler: echoHandler(), Host: "localhost", Port: 70}
	s.ErrorLog = log.New(&logged, "", 0)
	done := make(chan error, 1)
	go func() { done <- s.Serve(fl) }()
	for range 3 {
		c, err := net.Dial("tcp", inner.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(5 * time.Second))
		c.Write([]byte("/\r\n"))
		b := make([]byte, 64)
		c.Read(b)
		c.Close()
	}
	s.Shutdown(context.Background())
	<-done
	want := "gopher: accept: accept tcp: accept4: too many open files; retrying\ngopher: accepting again after 2 failed accepts\n"
	if got := logged.String(); got != want {
		t.Errorf("logged:\n%s\nwant:\n%s", got, want)
	}
}
