// Command capsule-bench measures capsuled against a floor: minimal servers
// that read one request line and write a fixed response of the same bytes,
// the Gemini one with the same certificate and TLS settings. Both run as
// separate processes on loopback; the load is a closed loop of concurrent
// clients, one request per connection (neither protocol keeps connections
// open), for a fixed time, alternating between the two servers. Figures are
// ratios measured in the same run.
//
//	go run ./cmd/capsule-bench                 # serving: requests/s, latency, CPU per request
//	go run ./cmd/capsule-bench startup -n 10000 # startup: build time and memory at scale
//	go run ./cmd/capsule-bench reload -n 10000  # an edit's reload against the full build, and memory after 20
//	go run ./cmd/capsule-bench haproxy          # the latency HAProxy in front adds
//
// Everything stays on 127.0.0.1 and every run is bounded in time.
package main

import (
	"bufio"
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"
)

// classicCurves is the key exchange without the hybrid post-quantum one:
// what -post-quantum=false measures.
var classicCurves = []tls.CurveID{tls.X25519, tls.CurveP256}

func main() {
	log.SetFlags(0)
	log.SetPrefix("capsule-bench: ")
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "floor":
			runFloor(os.Args[2:])
			return
		case "startup":
			runStartup(os.Args[2:])
			return
		case "startup-child":
			runStartupChild(os.Args[2:])
			return
		case "reload":
			runReload(os.Args[2:])
			return
		case "haproxy":
			runHAProxy(os.Args[2:])
			return
		case "reload-child":
			runReloadChild(os.Args[2:])
			return
		}
	}
	runServing(os.Args[1:])
}

func runServing(args []string) {
	fs := flag.NewFlagSet("capsule-bench", flag.ExitOnError)
	capsuledBin := fs.String("capsuled", "", "capsuled binary (default: go build ./cmd/capsuled)")
	posts := fs.String("posts", "posts", "posts folder for capsuled")
	conns := fs.Int("conns", 16, "concurrent clients (1 to 512)")
	duration := fs.Duration("duration", 5*time.Second, "length of one measurement (at most 1m)")
	rounds := fs.Int("rounds", 3, "measurements of each server, alternating (1 to 20)")
	path := fs.String("path", "/", "Gemini path and Gopher selector (\"/\" is the home page and root menu)")
	resume := fs.Bool("resume", false, "clients resume TLS sessions (tickets), as browsers do on a second visit")
	pq := fs.Bool("post-quantum", true, "let capsuled and the floor offer the hybrid post-quantum key exchange (capsuled's default)")
	retitle := fs.Bool("retitle", false, "serve a copy of the posts whose site title is changed once capsuled runs (SIGHUP): a post's Gemini page is then two pieces, its body shared with the Store before")
	fs.Parse(args)
	if *conns < 1 || *conns > 512 || *duration <= 0 || *duration > time.Minute || *rounds < 1 || *rounds > 20 {
		log.Fatal("conns, duration or rounds out of bounds")
	}

	tmp, err := os.MkdirTemp("", "capsule-bench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	*capsuledBin = capsuledBinary(*capsuledBin, tmp)

	if *retitle {
		dir := filepath.Join(tmp, "posts")
		if err := os.CopyFS(dir, os.DirFS(*posts)); err != nil {
			log.Fatal(err)
		}
		*posts = dir
	}
	certs := filepath.Join(tmp, "certs")
	capsuledArgs := []string{"-posts", *posts, "-certs", certs, "-hostname", "localhost",
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0",
		// One machine's load looks like one busy client: lift the limits
		// that would otherwise slow it down. Everything else is default.
		"-rate-limit", "0", "-max-conns-per-client", "0",
		"-max-conns-per-24", "0", "-max-conns-per-56", "0", "-max-conns-per-48", "0",
		fmt.Sprintf("-tls-post-quantum=%v", *pq)}
	capsuled := exec.Command(*capsuledBin, capsuledArgs...)
	addrs := startServer(capsuled, regexp.MustCompile(`(gemini|gopher): serving \S+ on (\S+)`))
	defer stop(capsuled)

	gemReq := "gemini://localhost:" + port(addrs["gemini"]) + *path + "\r\n"
	gophReq := strings.TrimPrefix(*path, "/") + "\r\n"
	if *path != "/" {
		gophReq = *path + "\r\n"
	}
	if *retitle {
		retitleAndReload(capsuled, *posts, geminiFetcherRaw(addrs["gemini"], gemReq))
	}
	gemResp := fetchOnce(geminiFetcherRaw(addrs["gemini"], gemReq))
	gophResp := fetchOnce(gopherFetcherRaw(addrs["gopher"], gophReq))
	gemFile, gophFile := filepath.Join(tmp, "gemini.resp"), filepath.Join(tmp, "gopher.resp")
	os.WriteFile(gemFile, gemResp, 0o600)
	os.WriteFile(gophFile, gophResp, 0o600)

	self, _ := os.Executable()
	floor := exec.Command(self, "floor", "-cert", filepath.Join(certs, "localhost.crt"), "-key", filepath.Join(certs, "localhost.key"),
		"-gemini-response", gemFile, "-gopher-response", gophFile, fmt.Sprintf("-post-quantum=%v", *pq))
	floorAddrs := startServer(floor, regexp.MustCompile(`floor (gemini) (\S+) (gopher) (\S+)`))
	defer stop(floor)

	type target struct {
		name string
		pid  int
		f    fetcher
	}
	targets := map[string][2]target{
		"gemini": {
			{"capsuled", capsuled.Process.Pid, geminiFetcher(addrs["gemini"], gemReq, len(gemResp), *resume)},
			{"floor", floor.Process.Pid, geminiFetcher(floorAddrs["gemini"], gemReq, len(gemResp), *resume)},
		},
		"gopher": {
			{"capsuled", capsuled.Process.Pid, gopherFetcher(addrs["gopher"], gophReq, len(gophResp))},
			{"floor", floor.Process.Pid, gopherFetcher(floorAddrs["gopher"], gophReq, len(gophResp))},
		},
	}
	fmt.Printf("capsule-bench: %d clients, %d rounds of %v per server, path %q (Gemini %d bytes, Gopher %d bytes), resume=%v post-quantum=%v retitle=%v\n",
		*conns, *rounds, *duration, *path, len(gemResp), len(gophResp), *resume, *pq, *retitle)
	for _, proto := range []string{"gemini", "gopher"} {
		pair := targets[proto]
		for _, t := range pair { // warm up
			run(t.f, *conns, *duration/5, t.pid)
		}
		totals := [2]result{}
		var p50s, p99s [2][]time.Duration
		for r := range *rounds {
			for k := range 2 {
				i := (k + r) % 2 // alternate which goes first
				res := run(pair[i].f, *conns, *duration, pair[i].pid)
				totals[i].requests += res.requests
				totals[i].errors += res.errors
				totals[i].elapsed += res.elapsed
				totals[i].cpu += res.cpu
				p50s[i] = append(p50s[i], res.p50)
				p99s[i] = append(p99s[i], res.p99)
			}
		}
		for i := range totals {
			totals[i].p50, totals[i].p99 = median(p50s[i]), median(p99s[i])
		}
		report(proto, totals[0], totals[1])
	}
	if rss, err := memory(capsuled.Process.Pid, "VmRSS"); err == nil {
		fmt.Printf("capsuled resident memory after the run: %.1f MiB\n", float64(rss)/1024)
	}
}

// retitleAndReload changes the site title in the posts folder dir that
// capsuled serves, tells it to reload (SIGHUP) and waits, fetching with
// fetch, until it serves the new title (at most 30 seconds).
func retitleAndReload(capsuled *exec.Cmd, dir string, fetch func() ([]byte, error)) {
	site := filepath.Join(dir, "_index.md")
	b, err := os.ReadFile(site)
	if err != nil || !strings.Contains(string(b), "title = \"") {
		log.Fatalf("-retitle: no title in %s (%v)", site, err)
	}
	if err := os.WriteFile(site, []byte(strings.Replace(string(b), "title = \"", "title = \"新 ", 1)), 0o644); err != nil {
		log.Fatal(err)
	}
	capsuled.Process.Signal(syscall.SIGHUP)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := fetch(); err == nil && strings.Contains(string(resp), "新 ") {
			return
		}
	}
	log.Fatal("-retitle: capsuled does not serve the new title after its reload")
}

