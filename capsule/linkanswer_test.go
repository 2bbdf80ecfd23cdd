package capsule

import (
	"testing"
	"time"

	"capsule/capsule/content"
	"capsule/capsule/internal/testfs"
)

// A link that leads off the site is answered without the questions a
// link on the site needs (elsewhere), and the answer is the one they
// give: for links off the site, on its web address, relative, to tags'
// pages, to sections, to files, mailto: and odd ones.
func TestLinkAnswerElsewhereIsTheFullAnswer(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":                  "baseURL = \"https://blog.example/base/\"\ntitle = \"t\"\n",
		"content/posts/a.md":         "---\ntitle: A\ndate: 2024-01-01\ntags: [go]\n---\n[b](../b/)\n",
		"content/posts/b.md":         "---\ntitle: B\ndate: 2024-01-02\n---\nb\n",
		"content/posts/c/index.md":   "---\ntitle: C\ndate: 2024-01-03\n---\n![x](x.png)\n",
		"content/posts/c/x.png":      "PNG",
		"content/docs/_index.md":     "---\ntitle: Docs\n---\n",
		"content/docs/d.md":          "---\ntitle: D\n---\nd\n",
		"content/posts/secret.md":    "---\ntitle: S\ndate: 2024-01-04\ndraft: true\n---\ns\n",
		"static/files/manual.pdf":    "PDF",
		"content/posts/ja/nihon.md":  "---\ntitle: 日本\ndate: 2024-01-05\n---\n本文\n",
		"content/posts/other/b.md":   "---\ntitle: B2\ndate: 2024-01-06\n---\nb2\n",
		"content/posts/other/_x.txt": "x",
	})
	testfs.Age(dir, time.Now().Add(-time.Hour))
	c, err := content.Load(dir, content.LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	site := &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	l := newPostLinks(site, c.Posts, nil, c)
	dests := []string{
		"https://elsewhere.example/a/b?c=d#e", "http://elsewhere.example/", "gemini://gemini.example/x.gmi",
		"gopher://g.example/1/", "mailto:a@example.org", "ftp://f.example/file", "HTTPS://ELSEWHERE.example/",
		"https://blog.example/base/posts/b/", "https://BLOG.example/base/posts/a/", "https://blog.example/other/",
		"http://blog.example/base/tags/go/", "https://elsewhere.example/tags/go/", "https://elsewhere.example/categories/x/",
		"https://blog.example/base/docs/", "https://blog.example/base/files/manual.pdf", "https://blog.example/base/posts/secret/",
		"../b/", "/posts/b/", "b.md", "x.png", "/files/manual.pdf", "/tags/go/", "/docs/", "#top", "?q=1", "",
		"javascript:alert(1)", "data:text/plain,x", ":x", "https://", "https://[::1", "https://elsewhere.example/%zz",
	}
	for _, from := range c.Posts {
		for _, dest := range dests {
			a, ok := l.elsewhere(dest)
			if !ok {
				continue
			}
			if full := l.fullAnswer(dest, from); a != full {
				t.Errorf("%s from %s: elsewhere %+v, the full answer %+v", dest, from.File, a, full)
			}
		}
	}
	if _, ok := l.elsewhere("https://elsewhere.example/a"); !ok {
		t.Error("a link off the site is not answered as such")
	}
	if _, ok := l.elsewhere("https://blog.example/base/posts/b/"); ok {
		t.Error("a link to the blog's web address is answered as off the site")
	}
}
