package daemon

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/guard"
	"capsule/capsule/metrics"
	"capsule/capsule/tlscert"
	"capsule/gopher"
)

// The sites of a daemon. The main site (the configuration's top-level
// keys) and each [[site]] are a servedSite, with its own posts, Store,
// certificate and Gopher listener; the main one is first. Gemini has one
// listener for all: the TLS handshake's SNI chooses the certificate, and
// the host a request names chooses the site (a request naming no site of
// the daemon gets the main site's 53). Gopher requests name no host, so
// each site has a listener of its own. The rate limiter is shared: a
// client is limited across sites. A reload rebuilds every site (each
// renders only what changed), each on its own: a broken post keeps its
// site's content and stops no other.

// servedSite is one site of the daemon.
type servedSite struct {
	cfg config.Config // the daemon's, with the site's own keys (config.Config.SiteConfigs)
	// hostname is cfg's, which no reload changes (sites are found by
	// it): requests read it while a reload writes cfg.
	hostname string
	capsule  *capsule.Capsule
	cert     atomic.Pointer[tls.Certificate]
	loaded   *content.Content // for the next reload's LoadOptions.Previous
	gopherLn *guard.Listener
	gopher   *gopher.Server
	cache    siteCache // its build cache (cache.go)
	// scratch is what its reloads' Loads make their records of every
	// file in, dropped when the daemon returns their garbage
	// (memoryRelease): see content.Scratch.
	scratch content.Scratch
	// stateMu guards cfg and loaded for those who read them outside a
	// reload (uploads); a reload, which alone writes them, reads them
	// without it.
	stateMu sync.RWMutex
}

// state is s's configuration and content as of its last reload.
func (s *servedSite) state() (config.Config, *content.Content) {
	s.stateMu.RLock()
	defer s.stateMu.RUnlock()
	return s.cfg, s.loaded
}

// main is the main site.
func (d *Daemon) main() *servedSite { return d.sites[0] }

// openSite listens on the site's Gopher address (or takes systemd's
// socket) and builds its Store; on failure the listener is closed.
func (d *Daemon) openSite(ctx context.Context, s *servedSite) error {
	ln := s.cfg.GopherListener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", s.cfg.GopherAddr); err != nil {
			return fmt.Errorf("gopher: %w", err)
		}
	}
	s.gopherLn = d.guardListener(s.cfg, ln, s.cfg.GopherProxy, metrics.Gopher)
	site := siteFor(s.cfg, s.loaded.Meta, port(d.geminiLn.Addr()), port(ln.Addr()))
	bo := d.buildOptions(s.cfg)
	bo.Previous = d.readCache(s, site) // what an earlier process rendered
	if bo.Previous == nil && s.loaded.KeepsLastGood() {
		// The last good versions of broken posts the cache kept are
		// served from its renders alone, which it cannot give (the
		// site's settings changed): loaded again without them, those
		// posts are left out, each named for what is wrong with it.
		opts := s.cfg.LoadOptions()
		if loaded, err := content.Load(s.cfg.Posts, opts); err == nil {
			s.loaded = loaded
			site = siteFor(s.cfg, s.loaded.Meta, port(d.geminiLn.Addr()), port(ln.Addr()))
		}
	}
	st, err := capsule.Build(ctx, site, s.loaded, bo)
	if err != nil {
		ln.Close()
		s.gopherLn = nil
		return err
	}
	s.loaded.Forget() // the responses are held, not the Markdown
	s.capsule = capsule.New(st)
	d.writeCache(s, st, s.cfg.Posts)
	return nil
}

// serveSites starts each site's Gopher server and says where each site
// is served.
func (d *Daemon) serveSites() {
	for i, s := range d.sites {
		s.gopher = d.gopherServer(s.capsule, s.capsule.Store().Site.GopherPort, s.cfg.Hostname)
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			if err := s.gopher.Serve(s.gopherLn); !errors.Is(err, gopher.ErrServerClosed) {
				d.errc <- fmt.Errorf("gopher (%s): %w", s.cfg.Hostname, err)
			}
		}()
		st := s.capsule.Store()
		d.log.Printf("gemini: serving %s on %s (certificate SHA-256 %s)", st.Site.GeminiURL("/"), d.geminiLn.Addr(), tlscert.Fingerprint(s.cert.Load()))
		d.log.Printf("gopher: serving %s on %s", st.Site.GopherURL(gopher.TypeMenu, "/"), s.gopherLn.Addr())
		if s.cfg.Titan {
			d.log.Printf("titan: uploads to %s %s", st.Site.GeminiURL("/"), TitanStatus(s.cfg))
			if err := postsWritable(s.cfg.Posts); err != nil {
				d.log.Printf("titan: cannot write in %s (%v): uploads answer 40 until it can be (under systemd, contrib/README.md, \"Uploads from a Gemini client\")", s.cfg.Posts, err)
			}
		}
		d.logBuild(s.cfg, st, nil)
		of := ""
		if i > 0 {
			of = " of " + s.cfg.Hostname
		}
		d.log.Printf("built %s%s in %v%s, holding %s of responses; %s", count(st.Posts, "post"), of, st.BuildTime.Round(10*time.Microsecond), leftOut(st), capsule.FormatBytes(st.Held), s.cache.startNote(st))
		if noAuthor(s.cfg, st) {
			d.log.Printf("drafts%s: %s", of, NoAuthorNote)
		}
	}
}

