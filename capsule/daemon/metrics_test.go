package daemon_test

import (
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
)

// scrape fetches d's metrics over HTTP and parses them as Prometheus
// does, with expfmt's text parser.
func scrape(t *testing.T, d *daemon.Daemon) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get("http://" + d.MetricsAddr().String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/metrics: %s", resp.Status)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parsing the metrics: %v", err)
	}
	return families
}

// sample is the value of the series of family name whose labels are
// labels (name=value pairs; a series with other labels besides does
// not match), and whether there is one. A histogram's value is its
// count of observations.
func sample(families map[string]*dto.MetricFamily, name string, labels ...string) (float64, bool) {
	f := families[name]
	if f == nil {
		return 0, false
	}
next:
	for _, m := range f.Metric {
		if len(m.Label)*2 != len(labels) {
			continue
		}
		for i := 0; i < len(labels); i += 2 {
			found := false
			for _, l := range m.Label {
				if l.GetName() == labels[i] && l.GetValue() == labels[i+1] {
					found = true
				}
			}
			if !found {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue(), true
		case m.Gauge != nil:
			return m.Gauge.GetValue(), true
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount()), true
		}
	}
	return 0, false
}

// total is the sum of every series of family name (a histogram's: their
// counts).
func total(families map[string]*dto.MetricFamily, name string) float64 {
	sum := 0.0
	if f := families[name]; f != nil {
		for _, m := range f.Metric {
			sum += m.GetCounter().GetValue() + m.GetGauge().GetValue() + float64(m.GetHistogram().GetSampleCount())
		}
	}
	return sum
}

