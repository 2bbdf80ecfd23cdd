// Command capsuled serves a folder of Markdown posts over Gemini and Gopher.
//
// It reads the posts once, renders every response into memory, and serves
// them until SIGINT or SIGTERM; SIGHUP rereads the configuration, the posts
// and operator-supplied certificates. See README.md for the flags and
// contrib/capsule.toml for the configuration file.
package main

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	_ "time/tzdata" // time zones on machines without /usr/share/zoneinfo

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/logstamp"
	"capsule/capsule/systemd"
	"capsule/capsule/tlscert"
)

// options are the command line: the flags that are not configuration.
type options struct {
	config  string
	check   bool
	version bool
	// fingerprint names a PEM file whose certificates' fingerprints are
	// printed: an author's, for [authors] certificates.
	fingerprint string
	// routes lists every address served (-routes), after checking.
	routes bool
}

// defineFlags binds every flag to cfg and opts. Each configuration key has
// a flag; the flag's default is cfg's current value.
func defineFlags(fs *flag.FlagSet, cfg *config.Config, opts *options) {
	fs.StringVar(&opts.config, "config", "", "read the configuration from TOML `file` (flags override it)")
	fs.BoolVar(&opts.check, "check", false, "load the configuration and posts, build everything, say what was checked and exit (1 if a problem is found, 2 for a bad command line)")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")
	fs.BoolVar(&opts.routes, "routes", false, "check as -check does, then list every Gemini address and Gopher selector served, redirects with their targets, one a line: host, protocol, status, address")
	fs.BoolVar(&cfg.ListWarnings, "v", cfg.ListWarnings, "list every warning, not one line per kind with how many and the first; with -check, also every old address that redirects to a post")
	fs.StringVar(&opts.fingerprint, "fingerprint", "", "print the SHA-256 fingerprint of each certificate in PEM `file` (an author's client certificate) and exit")

	fs.StringVar(&cfg.Posts, "posts", cfg.Posts, "`folder` of Markdown posts, or a Hugo or Jekyll site")
	fs.StringVar(&cfg.Hostname, "hostname", cfg.Hostname, "host `name` readers use; names the certificate")
	fs.StringVar(&cfg.Title, "title", cfg.Title, "site title (default: the posts folder's _index.md)")
	fs.StringVar(&cfg.Description, "description", cfg.Description, "site description (default: the posts folder's _index.md)")
	fs.StringVar(&cfg.Lang, "lang", cfg.Lang, "language of posts that set none (default: _index.md's, else en)")
	fs.StringVar(&cfg.Favicon, "favicon", cfg.Favicon, "an emoji served as /favicon.txt (default: _index.md's favicon)")
	fs.Int64Var(&cfg.MaxFileSize, "max-file-size", cfg.MaxFileSize, "largest file beside the posts, in `bytes` (files are held in memory)")
	fs.Int64Var(&cfg.MaxPostSize, "max-post-size", cfg.MaxPostSize, "largest post (a Markdown file), in `bytes`")
	fs.Int64Var(&cfg.MaxFilesTotal, "max-files-total", cfg.MaxFilesTotal, "all files beside the posts together, in `bytes`")
	fs.DurationVar(&cfg.PostBudget, "post-budget", cfg.PostBudget, "time one post may take to render; a post over it fails the build, named")
	fs.Func("memory-limit", "soft memory `size` for the Go runtime, as GOMEMLIMIT (\"768MiB\"); set it under the service's MemoryMax (default: GOMEMLIMIT's, or none)", func(s string) error {
		n, err := config.ParseBytes(s)
		cfg.MemoryLimit = n
		return err
	})
	fs.Func("exclude", "comma-separated .gitignore-style `patterns` of paths in the posts folder that are neither posts nor files (\"drafts-old/**,*.psd\")", func(s string) error {
		cfg.Exclude = strings.Split(s, ",")
		return nil
	})
	fs.StringVar(&cfg.Layout, "layout", cfg.Layout, "what the posts folder is, `hugo`, jekyll, zola, eleventy, astro, hexo or flat (capsule's own); by default its configuration tells")
	fs.BoolVar(&cfg.Watch, "watch", cfg.Watch, "reload by itself when a post, a file beside them or the configuration file changes (SIGHUP works either way)")
	fs.StringVar(&cfg.Timezone, "timezone", cfg.Timezone, "time `zone` of dates written without one")
	fs.StringVar(&cfg.GeminiAddr, "gemini", cfg.GeminiAddr, "Gemini listen `address`")
	fs.IntVar(&cfg.GeminiPort, "gemini-port", cfg.GeminiPort, "`port` readers connect to, in gemini:// URLs; requests naming another are refused (0: the listen port)")
	fs.StringVar(&cfg.Certs, "certs", cfg.Certs, "`folder` for generated TLS certificates")
	fs.StringVar(&cfg.Cache, "cache", cfg.Cache, "`folder` of the build cache, which lets a restart skip rendering unchanged posts; false: none (default: cache in $STATE_DIRECTORY under systemd, else in the -certs folder)")
	fs.StringVar(&cfg.CertFile, "cert", cfg.CertFile, "PEM certificate `file` to use instead of a generated one (with -key)")
	fs.StringVar(&cfg.KeyFile, "key", cfg.KeyFile, "PEM private key `file` for -cert")
	fs.BoolVar(&cfg.TLSPostQuantum, "tls-post-quantum", cfg.TLSPostQuantum, "offer the hybrid post-quantum key exchange (X25519MLKEM768) first")
	fs.StringVar(&cfg.GopherAddr, "gopher", cfg.GopherAddr, "Gopher listen `address`")
	fs.IntVar(&cfg.GopherPort, "gopher-port", cfg.GopherPort, "`port` written into gopher menus (0: the listen port)")
	fs.IntVar(&cfg.GopherWidth, "gopher-width", cfg.GopherWidth, "width of gopher text in display `cells` (CJK characters take two)")
	fs.DurationVar(&cfg.ReadTimeout, "read-timeout", cfg.ReadTimeout, "time a client has to send its request")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", cfg.WriteTimeout, "time a response may take to write")
	fs.IntVar(&cfg.MaxConns, "max-conns", cfg.MaxConns, "open connections per protocol (0: no cap)")
	fs.IntVar(&cfg.MaxConnsPerClient, "max-conns-per-client", cfg.MaxConnsPerClient, "open connections of one client address (IPv6: one /64) per protocol (0: no cap)")
	fs.Float64Var(&cfg.RateLimit, "rate-limit", cfg.RateLimit, "requests a second per client address (0: no limit)")
	fs.IntVar(&cfg.RateBurst, "rate-burst", cfg.RateBurst, "requests a client address may make at once")
	fs.IntVar(&cfg.MaxConnsPer24, "max-conns-per-24", cfg.MaxConnsPer24, "open connections from one IPv4 /24 per protocol (0: no cap)")
	fs.IntVar(&cfg.MaxConnsPer56, "max-conns-per-56", cfg.MaxConnsPer56, "open connections from one IPv6 /56 per protocol (0: no cap)")
	fs.IntVar(&cfg.MaxConnsPer48, "max-conns-per-48", cfg.MaxConnsPer48, "open connections from one IPv6 /48 per protocol (0: no cap)")
	fs.IntVar(&cfg.MinWriteRate, "min-write-rate", cfg.MinWriteRate, "slowest a client may read, in `bytes` a second: a response may take -write-timeout plus its size at this rate")
	fs.BoolVar(&cfg.GeminiProxy, "gemini-proxy", cfg.GeminiProxy, "read PROXY protocol headers on the Gemini listener (from -proxy-trusted)")
	fs.BoolVar(&cfg.GopherProxy, "gopher-proxy", cfg.GopherProxy, "read PROXY protocol headers on the Gopher listener (from -proxy-trusted)")
	fs.Func("proxy-trusted", "comma-separated `addresses` and networks of proxies allowed to send PROXY headers", func(s string) error {
		cfg.ProxyTrusted = strings.Split(s, ",")
		return nil
	})
	fs.StringVar(&cfg.ProxyAgent, "proxy-agent", cfg.ProxyAgent, "answer HAProxy's agent-check at `address` (up 100%, then 0% when stopping)")
	fs.StringVar(&cfg.MetricsAddr, "metrics", cfg.MetricsAddr, "serve metrics for operators at `address`, in the Prometheus text format at /metrics (default: none)")
	fs.DurationVar(&cfg.DrainTime, "drain-time", cfg.DrainTime, "how long a stop keeps serving after the agent says 0%, before closing its listeners")
	fs.Func("author-certificate", "comma-separated SHA-256 `fingerprints` of the client certificates that may read drafts (capsuled -fingerprint FILE prints one)", func(s string) error {
		cfg.AuthorCertificates = strings.Split(s, ",")
		return nil
	})
	fs.BoolVar(&cfg.Titan, "titan", cfg.Titan, "let the -author-certificate holders upload posts and their files from a Gemini client, over Titan")
	fs.IntVar(&cfg.TitanHistory, "titan-history", cfg.TitanHistory, "versions of each file an upload replaced or deleted kept in the history folder")
	fs.BoolVar(&cfg.FeedContent, "feed-content", cfg.FeedContent, "put the newest posts whole into the Atom feeds, beside their summaries")
	fs.BoolVar(&cfg.AccessLog, "access-log", cfg.AccessLog, "log one line per request")
	fs.BoolVar(&cfg.LogIPs, "log-ips", cfg.LogIPs, "log client addresses in the access log")
}