func report(proto string, c, f result) {
	fmt.Printf("\n%s          requests/s   p50       p99       errors  CPU/request\n", proto)
	for _, x := range []struct {
		name string
		r    result
	}{{"capsuled", c}, {"floor", f}} {
		fmt.Printf("  %-9s %11.0f   %-8v  %-8v  %6d  %v\n", x.name, x.r.perSecond(),
			x.r.p50.Round(time.Microsecond), x.r.p99.Round(time.Microsecond), x.r.errors, x.r.cpuPerRequest().Round(time.Microsecond/10))
	}
	fmt.Printf("  ratio     %11.3f   %-8.3f  %-8.3f          %.3f\n",
		c.perSecond()/f.perSecond(), ratio(c.p50, f.p50), ratio(c.p99, f.p99), ratio(c.cpuPerRequest(), f.cpuPerRequest()))
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// startServer starts cmd and waits for the lines that say where it
// listens; the rest of its output is drained so that it never blocks.
func startServer(cmd *exec.Cmd, listening *regexp.Regexp) map[string]string {
	out, err := cmd.StderrPipe()
	if err != nil {
		log.Fatal(err)
	}
	cmd.Stdout = cmd.Stderr
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	addrs := map[string]string{}
	sc := bufio.NewScanner(out)
	deadline := time.AfterFunc(30*time.Second, func() { cmd.Process.Kill() })
	for len(addrs) < 2 && sc.Scan() {
		m := listening.FindStringSubmatch(sc.Text())
		for i := 1; i+1 < len(m); i += 2 {
			addrs[m[i]] = m[i+1]
		}
	}
	deadline.Stop()
	if len(addrs) < 2 {
		log.Fatalf("%s did not say where it listens", cmd.Path)
	}
	for _, a := range addrs {
		if h, _, _ := net.SplitHostPort(a); !net.ParseIP(h).IsLoopback() {
			log.Fatalf("%s listens on %s, not on loopback", cmd.Path, a)
		}
	}
	go io.Copy(io.Discard, out)
	return addrs
}

func stop(cmd *exec.Cmd) {
	cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
	}
}

func port(addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return p
}

// Raw fetchers return the response itself, to give the floor.
func geminiFetcherRaw(addr, request string) func() ([]byte, error) {
	return func() ([]byte, error) {
		c, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true, ServerName: "localhost"})
		if err != nil {
			return nil, err
		}
		defer c.Close()
		io.WriteString(c, request)
		return io.ReadAll(c)
	}
}

func gopherFetcherRaw(addr, request string) func() ([]byte, error) {
	return func() ([]byte, error) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return nil, err
		}
		defer c.Close()
		io.WriteString(c, request)
		return io.ReadAll(c)
	}
}

func fetchOnce(f func() ([]byte, error)) []byte {
	b, err := f()
	if err != nil || len(b) == 0 {
		log.Fatalf("fetching the response to measure: %v", err)
	}
	return b
}
