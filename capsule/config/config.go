// Package config is capsuled's configuration: the defaults, the TOML file
// (every problem reported with its line), and the checks that run before
// anything is bound.
package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"math"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"capsule/capsule/content"
	"capsule/capsule/guard"
	"capsule/capsule/messages"

	"github.com/BurntSushi/toml"
)

// Config is everything a Daemon needs. NewConfig gives the defaults; a
// config file (ReadConfigFile) and flags change them.
type Config struct {
	Posts string // posts folder
	Certs string // folder of generated certificates
	// Cache is the folder of the build cache (see CacheDir): "" for the
	// default, "false" for none.
	Cache    string
	Hostname string // the name readers use

	// Title, Description and Lang override the site file's when not empty.
	Title, Description, Lang string
	// Timezone names the zone of dates written without one ("UTC",
	// "Asia/Tokyo"); Location is set from it by Check. Empty leaves it to
	// the blog's generator's configuration (Hugo's timeZone, Jekyll's
	// timezone), else UTC: Location is then nil.
	Timezone string
	Location *time.Location

	GeminiAddr string // listen address
	GopherAddr string // listen address
	GopherPort int    // port written into gopher menus; 0 means the listen port
	// GeminiPort is the port readers connect to (behind a forwarded port):
	// written into gemini:// URLs, and the only one a request may name.
	// 0 means the listen port.
	GeminiPort int

	// GeminiListener and GopherListener, when set (socket activation), are
	// served instead of listening on GeminiAddr and GopherAddr.
	GeminiListener, GopherListener net.Listener

	CertFile, KeyFile string // operator-supplied certificate; both or neither

	// TLSPostQuantum offers the hybrid post-quantum key exchange
	// (X25519MLKEM768), Go's default, before X25519 and P-256. Turning it
	// off makes handshakes cheaper, at the cost of protection against a
	// future quantum computer recording today's traffic.
	TLSPostQuantum bool

	GopherWidth int // gopher text width in display cells

	// FeedContent puts the newest posts whole into the Atom feeds.
	FeedContent bool

	// AuthorCertificates are the SHA-256 fingerprints of the client
	// certificates that may read the drafts on Gemini (/drafts/).
	AuthorCertificates []string
	// Titan lets those certificates upload posts and the files beside
	// them from a Gemini client, over Titan on the Gemini port (see
	// package upload); off by default.
	Titan bool
	// TitanHistory is how many versions of each file an upload replaced
	// or deleted are kept, in HistoryDir.
	TitanHistory int

	// Messages replace texts of the interface, by their names in package
	// messages ([messages] in the file: tags = "Labels").
	Messages map[string]string

	// Favicon is served as /favicon.txt (Gemini's favicon convention: one
	// emoji); empty means the site file's, if any.
	Favicon string
	// MaxFileSize and MaxFilesTotal cap the files beside the posts, which
	// are held in memory, in bytes.
	MaxFileSize, MaxFilesTotal int64
	// MaxPostSize caps one post's Markdown file, in bytes.
	MaxPostSize int64

	// PostBudget is how long one post may take to render before the
	// build fails naming it (capsule.BuildOptions).
	PostBudget time.Duration

	// Sites are the sites served beside the main one ([[site]] in the
	// file): one daemon, one Gemini listener that tells them apart by
	// the host a request names (and the TLS handshake's SNI), and a
	// Gopher listener each, since Gopher requests name no host.
	Sites []SiteConfig

	// ProxyAgent, when set, is the address at which HAProxy's agent-check
	// asks whether to send this replica connections (package agent).
	ProxyAgent string
	// AgentListener, when set (socket activation: the socket named
	// agent), is where the agent answers instead of ProxyAgent.
	AgentListener net.Listener
	// MetricsAddr, when set, is the address at which the metrics are
	// served for operators, in the Prometheus text format at /metrics
	// (package metrics); empty turns them off.
	MetricsAddr string
	// MetricsListener, when set (socket activation: the socket named
	// metrics), is where the metrics are served instead of MetricsAddr.
	MetricsListener net.Listener
	// DrainTime is how long a stop keeps serving after telling the load
	// balancer to drain, before it closes its listeners: more than the
	// agent-check interval.
	DrainTime time.Duration

	// MemoryLimit, in bytes, is the soft memory limit of the Go runtime
	// (debug.SetMemoryLimit, as GOMEMLIMIT): near it, the collector works
	// harder rather than let the heap grow. 0 leaves GOMEMLIMIT's, or
	// none. Set it under the service's MemoryMax.
	MemoryLimit int64

	// Exclude are .gitignore-style patterns of paths in the posts folder
	// that are neither posts nor files ("drafts-old/**", "*.psd"; see
	// content.CheckExclude). Every site's folder is matched against the
	// top-level list and its own. (A top-level key, not [posts] exclude:
	// posts is the folder's key, a string, and cannot also be a table.)
	Exclude []string

	// Layout says what the posts folder is: "hugo", "jekyll", "zola", "eleventy", "astro" or "flat"
	// (capsule's own); empty lets the folder's configuration tell
	// (content.LoadOptions.Layout).
	Layout string

	// Watch reloads by itself when anything under Posts, or the
	// configuration file, changes (package watch), as SIGHUP does.
	// (A top-level key, not [posts] watch: posts is the folder's key.)
	Watch bool

	ReadTimeout  time.Duration // request read deadline
	WriteTimeout time.Duration // response write deadline

	AccessLog bool // one line per request
	LogIPs    bool // client addresses in the access log

	// Limits, per protocol. A client is an IPv4 address or an IPv6 /64.
	MaxConns          int     // open connections in all; 0: no cap
	MaxConnsPerClient int     // open connections of one client; 0: no cap
	RateLimit         float64 // requests a second per client; 0: no limit
	RateBurst         int     // requests a client may make at once
	// Open connections from one IPv4 /24, IPv6 /56 and IPv6 /48 (0: no
	// cap): a holder of many addresses is capped too (see guard.Limits).
	MaxConnsPer24, MaxConnsPer56, MaxConnsPer48 int
	// MinWriteRate, in bytes a second, is the slowest a client may read:
	// a response of n bytes has WriteTimeout + n/MinWriteRate to be written.
	MinWriteRate int

	// GeminiProxy and GopherProxy read PROXY protocol headers (v1 or v2) on
	// that listener, from the addresses and networks in ProxyTrusted only.
	GeminiProxy, GopherProxy bool
	ProxyTrusted             []string

	Log *log.Logger // where the daemon logs; standard error by default
	// ListWarnings logs every warning of a build, rather than one line
	// per kind with how many there are and the first (capsuled -v).
	ListWarnings bool

	// secrets are every site's secret paths, when cfg is one site's
	// (SiteConfigs): its Sites are gone, the paths are not.
	secrets []content.Secret
	// origins are the configuration file's lines, for At.
	origins *origins
}

