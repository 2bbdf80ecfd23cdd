package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll site in Korean and English whose configuration's defaults say
// each folder's language (lazyjobseeker.github.io: _posts lang: ko at
// /posts/:title/, en/_posts lang: en at /en/posts/:title/) while its
// locale, en-US, names its theme's words: capsule took English for the
// site's language, so en/ was no language's folder, and served one home
// listing every post twice, the English ones as "en-_posts-<title>".
// The home lists the posts at the top, whose language the defaults
// give: Korean at the top, English under /en/, as on the web site.
func TestJekyllDefaultsLanguages(t *testing.T) {
	post := func(title, text string) string { return "---\ntitle: " + title + "\n---\n" + text + "\n" }
	defaults := "defaults:\n" +
		"  - scope:\n      path: \"_posts\"\n      type: posts\n    values:\n      lang: ko\n      permalink: /posts/:title/\n" +
		"  - scope:\n      path: \"en/_posts\"\n      type: posts\n    values:\n      lang: en\n      permalink: /en/posts/:title/\n"
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":                   "title: Attic\nlocale: \"en-US\"\npermalink: /:title/\n" + defaults,
		"_posts/2024-01-01-hello.md":    post("안녕하세요", "반갑습니다."),
		"en/_posts/2024-01-01-hello.md": post("Hello", "Nice to meet you."),
	}))
	_, meta, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(meta, "lang=ko") || !strings.Contains(home, "안녕하세요") || strings.Contains(home, "Hello") || !strings.Contains(home, "=> /en/ ") {
		t.Errorf("/: %s, want the Korean home, with a link to /en/:\n%s", meta, home)
	}
	_, meta, en := servetest.GeminiGet(t, d, "/en/")
	if !strings.Contains(meta, "lang=en") || !strings.Contains(en, "/en/posts/hello.gmi") || strings.Contains(en, "안녕하세요") {
		t.Errorf("/en/: %s, want the English home:\n%s", meta, en)
	}
	if _, meta, body := servetest.GeminiGet(t, d, "/en/posts/hello.gmi"); !strings.Contains(meta, "lang=en") || !strings.Contains(body, "Nice to meet you.") {
		t.Errorf("/en/posts/hello.gmi: %s\n%s", meta, body)
	}
	// The web site's addresses lead to each language's post.
	for old, want := range map[string]string{"/posts/hello/": "/posts/hello.gmi", "/en/posts/hello/": "/en/posts/hello.gmi"} {
		if status, meta, _ := servetest.GeminiGet(t, d, old); status != 31 || !strings.HasSuffix(meta, want) {
			t.Errorf("%s: %d %s, want a redirect to %s", old, status, meta, want)
		}
	}
	if menu := servetest.GopherGet(t, d, "/en/\r\n"); !strings.Contains(menu, "/en/posts/hello/\t") || strings.Contains(menu, "en-_posts") {
		t.Errorf("gopher /en/:\n%s", menu)
	}
	if menu := servetest.GopherGet(t, d, "\r\n"); !strings.Contains(menu, "\t/posts/hello/\t") || strings.Contains(menu, "Hello\t") {
		t.Errorf("gopher home:\n%s", menu)
	}
}

