package capsule_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// listsSite is a Hugo site, pagerSize 2, with conf added to its
// hugo.toml: five posts in posts/tech/, a nested section (its
// _index.md), each with its own tag and category; two posts in
// posts/life/, a folder with no _index.md (no section: Hugo writes no
// list of it); three pages in captures/, a section of pages; two pages
// in docs/guide/, a nested section of pages, and one in docs/intro/, a
// nested section whose _index.md has text (a page of its own).
func listsSite(conf string) map[string]string {
	files := map[string]string{
		"hugo.toml":                    "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n" + conf + "[pagination]\npagerSize = 2\n[params]\nmainSections = [\"posts\"]\n",
		"content/posts/tech/_index.md": "---\ntitle: Tech\n---\n",
		"content/docs/guide/_index.md": "---\ntitle: Guide\n---\n",
		"content/docs/guide/g1.md":     "---\ntitle: G1\n---\nG1.\n",
		"content/docs/guide/g2.md":     "---\ntitle: G2\n---\nG2.\n",
		"content/docs/intro/_index.md": "---\ntitle: Intro\n---\nThe introduction.\n",
		"content/docs/intro/i1.md":     "---\ntitle: I1\n---\nI1.\n",
		"content/posts/life/l1.md":     "---\ntitle: L1\ndate: 2024-02-01\n---\nL1.\n",
		"content/posts/life/l2.md":     "---\ntitle: L2\ndate: 2024-02-02\n---\nL2.\n",
		"content/captures/c1.md":       "---\ntitle: C1\n---\nC1.\n",
		"content/captures/c2.md":       "---\ntitle: C2\n---\nC2.\n",
		"content/captures/c3.md":       "---\ntitle: C3\n---\nC3.\n",
		"content/posts/tech/sub/s1.md": "---\ntitle: S1\ndate: 2024-03-01\n---\nS1.\n",
	}
	for i := 1; i <= 4; i++ {
		files[fmt.Sprintf("content/posts/tech/p%d.md", i)] = fmt.Sprintf("---\ntitle: Post %d\ndate: 2024-01-0%d\ntags: [t%d]\ncategories: [c%d]\n---\nText %d.\n", i, i, i, i, i)
	}
	return files
}

// listLeads checks that addr answers a redirect to gem on Gemini and
// the menu at goph on Gopher.
func listLeads(t *testing.T, d *daemon.Daemon, addr, gem, goph string) {
	t.Helper()
	st, meta, _ := servetest.GeminiGet(t, d, addr)
	if u, err := url.Parse(meta); st != gemini.StatusPermanentRedirect || err != nil || u.Path != gem {
		t.Errorf("%s: %d %q, want a redirect to %s", addr, st, meta, gem)
	}
	if menu, want := servetest.GopherGet(t, d, addr+"\r\n"), servetest.GopherGet(t, d, goph+"\r\n"); menu != want || strings.HasPrefix(menu, "3") {
		t.Errorf("gopher %s is not the menu of %s:\n%s", addr, goph, menu)
	}
}

// Hugo 0.111 writes, besides the lists capsule answered already: a
// nested section's list at its folder (/posts/tech/, of
// posts/tech/_index.md) and its pages (/posts/tech/page/2/); the pages
// of a section of pages' list (/captures/page/2/) and of the lists of a
// taxonomy's terms (/tags/page/2/, /categories/page/2/); and each list
// at index.html in its folder (/index.html, /posts/index.html,
// /tags/index.html). Each leads where the closest list of the capsule
// is: a section of posts' to the archive, of pages' to the home, the
// terms' to the list of tags; a nested section whose _index.md has text
// is a page, which keeps its address, its list's pages leading to it.
// As many pages as the list's posts (or terms) fill; past them, and a
// folder that is no section (posts/life/, no _index.md), nothing.
func TestHugoNestedAndOtherListsLeadToTheClosestPage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, listsSite("")) })
	for _, a := range []string{"/posts/tech/", "/posts/tech", "/posts/tech/index.html", "/posts/tech/page/1/", "/posts/tech/page/3/", "/posts/tech/page/3/index.html",
		"/posts/index.html"} {
		listLeads(t, d, a, "/archive.gmi", "/archive")
	}
	for _, a := range []string{"/index.html", "/captures/index.html", "/captures/page/1/", "/captures/page/2/", "/docs/guide/", "/docs/guide/index.html", "/docs/guide/page/1/"} {
		listLeads(t, d, a, "/", "/")
	}
	for _, a := range []string{"/tags/index.html", "/tags/page/1/", "/tags/page/2/", "/categories/page/2/"} {
		listLeads(t, d, a, "/tags/", "/tags/")
	}
	// The section of pages with text: its page (at /intro.gmi) answers
	// its address, and the pages of its list lead to it.
	st, meta, _ := servetest.GeminiGet(t, d, "/docs/intro/")
	u, err := url.Parse(meta)
	if st != gemini.StatusPermanentRedirect || err != nil {
		t.Fatalf("/docs/intro/: %d %q, want a redirect to the section's page", st, meta)
	}
	if st, _, page := servetest.GeminiGet(t, d, u.Path); st != gemini.StatusSuccess || !strings.Contains(page, "The introduction.") {
		t.Fatalf("%s: %d %q, want the section's page", u.Path, st, page)
	}
	listLeads(t, d, "/docs/intro/page/1/", u.Path, "/docs/intro/")
	// 5 posts in posts/tech/ (its subfolder's, no section, too): 3
	// pages; 3 pages in captures/: 2; 4 tags: 2.
	for _, a := range []string{"/posts/tech/page/4/", "/captures/page/3/", "/tags/page/3/", "/posts/life/", "/posts/life/page/1/", "/posts/tech/sub/", "/posts/tech/sub/page/1/"} {
		if got := servedAnywhere(t, d, a); got != "" {
			t.Errorf("%s answered %s", a, got)
		}
	}
}