// loadConfig reads the command line, the configuration file it names, and
// the command line again, so that flags override the file.
func loadConfig(args []string) (config.Config, options, error) {
	var opts options
	probe := config.NewConfig()
	fs := flag.NewFlagSet("capsuled", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	defineFlags(fs, &probe, &opts)
	if err := fs.Parse(args); err != nil {
		return probe, opts, err
	}
	if fs.NArg() > 0 {
		return probe, opts, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	cfg := config.NewConfig()
	if opts.config != "" {
		if err := config.ReadConfigFile(opts.config, &cfg); err != nil {
			return cfg, opts, err
		}
	}
	fs = flag.NewFlagSet("capsuled", flag.ContinueOnError)
	defineFlags(fs, &cfg, &opts)
	return cfg, opts, fs.Parse(args)
}

// Exit statuses: 0 when all is well, 1 when a problem was found (in the
// configuration file, the flags' values, the posts or the certificate) or
// serving failed, 2 for a command line capsuled cannot read (an unknown
// flag, a stray argument).
const (
	exitProblems = 1
	exitUsage    = 2
)

// ran is what this run of capsuled reads, for the line that closes a
// report of problems.
var ran struct {
	posts      string // the posts folder
	configFile string // the -config file, if any
	check      bool   // -check or -routes: nothing is served anyway
}

func main() {
	logger := log.New(os.Stderr, "capsuled: ", 0)
	cfg, opts, err := loadConfig(os.Args[1:])
	ran.posts, ran.configFile, ran.check = cfg.Posts, opts.config, opts.check || opts.routes
	var fileProblems content.ErrorList
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage()
		os.Exit(0)
	case errors.As(err, &fileProblems):
		reportAndExit(logger, err, exitProblems) // the configuration file's
	case err != nil:
		logger.Printf("%v (capsuled -h lists the flags)", err)
		os.Exit(exitUsage)
	case opts.version:
		fmt.Println(versionLine(debug.ReadBuildInfo()))
		return
	case opts.fingerprint != "":
		if err := printFingerprints(opts.fingerprint); err != nil {
			logger.Print(err)
			os.Exit(exitProblems)
		}
		return
	}
	cfg.Log = logger
	// Sockets from systemd take the place of the listen addresses, which
	// the configuration's check then leaves alone (not for -check or
	// -routes, which serve nothing).
	if !ran.check {
		listeners, err := systemd.Listeners()
		if err != nil {
			logger.Fatal(err)
		}
		if listeners != nil {
			cfg.GeminiListener, cfg.GopherListener = listeners["gemini"], listeners["gopher"]
			if cfg.GeminiListener == nil || cfg.GopherListener == nil {
				logger.Fatal("socket activation: need sockets named gemini and gopher (FileDescriptorName=)")
			}
			// capsule-agent.socket, when the unit has it.
			cfg.AgentListener = listeners["agent"]
			// capsule-metrics.socket, when the unit has it.
			cfg.MetricsListener = listeners["metrics"]
			// A [[site]]'s Gopher socket: gopher-<hostname>.
			for i, s := range cfg.Sites {
				cfg.Sites[i].GopherListener = listeners["gopher-"+s.Hostname]
			}
		}
	}

	// The configuration as a whole, file and flags: a problem here is one
	// found, as in a post, whether checking or starting.
	if err := cfg.Check(); err != nil {
		reportAndExit(logger, err, exitProblems)
	}

	if opts.check || opts.routes {
		sum, err := daemon.Check(cfg)
		if sum != nil {
			// What each folder was taken for, first; then the warnings,
			// even when there are problems too: all that is to fix at
			// once.
			for _, s := range append([]*daemon.Summary{sum}, sum.Sites...) {
				logger.Printf("%s: %s", daemon.FolderName(s.Folder), s.Layout)
			}
			for _, w := range cfg.Warnings() {
				fmt.Fprintln(os.Stderr, "warning:", w)
			}
			if cfg.ListWarnings {
				sum.WriteOldAddresses(os.Stdout)
			}
			lines, tally := daemon.WarningLines(sum.Warnings, nil, cfg.ListWarnings)
			for _, l := range lines {
				fmt.Fprintln(os.Stderr, "warning:", l)
			}
			if tally != "" {
				logger.Print(tally)
			}
		}
		if opts.routes && sum != nil {
			// What a start would serve, beside the problems it would
			// leave out (told after, and the exit status still says so).
			sum.WriteRoutes(os.Stdout, cfg.Hostname)
		}
		if err != nil {
			reportAndExit(logger, err, exitProblems)
		}
		if opts.routes {
			return
		}
		fmt.Print(sum.Report(cfg, opts.config))
		return
	}

	// From here on capsuled runs, and its log says when each thing
	// happened; -check's report and the errors of a command line before
	// it are not a log, and carry no time.
	if !logstamp.JournalReads() {
		logger.SetOutput(logstamp.New(os.Stderr))
	}
	for _, w := range cfg.Warnings() {
		logger.Print("warning: ", w)
	}
	os.Exit(serve(logger, cfg, opts.config))
}

// printFingerprints prints the SHA-256 fingerprint of every certificate
// in a PEM file, one a line, as [authors] certificates takes them. Keys in
// the file are passed over, never printed.
func printFingerprints(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("reading %s: %w", file, err)
	}
	n := 0
	for {
		var block *pem.Block
		if block, data = pem.Decode(data); block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		if _, err := x509.ParseCertificate(block.Bytes); err != nil {
			return fmt.Errorf("%s: certificate %d: %v", file, n+1, err)
		}
		fmt.Println(tlscert.FingerprintDER(block.Bytes))
		n++
	}
	if n == 0 {
		return fmt.Errorf("%s holds no PEM certificate (a file that starts with -----BEGIN CERTIFICATE-----)", file)
	}
	return nil
}

