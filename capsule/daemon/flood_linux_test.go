package daemon_test

import (
	"bufio"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
)

// postsWithFile is a copy of the sample posts with a file of size random
// bytes beside them, served at /big.bin.
func postsWithFile(t *testing.T, size int) string {
	t.Helper()
	dir := servetest.CopyPosts(t)
	b := make([]byte, size)
	rand.Read(b)
	if err := os.WriteFile(filepath.Join(dir, "big.bin"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// slowDialer dials from ip with a small receive buffer, so that the
// server's writes wait for the reader instead of filling the kernel's
// buffers.
func slowDialer(ip string) *net.Dialer {
	d := dialerFrom(ip)
	d.Control = func(_, _ string, rc syscall.RawConn) error {
		var err error
		rc.Control(func(fd uintptr) {
			err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 16<<10)
		})
		return err
	}
	return d
}

// readSlowly reads r to its end at about rate bytes a second and returns
// how many bytes it read and the error that ended the reading.
func readSlowly(r io.Reader, rate int) (int, error) {
	return readFor(r, rate, time.Minute)
}

// readFor is readSlowly for at most d.
func readFor(r io.Reader, rate int, d time.Duration) (int, error) {
	buf := make([]byte, 8<<10)
	start := time.Now()
	n := 0
	for time.Since(start) < d {
		m, err := r.Read(buf)
		n += m
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return n, err
		}
		if ahead := time.Duration(float64(n)/float64(rate)*float64(time.Second)) - time.Since(start); ahead > 0 {
			time.Sleep(ahead)
		}
	}
	return n, nil
}

// TestDeadlineLargeFile serves an 8 MiB file to slow readers with a write
// timeout of 300ms and a minimum rate of 2 MiB/s: the write may take 4.3s.
// Readers at 4 MiB/s get the whole file on both protocols; one at 512
// KiB/s, under the minimum rate, is cut at the deadline (it stops reading a
// second later, with what the kernel's buffers held left unread), and the
// access log says "cut" with the bytes written.
func TestDeadlineLargeFile(t *testing.T) {
	const size = 8 << 20
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = postsWithFile(t, size)
		c.WriteTimeout = 300 * time.Millisecond
		c.MinWriteRate = 2 << 20
		c.AccessLog = true
		c.Log = log.New(&logged, "", 0)
	})
	type result struct {
		name string
		n    int
		took time.Duration
	}
	results := make([]result, 3)
	var wg sync.WaitGroup
	fetch := func(i int, name string, gem bool, rate int, limit time.Duration) {
		defer wg.Done()
		start := time.Now()
		addr := d.GopherAddr().String()
		if gem {
			addr = d.GeminiAddr().String()
		}
		c, err := slowDialer("127.0.0."+strconv.Itoa(2+i)).Dial("tcp", addr)
		if err != nil {
			t.Error(err)
			return
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(20 * time.Second))
		var r io.Reader = c
		if gem {
			tc := tlsClient(c)
			io.WriteString(tc, "gemini://localhost:"+strconv.Itoa(servetest.Port(d.GeminiAddr()))+"/big.bin\r\n")
			br := bufio.NewReader(tc)
			if header, _ := br.ReadString('\n'); !strings.HasPrefix(header, "20 ") {
				t.Errorf("%s: %q", name, header)
			}
			r = br
		} else {
			io.WriteString(c, "/big.bin\r\n")
		}
		n, _ := readFor(r, rate, limit)
		results[i] = result{name, n, time.Since(start)}
	}
	wg.Add(3)
	go fetch(0, "gopher at 4 MiB/s", false, 4<<20, time.Minute)
	go fetch(1, "gemini at 4 MiB/s", true, 4<<20, time.Minute)
	go fetch(2, "gopher at 512 KiB/s", false, 512<<10, 5300*time.Millisecond)
	wg.Wait()
	for i, r := range results {
		t.Logf("%s: %d of %d bytes in %v", r.name, r.n, size, r.took.Round(time.Millisecond))
		if complete := r.n == size; complete != (i < 2) {
			t.Errorf("%s: %d of %d bytes", r.name, r.n, size)
		}
	}
	if err := d.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	cut := regexp.MustCompile(`access gopher - "/big.bin" cut (\d+) `).FindStringSubmatch(logged.String())
	if cut == nil || cut[1] == strconv.Itoa(size) {
		t.Errorf("the cut answer is not logged as cut, with the bytes written:\n%s", logged.String())
	}
	for _, want := range []string{`access gopher - "/big.bin" ok 8388608 `, ` 20 8388637 `} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("access log lacks %q:\n%s", want, logged.String())
		}
	}
}

