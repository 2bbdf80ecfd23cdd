package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// LoveIt's, DoIt's and FixIt 0.x's params.page.hiddenFromHomePage (and
// hiddenFromSearch) and FixIt 1.0's params.hidden_from_home_page (and
// hidden_from_search, hidden_from_feed) hide every page by default: the
// themes' templates then keep only a page whose own key is the boolean
// false (where "Params.hiddenfromhomepage" false). FixIt's
// hiddenFromFeed (hidden_from_feed) leaves a post out of its feeds only,
// the site's and its terms': out of capsule's Atom feeds, on its home,
// archive, tag pages and search.
func TestHugoThemeHiddenDefaultsAndFeed(t *testing.T) {
	post := func(title, keys string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-01\ntags: [kyoto]\n" + keys + "---\nmatcha kyoto\n"
	}
	type where struct{ home, feed, search bool }
	for _, tc := range []struct {
		name, conf string
		posts      map[string]string // title → its own keys
		want       map[string]where
	}{
		{
			name: "LoveIt params.page",
			conf: "[params.page]\nhiddenFromHomePage = true\nhiddenFromSearch = true\n",
			posts: map[string]string{
				"Plain": "", "Shown": "hiddenFromHomePage: false\nhiddenFromSearch: false\n",
				"Stringy": "hiddenFromHomePage: \"false\"\n", "Nested": "params:\n  hiddenfromhomepage: false\n",
			},
			want: map[string]where{
				"Plain": {false, true, false}, "Shown": {true, true, true},
				"Stringy": {false, true, false}, "Nested": {true, true, false},
			},
		},
		{
			name:  "FixIt 1.0 params",
			conf:  "[params]\nhidden_from_home_page = true\nhidden_from_feed = true\n",
			posts: map[string]string{"Plain": "", "Shown": "hidden_from_home_page: false\nhidden_from_feed: false\n", "Fed": "hidden_from_feed: false\n"},
			want:  map[string]where{"Plain": {false, false, true}, "Shown": {true, true, true}, "Fed": {false, true, true}},
		},
		{
			name: "page keys, no default",
			conf: "[params.page]\nhiddenFromHomePage = false\n",
			posts: map[string]string{
				"Plain": "", "Unfed": "hiddenFromFeed: true\n", "Unfed2": "params:\n  hidden_from_feed: true\n",
				"Stringy": "hiddenFromFeed: \"true\"\n",
			},
			want: map[string]where{"Plain": {true, true, true}, "Unfed": {true, false, true}, "Unfed2": {true, false, true}, "Stringy": {true, true, true}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"hugo.toml": "title = \"t\"\n" + tc.conf}
			for title, keys := range tc.posts {
				files["content/posts/"+strings.ToLower(title)+".md"] = post(title, keys)
			}
			d := startSite(t, testfs.Write(t, files))
			_, _, home := servetest.GeminiGet(t, d, "/")
			menu := servetest.GopherGet(t, d, "\r\n")
			_, _, feed := servetest.GeminiGet(t, d, "/atom.xml")
			_, _, tagFeed := servetest.GeminiGet(t, d, "/tags/kyoto.xml")
			_, _, found := servetest.GeminiGet(t, d, "/search?matcha")
			gfound := servetest.GopherGet(t, d, "/search\tmatcha\r\n")
			_, _, archive := servetest.GeminiGet(t, d, "/archive.gmi")
			_, _, tag := servetest.GeminiGet(t, d, "/tags/kyoto.gmi")
			has := func(page, title string) bool {
				return strings.Contains(page, " "+title+"\r\n") || strings.Contains(page, " "+title+"\n") || strings.Contains(page, "<title>"+title+"</title>") ||
					strings.Contains(page, " "+title+"\t")
			}
			for title, w := range tc.want {
				for _, c := range []struct {
					what string
					page string
					want bool
				}{
					{"the Gemini home", home, w.home}, {"the Gopher home", menu, w.home},
					{"the Atom feed", feed, w.feed}, {"the tag's Atom feed", tagFeed, w.feed},
					{"Gemini search", found, w.search}, {"Gopher search", gfound, w.search},
					{"the archive", archive, true}, {"the tag's page", tag, true},
				} {
					if has(c.page, title) != c.want {
						t.Errorf("%s: %s has %s: %v, want %v:\n%s", tc.name, c.what, title, !c.want, c.want, c.page)
					}
				}
			}
			for _, w := range d.Store().Warnings {
				if strings.Contains(strings.ToLower(w.Msg), "hidden") {
					t.Errorf("warning: %v", w)
				}
			}
		})
	}
}