// monotonicUsec is CLOCK_MONOTONIC in microseconds, which systemd wants
// with RELOADING=1.
func monotonicUsec() int64 {
	var ts syscall.Timespec
	if err := clockGettime(&ts); err != nil {
		return 0
	}
	return ts.Nano() / 1000
}

func notify(logger *log.Logger, state string) {
	if err := systemd.Notify(state); err != nil {
		logger.Print(err)
	}
}

// reportAndExit logs the problems of err, which stopped a start or a
// check, and exits with code.
func reportAndExit(logger *log.Logger, err error, code int) {
	daemon.Stopped{Posts: ran.posts, ConfigFile: ran.configFile, Check: ran.check}.Log(logger, err)
	os.Exit(code)
}

// usageText opens capsuled -h: what capsuled does, how it is run, what
// its signals do and where the rest is written, before the flags.
const usageText = `usage: capsuled [-config file] [flags]

capsuled serves a folder of Markdown posts (capsule's own, or a Hugo or
Jekyll site as it is) as a blog on Gemini (TLS, port 1965) and Gopher
(port 70 in production, 7070 by default), from memory.

  capsuled -posts ~/blog                      serve a folder (flags and defaults)
  capsuled -config /etc/capsule/capsule.toml  serve as a configuration file says
  capsuled -check -config …                   check posts, certificates and
                                              configuration, serve nothing

Flags override the configuration file. Signals: SIGHUP reloads posts and
configuration (saving a post does too, unless -watch=false); SIGTERM or
SIGINT stop after the requests under way (a second one stops at once).

The documentation is in capsule's source tree: README.md (configuration,
posts, Hugo and Jekyll, URLs) and contrib/README.md (systemd, HAProxy,
logs, backups).

Flags:
`

func usage() {
	fs := flag.NewFlagSet("capsuled", flag.ContinueOnError)
	cfg := config.NewConfig()
	var opts options
	defineFlags(fs, &cfg, &opts)
	fmt.Fprint(os.Stderr, usageText)
	fs.PrintDefaults()
}
