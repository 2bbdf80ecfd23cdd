package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// LoveIt's, DoIt's, FixIt's and even's hiddenFromHomePage: true leaves
// a post off the theme's home page, not its archive, tags or RSS (their
// rss templates do not look at it); hiddenFromSearch: true leaves it out
// of the search index only. Neither key is unknown. (Found on DoIt's
// exampleSite, hugo-fixit's docs and ZhaoqiangCn's LoveIt blog: 33 and
// 28 uses.)
func TestHiddenFromHomePageAndSearch(t *testing.T) {
	d := startSite(t, testfs.Write(t, map[string]string{
		"hugo.toml":              "title = \"t\"\n",
		"content/posts/shown.md": "---\ntitle: Shown\ndate: 2024-01-01\ntags: [kyoto]\n---\nmatcha kyoto\n",
		"content/posts/offhome.md": "---\ntitle: Offhome\ndate: 2024-01-02\ntags: [kyoto]\nhiddenFromHomePage: true\n---\n" +
			"matcha kyoto\n",
		"content/posts/unsought.md": "---\ntitle: Unsought\ndate: 2024-01-03\ntags: [kyoto]\nparams:\n  hidden_from_search: true\n---\nmatcha kyoto\n",
		"content/posts/stringy.md":  "---\ntitle: Stringy\ndate: 2024-01-04\nHiddenFromHomePage: \"yes\"\nhiddenFromSearch: false\n---\nmatcha\n",
	}))
	_, _, home := servetest.GeminiGet(t, d, "/")
	menu := servetest.GopherGet(t, d, "\r\n")
	if strings.Contains(home, "Offhome") || strings.Contains(menu, "Offhome") {
		t.Errorf("the home page lists the post hidden from it:\n%s\n%s", home, menu)
	}
	for _, title := range []string{"Shown", "Unsought", "Stringy"} {
		if !strings.Contains(home, title) || !strings.Contains(menu, title) {
			t.Errorf("the home page does not list %s:\n%s\n%s", title, home, menu)
		}
	}
	for _, where := range []string{"/archive.gmi", "/tags/kyoto.gmi", "/atom.xml", "/posts/offhome.gmi"} {
		if _, _, page := servetest.GeminiGet(t, d, where); !strings.Contains(page, "Offhome") {
			t.Errorf("%s does not have the post hidden from the home page:\n%s", where, page)
		}
	}
	_, _, found := servetest.GeminiGet(t, d, "/search?matcha")
	gfound := servetest.GopherGet(t, d, "/search\tmatcha\r\n")
	if strings.Contains(found, "Unsought") || strings.Contains(gfound, "Unsought") {
		t.Errorf("search finds the post hidden from it:\n%s\n%s", found, gfound)
	}
	for _, title := range []string{"Shown", "Offhome", "Stringy"} {
		if !strings.Contains(found, title) || !strings.Contains(gfound, title) {
			t.Errorf("search does not find %s:\n%s\n%s", title, found, gfound)
		}
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/unsought.gmi"); !strings.Contains(page, "matcha") {
		t.Errorf("the post hidden from search is not served:\n%s", page)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(strings.ToLower(w.Msg), "hidden") {
			t.Errorf("warning: %v", w)
		}
	}
}
