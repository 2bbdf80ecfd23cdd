package content

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// addressesOf loads dir and gives each post's and page's first address
// by its file's path in the site (root).
func addressesOf(t *testing.T, root, dir string) map[string]string {
	t.Helper()
	c, err := Load(dir, LoadOptions{Settle: -1, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) > 0 {
		t.Fatalf("problems: %v", c.Problems)
	}
	out := make(map[string]string)
	for _, list := range [][]*Post{c.Posts, c.Pages, c.Unlisted} {
		for _, p := range list {
			rel, _ := filepath.Rel(root, p.File)
			addr := ""
			if len(p.Addresses) > 0 {
				addr = p.Addresses[0]
			}
			out[filepath.ToSlash(rel)] = addr
		}
	}
	return out
}

// hugoPages are the pages of the Hugo sites of TestHugoAddresses.
var hugoPages = map[string]string{
	"content/posts/2016/deep/Leap_File.md":  "---\ntitle: \"Leap Day: Ça va?\"\ndate: 2016-02-29T13:45:10Z\n---\nx\n",
	"content/posts/slugged.md":              "---\ntitle: Slugged\ndate: 2017-03-01\nslug: My_Slug\n---\nx\n",
	"content/posts/bund/index.md":           "---\ntitle: Bundle\ndate: 2018-01-02\n---\nx\n",
	"content/posts/2016/sub/_index.md":      "---\ntitle: Sub\n---\n",
	"content/posts/2016/sub/in-sub.md":      "---\ntitle: In Sub\ndate: 2019-05-05\n---\nx\n",
	"content/notes/Note-One.md":             "---\ntitle: Note One\n---\nx\n",
	"content/Top.md":                        "---\ntitle: Top\n---\nx\n",
	"content/posts/2016/deep/unrelated.txt": "not a page",
}

// Hugo's addresses, as Hugo 0.165 lists them for these sites (hugo list
// all; 0.111 agrees but where noted): every date and name token of
// [permalinks], a folder being a section at the top or with an
// _index.md, the title made a path (lower case, "-" for spaces, ":" and
// "?" left out), :slug the title without a slug, a bundle named by its
// folder; uglyURLs for all or for a section; disablePathToLower; Go date
// layouts as tokens (not in 0.111); "\:" a colon, which the path then
// leaves out.
func TestHugoAddresses(t *testing.T) {
	for _, tt := range []struct {
		config string
		want   map[string]string
	}{
		{"[permalinks]\nposts = \"/:year/:month/:monthname/:day/:weekday/:weekdayname/:yearday/:section/:sections/:title/:slug/:filename/:slugorfilename/\"\n",
			map[string]string{
				"content/posts/2016/deep/Leap_File.md": "/2016/02/february/29/1/monday/60/posts/posts/leap-day-%C3%A7a-va/leap-day-%C3%A7a-va/leap_file/leap_file/",
				"content/posts/2016/sub/in-sub.md":     "/2019/05/may/05/0/sunday/125/posts/posts/2016/sub/in-sub/in-sub/in-sub/in-sub/",
				"content/posts/bund/index.md":          "/2018/01/january/02/2/tuesday/2/posts/posts/bundle/bundle/bund/bund/",
				"content/posts/slugged.md":             "/2017/03/march/01/3/wednesday/60/posts/posts/slugged/my_slug/slugged/my_slug/",
				"content/notes/Note-One.md":            "/notes/note-one/",
				"content/Top.md":                       "/top/",
			}},
		{"uglyURLs = true\ndisablePathToLower = true\n[permalinks]\nposts = \"/:sections[1:]/:sections[last]/:slugorfilename\"\n",
			map[string]string{
				"content/posts/2016/deep/Leap_File.md": "/posts/Leap_File.html", // 0.111: /Leap_File.html
				"content/posts/2016/sub/in-sub.md":     "/2016/sub/sub/in-sub.html",
				"content/posts/bund/index.md":          "/posts/bund.html",    // 0.111: /bund.html
				"content/posts/slugged.md":             "/posts/My_Slug.html", // 0.111: /My_Slug.html
				"content/notes/Note-One.md":            "/notes/Note-One.html",
				"content/Top.md":                       "/Top.html",
			}},
		{"[uglyURLs]\nnotes = true\n[permalinks]\nposts = \"/:2006/:Jan/:filename\\\\:x/\"\n",
			map[string]string{
				"content/posts/2016/deep/Leap_File.md": "/2016/feb/leap_filex/",
				"content/posts/2016/sub/in-sub.md":     "/2019/may/in-subx/",
				"content/posts/bund/index.md":          "/2018/jan/bundx/",
				"content/posts/slugged.md":             "/2017/mar/sluggedx/",
				"content/notes/Note-One.md":            "/notes/note-one.html",
				"content/Top.md":                       "/top/",
			}},
	} {
		files := map[string]string{"hugo.toml": "baseURL = \"https://x.org/\"\n" + tt.config}
		for k, v := range hugoPages {
			files[k] = v
		}
		root := testfs.Write(t, files)
		got := addressesOf(t, root, filepath.Join(root, "content"))
		for file, want := range tt.want {
			if got[file] != want {
				t.Errorf("%q: %s: %q, want %q", tt.config, file, got[file], want)
			}
		}
	}
}

// A multilingual Hugo site's languages other than the default one are
// under /<language>/, all of them with defaultContentLanguageInSubdir: a
// language known by its content folder or by its file's name (as Hugo
// 0.111 and 0.165 list them).
func TestHugoLanguageAddresses(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"hugo.toml":               "defaultContentLanguage = 'en'\n[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n",
		"content/en/posts/a.md":   "---\ntitle: A\ndate: 2020-01-01\n---\nx\n",
		"content/fr/posts/a-f.md": "---\ntitle: A\ndate: 2020-01-01\n---\nx\n",
	})
	got := addressesOf(t, root, filepath.Join(root, "content"))
	if got["content/en/posts/a.md"] != "/posts/a/" || got["content/fr/posts/a-f.md"] != "/fr/posts/a-f/" {
		t.Errorf("by content folder: %v", got)
	}
	root = testfs.Write(t, map[string]string{
		"hugo.toml":                     "defaultContentLanguage = 'ja'\ndefaultContentLanguageInSubdir = true\n[languages.ja]\nweight = 1\n[languages.zh-Hant-TW]\nweight = 2\n",
		"content/posts/b.md":            "---\ntitle: B\ndate: 2020-01-01\n---\nx\n",
		"content/posts/c.zh-hant-tw.md": "---\ntitle: C\ndate: 2020-01-01\n---\nx\n",
	})
	got = addressesOf(t, root, filepath.Join(root, "content"))
	if got["content/posts/b.md"] != "/ja/posts/b/" || got["content/posts/c.zh-hant-tw.md"] != "/zh-hant-tw/posts/c/" {
		t.Errorf("by file name: %v", got)
	}
}

