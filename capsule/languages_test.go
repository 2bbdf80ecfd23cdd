package capsule_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
	"capsule/capsule/search"
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
	if strings.Contains(pages["gemini:/"], "Notes in English") {
		t.Errorf("the English description on the Japanese home:\n%s", pages["gemini:/"])
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
		// Of one translationKey, named apart.
		{"gemini:/posts/sakura.gmi", "=> /en/posts/cherry.gmi English\n"},
		{"gemini:/en/posts/cherry.gmi", "=> /posts/sakura.gmi 日本語\n"},
		// Each language's home page: _index.<code>.md, its description
		// and its text, with its links; on Gopher the text is a document.
		{"gemini:/en/", "Notes in English\n\nWelcome to the English side. Read about this blog.\n=> /en/about.gmi about this blog\n"},
		{"gopher:/en/", "iNotes in English\t"},
		{"gopher:/en/", "0Blog\t/en/index.txt\t"},
		{"gopher:/en/index.txt", "Welcome to the English side."},
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
	// And the warnings about those stubs name the language's page.
	warns := content.ErrorList(d.Store().Warnings).Error()
	for file, page := range map[string]string{"archives.md": "(/archive.gmi)", "archives.en.md": "(/en/archive.gmi)"} {
		if !strings.Contains(warns, file+":1: no text: a theme's layout page, which capsule's archive "+page) {
			t.Errorf("no warning that %s stands for %s: %s", file, page, warns)
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
		{"gemini:/", "=> /ja/ サイト (日本語)\n"},
		// Each language's home page: the _index.md of its contentDir.
		{"gemini:/", "=> /en/ Site in English (English)\n"},
		{"gemini:/ja/", "# サイト\n\n日本語の記事\n"},
		{"gemini:/en/", "# Site in English\n\nPosts in English\n"},
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
	if strings.Contains(pages["gemini:/ja/"], "Posts in English") {
		t.Errorf("the English description on the Japanese home:\n%s", pages["gemini:/ja/"])
	}
}

// Each language in a folder has its own search there, on both protocols:
// asked and answered in its messages, finding its posts only, linked from
// its home and menus; the default language's is at the root.
func TestMultilingualSearch(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml": "title = \"Blog\"\ndefaultContentLanguage = \"en\"\n\n" +
			"[languages.en]\nlanguageName = \"English\"\nweight = 1\n\n" +
			"[languages.ja]\nlanguageName = \"日本語\"\ntitle = \"ブログ\"\nweight = 2\n",
		"content/posts/kyoto.md":    "---\ntitle: Kyoto\ndate: 2024-01-02\n---\n\nA trip to Kyoto.\n",
		"content/posts/kyoto.ja.md": "---\ntitle: 京都\ndate: 2024-01-02\n---\n\nKyoto への旅。\n",
		"content/search.ja.md":      "---\ntitle: 検索\nlayout: search\n---\n", // a theme's search page
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir + "/content" })
	ja, en := messages.Japanese, messages.English

	if s, meta, _ := servetest.GeminiGet(t, d, "/ja/search"); s != 10 || meta != ja.SearchPrompt {
		t.Errorf("/ja/search: %d %q, want 10 %q", s, meta, ja.SearchPrompt)
	}
	if s, meta, _ := servetest.GeminiGet(t, d, "/search"); s != 10 || meta != en.SearchPrompt {
		t.Errorf("/search: %d %q, want 10 %q", s, meta, en.SearchPrompt)
	}
	s, meta, page := servetest.GeminiGet(t, d, "/ja/search?Kyoto")
	if s != 20 || meta != "text/gemini; charset=utf-8; lang=ja" {
		t.Errorf("/ja/search?Kyoto: %d %q, want lang=ja", s, meta)
	}
	for _, has := range []string{
		"# " + messages.Format(ja.SearchHeading, "query", "Kyoto") + "\n",
		messages.Format(ja.SearchFound, "query", "Kyoto", "count", "1") + "\n",
		"=> /ja/posts/kyoto.gmi 2024-01-02 京都\n",
		"=> /ja/search " + ja.SearchAgain + "\n",
		"=> /ja/ ブログ\n",
	} {
		if !strings.Contains(page, has) {
			t.Errorf("/ja/search?Kyoto lacks %q:\n%s", has, page)
		}
	}
	if strings.Contains(page, "=> /posts/kyoto.gmi") {
		t.Errorf("/ja/search?Kyoto found the English post:\n%s", page)
	}
	// "trip" is in the English post only.
	if _, _, page := servetest.GeminiGet(t, d, "/ja/search?trip"); !strings.Contains(page, messages.Format(ja.SearchNone, "query", "trip")) {
		t.Errorf("/ja/search?trip found something:\n%s", page)
	}
	long := strings.Repeat("の", search.MaxQueryRunes+1)
	if s, meta, _ := servetest.GeminiGet(t, d, "/ja/search?"+url.QueryEscape(long)); s != 59 || !strings.Contains(meta, strconv.Itoa(search.MaxQueryRunes)) || strings.Contains(meta, "too long") {
		t.Errorf("/ja/search with a long query: %d %q, want 59 in Japanese", s, meta)
	}
	// The root's search is the default language's, served there: its
	// posts only, in its messages.
	if _, meta, page := servetest.GeminiGet(t, d, "/search?Kyoto"); meta != "text/gemini; charset=utf-8; lang=en" ||
		!strings.Contains(page, "=> /posts/kyoto.gmi") || !strings.Contains(page, "=> /search "+en.SearchAgain+"\n") ||
		strings.Contains(page, "/ja/posts/kyoto.gmi") {
		t.Errorf("/search?Kyoto: %q\n%s", meta, page)
	}
	if menu := servetest.GopherGet(t, d, "/search\t京都\r\n"); strings.Contains(menu, "/ja/posts/kyoto/") ||
		!strings.Contains(menu, messages.Format(en.SearchNone, "query", "京都")) {
		t.Errorf("gopher /search 京都 found the Japanese post:\n%s", menu)
	}

	menu := servetest.GopherGet(t, d, "/ja/search\tKyoto\r\n")
	for _, has := range []string{
		"i" + messages.Format(ja.SearchFound, "query", "Kyoto", "count", "1") + "\t",
		"\t/ja/posts/kyoto/\t",
		"7" + ja.SearchAgain + "\t/ja/search\t",
	} {
		if !strings.Contains(menu, has) {
			t.Errorf("gopher /ja/search Kyoto lacks %q:\n%s", has, menu)
		}
	}
	if strings.Contains(menu, "\t/posts/kyoto/\t") {
		t.Errorf("gopher /ja/search Kyoto found the English post:\n%s", menu)
	}
	if menu := servetest.GopherGet(t, d, "ja/search\ttrip\r\n"); !strings.Contains(menu, messages.Format(ja.SearchNone, "query", "trip")) {
		t.Errorf("gopher ja/search trip:\n%s", menu)
	}

	// Linked from its home and menus, not the site's search.
	pages := servetest.Crawl(t, d, 100)
	for _, c := range []struct{ page, has string }{
		{"gemini:/ja/", "=> /ja/search " + ja.Search + "\n"},
		{"gemini:/", "=> /search " + en.Search + "\n"},
		{"gopher:/ja/", "7" + ja.Search + "\t/ja/search\t"},
		{"gopher:", "7" + en.Search + "\t/search\t"},
	} {
		if !strings.Contains(pages[c.page], c.has) {
			t.Errorf("%s lacks %q:\n%s", c.page, c.has, pages[c.page])
		}
	}
	// The theme's search page in Japanese leads to the Japanese search.
	if s, meta, _ := servetest.GeminiGet(t, d, "/ja/search/"); s != 31 || !strings.HasSuffix(meta, "/ja/search") {
		t.Errorf("/ja/search/: %d %q, want a redirect to /ja/search", s, meta)
	}
	if menu := servetest.GopherGet(t, d, "/ja/search/\r\n"); !strings.Contains(menu, "7"+ja.Search+"\t/ja/search\t") {
		t.Errorf("gopher /ja/search/:\n%s", menu)
	}
	if _, _, robots := servetest.GeminiGet(t, d, "/robots.txt"); !strings.Contains(robots, "Disallow: /search\nDisallow: /ja/search\n") {
		t.Errorf("robots.txt lets crawlers into /ja/search:\n%s", robots)
	}
	if strings.Contains(pages["gemini:/ja/"], "=> /search ") || strings.Contains(pages["gopher:/ja/"], "\t/search\t") {
		t.Errorf("/ja/ links the site's search:\n%s\n%s", pages["gemini:/ja/"], pages["gopher:/ja/"])
	}
}