// secretPaths are the paths of every site's secrets, which no site ever
// serves, even when one lies in its posts folder: the certificates folder
// (which holds each site's generated certificate and key), and every
// site's operator-supplied certificate and key files.
func (cfg Config) secretPaths() []content.Secret {
	if cfg.secrets != nil {
		return cfg.secrets
	}
	out := []content.Secret{{Path: cfg.Certs, What: "the certificates folder (gemini.certs, -certs)"},
		{Path: cfg.CacheDir(), What: "the build cache (cache, -cache)"},
		{Path: cfg.HistoryDir(), What: "the history of uploads ([authors] titan)"},
		{Path: cfg.file(), What: "the configuration file (-config)"},
		{Path: cfg.CertFile, What: "the certificate file (gemini.cert, -cert)"},
		{Path: cfg.KeyFile, What: "the key file (gemini.key, -key)"}}
	for i, s := range cfg.Sites {
		out = append(out,
			content.Secret{Path: filepath.Join(cfg.Certs, s.Hostname), What: fmt.Sprintf("the certificates folder of site %d (%s)", i+1, s.Hostname)},
			content.Secret{Path: s.CertFile, What: fmt.Sprintf("the certificate file of site %d (%s)", i+1, s.Hostname)},
			content.Secret{Path: s.KeyFile, What: fmt.Sprintf("the key file of site %d (%s)", i+1, s.Hostname)})
	}
	return out
}

// SiteConfig is a site beside the main one: [[site]] in the file. What
// it does not set is its posts folder's _index.md's, not the main
// site's; limits, timeouts, logging and the Gemini listener are the
// daemon's.
type SiteConfig struct {
	Hostname    string // required: the name readers use, and its certificate's
	Posts       string // required
	Title       string
	Description string
	Lang        string
	Favicon     string
	GopherAddr  string // gopher_listen, required: an address or port of its own
	GopherPort  int    // gopher_port: the port in its menus (0: the listen port)
	CertFile    string // cert and key: an operator's certificate
	KeyFile     string
	// AuthorCertificates read its drafts; the main site's when empty.
	AuthorCertificates []string
	// Titan, when set, turns uploads on or off for this site; the main
	// site's setting when nil.
	Titan *bool
	// GopherListener, when set, is used instead of listening on
	// GopherAddr: systemd's socket named gopher-<hostname>.
	GopherListener net.Listener
	// Exclude are patterns of its own, beside the top-level ones.
	Exclude []string
	// Layout is its folder's layout; the top-level one's when empty.
	Layout string
}

// siteKeys are the keys of a [[site]] table.
var siteKeys = []string{"hostname", "posts", "title", "description", "lang", "favicon", "gopher_listen", "gopher_port", "cert", "key", "authors", "titan", "exclude", "layout"}

// SiteConfigs is the configuration of every site: the main one (cfg
// itself) first, then each of Sites as cfg with the site's own keys.
func (cfg Config) SiteConfigs() []Config {
	secrets := cfg.secretPaths()
	main := cfg
	main.secrets = secrets
	out := []Config{main}
	for _, s := range cfg.Sites {
		c := cfg
		c.Sites = nil
		c.Hostname, c.Posts = s.Hostname, s.Posts
		c.Title, c.Description, c.Lang, c.Favicon = s.Title, s.Description, s.Lang, s.Favicon
		c.GopherAddr, c.GopherPort = s.GopherAddr, s.GopherPort
		c.CertFile, c.KeyFile = s.CertFile, s.KeyFile
		// Generated certificates in a folder of the site's own, so that
		// the rule of the certificates folder holds for each site: a
		// folder that holds certificates but not this host's stops the
		// start, rather than a new certificate breaking readers' pins.
		c.Certs = filepath.Join(cfg.Certs, s.Hostname)
		c.GopherListener = s.GopherListener
		c.Messages = nil // [messages] are the main site's words, in its language
		if len(s.AuthorCertificates) > 0 {
			c.AuthorCertificates = s.AuthorCertificates
		}
		if s.Titan != nil {
			c.Titan = *s.Titan
		}
		c.Exclude = append(slices.Clip(cfg.Exclude), s.Exclude...)
		if s.Layout != "" {
			c.Layout = s.Layout
		}
		c.secrets = secrets // every site's, whichever site's posts they lie in
		out = append(out, c)
	}
	return out
}

