package capsule_test

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll page or post whose front matter has jekyll-redirect-from's
// redirect_to is a redirect on the web site (yunseo-kim.github.io's
// redirects/*.md: a permalink, a redirect_to, no text). capsule served
// each as an empty page of its own, listed among the pages, and its
// addresses led there.
func TestJekyllRedirectTo(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml": "title: Redirects\nurl: https://blog.example\nplugins: [jekyll-redirect-from]\n",
		"_posts/2020-01-02-hello.md": "---\ntitle: Hello\n---\nHello world body.\n\n" +
			"[Old name](/old-hello/) and [moved](/2020/01/03/moved.html).\n",
		// A post that moved to a page: its text is not what Jekyll shows.
		"_posts/2020-01-03-moved.md": "---\ntitle: Moved Post\nredirect_to: /about/\n---\nMoved post's old text.\n",
		"about.md":                   "---\ntitle: About\npermalink: /about/\n---\nAbout this blog.\n",
		"redirects/old.md":           "---\npermalink: /old-hello/\nredirect_to: /2020/01/02/hello.html\n---\n",
		"redirects/full.md":          "---\npermalink: /full/\nredirect_to: https://blog.example/2020/01/02/hello.html\n---\n",
		"redirects/chain.md":         "---\npermalink: /chain/\nredirect_to: [/old-hello/]\n---\n",
		"redirects/away.md":          "---\ntitle: Away Page\npermalink: /away/\nredirect_to: https://github.com/jekyll/jekyll\n---\n",
		"redirects/spaced.md":        "---\npermalink: /spaced/\nredirect_to: https://example.net/a b/\n---\n",
		"redirects/nowhere.md":       "---\npermalink: /nowhere/\nredirect_to: /nothing-here/\n---\n",
	})
	d := serveDir(t, dir)

	// What the post's and the page's own addresses answer: where the
	// redirect pages must lead.
	_, hello, _ := servetest.GeminiGet(t, d, "/2020/01/02/hello.html")
	_, about, _ := servetest.GeminiGet(t, d, "/about/")
	helloText := servetest.GopherGet(t, d, "/2020/01/02/hello.html\r\n")
	if !strings.Contains(helloText, "Hello world body.") {
		t.Fatalf("Gopher /2020/01/02/hello.html: %q, want the post", helloText)
	}
	for addr, want := range map[string]string{
		"/old-hello/": hello, "/old-hello": hello, "/full/": hello, "/chain/": hello,
		"/2020/01/03/moved.html": about,
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, addr); status != 31 || meta != want || want == "" {
			t.Errorf("Gemini %s: %d %q, want 31 %q", addr, status, meta, want)
		}
	}
	for _, addr := range []string{"/old-hello/", "/full/", "/chain/"} {
		if got := servetest.GopherGet(t, d, addr+"\r\n"); got != helloText {
			t.Errorf("Gopher %s: %q, want the post's text", addr, got)
		}
	}
	if got, want := servetest.GopherGet(t, d, "/2020/01/03/moved.html\r\n"), servetest.GopherGet(t, d, "/about/\r\n"); got != want || !strings.Contains(got, "About") {
		t.Errorf("Gopher /2020/01/03/moved.html: %q, want the page it moved to", got)
	}

	// Off the site: the link, as a link off the site is written.
	// A space in the URL is percent-encoded: it would end the link's URL.
	if status, _, body := servetest.GeminiGet(t, d, "/spaced/"); status != 20 || !strings.Contains(body, "=> https://example.net/a%20b/\n") {
		t.Errorf("/spaced/: %d %q, want a link to https://example.net/a%%20b/", status, body)
	}
	if status, _, body := servetest.GeminiGet(t, d, "/away/"); status != 20 || !strings.Contains(body, "=> https://github.com/jekyll/jekyll") {
		t.Errorf("Gemini /away/: %d %q, want a page with the link", status, body)
	}
	if got := servetest.GopherGet(t, d, "/away/\r\n"); !strings.HasPrefix(got, "h") || !strings.Contains(got, "\tURL:https://github.com/jekyll/jekyll\t") {
		t.Errorf("Gopher /away/: %q, want a menu with the link", got)
	}

	// A target capsule has nothing at: not served, said.
	if status, meta, _ := servetest.GeminiGet(t, d, "/nowhere/"); status != 51 {
		t.Errorf("Gemini /nowhere/: %d %q, want 51", status, meta)
	}
	warned := false
	for _, w := range d.Store().Warnings {
		warned = warned || strings.Contains(w.File, "nowhere.md") && strings.Contains(w.Msg, "/nothing-here/")
	}
	if !warned {
		t.Errorf("no warning of redirects/nowhere.md's target: %v", d.Store().Warnings)
	}

	// Listed nowhere: not on the home page, in the feed or in search.
	_, _, home := servetest.GeminiGet(t, d, "/")
	_, _, feed := servetest.GeminiGet(t, d, "/atom.xml")
	_, _, found := servetest.GeminiGet(t, d, "/search?Moved")
	_, _, found2 := servetest.GeminiGet(t, d, "/search?Away")
	for name, text := range map[string]string{"home page": home, "feed": feed, "search": found + found2} {
		for _, title := range []string{"Moved Post", "Away Page"} {
			if strings.Contains(text, title) {
				t.Errorf("the %s lists %q:\n%s", name, title, text)
			}
		}
	}
	if !strings.Contains(home, "Hello") {
		t.Errorf("the home page does not list the post:\n%s", home)
	}

	// A post's links to redirect pages lead where those do.
	helloPath, aboutPath := pathOf(t, hello), pathOf(t, about)
	_, _, post := servetest.GeminiGet(t, d, helloPath)
	if !strings.Contains(post, "Hello world body.") {
		t.Fatalf("the post at %s: %q", hello, post)
	}
	if !strings.Contains(post, "=> "+helloPath+" Old name") {
		t.Errorf("the post's link to /old-hello/ does not lead to the post:\n%s", post)
	}
	if !strings.Contains(post, "=> "+aboutPath+" moved") {
		t.Errorf("the post's link to the moved post does not lead to the page:\n%s", post)
	}
}