// Jekyll's addresses, as Jekyll 4.3.1 gives them for these sites
// (page.url): every built-in style, and a pattern of every placeholder,
// categories kept as written but lower-cased (their spaces
// percent-encoded) or slugified, a page ending as the setting ends
// (with the output's extension, a slash, or neither).
func TestJekyllAddresses(t *testing.T) {
	post := "_posts/2016-02-29-Leap-Day.md"
	for _, tt := range []struct{ setting, post, page string }{
		{"date", "/food%20&%20drink/web%20dev/2016/02/29/Leap-Day.html", "/docs/page.html"},
		{"pretty", "/food%20&%20drink/web%20dev/2016/02/29/Leap-Day/", "/docs/page/"},
		{"ordinal", "/food%20&%20drink/web%20dev/2016/060/Leap-Day.html", "/docs/page.html"},
		{"weekdate", "/food%20&%20drink/web%20dev/2016/W09/Mon/Leap-Day.html", "/docs/page"},
		{"none", "/food%20&%20drink/web%20dev/Leap-Day.html", "/docs/page.html"},
		{"/:short_year/:i_month/:i_day/:hour-:minute-:second/:y_day/:w_year-:week-:w_day/:short_day-:long_day/:short_month-:long_month/:slug/:name/:slugified_categories/:title:output_ext",
			"/16/2/29/13-45-10/060/2016-09-1/Mon-Monday/Feb-February/leap-day/2016-02-29-leap-day/food-drink/web-dev/Leap-Day.html", "/docs/page.html"},
		{"/:year/:month_:day/:title", "/2016/02_29/Leap-Day", "/docs/page"},
		{"/:collection/:path/", "/posts/2016-02-29-Leap-Day/", "/docs/page/"},
	} {
		root := testfs.Write(t, map[string]string{
			"_config.yml":  "permalink: \"" + tt.setting + "\"\n",
			post:           "---\ntitle: Leap\ndate: 2016-02-29 13:45:10 +0000\ncategories: [Food & Drink, Web Dev]\n---\nx\n",
			"docs/page.md": "---\ntitle: P\n---\ny\n",
		})
		got := addressesOf(t, root, root)
		if got[post] != tt.post || got["docs/page.md"] != tt.page {
			t.Errorf("%s: post %q, page %q; want %q, %q", tt.setting, got[post], got["docs/page.md"], tt.post, tt.page)
		}
	}
}

