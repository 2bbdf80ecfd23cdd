package daemon

import (
	"cmp"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/netip"
	"runtime/debug"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"capsule/capsule"
	"capsule/capsule/agent"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/guard"
	"capsule/capsule/messages"
	"capsule/capsule/metrics"
	"capsule/capsule/tlscert"
	"capsule/gopher"
)

// Daemon is a running capsule: the Gemini server and each site's Gopher
// server over the sites' Capsules, their certificates and the access
// log.
type Daemon struct {
	reloading sync.Mutex // one Reload at a time
	// committing guards stopped, so that a Reload never swaps anything in
	// once Shutdown has begun.
	committing sync.Mutex
	stopped    bool
	publish    publication   // the next scheduled post's rebuild; guarded by committing
	release    memoryRelease // returns reloads' garbage once they pause
	cfg        config.Config // as of the last successful Start or Reload of the main site
	log        *log.Logger
	access     atomic.Pointer[accessLog]         // nil when access logging is off
	limiter    atomic.Pointer[guard.RateLimiter] // nil when rate limiting is off
	files      guard.Files                       // the open file limit, which every listener shares

	geminiLn *guard.Listener
	sites    []*servedSite // the main site, then each [[site]]: see sites.go
	agent    *agent.Server // HAProxy's agent-check; nil when not asked for
	// metrics counts what is served, for operators; nil when not asked
	// for (its methods then count nothing). metricsLn is its listener
	// until it is served, metricsSrv its server once it is.
	metrics    *metrics.Metrics
	metricsLn  net.Listener
	metricsSrv *metrics.Server
	gemini     *gemini.Server
	errc       chan error
	wg         sync.WaitGroup
	// cacheFlush is closed when the Daemon stops: build cache writers
	// waiting out their pause write at once (cache.go).
	cacheFlush     chan struct{}
	cacheFlushOnce sync.Once
	// stopping ends when Shutdown begins: the reloads the daemon starts
	// itself (an upload's) are abandoned then, as a signal's are.
	stopping context.Context
	stop     context.CancelFunc
	// own is what uploads left in the posts folders, which a watcher's
	// reload would only read again (ownwrites.go).
	own ownWrites
}

// Start loads the posts, loads or creates the certificate, listens (or
// takes the listeners of socket activation), builds the Store and starts
// serving. Problems in posts are returned as an ErrorList before anything
// is served. When ctx ends before the Store is built, Start stops and
// returns ctx's error.
func Start(ctx context.Context, cfg config.Config) (*Daemon, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	d := &Daemon{cfg: cfg, log: cfg.Log, errc: make(chan error, 2+len(cfg.Sites)), cacheFlush: make(chan struct{})}
	d.stopping, d.stop = context.WithCancel(context.Background())
	applyMemoryLimit(cfg.MemoryLimit)
	defer PaceStart()() // see buildgc.go
	if cfg.MetricsListener != nil || cfg.MetricsAddr != "" {
		d.metrics = metrics.New()
	}

	// Every site's posts, then every site's certificate (none is created
	// for a start that cannot happen), then every site's listener and
	// Store: each step reports the problems of every site at once.
	var errs []error
	for i, sc := range cfg.SiteConfigs() {
		s := &servedSite{cfg: sc, hostname: sc.Hostname}
		s.cache.path = cacheFile(cfg.CacheDir(), sc.Hostname) // one folder for every site's
		opts := sc.LoadOptions()
		opts.Saved = d.openCache(s) // the posts an earlier process loaded, unchanged since: not read again
		loaded, err := content.Load(sc.Posts, opts)
		if err != nil {
			errs = append(errs, siteProblem(i, sc, err))
			continue
		}
		d.log.Printf("%s: %s", sc.Posts, loaded.Layout)
		s.loaded = loaded
		d.sites = append(d.sites, s)
	}
	if err := joinProblems(errs); err != nil {
		return nil, err
	}
	d.release.drop = d.dropScratch // d.sites made: no reload changes it
	for i, s := range d.sites {
		cert, err := startCertificate(s.cfg, d.log)
		if err != nil {
			errs = append(errs, siteProblem(i, s.cfg, err))
			continue
		}
		s.cert.Store(cert)
	}
	if err := joinProblems(errs); err != nil {
		return nil, err
	}
	if err := d.listen(cfg); err != nil {
		return nil, err
	}
	var err error
	switch {
	case cfg.AgentListener != nil:
		d.agent = agent.Serve(cfg.AgentListener)
	case cfg.ProxyAgent != "":
		if d.agent, err = agent.Listen(cfg.ProxyAgent); err != nil {
			d.closeListeners()
			return nil, fmt.Errorf("agent: %w", err)
		}
	}
	switch {
	case cfg.MetricsListener != nil:
		d.metricsLn = cfg.MetricsListener
	case cfg.MetricsAddr != "":
		if d.metricsLn, err = net.Listen("tcp", cfg.MetricsAddr); err != nil {
			d.closeListeners()
			return nil, fmt.Errorf("metrics: %w", err)
		}
	}
	for i, s := range d.sites {
		if err := d.openSite(ctx, s); err != nil {
			errs = append(errs, siteProblem(i, s.cfg, err))
		}
	}
	if err := joinProblems(errs); err != nil {
		d.closeListeners()
		return nil, err
	}
	d.schedulePublish()
	if cfg.AccessLog {
		d.access.Store(newAccessLog(cfg.Log.Writer(), cfg.LogIPs, trustedProxies(cfg)))
	}
	d.limiter.Store(guard.NewRateLimiter(cfg.RateLimit, cfg.RateBurst))
	d.serve()
	if d.agent != nil {
		d.log.Printf("agent: answering HAProxy's agent-check on %s", d.agent.Addr())
	}
	d.serveMetrics()
	debug.FreeOSMemory() // the build's garbage: before serving, see memory.go
	return d, nil
}

