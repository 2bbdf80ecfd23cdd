package daemon

import (
	"net"

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
			Scheduled: len(st.Scheduled), Held: st.Held})
	}
	return out
}

// MetricsAddr is the address the metrics are served on, nil when they
// are not.
func (d *Daemon) MetricsAddr() net.Addr {
	if d.metricsSrv == nil {
		return nil
	}
	return d.metricsSrv.Addr()
}
