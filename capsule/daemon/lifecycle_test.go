package daemon_test

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/tlscert"

	"git.sr.ht/~adnano/go-gemini"
)

// servedFingerprint is the fingerprint of the certificate a TLS client is
// shown, computed from what the client receives.
func servedFingerprint(t *testing.T, d *daemon.Daemon) string {
	t.Helper()
	c, err := tlsDial(&net.Dialer{Timeout: 5 * time.Second}, d.GeminiAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return fingerprintDER(c.ConnectionState().PeerCertificates[0].Raw)
}

// A reload never creates or replaces the key readers have pinned: with
// the certificates folder gone, it fails, says why, and the certificate
// keeps serving; nothing is written.
func TestReloadNeverCreatesCertificate(t *testing.T) {
	var logged servetest.LogBuffer
	certs := filepath.Join(t.TempDir(), "certs")
	cfg := servetest.Config(t)
	cfg.Certs = certs
	// No build cache: by default it is written into the certificates
	// folder after the start, at any time, and the folder would not be
	// empty or gone when the reload looks.
	cfg.Cache = config.CacheOff
	cfg.Log = log.New(&logged, "", 0)
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	before := servedFingerprint(t, d)
	if !strings.Contains(logged.String(), "first start: created certificate") {
		t.Errorf("no loud line for the certificate created on a first start: %q", logged.String())
	}

	if err := os.RemoveAll(certs); err != nil {
		t.Fatal(err)
	}
	err := d.Reload(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), "missing") || !strings.Contains(err.Error(), before) {
		t.Errorf("reload with the certificate deleted: %v; want an error naming the one still served", err)
	}
	if got := servedFingerprint(t, d); got != before {
		t.Errorf("certificate served changed from %s to %s", before, got)
	}
	if _, err := os.Stat(certs); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("reload wrote into the certificates folder: %v", err)
	}

	// Another certificate in its place is not taken either.
	if _, err := tlscert.Create(certs, "localhost"); err != nil {
		t.Fatal(err)
	}
	if err := d.Reload(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "not the certificate being served") {
		t.Errorf("reload with another certificate on disk: %v", err)
	}
	if got := servedFingerprint(t, d); got != before {
		t.Errorf("certificate served changed from %s to %s", before, got)
	}
}

// A certificate is created on its own only in a folder that never held
// one: a folder that holds others has lost this one, and the operator
// must decide.
func TestCertificateCreatedOnlyOnFirstStart(t *testing.T) {
	certs := t.TempDir()
	if _, err := tlscert.Create(certs, "other.example"); err != nil {
		t.Fatal(err)
	}
	cfg := servetest.Config(t)
	cfg.Certs = certs
	if d, err := daemon.Start(context.Background(), cfg); err == nil {
		d.Shutdown(context.Background())
		t.Fatal("started with a new certificate in a folder that held others")
	} else if !strings.Contains(err.Error(), "restore them from your backup") {
		t.Errorf("error %q does not say what to do", err)
	}
	if _, err := os.Stat(filepath.Join(certs, "localhost.key")); err == nil {
		t.Error("a key was written")
	}
	if _, err := daemon.Check(cfg); err == nil {
		t.Error("-check passed where the start fails")
	}

	// A folder with only a README is a first start.
	readme := testfs.Write(t, map[string]string{"README.md": "certificates live here\n"})
	d := servetest.Start(t, func(c *config.Config) { c.Certs = readme })
	if _, err := os.Stat(filepath.Join(readme, "localhost.crt")); err != nil || d.Fingerprint() == "" {
		t.Errorf("first start did not create the certificate: %v", err)
	}
}