// NoAuthorNote is what the start log and -check say of a site with drafts
// or scheduled posts and no author certificate: every client is refused
// them (61), its author's too, and nothing else would tell why.
const NoAuthorNote = "no author certificate is set, so no one can read the drafts and scheduled posts at /drafts/ before they are published (-author-certificate, or certificates in [authors]; capsuled -fingerprint FILE prints one)"

// noAuthor reports whether st has drafts, expired or scheduled posts for
// its authors and cfg names none.
func noAuthor(cfg config.Config, st *capsule.Store) bool {
	return len(cfg.AuthorCertificates) == 0 && (st.Drafts > 0 || len(st.Scheduled) > 0)
}

// siteNamed returns the site whose host name is host (compared without
// case or a trailing dot), or the main site.
func (d *Daemon) siteNamed(host string) *servedSite {
	host = strings.TrimSuffix(host, ".")
	for _, s := range d.sites[1:] {
		if strings.EqualFold(host, s.hostname) {
			return s
		}
	}
	return d.main()
}

// capsuleFor is the Capsule that answers a Gemini request line: the site
// it names, or the main one (which answers 53 to a host it does not
// serve).
func (d *Daemon) capsuleFor(line []byte) *capsule.Capsule {
	if len(d.sites) == 1 {
		return d.main().capsule
	}
	var scratch [gemini.MaxRequest]byte
	host := ""
	if r, ok := gemini.ParsePlain(line, scratch[:]); ok {
		host = string(r.Host)
	} else if r, refused := gemini.ParseRequest(line); refused == nil {
		host = r.Host
	}
	return d.siteNamed(host).capsule
}

// certificateFor is the certificate for a TLS handshake that asked for
// server name name: the site's of that name, else the main site's.
func (d *Daemon) certificateFor(name string) *tls.Certificate {
	return d.siteNamed(name).cert.Load()
}

// reloadSites rebuilds every site as cfg now says, each on its own: the
// main one, then the others, found by host name. It returns the problems
// of those that failed, which keep serving what they served, a
// SiteError for each site but the main one, whether the main one
// reloaded, and whether every site reloaded keeping its Store (nothing
// changed). Sites added to or taken from the configuration take a
// restart.
func (d *Daemon) reloadSites(ctx context.Context, cfg config.Config) (errs []error, mainReloaded, kept bool) {
	kept = true
	configs := cfg.SiteConfigs()
	if len(configs) != len(d.sites) {
		d.log.Printf("reload: sites added or removed are served from the next restart")
	}
	for i, sc := range configs {
		s := d.main()
		if i > 0 {
			if s = d.siteNamed(sc.Hostname); s == d.main() {
				continue // a new site
			}
		}
		same, err := d.reloadSite(ctx, s, sc)
		kept = kept && same && err == nil
		switch {
		case i == 0 && err != nil:
			errs = append(errs, err)
		case i == 0:
			mainReloaded = true
		case err != nil:
			errs = append(errs, siteProblem(i, sc, err))
		}
	}
	return errs, mainReloaded, kept
}

// SiteError is the failure of a site beside the main one ([[site]]) to
// load or reload; Err is an ErrorList for its posts' problems.
type SiteError struct {
	Host   string
	Folder string // its posts folder
	Err    error
}

// siteProblem is err, a problem of the i-th site (cfg): as it is for the
// main site, in a SiteError for the others.
func siteProblem(i int, cfg config.Config, err error) error {
	if i == 0 {
		return err
	}
	return &SiteError{Host: cfg.Hostname, Folder: cfg.Posts, Err: err}
}

// joinProblems is the problems of every site, nil if none: one as it is,
// several joined.
func joinProblems(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...) // nil for none
}

func (e *SiteError) Error() string { return "site " + e.Host + ": " + e.Err.Error() }
func (e *SiteError) Unwrap() error { return e.Err }