// checkSites checks that the sites can be told apart: each has its host
// name and posts, a host name no other site has, and a Gopher address of
// its own.
func (cfg *Config) checkSites() []error {
	var errs []error
	hosts := []string{strings.ToLower(strings.TrimSuffix(cfg.Hostname, "."))}
	// Listen addresses that would take one socket: the second bind would
	// fail at start. (Sockets from systemd are the service manager's.)
	listens := []string{}
	if cfg.GeminiListener == nil {
		listens = append(listens, cfg.GeminiAddr)
	}
	if cfg.GopherListener == nil {
		if slices.ContainsFunc(listens, func(l string) bool { return listenOverlap(l, cfg.GopherAddr) }) {
			errs = append(errs, fmt.Errorf("gopher listens on %s, which the gemini listen address %s takes too", cfg.GopherAddr, cfg.GeminiAddr))
		}
		listens = append(listens, cfg.GopherAddr)
	}
	if cfg.MetricsAddr != "" && cfg.MetricsListener == nil {
		if i := slices.IndexFunc(listens, func(l string) bool { return listenOverlap(l, cfg.MetricsAddr) }); i >= 0 {
			errs = append(errs, fmt.Errorf("metrics listen on %s, which the listen address %s takes too", cfg.MetricsAddr, listens[i]))
		}
		listens = append(listens, cfg.MetricsAddr)
	}
	for i, s := range cfg.Sites {
		name := fmt.Sprintf("site %d (%s)", i+1, s.Hostname)
		if s.Hostname == "" || s.Posts == "" || s.GopherAddr == "" {
			errs = append(errs, fmt.Errorf("%s: hostname, posts and gopher_listen are required (Gopher requests name no host: each site needs an address or port of its own)", name))
			continue
		}
		if msg := isHostname(s.Hostname); msg != "" {
			errs = append(errs, fmt.Errorf("%s: hostname %q %s", name, s.Hostname, msg))
		}
		host := strings.ToLower(strings.TrimSuffix(s.Hostname, "."))
		if slices.Contains(hosts, host) {
			errs = append(errs, fmt.Errorf("%s: another site has the host name %s", name, s.Hostname))
		}
		hosts = append(hosts, host)
		if s.GopherListener == nil {
			if i := slices.IndexFunc(listens, func(l string) bool { return listenOverlap(l, s.GopherAddr) }); i >= 0 {
				errs = append(errs, fmt.Errorf("%s: gopher_listen %s takes the socket of %s, which another site or gemini listens on", name, s.GopherAddr, listens[i]))
			}
			listens = append(listens, s.GopherAddr)
		}
		if (s.CertFile == "") != (s.KeyFile == "") {
			errs = append(errs, fmt.Errorf("%s: a certificate file and a key file go together: give both or neither", name))
		}
		if s.GopherPort < 0 || s.GopherPort > 65535 {
			errs = append(errs, fmt.Errorf("%s: gopher_port %d is not a port", name, s.GopherPort))
		}
		if msg := isFingerprints(s.AuthorCertificates); msg != "" {
			errs = append(errs, fmt.Errorf("%s: authors %s", name, msg))
		}
	}
	return errs
}

// NewConfig returns the defaults: the sample blog in ./posts, served on
// every address at Gemini's port and at 7070 for Gopher (70 needs
// privileges), certificates in ./certs.
func NewConfig() Config {
	return Config{
		Posts:         "posts",
		Certs:         "certs",
		Hostname:      "localhost",
		GeminiAddr:    ":1965",
		GopherAddr:    ":7070",
		GopherWidth:   70,
		MaxFileSize:   content.DefaultMaxFileSize,
		MaxPostSize:   content.DefaultMaxPostSize,
		MaxFilesTotal: content.DefaultMaxFilesTotal,
		PostBudget:    3 * time.Second, // capsule.DefaultPostBudget
		TitanHistory:  10,
		// On: an author who saves a post sees it, and a reload renders
		// only what changed. Off for whoever publishes by SIGHUP only,
		// e.g. after a batch of changes.
		Watch:          true,
		ReadTimeout:    10 * time.Second,
		WriteTimeout:   30 * time.Second,
		AccessLog:      true,
		TLSPostQuantum: true,
		// A small VPS serves a few hundred readers at once. A Gemini or
		// Gopher client opens one connection at a time, so 16 leaves room
		// for readers behind one NAT; 10 requests a second with bursts of
		// 20 is more than a person clicking and less than a crawler wants.
		MaxConns:          1024,
		MaxConnsPerClient: 16,
		RateLimit:         10,
		RateBurst:         20,
		// A /24 or a /48 holds many unrelated readers (a university, a
		// hosting provider's customers) but one network should not take
		// more than a quarter of the connections: 256. A /56 is one home
		// or office: four clients' worth, 64. Without them, 64 addresses
		// of one IPv6 /58 fill the 1,024 connections.
		MaxConnsPer24: 256,
		MaxConnsPer56: 64,
		MaxConnsPer48: 256,
		// Half a megabit, which a poor mobile link still manages: the
		// largest file (16 MiB) may take 256s more than the write timeout.
		MinWriteRate: 64 << 10,
	}
}

