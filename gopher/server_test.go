package gopher

import (
	"context"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// startServer serves h on a loopback port chosen by the kernel.
func startServer(t *testing.T, s *Server) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Host, s.Port = "localhost", l.Addr().(*net.TCPAddr).Port
	if s.ErrorLog == nil {
		s.ErrorLog = log.New(io.Discard, "", 0)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(l) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-done; err != ErrServerClosed {
			t.Errorf("Serve returned %v, want ErrServerClosed", err)
		}
	})
	return l.Addr().String()
}

// exchange sends request and reads until the server closes the connection.
func exchange(t *testing.T, addr, request string) (string, error) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		return "", err
	}
	b, err := io.ReadAll(c)
	return string(b), err
}

func echoHandler() Handler {
	return HandlerFunc(func(w io.Writer, r *Request) {
		io.WriteString(w, "selector="+r.Selector+" search="+r.Search+" plus="+r.Plus)
	})
}

func TestServerServesRequests(t *testing.T) {
	addr := startServer(t, &Server{Handler: echoHandler()})
	tests := map[string]string{
		"/a\r\n":           "selector=/a search= plus=",
		"/a\n":             "selector=/a search= plus=",
		"/s\tq w\r\n":      "selector=/s search=q w plus=",
		"\t$\r\n":          "selector= search= plus=$",
		"/s\t検索\t+\r\n":    "selector=/s search=検索 plus=+",
		"\r\n":             "selector= search= plus=",
		"/x\r\ntrailing\n": "selector=/x search= plus=",
	}
	for req, want := range tests {
		got, err := exchange(t, addr, req)
		if err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", req, got, err, want)
		}
	}
}

func TestServerRejectsLongRequest(t *testing.T) {
	addr := startServer(t, &Server{Handler: echoHandler(), MaxRequestBytes: 64})
	got, _ := exchange(t, addr, strings.Repeat("a", 65)+"\r\n")
	if !strings.HasPrefix(got, "3Request too long\t") || !strings.HasSuffix(got, ".\r\n") {
		t.Errorf("long request: %q", got)
	}
	if got, _ := exchange(t, addr, strings.Repeat("a", 64)+"\r\n"); !strings.HasPrefix(got, "selector=aaa") {
		t.Errorf("request at the limit: %q", got)
	}
	got, _ = exchange(t, addr, "a\x00b\r\n")
	if !strings.HasPrefix(got, "3Bad request\t") {
		t.Errorf("request with NUL: %q", got)
	}
}

func TestServerReadDeadline(t *testing.T) {
	addr := startServer(t, &Server{Handler: echoHandler(), ReadTimeout: 200 * time.Millisecond})
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "/never-ends")
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	b, err := io.ReadAll(c)
	if len(b) != 0 || err != nil {
		t.Errorf("silent client got %q, %v; want the connection closed with no answer", b, err)
	}
	if waited := time.Since(start); waited > 3*time.Second {
		t.Errorf("connection closed after %v, want about the 200ms read deadline", waited)
	}
}

func TestServerRecoversFromPanic(t *testing.T) {
	var logged strings.Builder
	var mu sync.Mutex
	s := &Server{
		Handler: HandlerFunc(func(w io.Writer, r *Request) {
			if r.Selector == "/boom" {
				panic("boom")
			}
			io.WriteString(w, "ok")
		}),
		ErrorLog: log.New(writerFunc(func(p []byte) (int, error) {
			mu.Lock()
			defer mu.Unlock()
			return logged.Write(p)
		}), "", 0),
	}
	addr := startServer(t, s)
	if got, _ := exchange(t, addr, "/boom\r\n"); got != "" {
		t.Errorf("panicking handler wrote %q", got)
	}
	if got, _ := exchange(t, addr, "/fine\r\n"); got != "ok" {
		t.Errorf("after a panic: %q, want ok", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(logged.String(), "panic serving") {
		t.Errorf("panic not logged: %q", logged.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestShutdownWaitsForRequestsInFlight(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	s := &Server{Handler: HandlerFunc(func(w io.Writer, r *Request) {
		close(started)
		<-release
		io.WriteString(w, "finished")
	})}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(l)
	result := make(chan string, 1)
	go func() {
		got, _ := exchange(t, l.Addr().String(), "/slow\r\n")
		result <- got
	}()
	<-started
	shutdown := make(chan error, 1)
	go func() { shutdown <- s.Shutdown(context.Background()) }()
	select {
	case err := <-shutdown:
		t.Fatalf("Shutdown returned %v with a request in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	if _, err := net.DialTimeout("tcp", l.Addr().String(), time.Second); err == nil {
		t.Error("listener still accepts after Shutdown")
	}
	close(release)
	if got := <-result; got != "finished" {
		t.Errorf("request in flight got %q", got)
	}
	if err := <-shutdown; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
}
