package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll site with the jekyll-archives plugin has a page for each of
// its posts' tags (/tag/<slug>/) and categories (/category/<slug>/), at
// the permalinks its settings give: readers keep them and posts link
// them. The addresses were not found (51 on Gemini, nothing on Gopher),
// and a post's link to one was a dead link, warned about.
func TestJekyllArchivesPages(t *testing.T) {
	t.Run("defaults", func(t *testing.T) {
		dir := testfs.Write(t, map[string]string{
			"_config.yml": "title: Archives\nlang: ja\nplugins:\n  - jekyll-feed\n  - jekyll-archives\njekyll-archives:\n  enabled: [tags, categories]\n",
			"_posts/2020-01-02-one.md": "---\ntitle: One\ntags: [Go Lang, 日本語, Go]\ncategories: [Tech]\n---\n" +
				"See [the tag](/tag/go-lang/), [日本語](/tag/日本語/), [the category](/category/tech/) and [none](/tag/none/).\n",
			"_posts/2020-01-03-two.md": "---\ntitle: Two\ntags: [Go]\n---\nTwo.\n",
			// A theme's own page at a tag's address keeps it.
			"tag/go.md": "---\ntitle: Go posts\npermalink: /tag/go/\n---\nThe theme's page of Go.\n",
		})
		d := serveDir(t, dir)
		checkTermLeads(t, d, map[string][2]string{
			"/tag/go-lang/":           {"", "Go Lang"},
			"/tag/go-lang":            {"", "Go Lang"},
			"/tag/go-lang/index.html": {"", "Go Lang"},
			"/tag/日本語/":               {"", "日本語"},
			"/category/tech/":         {"", "Tech"},
		})
		// Addresses the plugin made none of: a category as a tag, a tag
		// as a category, Hugo's /tags/, its index; and the theme's page.
		for _, p := range []string{"/tag/tech/", "/category/go-lang/", "/tags/go-lang/", "/tag/", "/category/"} {
			if status, meta, _ := servetest.GeminiGet(t, d, escapePath(p)); status != 51 {
				t.Errorf("Gemini %s: %d %s, an address the site never had", p, status, meta)
			}
		}
		status, meta, body := servetest.GeminiGet(t, d, "/tag/go/")
		if u, err := url.Parse(meta); status == 31 && err == nil {
			status, meta, body = servetest.GeminiGet(t, d, u.EscapedPath())
		}
		if status != 20 || !strings.Contains(body, "The theme's page of Go.") {
			t.Errorf("Gemini /tag/go/ (and its redirect): %d %s %q, want the theme's page", status, meta, body)
		}
		// The post's links lead to the capsule's tag pages; only the
		// tag no post has is warned about.
		_, _, post := servetest.GeminiGet(t, d, "/posts/one.gmi")
		for _, tag := range []string{"Go Lang", "日本語", "Tech"} {
			if want := "/tags/" + url.PathEscape(tag) + ".gmi"; !strings.Contains(post, want) {
				t.Errorf("the post has no link to %s:\n%s", want, post)
			}
		}
		var dead []string
		for _, w := range d.Store().Warnings {
			if strings.Contains(w.Msg, "/tag/") || strings.Contains(w.Msg, "/category/") {
				dead = append(dead, w.Msg)
			}
		}
		if len(dead) != 1 || !strings.Contains(dead[0], "/tag/none/") {
			t.Errorf("warnings of the links to the archives: %q, want the one of /tag/none/", dead)
		}
	})
	t.Run("settings", func(t *testing.T) {
		dir := testfs.Write(t, map[string]string{
			// Listed in the Gemfile alone; all enabled; a tag's
			// permalink set, a category's the plugin's; slug_mode pretty.
			"Gemfile":                  "source \"https://rubygems.org\"\n# gem \"jekyll-feed\"\ngroup :jekyll_plugins do\n  gem \"jekyll-archives\", \"~> 2.2\"\nend\n",
			"_config.yml":              "title: Settings\njekyll-archives:\n  enabled: all\n  slug_mode: pretty\n  permalinks:\n    tag: /topics/:name.html\n",
			"_posts/2020-01-02-one.md": "---\ntitle: One\ntags: [C++ & Go]\ncategory: Big News\n---\nOne.\n",
		})
		d := serveDir(t, dir)
		checkTermLeads(t, d, map[string][2]string{
			"/topics/c++-&-go.html": {"", "C++ & Go"},
			"/category/big-news/":   {"", "Big News"},
		})
		for _, p := range []string{"/tag/c++-&-go/", "/topics/c-go.html"} {
			if status, meta, _ := servetest.GeminiGet(t, d, escapePath(p)); status != 51 {
				t.Errorf("Gemini %s: %d %s, an address the site never had", p, status, meta)
			}
		}
	})
	t.Run("chirpy", func(t *testing.T) {
		// Chirpy's theme gem depends on the plugin: its sites list only
		// the theme, and set the permalinks.
		dir := testfs.Write(t, map[string]string{
			"_config.yml":              "title: Chirpy\ntheme: jekyll-theme-chirpy\njekyll-archives:\n  enabled: [categories, tags]\n  permalinks:\n    tag: /tags/:name/\n    category: /categories/:name/\n",
			"_posts/2020-01-02-one.md": "---\ntitle: One\ntags: [Getting Started]\ncategories: [Blogging, Demo]\n---\nOne.\n",
		})
		d := serveDir(t, dir)
		checkTermLeads(t, d, map[string][2]string{
			"/tags/getting-started/": {"", "Getting Started"},
			"/categories/blogging/":  {"", "Blogging"},
			"/categories/demo/":      {"", "Demo"},
		})
	})
	t.Run("not the plugin's", func(t *testing.T) {
		// Settings without the plugin listed, or with it listed in a
		// comment, or enabled as one string: no page (the plugin takes
		// a list, "all" or true).
		for name, files := range map[string]map[string]string{
			"unlisted":       {"_config.yml": "title: X\njekyll-archives:\n  enabled: all\n"},
			"commented":      {"_config.yml": "title: X\njekyll-archives:\n  enabled: all\n", "Gemfile": "# gem \"jekyll-archives\"\n"},
			"enabled string": {"_config.yml": "title: X\nplugins: [jekyll-archives]\njekyll-archives:\n  enabled: tags\n"},
		} {
			files["_posts/2020-01-02-one.md"] = "---\ntitle: One\ntags: [Go]\n---\nOne.\n"
			d := serveDir(t, testfs.Write(t, files))
			if status, meta, _ := servetest.GeminiGet(t, d, "/tag/go/"); status != 51 {
				t.Errorf("%s: Gemini /tag/go/: %d %s, an address the site never had", name, status, meta)
			}
		}
	})
}

