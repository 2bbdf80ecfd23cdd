package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Jekyll's server (jekyll serve's servlet: "/file.* > /file/index.html >
// /file.html") and GitHub Pages answer /old with old.html: a page or a
// post Jekyll writes at an address ending in .html is read there without
// it too. A redirect page (jekyll-redirect-from's redirect_to) in
// old.md or old.html is such a file; so are about.md's /about.html and a
// post's /2020/01/02/hello.html. (Gopher's /about is the page's own
// menu already.) A Hugo site is left as it was: Hugo's server answers
// no such address.
func TestJekyllHTMLWithoutExtension(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: Bare\nplugins: [jekyll-redirect-from]\n",
		"_posts/2020-01-02-hello.md": "---\ntitle: Hello\n---\nHello world body.\n",
		"about.md":                   "---\ntitle: About\n---\nAbout this blog.\n",
		"old.md":                     "---\ntitle: Old\nredirect_to: /2020/01/02/hello.html\n---\n",
		"older.html":                 "---\nredirect_to: /about.html\n---\n",
		"away.md":                    "---\nredirect_to: https://example.com/elsewhere/\n---\n",
		"moved.md":                   "---\ntitle: Moved\npermalink: /moved.html\nredirect_to: /about.html\n---\n",
	})
	d := serveDir(t, dir)
	for _, c := range []struct{ bare, html string }{
		{"/old", "/old.html"},
		{"/older", "/older.html"},
		{"/moved", "/moved.html"},
		{"/away", "/away.html"},
		{"/about", "/about.html"},
		{"/2020/01/02/hello", "/2020/01/02/hello.html"},
	} {
		hs, hmeta, hpage := servetest.GeminiGet(t, d, c.html)
		if hs != 31 && hs != 20 {
			t.Fatalf("Gemini %s: %d %s", c.html, hs, hmeta)
		}
		if s, meta, page := servetest.GeminiGet(t, d, c.bare); s != hs || meta != hmeta || page != hpage {
			t.Errorf("Gemini %s: %d %q, want what %s answers, %d %q", c.bare, s, meta, c.html, hs, hmeta)
		}
		if got, want := servetest.GopherGet(t, d, c.bare+"\r\n"), servetest.GopherGet(t, d, c.html+"\r\n"); got != want && c.bare != "/about" || strings.HasPrefix(got, "3") {
			t.Errorf("Gopher %s: %q, want what %s answers, %q", c.bare, got, c.html, want)
		}
	}
	// A Hugo site with uglyURLs: as before, its .html only.
	hugo := testfs.Write(t, map[string]string{
		"hugo.toml":             "title = 'Ugly'\nuglyURLs = true\n",
		"content/posts/page.md": "---\ntitle: Page\ndate: 2020-01-02\n---\nUgly page.\n",
	})
	h := serveDir(t, hugo)
	if s, _, _ := servetest.GeminiGet(t, h, "/posts/page.html"); s != 31 {
		t.Fatalf("Hugo /posts/page.html: %d, want its redirect", s)
	}
	if s, meta, _ := servetest.GeminiGet(t, h, "/posts/page"); s == 31 {
		t.Errorf("Hugo /posts/page: 31 %s; Hugo's server answers no address without .html", meta)
	}
}

// jekyll serve answers /about/ with about.html too (WEBrick finds
// about.html for "about" and takes the "/" after it as path info; run
// with Jekyll 4.3.1: /about/, /2020/01/02/hello/ and /perm/ of a
// permalink /perm.html answer 200 with their page), unless a folder
// about/ has an index.html, which it answers there. GitHub Pages answers
// /about/ with a 404; capsule answers it as the generator's own server
// does: Gemini with the page's redirect, Gopher with its menu. A link
// to /about/ or /2020/01/02/hello (which jekyll serve answers) leads to
// the page, not warned as dead.
func TestJekyllHTMLWithTrailingSlash(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: Slash\nplugins: [jekyll-redirect-from]\n",
		"_posts/2020-01-02-hello.md": "---\ntitle: Hello\n---\nHello world body.\n",
		"_posts/2020-01-03-links.md": "---\ntitle: Links\n---\n[about](/about/), [hello](/2020/01/02/hello), [moved](moved/).\n",
		"_posts/2020-01-04-slash.md": "---\ntitle: Slash\n---\n[hello](/2020/01/02/hello/).\n",
		"about.md":                   "---\ntitle: About\n---\nAbout this blog.\n",
		"old.md":                     "---\ntitle: Old\nredirect_to: /about/\n---\n",
		"moved.md":                   "---\ntitle: Moved\npermalink: /moved.html\n---\nMoved page.\n",
		// A folder's index.html keeps its address.
		"docs/guide.md":       "---\ntitle: Guide page\n---\nThe page.\n",
		"docs/guide/index.md": "---\ntitle: Guide folder\n---\nThe folder's index.\n",
	})
	d := serveDir(t, dir)
	for _, c := range []struct{ slash, html string }{
		{"/about/", "/about.html"},
		{"/old/", "/old.html"},
		{"/moved/", "/moved.html"},
		{"/2020/01/02/hello/", "/2020/01/02/hello.html"},
	} {
		hs, hmeta, hpage := servetest.GeminiGet(t, d, c.html)
		if hs != 31 && hs != 20 {
			t.Fatalf("Gemini %s: %d %s", c.html, hs, hmeta)
		}
		if s, meta, page := servetest.GeminiGet(t, d, c.slash); s != hs || meta != hmeta || page != hpage {
			t.Errorf("Gemini %s: %d %q, want what %s answers, %d %q", c.slash, s, meta, c.html, hs, hmeta)
		}
		if got := servetest.GopherGet(t, d, c.slash+"\r\n"); strings.HasPrefix(got, "3") {
			t.Errorf("Gopher %s: %q, want the page", c.slash, got)
		}
	}
	fs, folder, _ := servetest.GeminiGet(t, d, "/docs/guide/")
	_, page, _ := servetest.GeminiGet(t, d, "/docs/guide.html")
	if fs != 31 || folder == page {
		t.Errorf("/docs/guide/ leads to %s, docs/guide.md's page; want docs/guide/index.md's, as jekyll serve answers it", folder)
	}
	// The old redirect_to /about/ leads to the page, through no dead link.
	if s, meta, _ := servetest.GeminiGet(t, d, "/old"); s != 31 || !strings.HasSuffix(meta, "/about.gmi") {
		t.Errorf("/old: %d %q, want a redirect to the about page", s, meta)
	}
	_, _, links := servetest.GeminiGet(t, d, "/posts/links.gmi")
	for _, want := range []string{"=> /about.gmi about\n", "=> /posts/hello.gmi hello\n", "=> /moved.gmi moved\n"} {
		if !strings.Contains(links, want) {
			t.Errorf("/posts/links.gmi has no %q:\n%s", want, links)
		}
	}
	if _, _, slash := servetest.GeminiGet(t, d, "/posts/slash.gmi"); !strings.Contains(slash, "=> /posts/hello.gmi hello\n") {
		t.Errorf("/posts/slash.gmi does not link the post:\n%s", slash)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			t.Errorf("warned: %s: %s", w.File, w.Msg)
		}
	}
}
