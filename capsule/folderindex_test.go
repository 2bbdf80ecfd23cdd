package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A folder holding an index.html (kkryama's Jekyll apps/index.html) is
// what a link to the folder, /apps/, means on the web: the post's link
// leads to the file on both protocols, without a dead-link warning, and
// the folder's address answers (a redirect on Gemini, the file on
// Gopher).
func TestFolderIndexAnswersItsFolder(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                "title: Blog\n",
			"_posts/2020-01-01-hello.md": "---\ntitle: Hello\n---\nSee [my apps](/apps/) and [the timer](/apps/timer/).\n",
			"apps/index.html":            "<html><body>Apps</body></html>\n",
			"apps/timer/index.html":      "<html><body>Timer</body></html>\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/hello.gmi")
	for _, want := range []string{"=> /apps/index.html my apps", "=> /apps/timer/index.html the timer"} {
		if !strings.Contains(page, want) {
			t.Errorf("the post lacks %q:\n%s", want, page)
		}
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/apps/"); status != 31 || !strings.HasSuffix(meta, "/apps/index.html") {
		t.Errorf("/apps/ answers %d %s, want a redirect to /apps/index.html", status, meta)
	}
	if got := servetest.GopherGet(t, d, "/apps/timer/\r\n"); !strings.Contains(got, "Timer") {
		t.Errorf("gopher /apps/timer/: %q", got)
	}
	if menu := servetest.GopherGet(t, d, "/posts/hello\r\n"); !strings.Contains(menu, "my apps\t/apps/index.html") {
		t.Errorf("the post's menu has no item for the apps:\n%s", menu)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Error(), "/apps/") {
			t.Errorf("warning: %v", w)
		}
	}
}

// A folder beside a post in a folder of its own (an Eleventy
// posts/hello/index.md, a Hugo bundle: ginpei's ./demo/) is linked
// relative to the post as on the web: ./demo/ and demo/ lead to its
// index.html, without a warning.
func TestFolderIndexBesideAPost(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"eleventy.config.js":          "export default function () {}\n",
			"posts/hello/index.md":        "---\ntitle: Hello\ndate: 2023-04-11\n---\n- [Demo folder](./demo/)\n- [Demo bare](demo/)\n",
			"posts/hello/demo/index.html": "<html>demo</html>\n",
			"posts/other/index.md":        "---\ntitle: Other\ndate: 2023-04-10\n---\nOther.\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/hello.gmi")
	if !strings.Contains(page, "=> /posts/hello/demo/index.html Demo folder\n") {
		t.Errorf("the post's page:\n%s", page)
	}
	if text := servetest.GopherGet(t, d, "/posts/hello.txt\r\n"); strings.Contains(text, "] demo/") || strings.Contains(text, "] ./demo/") {
		t.Errorf("gopher text keeps a bare link:\n%s", text)
	}
	for _, w := range d.Store().Warnings {
		t.Errorf("warning: %v", w)
	}
}