// A Jekyll permalink pattern with a placeholder Jekyll does not know is
// no address, with a warning naming the post; capsule's own folder
// warns of any pattern, which it does not follow.
func TestUnknownPermalinkPlaceholder(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"_config.yml":            "title: x\n",
		"_posts/2020-01-01-a.md": "---\ntitle: A\npermalink: /:nonsense/:title/\n---\nx\n",
	})
	c, err := Load(root, LoadOptions{Settle: -1})
	if err != nil || len(c.Posts) != 1 {
		t.Fatal(err, c.Posts)
	}
	if len(c.Posts[0].Addresses) != 0 || !strings.Contains(ErrorList(c.Warnings).Error(), `2020-01-01-a.md:3: permalink "/:nonsense/:title/" is a pattern, not a path: ignored`) {
		t.Errorf("addresses %v, warnings %v", c.Posts[0].Addresses, c.Warnings)
	}
	flat := testfs.Write(t, map[string]string{"a.md": "+++\ntitle = \"A\"\ndate = 2020-01-01\nurl = \"/:year/a/\"\n+++\nx\n"})
	if c, err = Load(flat, LoadOptions{Settle: -1}); err != nil || !strings.Contains(ErrorList(c.Warnings).Error(), `a.md:4: url "/:year/a/" is a pattern`) {
		t.Errorf("flat folder: %v %v", err, c.Warnings)
	}
}

// An old address that cannot be answered (a url with a tab, which no
// Gopher selector can hold) is a warning naming the post; the post is
// loaded.
func TestOldAddressWithATabIsAWarning(t *testing.T) {
	root := testfs.Write(t, map[string]string{
		"config.toml":       "baseURL = \"https://example.org/\"\ntitle = \"x\"\n",
		"content/blog/a.md": "---\ntitle: A\ndate: 2021-08-31\nurl: \"not-found\\tin Hugo\"\n---\nx\n",
	})
	c, err := Load(root, LoadOptions{Settle: -1})
	if err != nil || len(c.Posts) != 1 {
		t.Fatal(err, c.Posts)
	}
	if !strings.Contains(ErrorList(c.Warnings).Error(), `a.md:4: front matter: url "not-found\tin Hugo" has a tab or a control character`) {
		t.Errorf("warnings %v", c.Warnings)
	}
}