// geminiAnswer sends a request line over TLS and returns the whole answer,
// header included, as the server wrote it.
func geminiAnswer(t *testing.T, d *daemon.Daemon, line string) []byte {
	t.Helper()
	c, err := tls.Dial("tcp", d.GeminiAddr().String(), &tls.Config{InsecureSkipVerify: true, ServerName: "localhost"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, line+"\r\n"); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// After a load of known requests, the metrics scraped and parsed as
// Prometheus does count exactly the requests made, by protocol and
// status, their bytes, their times and their connections; a reload and a
// failed one are counted; the site's gauges are the Store's. The scrapes
// themselves are not counted as readers' requests.
func TestMetricsCountRequests(t *testing.T) {
	dir := servetest.CopyPosts(t)
	for name, text := range map[string]string{
		"draft.md":  "+++\ntitle = \"下書き\"\ndate = 2020-01-01\ndraft = true\n+++\n下書き\n",
		"later.md":  "+++\ntitle = \"予約\"\ndate = 2999-01-01\n+++\n予約\n",
		"later2.md": "+++\ntitle = \"予約2\"\ndate = 2999-02-01\n+++\n予約\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := servetest.Config(t)
	cfg.Posts = dir
	cfg.MetricsAddr = "127.0.0.1:0"
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	if d.MetricsAddr() == nil {
		t.Fatal("metrics not served")
	}

	// Gemini: 20, 51, 53 and 59; Gopher: ok, notfound, search.
	geminiLoad := []struct {
		line   string
		status string
		n      int
	}{
		{"gemini://localhost/", "20", 7},
		{"gemini://localhost/posts/no-such-post.gmi", "51", 4},
		{"gemini://elsewhere.example/", "53", 2},
		{"gemini://localhost/../../etc/passwd", "59", 3},
	}
	gopherLoad := []struct {
		line   string
		status string
		n      int
	}{
		{"", "ok", 5},
		{"/no/such/selector", "notfound", 3},
		{"/search\t合気道", "search", 2},
	}
	var geminiBytes, gopherBytes, geminiRequests, gopherRequests int
	for _, l := range geminiLoad {
		for range l.n {
			b := geminiAnswer(t, d, l.line)
			if want := l.status + " "; len(b) < 3 || string(b[:3]) != want {
				t.Fatalf("%s: answered %.40q, want %s", l.line, b, l.status)
			}
			geminiBytes += len(b)
			geminiRequests++
		}
	}
	for _, l := range gopherLoad {
		for range l.n {
			gopherBytes += len(servetest.GopherGet(t, d, l.line+"\r\n"))
			gopherRequests++
		}
	}

	// A request is counted once its answer is written, which the client
	// may have read just before: scrape until all are there.
	var m map[string]*dto.MetricFamily
	for deadline := time.Now().Add(5 * time.Second); ; {
		m = scrape(t, d)
		if int(total(m, "capsule_requests_total")) >= geminiRequests+gopherRequests &&
			total(m, "capsule_connections_open") == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	m = scrape(t, d) // and a scrape more: scrapes are not requests

	check := func(name string, want float64, labels ...string) {
		t.Helper()
		got, ok := sample(m, name, labels...)
		if !ok {
			t.Errorf("%s%v: no such series", name, labels)
		} else if got != want {
			t.Errorf("%s%v = %v, want %v", name, labels, got, want)
		}
	}
	for _, l := range geminiLoad {
		check("capsule_requests_total", float64(l.n), "protocol", "gemini", "status", l.status)
	}
	for _, l := range gopherLoad {
		check("capsule_requests_total", float64(l.n), "protocol", "gopher", "status", l.status)
	}
	if got, want := total(m, "capsule_requests_total"), float64(geminiRequests+gopherRequests); got != want {
		t.Errorf("capsule_requests_total adds up to %v, want %v", got, want)
	}
	// Series of the fixed sets that nothing happened to are there, at 0.
	check("capsule_requests_total", 0, "protocol", "gemini", "status", "44")
	check("capsule_requests_total", 0, "protocol", "gemini", "status", "cut")
	check("capsule_requests_total", 0, "protocol", "gopher", "status", "slowdown")
	check("capsule_connections_refused_total", 0, "protocol", "gemini", "reason", "cap")
	check("capsule_connections_refused_total", 0, "protocol", "gopher", "reason", "rate")

	check("capsule_sent_bytes_total", float64(geminiBytes), "protocol", "gemini")
	check("capsule_sent_bytes_total", float64(gopherBytes), "protocol", "gopher")
	check("capsule_response_seconds", float64(geminiRequests), "protocol", "gemini")
	check("capsule_response_seconds", float64(gopherRequests), "protocol", "gopher")
	check("capsule_connections_accepted_total", float64(geminiRequests), "protocol", "gemini")
	check("capsule_connections_accepted_total", float64(gopherRequests), "protocol", "gopher")
	check("capsule_connections_open", 0, "protocol", "gemini")
	check("capsule_connections_open", 0, "protocol", "gopher")

	st := d.Store()
	if st.Drafts != 1 || len(st.Scheduled) != 2 {
		t.Errorf("store: %d drafts, %d scheduled; the test wrote 1 and 2", st.Drafts, len(st.Scheduled))
	}
	check("capsule_posts", float64(st.Posts), "site", "localhost")
	check("capsule_drafts", float64(st.Drafts), "site", "localhost")
	check("capsule_scheduled_posts", float64(len(st.Scheduled)), "site", "localhost")
	check("capsule_held_bytes", float64(st.Held), "site", "localhost")
	if rss, ok := sample(m, "process_resident_memory_bytes"); !ok || rss <= 0 {
		t.Errorf("process_resident_memory_bytes = %v, %v", rss, ok)
	}
	check("capsule_reloads_total", 0, "result", "ok")
	check("capsule_reload_seconds", 0)
	// Every series contrib/README.md's table names is served.
	readme, err := os.ReadFile("../../contrib/README.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := regexp.MustCompile("(?m)^\\| `(capsule_[a-z_]+)").FindAllStringSubmatch(string(readme), -1)
	if len(documented) < 10 {
		t.Fatalf("contrib/README.md: %d metrics found in its table", len(documented))
	}
	for _, name := range documented {
		if m[name[1]] == nil {
			t.Errorf("contrib/README.md names %s, which is not served", name[1])
		}
	}

	// A reload with a post more, and one that fails (an empty folder is
	// refused): each counted, with its time.
	if err := os.WriteFile(filepath.Join(dir, "2018-01-01-new.md"), []byte(newPost), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	empty := cfg
	empty.Posts = t.TempDir()
	if err := d.Reload(context.Background(), empty); err == nil {
		t.Fatal("a reload of an empty folder went through")
	}
	m = scrape(t, d)
	check("capsule_reloads_total", 1, "result", "ok")
	check("capsule_reloads_total", 1, "result", "failed")
	check("capsule_reload_seconds", 2)
	check("capsule_posts", float64(st.Posts+1), "site", "localhost")
	check("capsule_posts", float64(d.Store().Posts), "site", "localhost")
	check("capsule_held_bytes", float64(d.Store().Held), "site", "localhost")
	check("capsule_problems", 0, "site", "localhost")

	// An edit that breaks a post reloads, but does not go live: the
	// site's problems say so until it is fixed (the operators' alert).
	broken := filepath.Join(dir, "2018-01-01-new.md")
	if err := os.WriteFile(broken, []byte("+++\ntitle = \"閉じていない\n+++\n本文\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.Reload(context.Background(), cfg)
	m = scrape(t, d)
	check("capsule_problems", 1, "site", "localhost")
	os.WriteFile(broken, []byte(newPost), 0o644)
	d.Reload(context.Background(), cfg)
	m = scrape(t, d)
	check("capsule_problems", 0, "site", "localhost")
	if got, want := total(m, "capsule_requests_total"), float64(geminiRequests+gopherRequests); got != want {
		t.Errorf("after scrapes, capsule_requests_total adds up to %v, want %v", got, want)
	}

	// Only /metrics is served.
	resp, err := http.Get("http://" + d.MetricsAddr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("/ on the metrics address: %s", resp.Status)
	}
}

// Connections refused over a cap, and for a client far over its rate,
// are counted by reason.
func TestMetricsCountRefusedConnections(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.MetricsAddr = "127.0.0.1:0"
		c.MaxConnsPerClient = 2
	})
	// Two Gopher connections that send nothing hold the client's places;
	// the third is closed at once.
	var held []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", d.GopherAddr().String())
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	var m map[string]*dto.MetricFamily
	for deadline := time.Now().Add(5 * time.Second); ; {
		m = scrape(t, d)
		if v, _ := sample(m, "capsule_connections_refused_total", "protocol", "gopher", "reason", "cap"); v >= 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, c := range []struct {
		name   string
		want   float64
		labels []string
	}{
		{"capsule_connections_accepted_total", 3, []string{"protocol", "gopher"}},
		{"capsule_connections_refused_total", 1, []string{"protocol", "gopher", "reason", "cap"}},
		{"capsule_connections_refused_total", 0, []string{"protocol", "gopher", "reason", "rate"}},
		{"capsule_connections_open", 2, []string{"protocol", "gopher"}},
		{"capsule_connections_accepted_total", 0, []string{"protocol", "gemini"}},
	} {
		if got, _ := sample(m, c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
}
