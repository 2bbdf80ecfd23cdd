package main

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"capsule/capsule/tlscert"
)

var haproxyCycles = flag.Int("haproxy.cycles", 2, "replica restarts TestHAProxyReplicas makes under load (more by hand)")

// freePorts returns n ports free on 127.0.0.1.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ls []net.Listener
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// replica is one capsuled behind HAProxy.
type replica struct {
	name                string
	gemini, gopher, agt int
	certs, posts        string
	front               [2]int // the frontend's Gemini and Gopher ports
	log                 *syncLog
	cmd                 *exec.Cmd
}

// syncLog keeps a process's standard error.
type syncLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (r *replica) start(t *testing.T) {
	t.Helper()
	r.cmd = exec.Command(capsuled, "-posts", r.posts, "-certs", r.certs, "-hostname", "localhost",
		"-gemini", "127.0.0.1:"+strconv.Itoa(r.gemini), "-gopher", "127.0.0.1:"+strconv.Itoa(r.gopher),
		"-gemini-port", strconv.Itoa(r.front[0]), "-gopher-port", strconv.Itoa(r.front[1]),
		"-gemini-proxy", "-gopher-proxy", "-proxy-trusted", "127.0.0.1",
		"-proxy-agent", "127.0.0.1:"+strconv.Itoa(r.agt), "-drain-time", "1500ms",
		"-log-ips", "-watch=false")
	r.cmd.Stderr = r.log
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	cmd := r.cmd
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(r.log.String(), "agent: answering") {
		if time.Now().After(deadline) {
			t.Fatalf("replica %s did not start:\n%s", r.name, r.log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// haproxyConfig writes contrib/haproxy.cfg with its example addresses
// made the test's, and returns its path; its stats socket is then at
// adminSocket(path).
func haproxyConfig(t *testing.T, front [2]int, a, b *replica) string {
	t.Helper()
	raw, err := os.ReadFile("../../contrib/haproxy.cfg")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "haproxy.cfg")
	cfg := strings.NewReplacer(
		"/run/haproxy/admin.sock", adminSocket(path),
		"bind :1965", fmt.Sprintf("bind 127.0.0.1:%d", front[0]),
		"bind :70", fmt.Sprintf("bind 127.0.0.1:%d", front[1]),
		"server a 10.0.0.11:1965", fmt.Sprintf("server a 127.0.0.1:%d agent-port %d", a.gemini, a.agt),
		"server b 10.0.0.12:1965", fmt.Sprintf("server b 127.0.0.1:%d agent-port %d", b.gemini, b.agt),
		"server a 10.0.0.11:70", fmt.Sprintf("server a 127.0.0.1:%d agent-port %d", a.gopher, a.agt),
		"server b 10.0.0.12:70", fmt.Sprintf("server b 127.0.0.1:%d agent-port %d", b.gopher, b.agt),
		"example.org", "localhost",
	).Replace(string(raw))
	config := regexp.MustCompile(`(?m)^\s*#.*\n`).ReplaceAllString(cfg, "")
	for _, example := range []string{"10.0.0.1", ":1965\n", ":70\n", "/run/"} {
		if strings.Contains(config, example) {
			t.Fatalf("contrib/haproxy.cfg changed: %q left in the test's copy", example)
		}
	}
	os.WriteFile(path, []byte(cfg), 0o644)
	return path
}

// adminSocket is the stats socket of the HAProxy run with the
// configuration file at config.
func adminSocket(config string) string {
	return filepath.Join(filepath.Dir(config), "admin.sock")
}

// pinned is the certificate a Gemini reader of the replicas has pinned
// (TOFU): fetchFrom refuses any other.
var pinned []byte

// fetchFrom makes one request through addr from the local address src,
// and returns the whole answer.
func fetchFrom(src, addr string, gemini bool, request string) ([]byte, error) {
	d := net.Dialer{Timeout: 5 * time.Second, LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	var rw io.ReadWriter = c
	if gemini {
		tc := tls.Client(c, &tls.Config{ServerName: "localhost", InsecureSkipVerify: true,
			VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
				if pinned != nil && !bytes.Equal(raw[0], pinned) {
					return errors.New("not the certificate pinned")
				}
				return nil
			}})
		if err := tc.Handshake(); err != nil {
			return nil, err
		}
		rw = tc
	}
	if _, err := io.WriteString(rw, request); err != nil {
		return nil, err
	}
	return io.ReadAll(rw)
}

// Two replicas behind HAProxy (contrib/haproxy.cfg): the client address
// capsuled logs and limits by is the reader's, and a replica stopped
// gracefully and started again under load loses no request: none fails,
// none is empty or cut.
func TestHAProxyReplicas(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("haproxy is not installed: .ci/run installs it")
		}
		t.Skip("haproxy is not installed (apt-get install haproxy)")
	}
	ports := freePorts(t, 8)
	front := [2]int{ports[0], ports[1]}
	posts := copyPosts(t)
	certs := t.TempDir()
	cert, err := tlscert.Create(certs, "localhost") // one certificate for both
	if err != nil {
		t.Fatal(err)
	}
	pinned = cert.Certificate[0] // every Gemini answer below comes with it, whichever replica gives it
	t.Cleanup(func() { pinned = nil })
	a := &replica{name: "a", gemini: ports[2], gopher: ports[3], agt: ports[4], certs: certs, posts: posts, front: front, log: &syncLog{}}
	b := &replica{name: "b", gemini: ports[5], gopher: ports[6], agt: ports[7], certs: certs, posts: posts, front: front, log: &syncLog{}}
	a.start(t)
	b.start(t)

	hp := exec.Command(haproxy, "-db", "-f", haproxyConfig(t, front, a, b))
	hpLog := &syncLog{}
	hp.Stdout, hp.Stderr = hpLog, hpLog
	if err := hp.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hp.Process.Kill(); hp.Wait() })

	geminiFront := "127.0.0.1:" + strconv.Itoa(front[0])
	gopherFront := "127.0.0.1:" + strconv.Itoa(front[1])
	geminiReq := fmt.Sprintf("gemini://localhost:%d/posts/2017-05-03-hello-again.gmi\r\n", front[0])
	gopherReq := "/posts/2017-05-03-hello-again.txt\r\n"
	// Both replicas up: both have answered through HAProxy.
	var wantGemini, wantGopher []byte
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(a.log.String(), "access gemini 127.0.0.2 ") || !strings.Contains(b.log.String(), "access gemini 127.0.0.2 ") {
		if time.Now().After(deadline) {
			t.Fatalf("HAProxy did not send requests to both replicas:\nhaproxy:\n%s\na:\n%s\nb:\n%s", hpLog, a.log, b.log)
		}
		if got, err := fetchFrom("127.0.0.2", geminiFront, true, geminiReq); err == nil && bytes.HasPrefix(got, []byte("20 ")) {
			wantGemini = got
		}
		time.Sleep(50 * time.Millisecond)
	}
	if wantGopher, err = fetchFrom("127.0.0.2", gopherFront, false, gopherReq); err != nil || len(wantGopher) < 100 {
		t.Fatalf("gopher through HAProxy: %q, %v", wantGopher, err)
	}

	// The reader's address: logged, and limited by. 127.0.0.3 far over
	// its rate (each replica has its own limits: 100 requests at once
	// are some 50 for each, over a burst of 20) gets 44 while 127.0.0.4
	// is answered. HAProxy's own address is only in its health checks.
	if regexp.MustCompile(`access gemini 127\.0\.0\.1 \S*hello-again`).MatchString(a.log.String() + b.log.String()) {
		t.Error("a replica logged HAProxy's address for a reader's request")
	}
	slowed := 0
	for range 100 {
		if got, _ := fetchFrom("127.0.0.3", geminiFront, true, geminiReq); bytes.HasPrefix(got, []byte("44 ")) {
			slowed++
		}
	}
	if got, err := fetchFrom("127.0.0.4", geminiFront, true, geminiReq); !bytes.Equal(got, wantGemini) {
		t.Errorf("another reader while 127.0.0.3 was slowed down: %q, %v", got, err)
	}
	if slowed == 0 {
		t.Error("100 requests at once from one reader through HAProxy: none slowed down (44); the replicas limit HAProxy's address, or nothing")
	}

	// Load through HAProxy from many readers, while each replica in turn
	// is stopped (SIGTERM) and started again.
	var total, failed atomic.Int64
	var failures sync.Map
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				src := fmt.Sprintf("127.0.0.%d", 10+(w*31+i)%240)
				gemini := i%2 == 0
				var got []byte
				var err error
				if gemini {
					got, err = fetchFrom(src, geminiFront, true, geminiReq)
				} else {
					got, err = fetchFrom(src, gopherFront, false, gopherReq)
				}
				total.Add(1)
				want := wantGopher
				if gemini {
					want = wantGemini
				}
				if err != nil || !bytes.Equal(got, want) {
					failed.Add(1)
					what := fmt.Sprintf("%v, %d bytes", err, len(got))
					if len(got) > 0 && len(got) < 80 {
						what = fmt.Sprintf("%v, %q", err, got)
					}
					failures.Store(what, true)
				}
			}
		}()
	}
	time.Sleep(time.Second)
	for cycle := range *haproxyCycles {
		r := []*replica{a, b}[cycle%2]
		r.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- r.cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("replica %s after SIGTERM: %v", r.name, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("replica %s did not stop:\n%s", r.name, r.log)
		}
		time.Sleep(500 * time.Millisecond)
		r.start(t)
		time.Sleep(3 * time.Second) // HAProxy sees it up again (rise 2, inter 1s)
	}
	close(stop)
	wg.Wait()
	n, f := total.Load(), failed.Load()
	t.Logf("%d of 100 requests at once from one reader slowed down (44)", slowed)
	t.Logf("%d requests through HAProxy during %d replica restarts, %d failed", n, *haproxyCycles, f)
	if f > 0 {
		failures.Range(func(k, _ any) bool {
			t.Errorf("failed: %s", k)
			return true
		})
	}
	if n < 100 {
		t.Errorf("only %d requests made: the load proves nothing", n)
	}
	if !regexp.MustCompile(`stopping: the load balancer is told to drain`).MatchString(a.log.String()) {
		t.Errorf("replica a did not drain:\n%s", a.log)
	}
}
