package main

import (
	"crypto/tls"
	"errors"
	"io"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// result is one measurement: a closed loop of conns clients, each making
// one request per connection, for a fixed duration.
type result struct {
	requests, errors int
	elapsed          time.Duration
	p50, p99         time.Duration
	cpu              time.Duration // the server's CPU time during the run
}

func (r result) perSecond() float64 { return float64(r.requests) / r.elapsed.Seconds() }
func (r result) cpuPerRequest() time.Duration {
	if r.requests == 0 {
		return 0
	}
	return r.cpu / time.Duration(r.requests)
}

// fetcher makes one request on a new connection and returns the bytes it
// read.
type fetcher func() (int, error)

func geminiFetcher(addr, request string, want int, resume bool) fetcher {
	conf := &tls.Config{InsecureSkipVerify: true, ServerName: "localhost", MinVersion: tls.VersionTLS12}
	if resume {
		conf.ClientSessionCache = tls.NewLRUClientSessionCache(64)
	}
	return fetchOver(func() (net.Conn, error) {
		return tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, conf)
	}, request, want)
}

func gopherFetcher(addr, request string, want int) fetcher {
	return fetchOver(func() (net.Conn, error) { return net.DialTimeout("tcp", addr, 5*time.Second) }, request, want)
}

// fetchOver sends request on a connection from dial and reads the answer.
func fetchOver(dial func() (net.Conn, error), request string, want int) fetcher {
	return func() (int, error) {
		c, err := dial()
		if err != nil {
			return 0, err
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.WriteString(c, request); err != nil {
			return 0, err
		}
		return readAll(c, want)
	}
}

var errShort = errors.New("response of the wrong size")

// readAll reads the response to its end; it must be want bytes long.
func readAll(c net.Conn, want int) (int, error) {
	var buf [16 << 10]byte
	n := 0
	for {
		m, err := c.Read(buf[:])
		n += m
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, err
		}
	}
	if n != want {
		return n, errShort
	}
	return n, nil
}

// run drives f from conns goroutines for d and measures the server pid.
func run(f fetcher, conns int, d time.Duration, pid int) result {
	var requests, failures atomic.Int64
	latencies := make([][]time.Duration, conns)
	cpu0, _ := cpuTime(pid)
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				t0 := time.Now()
				if _, err := f(); err != nil {
					failures.Add(1)
					continue
				}
				latencies[i] = append(latencies[i], time.Since(t0))
				requests.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu1, _ := cpuTime(pid)
	all := slices.Concat(latencies...)
	slices.Sort(all)
	r := result{requests: int(requests.Load()), errors: int(failures.Load()), elapsed: elapsed, cpu: cpu1 - cpu0}
	if len(all) > 0 {
		r.p50, r.p99 = all[len(all)/2], all[len(all)*99/100]
	}
	return r
}