// reloadSite loads s's posts as cfg says (taking from the last load what
// has not changed since), checks the certificate against the one served,
// builds a Store beside the one served and swaps it in; kept says the
// build found nothing changed and kept the Store served. When anything
// fails, s is left as it was.
func (d *Daemon) reloadSite(ctx context.Context, s *servedSite, cfg config.Config) (kept bool, err error) {
	start := time.Now()
	opts := cfg.LoadOptions()
	if cfg.Posts == s.cfg.Posts {
		opts.Previous = s.loaded
	}
	opts.Scratch = &s.scratch
	loaded, err := content.Load(cfg.Posts, opts)
	if err != nil {
		return false, err
	}
	served := s.capsule.Store()
	if had := served.Posts; had > 0 && loaded.Empty() {
		return false, fmt.Errorf("%s has no posts now (it had %d): not reloading, in case it is unmounted or half copied. To empty the blog on purpose, restart capsuled", cfg.Posts, had)
	}
	cert, err := reloadCertificate(cfg, s.cfg, s.cert.Load())
	if err != nil {
		return false, err
	}
	bo := d.buildOptions(cfg)
	bo.Previous = served
	// Nothing changed (content and site the same): served is kept.
	bo.PreviousContent = opts.Previous
	site := siteFor(cfg, loaded.Meta, port(d.geminiLn.Addr()), port(s.gopherLn.Addr()))
	restore := func() {}
	if texts, ok := served.Rewraps(site, loaded); ok {
		restore = paceRewrap(texts) // while it builds: see buildgc.go
	}
	st, err := capsule.Build(ctx, site, loaded, bo)
	restore()
	if err != nil {
		return false, err
	}
	d.committing.Lock()
	defer d.committing.Unlock()
	if d.stopped {
		return false, errStopped
	}
	d.logBuild(cfg, st, served)
	name := ""
	if s != d.main() {
		name = " " + cfg.Hostname
	}
	d.logPosts("published"+name, published(served, loaded), "", false)
	d.logPosts("scheduled"+name, newlyScheduled(served, st), " (capsuled -check lists them)", true)
	loaded.Forget()
	s.cert.Store(cert)
	s.capsule.Swap(st)
	s.stateMu.Lock()
	s.cfg, s.loaded = cfg, loaded
	s.stateMu.Unlock()
	d.writeCache(s, st, cfg.Posts)
	retitled := ""
	if st.Retitled > 0 {
		retitled = fmt.Sprintf(" (%d more retitled)", st.Retitled)
	}
	if st.Rewrapped > 0 {
		retitled += fmt.Sprintf(" (%d Gopher texts rewrapped)", st.Rewrapped) // of posts and pages, as "rendered anew" counts them
	}
	d.log.Printf("reloaded%s: %s in %v, %d rendered anew%s%s, holding %s of responses (certificate SHA-256 %s)", name, count(st.Posts, "post"), time.Since(start).Round(10*time.Microsecond), st.Rendered, retitled, leftOut(st), capsule.FormatBytes(st.Held), tlscert.Fingerprint(cert))
	return st.Kept, nil
}

// dropScratch lets go of every site's content.Scratch.
func (d *Daemon) dropScratch() {
	for _, s := range d.sites {
		s.scratch.Release()
	}
}

// logPosts logs a line "what: <title> (<file>)" for each of posts, the
// time it publishes before the title when at, the first
// maxScheduledLines of them, then one counting the rest, with more after
// the count. A title and a file's name are written as warnings write
// them (content.Printable): a newline in a file's name forged a line.
func (d *Daemon) logPosts(what string, posts []capsule.ScheduledPost, more string, at bool) {
	for i, p := range posts {
		if i == maxScheduledLines {
			d.log.Printf("%s: and %d more%s", what, len(posts)-i, more)
			return
		}
		when := ""
		if at {
			when = p.At.Format(time.RFC3339) + " "
		}
		d.log.Printf("%s: %s%s (%s)", what, when, content.Printable(p.Title), content.Printable(p.File))
	}
}

// maxScheduledLines is how many posts newly scheduled, and how many
// published, a reload names (a git pull of a month of posts written
// ahead names the first ones; so does a reload after a long stop, which
// publishes all whose time came meanwhile).
const maxScheduledLines = 20

// newlyScheduled are the posts st waits to publish that served did not,
// or not at that time: those an author just saved with a date ahead,
// which appear on no page and which the reload's count of posts leaves
// out, and those whose date moved.
func newlyScheduled(served, st *capsule.Store) []capsule.ScheduledPost {
	if len(st.Scheduled) == 0 {
		return nil
	}
	type key struct {
		file string
		at   int64
	}
	had := make(map[key]bool, len(served.Scheduled))
	for _, w := range served.Scheduled {
		had[key{w.File, w.At.UnixNano()}] = true
	}
	var out []capsule.ScheduledPost
	for _, w := range st.Scheduled {
		if !had[key{w.File, w.At.UnixNano()}] {
			out = append(out, w)
		}
	}
	return out
}

// published are the posts that were waiting for their time in served and
// are published in loaded: a reload at a post's time says which it
// published, not only how many it rendered.
func published(served *capsule.Store, loaded *content.Content) []capsule.ScheduledPost {
	if len(served.Scheduled) == 0 {
		return nil
	}
	// A set, not a scan per waiting post: 2,000 posts scheduled beside
	// 2,000 published would cost 4,000,000 comparisons a reload.
	posts := make(map[string]bool, len(loaded.Posts))
	for _, p := range loaded.Posts {
		posts[p.File] = true
	}
	var out []capsule.ScheduledPost
	for _, w := range served.Scheduled {
		if posts[w.File] {
			out = append(out, w)
		}
	}
	return out
}
