package capsule_test

import (
	"fmt"
	"net/url"
	"strings"
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

// jekyll-paginate-v2 pages the posts of each page whose front matter
// enables pagination, under the site's settings (_config.yml's
// pagination) and its own: page 1 at the page's permalink or folder,
// pages 2 on at that address joined with permalink ("/page/:num/"), as
// many as ceil((posts not hidden - offset) / per_page). They lead where
// page 1 does; a page past the last, another template's numbering, and
// a list with a filter (a tag), which capsule does not count, are not
// found. Five posts and a hidden one here.
func TestJekyllPaginateV2Pages(t *testing.T) {
	files := map[string]string{
		"_config.yml": "title: Blog\nplugins:\n  - jekyll-paginate-v2\npagination:\n  enabled: true\n  per_page: 2\n  permalink: '/page/:num/'\n",
		// The home's list: 5 posts, 2 a page.
		"index.html": "---\nlayout: home\npagination:\n  enabled: true\n---\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n",
		// A page of its own with text, 3 a page at /blog/p2/.
		"_pages/blog.md": "---\ntitle: Blog list\npermalink: /blog/\npagination:\n  enabled: true\n  per_page: 3\n  permalink: /p:num/\n---\nThe blog's posts.\n",
		// 4 posts after the offset: 2 pages.
		"list/index.html": "---\npagination:\n  enabled: true\n  offset: 1\n---\n{{ paginator.posts }}\n",
		// Filtered by a tag: not counted, not answered.
		"tags/index.html":             "---\npagination:\n  enabled: true\n  tag: go\n---\n{{ paginator.posts }}\n",
		"_posts/2024-01-06-hidden.md": "---\ntitle: Hidden\nhidden: true\n---\nHidden text.\n",
	}
	files["_config.yml"] += "include: [_pages]\n"
	for i := 1; i <= 5; i++ {
		files[fmt.Sprintf("_posts/2024-01-0%d-p%d.md", i, i)] = fmt.Sprintf("---\ntitle: Post %d\ntags: [go]\n---\nText %d.\n", i, i)
	}
	d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, files) })
	// The page's own address leads to its page.
	st, blog, _ := servetest.GeminiGet(t, d, "/blog/")
	blogPage, err := url.Parse(blog)
	if st != gemini.StatusPermanentRedirect || err != nil {
		t.Fatalf("/blog/: %d %q, want a redirect to the page", st, blog)
	}
	if _, _, body := servetest.GeminiGet(t, d, blogPage.Path); !strings.Contains(body, "The blog's posts.") {
		t.Fatalf("%s: %q, want the page", blogPage.Path, body)
	}
	for _, c := range []struct {
		leadsTo, gopherOf string
		pages             []string
	}{
		{"/", "/", []string{"/page/2/", "/page/3/", "/page/3", "/page/3/index.html"}},
		{blogPage.Path, "/blog/", []string{"/blog/p2/"}},
		{"/archive.gmi", "/archive", []string{"/list/", "/list/page/2/"}},
	} {
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
	}
	for _, addr := range []string{"/page/4/", "/page2/", "/blog/p3/", "/blog/page/2/", "/list/page/3/", "/tags/page/2/"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s, which Jekyll does not write, answered: %s", addr, got)
		}
	}
}

// Listed but disabled in _config.yml, jekyll-paginate-v2 makes no
// pages, whatever a page's front matter says.
func TestJekyllPaginateV2Disabled(t *testing.T) {
	files := map[string]string{
		"_config.yml": "title: Blog\nplugins: [jekyll-paginate-v2]\npagination:\n  enabled: false\n  per_page: 1\n",
		"index.html":  "---\npagination:\n  enabled: true\n---\n{{ paginator.posts }}\n",
	}
	for i := 1; i <= 3; i++ {
		files[fmt.Sprintf("_posts/2024-01-0%d-p%d.md", i, i)] = fmt.Sprintf("---\ntitle: Post %d\n---\nText %d.\n", i, i)
	}
	d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, files) })
	if got := servedAnywhere(t, d, "/page2/"); got != "" { // the plugin's default permalink's
		t.Errorf("/page2/ answered: %s", got)
	}
}

// jekyll-polyglot builds the site, jekyll-paginate's pages and all, once
// in each language, the others' under their folders: each language's
// list has one version of every post (its own, else the one polyglot
// copies there), hidden ones left out. Here four posts are listed in
// both languages (one written in both, two in English alone, one in
// Japanese alone; a fifth, Japanese, hidden), two a page: /page2/ and
// /ja/page2/, each leading to its language's home (as /ja/index.html,
// the first page, does), and no /page3/.
func TestJekyllPaginatorPolyglot(t *testing.T) {
	post := func(title string) string { return "---\ntitle: " + title + "\n---\n" + title + ".\n" }
	files := map[string]string{
		"_config.yml": "title: Notes\nlanguages: [\"en\", \"ja\"]\ndefault_lang: \"en\"\nlang_from_path: true\npermalink: /posts/:title/\n" +
			"plugins:\n  - jekyll-polyglot\n  - jekyll-paginate\npaginate: 2\n",
		"index.html":                      "---\nlayout: home\n---\n",
		"_posts/en/2024-01-01-both.md":    post("Both"),
		"_posts/ja/2024-01-01-both.md":    post("両方"),
		"_posts/en/2024-01-02-english.md": post("English"),
		"_posts/en/2024-01-03-more.md":    post("More"),
		"_posts/ja/2024-01-04-nihongo.md": post("日本語"),
		"_posts/ja/2024-01-05-hidden.md":  "---\ntitle: 隠し\nhidden: true\n---\n隠し。\n",
	}
	d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, files) })
	for _, c := range []struct{ home, page string }{{"/", "/page2/"}, {"/ja/", "/ja/page2/"}} {
		want := servetest.GopherGet(t, d, c.home+"\r\n")
		addrs := []string{c.page, strings.TrimSuffix(c.page, "/"), c.page + "index.html"}
		if c.home != "/" {
			addrs = append(addrs, c.home+"index.html") // the first page's, the home's
		}
		for _, addr := range addrs {
			st, meta, _ := servetest.GeminiGet(t, d, addr)
			if u, err := url.Parse(meta); st != gemini.StatusPermanentRedirect || err != nil || u.Path != c.home {
				t.Errorf("%s: %d %q, want a redirect to %s", addr, st, meta, c.home)
			}
			if got := servetest.GopherGet(t, d, addr+"\r\n"); got != want {
				t.Errorf("gopher %s is not the menu of %s:\n%s", addr, c.home, got)
			}
		}
	}
	for _, addr := range []string{"/page3/", "/ja/page3/", "/ja/page1/"} {
		if got := servedAnywhere(t, d, addr); got != "" {
			t.Errorf("%s, which polyglot's build does not write, answered: %s", addr, got)
		}
	}
}
