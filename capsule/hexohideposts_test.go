package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// hexo-hide-posts, in a Hexo site's package.json, takes a post whose
// front matter has its filter key (hidden unless hide_posts sets one)
// from the posts of every generator but the post's own: off the home,
// archive, tags, categories, feed and search, and still served at its
// address. Without the plugin the key is nothing to Hexo. A site whose
// allowlist_generators (public_generators before 0.2) gives hidden
// posts to a list is told capsule lists them nowhere. (Found on
// suyu0925's Hexo blog: 16 hidden posts.)
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

	// A filter of its own, and public_generators: [tag].
	d = startSite(t, testfs.Write(t, site(plugin, "hide_posts:\n  enable: true\n  filter: secret\n  public_generators: [tag]\n")))
	if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "Secretly") || !strings.Contains(home, "Offlist") {
		t.Errorf("filter secret: the home should list Offlist, not Secretly:\n%s", home)
	}
	told := false
	for _, w := range d.Store().Warnings {
		told = told || strings.Contains(w.File, "secret.md") && strings.Contains(w.Msg, "tag") && strings.Contains(w.Msg, "nowhere")
		if strings.Contains(w.Msg, "unknown") {
			t.Errorf("the filter key is unknown: %v", w)
		}
	}
	if !told {
		t.Errorf("not told the tag list's hidden post is listed nowhere: %v", d.Store().Warnings)
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
