package capsule_test

import (
	"log"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// The text of the site file (_index.md), which Hugo's themes show above
// the list of posts, is on the home page: its gemtext there, a text
// document linked from the Gopher root menu, headed by the site's title
// when it has none of its own.
func TestHomePageText(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_index.md": "---\ntitle: ノート\ndescription: 日々のこと\n---\n\nようこそ。[自己紹介](about.md)もどうぞ。\n",
		"about.md":  "---\ntitle: 自己紹介\npage: true\n---\n\n私です。\n",
		"hello.md":  "---\ntitle: こんにちは\ndate: 2024-01-02\n---\n\n最初の記事。\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "# ノート\n\n日々のこと\n\nようこそ。自己紹介もどうぞ。\n=> /about.gmi 自己紹介\n") {
		t.Errorf("home page:\n%s", home)
	}
	if !strings.Contains(home, "=> /posts/hello.gmi 2024-01-02 こんにちは\n") {
		t.Errorf("home page lost its post list:\n%s", home)
	}
	root := servetest.GopherGet(t, d, "\r\n")
	if !strings.Contains(root, "0ノート\t/index.txt\t") {
		t.Errorf("root menu does not link the home text:\n%s", root)
	}
	if text := servetest.GopherGet(t, d, "/index.txt\r\n"); !strings.Contains(text, "ようこそ。自己紹介[1]もどうぞ。") {
		t.Errorf("/index.txt:\n%s", text)
	}
	// Not a page of the lists: the home page links it once, as its text.
	if strings.Count(home, "index.gmi") != 0 {
		t.Errorf("home page links its own text:\n%s", home)
	}
}

// A home page's _index.md of text alone, without front matter, is its
// text, as Hugo builds it (ShortArrow's content/ja/_index.md): no problem,
// the site's title from its configuration, in a site of one language or
// of several.
func TestHomePageTextWithoutFrontMatter(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"one language": {
			"hugo.toml":              "title = \"Site\"\n",
			"content/_index.md":      "# Welcome\n\nHome page text.\n",
			"content/posts/hello.md": "---\ntitle: Hello\ndate: 2024-01-02\n---\nHi.\n",
		},
		"languages": {
			"hugo.toml":                 "title = \"Site\"\ndefaultContentLanguage = \"ja\"\n[languages.ja]\nweight = 1\n[languages.en]\nweight = 2\n",
			"content/_index.md":         "# ようこそ\n\nホームの本文。\n",
			"content/_index.en.md":      "# Welcome\n\nHome page text.\n",
			"content/posts/hello.md":    "---\ntitle: こんにちは\ndate: 2024-01-02\n---\nやあ。\n",
			"content/posts/hello.en.md": "---\ntitle: Hello\ndate: 2024-01-02\n---\nHi.\n",
		},
	} {
		d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
		if p := d.Store().Problems; len(p) > 0 {
			t.Errorf("%s: problems %v", name, p)
		}
		homes := map[string]string{"/": "# Site\n\n# Welcome\n\nHome page text.\n"}
		if name == "languages" {
			homes = map[string]string{"/": "# Site\n\n# ようこそ\n\nホームの本文。\n", "/en/": "# Welcome\n\nHome page text.\n"}
		}
		for path, want := range homes {
			if _, _, home := servetest.GeminiGet(t, d, path); !strings.Contains(home, want) {
				t.Errorf("%s: home page %s lacks %q:\n%s", name, path, want, home)
			}
		}
	}
}

