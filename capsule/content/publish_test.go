package content

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// Each of Hugo's publishing keys, in each syntax, puts the post in its
// list; the bundle's files follow the post.
func TestPublishingKeysSortPosts(t *testing.T) {
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	dir := testfs.Write(t, map[string]string{
		"posts/plain.md":      "+++\ntitle = \"p\"\ndate = 2020-01-01\n+++\n",
		"posts/exp-t.md":      "+++\ntitle = \"e\"\ndate = 2020-01-01\nexpiryDate = 2025-01-01\n+++\n",
		"posts/exp-y.md":      "---\ntitle: e\ndate: 2020-01-01\nExpiryDate: 2025-05-31T23:59:59Z\n---\n",
		"posts/exp-j.md":      "{\"title\": \"e\", \"date\": \"2020-01-01\", \"unpublishdate\": \"2025-06-01\"}\n",
		"posts/soon.md":       "{\"title\": \"s\", \"date\": \"2020-01-01\", \"expirydate\": \"2025-07-01\"}\n",
		"posts/sched.md":      "+++\ntitle = \"s\"\ndate = 2025-06-15\n+++\n",
		"posts/nev-t.md":      "+++\ntitle = \"n\"\ndate = 2020-01-01\n[build]\nrender = \"never\"\n+++\n",
		"posts/nev-y.md":      "---\ntitle: n\ndate: 2020-01-01\n_build:\n  render: false\n---\n",
		"posts/link-j.md":     "{\"title\": \"n\", \"date\": \"2020-01-01\", \"build\": {\"render\": \"link\"}}\n",
		"posts/unl-t.md":      "+++\ntitle = \"u\"\ndate = 2020-01-01\n_build = { list = false }\n+++\n",
		"posts/unl-y.md":      "---\ntitle: u\ndate: 2020-01-01\nbuild:\n  list: local\n  render: always\n---\n",
		"posts/unl-j.md":      "{\"title\": \"u\", \"date\": \"2020-01-01\", \"build\": {\"List\": \"never\"}}\n",
		"about.md":            "+++\ntitle = \"a\"\n[build]\nlist = \"never\"\n+++\n",
		"posts/hl/index.md":   "---\ntitle: h\ndate: 2020-01-01\nheadless: true\n---\n",
		"posts/hl/a.png":      "A",
		"posts/nr/index.md":   "+++\ntitle = \"r\"\ndate = 2020-01-01\n[build]\npublishResources = false\n+++\n",
		"posts/nr/a.png":      "A",
		"posts/dr/index.md":   "+++\ntitle = \"d\"\ndate = 2020-01-01\ndraft = true\n+++\n",
		"posts/dr/a.png":      "A",
		"posts/dr/deep/b.png": "B",
		"posts/ex/index.md":   "+++\ntitle = \"x\"\ndate = 2020-01-01\nexpiryDate = 2021-01-01\n+++\n",
		"posts/ex/a.png":      "A",
		"posts/ok/index.md":   "+++\ntitle = \"o\"\ndate = 2020-01-01\n+++\n",
		"posts/ok/a.png":      "A",
		"posts/banner.png":    "S",
	})
	c, err := loadStrict(dir, LoadOptions{Now: now, Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{
		"posts":       slugsOf(c.Posts),
		"expired":     slugsOf(c.Expired),
		"scheduled":   slugsOf(c.Scheduled),
		"no page":     slugsOf(c.NoPage),
		"unlisted":    slugsOf(c.Unlisted),
		"drafts":      slugsOf(c.Drafts),
		"files":       pathsOf(c.Files),
		"draft files": pathsOf(c.DraftFiles),
		"withheld":    strings.Join(c.Withheld, ","),
	} {
		want := map[string]string{
			"posts":       "nr,ok,plain,soon",
			"expired":     "ex,exp-j,exp-t,exp-y",
			"scheduled":   "sched",
			"no page":     "hl,link-j,nev-t,nev-y",
			"unlisted":    "about,unl-j,unl-t,unl-y",
			"drafts":      "dr",
			"files":       "posts/banner.png,posts/ok/a.png",
			"draft files": "posts/dr/a.png,posts/dr/deep/b.png,posts/ex/a.png",
			"withheld":    "posts/hl/a.png,posts/nr/a.png",
		}[name]
		if got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
	if want := time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC); !c.NextChange.Equal(want) {
		t.Errorf("NextChange %v, want %v (sched; soon expires later)", c.NextChange, want)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings: %v (none of these keys is unknown)", c.Warnings)
	}
}

// A build value Hugo would not take is an error at its line: a misspelt
// "nevr" must not publish what its author meant to hide.
func TestBuildOptionsMistakes(t *testing.T) {
	for src, want := range map[string]string{
		"+++\ntitle = \"a\"\ndate = 2020-01-01\n[build]\nrender = \"nevr\"\n+++\n":                   `5: front matter: build.render must be "always", "never" or "link"`,
		"---\ntitle: a\ndate: 2020-01-01\n_build:\n  list: nowhere\n---\n":                           `5: front matter: _build.list must be "always", "never" or "local"`,
		"{\"title\": \"a\", \"date\": \"2020-01-01\",\n\"build\": {\"publishResources\": \"no\"}}\n": `2: front matter: build.publishResources must be true or false`,
		"+++\ntitle = \"a\"\ndate = 2020-01-01\n[build]\nrendr = \"never\"\n+++\n":                   `5: front matter: unknown key build.rendr (build has list, render, publishResources)`,
		"+++\ntitle = \"a\"\ndate = 2020-01-01\nbuild = \"never\"\n+++\n":                            `4: build must be a table of list, render and publishResources`,
		"+++\ntitle = \"a\"\ndate = 2020-01-01\nexpiryDate = \"soon\"\n+++\n":                        `4: front matter: expiryDate: `,
		"+++\ntitle = \"a\"\ndate = 2020-01-01\nheadless = \"yes\"\n+++\n":                           `4: headless must be true or false`,
	} {
		dir := testfs.Write(t, map[string]string{"posts/a.md": src})
		_, err := loadStrict(dir, LoadOptions{Settle: -1})
		if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "posts", "a.md")+":"+want) {
			t.Errorf("%q: %v, want %q", src, err, want)
		}
	}
}