// jekyll-archives' lists of a year's, a month's and a day's posts (its
// enabled naming year, month, day, or all) are at /:year/,
// /:year/:month/ and /:year/:month/:day/ unless its permalinks say
// otherwise, for the dates its posts have: they lead to the capsule's
// archive, as Hexo's archives do, and a post's link to one too. They
// were not found (51 on Gemini, Gopher's not-found), a link to one a
// dead link.
func TestJekyllArchivesDatePages(t *testing.T) {
	files := func(config string) map[string]string {
		return map[string]string{
			"_config.yml": "title: Dates\ntimezone: Asia/Tokyo\nplugins: [jekyll-archives]\n" + config,
			// 2020-01-01 23:30 in UTC is 2020-01-02 in the site's zone.
			"_posts/2020-01-02-one.md": "---\ntitle: One\ndate: 2020-01-01 23:30:00 +0000\ntags: [Go]\n---\nSee [the year](/2020/).\n",
			"_posts/2021-07-15-two.md": "---\ntitle: Two\n---\nSee [the month](/months/2020-01/).\n",
			// Not a post: its date makes no list.
			"_drafts/three.md": "---\ntitle: Three\ndate: 2022-03-03\n---\nThree.\n",
		}
	}
	d := serveDir(t, testfs.Write(t, files("jekyll-archives:\n  enabled: [year, month, day, tags]\n  permalinks:\n    month: /months/:year-:month/\n")))
	want := servetest.GopherGet(t, d, "/archive\r\n")
	if !strings.Contains(want, "One") || !strings.Contains(want, "Two") {
		t.Fatalf("Gopher /archive: %q, want the archive", want)
	}
	for _, p := range []string{"/2020/", "/2020", "/2020/index.html", "/2021/", "/months/2020-01/", "/months/2021-07/", "/2020/01/02/", "/2021/07/15/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, p); status != 31 || !strings.HasSuffix(meta, "/archive.gmi") {
			t.Errorf("Gemini %s: %d %s, want a redirect to the archive", p, status, meta)
		}
		if got := servetest.GopherGet(t, d, p+"\r\n"); got != want {
			t.Errorf("Gopher %s: %q, want the archive %q", p, got, want)
		}
	}
	// Dates with no post, the day in UTC, the month at the plugin's
	// default address (the site moved it), the draft's year.
	for _, p := range []string{"/2019/", "/2020/02/", "/2020/01/01/", "/2020/01/", "/2022/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, p); status != 51 {
			t.Errorf("Gemini %s: %d %s, a list the plugin does not make", p, status, meta)
		}
	}
	for page, link := range map[string]string{"/posts/one.gmi": "=> /archive.gmi the year\n", "/posts/two.gmi": "=> /archive.gmi the month\n"} {
		if _, _, text := servetest.GeminiGet(t, d, page); !strings.Contains(text, link) {
			t.Errorf("%s lacks %q:\n%s", page, link, text)
		}
	}
	// Not enabled (tags alone): no list of dates.
	d = serveDir(t, testfs.Write(t, files("jekyll-archives:\n  enabled: [tags]\n")))
	if status, meta, _ := servetest.GeminiGet(t, d, "/2020/"); status != 51 {
		t.Errorf("Gemini /2020/ with dates not enabled: %d %s, want 51", status, meta)
	}
	// all: every kind, at the plugin's addresses.
	d = serveDir(t, testfs.Write(t, files("jekyll-archives:\n  enabled: all\n")))
	for _, p := range []string{"/2020/", "/2020/01/", "/2020/01/02/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, p); status != 31 || !strings.HasSuffix(meta, "/archive.gmi") {
			t.Errorf("Gemini %s (all): %d %s, want a redirect to the archive", p, status, meta)
		}
	}
}