// With uglyURLs, Hugo writes these lists at .html addresses too
// (hugougly.go): /posts/tech.html, /posts/tech/page/2.html,
// /captures/page/2.html, /tags/page/2.html; each leads where the list
// does.
func TestHugoUglyNestedAndOtherListsLeadToTheClosestPage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, listsSite("uglyURLs = true\n")) })
	for _, a := range []string{"/posts/tech.html", "/posts/tech/page/1.html", "/posts/tech/page/3.html"} {
		listLeads(t, d, a, "/archive.gmi", "/archive")
	}
	for _, a := range []string{"/captures/page/2.html", "/docs/guide.html", "/docs/guide/page/1.html"} {
		listLeads(t, d, a, "/", "/")
	}
	for _, a := range []string{"/tags/page/2.html", "/categories/page/2.html"} {
		listLeads(t, d, a, "/tags/", "/tags/")
	}
}

// A post's links to these lists, and to the pages of the home's and a
// section's lists (/page/2/, /posts/page/2/), lead where the lists'
// addresses do, with no warning (they were kept as written, and warned
// of as links to files or posts that do not exist).
func TestLinksToHugoListPagesLeadWhereTheListsDo(t *testing.T) {
	for _, ugly := range []bool{false, true} {
		t.Run(fmt.Sprintf("uglyURLs=%v", ugly), func(t *testing.T) {
			conf := ""
			if ugly {
				conf = "uglyURLs = true\n"
			}
			files := listsSite(conf)
			links := [][2]string{
				{"/page/2/", "/"}, {"/posts/page/2/", "/archive.gmi"}, {"/posts/tech/", "/archive.gmi"},
				{"/posts/tech/page/2/", "/archive.gmi"}, {"/captures/page/2/", "/"}, {"/docs/guide/", "/"},
				{"/tags/page/2/", "/tags/"}, {"/categories/page/2/", "/tags/"},
			}
			if ugly {
				links = append(links, [2]string{"/posts/tech.html", "/archive.gmi"}, [2]string{"/posts/page/2.html", "/archive.gmi"},
					[2]string{"/posts/tech/page/2.html", "/archive.gmi"}, [2]string{"/page/2.html", "/"}, [2]string{"/tags/page/2.html", "/tags/"})
			}
			for i, l := range links {
				files[fmt.Sprintf("content/captures/l%d.md", i)] = fmt.Sprintf("---\ntitle: L\n---\n[to](%s)\n", l[0])
			}
			d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
			for i, l := range links {
				_, _, page := servetest.GeminiGet(t, d, fmt.Sprintf("/l%d.gmi", i))
				m := regexp.MustCompile(`(?m)^=> (\S+) to$`).FindStringSubmatch(page)
				if m == nil || m[1] != l[1] {
					t.Errorf("the link to %s: %q, want a link to %s", l[0], page, l[1])
				}
			}
			for _, w := range d.Store().Warnings {
				if strings.Contains(w.Msg, "link") {
					t.Errorf("warning: %v", w)
				}
			}
		})
	}
}
