package daemon

import (
	"errors"
	"net"
	"time"

	"capsule/capsule/metrics"
)

// serveMetrics serves the metrics on their listener, when asked for,
// once every site's Store is built: the gauges read the listeners and
// the Stores at each scrape.
func (d *Daemon) serveMetrics() {
	if d.metricsLn == nil {
		return
	}
	d.metrics.OpenConnections(metrics.Gemini, d.geminiLn.Open)
	d.metrics.OpenConnections(metrics.Gopher, func() int {
		n := 0
		for _, s := range d.sites {
			n += s.gopherLn.Open()
		}
		return n
	})
	d.metrics.Sites(d.siteMetrics)
	d.metricsSrv = d.metrics.Serve(d.metricsLn, d.log)
	d.log.Printf("metrics: serving http://%s/metrics", d.metricsLn.Addr())
}

// siteMetrics is what each site serves now, the main one first.
func (d *Daemon) siteMetrics() []metrics.Site {
	out := make([]metrics.Site, 0, len(d.sites))
	for _, s := range d.sites {
		st := s.capsule.Store()
		out = append(out, metrics.Site{Host: st.Site.Hostname, Posts: st.Posts, Drafts: st.Drafts,
			Scheduled: len(st.Scheduled), Problems: len(st.Problems), Held: st.Held})
	}
	return out
}

// ReloadFailed counts a reload that failed before it reached Reload, its
// configuration file not read or with problems, as Reload counts its own
// failures: an operator's alert on failed reloads sees them all.
func (d *Daemon) ReloadFailed(took time.Duration) {
	d.metrics.Reload(took, errConfigNotRead)
}

// errConfigNotRead is what a reload that never reached Reload is counted
// as having failed with.
var errConfigNotRead = errors.New("configuration not read")

// MetricsAddr is the address the metrics are served on, nil when they
// are not.
func (d *Daemon) MetricsAddr() net.Addr {
	if d.metricsSrv == nil {
		return nil
	}
	return d.metricsSrv.Addr()
}
