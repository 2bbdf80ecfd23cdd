package capsule_test

import (
	"slices"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// jekyll-polyglot writes every page in every language's build: one with
// no version in a language is copied there in the language it has (the
// default language's, else its own), and a translation's links to the
// site's addresses are rewritten into its language's folder; its
// redirect_from is under its language's folder. The addresses polyglot
// makes lead where it puts the page, over Gemini and Gopher.
func TestPolyglotCopiesLinksAndRedirects(t *testing.T) {
	d := servetest.Start(t, func(cf *config.Config) { cf.Posts = "testdata/jekyll-polyglot-copies" })
	for from, to := range map[string]string{
		// Copies: the English-only post under /ja/, the Japanese-only
		// one at the top, an English page under /ja/.
		"/ja/posts/english-only/": "/posts/english-only.gmi",
		"/posts/nihongo/":         "/ja/posts/nihongo.gmi",
		"/ja/about/":              "/about.gmi",
		// Each version at its own address.
		"/ja/posts/hello/": "/ja/posts/hello.gmi",
		"/posts/hello/":    "/posts/hello.gmi",
		// redirect_from, scoped to the translation's language.
		"/ja/posts/old-hello/": "/ja/posts/hello.gmi",
		"/posts/old-hello/":    "/posts/hello.gmi",
		// A theme's archives page copied to /ja/ is the Japanese archive.
		"/ja/archives/": "/ja/archive.gmi",
	} {
		if s, meta, _ := servetest.GeminiGet(t, d, from); s != 31 || !strings.HasSuffix(meta, to) {
			t.Errorf("%s: %d %q, want a redirect to %s", from, s, meta, to)
		}
	}
	// page_id ties versions of one page with permalinks of their own:
	// each is at its own only, and links the other.
	if s, meta, _ := servetest.GeminiGet(t, d, "/renraku/"); s != 51 {
		t.Errorf("/renraku/: %d %q, want not found (polyglot writes it under /ja/ only)", s, meta)
	}
	if s, meta, _ := servetest.GeminiGet(t, d, "/ja/renraku/"); s != 31 || !strings.HasPrefix(meta, "gemini://") || !strings.Contains(meta, "/ja/") {
		t.Errorf("/ja/renraku/: %d %q, want a redirect to the Japanese page", s, meta)
	}
	if _, _, en := servetest.GeminiGet(t, d, "/contact.gmi"); !strings.Contains(en, " 日本語\n") {
		t.Errorf("/contact.gmi does not link its Japanese version:\n%s", en)
	}
	// The Japanese tag index stays the capsule's, whatever is copied there.
	if s, meta, body := servetest.GeminiGet(t, d, "/ja/tags/"); s != 20 || !strings.Contains(meta, "lang=ja") || !strings.Contains(body, "greeting") {
		t.Errorf("/ja/tags/: %d %q\n%s", s, meta, body)
	}
	// Links in the Japanese post lead to the Japanese versions (or, for a
	// post with none, to the one polyglot copies); the English post's
	// stay in English.
	_, _, ja := servetest.GeminiGet(t, d, "/ja/posts/hello.gmi")
	for _, want := range []string{"=> /ja/posts/world.gmi 世界\n", "=> /posts/english-only.gmi 英語だけの記事\n"} {
		if !strings.Contains(ja, want) {
			t.Errorf("/ja/posts/hello.gmi lacks %q:\n%s", want, ja)
		}
	}
	if _, _, en := servetest.GeminiGet(t, d, "/posts/hello.gmi"); !strings.Contains(en, "=> /posts/world.gmi the world\n") {
		t.Errorf("/posts/hello.gmi does not link the English world:\n%s", en)
	}
	if txt := servetest.GopherGet(t, d, "/ja/posts/english-only/\r\n"); !strings.Contains(txt, "Written in English only.") {
		t.Errorf("gopher /ja/posts/english-only/:\n%s", txt)
	}
	if txt := servetest.GopherGet(t, d, "/ja/posts/hello.txt\r\n"); !strings.Contains(txt, "[1] gopher://") || !strings.Contains(txt, "/0/ja/posts/world.txt\r\n") {
		t.Errorf("gopher /ja/posts/hello.txt does not refer to the Japanese world:\n%s", txt)
	}
}

// Polyglot writes a page with no version in a language into that
// language's build, so the web site's menu has it in every language: a
// language's home links it too (an English-only about page on /ja/, a
// Japanese-only page on the English home), over Gemini and Gopher, and
// not a page that has a version of its own there (the contact page,
// tied by page_id), nor a theme's stub.
func TestPolyglotHomesLinkCopiedPages(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: Notes\nlanguages: [\"en\", \"ja\"]\ndefault_lang: \"en\"\nplugins:\n  - jekyll-polyglot\n",
		"_posts/2024-01-01-hello.md": "---\ntitle: Hello\n---\nHello.\n",
		"about.md":                   "---\ntitle: About me\npermalink: /about/\n---\nWho writes.\n",
		"contact.md":                 "---\ntitle: Contact\npermalink: /contact/\npage_id: contact\n---\nWrite.\n",
		"contact.ja.md":              "---\ntitle: 連絡先\nlang: ja\npermalink: /renraku/\npage_id: contact\n---\nこちらへ。\n",
		"nihon.md":                   "---\ntitle: 日本のこと\nlang: ja\npermalink: /nihon/\n---\n日本語だけ。\n",
		"tags.md":                    "---\ntitle: Tag cloud\nlayout: tags\npermalink: /tags/\n---\n",
	})
	d := servetest.Start(t, func(cf *config.Config) { cf.Posts = dir })
	for _, c := range []struct {
		home      string
		want, not []string // titles
	}{
		{"/ja/", []string{"About me", "連絡先", "日本のこと"}, []string{"Contact", "Tag cloud"}},
		{"/", []string{"About me", "Contact", "日本のこと"}, []string{"連絡先", "Tag cloud"}},
	} {
		_, _, page := servetest.GeminiGet(t, d, c.home)
		menu := servetest.GopherGet(t, d, c.home+"\r\n")
		for _, title := range c.want {
			if n := strings.Count(page, " "+title+"\n"); n != 1 {
				t.Errorf("gemini %s links %q %d times, want once:\n%s", c.home, title, n, page)
			}
			if !strings.Contains(menu, title+"\t") {
				t.Errorf("gopher %s does not link %q:\n%s", c.home, title, menu)
			}
		}
		for _, title := range c.not {
			if strings.Contains(page, " "+title+"\n") || strings.Contains(menu, title+"\t") {
				t.Errorf("%s links %q", c.home, title)
			}
		}
	}
	// The links lead to the pages, served in their own language.
	for _, addr := range []string{"/about.gmi", "/ja/nihon.gmi"} {
		if s, meta, _ := servetest.GeminiGet(t, d, addr); s != 20 {
			t.Errorf("%s: %d %q", addr, s, meta)
		}
	}
}

