package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/messages"
)

// A multilingual Hugo site, translated by file name (hello.en.md) and in
// page bundles (trip/index.en.md), Japanese by default: each language is
// a capsule of its own, every post reachable from its language's home on
// both protocols, answered with its language, linking its translations.
func TestMultilingualByFileName(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "testdata/hugo-multilingual/content" })
	pages := servetest.Crawl(t, d, 500)
	want := map[string]string{ // Gemini page: its lang
		"/": "ja", "/en/": "en",
		"/posts/hello.gmi": "ja", "/en/posts/hello.gmi": "en",
		"/posts/trip.gmi": "ja", "/en/posts/trip.gmi": "en",
		"/posts/only-ja.gmi": "ja", "/en/posts/only-en.gmi": "en",
		"/about.gmi": "ja", "/en/about.gmi": "en",
		"/tags/": "ja", "/en/tags/": "en", "/archive.gmi": "ja", "/en/archive.gmi": "en",
		"/tags/%E6%8C%A8%E6%8B%B6.gmi": "ja", "/en/tags/greetings.gmi": "en",
	}
	for path, lang := range want {
		page, ok := pages["gemini:"+path]
		if !ok {
			t.Errorf("gemini %s: not reached from a home", path)
			continue
		}
		if meta, _, _ := strings.Cut(page, "\n"); meta != "text/gemini; charset=utf-8; lang="+lang {
			t.Errorf("gemini %s: %q, want lang=%s", path, meta, lang)
		}
	}
	for _, c := range []struct{ page, has string }{
		{"gemini:/posts/hello.gmi", "=> /en/posts/hello.gmi English\n"},
		{"gemini:/en/posts/hello.gmi", "=> /posts/hello.gmi 日本語\n"},
		{"gemini:/posts/trip.gmi", "=> /en/posts/trip.gmi English\n"},
		{"gemini:/en/posts/trip.gmi", "=> /posts/trip.gmi 日本語\n"},
		{"gemini:/about.gmi", "=> /en/about.gmi English\n"},
		{"gemini:/", "=> /en/ English\n"},
		{"gemini:/en/", "=> / 日本語\n"},
		{"gemini:/", "=> /tags/ " + messages.Japanese.Tags + "\n"},
		{"gemini:/en/", "=> /en/tags/ " + messages.English.Tags + "\n"},
		{"gemini:/en/", "# Blog\n"},
		{"gemini:/en/posts/hello.gmi", "=> /en/tags/greetings.gmi #greetings\n"},
		{"gemini:/en/posts/hello.gmi", "=> /en/ Blog\n"},
		{"gopher:/posts/hello/", "1English\t/en/posts/hello/\t"},
		{"gopher:/en/posts/hello/", "1日本語\t/posts/hello/\t"},
		{"gopher:/en/", "/en/posts/only-en/\t"},
		{"gopher:", "/posts/only-ja/\t"},
	} {
		if !strings.Contains(pages[c.page], c.has) {
			t.Errorf("%s lacks %q:\n%s", c.page, c.has, pages[c.page])
		}
	}
	// A theme's archive page in each language leads to that language's.
	for from, to := range map[string]string{"/archives/": "/archive.gmi", "/en/archives/": "/en/archive.gmi"} {
		if s, meta, _ := servetest.GeminiGet(t, d, from); s != 31 || !strings.HasSuffix(meta, to) {
			t.Errorf("%s: %d %q, want a redirect to %s", from, s, meta, to)
		}
	}
	// Each language's lists are its own.
	for _, c := range []struct{ page, hasNot string }{
		{"gemini:/", "only-en"}, {"gemini:/en/", "only-ja"},
		{"gemini:/archive.gmi", "/en/"}, {"gemini:/en/archive.gmi", "only-ja"},
		{"gopher:", "only-en"}, {"gopher:/en/", "only-ja"},
		{"gemini:/en/posts/hello.gmi", "=> /posts/trip.gmi →"},
	} {
		if strings.Contains(pages[c.page], c.hasNot) {
			t.Errorf("%s has %q:\n%s", c.page, c.hasNot, pages[c.page])
		}
	}
}

// Languages by folder (contentDir), every one of them in its folder
// (defaultContentLanguageInSubdir): the root leads to them.
func TestMultilingualByFolder(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "testdata/hugo-multilingual-dirs/content" })
	pages := servetest.Crawl(t, d, 500)
	for path, lang := range map[string]string{
		"/en/": "en", "/ja/": "ja-JP", "/en/posts/first.gmi": "en", "/en/posts/second.gmi": "en", "/ja/posts/first.gmi": "ja-JP",
	} {
		page, ok := pages["gemini:"+path]
		if meta, _, _ := strings.Cut(page, "\n"); !ok || meta != "text/gemini; charset=utf-8; lang="+lang {
			t.Errorf("gemini %s: reached %v, %q, want lang=%s", path, ok, meta, lang)
		}
	}
	for _, c := range []struct{ page, has string }{
		{"gemini:/", "=> /en/ "},
		{"gemini:/", "=> /ja/ サイト (ja-JP)\n"},
		{"gemini:/en/posts/first.gmi", "=> /ja/posts/first.gmi 日本語\n"},
		{"gemini:/ja/posts/first.gmi", "=> /en/posts/first.gmi English\n"},
		{"gemini:/ja/", "=> /ja/tags/ " + messages.Japanese.Tags + "\n"},
		{"gopher:/ja/posts/first/", "1English\t/en/posts/first/\t"},
	} {
		if !strings.Contains(pages[c.page], c.has) {
			t.Errorf("%s lacks %q:\n%s", c.page, c.has, pages[c.page])
		}
	}
	if s, meta, _ := servetest.GeminiGet(t, d, "/ja"); s != 31 || !strings.HasSuffix(meta, "/ja/") {
		t.Errorf("/ja: %d %q, want a redirect to /ja/", s, meta)
	}
}
