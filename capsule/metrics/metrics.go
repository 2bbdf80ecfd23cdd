// Package metrics is capsuled's metrics for operators, in the Prometheus
// text format, served at an address of their choice (-metrics, [metrics]
// listen) and off by default.
//
// Every metric is defined here, on a registry of the daemon's own (never
// the library's global one): requests by protocol and status, bytes sent,
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
// a histogram observation, and allocates nothing.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

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

// Metrics is one daemon's metrics: its registry and the handles the
// daemon counts through. Its methods are safe for concurrent use; a nil
// *Metrics counts nothing.
type Metrics struct {
	reg *prometheus.Registry

	gemini    [100]prometheus.Counter // by status code; "other" for codes not in geminiStatuses
	geminiCut prometheus.Counter
	gopher    []prometheus.Counter // by index in gopherStatuses
	sent      [protocols]prometheus.Counter
	took      [protocols]prometheus.Histogram
	conns     [protocols][guard.Shed + 1]prometheus.Counter // by guard.Event
	reloads   [2]prometheus.Counter                         // ok, failed
	reloadDur prometheus.Histogram
}

// New makes the metrics of a daemon, every series of a fixed set at 0,
// with the process's and Go runtime's.
func New() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.reg.MustRegister(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), collectors.NewGoCollector())

	requests := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "capsule_requests_total",
		Help: "Requests answered, by protocol and status: a Gemini status code (other: a code outside the specification; cut: an answer cut short), or a Gopher outcome (ok, notfound, search, redirect, slowdown, cut, bad, toolong).",
	}, []string{"protocol", "status"})
	sent := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "capsule_sent_bytes_total",
		Help: "Bytes of answers written, by protocol (after TLS's framing is taken off, for Gemini).",
	}, []string{"protocol"})
	took := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "capsule_response_seconds",
		Help:    "Time from a request read to its answer written, by protocol (the TLS handshake is not in it).",
		Buckets: responseBuckets,
	}, []string{"protocol"})
	accepted := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "capsule_connections_accepted_total",
		Help: "Connections taken from the kernel's queue, by protocol; those refused are among them.",
	}, []string{"protocol"})
	refused := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "capsule_connections_refused_total",
		Help: "Connections closed at once, by protocol and reason: cap (over a connection cap, in all, a client's or a network's) or rate (a client far over its rate).",
	}, []string{"protocol", "reason"})
	shed := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "capsule_connections_shed_total",
		Help: "Connections that had sent no request, closed to make room for another, by protocol.",
	}, []string{"protocol"})
	reloads := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "capsule_reloads_total",
		Help: "Reloads (SIGHUP, a change watched, a scheduled post's time), by result: ok, or failed (something kept serving what it served).",
	}, []string{"result"})
	m.reloadDur = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "capsule_reload_seconds",
		Help:    "Time a reload took, failed ones included.",
		Buckets: reloadBuckets,
	})
	m.reg.MustRegister(requests, sent, took, accepted, refused, shed, reloads, m.reloadDur)

	// The handles, resolved once: WithLabelValues allocates, the
	// counters it returns do not.
	other := requests.WithLabelValues("gemini", "other")
	for i := range m.gemini {
		m.gemini[i] = other
	}
	for _, code := range geminiStatuses {
		m.gemini[code] = requests.WithLabelValues("gemini", strconv.Itoa(code))
	}
	m.geminiCut = requests.WithLabelValues("gemini", "cut")
	for _, s := range gopherStatuses {
		m.gopher = append(m.gopher, requests.WithLabelValues("gopher", s))
	}
	for p := range protocols {
		name := p.String()
		m.sent[p] = sent.WithLabelValues(name)
		m.took[p] = took.WithLabelValues(name).(prometheus.Histogram)
		m.conns[p][guard.Accepted] = accepted.WithLabelValues(name)
		m.conns[p][guard.RefusedCap] = refused.WithLabelValues(name, "cap")
		m.conns[p][guard.RefusedRate] = refused.WithLabelValues(name, "rate")
		m.conns[p][guard.Shed] = shed.WithLabelValues(name)
	}
	m.reloads[0] = reloads.WithLabelValues("ok")
	m.reloads[1] = reloads.WithLabelValues("failed")
	return m
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
	m.sent[Gemini].Add(float64(n))
	m.took[Gemini].Observe(took.Seconds())
}

// Gopher counts a Gopher answer of status (as the access log says it), n
// of whose bytes were written, took from the request read.
func (m *Metrics) Gopher(status string, n int, took time.Duration) {
	if m == nil {
		return
	}
	m.gopher[gopherIndex(status)].Inc()
	m.sent[Gopher].Add(float64(n))
	m.took[Gopher].Observe(took.Seconds())
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
	m.reloadDur.Observe(took.Seconds())
}

// OpenConnections has capsule_connections_open{protocol} read open at
// each scrape: the connections of protocol p open now.
func (m *Metrics) OpenConnections(p Protocol, open func() int) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name:        "capsule_connections_open",
		Help:        "Connections open now, by protocol (each site's Gopher listener added up).",
		ConstLabels: prometheus.Labels{"protocol": p.String()},
	}, func() float64 { return float64(open()) }))
}

// Site is what one site serves, as of a scrape.
type Site struct {
	Host                     string // its host name, from the configuration
	Posts, Drafts, Scheduled int
	Held                     int64 // bytes of responses held
}

// Sites has the site gauges read sites at each scrape: what the Stores
// being served hold, whatever reloads swapped in since.
func (m *Metrics) Sites(sites func() []Site) {
	m.reg.MustRegister(siteCollector(sites))
}

var (
	postsDesc     = prometheus.NewDesc("capsule_posts", "Posts served, by site.", []string{"site"}, nil)
	draftsDesc    = prometheus.NewDesc("capsule_drafts", "Drafts, served to their authors only, by site.", []string{"site"}, nil)
	scheduledDesc = prometheus.NewDesc("capsule_scheduled_posts", "Posts dated in the future, published at their time, by site.", []string{"site"}, nil)
	heldDesc      = prometheus.NewDesc("capsule_held_bytes", "Bytes of the responses a site's Store holds, each shared array once (the least memory the capsule can take; compare process_resident_memory_bytes).", []string{"site"}, nil)
)

// siteCollector reads the sites' gauges at each scrape.
type siteCollector func() []Site

func (c siteCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{postsDesc, draftsDesc, scheduledDesc, heldDesc} {
		ch <- d
	}
}

func (c siteCollector) Collect(ch chan<- prometheus.Metric) {
	for _, s := range c() {
		ch <- prometheus.MustNewConstMetric(postsDesc, prometheus.GaugeValue, float64(s.Posts), s.Host)
		ch <- prometheus.MustNewConstMetric(draftsDesc, prometheus.GaugeValue, float64(s.Drafts), s.Host)
		ch <- prometheus.MustNewConstMetric(scheduledDesc, prometheus.GaugeValue, float64(s.Scheduled), s.Host)
		ch <- prometheus.MustNewConstMetric(heldDesc, prometheus.GaugeValue, float64(s.Held), s.Host)
	}
}

// Handler serves the metrics in the Prometheus text format (or what the
// scraper negotiates), at most two scrapes at once.
func (m *Metrics) Handler(errorLog promhttp.Logger) http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog:            errorLog,
		ErrorHandling:       promhttp.ContinueOnError,
		MaxRequestsInFlight: 2,
		Timeout:             10 * time.Second,
	})
}
