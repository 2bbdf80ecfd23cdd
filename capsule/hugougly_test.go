package capsule_test

import (
	"fmt"
	"regexp"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// uglySite is a Hugo site of five posts in posts/ (three tagged go, all
// in the category misc) and a page in docs/, with config added to its
// hugo.toml; pagerSize 2 splits its lists: three pages of the home and
// of posts/, two of go's, three of misc's.
func uglySite(config string) map[string]string {
	files := map[string]string{
		"hugo.toml":         "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n" + config + "[pagination]\npagerSize = 2\n",
		"content/docs/a.md": "---\ntitle: Doc\n---\nDoc.\n",
	}
	for i := 1; i <= 5; i++ {
		tags := `["misc"]`
		if i <= 3 {
			tags = `["go"]`
		}
		files[fmt.Sprintf("content/posts/p%d.md", i)] = fmt.Sprintf("---\ntitle: Post %d\ndate: 2024-01-0%d\ntags: %s\ncategories: [misc]\n---\nText %d.\n", i, i, tags, i)
	}
	return files
}

// A Hugo site with uglyURLs = true writes its lists at addresses ending
// in .html (Hugo 0.111 builds them so, and fjordllc/Lokka-inc's theme
// links them): a section's at /posts.html, its pages at
// /posts/page/2.html, a term's at /tags/go.html and /tags/go/page/2.html,
// the lists of tags and categories at /tags.html and /categories.html,
// the home's pages at /page/2.html and the home at /index.html. Each
// leads where the list's own address leads (/posts/ to the archive,
// /tags/go/ to the tag's page, /docs/ and the home's pages to the home),
// on both protocols. A table of sections ([uglyURLs] posts = true) makes
// those it names so, the home and the terms not; without uglyURLs none
// is answered but /index.html, which Hugo writes either way.
func TestHugoUglyListAddressesLeadWhereTheListsDo(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, uglySite("uglyURLs = true\n")) })
	for _, l := range [][3]string{
		{"/index.html", "/", "/"},
		{"/page/1.html", "/", "/"},
		{"/page/3.html", "/", "/"},
		{"/posts.html", "/archive.gmi", "/archive"},
		{"/posts/page/1.html", "/archive.gmi", "/archive"},
		{"/posts/page/3.html", "/archive.gmi", "/archive"},
		{"/docs.html", "/", "/"},
		{"/tags.html", "/tags/", "/tags/"},
		{"/tags/go.html", "/tags/go.gmi", "/tags/go"},
		{"/tags/go/page/2.html", "/tags/go.gmi", "/tags/go"},
		{"/categories.html", "/tags/", "/tags/"},
		{"/categories/misc.html", "/tags/misc.gmi", "/tags/misc"},
		{"/categories/misc/page/3.html", "/tags/misc.gmi", "/tags/misc"},
	} {
		listLeads(t, d, l[0], l[1], l[2])
	}
	// Past the last page, not found, as the folder forms.
	for _, addr := range []string{"/page/4.html", "/posts/page/4.html", "/tags/go/page/3.html"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s, past the list's last page, answered %s", addr, got)
		}
	}

	d = servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, uglySite("[uglyURLs]\nposts = true\n"))
	})
	listLeads(t, d, "/posts.html", "/archive.gmi", "/archive")
	listLeads(t, d, "/posts/page/2.html", "/archive.gmi", "/archive")
	for _, addr := range []string{"/page/2.html", "/docs.html", "/tags.html", "/tags/go.html", "/tags/go/page/2.html", "/categories/misc.html"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s, of a list uglyURLs does not name, answered %s", addr, got)
		}
	}

	d = servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, uglySite("")) })
	// (/index.html, which Hugo writes without uglyURLs too, is the
	// home's: hugolists_test.go.)
	for _, addr := range []string{"/page/2.html", "/posts.html", "/posts/page/2.html", "/tags.html", "/tags/go.html", "/categories/misc/page/2.html"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s, without uglyURLs, answered %s", addr, got)
		}
	}
}

// In a Hugo site with uglyURLs, a page's links to its lists as Hugo
// writes their addresses (/posts.html, /tags/go.html, absolute too) lead
// where links to the lists' own addresses (/posts/, /tags/go/) do, with
// no warning; the home's /index.html to the home. (One link a page: a
// page lists a link once.)
func TestLinksToHugoUglyListsLeadWhereTheListsDo(t *testing.T) {
	files := uglySite("uglyURLs = true\n[params]\nmainSections = [\"posts\"]\n")
	// Each list's address, then where the capsule leads it, then
	// Hugo's addresses of it with uglyURLs.
	groups := [][]string{
		{"/posts/", "/archive.gmi", "/posts.html", "https://example.org/posts.html"},
		{"/tags/go/", "/tags/go.gmi", "/tags/go.html", "/tags/go/page/2.html"},
		{"/tags/", "/tags/", "/tags.html"},
		{"/categories/misc/", "/tags/misc.gmi", "/categories/misc.html"},
		{"/docs/", "/", "/docs.html"},
		{"/", "/", "/index.html"},
	}
	for i, g := range groups {
		for j, dest := range g {
			if j != 1 {
				files[fmt.Sprintf("content/docs/l%d%d.md", i, j)] = fmt.Sprintf("---\ntitle: L\n---\n[to](%s)\n", dest)
			}
		}
	}
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
	target := func(i, j int) string {
		_, _, page := servetest.GeminiGet(t, d, fmt.Sprintf("/l%d%d.gmi", i, j))
		if m := regexp.MustCompile(`(?m)^=> (\S+) to$`).FindStringSubmatch(page); m != nil {
			return m[1]
		}
		return ""
	}
	for i, g := range groups {
		want := target(i, 0)
		if want != g[1] {
			t.Fatalf("the link to %s leads to %q, want %s", g[0], want, g[1])
		}
		for j, dest := range g[2:] {
			if got := target(i, j+2); got != want {
				t.Errorf("the link to %s leads to %q, want %s, as %s does", dest, got, want, g[0])
			}
		}
	}
	for _, w := range d.Store().Warnings {
		t.Errorf("warning: %v", w)
	}
}