// A folder whose only post is unlisted serves it: it is not empty, and a
// reload to it is not refused as an unmounted folder would be.
func TestUnlistedOnlyIsNotEmpty(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"posts/a.md": "+++\ntitle = \"a\"\ndate = 2020-01-01\n[build]\nlist = \"never\"\n+++\n"})
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil || c.Empty() || len(c.Warnings) != 0 {
		t.Errorf("%v, empty %v, warnings %v", err, c.Empty(), c.Warnings)
	}
}

// A section's cascade hands its values down to the pages below it, as
// Hugo does: a draft handed down keeps the section's posts back, a page's
// own value wins, a deeper section's over a shallower one's, and a
// _target restricts it. (capsule once handed nothing down, and published
// what Hugo keeps back.) A cascade with no _target reaches the section
// itself, which is then a draft: Hugo 0.111 writes no page below it, not
// even one that says draft = false (gone/gown.md); one for pages only
// (posts/) leaves the section published, and a page's own draft = false
// wins over it. (posts/open/deep.md is between two tables, the deeper
// saying draft = false: Hugo 0.111 takes either, by its map's order,
// building it in four runs out of six; capsule takes the deeper, as
// for any other key.)
func TestCascadeHandsDown(t *testing.T) {
	post := func(extra string) string { return "+++\ntitle = \"a\"\ndate = 2020-01-01\n" + extra + "+++\n" }
	dir := testfs.Write(t, map[string]string{
		"posts/_index.md":               "---\ntitle: Posts\ncascade:\n- _target:\n    kind: page\n  draft: true\n---\n",
		"posts/held.md":                 post(""),
		"posts/own.md":                  post("draft = false\n"),
		"gone/_index.md":                "---\ntitle: Gone\ncascade:\n  draft: true\n---\n",
		"gone/gown.md":                  post("draft = false\n"),
		"posts/open/_index.md":          "+++\n[cascade]\ndraft = false\ntags = [\"handed\"]\n+++\n",
		"posts/open/deep.md":            post(""),
		"notes/_index.md":               "{\"cascade\": [{\"headless\": true, \"_target\": {\"path\": \"/notes/hidden/**\"}}, {\"_build\": {\"list\": \"never\"}, \"_target\": {\"kind\": \"section\"}}]}\n",
		"notes/hidden/index.md":         post(""),
		"notes/shown.md":                post(""),
		"notes/shown-section/_index.md": "---\ntitle: s\n---\n",
	})
	c, err := loadStrict(dir, LoadOptions{Settle: -1, Layout: LayoutHugo})
	if err != nil {
		t.Fatal(err)
	}
	if got := slugsOf(c.Drafts); got != "gown,held" {
		t.Errorf("drafts %s, want gown (its section a draft) and held (handed down); own says false", got)
	}
	all := slugsOf(slices.Concat(c.Posts, c.Pages))
	if !strings.Contains(all, "own") || !strings.Contains(all, "deep") || !strings.Contains(all, "shown") || strings.Contains(all, "hidden") {
		t.Errorf("posts and pages %s", all)
	}
	if deep := bySlug(slices.Concat(c.Posts, c.Pages), "deep"); deep == nil || !slices.Equal(deep.Tags, []string{"handed"}) {
		t.Errorf("deep: %+v", deep)
	}
	// The site's own _index.md hands down to every page.
	dir = testfs.Write(t, map[string]string{"_index.md": "+++\ntitle = \"Site\"\n[cascade]\ndraft = true\n+++\n", "a.md": post("")})
	if c, err := loadStrict(dir, LoadOptions{Settle: -1}); err != nil || slugsOf(c.Drafts) != "a" {
		t.Errorf("the site file's cascade: %v, drafts %s", err, slugsOf(c.Drafts))
	}
}

