package capsule

import (
	"cmp"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"capsule/gopher"

	"git.sr.ht/~adnano/go-gemini"
)

// Config is everything a Daemon needs. The zero value of each field is a
// sane default where one exists.
type Config struct {
	Posts    string // posts folder; default "posts"
	Certs    string // folder of generated certificates; default "certs"
	Hostname string // default "localhost"

	GeminiAddr string // listen address; default ":1965"
	GopherAddr string // listen address; default ":7070"
	GopherPort int    // port written into gopher menus; default the listen port

	CertFile, KeyFile string // operator-supplied certificate; both or neither

	Location    *time.Location // zone of bare dates; default UTC
	Lang        string         // default language when the site file sets none
	GopherWidth int            // gopher text width in cells; default 70

	ReadTimeout  time.Duration // request read deadline; default 10s
	WriteTimeout time.Duration // response write deadline; default 30s

	Log *log.Logger // default: standard error
}

// Daemon is a running capsule: the Gemini and Gopher servers over one Capsule.
type Daemon struct {
	cfg     Config
	log     *log.Logger
	capsule *Capsule
	cert    atomic.Pointer[tls.Certificate]

	geminiLn, gopherLn net.Listener
	gemini             *gemini.Server
	gopher             *gopher.Server
	cancel             context.CancelFunc
	errc               chan error
	wg                 sync.WaitGroup
}

func (cfg *Config) setDefaults() {
	cfg.Posts = cmp.Or(cfg.Posts, "posts")
	cfg.Certs = cmp.Or(cfg.Certs, "certs")
	cfg.Hostname = cmp.Or(cfg.Hostname, "localhost")
	cfg.GeminiAddr = cmp.Or(cfg.GeminiAddr, ":1965")
	cfg.GopherAddr = cmp.Or(cfg.GopherAddr, ":7070")
	cfg.GopherWidth = cmp.Or(cfg.GopherWidth, 70)
	cfg.ReadTimeout = cmp.Or(cfg.ReadTimeout, 10*time.Second)
	cfg.WriteTimeout = cmp.Or(cfg.WriteTimeout, 30*time.Second)
	if cfg.Log == nil {
		cfg.Log = log.New(os.Stderr, "", log.LstdFlags)
	}
}

// Start loads the posts, loads or creates the certificate, listens on both
// addresses, builds the Store and starts serving. Problems in posts are
// returned as an ErrorList before anything is bound.
func Start(cfg Config) (*Daemon, error) {
	cfg.setDefaults()
	d := &Daemon{cfg: cfg, log: cfg.Log, errc: make(chan error, 2)}

	content, err := Load(cfg.Posts, LoadOptions{Location: cfg.Location, Lang: cfg.Lang})
	if err != nil {
		return nil, err
	}
	if err := d.loadCertificate(); err != nil {
		return nil, err
	}

	if d.geminiLn, err = net.Listen("tcp", cfg.GeminiAddr); err != nil {
		return nil, fmt.Errorf("gemini: %w", err)
	}
	if d.gopherLn, err = net.Listen("tcp", cfg.GopherAddr); err != nil {
		d.geminiLn.Close()
		return nil, fmt.Errorf("gopher: %w", err)
	}

	site := &Site{
		SiteMeta:    content.Meta,
		Hostname:    cfg.Hostname,
		GeminiPort:  port(d.geminiLn.Addr()),
		GopherPort:  cmp.Or(cfg.GopherPort, port(d.gopherLn.Addr())),
		GopherWidth: cfg.GopherWidth,
	}
	st, err := Build(site, content)
	if err != nil {
		d.geminiLn.Close()
		d.gopherLn.Close()
		return nil, err
	}
	for _, w := range st.Warnings {
		d.log.Printf("warning: %v", w)
	}
	d.capsule = New(st)
	d.serve()

	d.log.Printf("gemini: serving %s on %s (certificate SHA-256 %s)", site.GeminiURL("/"), d.geminiLn.Addr(), Fingerprint(d.cert.Load()))
	d.log.Printf("gopher: serving %s on %s", site.GopherURL(gopher.TypeMenu, "/"), d.gopherLn.Addr())
	d.log.Printf("built %d posts in %v", st.Posts, st.BuildTime.Round(10*time.Microsecond))
	return d, nil
}

