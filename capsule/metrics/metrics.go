// Package metrics is capsuled's metrics for operators, in the Prometheus
// text format, served at an address of their choice (-metrics, [metrics]
// listen) and off by default.
//
// Every metric is defined here, on a set of the daemon's own (never the
// library's global one): requests by protocol and status, bytes sent,
// response times, connections accepted, refused, shed and open, reloads
// and their durations, what each site serves (posts, drafts, scheduled
// posts, bytes of responses held), and the process's and Go runtime's
// (process_resident_memory_bytes among them). contrib/README.md, "Metrics",
// says what each means.
//
// Cardinality is bounded by construction: every label takes its values
// from a set fixed when the daemon starts. protocol is gemini or gopher;
// status is one of the Gemini status codes of the specification (or
// "other", or "cut" for an answer cut short) or one of the Gopher outcomes
// the access log names; reason is cap or rate; result is ok or failed;
// site is a host name from the configuration. No label ever holds a path,
// a selector, a query or a client's address: nothing a reader sends can
// make a new series. Every series of a fixed set exists from the start,
// at 0.
//
// The serving path counts through handles resolved here once (a table of
// counters indexed by status): a request costs a few atomic additions and
// a histogram observation (a short lock of the protocol's histogram), and
// allocates nothing.
//
// The library is VictoriaMetrics/metrics, not prometheus/client_golang:
// both count with atomic additions, but client_golang made capsuled 4.5 MB
// larger and 3 MB more resident whether metrics were on or not (its
// package initialisation builds a global registry with the Go and process
// collectors, and links protobuf), some 20% of what capsuled takes with
// the sample posts; with this one capsuled is 1.2 MB larger (net/http
// included) and 0.7 MB more resident with metrics off, 1.6 MB on. Its output is the
// Prometheus text format, which Prometheus, VictoriaMetrics and every
// scraper read; it writes no help text (contrib/README.md has it).
package metrics

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	vm "github.com/VictoriaMetrics/metrics"

	"capsule/capsule/guard"
)

// Protocol is a protocol served: Gemini or Gopher.
type Protocol uint8

const (
	Gemini Protocol = iota
	Gopher
	protocols
)

func (p Protocol) String() string {
	if p == Gemini {
		return "gemini"
	}
	return "gopher"
}

// geminiStatuses are the status codes of the Gemini specification: each
// has a series of its own; any other code a response could carry is
// counted as "other".
var geminiStatuses = []int{10, 11, 20, 30, 31, 40, 41, 42, 43, 44, 50, 51, 52, 53, 59, 60, 61, 62}

// gopherStatuses are the outcomes of a Gopher request, as the access log
// names them (capsule.Capsule.Gopher, and the daemon's slowdown, cut, bad
// and toolong); "other" stands for any status not in the list.
var gopherStatuses = []string{"ok", "notfound", "search", "redirect", "slowdown", "cut", "bad", "toolong", "other"}

// responseBuckets bound the time from a request read to its answer
// written, in seconds: from a map lookup and one write on loopback
// (tens of µs) to a large file to a slow reader.
var responseBuckets = []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// reloadBuckets bound a reload's time, in seconds: one edit of a small
// blog to every page of a large one.
var reloadBuckets = []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120}

// Metrics is one daemon's metrics: its set and the handles the daemon
// counts through. Its methods are safe for concurrent use; a nil
// *Metrics counts nothing.
type Metrics struct {
	set *vm.Set

	gemini    [100]*vm.Counter // by status code; "other" for codes not in geminiStatuses
	geminiCut *vm.Counter
	gopher    []*vm.Counter // by index in gopherStatuses
	sent      [protocols]*vm.Counter
	took      [protocols]*vm.PrometheusHistogram
	conns     [protocols][guard.Shed + 1]*vm.Counter // by guard.Event
	reloads   [2]*vm.Counter                         // ok, failed
	reloadDur *vm.PrometheusHistogram
}

// New makes the metrics of a daemon, every series of a fixed set at 0.
func New() *Metrics {
	vm.ExposeMetadata(true) // TYPE lines: counters, gauges and histograms are told apart
	s := vm.NewSet()
	m := &Metrics{set: s}
	// The handles, resolved once: a series is named once, here.
	series := func(name string, labels ...string) string {
		var b strings.Builder
		b.WriteString(name)
		for i := 0; i < len(labels); i += 2 {
			if i == 0 {
				b.WriteByte('{')
			} else {
				b.WriteByte(',')
			}
			b.WriteString(labels[i] + "=" + labelValue(labels[i+1]))
		}
		if len(labels) > 0 {
			b.WriteByte('}')
		}
		return b.String()
	}
	other := s.NewCounter(series("capsule_requests_total", "protocol", "gemini", "status", "other"))
	for i := range m.gemini {
		m.gemini[i] = other
	}
	for _, code := range geminiStatuses {
		m.gemini[code] = s.NewCounter(series("capsule_requests_total", "protocol", "gemini", "status", strconv.Itoa(code)))
	}
	m.geminiCut = s.NewCounter(series("capsule_requests_total", "protocol", "gemini", "status", "cut"))
	for _, st := range gopherStatuses {
		m.gopher = append(m.gopher, s.NewCounter(series("capsule_requests_total", "protocol", "gopher", "status", st)))
	}
	for p := range protocols {
		name := p.String()
		m.sent[p] = s.NewCounter(series("capsule_sent_bytes_total", "protocol", name))
		m.took[p] = s.NewPrometheusHistogramExt(series("capsule_response_seconds", "protocol", name), responseBuckets)
		m.conns[p][guard.Accepted] = s.NewCounter(series("capsule_connections_accepted_total", "protocol", name))
		m.conns[p][guard.RefusedCap] = s.NewCounter(series("capsule_connections_refused_total", "protocol", name, "reason", "cap"))
		m.conns[p][guard.RefusedRate] = s.NewCounter(series("capsule_connections_refused_total", "protocol", name, "reason", "rate"))
		m.conns[p][guard.Shed] = s.NewCounter(series("capsule_connections_shed_total", "protocol", name))
	}
	m.reloads[0] = s.NewCounter(series("capsule_reloads_total", "result", "ok"))
	m.reloads[1] = s.NewCounter(series("capsule_reloads_total", "result", "failed"))
	m.reloadDur = s.NewPrometheusHistogramExt("capsule_reload_seconds", reloadBuckets)
	return m
}