// A page dated in the future waits with the scheduled posts, as Hugo
// holds it (an Astro post taken for a page was served before its date);
// an undated page does not; Jekyll publishes its pages whatever their
// date, and so does capsule for a Jekyll site.
func TestFutureDatedPagesWait(t *testing.T) {
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	own := testfs.Write(t, map[string]string{
		"future-page.md":  "+++\ntitle = \"Later\"\npage = true\ndate = 2031-01-01\n+++\nFUTURE\n",
		"about.md":        "+++\ntitle = \"About\"\npage = true\n+++\nme\n",
		"2020-01-01-a.md": "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\na\n",
	})
	c, err := loadStrict(own, LoadOptions{Settle: -1, Now: now})
	if err != nil || len(c.Pages) != 1 || c.Pages[0].Title != "About" || len(c.Scheduled) != 1 {
		t.Errorf("%v: pages %v, scheduled %v", err, c.Pages, c.Scheduled)
	}
	jekyll := testfs.Write(t, map[string]string{
		"_config.yml":            "title: J\n",
		"about.md":               "---\ntitle: About\ndate: 2031-01-01\n---\nme\n",
		"_posts/2020-01-01-a.md": "---\ntitle: A\n---\na\n",
	})
	c, err = loadStrict(jekyll, LoadOptions{Settle: -1, Now: now})
	if err != nil || len(c.Pages) != 1 || len(c.Scheduled) != 0 {
		t.Errorf("jekyll: %v: pages %v, scheduled %v", err, c.Pages, c.Scheduled)
	}
}

// A draft page bundle whose index.md is left out after it was found
// (templates expanded, then a table over the limits) serves none of its
// files. (A reviewer's find: they were served to all.)
func TestBundleOfAPostLeftOutLate(t *testing.T) {
	table := "| a | b |\n|---|---|\n| " + strings.Repeat("`x \\| y` ", MaxTableEscapes+100) + " | c |\n"
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":                   "baseURL = \"https://example.org/\"\n",
		"content/posts/sec/index.md":  "---\ntitle: Secret\ndate: 2024-01-01\ndraft: true\n---\n## H {#x}\n\n" + table,
		"content/posts/sec/photo.png": "PNG",
		"content/posts/hello.md":      "---\ntitle: Hello\ndate: 2024-01-02\n---\nhello\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) == 0 {
		t.Fatalf("the bundle's index.md is not left out: the test needs it to be")
	}
	for _, f := range c.Files {
		if strings.Contains(f.Path, "photo.png") {
			t.Errorf("the left-out draft's file %s is served to all", f.Path)
		}
	}
}

