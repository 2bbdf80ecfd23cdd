package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Zola section sorted by permalink whose pages' paths put a date before
// their last folder (blog.rust-lang.org's path = "2014/12/12/1.0-Timeline",
// its subsection's "inside-rust/2019/09/25/Welcome", no date in front
// matter) is a blog: Zola lists the pages in that order and its templates
// show that date. Its pages are posts of those dates, newest first, their
// Zola addresses and aliases redirecting; a page of such a section with
// no date in its path, or no real one, stays a page, as does a dated path
// in a section sorted otherwise. All 751 of the Rust blog's were pages
// listed by title.
func TestZolaPermalinkSectionDatedByPath(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":              "base_url = \"https://example.org\"\ntitle = \"Blog\"\n",
			"content/_index.md":        "+++\nsort_by = \"permalink\"\n+++\n",
			"content/older.md":         "+++\npath = \"2014/12/12/Older\"\ntitle = \"Older one\"\naliases = [\"2014/12/12/Older.html\"]\n+++\nOld text.\n",
			"content/newer.md":         "+++\npath = \"2016/03/04/Newer\"\ntitle = \"Newer one\"\n+++\nNew text.\n",
			"content/dated.md":         "+++\npath = \"2015/01/01/Dated\"\ntitle = \"Own date\"\ndate = 2015-06-07\n+++\nText.\n",
			"content/about.md":         "+++\npath = \"about\"\ntitle = \"About us\"\n+++\nAbout text.\n",
			"content/bad.md":           "+++\npath = \"2015/13/45/Bad\"\ntitle = \"No such day\"\n+++\nText.\n",
			"content/inside/_index.md": "+++\nsort_by = \"permalink\"\n+++\n",
			"content/inside/mid.md":    "+++\npath = \"inside/2015/02/03/Mid\"\ntitle = \"Middle one\"\n+++\nMid text.\n",
			"content/docs/_index.md":   "+++\nsort_by = \"weight\"\n+++\n",
			"content/docs/guide.md":    "+++\npath = \"docs/2015/05/05/Guide\"\ntitle = \"A guide\"\n+++\nGuide text.\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	posts, pages, _ := strings.Cut(home, "## ")
	posts, pages = pages, posts
	want := []string{"2016-03-04 Newer one", "2015-06-07 Own date", "2015-02-03 Middle one", "2014-12-12 Older one"}
	last := -1
	for _, w := range want {
		i := strings.Index(posts, w)
		if i < 0 || i < last {
			t.Errorf("the home page's posts lack %q, or list it out of order:\n%s", w, home)
		}
		last = i
	}
	for _, page := range []string{"About us", "No such day", "A guide"} {
		if strings.Contains(posts, page) || !strings.Contains(pages, page) {
			t.Errorf("%q is not a page linked above the posts:\n%s", page, home)
		}
	}
	if _, _, post := servetest.GeminiGet(t, d, "/posts/older.gmi"); !strings.Contains(post, "\n2014-12-12\n") {
		t.Errorf("/posts/older.gmi does not say its date:\n%s", post)
	}
	for old, to := range map[string]string{"/2014/12/12/Older/": "/posts/older.gmi", "/2014/12/12/Older.html": "/posts/older.gmi", "/inside/2015/02/03/Mid/": "/posts/mid.gmi"} {
		if status, meta, _ := servetest.GeminiGet(t, d, old); status != 31 || !strings.HasSuffix(meta, to) {
			t.Errorf("%s answers %d %s, want a redirect to %s", old, status, meta, to)
		}
	}
	if menu := servetest.GopherGet(t, d, "/\r\n"); !strings.Contains(menu, "Newer one") {
		t.Errorf("gopher menu lacks the newest post:\n%s", menu)
	}
}