// pathOf is the path of a URL, percent-encoded.
func pathOf(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	return p.EscapedPath()
}

// A Jekyll page of HTML whose front matter has redirect_to and which has
// no text (Jekyll's own docs/pages/redirects/github.html: a permalink and
// a redirect_to) is a redirect too, as a Markdown one is: capsule left
// it out as a template it cannot build. One with text stays a template,
// not served, as does one of front matter alone with no redirect_to.
func TestJekyllRedirectToHTML(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                 "title: Redirects\nurl: https://blog.example\nplugins: [jekyll-redirect-from]\n",
		"_posts/2020-01-02-hello.md":  "---\ntitle: Hello\n---\nHello world body.\n",
		"pages/redirects/github.html": "---\npermalink: /github.html\nredirect_to: https://github.com/jekyll/jekyll\n---\n",
		"old.html":                    "---\nredirect_to: /2020/01/02/hello.html\n---\n\n",
		"nested/old/index.html":       "---\nredirect_to:\n  - /2020/01/02/hello.html\n---\n",
		"template.html":               "---\nredirect_to: /2020/01/02/hello.html\n---\n<p>{{ page.title }}</p>\n",
		"layout-alone.html":           "---\nlayout: default\n---\n",
	})
	d := serveDir(t, dir)

	_, hello, _ := servetest.GeminiGet(t, d, "/2020/01/02/hello.html")
	helloText := servetest.GopherGet(t, d, "/2020/01/02/hello.html\r\n")
	if !strings.Contains(helloText, "Hello world body.") {
		t.Fatalf("Gopher /2020/01/02/hello.html: %q, want the post", helloText)
	}
	for _, addr := range []string{"/old.html", "/nested/old/", "/nested/old/index.html"} {
		if status, meta, _ := servetest.GeminiGet(t, d, addr); status != 31 || meta != hello || hello == "" {
			t.Errorf("Gemini %s: %d %q, want 31 %q", addr, status, meta, hello)
		}
		if got := servetest.GopherGet(t, d, addr+"\r\n"); got != helloText {
			t.Errorf("Gopher %s: %q, want the post's text", addr, got)
		}
	}
	if status, _, body := servetest.GeminiGet(t, d, "/github.html"); status != 20 || !strings.Contains(body, "=> https://github.com/jekyll/jekyll") {
		t.Errorf("Gemini /github.html: %d %q, want a page with the link", status, body)
	}
	if got := servetest.GopherGet(t, d, "/github.html\r\n"); !strings.HasPrefix(got, "h") || !strings.Contains(got, "\tURL:https://github.com/jekyll/jekyll\t") {
		t.Errorf("Gopher /github.html: %q, want a menu with the link", got)
	}
	for _, addr := range []string{"/template.html", "/layout-alone.html", "/pages/redirects/github.html"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s answered: %s", addr, got)
		}
	}
	warned := map[string]bool{}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Kind, "template not served") {
			warned[filepath.Base(w.File)] = true
		}
	}
	if !warned["template.html"] || !warned["layout-alone.html"] || warned["github.html"] || warned["old.html"] || warned["index.html"] {
		t.Errorf("templates warned of: %v, want template.html and layout-alone.html alone", warned)
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "Hello") || strings.Contains(home, "github") || strings.Contains(home, "old") {
		t.Errorf("the home page:\n%s", home)
	}
}