// Hugo's buildFuture and Jekyll's future have their generator publish
// posts dated ahead (aiandrox/blog sets buildFuture), as Zola always
// does; capsule holds them
// until their date all the same, and says so once, at the setting's
// file, rather than in silence. With nothing dated ahead, or the
// setting off, nothing is said.
func TestFutureSettingWarned(t *testing.T) {
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for name, c := range map[string]struct {
		files map[string]string
		file  string // the warning's, "" for none
	}{
		"hugo": {map[string]string{
			"hugo.toml":                "title = \"t\"\nbuildFuture = true\n",
			"content/posts/now.md":     "---\ntitle: Now\ndate: 2025-01-01\n---\nx\n",
			"content/posts/future.md":  "---\ntitle: Future\ndate: 2099-01-01\n---\nx\n",
			"content/posts/future2.md": "---\ntitle: Future 2\ndate: 2098-01-01\n---\nx\n",
		}, "hugo.toml"},
		"jekyll": {map[string]string{
			"_config.yml":                  "title: t\nfuture: true\n",
			"_posts/2025-01-01-now.md":     "---\ntitle: Now\n---\nx\n",
			"_posts/2099-01-01-future.md":  "---\ntitle: Future\n---\nx\n",
			"_posts/2098-01-01-future2.md": "---\ntitle: Future 2\n---\nx\n",
		}, "_config.yml"},
		// Zola builds every page whatever its date (Mindful/site-3).
		"zola": {map[string]string{
			"config.toml":             "base_url = \"https://example.org/\"\n",
			"content/blog/_index.md":  "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/now.md":     "+++\ntitle = \"Now\"\ndate = 2025-01-01\n+++\nx\n",
			"content/blog/future.md":  "+++\ntitle = \"Future\"\ndate = 2099-01-01\n+++\nx\n",
			"content/blog/future2.md": "+++\ntitle = \"Future 2\"\ndate = 2098-01-01\n+++\nx\n",
		}, "config.toml"},
		"nothing ahead": {map[string]string{
			"hugo.toml":            "title = \"t\"\nbuildFuture = true\n",
			"content/posts/now.md": "---\ntitle: Now\ndate: 2025-01-01\n---\nx\n",
		}, ""},
		"off": {map[string]string{
			"hugo.toml":               "title = \"t\"\n",
			"content/posts/now.md":    "---\ntitle: Now\ndate: 2025-01-01\n---\nx\n",
			"content/posts/future.md": "---\ntitle: Future\ndate: 2099-01-01\n---\nx\n",
		}, ""},
	} {
		dir := testfs.Write(t, c.files)
		site, err := loadStrict(dir, LoadOptions{Settle: -1, Now: now})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var said []*FileError
		for _, w := range site.Warnings {
			if w.Kind == "future posts held" {
				said = append(said, w)
			}
		}
		switch {
		case c.file == "" && len(said) > 0:
			t.Errorf("%s: warned %v", name, said)
		case c.file != "" && (len(said) != 1 || said[0].File != filepath.Join(dir, c.file) || !strings.Contains(said[0].Msg, "2 posts dated in the future")):
			t.Errorf("%s: want one warning at %s for 2 posts, got %v", name, c.file, said)
		}
		if len(site.Posts) != 1 {
			t.Errorf("%s: %d posts published, want the one of today", name, len(site.Posts))
		}
	}
}

// A Jekyll site's language from its _config.yml: minimal-mistakes'
// locale ("ja-JP") when it sets no lang (the theme writes its first two
// letters as the page's); and lang after an empty list item
// ("exclude:\n-\nlang: ja"), which the YAML library nested in the item
// (see nullEmptyItems).
func TestJekyllConfigLanguage(t *testing.T) {
	for _, config := range []string{"title: t\nlocale: \"ja-JP\"\n", "title: t\nexclude:\n-\nlang: ja\n"} {
		if got := siteMeta(t, map[string]string{"_config.yml": config, "_posts/2025-01-01-now.md": "---\ntitle: 今\n---\nx\n"}).Lang; got != "ja" {
			t.Errorf("%q: lang %q, want ja", config, got)
		}
	}
}

