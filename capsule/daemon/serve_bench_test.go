package daemon

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/netip"
	"testing"
	"time"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/logstamp"
	"capsule/capsule/metrics"
	"capsule/gopher"
)

// benchConn is enough of a connection for the handlers: an address.
type benchConn struct{ net.Conn }

var benchAddr net.Addr = &net.TCPAddr{IP: net.IPv4(192, 0, 2, 1), Port: 40000}

func (*benchConn) RemoteAddr() net.Addr { return benchAddr }

// benchDaemon is a Daemon that has not bound anything: handlers only, at
// the defaults the performance figures are measured with (access log on,
// rate limiting off), and with metrics on (-metrics), as they cost most.
// Retitled, its Store is a reload's after a new site title.
func benchDaemon(b testing.TB, retitled bool) *Daemon {
	cfg := config.NewConfig()
	cfg.Posts = "../../posts"
	cfg.RateLimit = 0
	if err := cfg.Check(); err != nil {
		b.Fatal(err)
	}
	c, err := content.Load(cfg.Posts, content.LoadOptions{Location: cfg.Location})
	if err != nil {
		b.Fatal(err)
	}
	st, err := capsule.Build(context.Background(), siteFor(cfg, c.Meta, 1965, 70), c, capsule.BuildOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if retitled {
		// A reload after a new title: posts' pages in two pieces.
		meta := c.Meta
		meta.Title += "・改"
		if st, err = capsule.Build(context.Background(), siteFor(cfg, meta, 1965, 70), c, capsule.BuildOptions{Previous: st}); err != nil {
			b.Fatal(err)
		}
	}
	d := &Daemon{sites: []*servedSite{{cfg: cfg, hostname: cfg.Hostname, capsule: capsule.New(st)}}, log: log.New(io.Discard, "", 0), metrics: metrics.New()}
	d.access.Store(newAccessLog(logstamp.New(io.Discard), false, []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")})) // stamped, as outside journald; health checks looked for
	b.Cleanup(d.access.Load().Close)
	return d
}

// BenchmarkGeminiHandler is the serving path after TLS: a request line
// in, the response to write out, the metrics counted and the access log
// line (gemini.Server's Written); allocs/op is what it costs the garbage
// collector.
func BenchmarkGeminiHandler(b *testing.B) {
	d := benchDaemon(b, false)
	for _, path := range []string{"/", "/posts/2017-05-03-hello-again.gmi", "/tags/%E5%90%88%E6%B0%97%E9%81%93.gmi"} {
		line := []byte("gemini://localhost" + path)
		b.Run(path, func(b *testing.B) {
			b.ReportAllocs()
			c := tls.Server(new(benchConn), &tls.Config{}) // for its RemoteAddr
			for b.Loop() {
				resp := d.handleGemini(c, line, nil)
				if resp.Status != 20 {
					b.Fatal(resp.Meta)
				}
				d.geminiWritten(c, line, resp, resp.Len(), time.Microsecond)
			}
		})
	}
}

// BenchmarkGopherHandler is the same for Gopher: a parsed request in, the
// response written, the metrics counted, the access log line.
func BenchmarkGopherHandler(b *testing.B) {
	d := benchDaemon(b, false)
	for _, sel := range []string{"", "/posts/2017-05-03-hello-again.txt"} {
		b.Run("'"+sel+"'", func(b *testing.B) {
			b.ReportAllocs()
			r := &gopher.Request{Selector: sel, RemoteAddr: benchAddr}
			for b.Loop() {
				d.serveGopher(d.main().capsule, io.Discard, r)
			}
		})
	}
}

// The Gemini serving path allocates nothing for a page, a post or a
// percent-encoded tag, metrics and access log included: the garbage
// collector is not paid per request. (An allocation count, not a time.)
func TestGeminiHandlerAllocatesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	d := benchDaemon(t, false)
	c := tls.Server(new(benchConn), &tls.Config{})
	for _, path := range []string{"/", "/posts/2017-05-03-hello-again.gmi", "/tags/%E5%90%88%E6%B0%97%E9%81%93.gmi"} {
		line := []byte("gemini://localhost" + path)
		serve := func() {
			resp := d.handleGemini(c, line, nil)
			d.geminiWritten(c, line, resp, resp.Len(), time.Microsecond)
		}
		if n := testing.AllocsPerRun(100, serve); n != 0 {
			t.Errorf("%s: %v allocations a request", path, n)
		}
	}
	// A post's page after a new title, in two pieces, written.
	d = benchDaemon(t, true)
	line := []byte("gemini://localhost/posts/2017-05-03-hello-again.gmi")
	if resp := d.handleGemini(c, line, nil); len(resp.Tail) == 0 {
		t.Fatal("a post's page after a new title is in one piece")
	}
	serve := func() {
		resp := d.handleGemini(c, line, nil)
		n, _ := resp.WriteTo(io.Discard)
		d.geminiWritten(c, line, resp, int(n), time.Microsecond)
	}
	if n := testing.AllocsPerRun(100, serve); n != 0 {
		t.Errorf("a post's page in two pieces: %v allocations a request", n)
	}
}

// So does the Gopher serving path, metrics and access log included.
func TestGopherHandlerAllocatesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	d := benchDaemon(t, false)
	for _, sel := range []string{"", "/posts/2017-05-03-hello-again.txt", "/no/such/page"} {
		r := &gopher.Request{Selector: sel, RemoteAddr: benchAddr}
		if n := testing.AllocsPerRun(100, func() { d.serveGopher(d.main().capsule, io.Discard, r) }); n != 0 {
			t.Errorf("%q: %v allocations a request", sel, n)
		}
	}
}

// BenchmarkMetricsOnOff is what the metrics add to the serving path, in
// one run: the same requests with metrics off (no -metrics) and on.
func BenchmarkMetricsOnOff(b *testing.B) {
	for _, on := range []string{"off", "on"} {
		d := benchDaemon(b, false)
		if on == "off" {
			d.metrics = nil
		}
		b.Run("gemini/metrics="+on, func(b *testing.B) {
			b.ReportAllocs()
			line := []byte("gemini://localhost/")
			c := tls.Server(new(benchConn), &tls.Config{})
			for b.Loop() {
				resp := d.handleGemini(c, line, nil)
				d.geminiWritten(c, line, resp, resp.Len(), time.Microsecond)
			}
		})
		b.Run("gopher/metrics="+on, func(b *testing.B) {
			b.ReportAllocs()
			r := &gopher.Request{Selector: "", RemoteAddr: benchAddr}
			for b.Loop() {
				d.serveGopher(d.main().capsule, io.Discard, r)
			}
		})
	}
}
