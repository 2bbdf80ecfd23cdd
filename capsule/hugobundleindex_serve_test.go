package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Hugo leaf bundle's content file is index with any content format's
// extension: index.md, index.markdown, index.html (with front matter, as
// fjordllc/Lokka-inc's landing pages). Each is its folder's page, named
// by the folder as Hugo's address (/posts/foo/) is: not "index", which
// two such bundles would share; and a Markdown file beside index.html is
// the bundle's resource, as Hugo lists no page of it.
func TestHugoBundleIndexOfAnyContentFormat(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":                      "baseURL = \"https://example.org/\"\ntitle = \"Blog\"\n",
			"content/posts/foo/index.html":     "---\ntitle: Foo\ndate: 2020-01-01\n---\n<p>hello html</p>\n",
			"content/posts/foo/side.md":        "---\ntitle: Foo side\ndate: 2020-01-05\n---\nside\n",
			"content/posts/bar/index.markdown": "---\ntitle: Bar\ndate: 2020-01-02\n---\nhello markdown\n",
			"content/posts/baz/index.md":       "---\ntitle: Baz\ndate: 2020-01-03\n---\nhello md\n",
		})
	})
	if p := d.Store().Problems; len(p) > 0 {
		t.Fatalf("problems: %v", p)
	}
	for path, want := range map[string]string{"/posts/foo.gmi": "hello html", "/posts/bar.gmi": "hello markdown", "/posts/baz.gmi": "hello md"} {
		if status, _, page := servetest.GeminiGet(t, d, path); status != 20 || !strings.Contains(page, want) {
			t.Errorf("%s: %d %q, want the page with %q", path, status, page, want)
		}
	}
	for path, want := range map[string]string{"/posts/foo/": "/posts/foo.gmi", "/posts/bar/": "/posts/bar.gmi"} {
		if status, meta, _ := servetest.GeminiGet(t, d, path); status != 31 || !strings.HasSuffix(meta, want) {
			t.Errorf("%s: %d %q, want 31 to %s", path, status, meta, want)
		}
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/posts/index.gmi"); status == 20 {
		t.Errorf("/posts/index.gmi is served: a bundle is named index")
	}
	if text := servetest.GopherGet(t, d, "/posts/foo.txt\r\n"); !strings.Contains(text, "hello html") {
		t.Errorf("gopher /posts/foo.txt: %q", text)
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	if strings.Contains(home, "Foo side") {
		t.Errorf("the bundle's resource side.md is listed as a post:\n%s", home)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Error(), "slug") {
			t.Errorf("warning: %v", w)
		}
	}
}