// Check validates cfg and fills in what derives from it (Location, Log).
func (cfg *Config) Check() error {
	var fpErr error
	if msg := isFingerprints(cfg.AuthorCertificates); msg != "" {
		fpErr = errors.New("author certificates " + msg)
	}
	var errs []error
	cfg.Location = nil
	if cfg.Timezone != "" {
		loc, err := time.LoadLocation(cfg.Timezone)
		if err != nil {
			errs = append(errs, fmt.Errorf("%stimezone %q: %v", cfg.At("timezone"), cfg.Timezone, err))
		}
		cfg.Location = loc
	}
	if (cfg.CertFile == "") != (cfg.KeyFile == "") {
		errs = append(errs, errors.New(cfg.At("gemini.cert")+cfg.At("gemini.key")+"a certificate file and a key file go together: give both or neither"))
	}
	if cfg.GopherWidth < 20 || cfg.GopherWidth > 1000 {
		errs = append(errs, fmt.Errorf("%sgopher width %d is not between 20 and 1000 cells", cfg.At("gopher.width"), cfg.GopherWidth))
	}
	if cfg.GeminiPort < 0 || cfg.GeminiPort > 65535 {
		errs = append(errs, fmt.Errorf("%sgemini port %d is not a port", cfg.At("gemini.port"), cfg.GeminiPort))
	}
	if cfg.GopherPort < 0 || cfg.GopherPort > 65535 {
		errs = append(errs, fmt.Errorf("%sgopher port %d is not a port", cfg.At("gopher.port"), cfg.GopherPort))
	}
	if cfg.PostBudget <= 0 {
		errs = append(errs, errors.New("post budget must be positive"))
	}
	if cfg.ReadTimeout <= 0 || cfg.WriteTimeout <= 0 {
		errs = append(errs, errors.New("timeouts must be positive"))
	}
	if msg := isHostname(cfg.Hostname); msg != "" {
		errs = append(errs, fmt.Errorf("%shostname %q %s", cfg.At("hostname"), cfg.Hostname, msg))
	}
	if cfg.DrainTime < 0 {
		errs = append(errs, errors.New("drain time must not be negative"))
	}
	if msg := isLayout(cfg.Layout); msg != "" {
		errs = append(errs, fmt.Errorf("%slayout %q %s", cfg.At("layout"), cfg.Layout, msg))
	}
	for i, s := range cfg.Sites {
		if msg := isLayout(s.Layout); msg != "" {
			errs = append(errs, fmt.Errorf("site %d (%s): layout %q %s", i+1, s.Hostname, s.Layout, msg))
		}
	}
	errs = append(errs, cfg.checkSites()...)
	if err := content.CheckExclude(cfg.Exclude); err != nil {
		errs = append(errs, fmt.Errorf("%sexclude %w", cfg.At("exclude"), err))
	}
	for i, s := range cfg.Sites {
		if err := content.CheckExclude(s.Exclude); err != nil {
			errs = append(errs, fmt.Errorf("site %d (%s): exclude %w", i+1, s.Hostname, err))
		}
	}
	if cfg.MaxFileSize <= 0 || cfg.MaxFilesTotal <= 0 || cfg.MaxPostSize <= 0 {
		errs = append(errs, errors.New("file size caps must be positive"))
	}
	if cfg.TitanHistory < 1 {
		errs = append(errs, fmt.Errorf("%sauthors history must keep at least 1 version", cfg.At("authors.history")))
	}
	for i, sc := range cfg.SiteConfigs() {
		// Uploads from nobody: surely a forgotten fingerprint.
		if sc.Titan && len(sc.AuthorCertificates) == 0 {
			site := ""
			if i > 0 {
				site = fmt.Sprintf("site %d (%s): ", i, sc.Hostname)
			}
			errs = append(errs, fmt.Errorf("%s%stitan is on but no author certificate is given ([authors] certificates, -author-certificate): nobody could upload", cfg.At("authors.titan"), site))
		}
	}
	if cfg.MaxConns < 0 || cfg.MaxConnsPerClient < 0 || cfg.RateLimit < 0 || cfg.RateBurst < 0 ||
		cfg.MaxConnsPer24 < 0 || cfg.MaxConnsPer56 < 0 || cfg.MaxConnsPer48 < 0 {
		errs = append(errs, errors.New("limits must not be negative (0 turns one off)"))
	}
	// A network holds many clients: a cap on it below one client's caps
	// every client of it at that, which is surely a mistake.
	for _, n := range []struct {
		name string
		cap  int
	}{{"max_conns_per_24", cfg.MaxConnsPer24}, {"max_conns_per_56", cfg.MaxConnsPer56}, {"max_conns_per_48", cfg.MaxConnsPer48}} {
		if n.cap > 0 && cfg.MaxConnsPerClient > 0 && n.cap < cfg.MaxConnsPerClient {
			errs = append(errs, fmt.Errorf("%s%s (%d) is below max_conns_per_client (%d): a network holds many clients", cfg.At("limits."+n.name), n.name, n.cap, cfg.MaxConnsPerClient))
		}
	}
	if cfg.MaxConnsPer48 > 0 && cfg.MaxConnsPer56 > 0 && cfg.MaxConnsPer48 < cfg.MaxConnsPer56 {
		errs = append(errs, fmt.Errorf("%smax_conns_per_48 (%d) is below max_conns_per_56 (%d): a /48 holds 256 /56s", cfg.At("limits.max_conns_per_48"), cfg.MaxConnsPer48, cfg.MaxConnsPer56))
	}
	if cfg.MinWriteRate <= 0 {
		errs = append(errs, errors.New("min_write_rate must be positive (bytes a second)"))
	}
	if _, err := guard.ParseTrusted(cfg.ProxyTrusted); err != nil {
		errs = append(errs, err)
	}
	if (cfg.GeminiProxy || cfg.GopherProxy) && len(cfg.ProxyTrusted) == 0 {
		errs = append(errs, errors.New(cfg.At("gemini.proxy_protocol")+cfg.At("gopher.proxy_protocol")+"PROXY protocol is on but no proxy is trusted: list their addresses"))
	}
	if cfg.Log == nil {
		cfg.Log = log.New(os.Stderr, "", log.LstdFlags)
	}
	return errors.Join(append(errs, fpErr)...)
}

// ParseBytes reads a size as GOMEMLIMIT writes it: a whole number of
// bytes, with B, KiB, MiB, GiB or TiB after it, or none.
func ParseBytes(s string) (int64, error) {
	num := strings.TrimRight(s, "BKMGTi")
	unit := s[len(num):]
	n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
	shift, ok := map[string]uint{"": 0, "B": 0, "KiB": 10, "MiB": 20, "GiB": 30, "TiB": 40}[unit]
	if err != nil || !ok || n < 0 || n > math.MaxInt64>>shift {
		return 0, fmt.Errorf("%q is not a size (a whole number of B, KiB, MiB, GiB or TiB)", s)
	}
	return n << shift, nil
}

