package daemon_test

import (
	"io"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
)

// floodIdleNow opens per idle connections from each of the addresses to
// addr, all at once, sending nothing, and returns when every dial has
// returned, with how many were still open a moment later (the rest were
// closed over a cap). Each connection is reopened a second after the
// server closes it: a flood of idle connections, until the end of the
// test. (A flood that reopens faster is dropped at accept by the rate
// limiter: see guard's TestFloodChurnDropped.)
func floodIdleNow(t *testing.T, addr string, ips []string, per int) (held int) {
	t.Helper()
	stop := make(chan struct{})
	var wg, dialed sync.WaitGroup
	var mu sync.Mutex
	for _, ip := range ips {
		for range per {
			wg.Add(1)
			dialed.Add(1)
			go func() {
				defer wg.Done()
				first := true
				for {
					c, err := dialerFrom(ip).Dial("tcp", addr)
					if err == nil {
						closed := make(chan struct{})
						go func() {
							select {
							case <-stop:
								c.Close()
							case <-closed:
							}
						}()
						if first {
							// Open a moment after the dial: not closed over a cap.
							c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
							_, err := c.Read(make([]byte, 1))
							if ne, ok := err.(net.Error); ok && ne.Timeout() {
								mu.Lock()
								held++
								mu.Unlock()
							}
						}
						if first {
							first = false
							dialed.Done()
						}
						c.SetReadDeadline(time.Now().Add(time.Minute))
						io.Copy(io.Discard, c)
						close(closed)
						c.Close()
					} else if first {
						first = false
						dialed.Done()
					}
					select {
					case <-stop:
						return
					case <-time.After(time.Second):
					}
				}
			}()
		}
	}
	t.Cleanup(func() { close(stop); wg.Wait() })
	dialed.Wait()
	mu.Lock()
	defer mu.Unlock()
	return held
}

// TestFloodYoungIdleNewClientServed opens 256 idle connections at once
// from 16 addresses to each protocol, filling -max-conns 256 (and the /24
// cap of 256: all of 127.0.0.x is one /24) with connections younger than
// the age from which idle connections are shed. A reader from another
// address arriving half a second later is answered on both protocols, at
// its first try, within 2 seconds: it takes the place of an idle
// connection of a client holding many.
func TestFloodYoungIdleNewClientServed(t *testing.T) {
	const wait = 2 * time.Second
	d := servetest.Start(t, func(c *config.Config) {
		c.MaxConns = 256 // per-client 16 and per-/24 256: the defaults
	})
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr())) + "/\r\n"
	_, wantGemini := geminiRaw(t, d.GeminiAddr().String(), base)
	wantGopher := servetest.GopherGet(t, d, "\r\n")

	flood := loopbackIPs(2, 16)
	var wg sync.WaitGroup
	var held [2]int
	for i, addr := range []string{d.GeminiAddr().String(), d.GopherAddr().String()} {
		wg.Add(1)
		go func() { defer wg.Done(); held[i] = floodIdleNow(t, addr, flood, 16) }()
	}
	wg.Wait()
	t.Logf("idle connections held by the flood of 16×16: gemini %d, gopher %d", held[0], held[1])
	if held[0] != 256 || held[1] != 256 {
		t.Fatalf("the flood holds %v connections, want the cap of 256 on each protocol", held)
	}
	time.Sleep(500 * time.Millisecond) // the reader arrives half a second later

	ask := func(gem bool) (string, time.Duration, error) {
		start := time.Now()
		addr, req := d.GopherAddr().String(), "\r\n"
		if gem {
			addr, req = d.GeminiAddr().String(), base
		}
		c, err := dialerFrom("127.0.0.200").Dial("tcp", addr)
		if err != nil {
			return "", time.Since(start), err
		}
		defer c.Close()
		c.SetDeadline(start.Add(wait))
		rw := io.ReadWriter(c)
		if gem {
			rw = tlsClient(c)
		}
		if _, err := io.WriteString(rw, req); err != nil {
			return "", time.Since(start), err
		}
		b, err := io.ReadAll(rw)
		return string(b), time.Since(start), err
	}
	for _, gem := range []bool{true, false} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			proto, want := "gopher", wantGopher
			if gem {
				proto, want = "gemini", wantGemini
			}
			got, took, err := ask(gem)
			switch {
			case got != want:
				t.Errorf("%s: a new client during a young idle flood got %d bytes after %v (%v); want the home page within %v", proto, len(got), took.Round(time.Millisecond), err, wait)
			default:
				t.Logf("%s: a new client was answered in %v, first try, with the cap of 256 held by 16 addresses", proto, took.Round(time.Microsecond))
			}
		}()
	}
	wg.Wait()
}