// A Jekyll site whose configuration names no language and whose pages
// say theirs by name (horminka.github.io: lang: Español, lang: English,
// a ref shared by translations): Jekyll writes index.html (lang:
// Español) at the top, the Spanish home, and the posts, all Spanish, at
// their permalinks. capsule took English, the default, for the site's:
// an English home with no posts under an empty heading, the Spanish
// posts under /es/. The home page's language is the top's; a language
// with pages alone has no empty list of posts.
func TestJekyllHomePageLanguage(t *testing.T) {
	d := serveDir(t, testfs.Write(t, map[string]string{
		"_config.yml":               "title: Sitio\n",
		"index.html":                "---\nlayout: default\nref: inicio\nlang: Español\n---\n<p>{{ site.title }}</p>\n",
		"home.html":                 "---\nlayout: default\nref: inicio\nlang: English\n---\n<p>{{ site.title }}</p>\n",
		"_posts/2017-01-02-hola.md": "---\ntitle: Hola\nref: hola\nlang: Español\n---\nBuenos días.\n",
		"_posts/2017-01-03-otra.md": "---\ntitle: Otra\nref: otra\nlang: Español\n---\nOtra vez.\n",
		"consultorias.md":           "---\ntitle: Consultorías\nref: asesorias\npermalink: /consultorias/\nlang: Español\n---\nHacemos consultorías.\n",
		"consultancy.md":            "---\ntitle: Consultancy\nref: asesorias\npermalink: /consultancy/\nlang: English\n---\nWe consult.\n",
	}))
	_, meta, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(meta, "lang=es") || !strings.Contains(home, "=> /posts/hola.gmi") || !strings.Contains(home, "=> /en/ ") {
		t.Errorf("/: %s, want the Spanish home listing the posts:\n%s", meta, home)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/es/"); status == 20 {
		t.Errorf("/es/ served: Spanish is the top's")
	}
	_, meta, en := servetest.GeminiGet(t, d, "/en/")
	if !strings.Contains(meta, "lang=en") || !strings.Contains(en, "/en/consultancy.gmi") || strings.Contains(en, "\n## ") {
		t.Errorf("/en/: %s, want the English pages and no empty list of posts:\n%s", meta, en)
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/consultancy/"); status != 31 || !strings.HasSuffix(meta, "/en/consultancy.gmi") {
		t.Errorf("/consultancy/: %d %s", status, meta)
	}
	if menu := servetest.GopherGet(t, d, "\r\n"); !strings.Contains(menu, "\t/posts/hola/\t") || !strings.Contains(menu, "\t/en/\t") {
		t.Errorf("gopher home:\n%s", menu)
	}
	// Its menu ends with its items, not with a blank line over no posts.
	menu := servetest.GopherGet(t, d, "/en/\r\n")
	lines := strings.Split(strings.TrimSuffix(menu, ".\r\n"), "\r\n")
	if !strings.Contains(menu, "/en/consultancy") || len(lines) < 2 || strings.HasPrefix(lines[len(lines)-2], "i\t") {
		t.Errorf("gopher /en/:\n%s", menu)
	}
}

// A Jekyll site in one language that its configuration names only in
// its defaults (scope path "", lang: ko), or only in its home page's
// front matter (lang: Español): its layouts write that language on every
// page, as Jekyll builds it; capsule took English, the default, for the
// site's: lang=en and an English interface over Korean or Spanish posts.
func TestJekyllOneLanguageFromDefaultsOrHome(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		lang  string
		words []string // the interface's, on the home
	}{
		{"defaults", map[string]string{
			"_config.yml":                "title: 다락방\ndefaults:\n  - scope:\n      path: \"\"\n    values:\n      lang: ko\n",
			"_posts/2024-01-01-hello.md": "---\ntitle: 안녕하세요\ntags: [일기]\n---\n반갑습니다.\n",
		}, "ko", []string{"태그", "아카이브"}},
		{"home page", map[string]string{
			"_config.yml":               "title: Bitácora\n",
			"index.md":                  "---\nlayout: home\nlang: Español\n---\n",
			"_posts/2024-01-01-hola.md": "---\ntitle: Hola\ntags: [diario]\n---\nBienvenidos.\n",
		}, "es", []string{"Etiquetas", "Archivo"}},
	} {
		d := serveDir(t, testfs.Write(t, c.files))
		_, meta, home := servetest.GeminiGet(t, d, "/")
		if !strings.Contains(meta, "lang="+c.lang) {
			t.Errorf("%s: / says %s, want lang=%s:\n%s", c.name, meta, c.lang, home)
		}
		menu := servetest.GopherGet(t, d, "\r\n")
		for _, w := range c.words {
			if !strings.Contains(home, w) || !strings.Contains(menu, w) {
				t.Errorf("%s: %q missing from the home (Gemini:\n%s\nGopher:\n%s)", c.name, w, home, menu)
			}
		}
	}
}