// LoadOptions is how cfg reads the posts folder.
func (cfg *Config) LoadOptions() content.LoadOptions {
	opts := content.LoadOptions{Location: cfg.Location, Lang: cfg.Lang, MaxFileSize: cfg.MaxFileSize, MaxFilesTotal: cfg.MaxFilesTotal, MaxPostSize: cfg.MaxPostSize,
		Secrets: cfg.secretPaths(), Exclude: cfg.Exclude, Layout: cfg.Layout}
	opts.NamedAt.File, opts.NamedAt.Line = cfg.origin("posts")
	return opts
}

// The kinds of value a key of the configuration file takes.
const (
	kindString   = "a string"
	kindWhole    = "a whole number"
	kindNumber   = "a number"
	kindBool     = "true or false"
	kindDuration = `a duration in quotes ("30s", "1m30s")`
	kindStrings  = "a list of strings"
	kindBytes    = `a size in quotes ("768MiB", "1GiB")`
)

// fileKey is one key of the configuration file.
type fileKey struct {
	name    string // dotted: "gopher.width"
	kind    string // one of the kinds above
	example string // a value, for messages: "70"
	// field is where the value goes: a *string, *int, *int64, *float64,
	// *bool, *time.Duration or *[]string in cfg.
	field func(cfg *Config) any
	// check says what is wrong with a value of the right kind, or "".
	check func(v any) string
}

// fileKeys are every key of the configuration file, in the order of
// contrib/capsule.toml.
var fileKeys = []fileKey{
	{"title", kindString, `"_・)Keep Smiling"`, func(c *Config) any { return &c.Title }, nil},
	{"description", kindString, `"Notes on everyday life"`, func(c *Config) any { return &c.Description }, nil},
	{"lang", kindString, `"ja"`, func(c *Config) any { return &c.Lang }, nil},
	{"hostname", kindString, `"example.org"`, func(c *Config) any { return &c.Hostname }, isHostname},
	{"timezone", kindString, `"Asia/Tokyo"`, func(c *Config) any { return &c.Timezone }, isZone},
	{"posts", kindString, `"/srv/capsule/posts"`, func(c *Config) any { return &c.Posts }, nonEmpty},
	{"favicon", kindString, `"😊"`, func(c *Config) any { return &c.Favicon }, nil},
	{"post_budget", kindDuration, `"3s"`, func(c *Config) any { return &c.PostBudget }, positive},
	{"exclude", kindStrings, `["drafts-old/**", "*.psd"]`, func(c *Config) any { return &c.Exclude }, isExclude},
	{"watch", kindBool, "false", func(c *Config) any { return &c.Watch }, nil},
	{"layout", kindString, `"hugo"`, func(c *Config) any { return &c.Layout }, isLayout},
	{"cache", kindString, `"/var/lib/capsule/cache"`, func(c *Config) any { return &c.Cache }, nonEmpty},
	{"memory_limit", kindBytes, `"768MiB"`, func(c *Config) any { return &c.MemoryLimit }, nil},
	{"read_timeout", kindDuration, `"10s"`, func(c *Config) any { return &c.ReadTimeout }, positive},
	{"write_timeout", kindDuration, `"30s"`, func(c *Config) any { return &c.WriteTimeout }, positive},
	{"gemini.listen", kindString, `":1965"`, func(c *Config) any { return &c.GeminiAddr }, nil},
	{"gemini.port", kindWhole, "1965", func(c *Config) any { return &c.GeminiPort }, isPort},
	{"gemini.certs", kindString, `"/var/lib/capsule"`, func(c *Config) any { return &c.Certs }, nonEmpty},
	{"gemini.cert", kindString, `"/etc/capsule/fullchain.pem"`, func(c *Config) any { return &c.CertFile }, nil},
	{"gemini.key", kindString, `"/etc/capsule/privkey.pem"`, func(c *Config) any { return &c.KeyFile }, nil},
	{"gemini.proxy_protocol", kindBool, "true", func(c *Config) any { return &c.GeminiProxy }, nil},
	{"gemini.post_quantum", kindBool, "true", func(c *Config) any { return &c.TLSPostQuantum }, nil},
	{"gopher.listen", kindString, `":70"`, func(c *Config) any { return &c.GopherAddr }, nil},
	{"gopher.port", kindWhole, "70", func(c *Config) any { return &c.GopherPort }, isPort},
	{"gopher.width", kindWhole, "70", func(c *Config) any { return &c.GopherWidth }, isWidth},
	{"gopher.proxy_protocol", kindBool, "true", func(c *Config) any { return &c.GopherProxy }, nil},
	{"files.max_size", kindWhole, "16777216", func(c *Config) any { return &c.MaxFileSize }, positive},
	{"files.max_total", kindWhole, "268435456", func(c *Config) any { return &c.MaxFilesTotal }, positive},
	{"files.max_post_size", kindWhole, "1048576", func(c *Config) any { return &c.MaxPostSize }, positive},
	{"limits.max_conns", kindWhole, "1024", func(c *Config) any { return &c.MaxConns }, notNegative},
	{"limits.max_conns_per_client", kindWhole, "16", func(c *Config) any { return &c.MaxConnsPerClient }, notNegative},
	{"limits.max_conns_per_24", kindWhole, "256", func(c *Config) any { return &c.MaxConnsPer24 }, notNegative},
	{"limits.max_conns_per_56", kindWhole, "64", func(c *Config) any { return &c.MaxConnsPer56 }, notNegative},
	{"limits.max_conns_per_48", kindWhole, "256", func(c *Config) any { return &c.MaxConnsPer48 }, notNegative},
	{"limits.rate", kindNumber, "10", func(c *Config) any { return &c.RateLimit }, notNegative},
	{"limits.burst", kindWhole, "20", func(c *Config) any { return &c.RateBurst }, notNegative},
	{"limits.min_write_rate", kindWhole, "65536", func(c *Config) any { return &c.MinWriteRate }, positive},
	{"authors.certificates", kindStrings, `["AB:CD:…"]`, func(c *Config) any { return &c.AuthorCertificates }, isFingerprints},
	{"authors.titan", kindBool, "true", func(c *Config) any { return &c.Titan }, nil},
	{"authors.history", kindWhole, "10", func(c *Config) any { return &c.TitanHistory }, positive},
	{"proxy.agent", kindString, `"127.0.0.1:1966"`, func(c *Config) any { return &c.ProxyAgent }, nil},
	{"proxy.drain", kindDuration, `"3s"`, func(c *Config) any { return &c.DrainTime }, notNegative},
	{"proxy.trusted", kindStrings, `["127.0.0.1", "10.0.0.0/8"]`, func(c *Config) any { return &c.ProxyTrusted }, isTrusted},
	{"feed.content", kindBool, "true", func(c *Config) any { return &c.FeedContent }, nil},
	{"log.access", kindBool, "true", func(c *Config) any { return &c.AccessLog }, nil},
	{"log.ips", kindBool, "false", func(c *Config) any { return &c.LogIPs }, nil},
	{"metrics.listen", kindString, `"127.0.0.1:9101"`, func(c *Config) any { return &c.MetricsAddr }, nil},
}