// A Hugo site whose language at the root is not its configured one
// (languageCode ja, English by default): the site's own answers, not
// found on both protocols, speak the root's language, and the Gopher
// error menu leads to the root's home by its title. They spoke Japanese.
func TestSiteAnswersSpeakTheRootsLanguage(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml": "title = \"ブログ\"\nlanguageCode = \"ja\"\ndefaultContentLanguage = \"en\"\n" +
			"[languages.en]\nlanguageName = \"English\"\ntitle = \"Blog\"\nweight = 1\n[languages.ja]\nlanguageName = \"日本語\"\nweight = 2\n",
		"content/posts/hello.en.md": "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nHi.\n",
		"content/posts/hello.ja.md": "+++\ntitle = \"こんにちは\"\ndate = 2020-01-01\n+++\nやあ。\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	if status, meta, _ := servetest.GeminiGet(t, d, "/nothing"); status != 51 || meta != messages.English.NotFound {
		t.Errorf("gemini: %d %q, want 51 %q", status, meta, messages.English.NotFound)
	}
	menu := servetest.GopherGet(t, d, "/nothing\r\n")
	if !strings.HasPrefix(menu, "3"+messages.English.NotFound+"\t") || !strings.Contains(menu, "1"+messages.Format(messages.English.Home, "site", "Blog")+"\t/\t") {
		t.Errorf("gopher:\n%s", menu)
	}
	// What the operator's [messages] replace is replaced at the root too.
	d2 := servetest.Start(t, func(c *config.Config) {
		c.Posts = dir
		c.Messages = map[string]string{"not_found": "Nothing here, friend"}
	})
	if status, meta, _ := servetest.GeminiGet(t, d2, "/nothing"); status != 51 || meta != "Nothing here, friend" {
		t.Errorf("gemini, overridden: %d %q", status, meta)
	}
}
