package capsule

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"time"

	"capsule/gopher"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/guard"
	"capsule/capsule/tlscert"
)

// Several sites in one daemon. The main site is the Daemon's own; each
// [[site]] of the configuration is a hostedSite beside it, with its own
// posts, Store, certificate and Gopher listener. Gemini has one listener
// for all: the TLS handshake's SNI chooses the certificate, and the host
// a request names chooses the site (a request naming no site of the
// daemon gets the main site's 53). Gopher requests name no host, so each
// site has a listener of its own. The rate limiter is shared: a client is
// limited across sites. A reload rebuilds every site (each renders only
// what changed), each on its own: a broken post keeps its site's content
// and stops no other.

// hostedSite is a site served beside the main one.
type hostedSite struct {
	cfg      config.Config // the daemon's, with the site's own keys (config.Config.SiteConfigs)
	capsule  *Capsule
	cert     atomic.Pointer[tls.Certificate]
	loaded   *content.Content // for the next reload's LoadOptions.Previous
	gopherLn *guard.Listener
	gopher   *gopher.Server
}

// startSites loads, certifies, listens for and builds every site of cfg
// beside the main one. On failure, what was opened is closed.
func (d *Daemon) startSites(ctx context.Context, cfg config.Config) error {
	for _, sc := range cfg.SiteConfigs()[1:] {
		h, err := d.startSite(ctx, sc)
		if err != nil {
			d.closeSites()
			return fmt.Errorf("site %s: %w", sc.Hostname, err)
		}
		d.sites = append(d.sites, h)
	}
	return nil
}

func (d *Daemon) startSite(ctx context.Context, cfg config.Config) (*hostedSite, error) {
	h := &hostedSite{cfg: cfg}
	loaded, err := content.Load(cfg.Posts, cfg.LoadOptions())
	if err != nil {
		return nil, err
	}
	cert, err := startCertificate(cfg, d.log)
	if err != nil {
		return nil, err
	}
	h.cert.Store(cert)
	ln := cfg.GopherListener
	if ln == nil {
		if ln, err = net.Listen("tcp", cfg.GopherAddr); err != nil {
			return nil, fmt.Errorf("gopher: %w", err)
		}
	}
	h.gopherLn = d.guardListener(cfg, ln, cfg.GopherProxy)
	st, err := Build(ctx, siteFor(cfg, loaded.Meta, port(d.geminiLn.Addr()), port(ln.Addr())), loaded, d.buildOptions(cfg))
	if err != nil {
		ln.Close()
		return nil, err
	}
	d.logWarnings(st)
	loaded.Forget()
	h.loaded, h.capsule = loaded, New(st)
	return h, nil
}

// closeSites closes the Gopher listeners of sites started, before any
// served.
func (d *Daemon) closeSites() {
	for _, h := range d.sites {
		h.gopherLn.Listener.Close()
	}
	d.sites = nil
}

// serveSites starts each site's Gopher server.
func (d *Daemon) serveSites() {
	for _, h := range d.sites {
		h.gopher = d.gopherServer(h.capsule, h.capsule.Store().Site.GopherPort, h.cfg.Hostname)
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			if err := h.gopher.Serve(h.gopherLn); !errors.Is(err, gopher.ErrServerClosed) {
				d.errc <- fmt.Errorf("gopher (%s): %w", h.cfg.Hostname, err)
			}
		}()
		st := h.capsule.Store()
		d.log.Printf("gemini: serving %s on %s (certificate SHA-256 %s)", st.Site.GeminiURL("/"), d.geminiLn.Addr(), tlscert.Fingerprint(h.cert.Load()))
		d.log.Printf("gopher: serving %s on %s", st.Site.GopherURL(gopher.TypeMenu, "/"), h.gopherLn.Addr())
		d.log.Printf("built %d posts of %s in %v, holding %s of responses", st.Posts, h.cfg.Hostname, st.BuildTime.Round(10*time.Microsecond), FormatBytes(st.Held))
	}
}

// siteFor returns the hosted site whose host name is host (compared
// without case or a trailing dot), or nil.
func (d *Daemon) hostedSiteFor(host string) *hostedSite {
	host = strings.TrimSuffix(host, ".")
	for _, h := range d.sites {
		if strings.EqualFold(host, h.cfg.Hostname) {
			return h
		}
	}
	return nil
}

// capsuleFor is the Capsule that answers a Gemini request line: the site
// it names, or the main one (which answers 53 to a host it does not
// serve).
func (d *Daemon) capsuleFor(line []byte) *Capsule {
	if len(d.sites) == 0 {
		return d.capsule
	}
	var scratch [gemini.MaxRequest]byte
	host := ""
	if r, ok := gemini.ParsePlain(line, scratch[:]); ok {
		host = string(r.Host)
	} else if r, refused := gemini.ParseRequest(line); refused == nil {
		host = r.Host
	}
	if h := d.hostedSiteFor(host); h != nil {
		return h.capsule
	}
	return d.capsule
}

// certificateFor is the certificate for a TLS handshake that asked for
// server name name: the site's of that name, else the main site's.
func (d *Daemon) certificateFor(name string) *tls.Certificate {
	if h := d.hostedSiteFor(name); h != nil {
		return h.cert.Load()
	}
	return d.cert.Load()
}

// reloadSites rebuilds each hosted site as cfg now says, each on its own:
// it returns the problems of those that failed, which keep serving what
// they served. Sites added to or taken from the configuration take a
// restart.
func (d *Daemon) reloadSites(ctx context.Context, cfg config.Config) []error {
	var errs []error
	configs := cfg.SiteConfigs()[1:]
	if len(configs) != len(d.sites) {
		d.log.Printf("reload: sites added or removed are served from the next restart")
	}
	for _, sc := range configs {
		h := d.hostedSiteFor(sc.Hostname)
		if h == nil {
			continue
		}
		if err := d.reloadSite(ctx, h, sc); err != nil {
			errs = append(errs, &SiteError{Host: sc.Hostname, Err: err})
		}
	}
	return errs
}

// SiteError is the failure of a site beside the main one ([[site]]) to
// load or reload; Err is an ErrorList for its posts' problems.
type SiteError struct {
	Host string
	Err  error
}

func (e *SiteError) Error() string { return "site " + e.Host + ": " + e.Err.Error() }
func (e *SiteError) Unwrap() error { return e.Err }

func (d *Daemon) reloadSite(ctx context.Context, h *hostedSite, cfg config.Config) error {
	start := time.Now()
	loaded, cert, st, err := d.rebuild(ctx, cfg, h.cfg, h.loaded, h.capsule.Store(), h.cert.Load(), port(h.gopherLn.Addr()))
	if err != nil {
		return err
	}
	d.committing.Lock()
	defer d.committing.Unlock()
	if d.stopped {
		return errStopped
	}
	d.logWarnings(st)
	loaded.Forget()
	h.cert.Store(cert)
	h.capsule.Swap(st)
	h.cfg, h.loaded = cfg, loaded
	d.log.Printf("reloaded %s: %d posts in %v, %d rendered anew, holding %s of responses", cfg.Hostname, st.Posts, time.Since(start).Round(10*time.Microsecond), st.Rendered, FormatBytes(st.Held))
	return nil
}
