package capsule_test

import (
	"crypto/tls"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
	"capsule/capsule/tlscert"
)

// authorOnly starts a daemon on files as a Hugo content folder whose
// author is author; prepare, if any, is given the folder first.
func authorOnly(t *testing.T, author tls.Certificate, files map[string]string, prepare ...func(dir string)) *daemon.Daemon {
	t.Helper()
	return servetest.Start(t, func(c *config.Config) {
		c.AuthorCertificates = []string{tlscert.Fingerprint(&author)}
		c.Posts = testfs.Write(t, files)
		for _, f := range prepare {
			f(c.Posts)
		}
	})
}

// wantAuthorOnly checks that path (under /drafts/) answers 60 without a
// certificate, 61 with another one, and body with the author's.
func wantAuthorOnly(t *testing.T, d *daemon.Daemon, path string, author, stranger *tls.Certificate, body string) {
	t.Helper()
	en := messages.English
	if h, _ := servetest.GeminiAs(t, d, path, nil); h != "60 "+en.AuthorCertificate {
		t.Errorf("%s without a certificate: %q", path, h)
	}
	if h, _ := servetest.GeminiAs(t, d, path, stranger); h != "61 "+en.NotAuthor {
		t.Errorf("%s with another certificate: %q", path, h)
	}
	if h, got := servetest.GeminiAs(t, d, path, author); !strings.HasPrefix(h, "20 ") || got != body {
		t.Errorf("%s with the author's certificate: %q %q, want %q", path, h, got, body)
	}
}

// wantNowhere checks that path is served to no one, whatever certificate
// they show, on either protocol.
func wantNowhere(t *testing.T, d *daemon.Daemon, path string, certs ...*tls.Certificate) {
	t.Helper()
	for _, cert := range append(certs, nil) {
		if h, body := servetest.GeminiAs(t, d, path, cert); !strings.HasPrefix(h, "51 ") {
			t.Errorf("gemini %s (certificate %v): %q %q", path, cert != nil, h, clipText(body))
		}
	}
	if g := servetest.GopherGet(t, d, path+"\r\n"); !strings.HasPrefix(g, "3") {
		t.Errorf("gopher %s: %q", path, clipText(g))
	}
}

// The files of a draft's page bundle, and of a scheduled post's, are the
// author's, at /drafts/ on Gemini: never at their public path, never on
// Gopher, to no one else; the draft's page links them there, and a
// published post that links them offers no link.
func TestDraftBundleFilesForTheAuthorOnly(t *testing.T) {
	author, stranger := servetest.Identity(t, "author"), servetest.Identity(t, "stranger")
	next := time.Now().AddDate(1, 0, 0).UTC().Format(time.RFC3339)
	d := authorOnly(t, author, map[string]string{
		"posts/secret/index.md":        "+++\ntitle = \"Secret\"\ndate = 2020-01-02\ndraft = true\n+++\n![cover](cover.png)\n\n[notes](sub/notes.txt)\n",
		"posts/secret/cover.png":       "SECRET-PNG",
		"posts/secret/sub/notes.txt":   "secret notes",
		"posts/secret/sub/x/index.md":  "not a post: a resource of the bundle",
		"posts/later/index.md":         "+++\ntitle = \"Later\"\ndate = " + next + "\n+++\n![cover](cover.png)\n",
		"posts/later/cover.png":        "LATER-PNG",
		"posts/pub/index.md":           "+++\ntitle = \"Public\"\ndate = 2020-01-01\n+++\n![mine](cover.png)\n\n![theirs](../secret/cover.png)\n\n![later](/posts/later/cover.png)\n",
		"posts/pub/cover.png":          "PUB-PNG",
		"posts/_index.md":              "+++\ntitle = \"Posts\"\n+++\n",
		"posts/section-banner.png":     "SECTION-PNG",
		"images/site.png":              "SITE-PNG",
		"posts/secret/.hidden-key.pem": "never",
	}, func(dir string) {
		// A way around the bundle: a link beside the posts to its file.
		if err := os.Symlink("../posts/secret/cover.png", filepath.Join(dir, "images", "leak.png")); err != nil {
			t.Fatal(err)
		}
	})
	for _, path := range []string{"/posts/secret/cover.png", "/posts/secret/sub/notes.txt", "/posts/later/cover.png",
		"/posts/secret/sub/x/index.md", "/images/leak.png"} {
		wantNowhere(t, d, path, &author, &stranger)
	}
	if h, _ := servetest.GeminiAs(t, d, "/drafts/posts/pub/cover.png", &author); !strings.HasPrefix(h, "51 ") {
		t.Errorf("a published bundle's file among the drafts: %q", h)
	}
	wantAuthorOnly(t, d, "/drafts/posts/secret/cover.png", &author, &stranger, "SECRET-PNG")
	wantAuthorOnly(t, d, "/drafts/posts/secret/sub/notes.txt", &author, &stranger, "secret notes")
	wantAuthorOnly(t, d, "/drafts/posts/later/cover.png", &author, &stranger, "LATER-PNG")
	// Files of no bundle, and of a published one, are everyone's.
	for path, body := range map[string]string{"/posts/pub/cover.png": "PUB-PNG", "/posts/section-banner.png": "SECTION-PNG", "/images/site.png": "SITE-PNG"} {
		if h, got := servetest.GeminiAs(t, d, path, nil); !strings.HasPrefix(h, "20 ") || got != body {
			t.Errorf("gemini %s: %q %q", path, h, got)
		}
		if got := servetest.GopherGet(t, d, path+"\r\n"); got != body {
			t.Errorf("gopher %s: %q", path, got)
		}
	}
	// The drafts' pages link their files where their author reads them.
	if _, page := servetest.GeminiAs(t, d, "/drafts/secret.gmi", &author); !strings.Contains(page, "=> /drafts/posts/secret/cover.png cover\n") ||
		!strings.Contains(page, "=> /drafts/posts/secret/sub/notes.txt notes\n") {
		t.Errorf("the draft's page:\n%s", page)
	}
	if _, page := servetest.GeminiAs(t, d, "/drafts/later.gmi", &author); !strings.Contains(page, "=> /drafts/posts/later/cover.png cover\n") {
		t.Errorf("the scheduled post's page:\n%s", page)
	}
	// A published post keeps the text of links to them, and no link.
	_, _, page := servetest.GeminiGet(t, d, "/posts/pub.gmi")
	if !strings.Contains(page, "=> /posts/pub/cover.png mine") || strings.Contains(page, "secret/cover") || strings.Contains(page, "later/cover") ||
		!strings.Contains(page, "theirs") {
		t.Errorf("the published post's page:\n%s", page)
	}
	var warns []string
	for _, w := range d.Store().Warnings {
		warns = append(warns, w.Error())
	}
	all := strings.Join(warns, "\n")
	for _, want := range []string{"posts/pub/index.md:7: link to a file of a page bundle whose post is not published yet: not offered (its text is kept): ../secret/cover.png",
		"posts/pub/index.md:9: link to a file of a page bundle whose post is not published yet: not offered (its text is kept): /posts/later/cover.png"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings:\n%s\nwant %q", all, want)
		}
	}
	for addr, page := range servetest.Crawl(t, d, 100) {
		if strings.Contains(page, "SECRET") || strings.Contains(page, "secret/cover") || strings.Contains(page, "LATER") {
			t.Errorf("%s shows a draft's file:\n%s", addr, page)
		}
	}
}

