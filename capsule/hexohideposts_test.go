package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/gemini"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// hexo-hide-posts, in a Hexo site's package.json, takes a post whose
// front matter has its filter key (hidden unless hide_posts sets one)
// from the posts of every generator but the post's own: off the home,
// archive, tags, categories, feed and search, and still served at its
// address. Without the plugin the key is nothing to Hexo. A site whose
// allowlist_generators (public_generators before 0.2) gives hidden
// posts to the tag, category or archive generator has them in those
// lists, as Hexo builds it (TestHexoHidePostsHomeAndFeed: the home and
// feed). (Found on suyu0925's Hexo blog: 16 hidden posts,
// public_generators: [tag].)
func TestHexoHidePosts(t *testing.T) {
	posts := map[string]string{
		"source/_posts/shown.md":   "---\ntitle: Shown\ndate: 2024-01-01\ntags: [kyoto]\ncategories: [trips]\n---\nmatcha kyoto\n",
		"source/_posts/offlist.md": "---\ntitle: Offlist\ndate: 2024-01-02\ntags: [kyoto]\ncategories: [trips]\nhidden: true\n---\nmatcha kyoto\n",
		"source/_posts/secret.md":  "---\ntitle: Secretly\ndate: 2024-01-03\ntags: [kyoto]\nsecret: true\n---\nmatcha kyoto\n",
	}
	site := func(pkg, config string) map[string]string {
		files := map[string]string{"package.json": pkg, "_config.yml": "title: t\n" + config}
		for k, v := range posts {
			files[k] = v
		}
		return files
	}
	const plugin = `{"dependencies": {"hexo": "^7.0.0", "hexo-hide-posts": "^0.4.3"}}`
	lists := []string{"/", "/archive.gmi", "/tags/kyoto.gmi", "/tags/trips.gmi", "/atom.xml", "/search?matcha"}

	d := startSite(t, testfs.Write(t, site(plugin, "")))
	for _, where := range lists {
		if _, _, page := servetest.GeminiGet(t, d, where); strings.Contains(page, "Offlist") || !strings.Contains(page, "Shown") {
			t.Errorf("%s: want Shown, not the hidden Offlist:\n%s", where, page)
		}
	}
	if menu := servetest.GopherGet(t, d, "\r\n"); strings.Contains(menu, "Offlist") {
		t.Errorf("the gopher home lists the hidden post:\n%s", menu)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/offlist.gmi"); !strings.Contains(page, "matcha") {
		t.Errorf("the hidden post is not served:\n%s", page)
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/2024/01/02/offlist/"); status != 31 || !strings.HasSuffix(meta, "/posts/offlist.gmi") {
		t.Errorf("/2024/01/02/offlist/: %d %s, want a redirect to the hidden post", status, meta)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "hidden") {
			t.Errorf("warning: %v", w)
		}
	}

	// A filter of its own, and public_generators: [tag] (0.1's name):
	// Hexo lists Secretly on its tags' pages (hexo-generator-tag's,
	// with their later pages), not on its category's, home, archive or
	// feed; the tag only it has gets a page. No warning: capsule does
	// all the allowlist asks.
	posts["source/_posts/secret.md"] = "---\ntitle: Secretly\ndate: 2024-01-03\ntags: [kyoto, hush]\ncategories: [trips]\nsecret: true\n---\nmatcha kyoto\n"
	const perPage = "tag_generator:\n  per_page: 1\ncategory_generator:\n  per_page: 1\n"
	d = startSite(t, testfs.Write(t, site(plugin, perPage+"hide_posts:\n  enable: true\n  filter: secret\n  public_generators: [tag]\n")))
	for where, want := range map[string]bool{
		"/": false, "/archive.gmi": false, "/atom.xml": false, "/search?matcha": false, "/tags/kyoto.xml": false,
		"/tags/trips.gmi": false, "/tags/kyoto.gmi": true, "/tags/hush.gmi": true,
	} {
		if _, _, page := servetest.GeminiGet(t, d, where); strings.Contains(page, "Secretly") != want || !strings.Contains(page, "Offlist") && where != "/tags/hush.gmi" {
			t.Errorf("public_generators [tag]: %s should list Offlist, and Secretly %v:\n%s", where, want, page)
		}
	}
	if menu := servetest.GopherGet(t, d, "/tags/kyoto\r\n"); !strings.Contains(menu, "Secretly") {
		t.Errorf("the gopher menu of kyoto does not list the hidden post its allowlist gives it:\n%s", menu)
	}
	if menu := servetest.GopherGet(t, d, "/tags/trips\r\n"); strings.Contains(menu, "Secretly") {
		t.Errorf("the gopher menu of the category trips lists the post hidden from it:\n%s", menu)
	}
	// kyoto's three posts are three pages in Hexo, trips' two two.
	for where, want := range map[string]gemini.Status{
		"/tags/kyoto/page/3/": 31, "/tags/hush/": 31, "/categories/trips/page/2/": 31, "/categories/trips/page/3/": 51,
	} {
		if status, _, _ := servetest.GeminiGet(t, d, where); status != want {
			t.Errorf("public_generators [tag]: %s is %d, want %d", where, status, want)
		}
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "hidden") || strings.Contains(w.Msg, "unknown") {
			t.Errorf("warning: %v", w)
		}
	}

	// allowlist_generators: the category's pages, the archive and the
	// home (hexo-generator-index's), and atom, which names no generator
	// of a site without hexo-generator-feed: no feed has it.
	d = startSite(t, testfs.Write(t, site(plugin, perPage+"hide_posts:\n  filter: secret\n  allowlist_generators: [category, archive, index, atom]\n")))
	for where, want := range map[string]bool{
		"/": true, "/atom.xml": false, "/tags/kyoto.gmi": false, "/tags/trips.gmi": true, "/archive.gmi": true,
	} {
		if _, _, page := servetest.GeminiGet(t, d, where); strings.Contains(page, "Secretly") != want {
			t.Errorf("allowlist [category, archive, index]: %s should list Secretly %v:\n%s", where, want, page)
		}
	}
	for where, want := range map[string]gemini.Status{"/tags/hush/": 51, "/categories/trips/page/3/": 31, "/tags/kyoto/page/3/": 51} {
		if status, _, _ := servetest.GeminiGet(t, d, where); status != want {
			t.Errorf("allowlist [category, archive]: %s is %d, want %d", where, status, want)
		}
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "hidden") {
			t.Errorf("warning: %v", w)
		}
	}

	// Turned off, or not installed: the key is nothing.
	for _, files := range []map[string]string{
		site(plugin, "hide_posts:\n  enable: false\n"),
		site(`{"dependencies": {"hexo": "^7.0.0"}}`, ""),
	} {
		d = startSite(t, testfs.Write(t, files))
		if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "Offlist") {
			t.Errorf("without the plugin, the home should list Offlist:\n%s", home)
		}
	}
}

