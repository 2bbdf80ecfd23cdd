package capsule_test

import (
	"fmt"
	"net/url"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Hugo site's lists are split into pages, which readers keep and
// sites link: the home's /page/2/, a section's /posts/page/2/, a term's
// /tags/go/page/2/, page 1 an alias of the list. Each leads where its
// list's address does (the home, the archive, the tag's page), on both
// protocols, as many as the list's posts fill at the site's pager size;
// past the last, not found. Five posts, three tagged go: with
// [pagination] pagerSize = 2, three pages on the home and in posts/, two
// for go; with the older paginate = 3 and paginatePath = "p", two and
// one, at /p/N/.
func TestHugoListPagesLeadToTheirLists(t *testing.T) {
	site := func(config string) map[string]string {
		files := map[string]string{"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n" + config}
		for i := 1; i <= 5; i++ {
			tags := `["misc"]`
			if i <= 3 {
				tags = `["go"]`
			}
			files[fmt.Sprintf("content/posts/p%d.md", i)] = fmt.Sprintf("---\ntitle: Post %d\ndate: 2024-01-0%d\ntags: %s\n---\nText %d.\n", i, i, tags, i)
		}
		return files
	}
	leads := func(t *testing.T, d *daemon.Daemon, addr, gem, goph string) {
		t.Helper()
		st, meta, _ := servetest.GeminiGet(t, d, addr)
		if u, err := url.Parse(meta); st != gemini.StatusPermanentRedirect || err != nil || u.Path != gem {
			t.Errorf("%s: %d %q, want a redirect to %s", addr, st, meta, gem)
		}
		if menu, want := servetest.GopherGet(t, d, addr+"\r\n"), servetest.GopherGet(t, d, goph+"\r\n"); menu != want {
			t.Errorf("gopher %s is not the menu of %s:\n%s", addr, goph, menu)
		}
	}
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, site("[pagination]\npagerSize = 2\n")) })
	for _, addr := range []string{"/page/1/", "/page/2/", "/page/3/", "/page/3", "/page/3/index.html"} {
		leads(t, d, addr, "/", "/")
	}
	for _, addr := range []string{"/posts/page/1/", "/posts/page/3/"} {
		leads(t, d, addr, "/archive.gmi", "/archive")
	}
	for _, addr := range []string{"/tags/go/page/1/", "/tags/go/page/2/"} {
		leads(t, d, addr, "/tags/go.gmi", "/tags/go")
	}
	for _, addr := range []string{"/page/4/", "/posts/page/4/", "/tags/go/page/3/", "/tags/misc/page/2/"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s, past the list's last page, answered %s", addr, got)
		}
	}
	d = servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, site("paginate = 3\npaginatePath = \"p\"\n"))
	})
	for _, addr := range []string{"/p/1/", "/p/2/"} {
		leads(t, d, addr, "/", "/")
	}
	leads(t, d, "/tags/go/p/1/", "/tags/go.gmi", "/tags/go")
	for _, addr := range []string{"/p/3/", "/page/2/", "/tags/go/p/2/"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s answered %s", addr, got)
		}
	}
}

// A Zola taxonomy that sets paginate_by splits each term's list into
// pages, /tags/go/page/2/ (paginate_path, "page" unless written; written
// empty, /tags/go/2/): each leads to the tag's page, as many as the
// term's posts fill; a taxonomy without paginate_by has none.
func TestZolaTermPagesLeadToTheTag(t *testing.T) {
	site := func(taxonomy string) map[string]string {
		files := map[string]string{
			"config.toml":            "base_url = \"https://example.org\"\ntaxonomies = [" + taxonomy + ", {name = \"categories\"}]\n",
			"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
		}
		for i := 1; i <= 3; i++ {
			files[fmt.Sprintf("content/blog/p%d.md", i)] = fmt.Sprintf("+++\ntitle = \"P%d\"\ndate = 2023-11-0%d\n[taxonomies]\ntags = [\"go\"]\ncategories = [\"code\"]\n+++\nText.\n", i, i)
		}
		return files
	}
	leads := func(t *testing.T, d *daemon.Daemon, addr string) {
		t.Helper()
		st, meta, _ := servetest.GeminiGet(t, d, addr)
		if u, err := url.Parse(meta); st != gemini.StatusPermanentRedirect || err != nil || u.Path != "/tags/go.gmi" {
			t.Errorf("%s: %d %q, want a redirect to /tags/go.gmi", addr, st, meta)
		}
		if menu, want := servetest.GopherGet(t, d, addr+"\r\n"), servetest.GopherGet(t, d, "/tags/go\r\n"); menu != want {
			t.Errorf("gopher %s is not the tag's menu:\n%s", addr, menu)
		}
	}
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, site(`{name = "tags", paginate_by = 2}`))
	})
	for _, addr := range []string{"/tags/go/page/1/", "/tags/go/page/2/", "/tags/go/page/2"} {
		leads(t, d, addr)
	}
	for _, addr := range []string{"/tags/go/page/3/", "/categories/code/page/1/", "/tags/go/2/"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s answered %s", addr, got)
		}
	}
	d = servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, site(`{name = "tags", paginate_by = 2, paginate_path = ""}`))
	})
	leads(t, d, "/tags/go/2/")
	if got := servedAnywhere(t, d, "/tags/go/page/2/"); got != "" {
		t.Errorf("/tags/go/page/2/ answered %s", got)
	}
}
