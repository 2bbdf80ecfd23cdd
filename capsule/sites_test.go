package capsule

import (
	"strings"
	"testing"

	"capsule/capsule/config"

	"git.sr.ht/~adnano/go-gemini"
)

// siteCase is a blog folder as Hugo or Jekyll lays it out, and what a
// reader must find in it.
type siteCase struct {
	dir      string
	posts    map[string]string // Gemini path → date shown
	pages    []string          // Gemini paths
	files    []string          // served as they are
	old      []string          // old addresses, answered 31
	secret   string            // a draft's text: nowhere
	mustShow map[string]string // Gemini path → text it shows
}

var sites = []siteCase{{
	dir: "testdata/hugo/content",
	posts: map[string]string{
		"/posts/2020-05-07-first.gmi": "2020-05-07",
		"/posts/second.gmi":           "2020-06-01",
		"/posts/third.gmi":            "2021-01-02",
	},
	pages:  []string{"/about.gmi"},
	files:  []string{"/posts/second/cover.png"},
	old:    []string{"/2020/05/07/first/"},
	secret: "まだ秘密の下書きです",
	mustShow: map[string]string{
		"/posts/2020-05-07-first.gmi": "=> /posts/second.gmi こちら",
		"/posts/second.gmi":           "=> /posts/second/cover.png 表紙",
	},
}, {
	dir: "testdata/jekyll",
	posts: map[string]string{
		"/posts/Hello-World.gmi": "2014-03-03",
		"/posts/welcome.gmi":     "2017-03-23",
	},
	pages:  []string{"/about.gmi"},
	files:  []string{"/assets/img/logo.png"},
	old:    []string{"/jekyll/update/2017/03/23/welcome.html", "/about/"},
	secret: "まだ秘密の下書きです",
	mustShow: map[string]string{
		"/posts/welcome.gmi":     "=> /posts/Hello-World.gmi こんにちは世界",
		"/posts/Hello-World.gmi": "=> /assets/img/logo.png ロゴ",
	},
}}

// Hugo and Jekyll folders are served as they are: every post reachable on
// both protocols with its date, pages, bundle files and assets served, old
// addresses redirected, no template syntax anywhere, drafts nowhere.
func TestHugoAndJekyllSites(t *testing.T) {
	for _, site := range sites {
		t.Run(site.dir, func(t *testing.T) {
			d := startDaemon(t, func(c *config.Config) { c.Posts = site.dir })
			pages := crawl(t, d, 100)
			for path, date := range site.posts {
				page, ok := pages["gemini:"+path]
				if !ok {
					t.Errorf("%s not reachable from the home page", path)
					continue
				}
				if !strings.Contains(page, "\n"+date) {
					t.Errorf("%s does not show its date %s:\n%s", path, date, page)
				}
				menu := strings.TrimSuffix(strings.Replace(path, ".gmi", "/", 1), "")
				if _, ok := pages["gopher:"+menu]; !ok {
					t.Errorf("gopher menu %s not reachable", menu)
				}
			}
			for _, path := range append(site.pages, site.files...) {
				if status, _, _ := geminiGet(t, d, path); status != gemini.StatusSuccess {
					t.Errorf("%s: status %d", path, status)
				}
			}
			for _, path := range site.old {
				if status, _, _ := geminiGet(t, d, path); status != gemini.StatusPermanentRedirect {
					t.Errorf("old address %s: status %d, want 31", path, status)
				}
			}
			for path, want := range site.mustShow {
				if !strings.Contains(pages["gemini:"+path], want) {
					t.Errorf("%s lacks %q:\n%s", path, want, pages["gemini:"+path])
				}
			}
			for addr, body := range pages {
				for _, bad := range []string{"{{", "{%", "%}", "}}", site.secret} {
					if strings.Contains(body, bad) {
						t.Errorf("%s shows %q", addr, bad)
					}
				}
			}
		})
	}
}