// A home page's text yields its name to a page called index, without a
// warning: the page keeps its address, the text takes another, linked
// from the home page.
func TestHomePageTextYieldsItsName(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_index.md": "---\ntitle: Notes\n---\n\nWelcome.\n",
		"index.md":  "---\ntitle: Index of things\npage: true\n---\n\nThings.\n",
		"hello.md":  "---\ntitle: Hello\ndate: 2024-01-02\n---\n\nHi.\n",
	})
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir; c.Log = log.New(&logged, "", 0) })
	if _, _, page := servetest.GeminiGet(t, d, "/index.gmi"); !strings.Contains(page, "# Index of things\n") {
		t.Errorf("/index.gmi is not the page named index:\n%s", page)
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "Welcome.\n") {
		t.Errorf("home page lost its text:\n%s", home)
	}
	if strings.Contains(logged.String(), "duplicate slug") || strings.Contains(logged.String(), "is also") {
		t.Errorf("the home page's text was warned about:\n%s", logged.String())
	}
}

// A Zola site's root section, content/_index.md, is its home page: its
// text is on the home page, as Zola's index template shows it, its title
// names a site whose config.toml has none, and its aliases lead to it
// (Mindful/site-3's landing text was dropped without a word).
func TestZolaRootSectionIsTheHomePage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":            "base_url = \"https://example.org/\"\n",
			"content/_index.md":      "+++\ntitle = \"Joshua Tanner\"\naliases = [\"/technical\"]\n+++\n\nHi there, I am Josh.\n",
			"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/first.md":  "+++\ntitle = \"First\"\ndate = 2024-01-02\n+++\nThe first post.\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.HasPrefix(home, "# Joshua Tanner\n\nHi there, I am Josh.\n") || !strings.Contains(home, "=> /posts/first.gmi 2024-01-02 First\n") {
		t.Errorf("home page:\n%s", home)
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/technical"); status != 31 || !strings.HasSuffix(meta, "/index.gmi") {
		t.Errorf("/technical: %d %s, want 31 to the home page's text", status, meta)
	}
	if w := d.Store().Warnings; len(w) > 0 {
		t.Errorf("warnings: %v", w)
	}
}

// A relative link in a language's home page text is read from that
// language's home, as a browser reads it there (noborus's _index.en.md
// and _index.ja.md, both linking blog/hello/): each leads to the post in
// its own language, on both protocols, without a warning.
func TestLanguageHomeTextRelativeLinks(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":                "title = \"Repro\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
			"content/_index.en.md":     "---\ntitle: Home\n---\nRead [my first post](blog/hello/).\n",
			"content/_index.ja.md":     "---\ntitle: ホーム\n---\n[最初の記事](blog/hello/)をどうぞ。\n",
			"content/blog/hello.en.md": "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n",
			"content/blog/hello.ja.md": "---\ntitle: こんにちは\ndate: 2024-01-01\n---\nやあ。\n",
		})
	})
	for path, want := range map[string]string{"/": "=> /posts/hello.gmi my first post\n", "/ja/": "=> /ja/posts/hello.gmi 最初の記事\n"} {
		if _, _, home := servetest.GeminiGet(t, d, path); !strings.Contains(home, want) {
			t.Errorf("%s lacks %q:\n%s", path, want, home)
		}
	}
	if text := servetest.GopherGet(t, d, "/ja/index.txt\r\n"); !strings.Contains(text, "/ja/posts/hello.txt") {
		t.Errorf("/ja/index.txt:\n%s", text)
	}
	for _, w := range d.Store().Warnings {
		t.Errorf("warning: %v", w)
	}
}

// An Eleventy page written at the site's top (permalink: /index.html,
// dollplayer2501's contents/index.md) is the home page: its text on it,
// no address of its own at the top ("" was listed, and not served), no
// "served as a page" warning; its folder, holding nothing else, is no
// folder of posts beside the one that has a post.
func TestEleventyPageAtTheTopIsTheHomePage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"eleventy.config.js":    `module.exports = function () { return { dir: { input: "src" } }; };`,
			"src/contents/index.md": "---\ntitle: Welcome!\npermalink: /index.html\n---\nHome text.\n",
			"src/posts/post.md":     "---\ntitle: Post\ndate: 2021-06-07\n---\nA post.\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "Home text.\n") || !strings.Contains(home, "2021-06-07 Post\n") {
		t.Errorf("home page:\n%s", home)
	}
	for _, rt := range d.Store().Routes() {
		if rt.Address == "" {
			t.Errorf("a route at no address: %+v", rt)
		}
	}
	for _, w := range d.Store().Warnings {
		t.Errorf("warning: %v", w)
	}
}