func (d *Daemon) loadCertificate() error {
	cfg := &d.cfg
	if (cfg.CertFile == "") != (cfg.KeyFile == "") {
		return errors.New("-cert and -key go together: give both or neither")
	}
	if cfg.CertFile != "" {
		cert, err := LoadCertificate(cfg.CertFile, cfg.KeyFile)
		if err != nil {
			return err
		}
		d.cert.Store(&cert)
		return nil
	}
	cert, created, err := LoadOrCreateCertificate(cfg.Certs, cfg.Hostname)
	if err != nil {
		return fmt.Errorf("certificate: %w", err)
	}
	certFile, _ := CertPaths(cfg.Certs, cfg.Hostname)
	if created {
		d.log.Printf("created certificate %s for %s: back up %s, readers pin this certificate", certFile, cfg.Hostname, cfg.Certs)
	}
	d.cert.Store(&cert)
	return nil
}

// tlsConfig is Gemini's TLS: 1.2 or later, the current certificate whatever
// name the client asks for, client certificates requested but not verified
// (Gemini uses them as identities, not as a chain of trust).
func (d *Daemon) tlsConfig() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		ClientAuth: tls.RequestClientCert,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return d.cert.Load(), nil
		},
	}
}

func (d *Daemon) serve() {
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.gemini = &gemini.Server{
		Handler:      d.capsule,
		ReadTimeout:  d.cfg.ReadTimeout,
		WriteTimeout: d.cfg.WriteTimeout,
		ErrorLog:     d.log,
	}
	d.gopher = &gopher.Server{
		Handler:      d.capsule,
		Host:         d.cfg.Hostname,
		Port:         d.capsule.Store().Site.GopherPort,
		ReadTimeout:  d.cfg.ReadTimeout,
		WriteTimeout: d.cfg.WriteTimeout,
		ErrorLog:     d.log,
	}
	d.wg.Add(2)
	go func() {
		defer d.wg.Done()
		err := d.gemini.Serve(ctx, tls.NewListener(d.geminiLn, d.tlsConfig()))
		if !errors.Is(err, context.Canceled) {
			d.errc <- fmt.Errorf("gemini: %w", err)
		}
	}()
	go func() {
		defer d.wg.Done()
		if err := d.gopher.Serve(d.gopherLn); !errors.Is(err, gopher.ErrServerClosed) {
			d.errc <- fmt.Errorf("gopher: %w", err)
		}
	}()
}

// Capsule returns the Capsule being served.
func (d *Daemon) Capsule() *Capsule { return d.capsule }

// GeminiAddr and GopherAddr are the addresses listened on.
func (d *Daemon) GeminiAddr() net.Addr { return d.geminiLn.Addr() }
func (d *Daemon) GopherAddr() net.Addr { return d.gopherLn.Addr() }

// Fingerprint is the SHA-256 fingerprint of the Gemini certificate.
func (d *Daemon) Fingerprint() string { return Fingerprint(d.cert.Load()) }

// Err receives an error if a server stops on its own.
func (d *Daemon) Err() <-chan error { return d.errc }

// Shutdown stops accepting connections, lets requests in flight finish until
// ctx ends, then closes what is left.
func (d *Daemon) Shutdown(ctx context.Context) error {
	var wg sync.WaitGroup
	var gemErr, gophErr error
	wg.Add(2)
	go func() { defer wg.Done(); gemErr = d.gemini.Shutdown(ctx) }()
	go func() { defer wg.Done(); gophErr = d.gopher.Shutdown(ctx) }()
	wg.Wait()
	d.cancel()
	d.wg.Wait()
	return errors.Join(gemErr, gophErr)
}

func port(a net.Addr) int {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.Port
	}
	return 0
}