// A Jekyll site without a title is titled by its name, as jekyll-feed and
// jekyll-seo-tag title it (jekyllrb-ja's _config.yml); a title wins.
func TestJekyllConfigNameTitles(t *testing.T) {
	for config, want := range map[string]string{
		"name: Jekyll • 静的サイト\ndescription: d\n": "Jekyll • 静的サイト",
		"name: n\ntitle: The title\n":            "The title",
	} {
		if got := siteMeta(t, map[string]string{"_config.yml": config, "_posts/2025-01-01-now.md": "---\ntitle: 今\n---\nx\n"}).Title; got != want {
			t.Errorf("%q: title %q, want %q", config, got, want)
		}
	}
}

// A site written in Japanese that says no language is served as English,
// as its generator's themes do, with one warning saying how to set it
// (melborne's 451 posts); one that says a language, or is in English,
// gets none.
func TestJapaneseSiteWithoutALanguageWarned(t *testing.T) {
	posts := map[string]string{
		"_posts/2012-01-01-a.md": "---\ntitle: Rubyのはなし\n---\n本文です。\n",
		"_posts/2012-01-02-b.md": "---\ntitle: Ruby\ndescription: Rubyについて\n---\nText.\n",
		"_posts/2012-01-03-c.md": "---\ntitle: English only\n---\nText.\n",
		"_posts/2012-01-04-d.md": "---\ntitle: 漢字とかな\n---\n本文。\n",
	}
	for config, want := range map[string]bool{"title: t\n": true, "title: t\nlang: ja\n": false, "title: t\nlang: en\n": false} {
		files := maps.Clone(posts)
		files["_config.yml"] = config
		dir := testfs.Write(t, files)
		site, err := loadStrict(dir, LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		var said []string
		for _, w := range site.Warnings {
			if w.Kind == "site language" {
				said = append(said, w.Error())
			}
		}
		if got := len(said) == 1 && strings.Contains(said[0], "_config.yml: 3 of 4 posts are in Japanese") && strings.Contains(said[0], "set lang: ja in it, or -lang ja"); got != want || !want && len(said) > 0 {
			t.Errorf("%q: warnings %q, want one: %v", config, said, want)
		}
	}
}

// A Japanese site whose titles are in English or in kanji alone
// (ousttrue's Zola blog) is told apart by its posts' texts: the warning
// is said at a start and again at a reload, which takes the unchanged
// posts from the last load without their texts.
func TestJapaneseTextsWithOtherTitlesWarned(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.toml":                 "base_url = \"https://example.org\"\ntitle = \"t\"\n",
		"content/_index.md":           "+++\nsort_by = \"date\"\n+++\n",
		"content/2021-01-01-vim.md":   "+++\ntitle = \"Vim\"\ndate = 2021-01-01\n+++\n今日は Vim の設定を書きました。\n",
		"content/2021-01-02-nikki.md": "+++\ntitle = \"日記\"\ndate = 2021-01-02\n+++\n雨が降っていました。\n",
		"content/2021-01-03-go.md":    "+++\ntitle = \"Go\"\ndate = 2021-01-03\n+++\nGo のテストについて。\n",
	})
	warned := func(c *Content) bool {
		for _, w := range c.Warnings {
			if w.Kind == "site language" && strings.Contains(w.Msg, "3 of 3 posts are in Japanese") && strings.Contains(w.Msg, `default_language = "ja"`) {
				return true
			}
		}
		return false
	}
	c, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !warned(c) {
		t.Errorf("no site language warning at the start: %v", c.Warnings)
	}
	c.Forget()
	again, err := Load(dir, LoadOptions{Settle: -1, Previous: c})
	if err != nil {
		t.Fatal(err)
	}
	if !warned(again) {
		t.Errorf("no site language warning at the reload: %v", again.Warnings)
	}
}