// hexo-hide-posts' allowlist giving hidden posts to hexo-generator-index
// (index: the home page) and to the generator of the site's feed, whose
// name is hexo-generator-feed's: "feed" up to its 2.0, then its feed
// types' ("atom", "rss2"; atom unless feed.type says). capsule's home
// lists such a post in its place by date, on Gemini and Gopher, and its
// Atom feed has it when the allowlist names the generator of the site's
// atom feed (or of its only one); a tag's feed, when the tag's page lists
// it too. A second feed of the site's that the allowlist gives it, and
// capsule's one feed is not, is told of.
func TestHexoHidePostsHomeAndFeed(t *testing.T) {
	site := func(feedDep, config string) map[string]string {
		deps := `"hexo": "^7.0.0", "hexo-hide-posts": "^0.4.3"`
		if feedDep != "" {
			deps += `, "hexo-generator-feed": "` + feedDep + `"`
		}
		return map[string]string{
			"package.json":           `{"dependencies": {` + deps + `}}`,
			"_config.yml":            "title: t\n" + config,
			"source/_posts/old.md":   "---\ntitle: Older\ndate: 2024-01-01\ntags: [kyoto]\n---\nmatcha\n",
			"source/_posts/hid.md":   "---\ntitle: Hushed\ndate: 2024-01-02\ntags: [kyoto]\nhidden: true\n---\nmatcha\n",
			"source/_posts/newer.md": "---\ntitle: Newer\ndate: 2024-01-03\ntags: [kyoto]\n---\nmatcha\n",
		}
	}
	for _, c := range []struct {
		name, feedDep, config string
		home, feed, tagFeed   bool
		warn                  string // in the warning about the hidden post, "" for none
	}{
		{"index and atom", "^3.0.0", "hide_posts:\n  allowlist_generators: [index, tag, atom]\n", true, true, true, ""},
		{"index alone", "^3.0.0", "hide_posts:\n  allowlist_generators: index\n", true, false, false, ""},
		{"feed of 1.x", "^1.2.2", "hide_posts:\n  public_generators: [feed]\n", false, true, false, ""},
		{"atom of 1.x", "^1.2.2", "hide_posts:\n  allowlist_generators: [atom]\n", false, false, false, ""},
		{"feed of 3.x", "^3.0.0", "hide_posts:\n  allowlist_generators: [feed]\n", false, false, false, ""},
		{"rss2 beside atom", "^3.0.0", "feed:\n  type: [atom, rss2]\nhide_posts:\n  allowlist_generators: [rss2, index]\n", true, false, false, "rss2"},
		{"rss2 alone", "^2.2.0", "feed:\n  type: rss2\nhide_posts:\n  allowlist_generators: [rss2]\n", false, true, false, ""},
		{"all but index and feed", "^3.0.0", "hide_posts:\n  allowlist_generators: ['*']\n  blocklist_generators: [index, feed]\n", false, true, true, ""},
		{"feed turned off", "^3.0.0", "feed:\n  enable: false\nhide_posts:\n  allowlist_generators: [atom, index]\n", true, false, false, ""},
	} {
		d := startSite(t, testfs.Write(t, site(c.feedDep, c.config)))
		_, _, home := servetest.GeminiGet(t, d, "/")
		if strings.Contains(home, "Hushed") != c.home || !strings.Contains(home, "Newer") {
			t.Errorf("%s: the home should list Hushed %v:\n%s", c.name, c.home, home)
		}
		if c.home {
			if i, j, k := strings.Index(home, "Newer"), strings.Index(home, "Hushed"), strings.Index(home, "Older"); !(i < j && j < k) {
				t.Errorf("%s: Hushed is not between Newer and Older on the home:\n%s", c.name, home)
			}
		}
		if menu := servetest.GopherGet(t, d, "\r\n"); strings.Contains(menu, "Hushed") != c.home {
			t.Errorf("%s: the gopher home should list Hushed %v:\n%s", c.name, c.home, menu)
		}
		if _, _, feed := servetest.GeminiGet(t, d, "/atom.xml"); strings.Contains(feed, "Hushed") != c.feed || !strings.Contains(feed, "Newer") {
			t.Errorf("%s: the feed should have Hushed %v:\n%s", c.name, c.feed, feed)
		}
		if _, _, feed := servetest.GeminiGet(t, d, "/tags/kyoto.xml"); strings.Contains(feed, "Hushed") != c.tagFeed {
			t.Errorf("%s: the tag's feed should have Hushed %v:\n%s", c.name, c.tagFeed, feed)
		}
		warned := ""
		for _, w := range d.Store().Warnings {
			if strings.Contains(w.File, "hid.md") {
				warned += w.Msg
			}
		}
		if c.warn == "" && warned != "" || c.warn != "" && !strings.Contains(warned, c.warn) {
			t.Errorf("%s: warnings %q, want one naming %q", c.name, warned, c.warn)
		}
	}
}