// labelValue is v quoted as the text format wants a label's value.
func labelValue(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(v) + `"`
}

// Gemini counts a Gemini answer of status, n of whose bytes were written
// (cut: fewer than the whole answer), took from the request read.
func (m *Metrics) Gemini(status int, cut bool, n int, took time.Duration) {
	if m == nil {
		return
	}
	switch {
	case cut:
		m.geminiCut.Inc()
	case status >= 0 && status < len(m.gemini):
		m.gemini[status].Inc()
	default:
		m.gemini[0].Inc() // "other"
	}
	m.sent[Gemini].Add(n)
	m.took[Gemini].Update(took.Seconds())
}

// Gopher counts a Gopher answer of status (as the access log says it), n
// of whose bytes were written, took from the request read.
func (m *Metrics) Gopher(status string, n int, took time.Duration) {
	if m == nil {
		return
	}
	m.gopher[gopherIndex(status)].Inc()
	m.sent[Gopher].Add(n)
	m.took[Gopher].Update(took.Seconds())
}

// gopherIndex is status's place in gopherStatuses, "other"'s for a status
// not listed.
func gopherIndex(status string) int {
	for i, s := range gopherStatuses {
		if s == status {
			return i
		}
	}
	return len(gopherStatuses) - 1
}

// Connections is what a guard.Listener of protocol p tells of its
// connections (guard.Listener.Observe); nil when m is.
func (m *Metrics) Connections(p Protocol) func(guard.Event) {
	if m == nil {
		return nil
	}
	counters := &m.conns[p]
	return func(e guard.Event) {
		if int(e) < len(counters) {
			counters[e].Inc()
		}
	}
}

// Reload counts a reload that took took and failed with err, or not.
func (m *Metrics) Reload(took time.Duration, err error) {
	if m == nil {
		return
	}
	if err != nil {
		m.reloads[1].Inc()
	} else {
		m.reloads[0].Inc()
	}
	m.reloadDur.Update(took.Seconds())
}

// OpenConnections has capsule_connections_open{protocol} read open at
// each scrape: the connections of protocol p open now.
func (m *Metrics) OpenConnections(p Protocol, open func() int) {
	m.set.NewGauge(`capsule_connections_open{protocol="`+p.String()+`"}`, func() float64 { return float64(open()) })
}

// Site is what one site serves, as of a scrape.
type Site struct {
	Host                     string // its host name, from the configuration
	Posts, Drafts, Scheduled int
	Problems                 int   // posts and files left out, or served in their last good version
	Held                     int64 // bytes of responses held
}

// Sites has the site gauges read sites at each scrape: what the Stores
// being served hold, whatever reloads swapped in since.
func (m *Metrics) Sites(sites func() []Site) {
	m.set.RegisterMetricsWriter(func(w io.Writer) {
		list := sites()
		for _, g := range []struct {
			name  string
			value func(Site) int64
		}{
			{"capsule_posts", func(s Site) int64 { return int64(s.Posts) }},
			{"capsule_drafts", func(s Site) int64 { return int64(s.Drafts) }},
			{"capsule_scheduled_posts", func(s Site) int64 { return int64(s.Scheduled) }},
			{"capsule_held_bytes", func(s Site) int64 { return s.Held }},
			{"capsule_problems", func(s Site) int64 { return int64(s.Problems) }},
		} {
			// Each family's lines together, as the format wants.
			vm.WriteMetadataIfNeeded(w, g.name, "gauge")
			for _, s := range list {
				io.WriteString(w, g.name+"{site="+labelValue(s.Host)+"} "+strconv.FormatInt(g.value(s), 10)+"\n")
			}
		}
	})
}

// Handler serves the metrics in the Prometheus text format: the daemon's,
// then the Go runtime's and the process's (process_resident_memory_bytes
// among them).
func (m *Metrics) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		m.set.WritePrometheus(w)
		vm.WriteProcessMetrics(w)
		vm.WriteFDMetrics(w) // process_open_fds, process_max_fds: against the connection caps
	})
}
