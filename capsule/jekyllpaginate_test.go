package capsule_test

import (
	"fmt"
	"net/url"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll blog with jekyll-paginate splits its list of posts into
// pages, /page2/ and on (paginate_path), as many as its posts not
// hidden fill (paginate a page): each leads where the list's first page
// does, the home for the site's index.html, the archive for a folder's
// (/blog/ of paginate_path "/blog/page:num/"); on Gopher, that menu. A
// page past the last, which Jekyll does not write, is not found: four
// posts and a hidden one make two pages of two.
func TestJekyllPaginatorPages(t *testing.T) {
	files := func(config string, index string) map[string]string {
		m := map[string]string{
			"_config.yml":                 "title: 日記\nlang: ja\nplugins:\n  - jekyll-paginate\n" + config,
			index:                         "---\nlayout: home\n---\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n",
			"_posts/2024-01-06-hidden.md": "---\ntitle: 隠し\nhidden: true\n---\n本文。\n",
		}
		for i := 1; i <= 4; i++ {
			m[fmt.Sprintf("_posts/2024-01-0%d-p%d.md", i, i)] = fmt.Sprintf("---\ntitle: 記事%d\n---\n本文%d。\n", i, i)
		}
		return m
	}
	for _, c := range []struct {
		name, config, index string
		leadsTo             string // the path the pages redirect to
		gopherOf            string // the selector whose menu they serve
		pages, none         []string
	}{
		{"home", "paginate: 2\n", "index.html", "/", "/", []string{"/page2/", "/page2", "/page2/index.html"}, []string{"/page3/", "/page1/"}},
		{"folder", "paginate: 2\npaginate_path: \"/blog/page:num/\"\n", "blog/index.html", "/archive.gmi", "/archive",
			[]string{"/blog/", "/blog/page2/", "/blog/page2"}, []string{"/blog/page3/", "/page2/"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, files(c.config, c.index)) })
			want := servetest.GopherGet(t, d, c.gopherOf+"\r\n")
			for _, addr := range c.pages {
				st, meta, _ := servetest.GeminiGet(t, d, addr)
				if u, err := url.Parse(meta); st != gemini.StatusPermanentRedirect || err != nil || u.Path != c.leadsTo {
					t.Errorf("%s: %d %q, want a redirect to %s", addr, st, meta, c.leadsTo)
				}
				if got := servetest.GopherGet(t, d, addr+"\r\n"); got != want {
					t.Errorf("gopher %s is not the menu of %s:\n%s", addr, c.gopherOf, got)
				}
			}
			for _, addr := range c.none {
				if got := servedAnywhere(t, d, addr); got != "" {
					t.Errorf("%s, which Jekyll does not write, answered: %s", addr, got)
				}
			}
		})
	}
}