// Store is the Store being served.
func (d *Daemon) Store() *capsule.Store { return d.main().capsule.Store() }

// Config is the configuration of the last successful Start or Reload.
func (d *Daemon) Config() config.Config {
	d.reloading.Lock()
	defer d.reloading.Unlock()
	return d.cfg
}

// closeListeners closes what Start opened, before anything was served:
// at once, with nothing to drain.
func (d *Daemon) closeListeners() {
	for _, s := range d.sites {
		if s.gopherLn != nil {
			s.gopherLn.Listener.Close()
		}
	}
	if d.geminiLn != nil {
		d.geminiLn.Listener.Close()
	}
	if d.agent != nil {
		d.agent.Close()
	}
	if d.metricsLn != nil {
		d.metricsLn.Close()
	}
}

// buildOptions has a Build tell the log which post it is waiting for.
func (d *Daemon) buildOptions(cfg config.Config) capsule.BuildOptions {
	return capsule.BuildOptions{PostBudget: cfg.PostBudget, Slow: func(file string, elapsed time.Duration) {
		d.log.Printf("still rendering %s after %v", file, elapsed.Round(time.Millisecond))
	}}
}

// listen takes the configured Gemini listener or binds the configured
// address, and puts the limits and the PROXY protocol in front of it.
// (Each site's Gopher listener is opened with the site: openSite.)
func (d *Daemon) listen(cfg config.Config) error {
	gem := cfg.GeminiListener
	if gem == nil {
		var err error
		if gem, err = net.Listen("tcp", cfg.GeminiAddr); err != nil {
			return fmt.Errorf("gemini: %w", err)
		}
	}
	// Every listener's connections must fit in the open file limit, or
	// accept fails (EMFILE) and every reader waits.
	if limit, err := guard.RaiseFileLimit(); err == nil {
		if w := guard.FileLimitWarning(limit, 2+len(cfg.Sites), cfg.MaxConns); w != "" {
			d.log.Printf("warning: %s", w)
		}
	}
	d.geminiLn = d.guardListener(cfg, gem, cfg.GeminiProxy, metrics.Gemini)
	return nil
}