// A Hugo site of one language written in languages: (k-kaz-git's: the
// title in languages.ja) is titled by it, as Hugo's .Site.Title is the
// language's, over the top level's too (Hugo 0.111 prints "言語の" here;
// 0shim4's), and its contentDir is the site's content folder.
func TestHugoDefaultLanguageTitle(t *testing.T) {
	for config, want := range map[string]string{
		"languageCode: ja-JP\nDefaultContentLanguage: ja\nlanguages:\n  ja:\n    languageName: 日本語\n    title: k-kaz が Hugo で遊ぶサイト\n    weight: 1\n": "k-kaz が Hugo で遊ぶサイト",
		"title: Top\nDefaultContentLanguage: ja\nlanguages:\n  ja:\n    title: 言語の\n":                                                                "言語の",
	} {
		if got := siteMeta(t, map[string]string{
			"hugo.yaml":          config,
			"content/posts/a.md": "---\ntitle: あ\ndate: 2024-01-01\n---\n本文。\n",
			"content/posts/b.md": "---\ntitle: い\ndate: 2024-01-02\n---\n本文。\n",
		}).Title; got != want {
			t.Errorf("%q: title %q, want %q", config, got, want)
		}
	}
}

// A Hugo site with a content folder per language, whose top-level pages
// are as many as its posts (yzwbeast's about and search pages): the
// posts section holds the posts, as Hugo's mainSections says; the pages
// at the top of a language's folder are no section (they won, and every
// post was a page).
func TestHugoLanguageFoldersTopPagesAreNoSection(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml": "title = \"ブログ\"\ndefaultContentLanguage = \"ja\"\n[languages.ja]\nweight = 1\ncontentDir = \"content/ja\"\n" +
			"[languages.en]\nweight = 2\ncontentDir = \"content/en\"\n",
		"content/ja/posts/first.md": "---\ntitle: 初投稿\ndate: 2024-01-01\n---\n本文。\n",
		"content/ja/about.md":       "---\ntitle: について\n---\n本文。\n",
		"content/en/posts/first.md": "---\ntitle: First post\ndate: 2024-01-01\n---\nText.\n",
		"content/en/about.md":       "---\ntitle: About\n---\nText.\n",
	})
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Posts) != 2 || len(site.Pages) != 2 {
		t.Errorf("%d posts, %d pages; want the two first posts posts and the two abouts pages (%s)", len(site.Posts), len(site.Pages), site.Layout)
	}
}

// A posts folder given with a trailing slash ("~/blog/", as a shell
// completes it) is the same folder: a Hugo site's root so given was
// taken for its content folder, and its archetypes for broken posts.
func TestPostsFolderWithATrailingSlash(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":                "title = \"t\"\n",
		"archetypes/default.md":    "+++\ntitle: '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\n+++\n",
		"content/posts/a.md":       "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n",
		"content/posts/b.md":       "---\ntitle: B\ndate: 2024-01-02\n---\nText.\n",
		"layouts/_default/list.md": "x",
	})
	site, err := loadStrict(dir+string(filepath.Separator), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Posts) != 2 || !strings.Contains(site.Layout, "posts from section posts") {
		t.Errorf("%d posts, layout %q", len(site.Posts), site.Layout)
	}
}

// A Hugo site of one language whose table names its content folder
// ([languages.ja] contentDir = "content/ja": 0shim4's, HashrooM's) reads
// that folder as its content: its sections (post, about), its home page's
// _index.md, its refs from there.
func TestHugoOneLanguageContentDir(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":                 "title = \"Top\"\ndefaultContentLanguage = \"ja\"\n[languages.ja]\ntitle = \"言語\"\ncontentDir = \"content/ja\"\n",
		"content/ja/_index.md":      "ようこそ。\n",
		"content/ja/about/index.md": "---\ntitle: 概要\ndate: 2024-01-01\n---\n私です。\n",
		"content/ja/post/a.md":      "---\ntitle: あ\ndate: 2024-01-02\n---\n本文。\n",
		"content/ja/post/b.md":      "---\ntitle: い\ndate: 2024-01-03\n---\n{{< ref \"post/a.md\" >}}\n",
	})
	site, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var posts, pages []string
	for _, p := range site.Posts {
		posts = append(posts, p.Title)
	}
	for _, p := range site.Pages {
		pages = append(pages, p.Title)
	}
	slices.Sort(posts)
	if !slices.Equal(posts, []string{"あ", "い"}) || !slices.Contains(pages, "概要") || site.Meta.Title != "言語" {
		t.Errorf("posts %q, pages %q, title %q; want あ and い, 概要 a page, 言語", posts, pages, site.Meta.Title)
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
	// The home page's text has no address of its own on the web site
	// (there was a made-up /_index/).
	for _, p := range slices.Concat(site.Posts, site.Pages, site.Unlisted) {
		for _, a := range p.Addresses {
			if strings.Contains(a, "_index") {
				t.Errorf("%s: address %s", p.File, a)
			}
		}
	}
}