// TestStopClosesIdleConnections stops the daemon with an idle connection
// open on each protocol and a large answer in flight to a slow reader: the
// idle connections are closed at once, the answer is finished, and the stop
// takes as long as that answer, not the read timeout.
func TestStopClosesIdleConnections(t *testing.T) {
	const size = 8 << 20 // more than the kernel buffers: the write lasts
	const readTimeout = 5 * time.Second
	cfg := servetest.Config(t)
	cfg.Posts = postsWithFile(t, size)
	cfg.ReadTimeout = readTimeout
	d, err := daemon.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var idle []net.Conn
	for _, addr := range []net.Addr{d.GeminiAddr(), d.GopherAddr()} {
		c, err := dialerFrom("127.0.0.2").Dial("tcp", addr.String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		idle = append(idle, c)
	}
	busy, err := slowDialer("127.0.0.3").Dial("tcp", d.GopherAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busy.SetDeadline(time.Now().Add(20 * time.Second))
	io.WriteString(busy, "/big.bin\r\n")
	got := make(chan int)
	go func() {
		n, _ := readSlowly(busy, 4<<20) // 2s
		got <- n
	}()
	time.Sleep(200 * time.Millisecond)

	start := time.Now()
	closedAt := make([]chan time.Duration, len(idle))
	for i, c := range idle {
		closedAt[i] = make(chan time.Duration, 1)
		go func() {
			c.SetReadDeadline(time.Now().Add(20 * time.Second))
			io.Copy(io.Discard, c)
			closedAt[i] <- time.Since(start)
		}()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := d.Shutdown(ctx); err != nil {
		t.Error(err)
	}
	stopped := time.Since(start)
	n := <-got
	t.Logf("stopped in %v (read timeout %v); idle connections closed after %v and %v; answer in flight: %d of %d bytes",
		stopped.Round(time.Millisecond), readTimeout, (<-closedAt[0]).Round(time.Millisecond), (<-closedAt[1]).Round(time.Millisecond), n, size)
	if n != size {
		t.Errorf("the answer in flight got %d of %d bytes", n, size)
	}
	if stopped > readTimeout/2 {
		t.Errorf("the stop took %v with an idle connection open; want well under the read timeout (%v)", stopped, readTimeout)
	}
}

// TestOpenFilesFlood runs the daemon in a process allowed 256 open files
// with a cap of 1,024 connections: it warns at start, and 300 idle Gopher
// connections, more than the files it may open, do not keep a reader
// waiting: the oldest idle connection gives up its descriptor.
func TestOpenFilesFlood(t *testing.T) {
	if os.Getenv("CAPSULE_FILES_HELPER") != "" {
		t.Skip("in the helper")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenFilesFloodHelper$")
	cmd.Env = append(os.Environ(), "CAPSULE_FILES_HELPER=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr servetest.LogBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	var addr string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if a, ok := strings.CutPrefix(sc.Text(), "gopher "); ok {
			addr = a
			break
		}
	}
	if addr == "" {
		t.Fatalf("helper gave no address:\n%s", stderr.String())
	}
	go io.Copy(io.Discard, stdout)

	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for _, ip := range loopbackIPs(2, 19) {
		for range 16 {
			c, err := dialerFrom(ip).Dial("tcp", addr)
			if err != nil {
				continue
			}
			conns = append(conns, c)
		}
	}
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	c, err := dialerFrom("127.0.0.200").Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(15 * time.Second))
	io.WriteString(c, "/caps.txt\r\n")
	b, _ := io.ReadAll(c)
	took := time.Since(start)
	t.Logf("%d idle connections to a process allowed 256 files: a reader served in %v", len(conns), took.Round(time.Microsecond))
	if !strings.HasPrefix(string(b), "CAPS") {
		t.Errorf("the reader got %.40q after %v", b, took)
	} else if took > 2*time.Second { // it was 3.1 s, waiting for accept to recover
		t.Errorf("the reader waited %v", took)
	}
	stdin.Close()
	cmd.Wait()
	if !strings.Contains(stderr.String(), "lower max_conns to 96") {
		t.Errorf("no warning about the open file limit:\n%s", stderr.String())
	}
}

// TestOpenFilesFloodHelper is the daemon of TestOpenFilesFlood, run in a
// process of its own.
func TestOpenFilesFloodHelper(t *testing.T) {
	if os.Getenv("CAPSULE_FILES_HELPER") == "" {
		t.Skip("run by TestOpenFilesFlood")
	}
	lim := syscall.Rlimit{Cur: 256, Max: 256}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	d := servetest.Start(t, func(c *config.Config) {
		c.ReadTimeout = 3 * time.Second
		c.MaxConnsPer24 = 0
		c.Log = log.New(os.Stderr, "", 0)
	})
	fmt.Println("gopher", d.GopherAddr())
	io.Copy(io.Discard, os.Stdin)
}