// guardListener puts cfg's limits, and with proxy the PROXY protocol, in
// front of l, which serves protocol p.
func (d *Daemon) guardListener(cfg config.Config, l net.Listener, proxy bool, p metrics.Protocol) *guard.Listener {
	trusted := trustedProxies(cfg)
	limits := guard.Limits{MaxOpen: cfg.MaxConns, PerClient: cfg.MaxConnsPerClient,
		Per24: cfg.MaxConnsPer24, Per56: cfg.MaxConnsPer56, Per48: cfg.MaxConnsPer48}
	raw := l
	if proxy {
		l = guard.ProxyListener(l, trusted, cfg.ReadTimeout)
	}
	gl := guard.NewListener(l, limits, proxy)
	gl.Raw = raw                // a stop takes the connections queued in it (guard.Listener.Close)
	gl.Limiter = d.limiter.Load // far over its rate: dropped at accept
	gl.Observe = d.metrics.Connections(p)
	if d.files.Log == nil {
		d.files.Log = func(format string, args ...any) { d.log.Printf("accept: "+format, args...) }
	}
	d.files.Share(gl)
	if proxy {
		gl.BadHeader = d.badHeaderLog(p.String()).note
	}
	return gl
}

// siteFor is the Site cfg describes, over what the posts folder says, with
// the ports listened on.
func siteFor(cfg config.Config, meta content.SiteMeta, geminiPort, gopherPort int) *capsule.Site {
	// The operator's texts held to the posts folder's bounds (what
	// config.Config.Warnings said).
	meta.Title = content.CutText(cmp.Or(cfg.Title, meta.Title, cfg.Hostname), content.MaxSiteTitle)
	meta.Description = content.CutText(cmp.Or(cfg.Description, meta.Description), content.MaxSiteDescription)
	meta.Lang = cmp.Or(cfg.Lang, meta.Lang)
	meta.Favicon = cmp.Or(cfg.Favicon, meta.Favicon)
	msg, _ := messages.For(meta.Lang).Override(cfg.Messages) // names checked by ReadConfigFile
	return &capsule.Site{
		SiteMeta:    meta,
		Messages:    msg,
		Hostname:    cfg.Hostname,
		GeminiPort:  cmp.Or(cfg.GeminiPort, geminiPort),
		GopherPort:  cmp.Or(cfg.GopherPort, gopherPort),
		GopherWidth: cfg.GopherWidth,
		FeedContent: cfg.FeedContent,
		Authors:     cfg.AuthorCertificates,
		Titan:       cfg.Titan,
	}
}

// Reload rereads the posts and certificate as cfg says, builds a new Store
// beside the one being served and swaps it in; requests in flight finish
// on the old one. When anything fails, nothing changes: the old Store and
// certificate keep serving, and the error says why (an ErrorList for
// posts). A posts folder that has become empty is refused the same way: an
// unmounted volume must not empty a blog. Listen addresses and timeouts
// take a restart to change. When ctx ends, or the Daemon is shut down,
// the reload is abandoned.
func (d *Daemon) Reload(ctx context.Context, cfg config.Config) (err error) {
	d.reloading.Lock()
	defer d.reloading.Unlock()
	start := time.Now()
	defer func() { d.metrics.Reload(time.Since(start), err) }()
	// Sockets from systemd are the daemon's, those it started with.
	cfg.GeminiListener, cfg.GopherListener, cfg.AgentListener = d.cfg.GeminiListener, d.cfg.GopherListener, d.cfg.AgentListener
	cfg.MetricsListener = d.cfg.MetricsListener
	for i := range cfg.Sites {
		if s := d.siteNamed(cfg.Sites[i].Hostname); s != d.main() {
			cfg.Sites[i].GopherListener = s.cfg.GopherListener
		}
	}
	if err := cfg.Check(); err != nil {
		return &ConfigError{err}
	}
	// Each site on its own: a problem in one keeps its content and stops
	// no other. What concerns the daemon changes with the main site.
	restore := paceReload() // while both Stores are held: see buildgc.go
	errs, mainReloaded, kept := d.reloadSites(ctx, cfg)
	restore()
	if mainReloaded {
		d.applyConfig(cfg)
	}
	d.committing.Lock()
	if !d.stopped {
		d.schedulePublish()
		d.release.soon(kept)
	}
	d.committing.Unlock()
	return errors.Join(errs...)
}

