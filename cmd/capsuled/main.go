// Command capsuled serves a folder of Markdown posts over Gemini and Gopher.
//
// It reads the posts once, renders every response into memory, and serves
// them until SIGINT or SIGTERM; SIGHUP rereads the configuration, the posts
// and operator-supplied certificates. See README.md for the flags and
// contrib/capsule.toml for the configuration file.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // time zones on machines without /usr/share/zoneinfo

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/systemd"
)

// options are the command line: the flags that are not configuration.
type options struct {
	config  string
	check   bool
	version bool
}

// defineFlags binds every flag to cfg and opts. Each configuration key has
// a flag; the flag's default is cfg's current value.
func defineFlags(fs *flag.FlagSet, cfg *config.Config, opts *options) {
	fs.StringVar(&opts.config, "config", "", "read the configuration from TOML `file` (flags override it)")
	fs.BoolVar(&opts.check, "check", false, "load the configuration and posts, build everything, report and exit")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")

	fs.StringVar(&cfg.Posts, "posts", cfg.Posts, "folder of Markdown `posts`")
	fs.StringVar(&cfg.Hostname, "hostname", cfg.Hostname, "host `name` readers use; names the certificate")
	fs.StringVar(&cfg.Title, "title", cfg.Title, "site title (default: the posts folder's _index.md)")
	fs.StringVar(&cfg.Description, "description", cfg.Description, "site description (default: the posts folder's _index.md)")
	fs.StringVar(&cfg.Lang, "lang", cfg.Lang, "language of posts that set none (default: _index.md's, else en)")
	fs.StringVar(&cfg.Favicon, "favicon", cfg.Favicon, "an emoji served as /favicon.txt (default: _index.md's favicon)")
	fs.Int64Var(&cfg.MaxFileSize, "max-file-size", cfg.MaxFileSize, "largest file beside the posts, in `bytes` (files are held in memory)")
	fs.Int64Var(&cfg.MaxPostSize, "max-post-size", cfg.MaxPostSize, "largest post (a Markdown file), in `bytes`")
	fs.Int64Var(&cfg.MaxFilesTotal, "max-files-total", cfg.MaxFilesTotal, "all files beside the posts together, in `bytes`")
	fs.DurationVar(&cfg.PostBudget, "post-budget", cfg.PostBudget, "time one post may take to render; a post over it fails the build, named")
	fs.StringVar(&cfg.Timezone, "timezone", cfg.Timezone, "time `zone` of dates written without one")
	fs.StringVar(&cfg.GeminiAddr, "gemini", cfg.GeminiAddr, "Gemini listen `address`")
	fs.IntVar(&cfg.GeminiPort, "gemini-port", cfg.GeminiPort, "`port` readers connect to, in gemini:// URLs; requests naming another are refused (0: the listen port)")
	fs.StringVar(&cfg.Certs, "certs", cfg.Certs, "`folder` for generated TLS certificates")
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

func main() {
	logger := log.New(os.Stderr, "capsuled: ", 0)
	cfg, opts, err := loadConfig(os.Args[1:])
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage()
		os.Exit(0)
	case err != nil:
		reportAndExit(logger, err, 2)
	case opts.version:
		fmt.Println("capsuled", capsule.Version)
		return
	}
	cfg.Log = logger

	if opts.check {
		sum, err := capsule.Check(cfg)
		if err != nil {
			reportAndExit(logger, err, 1)
		}
		for _, w := range sum.Warnings {
			fmt.Fprintln(os.Stderr, "warning:", w)
		}
		fmt.Printf("ok: %d posts, %d tags, %d warnings, built in %v\n", sum.Posts, sum.Tags, len(sum.Warnings), sum.BuildTime.Round(time.Millisecond))
		return
	}

	listeners, err := systemd.Listeners()
	if err != nil {
		logger.Fatal(err)
	}
	if listeners != nil {
		cfg.GeminiListener, cfg.GopherListener = listeners["gemini"], listeners["gopher"]
		if cfg.GeminiListener == nil || cfg.GopherListener == nil {
			logger.Fatal("socket activation: need sockets named gemini and gopher (FileDescriptorName=)")
		}
	}
	os.Exit(serve(logger, cfg))
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

// reportAndExit prints an error, one line per problem for a list of them.
func reportAndExit(logger *log.Logger, err error, code int) {
	var list content.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(os.Stderr, e)
		}
		plural := "s"
		if len(list) == 1 {
			plural = ""
		}
		logger.Printf("%d problem%s; nothing served", len(list), plural)
	} else {
		logger.Print(err)
	}
	os.Exit(code)
}

func usage() {
	fs := flag.NewFlagSet("capsuled", flag.ContinueOnError)
	cfg := config.NewConfig()
	var opts options
	defineFlags(fs, &cfg, &opts)
	fmt.Fprintf(os.Stderr, "usage: capsuled [flags]\n\nServes a folder of Markdown posts over Gemini and Gopher.\n\n")
	fs.PrintDefaults()
}