// Checks of single values, as the file gives them; Check checks the
// configuration as a whole, flags included.
func nonEmpty(v any) string {
	if v == "" {
		return "must not be empty"
	}
	return ""
}

func isZone(v any) string {
	if _, err := time.LoadLocation(v.(string)); err != nil {
		return fmt.Sprintf("%q is not a time zone", v)
	}
	return ""
}

func positive(v any) string {
	switch v := v.(type) {
	case time.Duration:
		if v <= 0 {
			return "must be more than 0s"
		}
	case int64:
		if v <= 0 {
			return "must be more than 0"
		}
	}
	return ""
}

func notNegative(v any) string {
	switch v := v.(type) {
	case time.Duration:
		if v < 0 {
			return "must not be negative"
		}
	case int64:
		if v < 0 {
			return "must not be negative (0 turns it off)"
		}
	case float64:
		if v < 0 {
			return "must not be negative (0 turns it off)"
		}
	}
	return ""
}

func isPort(v any) string {
	if n := v.(int64); n < 0 || n > 65535 {
		return fmt.Sprintf("%d is not a port (1 to 65535, or 0 for the listen port)", n)
	}
	return ""
}

func isWidth(v any) string {
	if n := v.(int64); n < 20 || n > 1000 {
		return fmt.Sprintf("%d is not between 20 and 1000 cells", n)
	}
	return ""
}

// isFingerprints checks SHA-256 fingerprints: 32 bytes in hex, with or
// without colons, as capsuled -fingerprint and Gemini clients show them.
func isFingerprints(v any) string {
	for _, fp := range v.([]string) {
		if !fingerprintPattern.MatchString(strings.ReplaceAll(strings.TrimSpace(fp), ":", "")) {
			return fmt.Sprintf("has %q, which is not a SHA-256 fingerprint (64 hex digits, colons allowed; capsuled -fingerprint FILE prints one)", fp)
		}
	}
	return ""
}

var fingerprintPattern = regexp.MustCompile(`^[0-9A-Fa-f]{64}$`)

func isLayout(v any) string {
	switch v.(string) {
	case "", content.LayoutHugo, content.LayoutJekyll, content.LayoutFlat, content.LayoutEleventy, content.LayoutAstro, content.LayoutZola, content.LayoutHexo:
		return ""
	}
	return `must be "hugo", "jekyll", "zola", "eleventy", "astro", "hexo" or "flat"`
}

func isExclude(v any) string {
	if err := content.CheckExclude(v.([]string)); err != nil {
		return err.Error()
	}
	return ""
}

func isTrusted(v any) string {
	if _, err := guard.ParseTrusted(v.([]string)); err != nil {
		return "has " + err.Error()
	}
	return ""
}

// section and name split a dotted key: "gopher", "width"; "", "hostname".
func splitKey(key string) (section, name string) {
	if s, n, ok := strings.Cut(key, "."); ok {
		return s, n
	}
	return "", key
}

// sections are the [section]s of the file; known every full key.
var sections, known = func() (sections, known []string) {
	for _, k := range fileKeys {
		known = append(known, k.name)
		if s, _ := splitKey(k.name); s != "" && !slices.Contains(sections, s) {
			sections = append(sections, s)
		}
	}
	return sections, known
}()

// ReadConfigFile changes cfg as the TOML file at path says. Every problem
// of the file is reported at once, each at its line: unknown keys and
// sections (with the key likely meant), values of the wrong type and
// values out of range, said with an example ("gopher.width must be a
// whole number, e.g. width = 70"). A TOML syntax error stops the reading
// where it is, and is reported alone. When there is a problem, cfg is left
// as it was.
func ReadConfigFile(path string, cfg *Config) error {
	src, err := os.ReadFile(path)
	if err != nil {
		var perr *fs.PathError
		if errors.As(err, &perr) {
			err = perr.Err
		}
		return content.ErrorList{{File: path, Msg: "cannot read the configuration file: " + err.Error()}}
	}
	src = content.NormalizeSource(src)
	var m map[string]any
	if _, err := toml.Decode(string(src), &m); err != nil {
		ferr := content.TOMLFileProblem(src, err)
		ferr.File = path
		return content.ErrorList{ferr}
	}
	f := fileReader{path: path, lines: content.KeyLines(src), values: make(map[string]any)}
	for _, k := range f.ordered(m, "") {
		v := m[k]
		if k == "messages" {
			f.messages(v, cfg)
			continue
		}
		if k == "site" {
			f.sites(v)
			continue
		}
		if slices.Contains(sections, k) {
			sub, ok := v.(map[string]any)
			if !ok {
				f.fail(k, "%s is a section: write [%s] on a line of its own, then its keys", k, k)
				continue
			}
			for _, name := range f.ordered(sub, k+".") {
				f.value(k+"."+name, sub[name])
			}
			continue
		}
		f.value(k, v)
	}
	if len(f.errs) > 0 {
		content.SortFileErrors(f.errs)
		return f.errs
	}
	if f.siteTables != nil {
		cfg.Sites = f.siteTables
	}
	for _, k := range pathKeys {
		if v, ok := f.values[k]; ok && (k != "cache" || v != CacheOff) {
			f.values[k] = f.fromFile(v.(string))
		}
	}
	cfg.origins = &origins{file: path, lines: f.lines, values: f.values}
	for _, k := range fileKeys {
		if v, ok := f.values[k.name]; ok {
			switch dst := k.field(cfg).(type) {
			case *string:
				*dst = v.(string)
			case *int:
				*dst = int(v.(int64))
			case *int64:
				*dst = v.(int64)
			case *float64:
				*dst = v.(float64)
			case *bool:
				*dst = v.(bool)
			case *time.Duration:
				*dst = v.(time.Duration)
			case *[]string:
				*dst = v.([]string)
			}
		}
	}
	return nil
}

