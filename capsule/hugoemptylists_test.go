package capsule_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// emptyListsSite is a Hugo site, pagerSize 2, with conf added to its
// hugo.toml, whose pages have no tag or category: sections with no
// published page, a theme's search page written as a section, and a
// post (p1.md) that links their lists. What Hugo 0.111 writes of each is
// said where the test checks it.
func emptyListsSite(conf string) map[string]string {
	draft := "---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\nx\n"
	return map[string]string{
		"hugo.toml":                         "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n" + conf + "[pagination]\npagerSize = 2\n[params]\nmainSections = [\"posts\"]\n",
		"content/posts/p1.md":               "---\ntitle: P1\ndate: 2024-01-01\n---\n[v](/posts/varnish/) [s](/search/)\n",
		"content/posts/p2.md":               "---\ntitle: P2\ndate: 2024-01-03\n---\n[f](/find/)\n",
		"content/posts/tech/_index.md":      "---\ntitle: Tech\n---\n",
		"content/posts/tech/t1.md":          "---\ntitle: T1\ndate: 2024-01-02\n---\nT1.\n",
		"content/about.md":                  "---\ntitle: About\n---\nAbout.\n",
		"content/posts/Varnish/_index.md":   "---\nlinkTitle: Varnish\n---\n",
		"content/posts/Varnish/v1.md":       draft,
		"content/posts/empty/_index.md":     "---\ntitle: Empty\n---\n",
		"content/posts/bare/b1.md":          draft,
		"content/posts/dr/_index.md":        "---\ntitle: Dr\ndraft: true\n---\n",
		"content/posts/dr/d1.md":            draft,
		"content/posts/dr/deeper/_index.md": "---\ntitle: Deeper\n---\n",
		"content/posts/cas/_index.md":       "---\ntitle: Cas\ncascade:\n  draft: true\n---\n",
		"content/posts/cas/c1.md":           "---\ntitle: C1\ndate: 2024-01-01\n---\nx\n",
		"content/posts/nr/_index.md":        "---\ntitle: Nr\n_build: {render: never}\n---\n",
		"content/notes/_index.md":           "---\ntitle: Notes\n---\n",
		"content/notes/n1.md":               draft,
		"content/ideas/i1.md":               draft,
		"content/search/_index.md":          "---\ntitle: \"\"\nlinkTitle: 検索\n_build: {list: false}\n---\n",
		"content/find/_index.md":            "---\ntitle: Find\nlayout: search\n---\n",
	}
}

// A section whose _index.md Hugo publishes has its list even with drafts
// only (peperon4141's post/Varnish/) or no page: Hugo 0.111 writes
// /posts/varnish/ and /posts/varnish/page/1/, /notes/ and /notes/page/1/;
// each leads where its top section's list does (the archive; the home
// for a section of no posts). A theme's search page written as a
// section (content/search/_index.md; find/_index.md, layout: search),
// which Hugo writes at /search/ and /find/, leads to capsule's search.
// The lists of tags and of categories, which Hugo writes with no term
// in them, lead to the list of tags. Hugo writes nothing of a folder of
// drafts with no _index.md (posts/bare/, ideas/), nor of a section whose
// _index.md is a draft, hands a draft down by its cascade (which reaches
// itself), or is never rendered, nor of a section below such a one:
// nothing is answered there.
func TestHugoEmptySectionsAndSearchFolder(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, emptyListsSite("")) })
	for _, a := range []string{"/posts/varnish/", "/posts/Varnish/", "/posts/varnish", "/posts/varnish/index.html", "/posts/varnish/page/1/", "/posts/empty/", "/posts/empty/page/1/"} {
		listLeads(t, d, a, "/archive.gmi", "/archive")
	}
	for _, a := range []string{"/notes/", "/notes/index.html", "/notes/page/1/"} {
		listLeads(t, d, a, "/", "/")
	}
	for _, a := range []string{"/tags/index.html", "/categories/", "/categories/index.html"} {
		listLeads(t, d, a, "/tags/", "/tags/")
	}
	for _, a := range []string{"/search/", "/search/index.html", "/find/", "/find"} {
		st, meta, _ := servetest.GeminiGet(t, d, a)
		if u, err := url.Parse(meta); st != gemini.StatusPermanentRedirect || err != nil || u.Path != "/search" {
			t.Errorf("%s: %d %q, want a redirect to /search", a, st, meta)
		}
		if menu := servetest.GopherGet(t, d, a+"\r\n"); !regexp.MustCompile(`(?m)^7[^\t]*\t/search\t`).MatchString(menu) {
			t.Errorf("gopher %s is no menu that offers the search:\n%s", a, menu)
		}
	}
	if st, _, _ := servetest.GeminiGet(t, d, "/search"); st != gemini.StatusInput {
		t.Errorf("/search: %d, want the search's prompt", st)
	}
	for _, a := range []string{"/posts/varnish/page/2/", "/posts/bare/", "/ideas/", "/posts/dr/", "/posts/dr/deeper/", "/posts/cas/", "/posts/nr/", "/search/page/1/"} {
		if got := servedAnywhere(t, d, a); got != "" {
			t.Errorf("%s answered %s", a, got)
		}
	}
	_, _, page := servetest.GeminiGet(t, d, "/posts/p1.gmi")
	_, _, page2 := servetest.GeminiGet(t, d, "/posts/p2.gmi")
	page += page2
	for label, to := range map[string]string{"v": "/archive.gmi", "s": "/search", "f": "/search"} {
		if m := regexp.MustCompile(`(?m)^=> (\S+) ` + label + `$`).FindStringSubmatch(page); m == nil || m[1] != to {
			t.Errorf("the link %s: want a link to %s:\n%s", label, to, page)
		}
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "link") {
			t.Errorf("warning: %v", w)
		}
	}
}

// With disableKinds = ["taxonomy"], Hugo writes no list of terms: none
// is answered but capsule's own /tags/.
func TestHugoNoTermListsWhenDisabled(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, emptyListsSite("disableKinds = [\"taxonomy\"]\n"))
	})
	for _, a := range []string{"/tags/index.html", "/categories/", "/categories/index.html"} {
		if got := servedAnywhere(t, d, a); got != "" {
			t.Errorf("%s answered %s", a, got)
		}
	}
}