// When a scheduled post is published by itself at its time, its bundle's
// files come out with it, at their public path on both protocols, and
// leave /drafts/.
func TestScheduledBundleFilesAppearWithThePost(t *testing.T) {
	author := servetest.Identity(t, "author")
	at := time.Now().Add(2 * time.Second).UTC().Truncate(time.Second).Add(time.Second)
	d := authorOnly(t, author, map[string]string{
		"posts/a/index.md":      "+++\ntitle = \"Published\"\ndate = 2020-01-01\n+++\nhello\n",
		"posts/later/index.md":  "+++\ntitle = \"Scheduled one\"\ndate = " + at.Format(time.RFC3339) + "\n+++\n![cover](cover.png)\n",
		"posts/later/cover.png": "LATER-PNG",
	})
	if h, _ := servetest.GeminiAs(t, d, "/posts/later/cover.png", nil); !strings.HasPrefix(h, "51 ") {
		t.Fatalf("before its time: %q", h)
	}
	if h, body := servetest.GeminiAs(t, d, "/drafts/posts/later/cover.png", &author); !strings.HasPrefix(h, "20 ") || body != "LATER-PNG" {
		t.Fatalf("before its time, for the author: %q %q", h, body)
	}
	for time.Now().Before(at.Add(5 * time.Second)) {
		_, _, home := servetest.GeminiGet(t, d, "/")
		if !strings.Contains(home, "Scheduled one") {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		if h, body := servetest.GeminiAs(t, d, "/posts/later/cover.png", nil); !strings.HasPrefix(h, "20 image/png") || body != "LATER-PNG" {
			t.Errorf("the post is out, its file: %q %q", h, body)
		}
		if got := servetest.GopherGet(t, d, "/posts/later/cover.png\r\n"); got != "LATER-PNG" {
			t.Errorf("the post is out, its file on Gopher: %q", got)
		}
		if _, _, page := servetest.GeminiGet(t, d, "/posts/later.gmi"); !strings.Contains(page, "=> /posts/later/cover.png cover") {
			t.Errorf("the post's page:\n%s", page)
		}
		if h, _ := servetest.GeminiAs(t, d, "/drafts/posts/later/cover.png", &author); !strings.HasPrefix(h, "51 ") {
			t.Errorf("still among the drafts: %q", h)
		}
		return
	}
	t.Error("the scheduled post did not appear within 5 s of its time")
}