// messages reads the [messages] section: texts of the interface by name,
// each a string.
func (f *fileReader) messages(v any, cfg *Config) {
	sub, ok := v.(map[string]any)
	if !ok {
		f.fail("messages", "messages is a section: write [messages] on a line of its own, then name = \"text\" lines")
		return
	}
	known := messages.Keys()
	for _, name := range f.ordered(sub, "messages.") {
		text, ok := sub[name].(string)
		switch {
		case !slices.Contains(known, name):
			hint := ""
			if c := content.Closest(name, known); c != "" {
				hint = ": did you mean " + c + "?"
			}
			f.fail("messages."+name, "unknown message %s%s (the README's table of messages lists the names)", name, hint)
		case !ok:
			f.fail("messages."+name, "messages.%s must be a string, e.g. %s = \"…\"", name, name)
		default:
			if cfg.Messages == nil {
				cfg.Messages = make(map[string]string)
			}
			cfg.Messages[name] = text
		}
	}
}

// fileReader collects the values and the problems of a configuration file.
type fileReader struct {
	path       string
	lines      map[string]int // from content.KeyLines
	values     map[string]any // by full key, of the kind fileKeys says
	siteTables []SiteConfig   // [[site]]
	errs       content.ErrorList
}

// sites reads the [[site]] tables.
func (f *fileReader) sites(v any) {
	tables, ok := v.([]map[string]any)
	if !ok {
		f.fail("site", "site is a list of sites: write [[site]] on a line of its own before each, then its keys")
		return
	}
	f.siteTables = []SiteConfig{}
	for i, t := range tables {
		var s SiteConfig
		str := func(key string, dst *string) {
			if v, ok := t[key]; ok {
				if *dst, ok = v.(string); !ok {
					f.fail("site", "site %d: %s must be a string, e.g. %s = \"…\"", i+1, key, key)
				}
			}
		}
		for _, k := range f.ordered(t, "site.") {
			if !slices.Contains(siteKeys, k) {
				hint := ""
				if c := content.Closest(k, siteKeys); c != "" {
					hint = ": did you mean " + c + "?"
				}
				f.fail("site."+k, "site %d: unknown key %q%s (keys of [[site]]: %s)", i+1, k, hint, strings.Join(siteKeys, ", "))
			}
		}
		str("hostname", &s.Hostname)
		str("posts", &s.Posts)
		s.Posts = f.fromFile(s.Posts)
		str("title", &s.Title)
		str("description", &s.Description)
		str("lang", &s.Lang)
		str("favicon", &s.Favicon)
		str("gopher_listen", &s.GopherAddr)
		str("cert", &s.CertFile)
		str("key", &s.KeyFile)
		s.CertFile, s.KeyFile = f.fromFile(s.CertFile), f.fromFile(s.KeyFile)
		str("layout", &s.Layout)
		if v, ok := t["gopher_port"]; ok {
			n, ok := v.(int64)
			if !ok {
				f.fail("site", "site %d: gopher_port must be a whole number, e.g. gopher_port = 70", i+1)
			}
			s.GopherPort = int(n)
		}
		if v, ok := t["exclude"]; ok {
			list, ok := convert(kindStrings, v)
			switch {
			case !ok:
				f.fail("site", "site %d: exclude must be a list of strings, e.g. exclude = [\"*.psd\"]", i+1)
			case content.CheckExclude(list.([]string)) != nil:
				f.fail("site", "site %d: exclude %v", i+1, content.CheckExclude(list.([]string)))
			default:
				s.Exclude = list.([]string)
			}
		}
		if v, ok := t["titan"]; ok {
			b, ok := v.(bool)
			if !ok {
				f.fail("site", "site %d: titan must be true or false, e.g. titan = true", i+1)
			}
			s.Titan = &b
		}
		if v, ok := t["authors"]; ok {
			list, ok := convert(kindStrings, v)
			if !ok {
				f.fail("site", "site %d: authors must be a list of strings, e.g. authors = [\"AB:CD:…\"]", i+1)
			} else {
				s.AuthorCertificates = list.([]string)
			}
		}
		f.siteTables = append(f.siteTables, s)
	}
}

// pathKeys are the keys whose values are paths: a relative one is from
// the configuration file's folder, not from the folder capsuled runs in
// (under systemd, /), so that a file beside its posts works wherever it
// is started from.
var pathKeys = []string{"posts", "cache", "gemini.certs", "gemini.cert", "gemini.key"}

// fromFile is p, a path the file gives, relative to the file's folder; ""
// stays "".
func (f *fileReader) fromFile(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(f.path), p)
}

func (f *fileReader) fail(key string, format string, args ...any) {
	f.errs = append(f.errs, &content.FileError{File: f.path, Line: f.line(key), Msg: fmt.Sprintf(format, args...)})
}

// line is the line of key, or of its section, or 1.
func (f *fileReader) line(key string) int {
	if l, ok := f.lines[key]; ok {
		return l
	}
	if s, _ := splitKey(key); s != "" {
		if l, ok := f.lines[s]; ok {
			return l
		}
	}
	return 1
}