// -check tells when the certificate could not be created at start.
func TestCheckCertificatesFolder(t *testing.T) {
	cfg := servetest.Config(t)
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, []byte("x"), 0o644)
	cfg.Certs = filepath.Join(blocker, "certs")
	if _, err := daemon.Check(cfg); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("certificates folder under a file: %v", err)
	}
	if os.Geteuid() != 0 {
		locked := t.TempDir()
		os.Chmod(locked, 0o500)
		defer os.Chmod(locked, 0o700)
		cfg.Certs = filepath.Join(locked, "certs")
		if _, err := daemon.Check(cfg); err == nil || !strings.Contains(err.Error(), "not writable") {
			t.Errorf("certificates folder in a read-only folder: %v", err)
		}
	}
	cfg.Certs = t.TempDir()
	cfg.CertFile, cfg.KeyFile = filepath.Join(cfg.Certs, "none.crt"), filepath.Join(cfg.Certs, "none.key")
	if _, err := daemon.Check(cfg); err == nil {
		t.Error("-check passed with operator certificate files that do not exist")
	}
}

// An unmounted volume must not empty a blog: a reload that finds no posts
// where there were some is refused and the posts keep serving.
func TestReloadToNoPostsRefused(t *testing.T) {
	dir := servetest.CopyPosts(t)
	cfg := servetest.Config(t)
	cfg.Posts = dir
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range files {
		if filepath.Base(f) != content.SiteFile {
			os.Remove(f)
		}
	}
	if err := d.Reload(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "has no posts now") {
		t.Errorf("reload to an empty folder: %v", err)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/posts/2017-05-03-hello-again.gmi"); status != gemini.StatusSuccess {
		t.Errorf("a post is no longer served: %d", status)
	}
}

// A new blog may start empty; the log says so, and the home page has a
// title (the host name) rather than a bare "# ".
func TestStartEmpty(t *testing.T) {
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = t.TempDir()
		c.Log = log.New(&logged, "", 0)
	})
	if !strings.Contains(logged.String(), "no posts and no pages to serve") {
		t.Errorf("log does not say the blog is empty: %q", logged.String())
	}
	if _, _, body := servetest.GeminiGet(t, d, "/"); !strings.HasPrefix(body, "# localhost\n") {
		t.Errorf("home page of an empty blog starts %q", body[:min(len(body), 40)])
	}
}

// A post that takes goldmark long (thousands of unmatched emphasis
// delimiters) is named in the log while it renders, and left out with
// its name and time; the rest is served. A draft too: drafts were rendered outside the
// budget (18 s at every start and reload, in an attack).
func TestSlowPostNamed(t *testing.T) {
	for _, draft := range []string{"", "draft = true\n"} {
		var logged servetest.LogBuffer
		dir := testfs.Write(t, map[string]string{
			"slow.md": "+++\ntitle = \"遅い\"\ndate = 2020-01-01\n" + draft + "+++\n" + strings.Repeat("*a_ ", 25000) + "\n",
			"fast.md": "+++\ntitle = \"速い\"\ndate = 2020-01-02\n+++\n本文\n",
		})
		cfg := servetest.Config(t)
		cfg.Posts = dir
		// The slow post takes seconds (25,000 delimiters: 10,000 took
		// 250–310 ms on a fast machine, too close to the budget for a
		// tick of the watch to find it still rendering); the budget
		// leaves the fast one room under -race on a loaded machine, and
		// while the slow one's garbage keeps the collector busy (20 ms
		// was not always enough).
		cfg.PostBudget = 250 * time.Millisecond
		cfg.Log = log.New(&logged, "", 0)
		d := servetest.Start(t, func(c *config.Config) { *c = cfg })
		slow := filepath.Join(dir, "slow.md")
		if p := d.Store().Problems.Error(); !strings.Contains(p, slow+": took ") || !strings.Contains(p, "to render") {
			t.Errorf("start with a slow post (%q): problems %v", draft, p)
		}
		if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "速い") || strings.Contains(home, "遅い") {
			t.Errorf("home with a slow post (%q) left out:\n%s", draft, home)
		}
		if !strings.Contains(logged.String(), "still rendering "+slow+" after ") {
			t.Errorf("log does not name the slow post (%q) while it renders: %q", draft, logged.String())
		}
	}
}