// applyConfig makes what cfg changes of the daemon itself take effect,
// after the main site has reloaded: limits, the access log, the memory
// limit; and says what takes a restart.
func (d *Daemon) applyConfig(cfg config.Config) {
	d.committing.Lock()
	defer d.committing.Unlock()
	old := d.cfg
	if cfg.GeminiAddr != old.GeminiAddr || cfg.GopherAddr != old.GopherAddr ||
		cfg.ReadTimeout != old.ReadTimeout || cfg.WriteTimeout != old.WriteTimeout ||
		cfg.MaxConns != old.MaxConns || cfg.MaxConnsPerClient != old.MaxConnsPerClient ||
		cfg.MaxConnsPer24 != old.MaxConnsPer24 || cfg.MaxConnsPer56 != old.MaxConnsPer56 ||
		cfg.MaxConnsPer48 != old.MaxConnsPer48 || cfg.MinWriteRate != old.MinWriteRate ||
		cfg.GeminiProxy != old.GeminiProxy || cfg.GopherProxy != old.GopherProxy ||
		cfg.ProxyAgent != old.ProxyAgent || cfg.MetricsAddr != old.MetricsAddr ||
		!slices.Equal(cfg.ProxyTrusted, old.ProxyTrusted) {
		d.log.Printf("reload: listen addresses, timeouts, connection caps and PROXY settings change at the next restart")
	}
	if cfg.MemoryLimit != old.MemoryLimit {
		if cfg.MemoryLimit == 0 {
			d.log.Printf("reload: memory_limit removed: the limit set stays until the next restart")
		}
		applyMemoryLimit(cfg.MemoryLimit)
	}
	if cfg.RateLimit != old.RateLimit || cfg.RateBurst != old.RateBurst {
		d.limiter.Store(guard.NewRateLimiter(cfg.RateLimit, cfg.RateBurst))
	}
	if cfg.AccessLog != old.AccessLog || cfg.LogIPs != old.LogIPs || !slices.Equal(cfg.ProxyTrusted, old.ProxyTrusted) {
		var next *accessLog
		if cfg.AccessLog {
			next = newAccessLog(cfg.Log.Writer(), cfg.LogIPs, trustedProxies(cfg))
		}
		d.access.Swap(next).Close()
	}
	d.cfg = cfg
}

// tlsConfig is Gemini's TLS: 1.2 or later, the current certificate whatever
// name the client asks for, client certificates requested but not verified
// (Gemini uses them as identities, not as a chain of trust).
// Session tickets are on (crypto/tls's default, with keys it rotates), so
// that a returning client resumes without a full handshake.
func (d *Daemon) tlsConfig() *tls.Config {
	conf := &tls.Config{
		MinVersion: tls.VersionTLS12,
		ClientAuth: tls.RequestClientCert,
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			return d.certificateFor(hello.ServerName), nil
		},
	}
	if !d.cfg.TLSPostQuantum {
		conf.CurvePreferences = []tls.CurveID{tls.X25519, tls.CurveP256}
	}
	return conf
}

func (d *Daemon) serve() {
	d.gemini = &gemini.Server{
		TLSConfig:    d.tlsConfig(),
		Handler:      d.handleGemini,
		Upload:       d.handleTitan,
		ReadTimeout:  d.cfg.ReadTimeout,
		WriteTimeout: d.cfg.WriteTimeout,
		MinWriteRate: d.cfg.MinWriteRate,
		ErrorLog:     d.log,
		Written:      d.geminiWritten,
	}
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		if err := d.gemini.Serve(d.geminiLn); err != nil {
			d.errc <- fmt.Errorf("gemini: %w", err)
		}
	}()
	d.serveSites()
}

// geminiWritten counts and logs a Gemini request once its answer is
// written: an answer cut short (a slow reader at the write deadline, a
// client gone) is logged "cut" with the bytes written.
func (d *Daemon) geminiWritten(c *tls.Conn, line []byte, resp *gemini.Response, n int, took time.Duration) {
	cut := n < resp.Len()
	d.metrics.Gemini(int(resp.Status), cut, n, took)
	if gemini.IsTitan(line) {
		line = redactToken(line) // an upload's token is a secret
	}
	if a := d.access.Load(); a != nil {
		status := "cut"
		if !cut {
			status = strconv.Itoa(int(resp.Status))
		}
		a.request("gemini", c.RemoteAddr(), "", line, status, n, took)
	}
}

