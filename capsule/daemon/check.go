package daemon

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	"capsule/capsule"
	"capsule/capsule/buildcache"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/tlscert"
)

// Summary is what a build found: for -check and for logs.
type Summary struct {
	Posts, Pages, Tags, Files int
	Languages                 []capsule.LanguageCount // a multilingual site's, each with its posts
	Drafts                    int                     // drafts and expired posts: the author's, at /drafts/
	Redirects                 int                     // old addresses of posts
	OldAddresses              []capsule.Redirect      // those addresses, by address
	Scheduled                 []capsule.ScheduledPost // posts waiting for their date, soonest first
	Warnings                  []*content.FileError
	Problems                  content.ErrorList // what a start would leave out: Check's error
	BuildTime                 time.Duration     // loading and building
	Held                      int64             // bytes of responses the capsule would hold (Store.Held)
	// Cache is the site's build cache file, "" when the cache is off;
	// CacheSize its size, 0 when there is none yet; CacheErr why the
	// next start would not use it (corrupt, another capsule's or other
	// settings'), nil if it would.
	Cache     string
	CacheSize int64
	CacheErr  error
	// Certificate is the certificate file Start would serve;
	// Fingerprint its SHA-256 fingerprint, empty when a first start would
	// create it.
	Certificate, Fingerprint string
	// Sites are the other sites' summaries ([[site]]); for them, Hostname
	// and Folder say which.
	Sites            []*Summary
	Hostname, Folder string
	// Layout says what the posts folder was taken for, and why
	// (content.Content.Layout).
	Layout string
	// Listens are the addresses a start would listen on, each bound and
	// released (the main site's Summary only).
	Listens []Listen
	// Routes are every address the site would answer (capsuled -routes).
	Routes []capsule.Route
	// Titan says whether the site takes uploads, and from whom
	// (TitanStatus).
	Titan string
	// NoAuthor is set when the site has drafts or posts waiting for their
	// date and no author certificate that may read them (NoAuthorNote).
	NoAuthor bool
}

// Check loads and builds everything cfg names, as Start would, without
// binding or serving anything. What makes a start impossible (the
// configuration, a folder, a certificate) is its error, with no Summary;
// the posts' problems of a site whose certificate stops it are in that
// error too. What a start would leave out is its error too, beside the
// Summary: the main site's as an ErrorList, another site's in a
// SiteError, all at once, joined.
func Check(cfg config.Config) (*Summary, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	defer PaceStart()() // as a start: see buildgc.go
	start := time.Now()
	// Every site, each as Start would build it, so that every problem
	// comes at once: the main site's as they are, the others' each in a
	// SiteError.
	// Each site's problems in the sites' order: what stops a start (a
	// folder, a certificate) or what a start would leave out (a start
	// serves the rest; -check fails on it, so that CI catches it).
	listens, problems := checkListen(cfg) // an address no start can take stops a start
	fatal := len(problems) > 0
	sum := &Summary{}
	for i, sc := range cfg.SiteConfigs() {
		s, err := checkSite(sc, cacheFile(cfg.CacheDir(), sc.Hostname))
		if s != nil && len(s.Problems) > 0 {
			// Beside a certificate's problem too: every problem at once.
			problems = append(problems, siteProblem(i, sc, s.Problems))
		}
		if err != nil {
			problems = append(problems, siteProblem(i, sc, err))
			fatal = true
			continue
		}
		if i == 0 {
			sum = s
		} else {
			sum.Sites = append(sum.Sites, s)
			sum.Warnings = append(sum.Warnings, s.Warnings...)
			sum.Held += s.Held
		}
	}
	if fatal {
		return nil, joinProblems(problems)
	}
	sum.Listens = listens
	sum.BuildTime = time.Since(start)
	return sum, joinProblems(problems)
}

// checkSite checks one site, and its build cache file cache ("" for
// none). A problem with its certificate is its error, beside the Summary
// of its build: the posts' problems are told with it.
func checkSite(cfg config.Config, cache string) (*Summary, error) {
	loaded, err := content.Load(cfg.Posts, cfg.LoadOptions())
	if err != nil {
		return nil, err
	}
	certFile, fingerprint, certErr := checkCertificate(cfg)
	site := siteFor(cfg, loaded.Meta, addrPort(cfg.GeminiAddr), addrPort(cfg.GopherAddr))
	st, err := capsule.Build(context.Background(), site, loaded, capsule.BuildOptions{PostBudget: cfg.PostBudget})
	if err != nil {
		return nil, cmp.Or(certErr, err)
	}
	cacheSize, cacheErr := checkCache(cache, cfg.Posts, site, loaded)
	return &Summary{Cache: cache, CacheSize: cacheSize, CacheErr: cacheErr, Hostname: cfg.Hostname, Folder: cfg.Posts, Layout: loaded.Layout, Posts: st.Posts, Languages: st.Languages, Pages: len(loaded.Pages), Tags: st.Tags, Files: len(loaded.Files),
		Drafts: len(loaded.Drafts) + len(loaded.Expired), Routes: st.Routes(),
		Redirects: st.Redirects, OldAddresses: st.OldAddresses, Scheduled: st.Scheduled, Warnings: st.Warnings, Problems: st.Problems, Held: st.Held, Certificate: certFile, Fingerprint: fingerprint, Titan: TitanStatus(cfg),
		NoAuthor: noAuthor(cfg, st)}, certErr
}

// checkCache reads the build cache file path (if any) as a start would
// for the posts folder, the site and the posts loaded: its size (0 when
// there is none yet) and why the start would ignore it, nil if it would
// not. (With the site's ports as configured: a start on ports of the
// system's choice renders every post, and says so.)
func checkCache(path, folder string, site *capsule.Site, loaded *content.Content) (int64, error) {
	if path == "" {
		return 0, nil
	}
	file, size, err := capsule.OpenCache(path, folder)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err == nil {
		_, err = file.Store(site, loaded)
	}
	return max(size, buildcache.Size(path)), err
}

// checkCertificate says whether Start would have a certificate: the
// operator's files load, or the generated one does, or this is a first
// start and one can be created in the certificates folder. It returns the
// certificate's file and fingerprint (none yet on a first start).
func checkCertificate(cfg config.Config) (file, fingerprint string, err error) {
	if cfg.CertFile != "" {
		cert, err := tlscert.Load(cfg.CertFile, cfg.KeyFile)
		return cfg.CertFile, tlscert.Fingerprint(&cert), err
	}
	file, _ = tlscert.Paths(cfg.Certs, cfg.Hostname)
	cert, err := tlscert.LoadGenerated(cfg.Certs, cfg.Hostname)
	if errors.Is(err, tlscert.ErrMissing) {
		return file, "", mayCreateCertificate(cfg)
	}
	if err != nil {
		return file, "", fmt.Errorf("certificate: %w", err)
	}
	return file, tlscert.Fingerprint(&cert), nil
}

// addrPort is the port of a listen address, 0 if it has none.
func addrPort(addr string) int {
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(p)
	return n
}