// A Jekyll home page made of Liquid alone (its loops dropped) has no
// text: the Gopher root links no empty document for it.
func TestHomeOfTemplatesAloneHasNoText(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                "title: Empty home\n",
			"index.md":                   "---\nlayout: home\n---\n{% for post in site.posts %}\n{{ post.title }}\n{% endfor %}\n",
			"_posts/2024-01-02-hello.md": "---\ntitle: Hello\n---\nHi.\n",
		})
	})
	if root := servetest.GopherGet(t, d, "\r\n"); strings.Contains(root, "index.txt") {
		t.Errorf("the root menu links the home text:\n%s", root)
	}
}

// A page whose text opens with its title again ("# About" under title
// About: eleventy-base-blog's, whose layout prints no title) shows it
// once; another first heading, or a title heading further down, stays.
func TestTitleHeadingOnce(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"about.md": "+++\ntitle = \"About\"\npage = true\n+++\n# About\n\nI am.\n",
			"other.md": "+++\ntitle = \"Other\"\npage = true\n+++\n# Something else\n\nText.\n\n# Other\n",
		})
	})
	if _, _, page := servetest.GeminiGet(t, d, "/about.gmi"); strings.Count(page, "# About") != 1 || !strings.Contains(page, "I am.") {
		t.Errorf("about:\n%s", page)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/other.gmi"); !strings.Contains(page, "# Something else") || strings.Count(page, "# Other") != 2 {
		t.Errorf("other:\n%s", page)
	}
	if text := servetest.GopherGet(t, d, "/about.txt\r\n"); strings.Count(text, "About") != 1 {
		t.Errorf("about, gopher:\n%s", text)
	}
}

// A Zola site's other languages have their home page texts in the root
// section's _index.<code>.md, as the default one has it in _index.md
// (vinidlidoo's _index.fr.md).
func TestZolaLanguageHomeTexts(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":               "base_url = \"https://example.org\"\ntitle = \"Z\"\ndefault_language = \"en\"\n[languages.fr]\ntitle = \"Zfr\"\n",
			"content/_index.md":         "+++\n+++\nWelcome home.\n",
			"content/_index.fr.md":      "+++\n+++\nBienvenue.\n",
			"content/blog/_index.md":    "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/_index.fr.md": "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/a.md":         "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nA.\n",
			"content/blog/a.fr.md":      "+++\ntitle = \"A fr\"\ndate = 2024-01-01\n+++\nA fr.\n",
		})
	})
	for path, want := range map[string]string{"/": "Welcome home.\n", "/fr/": "Bienvenue.\n"} {
		if _, _, home := servetest.GeminiGet(t, d, path); !strings.Contains(home, want) {
			t.Errorf("%s lacks %q:\n%s", path, want, home)
		}
	}
}

// So is a root section of front matter alone (the Rust blog's: title,
// description, sort_by): its title named the site "localhost", and no
// empty document is linked for its text.
func TestZolaRootSectionOfFrontMatterAlone(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":            "base_url = \"https://example.org/\"\n",
			"content/_index.md":      "+++\ntitle = \"Rust Blog\"\nsort_by = \"permalink\"\n+++\n",
			"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/first.md":  "+++\ntitle = \"First\"\ndate = 2024-01-02\n+++\nThe first post.\n",
		})
	})
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.HasPrefix(home, "# Rust Blog\n") {
		t.Errorf("home page:\n%s", home)
	}
	if menu := servetest.GopherGet(t, d, "\r\n"); !strings.HasPrefix(menu, "iRust Blog\t") || strings.Contains(menu, "index") {
		t.Errorf("gopher menu:\n%s", menu)
	}
}