// handleGemini answers a Gemini request (or a request line that could not
// be read); serve's Written logs it. A client over its rate gets 44 and how
// many seconds to wait. A search costs guard.SearchCost requests.
func (d *Daemon) handleGemini(c *tls.Conn, line []byte, readErr error) *gemini.Response {
	switch {
	case errors.Is(readErr, gemini.ErrRequestTooLong):
		return gemini.TooLong
	case readErr != nil:
		return gemini.BadRequest
	}
	cost := 1
	if capsule.IsGeminiSearch(line) {
		cost = guard.SearchCost
	}
	if ok, wait := d.limiter.Load().AllowN(c.RemoteAddr(), time.Now(), cost); !ok {
		return gemini.NewResponse(gemini.StatusSlowDown, strconv.Itoa(guard.RetrySeconds(wait)), nil)
	}
	// Only the drafts (and the sources under them) look at the client's
	// certificate.
	site := d.capsuleFor(line)
	if capsule.MayNeedCertificate(line) {
		var cert *x509.Certificate
		if certs := c.ConnectionState().PeerCertificates; len(certs) > 0 {
			cert = certs[0]
		}
		if resp := d.geminiSource(line, cert); resp != nil {
			return resp
		}
		if cert != nil {
			return site.GeminiFor(line, cert)
		}
	}
	return site.Gemini(line)
}

// gopherServer is a Gopher server for the site c serves, whose menus name
// host and port.
func (d *Daemon) gopherServer(c *capsule.Capsule, port int, host string) *gopher.Server {
	return &gopher.Server{
		Handler:      gopher.HandlerFunc(func(w io.Writer, r *gopher.Request) { d.serveGopher(c, w, r) }),
		Host:         host,
		Port:         port,
		ReadTimeout:  d.cfg.ReadTimeout,
		WriteTimeout: d.cfg.WriteTimeout,
		MinWriteRate: d.cfg.MinWriteRate,
		ErrorLog:     d.log,
		// Requests the server answers itself are logged too.
		Refused: func(remote net.Addr, line string, err error, n int, took time.Duration) {
			status := "bad"
			if errors.Is(err, gopher.ErrRequestTooLong) {
				status = "toolong"
			}
			d.metrics.Gopher(status, n, took)
			if a := d.access.Load(); a != nil {
				a.request("gopher", remote, line, nil, status, n, took)
			}
		},
	}
}

// serveGopher answers a Gopher request for the site c serves and logs it.
// A client over its rate gets an error menu telling it to slow down. A
// search costs guard.SearchCost requests.
func (d *Daemon) serveGopher(c *capsule.Capsule, w io.Writer, r *gopher.Request) {
	start := time.Now()
	var b []byte
	var status string
	cost := 1
	if capsule.IsGopherSearch(r) {
		cost = guard.SearchCost
	}
	if ok, _ := d.limiter.Load().AllowN(r.RemoteAddr, start, cost); !ok {
		b, status = c.Store().GopherSlowDown(), "slowdown"
	} else {
		b, status = c.Gopher(r)
	}
	// w moves the write deadline by the size written (gopher.Server's
	// MinWriteRate); an answer cut short is logged "cut".
	n, err := w.Write(b)
	if err != nil || n < len(b) {
		status = "cut"
	}
	took := time.Since(start)
	d.metrics.Gopher(status, n, took)
	if a := d.access.Load(); a != nil {
		target := r.Selector
		if r.Search != "" {
			target += "\t" + r.Search
		}
		a.request("gopher", r.RemoteAddr, target, nil, status, n, took)
	}
}

// Capsule returns the main site's Capsule.
func (d *Daemon) Capsule() *capsule.Capsule { return d.main().capsule }

// GeminiAddr and GopherAddr are the addresses listened on.
func (d *Daemon) GeminiAddr() net.Addr { return d.geminiLn.Addr() }
func (d *Daemon) GopherAddr() net.Addr { return d.main().gopherLn.Addr() }

// GopherAddrOf is the Gopher address of the site named host (the main
// site's for a host of no site).
func (d *Daemon) GopherAddrOf(host string) net.Addr { return d.siteNamed(host).gopherLn.Addr() }

// Fingerprint is the SHA-256 fingerprint of the main site's certificate.
func (d *Daemon) Fingerprint() string { return tlscert.Fingerprint(d.main().cert.Load()) }