// An undated headless bundle, or a page Hugo renders no page of, is not
// told it is "served as a page": it is not served at all.
func TestUndatedWithoutAPageNotWarnedAsServed(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"hugo.toml":                      "title = \"t\"\n",
		"content/posts/a.md":             "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n",
		"content/posts/widgets/index.md": "---\ntitle: Widgets\nheadless: true\n---\nSidebar text.\n",
		"content/posts/never.md":         "---\ntitle: Never\nbuild:\n  render: never\n---\nNot rendered.\n",
		"content/posts/undated.md":       "---\ntitle: Undated\n---\nA page.\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var warned []string
	for _, w := range c.Warnings {
		warned = append(warned, filepath.Base(w.File)+": "+w.Msg)
	}
	if len(warned) != 1 || !strings.HasPrefix(warned[0], "undated.md: no date: served as a page") {
		t.Errorf("warnings %q; want the undated page's alone", warned)
	}
}

// A page bundle at the top of the content folder (2021-08-26-welcome/
// index.md) is a page of no section, as Hugo 0.111 has it (section "",
// type page): its folder does not win the posts' section with its one
// page, which left the posts at the top pages (Ningensei848's blog).
func TestTopBundleIsNoSection(t *testing.T) {
	site, err := loadStrict(testfs.Write(t, map[string]string{
		"2019-05-28-first.md":          "---\ntitle: First\ndate: 2019-05-28\n---\nx\n",
		"2019-05-29-long.md":           "---\ntitle: Long\ndate: 2019-05-29\n---\nx\n",
		"2021-08-26-welcome/index.md":  "---\ntitle: Welcome\ndate: 2021-08-26\n---\nx\n",
		"2021-08-26-welcome/photo.png": "PNG",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var posts []string
	for _, p := range site.Posts {
		posts = append(posts, p.Title)
	}
	slices.Sort(posts)
	if !slices.Equal(posts, []string{"First", "Long", "Welcome"}) || len(site.Pages) != 0 {
		t.Errorf("posts %q, %d pages; want all three posts", posts, len(site.Pages))
	}
}

// siteMeta is what the site of files says of itself, loaded with no
// problem.
func siteMeta(t *testing.T, files map[string]string) SiteMeta {
	t.Helper()
	site, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	return site.Meta
}

// Jekyll's front matter defaults hand their values down where a post's
// front matter says nothing, as Jekyll merges them: a folder's
// published: false keeps its posts unpublished (they were published),
// a type's category is in the address, a more specific scope wins, and
// a post's own value wins over all.
func TestJekyllDefaultsHandedDown(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"_config.yml": "title: t\ndefaults:\n" +
			"  - scope: {path: \"\", type: posts}\n    values: {category: post, layout: post}\n" +
			"  - scope: {path: \"_posts/private\"}\n    values: {published: false}\n" +
			"  - scope: {path: \"_posts/private/open\"}\n    values: {published: true}\n",
		"_posts/2024-01-02-hello.md":              "---\ntitle: Hello\n---\nx\n",
		"_posts/private/2024-01-03-secret.md":     "---\ntitle: Secret\n---\nx\n",
		"_posts/private/2024-01-04-mine.md":       "---\ntitle: Mine\npublished: true\n---\nx\n",
		"_posts/private/open/2024-01-05-shown.md": "---\ntitle: Shown\n---\nx\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var posts, drafts []string
	for _, p := range c.Posts {
		posts = append(posts, p.Title)
	}
	for _, p := range c.Drafts {
		drafts = append(drafts, p.Title)
	}
	slices.Sort(posts)
	if !slices.Equal(posts, []string{"Hello", "Mine", "Shown"}) || !slices.Equal(drafts, []string{"Secret"}) {
		t.Errorf("posts %q, unpublished %q; want Hello, Mine and Shown, and Secret", posts, drafts)
	}
	for _, p := range c.Posts {
		if p.Title == "Hello" && !slices.Contains(p.Addresses, "/post/2024/01/02/hello.html") {
			t.Errorf("Hello's addresses %q lack its default category's", p.Addresses)
		}
	}
	for _, w := range c.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// A Jekyll site's language folders in languages beyond the first sixteen
// known (MrGreen's tr/, Turkish) are languages: its posts were English
// ones, each a duplicate.
func TestMoreLanguageFolders(t *testing.T) {
	post := "---\ntitle: Hello\n---\nx\n"
	c, err := loadStrict(testfs.Write(t, map[string]string{
		"_config.yml":                   "title: Langs\n",
		"_posts/2024-01-02-hello.md":    post,
		"ja/_posts/2024-01-02-hello.md": post,
		"tr/_posts/2024-01-02-hello.md": post,
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, l := range c.Languages {
		codes = append(codes, l.Code)
	}
	if !slices.Equal(codes, []string{"en", "ja", "tr"}) {
		t.Errorf("languages %q, want en, ja and tr", codes)
	}
}

// A Jekyll description with HTML in it (Lanyon's <a href>) is text, as
// its theme shows it.
func TestJekyllDescriptionAsText(t *testing.T) {
	if got := siteMeta(t, map[string]string{
		"_config.yml":              "title: t\ndescription: 'A reserved <a href=\"https://jekyllrb.com\">Jekyll</a> theme.'\n",
		"_posts/2025-01-01-now.md": "---\ntitle: 今\n---\nx\n",
	}).Description; got != "A reserved Jekyll theme." {
		t.Errorf("description %q", got)
	}
}

// With jekyll-optional-front-matter among a Jekyll site's plugins, a
// Markdown page without front matter is a page (hydejack's licenses),
// but for the files the plugin leaves alone (a README); without it,
// such a file is copied as it is by Jekyll, and no page here.
func TestJekyllOptionalFrontMatter(t *testing.T) {
	for config, want := range map[string][]string{
		"title: T\nplugins:\n  - jekyll-optional-front-matter\n": {"MIT", "NOTICE"},
		"title: T\n": nil,
	} {
		c, err := loadStrict(testfs.Write(t, map[string]string{
			"_config.yml":                config,
			"_posts/2024-01-01-hello.md": "---\ntitle: Hello\n---\nSee [the license](licenses/MIT.md).\n",
			"licenses/MIT.md":            "# MIT License\n\nPermission is hereby granted.\n",
			"NOTICE.md":                  "Notice.\n",
			"README.md":                  "# The site's code\n",
		}), LoadOptions{Settle: -1})
		if err != nil {
			t.Fatal(err)
		}
		var pages []string
		for _, p := range c.Pages {
			pages = append(pages, p.Title)
		}
		slices.Sort(pages)
		if !slices.Equal(pages, want) {
			t.Errorf("%q: pages %q, want %q", config, pages, want)
		}
	}
}

// The same site, its content/ folder given (capsuled -posts
// ~/blog/content, as the README says works): it holds the one content
// folder, content/ja, and is read as the root is, with the configuration
// above it; it was taken for a Hugo content folder with no configuration,
// ja a section, the site English and untitled.
func TestHugoOneLanguageContentDirFromItsParent(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":            "title = \"Top\"\ndefaultContentLanguage = \"ja\"\n[languages.ja]\ntitle = \"言語\"\ncontentDir = \"content/ja\"\n",
		"content/ja/_index.md": "ようこそ。\n",
		"content/ja/post/a.md": "---\ntitle: あ\ndate: 2024-01-02\n---\n本文。\n",
		"content/ja/post/b.md": "---\ntitle: い\ndate: 2024-01-03\n---\n本文。\n",
		"static/images/x.png":  "png",
	})
	summary := func(site *Content) string {
		var b strings.Builder
		fmt.Fprintf(&b, "title %q, %d files\n", site.Meta.Title, len(site.Files))
		for _, p := range slices.Concat(site.Posts, site.Pages) {
			fmt.Fprintf(&b, "%s %s %q\n", p.Slug, p.Lang, p.Addresses)
		}
		return b.String()
	}
	root, err := loadStrict(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	content, err := loadStrict(filepath.Join(dir, "content"), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(root.Posts) != 2 || summary(content) != summary(root) {
		t.Errorf("content/ given:\n%s\nthe root given:\n%s", summary(content), summary(root))
	}
}
