package agent

import (
	"io"
	"net"
	"testing"
	"time"
)

func check(t *testing.T, s *Server) string {
	t.Helper()
	c, err := net.DialTimeout("tcp", s.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestUpThenDrain(t *testing.T) {
	s, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Weights only: never "ready", "drain" or "maint", which are
	// administrative states (see the package doc).
	if got := check(t, s); got != "up 100%\n" {
		t.Errorf("serving: %q", got)
	}
	s.Drain()
	if got := check(t, s); got != "0%\n" {
		t.Errorf("draining: %q", got)
	}
}
