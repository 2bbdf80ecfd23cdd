package daemon_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/tlscert"
)

// englishPosts is a second blog, in English.
func englishPosts(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"_index.md":            "+++\ntitle = \"Field Notes\"\nlang = \"en\"\n+++\n",
		"2020-01-01-first.md":  "+++\ntitle = \"First light\"\ndate = 2020-01-01\ntags = [\"sky\"]\n+++\n\nThe first post of the English site.\n",
		"2020-02-01-second.md": "+++\ntitle = \"Second wind\"\ndate = 2020-02-01\n+++\n\nAnother post.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Two sites in one daemon: a Japanese one (the main site) and an English
// one ([[site]]). SNI chooses the certificate, the request's host the
// site; a host of neither gets 53; each site has its own Gopher
// listener; a broken post in one site on reload keeps that site's
// content and does not stop the other's reload.
func TestTwoSites(t *testing.T) {
	ja, en := servetest.CopyPosts(t), englishPosts(t)
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Posts = ja
		cfg.Sites = []config.SiteConfig{{Hostname: "en.localhost", Posts: en, GopherAddr: "127.0.0.1:0"}}
	})
	if d.SiteCount() != 2 {
		t.Fatalf("%d sites, want the main one and the English one", d.SiteCount())
	}
	port := d.Store().Site.GeminiPort
	url := func(host, path string) string { return "gemini://" + host + ":" + strconv.Itoa(port) + path }

	home, jaCert := servetest.GeminiSNI(t, d, "localhost", url("localhost", "/"))
	if !strings.HasPrefix(home, "20 text/gemini; charset=utf-8; lang=ja\r\n# _・)Keep Smiling") {
		t.Errorf("the main site's home:\n%.200s", home)
	}
	home, enCert := servetest.GeminiSNI(t, d, "en.localhost", url("en.localhost", "/"))
	if !strings.HasPrefix(home, "20 text/gemini; charset=utf-8; lang=en\r\n# Field Notes") || !strings.Contains(home, "First light") {
		t.Errorf("the English site's home:\n%.300s", home)
	}
	if tlscert.Fingerprint(jaCert) == tlscert.Fingerprint(enCert) {
		t.Error("both sites showed the same certificate: SNI did not choose")
	}
	if got := tlscert.Fingerprint(enCert); got != d.SiteFingerprint(1) {
		t.Errorf("SNI en.localhost: certificate %s, want the English site's", got)
	}
	// The request's host decides, whatever name the handshake asked for.
	if page, _ := servetest.GeminiSNI(t, d, "localhost", url("en.localhost", "/posts/2020-01-01-first.gmi")); !strings.Contains(page, "The first post of the English site.") {
		t.Errorf("the English post, with the main site's SNI:\n%.200s", page)
	}
	if page, _ := servetest.GeminiSNI(t, d, "en.localhost", url("localhost", "/posts/2020-01-01-first.gmi")); !strings.HasPrefix(page, "51 ") {
		t.Errorf("an English post asked of the main site: %.100q, want 51", page)
	}
	if page, _ := servetest.GeminiSNI(t, d, "other.example", url("other.example", "/")); !strings.HasPrefix(page, "53 ") {
		t.Errorf("a host of no site: %.100q, want 53", page)
	}

	// Gopher: a listener each.
	if root := servetest.GopherGetAt(t, d.GopherAddr().String(), "\r\n"); !strings.Contains(root, "Keep Smiling") {
		t.Errorf("the main site's gopher root:\n%.300s", root)
	}
	enGopher := d.GopherAddrOf("en.localhost").String()
	root := servetest.GopherGetAt(t, enGopher, "\r\n")
	if !strings.Contains(root, "Field Notes") || strings.Contains(root, "Keep Smiling") || !strings.Contains(root, "\ten.localhost\t") {
		t.Errorf("the English site's gopher root:\n%.400s", root)
	}

	// A reload: a broken post in the English site, a new post in the
	// Japanese one. The English site leaves its broken post out and
	// serves the rest; the Japanese one serves its new post.
	os.WriteFile(filepath.Join(en, "2020-03-01-broken.md"), []byte("+++\ntitle = \"Broken\"\ndate = \"someday\"\n+++\n"), 0o644)
	os.WriteFile(filepath.Join(ja, "2018-01-01-new.md"), []byte("+++\ntitle = \"新しい記事\"\ndate = 2020-01-01\n+++\n本文\n"), 0o644)
	if err := d.Reload(context.Background(), d.Config()); err != nil {
		t.Errorf("reload with a broken English post: %v", err)
	}
	if home, _ := servetest.GeminiSNI(t, d, "en.localhost", url("en.localhost", "/")); !strings.Contains(home, "First light") || strings.Contains(home, "Broken") {
		t.Errorf("the English site after its reload:\n%.300s", home)
	}
	if home, _ := servetest.GeminiSNI(t, d, "localhost", url("localhost", "/")); !strings.Contains(home, "新しい記事") {
		t.Errorf("the Japanese site did not reload beside the broken English one:\n%.400s", home)
	}
}

// Sites must be told apart: a host name twice, or a site without its
// gopher address, is an error before anything is served.
func TestSitesConfigChecked(t *testing.T) {
	for name, sites := range map[string][]config.SiteConfig{
		"same host": {{Hostname: "LOCALHOST.", Posts: "x", GopherAddr: "127.0.0.1:0"}},
		"no gopher": {{Hostname: "en.localhost", Posts: "x"}},
		"same gopher": {{Hostname: "a.localhost", Posts: "x", GopherAddr: "127.0.0.1:7071"},
			{Hostname: "b.localhost", Posts: "x", GopherAddr: "127.0.0.1:7071"}},
	} {
		cfg := servetest.Config(t)
		cfg.Sites = sites
		if _, err := daemon.Start(context.Background(), cfg); err == nil {
			t.Errorf("%s: started", name)
		}
	}
}
