package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"time"
)

// runHAProxy measures what HAProxy in front of capsuled costs a reader:
// the same load on two capsuled processes, one reached directly and one
// through HAProxy (TCP mode, PROXY protocol v2, as contrib/haproxy.cfg),
// alternately, on 127.0.0.1. It reports the latency HAProxy adds (p50,
// p99) and the requests per second of each.
func runHAProxy(args []string) {
	fs := flag.NewFlagSet("haproxy", flag.ExitOnError)
	capsuledBin := fs.String("capsuled", "", "capsuled binary (default: go build ./cmd/capsuled)")
	posts := fs.String("posts", "posts", "posts folder for capsuled")
	conns := fs.Int("conns", 16, "concurrent clients (1 to 512)")
	duration := fs.Duration("duration", 5*time.Second, "length of one measurement (at most 1m)")
	rounds := fs.Int("rounds", 3, "measurements of each, alternating (1 to 20)")
	fs.Parse(args)
	if *conns < 1 || *conns > 512 || *duration <= 0 || *duration > time.Minute || *rounds < 1 || *rounds > 20 {
		log.Fatal("conns, duration or rounds out of bounds")
	}
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		log.Fatal("haproxy is not installed (apt-get install haproxy)")
	}
	tmp, err := os.MkdirTemp("", "capsule-bench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	*capsuledBin = capsuledBinary(*capsuledBin, tmp)
	front := [2]string{freeLoopback(), freeLoopback()}
	certs := filepath.Join(tmp, "certs")
	common := []string{"-posts", *posts, "-certs", certs, "-hostname", "localhost",
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-watch=false",
		"-rate-limit", "0", "-max-conns-per-client", "0",
		"-max-conns-per-24", "0", "-max-conns-per-56", "0", "-max-conns-per-48", "0"}
	listening := regexp.MustCompile(`(gemini|gopher): serving \S+ on (\S+)`)
	direct := exec.Command(*capsuledBin, common...)
	directAddrs := startServer(direct, listening)
	defer stop(direct)
	proxied := exec.Command(*capsuledBin, append(common, "-gemini-proxy", "-gopher-proxy", "-proxy-trusted", "127.0.0.1",
		"-gemini-port", port(front[0]), "-gopher-port", port(front[1]))...)
	proxiedAddrs := startServer(proxied, listening)
	defer stop(proxied)

	cfg := fmt.Sprintf(`global
    maxconn 4096
defaults
    mode tcp
    timeout connect 2s
    timeout client 30s
    timeout server 30s
frontend gemini
    bind %s
    default_backend gemini
backend gemini
    server a %s send-proxy-v2
frontend gopher
    bind %s
    default_backend gopher
backend gopher
    server a %s send-proxy-v2
`, front[0], proxiedAddrs["gemini"], front[1], proxiedAddrs["gopher"])
	cfgFile := filepath.Join(tmp, "haproxy.cfg")
	os.WriteFile(cfgFile, []byte(cfg), 0o600)
	hp := exec.Command(haproxy, "-db", "-f", cfgFile)
	if err := hp.Start(); err != nil {
		log.Fatal(err)
	}
	defer stop(hp)

	gemReq := func(addr string) string { return "gemini://localhost:" + port(addr) + "/\r\n" }
	var gemDirect, gemProxied []byte
	for deadline := time.Now().Add(10 * time.Second); len(gemProxied) == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			log.Fatal("no answer through HAProxy")
		}
		gemProxied, _ = geminiFetcherRaw(front[0], gemReq(front[0]))()
	}
	gemDirect = fetchOnce(geminiFetcherRaw(directAddrs["gemini"], gemReq(directAddrs["gemini"])))
	gophDirect := fetchOnce(gopherFetcherRaw(directAddrs["gopher"], "\r\n"))
	gophProxied := fetchOnce(gopherFetcherRaw(front[1], "\r\n"))

	type target struct {
		name string
		f    fetcher
		pid  int
	}
	pairs := map[string][2]target{
		"gemini": {{"direct", geminiFetcher(directAddrs["gemini"], gemReq(directAddrs["gemini"]), len(gemDirect), false), direct.Process.Pid},
			{"haproxy", geminiFetcher(front[0], gemReq(front[0]), len(gemProxied), false), proxied.Process.Pid}},
		"gopher": {{"direct", gopherFetcher(directAddrs["gopher"], "\r\n", len(gophDirect)), direct.Process.Pid},
			{"haproxy", gopherFetcher(front[1], "\r\n", len(gophProxied)), proxied.Process.Pid}},
	}
	fmt.Printf("capsule-bench haproxy: %d clients, %d rounds of %v each, the home page\n", *conns, *rounds, *duration)
	fmt.Printf("            requests/s direct / through HAProxy   p50 direct / HAProxy (added)   p99 direct / HAProxy (added)   errors\n")
	for _, proto := range []string{"gemini", "gopher"} {
		pair := pairs[proto]
		for _, t := range pair {
			run(t.f, *conns, *duration/5, t.pid) // warm up
		}
		var totals [2]result
		var p50s, p99s [2][]time.Duration
		for r := range *rounds {
			for k := range 2 {
				i := (k + r) % 2
				res := run(pair[i].f, *conns, *duration, pair[i].pid)
				totals[i].requests += res.requests
				totals[i].errors += res.errors
				totals[i].elapsed += res.elapsed
				p50s[i] = append(p50s[i], res.p50)
				p99s[i] = append(p99s[i], res.p99)
			}
		}
		d, h := totals[0], totals[1]
		d50, h50, d99, h99 := median(p50s[0]), median(p50s[1]), median(p99s[0]), median(p99s[1])
		fmt.Printf("  %-8s  %8.0f / %8.0f = %.2f              %v / %v (%+v)      %v / %v (%+v)      %d / %d\n",
			proto, d.perSecond(), h.perSecond(), h.perSecond()/d.perSecond(),
			d50.Round(10*time.Microsecond), h50.Round(10*time.Microsecond), (h50 - d50).Round(10*time.Microsecond),
			d99.Round(10*time.Microsecond), h99.Round(10*time.Microsecond), (h99 - d99).Round(10*time.Microsecond),
			d.errors, h.errors)
	}
}

// freeLoopback is a free address on 127.0.0.1.
func freeLoopback() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