// polyglotListsSite is a jekyll-polyglot site of two languages: a post
// in both (one permalink, so one page id), one in English only and one
// in Japanese only, each with its tags.
func polyglotListsSite(t *testing.T, extra map[string]string) string {
	files := map[string]string{
		"_config.yml":                   "title: Notes\nlanguages: [\"en\", \"ja\"]\ndefault_lang: \"en\"\npermalink: /posts/:title/\nplugins:\n  - jekyll-polyglot\n",
		"_posts/2020-01-01-hello.md":    "---\ntitle: Hello\ntags: [go]\n---\nHello.\n",
		"_posts/ja/2020-01-01-hello.md": "---\ntitle: こんにちは\nlang: ja\ntags: [日本語]\n---\nこんにちは。\n",
		"_posts/2020-01-02-only-en.md":  "---\ntitle: Only in English\ntags: [rust, go]\n---\nEnglish.\n",
		"_posts/2020-01-03-only-ja.md":  "---\ntitle: 日本語だけ\nlang: ja\ntags: [ja-only]\n---\n日本語。\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	return testfs.Write(t, files)
}

// Polyglot's build of a language holds, in site.posts, the posts of
// other languages that have no version in it (jekyll build of this site
// with polyglot's source, untra/polyglot c0dae12: /ja/'s list is 日本語だけ, Only in
// English, こんにちは; /'s is 日本語だけ, Only in English, Hello; site.tags
// of ja has rust and go, of en ja-only), which its home, tags and
// archives list: so do the language's home, archive, tags and feeds,
// over Gemini and Gopher, linking each post where it is rendered, and a
// post with a version in the language only by that version.
func TestPolyglotLanguageListsHoldCopiedPosts(t *testing.T) {
	d := servetest.Start(t, func(cf *config.Config) { cf.Posts = polyglotListsSite(t, nil) })
	lines := func(body string) []string {
		var out []string
		for _, l := range strings.Split(body, "\n") {
			if strings.HasPrefix(l, "=> /posts/") || strings.HasPrefix(l, "=> /ja/posts/") {
				out = append(out, l)
			}
		}
		return out
	}
	for _, c := range []struct {
		home string
		want []string
	}{
		{"/ja/", []string{"=> /ja/posts/only-ja.gmi 2020-01-03 日本語だけ", "=> /posts/only-en.gmi 2020-01-02 Only in English", "=> /ja/posts/hello.gmi 2020-01-01 こんにちは"}},
		{"/", []string{"=> /ja/posts/only-ja.gmi 2020-01-03 日本語だけ", "=> /posts/only-en.gmi 2020-01-02 Only in English", "=> /posts/hello.gmi 2020-01-01 Hello"}},
	} {
		s, meta, body := servetest.GeminiGet(t, d, c.home)
		if got := lines(body); s != 20 || !slices.Equal(got, c.want) {
			t.Errorf("%s: %d %q lists\n%s\nwant\n%s", c.home, s, meta, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
		if _, _, archive := servetest.GeminiGet(t, d, c.home+"archive.gmi"); !slices.Equal(lines(archive), c.want) {
			t.Errorf("%sarchive.gmi lists\n%s", c.home, archive)
		}
	}
	// The Japanese home speaks Japanese, whatever it lists.
	if _, meta, body := servetest.GeminiGet(t, d, "/ja/"); !strings.Contains(meta, "lang=ja") || !strings.Contains(body, "## 記事\n") {
		t.Errorf("/ja/: %q\n%s", meta, body)
	}
	if menu := servetest.GopherGet(t, d, "/ja/\r\n"); !strings.Contains(menu, "2020-01-02 Only in English\t/posts/only-en/\t") {
		t.Errorf("gopher /ja/ does not list the English post:\n%s", menu)
	}
	if menu := servetest.GopherGet(t, d, "/ja/archive\r\n"); !strings.Contains(menu, "2020-01-02 Only in English\t/posts/only-en/\t") {
		t.Errorf("gopher /ja/archive does not list the English post:\n%s", menu)
	}
	// Tags: the copies' tags are the language's too.
	for addr, want := range map[string]string{
		"/ja/tags/rust.gmi": "=> /posts/only-en.gmi 2020-01-02 Only in English",
		"/ja/tags/go.gmi":   "=> /posts/only-en.gmi 2020-01-02 Only in English",
		"/tags/ja-only.gmi": "=> /ja/posts/only-ja.gmi 2020-01-03 日本語だけ",
		"/ja/tags/日本語.gmi":  "=> /ja/posts/hello.gmi 2020-01-01 こんにちは",
	} {
		if s, _, body := servetest.GeminiGet(t, d, addr); s != 20 || !slices.Equal(lines(body), []string{want}) {
			t.Errorf("%s: %d\n%s\nwant %s alone", addr, s, body, want)
		}
	}
	if _, _, tags := servetest.GeminiGet(t, d, "/ja/tags/"); !strings.Contains(tags, "/ja/tags/rust.gmi rust (1)\n") || !strings.Contains(tags, "/ja/tags/go.gmi go (1)\n") {
		t.Errorf("/ja/tags/ lacks the English post's tags:\n%s", tags)
	}
	if menu := servetest.GopherGet(t, d, "/ja/tags/rust\r\n"); !strings.Contains(menu, "Only in English\t/posts/only-en/\t") {
		t.Errorf("gopher /ja/tags/rust:\n%s", menu)
	}
	// Feeds: the language's, and its tags'.
	for addr, want := range map[string]string{
		"/ja/atom.xml":      "<title>Only in English</title>",
		"/ja/tags/rust.xml": "<title>Only in English</title>",
		"/atom.xml":         "<title>日本語だけ</title>",
	} {
		if s, _, body := servetest.GeminiGet(t, d, addr); s != 20 || !strings.Contains(body, want) {
			t.Errorf("%s: %d lacks %s:\n%s", addr, s, want, body)
		}
	}
	if _, _, feed := servetest.GeminiGet(t, d, "/ja/atom.xml"); strings.Contains(feed, "<title>Hello</title>") {
		t.Errorf("/ja/atom.xml has the English version of a post translated:\n%s", feed)
	}
}

// jekyll-archives in a jekyll-polyglot site: each language's build runs
// the plugin's generator on its site.posts (the copies too), writing its
// pages under the language's folder (jekyll build of this site with
// jekyll-archives 2.3.0's and polyglot's sources: /tags/go/,
// /tags/rust/, /tags/ja-only/, /2020/; /ja/tags/go/, /ja/tags/rust/,
// /ja/tags/ja-only/, /ja/tags/日本語/, /ja/2020/; no /tags/日本語/).
// Each leads to that language's page of the tag, or its archive, and a
// translation's link to /tags/go/, which polyglot rewrites to
// /ja/tags/go/, leads to the Japanese page.
func TestPolyglotArchivesPerLanguage(t *testing.T) {
	dir := polyglotListsSite(t, map[string]string{
		"_config.yml": "title: Notes\nlanguages: [\"en\", \"ja\"]\ndefault_lang: \"en\"\npermalink: /posts/:title/\n" +
			"plugins:\n  - jekyll-polyglot\n  - jekyll-archives\njekyll-archives:\n  enabled: [tags, year]\n  permalinks:\n    tag: /tags/:name/\n",
		"_posts/2020-01-01-hello.md":    "---\ntitle: Hello\ntags: [go, greeting]\n---\nHello, [in Go](/tags/go/).\n",
		"_posts/ja/2020-01-01-hello.md": "---\ntitle: こんにちは\nlang: ja\ntags: [日本語]\n---\n[Go](/tags/go/)、[Rust](/ja/tags/rust/)、[挨拶](/tags/greeting/)。\n",
	})
	d := servetest.Start(t, func(cf *config.Config) { cf.Posts = dir })
	for from, to := range map[string]string{
		"/tags/go/":         "/tags/go.gmi",
		"/tags/ja-only/":    "/tags/ja-only.gmi",
		"/tags/greeting":    "/tags/greeting.gmi",
		"/ja/tags/go/":      "/ja/tags/go.gmi",
		"/ja/tags/rust/":    "/ja/tags/rust.gmi",
		"/ja/tags/ja-only/": "/ja/tags/ja-only.gmi",
		"/ja/tags/日本語/":     "/ja/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E.gmi",
		"/2020/":            "/archive.gmi",
		"/ja/2020/":         "/ja/archive.gmi",
	} {
		if s, meta, _ := servetest.GeminiGet(t, d, from); s != 31 || !strings.HasPrefix(meta, "gemini://") || meta[strings.Index(meta[len("gemini://"):], "/")+len("gemini://"):] != to {
			t.Errorf("%s: %d %q, want a redirect to %s", from, s, meta, to)
		}
	}
	for _, addr := range []string{"/tags/日本語/", "/ja/tags/greeting/"} {
		if s, meta, _ := servetest.GeminiGet(t, d, addr); s != 51 {
			t.Errorf("%s: %d %q, want not found (no such page in that language's build)", addr, s, meta)
		}
	}
	for sel, want := range map[string]string{
		"/ja/tags/rust/\r\n": "2020-01-02 Only in English\t/posts/only-en/\t",
		"/ja/2020/\r\n":      "2020-01-02 Only in English\t/posts/only-en/\t",
		"/tags/ja-only/\r\n": "2020-01-03 日本語だけ\t/ja/posts/only-ja/\t",
	} {
		if menu := servetest.GopherGet(t, d, sel); !strings.Contains(menu, want) {
			t.Errorf("gopher %q lacks %q:\n%s", sel, want, menu)
		}
	}
	_, _, ja := servetest.GeminiGet(t, d, "/ja/posts/hello.gmi")
	for _, want := range []string{"=> /ja/tags/go.gmi Go\n", "=> /ja/tags/rust.gmi Rust\n", "=> /tags/greeting.gmi 挨拶\n"} {
		if !strings.Contains(ja, want) {
			t.Errorf("/ja/posts/hello.gmi lacks %q:\n%s", want, ja)
		}
	}
	if _, _, en := servetest.GeminiGet(t, d, "/posts/hello.gmi"); !strings.Contains(en, "=> /tags/go.gmi in Go\n") {
		t.Errorf("/posts/hello.gmi does not link the English tag go:\n%s", en)
	}
}

// The posts polyglot copies into a language are among its posts in
// page.previous and page.next and in site.posts, which a theme's search
// index lists (Chirpy's search.json, Chirpy's post-nav): jekyll build
// of this site with polyglot's source (untra/polyglot c0dae12) and a
// layout printing them: /ja/posts/hello/'s next is /posts/only-en/
// (Only in English), /ja/posts/only-ja/'s previous is it too and its
// next こんにちは 2; /posts/only-en/'s next is 日本語だけ; the ja build's
// site.posts has Only in English, not the English Hello. So the
// language's posts link the copies beside them (where they are rendered),
// on Gemini and Gopher, and its search finds them, newest first among
// its own, and not the other version of a post it has.
func TestPolyglotCopiesInNeighboursAndSearch(t *testing.T) {
	d := servetest.Start(t, func(cf *config.Config) {
		cf.Posts = polyglotListsSite(t, map[string]string{
			"_posts/2020-01-04-ja-two.md": "---\ntitle: こんにちは 2\nlang: ja\n---\nこんにちは。English too.\n",
		})
	})
	for addr, want := range map[string][]string{
		"/ja/posts/hello.gmi":   {"=> /posts/only-en.gmi → 2020-01-02 Only in English\n"},
		"/ja/posts/only-ja.gmi": {"=> /posts/only-en.gmi ← 2020-01-02 Only in English\n", "=> /ja/posts/ja-two.gmi → 2020-01-04 こんにちは 2\n"},
		"/posts/only-en.gmi":    {"=> /posts/hello.gmi ← 2020-01-01 Hello\n", "=> /ja/posts/only-ja.gmi → 2020-01-03 日本語だけ\n"},
	} {
		_, _, page := servetest.GeminiGet(t, d, addr)
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q:\n%s", addr, w, page)
			}
		}
	}
	if menu := servetest.GopherGet(t, d, "/ja/posts/hello/\r\n"); !strings.Contains(menu, "1→ 2020-01-02 Only in English\t/posts/only-en/\t") {
		t.Errorf("gopher /ja/posts/hello/ does not link the English post after it:\n%s", menu)
	}
	found := func(body string) []string {
		var out []string
		for _, l := range strings.Split(body, "\n") {
			if strings.HasPrefix(l, "=> /posts/") || strings.HasPrefix(l, "=> /ja/posts/") {
				out = append(out, l)
			}
		}
		return out
	}
	for q, want := range map[string][]string{
		"/ja/search?English":         {"=> /ja/posts/ja-two.gmi 2020-01-04 こんにちは 2", "=> /posts/only-en.gmi 2020-01-02 Only in English"},
		"/ja/search?Hello":           nil, // the English version of こんにちは
		"/search?%E6%97%A5%E6%9C%AC": {"=> /ja/posts/only-ja.gmi 2020-01-03 日本語だけ"},
		"/search?Hello":              {"=> /posts/hello.gmi 2020-01-01 Hello"},
	} {
		if s, meta, body := servetest.GeminiGet(t, d, q); s != 20 || !slices.Equal(found(body), want) {
			t.Errorf("%s: %d %q finds\n%s\nwant\n%s", q, s, meta, strings.Join(found(body), "\n"), strings.Join(want, "\n"))
		}
	}
	if menu := servetest.GopherGet(t, d, "/ja/search\tEnglish\r\n"); !strings.Contains(menu, "2020-01-02 Only in English\t/posts/only-en/\t") || !strings.Contains(menu, "2020-01-04 こんにちは 2\t/ja/posts/ja-two/\t") {
		t.Errorf("gopher /ja/search English:\n%s", menu)
	}
}
