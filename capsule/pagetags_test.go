package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A page's tags are named in its byline, not linked: tag pages list the
// posts, never the pages (as for an unlisted post), so a page's link to
// its tag led to "51 Not found" on Gemini and "3" on Gopher when no post
// had the tag, and to a list without the page when one had. Found on a
// real Hugo blog (shoya140/v4.shoya.io's pages linked /ja/tags/note.gmi).
func TestPageTagsAreNotLinks(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"2024-01-01-hello.md": "+++\ntitle = \"Hello\"\ndate = 2024-01-01\ntags = [\"日記\"]\n+++\n\nHi.\n",
		"about.md":            "+++\ntitle = \"About\"\npage = true\ntags = [\"me\", \"日記\"]\n+++\n\nAbout me.\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	pages := servetest.Crawl(t, d, 100)
	about := pages["gemini:/about.gmi"]
	if !strings.Contains(about, "me, 日記") {
		t.Errorf("the page's byline does not name its tags:\n%s", about)
	}
	for addr, page := range pages {
		if strings.HasPrefix(addr, "gemini:") && !strings.HasPrefix(page, "text/") && !strings.HasPrefix(page, "application/") {
			t.Errorf("%s answers %q", addr, strings.SplitN(page, "\n", 2)[0])
		}
		if strings.HasPrefix(addr, "gopher:") && strings.HasPrefix(page, "3") {
			t.Errorf("%s answers %q", addr, strings.SplitN(page, "\t", 2)[0])
		}
	}
	// The page's menu, which its text leads to (gopher://…/1/about/).
	menu := servetest.GopherGet(t, d, "/about/\r\n")
	if !strings.Contains(menu, "me, 日記") {
		t.Errorf("the page's Gopher menu does not name its tags:\n%s", menu)
	}
	for _, page := range []string{about, menu} {
		if strings.Contains(page, "/tags/me") || strings.Contains(page, "/tags/%E6%97%A5%E8%A8%98") {
			t.Errorf("the page links its tags:\n%s", page)
		}
	}
	if !strings.Contains(pages["gemini:/posts/2024-01-01-hello.gmi"]+pages["gemini:/2024-01-01-hello.gmi"], "=> /tags/%E6%97%A5%E8%A8%98") {
		t.Error("a post no longer links its tag")
	}
}