// A redirect_to capsule cannot follow (a map, a number, a value with a
// line break or another control character, a list whose first is one
// of these) was taken as no redirect_to: the redirect page, with no text
// of its own, was served as an empty page at its address, in silence.
// Jekyll stops its build on a value that is no string, and no address
// has a line break: the page is left out, with a warning naming the
// file and the line. A list's first string is its target, as the
// plugin's (compact.first).
func TestJekyllRedirectToUnreadable(t *testing.T) {
	bad := map[string]string{
		"map":     "redirect_to:\n  url: /2020/01/02/hello.html\n",
		"number":  "redirect_to: 404\n",
		"crlf":    "redirect_to: \"/2020/01/02/hello.html\\r\\nX-Injected: 1\"\n",
		"block":   "redirect_to: |\n  /2020/01/02/hello.html\n  /about/\n",
		"tab":     "redirect_to: \"/2020/01/\\t02/hello.html\"\n",
		"listmap": "redirect_to:\n  - {url: /about/}\n  - /about/\n",
	}
	files := map[string]string{
		"_config.yml":                "title: Redirects\nurl: https://blog.example\nplugins: [jekyll-redirect-from]\n",
		"_posts/2020-01-02-hello.md": "---\ntitle: Hello\n---\nHello world body.\n",
		"redirects/list.md":          "---\npermalink: /list/\nredirect_to: [null, /2020/01/02/hello.html, /about/]\n---\n",
		"old.html":                   "---\nredirect_to: {url: /2020/01/02/hello.html}\n---\n",
	}
	for name, front := range bad {
		files["redirects/"+name+".md"] = "---\npermalink: /" + name + "/\n" + front + "---\n"
	}
	dir := testfs.Write(t, files)
	d := serveDir(t, dir)

	_, hello, _ := servetest.GeminiGet(t, d, "/2020/01/02/hello.html")
	if status, meta, _ := servetest.GeminiGet(t, d, "/list/"); status != 31 || meta != hello || hello == "" {
		t.Errorf("Gemini /list/: %d %q, want 31 %q (the list's first string)", status, meta, hello)
	}
	warns := d.Store().Warnings
	for name := range bad {
		if got := servedAnywhere(t, d, "/"+name+"/"); got != "" {
			t.Errorf("/%s/ answered: %s", name, got)
		}
		file := filepath.Join(dir, "redirects", name+".md")
		found := false
		for _, w := range warns {
			if w.File == file && w.Line == 3 && strings.Contains(w.Msg, "redirect_to") && strings.Contains(w.Msg, "cannot be a redirect") {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning on %s line 3 that its redirect_to cannot be a redirect: %v", file, warns)
		}
	}
	if got := servedAnywhere(t, d, "/old.html"); got != "" {
		t.Errorf("/old.html answered: %s", got)
	}
	wantWarning(t, warns, filepath.Join(dir, "old.html"), "cannot be a redirect")
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "Hello") {
		t.Errorf("the home page does not list the post:\n%s", home)
	}
}
