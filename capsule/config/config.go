// Package config is capsuled's configuration: the defaults, the TOML file
// (every problem reported with its line), and the checks that run before
// anything is bound.
package config

import (
	"capsule/capsule/content"
	"capsule/capsule/guard"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is everything a Daemon needs. NewConfig gives the defaults; a
// config file (ReadConfigFile) and flags change them.
type Config struct {
	Posts    string // posts folder
	Certs    string // folder of generated certificates
	Hostname string // the name readers use

	// Title, Description and Lang override the site file's when not empty.
	Title, Description, Lang string
	// Timezone names the zone of dates written without one ("UTC",
	// "Asia/Tokyo"); Location is set from it by Check.
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
}

// NewConfig returns the defaults: the sample blog in ./posts, served on
// every address at Gemini's port and at 7070 for Gopher (70 needs
// privileges), certificates in ./certs.
func NewConfig() Config {
	return Config{
		Posts:          "posts",
		Certs:          "certs",
		Hostname:       "localhost",
		Timezone:       "UTC",
		GeminiAddr:     ":1965",
		GopherAddr:     ":7070",
		GopherWidth:    70,
		MaxFileSize:    content.DefaultMaxFileSize,
		MaxPostSize:    content.DefaultMaxPostSize,
		MaxFilesTotal:  content.DefaultMaxFilesTotal,
		PostBudget:     3 * time.Second, // capsule.DefaultPostBudget
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
	var errs []error
	loc, err := time.LoadLocation(cfg.Timezone)
	if err != nil {
		errs = append(errs, fmt.Errorf("timezone %q: %v", cfg.Timezone, err))
	}
	cfg.Location = loc
	if (cfg.CertFile == "") != (cfg.KeyFile == "") {
		errs = append(errs, errors.New("a certificate file and a key file go together: give both or neither"))
	}
	if cfg.GopherWidth < 20 || cfg.GopherWidth > 1000 {
		errs = append(errs, fmt.Errorf("gopher width %d is not between 20 and 1000 cells", cfg.GopherWidth))
	}
	if cfg.GeminiPort < 0 || cfg.GeminiPort > 65535 {
		errs = append(errs, fmt.Errorf("gemini port %d is not a port", cfg.GeminiPort))
	}
	if cfg.GopherPort < 0 || cfg.GopherPort > 65535 {
		errs = append(errs, fmt.Errorf("gopher port %d is not a port", cfg.GopherPort))
	}
	if cfg.PostBudget <= 0 {
		errs = append(errs, errors.New("post budget must be positive"))
	}
	if cfg.ReadTimeout <= 0 || cfg.WriteTimeout <= 0 {
		errs = append(errs, errors.New("timeouts must be positive"))
	}
	if cfg.Hostname == "" {
		errs = append(errs, errors.New("hostname is empty"))
	}
	if cfg.MaxFileSize <= 0 || cfg.MaxFilesTotal <= 0 || cfg.MaxPostSize <= 0 {
		errs = append(errs, errors.New("file size caps must be positive"))
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
			errs = append(errs, fmt.Errorf("%s (%d) is below max_conns_per_client (%d): a network holds many clients", n.name, n.cap, cfg.MaxConnsPerClient))
		}
	}
	if cfg.MaxConnsPer48 > 0 && cfg.MaxConnsPer56 > 0 && cfg.MaxConnsPer48 < cfg.MaxConnsPer56 {
		errs = append(errs, fmt.Errorf("max_conns_per_48 (%d) is below max_conns_per_56 (%d): a /48 holds 256 /56s", cfg.MaxConnsPer48, cfg.MaxConnsPer56))
	}
	if cfg.MinWriteRate <= 0 {
		errs = append(errs, errors.New("min_write_rate must be positive (bytes a second)"))
	}
	if _, err := guard.ParseTrusted(cfg.ProxyTrusted); err != nil {
		errs = append(errs, err)
	}
	if (cfg.GeminiProxy || cfg.GopherProxy) && len(cfg.ProxyTrusted) == 0 {
		errs = append(errs, errors.New("PROXY protocol is on but no proxy is trusted: list their addresses"))
	}
	if cfg.Log == nil {
		cfg.Log = log.New(os.Stderr, "", log.LstdFlags)
	}
	return errors.Join(errs...)
}

// LoadOptions is how cfg reads the posts folder.
func (cfg *Config) LoadOptions() content.LoadOptions {
	return content.LoadOptions{Location: cfg.Location, Lang: cfg.Lang, MaxFileSize: cfg.MaxFileSize, MaxFilesTotal: cfg.MaxFilesTotal, MaxPostSize: cfg.MaxPostSize}
}

// configFile is the TOML form of Config. Pointers tell a key that is set
// from one that is not, so that the file changes only what it names.
type configFile struct {
	Title       *string `toml:"title"`
	Description *string `toml:"description"`
	Hostname    *string `toml:"hostname"`
	Lang        *string `toml:"lang"`
	Timezone    *string `toml:"timezone"`
	Posts       *string `toml:"posts"`
	Favicon     *string `toml:"favicon"`
	Files       struct {
		MaxSize  *int64 `toml:"max_size"`
		MaxTotal *int64 `toml:"max_total"`
		MaxPost  *int64 `toml:"max_post_size"`
	} `toml:"files"`
	PostBudget   *duration `toml:"post_budget"`
	ReadTimeout  *duration `toml:"read_timeout"`
	WriteTimeout *duration `toml:"write_timeout"`
	Gemini       struct {
		Listen *string `toml:"listen"`
		Port   *int    `toml:"port"`
		Certs  *string `toml:"certs"`
		Cert   *string `toml:"cert"`
		Key    *string `toml:"key"`
		Proxy  *bool   `toml:"proxy_protocol"`
		PQ     *bool   `toml:"post_quantum"`
	} `toml:"gemini"`
	Gopher struct {
		Listen *string `toml:"listen"`
		Port   *int    `toml:"port"`
		Width  *int    `toml:"width"`
		Proxy  *bool   `toml:"proxy_protocol"`
	} `toml:"gopher"`
	Limits struct {
		MaxConns          *int     `toml:"max_conns"`
		MaxConnsPerClient *int     `toml:"max_conns_per_client"`
		Rate              *float64 `toml:"rate"`
		Burst             *int     `toml:"burst"`
		MaxConnsPer24     *int     `toml:"max_conns_per_24"`
		MaxConnsPer56     *int     `toml:"max_conns_per_56"`
		MaxConnsPer48     *int     `toml:"max_conns_per_48"`
		MinWriteRate      *int     `toml:"min_write_rate"`
	} `toml:"limits"`
	Proxy struct {
		Trusted *[]string `toml:"trusted"`
	} `toml:"proxy"`
	Log struct {
		Access *bool `toml:"access"`
		IPs    *bool `toml:"ips"`
	} `toml:"log"`
}

// duration reads "10s", "1m30s" from TOML.
type duration struct{ time.Duration }

func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

// ReadConfigFile changes cfg as the TOML file at path says. Unknown keys and
// wrong types are errors that name the file and line, every one of them.
func ReadConfigFile(path string, cfg *Config) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	src = content.NormalizeSource(src)
	var f configFile
	md, err := toml.Decode(string(src), &f)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return content.ErrorList{{File: path, Line: perr.Position.Line, Msg: perr.Message}}
		}
		return content.ErrorList{{File: path, Line: 1, Msg: content.DecodeMessage(err)}}
	}
	var errs content.ErrorList
	var unknownTables []string
	lines := content.KeyLines(src) // one pass, however many keys are unknown
	for _, key := range md.Undecoded() {
		if slices.ContainsFunc(unknownTables, func(t string) bool { return strings.HasPrefix(key.String(), t+".") }) {
			continue // inside a table already reported
		}
		if md.Type(key...) == "Hash" {
			unknownTables = append(unknownTables, key.String())
			errs = append(errs, &content.FileError{File: path, Line: lines[strings.Join(key, ".")],
				Msg: fmt.Sprintf("unknown section [%s]", key.String())})
			continue
		}
		errs = append(errs, &content.FileError{File: path, Line: lines[strings.Join(key, ".")],
			Msg: fmt.Sprintf("unknown key %q", key.String())})
	}
	if len(errs) > 0 {
		return errs
	}
	set(&cfg.Title, f.Title)
	set(&cfg.Description, f.Description)
	set(&cfg.Hostname, f.Hostname)
	set(&cfg.Lang, f.Lang)
	set(&cfg.Timezone, f.Timezone)
	set(&cfg.Posts, f.Posts)
	set(&cfg.Favicon, f.Favicon)
	set(&cfg.MaxFileSize, f.Files.MaxSize)
	set(&cfg.MaxFilesTotal, f.Files.MaxTotal)
	set(&cfg.MaxPostSize, f.Files.MaxPost)
	set(&cfg.GeminiAddr, f.Gemini.Listen)
	set(&cfg.GeminiPort, f.Gemini.Port)
	set(&cfg.Certs, f.Gemini.Certs)
	set(&cfg.CertFile, f.Gemini.Cert)
	set(&cfg.KeyFile, f.Gemini.Key)
	if f.PostBudget != nil {
		cfg.PostBudget = f.PostBudget.Duration
	}
	if f.ReadTimeout != nil {
		cfg.ReadTimeout = f.ReadTimeout.Duration
	}
	if f.WriteTimeout != nil {
		cfg.WriteTimeout = f.WriteTimeout.Duration
	}
	set(&cfg.GopherAddr, f.Gopher.Listen)
	set(&cfg.GopherPort, f.Gopher.Port)
	set(&cfg.GopherWidth, f.Gopher.Width)
	set(&cfg.GeminiProxy, f.Gemini.Proxy)
	set(&cfg.TLSPostQuantum, f.Gemini.PQ)
	set(&cfg.GopherProxy, f.Gopher.Proxy)
	set(&cfg.MaxConns, f.Limits.MaxConns)
	set(&cfg.MaxConnsPerClient, f.Limits.MaxConnsPerClient)
	set(&cfg.RateLimit, f.Limits.Rate)
	set(&cfg.RateBurst, f.Limits.Burst)
	set(&cfg.MaxConnsPer24, f.Limits.MaxConnsPer24)
	set(&cfg.MaxConnsPer56, f.Limits.MaxConnsPer56)
	set(&cfg.MaxConnsPer48, f.Limits.MaxConnsPer48)
	set(&cfg.MinWriteRate, f.Limits.MinWriteRate)
	set(&cfg.ProxyTrusted, f.Proxy.Trusted)
	set(&cfg.AccessLog, f.Log.Access)
	set(&cfg.LogIPs, f.Log.IPs)
	return nil
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