// The post budget's default is the one the configuration starts with.
func TestPostBudgetDefault(t *testing.T) {
	if got := config.NewConfig().PostBudget; got != capsule.DefaultPostBudget {
		t.Errorf("config default %v, build default %v", got, capsule.DefaultPostBudget)
	}
}

func TestCertificateReused(t *testing.T) {
	certs := t.TempDir()
	first := servetest.Start(t, func(c *config.Config) { c.Certs = certs })
	fp := first.Fingerprint()
	second := servetest.Start(t, func(c *config.Config) { c.Certs = certs })
	if fp == "" || second.Fingerprint() != fp {
		t.Fatalf("fingerprint changed across starts: %s then %s", fp, second.Fingerprint())
	}
	// What the client sees is the certificate on disk.
	client := &gemini.Client{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var dialer net.Dialer
			return dialer.DialContext(ctx, network, second.GeminiAddr().String())
		},
	}
	var seen string
	client.TrustCertificate = func(_ string, cert *x509.Certificate) error {
		seen = fingerprintDER(cert.Raw)
		return nil
	}
	resp, err := client.Get(context.Background(), "gemini://localhost:"+strconv.Itoa(servetest.Port(second.GeminiAddr()))+"/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if seen != fp {
		t.Errorf("client saw %s, daemon printed %s", seen, fp)
	}
	entries, _ := os.ReadDir(certs)
	entries = slices.DeleteFunc(entries, func(e os.DirEntry) bool { return e.Name() == "cache" && e.IsDir() }) // the build cache's folder
	if len(entries) != 2 {
		t.Errorf("certs folder holds %d files, want a .crt and a .key", len(entries))
	}
}

// fingerprintDER is the SHA-256 fingerprint of a DER certificate, computed
// here rather than with the package's Fingerprint.
func fingerprintDER(der []byte) string {
	sum := sha256.Sum256(der)
	var b strings.Builder
	for i, c := range sum {
		if i > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%02X", c)
	}
	return b.String()
}

// -check binds every address a start would listen on: one no start can
// take fails it, as the start would fail; one in use (the running
// capsuled's) is said, not a problem.
func TestCheckBindsListenAddresses(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.GeminiAddr, cfg.GopherAddr = "127.0.0.1:0", "127.0.0.1:0"
	cfg.ProxyAgent = "127.0.0.1:99999"
	if _, err := daemon.Check(cfg); err == nil || !strings.Contains(err.Error(), "agent cannot listen on 127.0.0.1:99999") {
		t.Errorf("an agent address no start can take: %v", err)
	}
	if _, err := daemon.Start(context.Background(), cfg); err == nil {
		t.Error("the start took the address -check refused")
	}
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	cfg.ProxyAgent = held.Addr().String()
	sum, err := daemon.Check(cfg)
	if err != nil {
		t.Fatalf("an address in use: %v", err)
	}
	want := daemon.Listen{What: "agent", Addr: cfg.ProxyAgent, Note: "in use now: by the capsuled that runs, if one does"}
	if !slices.Contains(sum.Listens, want) {
		t.Errorf("listens %+v, want %+v among them", sum.Listens, want)
	}
}

// -check binds the metrics' address too, and a start fails on one it
// cannot take, before serving anything.
func TestCheckBindsMetricsAddress(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.MetricsAddr = "127.0.0.1:99999"
	if _, err := daemon.Check(cfg); err == nil || !strings.Contains(err.Error(), "metrics cannot listen on 127.0.0.1:99999") {
		t.Errorf("a metrics address no start can take: %v", err)
	}
	if _, err := daemon.Start(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "metrics:") {
		t.Errorf("the start took the address -check refused: %v", err)
	}
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	cfg.MetricsAddr = held.Addr().String()
	sum, err := daemon.Check(cfg)
	if err != nil {
		t.Fatalf("an address in use: %v", err)
	}
	want := daemon.Listen{What: "metrics", Addr: cfg.MetricsAddr, Note: "in use now: by the capsuled that runs, if one does"}
	if !slices.Contains(sum.Listens, want) {
		t.Errorf("listens %+v, want %+v among them", sum.Listens, want)
	}
}
