package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// page is capsule's own key (page = true: a page, not a post). No
// generator has it, so in a Hugo site a page: that is not true or false
// is the theme's (.Params.page: fjordllc/Lokka-inc numbers the chapters
// of a series with page: 01), and Hugo publishes the file as any other.
// Capsule does too: the key is ignored with a warning, not a problem
// that keeps the post (and a start) back.
func TestHugoThemesPageKeyIsNotCapsules(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":                 "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\nlanguageCode = \"ja\"\n",
			"content/series/chapter-1.md": "---\ntitle: 第一章\npage: 01\ndate: 2010-12-12T15:37:55+00:00\n---\n\n最初の章です。\n",
			"content/series/chapter-2.md": "---\ntitle: 第二章\npage: \"02\"\ndate: 2010-12-13T15:37:55+00:00\n---\n\n二つ目の章です。\n",
			"content/series/chapter-3.md": "---\ntitle: 第三章\ndate: 2010-12-14T15:37:55+00:00\n---\n\n三つ目の章です。\n",
		})
	})
	if p := d.Store().Problems; len(p) > 0 {
		t.Fatalf("problems: %v", p)
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	for _, title := range []string{"第一章", "第二章", "第三章"} {
		if !strings.Contains(home, " 2010-12-1") || !strings.Contains(home, title) {
			t.Errorf("the home page does not list %s as a post:\n%s", title, home)
		}
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/chapter-1.gmi"); !strings.Contains(page, "最初の章です。") {
		t.Errorf("/posts/chapter-1.gmi: %q", page)
	}
	if text := servetest.GopherGet(t, d, "/posts/chapter-2.txt\r\n"); !strings.Contains(text, "二つ目の章です。") {
		t.Errorf("gopher /posts/chapter-2.txt: %q", text)
	}
	said := false
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Error(), `"page"`) {
			said = true
		}
	}
	if !said {
		t.Errorf("no warning names the ignored key page: %v", d.Store().Warnings)
	}
}