// Err receives an error if a server stops on its own.
func (d *Daemon) Err() <-chan error { return d.errc }

// errStopped is a reload asked for after Shutdown.
var errStopped = errors.New("stopping: reload abandoned")

// FlushAccessLog writes the access lines not written yet (they are
// written a second at a time): before a line that says the daemon
// stops, so that the requests answered before it come before it.
func (d *Daemon) FlushAccessLog() {
	if a := d.access.Load(); a != nil {
		a.flush()
	}
}

// Shutdown stops accepting connections, lets every accepted connection
// finish until ctx ends, then closes what is left and writes out the access
// log.
func (d *Daemon) Shutdown(ctx context.Context) error {
	d.stop()
	d.committing.Lock()
	d.stopped = true
	d.publish.stop()
	d.release.stop()
	d.committing.Unlock()
	if d.agent != nil {
		// Behind HAProxy: it is told to send new connections to the
		// other replicas, and given the time to hear it.
		d.agent.Drain()
		if d.cfg.DrainTime > 0 {
			d.log.Printf("stopping: the load balancer is told to drain; serving %v more", d.cfg.DrainTime)
			select {
			case <-time.After(d.cfg.DrainTime):
			case <-ctx.Done():
			}
		}
		defer d.agent.Close()
	}
	// Every connection the kernel has accepted is taken and answered:
	// closing the listeners at once would reset those still queued.
	listeners := []*guard.Listener{d.geminiLn}
	for _, s := range d.sites {
		listeners = append(listeners, s.gopherLn)
	}
	for _, l := range listeners {
		l.Close()
	}
	for _, l := range listeners {
		select {
		case <-l.Accepted():
		case <-ctx.Done():
		}
	}
	d.gemini.Shutdown()
	// Connections that have sent no request within stopIdleAge are
	// closed, on both protocols: nothing is lost, and the stop does not
	// wait out their read deadline. Those mid-answer finish.
	idleDone := make(chan struct{})
	go func() {
		tick := time.NewTicker(stopIdleAge / 10)
		defer tick.Stop()
		for {
			for _, l := range listeners {
				l.CloseIdle(stopIdleAge)
			}
			select {
			case <-tick.C:
			case <-idleDone:
				return
			}
		}
	}()
	// The listeners count every connection from Accept on, so none that
	// was accepted is missed; what is open when ctx ends is counted
	// before the servers close it.
	var errs []error
	for _, l := range listeners {
		errs = append(errs, l.Wait(ctx))
	}
	open := 0
	for _, l := range listeners {
		open += l.Open()
	}
	for _, s := range d.sites {
		errs = append(errs, s.gopher.Shutdown(ctx))
	}
	err := errors.Join(errs...)
	close(idleDone)
	if err != nil {
		for _, l := range listeners {
			l.CloseAll()
		}
		err = &cutError{open: open, err: err}
	}
	d.flushCaches()
	d.wg.Wait()
	d.access.Swap(nil).Close() // nil after a first Shutdown
	if d.metricsSrv != nil {
		d.metricsSrv.Close() // last: a scrape during the stop sees it
	}
	return err
}

// cutError is a Shutdown whose time ran out with connections still open:
// said in an operator's words, with how many were cut.
type cutError struct {
	open int
	err  error // ctx's, among others
}

func (e *cutError) Error() string {
	if e.open == 1 {
		return "1 connection still open when the time to stop was up: closed, its answer cut short"
	}
	return fmt.Sprintf("%s still open when the time to stop was up: closed, their answers cut short", count(e.open, "connection"))
}

func (e *cutError) Unwrap() error { return e.err }

// stopIdleAge is how long, at a stop, a connection may have sent no
// request before it is closed: its TLS handshake and request on the way,
// from a slow link (a satellite's round trip is 0.6 s), are answered.
const stopIdleAge = time.Second

func port(a net.Addr) int {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.Port
	}
	return 0
}

// A ConfigError is a reload refused for its configuration: nothing was
// loaded, and the previous configuration and posts serve on.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// trustedProxies are cfg's trusted proxies, checked by config.Config.Check.
func trustedProxies(cfg config.Config) []netip.Prefix {
	trusted, _ := guard.ParseTrusted(cfg.ProxyTrusted)
	return trusted
}