// ordered is the keys of m in the order of their lines (prefix is their
// section's, "gopher."), so that messages come in the file's order.
func (f *fileReader) ordered(m map[string]any, prefix string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(f.line(prefix+a), f.line(prefix+b)), cmp.Compare(a, b))
	})
	return keys
}

// value checks the value v of key and keeps it.
func (f *fileReader) value(key string, v any) {
	i := slices.IndexFunc(fileKeys, func(k fileKey) bool { return k.name == key })
	if i < 0 {
		f.unknown(key, v)
		return
	}
	k := fileKeys[i]
	_, name := splitKey(key)
	example := fmt.Sprintf("e.g. %s = %s", name, k.example)
	got, ok := convert(k.kind, v)
	if !ok {
		f.fail(key, "%s must be %s, %s", key, k.kind, example)
		return
	}
	if d, isString := v.(string); isString && k.kind == kindDuration {
		var err error
		if got, err = time.ParseDuration(d); err != nil {
			f.fail(key, "%s %q is not a duration, %s (units: ms, s, m, h)", key, d, example)
			return
		}
	}
	if b, isString := v.(string); isString && k.kind == kindBytes {
		var err error
		if got, err = ParseBytes(b); err != nil {
			f.fail(key, "%s %q is not a size, %s (units: B, KiB, MiB, GiB)", key, b, example)
			return
		}
	}
	if k.check != nil {
		if msg := k.check(got); msg != "" {
			f.fail(key, "%s %s, %s", key, msg, example)
			return
		}
	}
	f.values[key] = got
}

// convert is v as kind wants it: a string, an int64, a float64, a bool or
// a []string (a duration is still its string).
func convert(kind string, v any) (any, bool) {
	switch kind {
	case kindString, kindDuration, kindBytes:
		s, ok := v.(string)
		return s, ok
	case kindWhole:
		n, ok := v.(int64)
		return n, ok
	case kindNumber:
		switch n := v.(type) {
		case int64:
			return float64(n), true
		case float64:
			return n, true
		}
	case kindBool:
		b, ok := v.(bool)
		return b, ok
	case kindStrings:
		list, ok := v.([]any)
		if !ok {
			return nil, false
		}
		out := make([]string, 0, len(list))
		for _, e := range list {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

// unknown reports a key, or a section, that capsule does not read, with
// the one likely meant.
func (f *fileReader) unknown(key string, v any) {
	section, name := splitKey(key)
	if _, isTable := v.(map[string]any); isTable && section == "" {
		if s := content.Closest(key, sections); s != "" {
			f.fail(key, "unknown section [%s]: did you mean [%s]?", content.KeyName(key), s)
		} else {
			f.fail(key, "unknown section [%s] (sections: [%s])", content.KeyName(key), strings.Join(sections, "], ["))
		}
		return
	}
	shown := content.KeyName(key)
	if section != "" {
		shown = content.KeyName(section, name)
	}
	// The right key in the wrong place: a key after [gemini] is in it.
	var homes []string
	for _, k := range known {
		if s, n := splitKey(k); n == name && s != section {
			homes = append(homes, s)
		}
	}
	switch {
	case len(homes) > 0 && homes[0] == "":
		f.fail(key, "unknown key %s: %s belongs before the first [section] (a key after [%s] is in it)", shown, name, section)
		return
	case len(homes) > 0:
		where := "[" + homes[len(homes)-1] + "]"
		if len(homes) > 1 {
			where = "[" + strings.Join(homes[:len(homes)-1], "], [") + "] or " + where
		}
		f.fail(key, "unknown key %s: %s belongs in %s", shown, name, where)
		return
	}
	var here []string
	for _, k := range known {
		if s, n := splitKey(k); s == section {
			here = append(here, n)
		}
	}
	if n := content.Closest(name, here); n != "" {
		f.fail(key, "unknown key %s: did you mean %s?", shown, n)
		return
	}
	if k := content.Closest(key, known); k != "" {
		s, n := splitKey(k)
		if s == "" {
			f.fail(key, "unknown key %s: did you mean %s, before the first [section]?", shown, n)
		} else {
			f.fail(key, "unknown key %s: did you mean %s in [%s]?", shown, n, s)
		}
		return
	}
	if section == "" {
		f.fail(key, "unknown key %q (keys before the first [section]: %s)", key, strings.Join(here, ", "))
	} else {
		f.fail(key, "unknown key %q (keys of [%s]: %s)", key, section, strings.Join(here, ", "))
	}
}

// file is the configuration file read, "" when none was.
func (cfg Config) file() string {
	if cfg.origins == nil {
		return ""
	}
	return cfg.origins.file
}

// HistoryDir is where uploads keep the versions they replaced, one
// folder per site (by host name): history in $STATE_DIRECTORY under
// systemd, else in the certificates folder (which is never served).
func (cfg Config) HistoryDir() string {
	if state, _, _ := strings.Cut(os.Getenv("STATE_DIRECTORY"), ":"); state != "" {
		return filepath.Join(state, "history")
	}
	return filepath.Join(cfg.Certs, "history")
}

// CacheOff is the value of Cache (-cache=false, cache = "false") that
// turns the build cache off.
const CacheOff = "false"

// CacheDir is the folder of the build cache: Cache when set; else, under
// systemd, "cache" in the state directory its unit gives
// (StateDirectory=, $STATE_DIRECTORY); else "cache" in the certificates
// folder, the folder capsuled already keeps what it makes in. "" when the
// cache is off.
func (cfg Config) CacheDir() string {
	switch {
	case cfg.Cache == CacheOff:
		return ""
	case cfg.Cache != "":
		return cfg.Cache
	}
	if state, _, _ := strings.Cut(os.Getenv("STATE_DIRECTORY"), ":"); state != "" {
		return filepath.Join(state, "cache")
	}
	return filepath.Join(cfg.Certs, "cache")
}
