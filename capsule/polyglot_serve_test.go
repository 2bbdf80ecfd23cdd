package capsule_test

import (
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
