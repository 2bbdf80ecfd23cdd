package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
)

// A Korean or Spanish site's interface is in its language on both
// protocols, in the shapes the real blogs that were tried give it: a
// Jekyll site whose posts say lang: ko in _config.yml's defaults
// (lazyjobseeker.github.io, under minimal-mistakes' locale en-US), a
// minimal-mistakes locale ko-KR, a Jekyll site whose pages say lang:
// Español (horminka.github.io), Hugo's languageCode es-MX, capsule's
// own folder with es-419; its home, tag index, a tag's page, archive
// and search, found and not found. A language without a table (eo,
// kok) stays English. Korean and Spanish sites got English words.
func TestKoreanAndSpanishSitesInterface(t *testing.T) {
	jekyll := func(config, lang, title, body, tag string) map[string]string {
		return map[string]string{
			"_config.yml": config, "Gemfile": "gem \"jekyll\"\n",
			"_posts/2024-05-01-first.md": "---\ntitle: " + title + "\nlang: " + lang + "\ntags: [" + tag + "]\n---\n" + body + "\n",
		}
	}
	for _, c := range []struct {
		name       string
		files      map[string]string
		want       messages.Messages
		word, tag  string // a word of the post's text, searched for; its tag
		title, lng string // the site's title; its lang= on the home page
		english    string // the home of the site's English, if it has one
	}{{
		name: "Jekyll, posts' lang ko in defaults",
		files: map[string]string{
			"_config.yml": "title: 나무늘보의 다락방\nlocale: en-US\ntheme: minimal-mistakes-jekyll\n" +
				"defaults:\n  - scope:\n      path: \"_posts\"\n      type: posts\n    values:\n      lang: ko\n" +
				"  - scope:\n      path: \"en/_posts\"\n      type: posts\n    values:\n      lang: en\n      permalink: /en/posts/:title/\n",
			"Gemfile":                       "gem \"jekyll\"\n",
			"_posts/2024-05-01-first.md":    "---\ntitle: 칼만 필터 이해하기\ntags: [배터리]\n---\n칼만 필터는 상태를 추정합니다.\n",
			"en/_posts/2024-05-02-first.md": "---\ntitle: Kalman filter\ntags: [battery]\n---\nA Kalman filter estimates a state.\n",
		},
		want: messages.Korean, word: "칼만", tag: "배터리", title: "나무늘보의 다락방", lng: "ko", english: "/en/",
	}, {
		name:  "Jekyll, minimal-mistakes locale ko-KR",
		files: jekyll("title: 블로그\nlocale: ko-KR\ntheme: minimal-mistakes-jekyll\n", "ko-KR", "첫 글", "안녕하세요 반갑습니다.", "일상"),
		want:  messages.Korean, word: "반갑습니다", tag: "일상", title: "블로그", lng: "ko",
	}, {
		name: "Jekyll, lang: Español on the index and the posts",
		files: map[string]string{
			"_config.yml": "title: HorMinka\n", "Gemfile": "gem \"jekyll\"\n",
			"index.html":                 "---\nlayout: default\nref: inicio\nlang: Español\n---\n<p>Hola</p>\n",
			"home.html":                  "---\nlayout: default\nref: inicio\nlang: English\n---\n<p>Hello</p>\n",
			"contacto.md":                "---\ntitle: Contacto\npermalink: /contacto/\nref: contacto\nlang: Español\n---\nEscríbenos.\n",
			"contact.md":                 "---\ntitle: Contact\npermalink: /contact/\nref: contacto\nlang: English\n---\nWrite to us.\n",
			"_posts/2024-05-01-first.md": "---\ntitle: El cifrado funciona\nref: cifrado\nlang: Español\ntags: [privacidad]\n---\nEl cifrado protege tu privacidad.\n",
		},
		want: messages.Spanish, word: "cifrado", tag: "privacidad", title: "HorMinka", lng: "es", english: "/en/",
	}, {
		name: "Hugo, languageCode es-MX",
		files: map[string]string{
			"hugo.toml":          "title = \"Bitácora\"\nlanguageCode = \"es-MX\"\n",
			"content/posts/a.md": "---\ntitle: Primera entrada\ndate: 2024-05-01\ntags: [viajes]\n---\nUn viaje a Oaxaca.\n",
		},
		want: messages.Spanish, word: "Oaxaca", tag: "viajes", title: "Bitácora", lng: "es-mx",
	}, {
		name: "capsule's folder, es-419",
		files: map[string]string{
			"_index.md": "+++\ntitle = \"Cuaderno\"\nlang = \"es-419\"\n+++\n",
			"a.md":      "+++\ntitle = \"Primera\"\ndate = 2024-05-01\ntags = [\"notas\"]\n+++\nUna nota corta.\n",
		},
		want: messages.Spanish, word: "corta", tag: "notas", title: "Cuaderno", lng: "es-419",
	}, {
		name: "capsule's folder, eo (no table)",
		files: map[string]string{
			"_index.md": "+++\ntitle = \"Kajero\"\nlang = \"eo\"\n+++\n",
			"a.md":      "+++\ntitle = \"Unua\"\ndate = 2024-05-01\ntags = [\"notoj\"]\n+++\nMallonga noto.\n",
		},
		want: messages.English, word: "Mallonga", tag: "notoj", title: "Kajero", lng: "eo",
	}, {
		name: "Hugo, languageCode kok (no table)",
		files: map[string]string{
			"hugo.toml":          "title = \"Blog\"\nlanguageCode = \"kok\"\n",
			"content/posts/a.md": "---\ntitle: Paylo\ndate: 2024-05-01\ntags: [goem]\n---\nGoem text.\n",
		},
		want: messages.English, word: "Goem", tag: "goem", title: "Blog", lng: "kok",
	}} {
		m := c.want
		d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, c.files) })
		gemini := func(path string, lines ...string) {
			t.Helper()
			_, meta, page := servetest.GeminiGet(t, d, path)
			for _, line := range lines {
				if !strings.Contains("\n"+page+"\n", "\n"+line+"\n") {
					t.Errorf("%s: gemini %s (%s) lacks %q:\n%s", c.name, path, meta, line, page)
				}
			}
		}
		gopher := func(request string, items ...string) {
			t.Helper()
			menu := servetest.GopherGet(t, d, request+"\r\n")
			for _, item := range items {
				if !strings.Contains("\r\n"+menu, "\r\n"+item) {
					t.Errorf("%s: gopher %q lacks %q:\n%s", c.name, request, item, menu)
				}
			}
		}
		if _, meta, _ := servetest.GeminiGet(t, d, "/"); !strings.HasSuffix(meta, "; lang="+c.lng) {
			t.Errorf("%s: home's meta %q, want lang=%s", c.name, meta, c.lng)
		}
		found := messages.Format(m.SearchFound, "query", c.word, "count", "1")
		none := messages.Format(m.SearchNone, "query", "zzqx")
		gemini("/", "=> /tags/ "+m.Tags, "=> /archive.gmi "+m.Archive, "=> /search "+m.Search, "=> /atom.xml "+m.AtomFeed, "## "+m.Posts)
		gemini("/tags/", "# "+messages.Format(m.TagsHeading, "site", c.title))
		gemini("/tags/"+url.PathEscape(c.tag)+".gmi", "=> /tags/"+url.PathEscape(c.tag)+".xml "+m.TagFeed, "=> /tags/ "+m.Tags)
		gemini("/archive.gmi", "# "+messages.Format(m.ArchiveHeading, "site", c.title))
		gemini("/search?"+url.QueryEscape(c.word), "# "+messages.Format(m.SearchHeading, "query", c.word), found, "=> /search "+m.SearchAgain)
		gemini("/search?zzqx", none)
		if _, meta, _ := servetest.GeminiGet(t, d, "/search"); meta != m.SearchPrompt {
			t.Errorf("%s: search prompt %q, want %q", c.name, meta, m.SearchPrompt)
		}
		if _, meta, _ := servetest.GeminiGet(t, d, "/nowhere"); meta != m.NotFound {
			t.Errorf("%s: not found %q, want %q", c.name, meta, m.NotFound)
		}
		gopher("", "1"+m.Tags+"\t", "1"+m.Archive+"\t", "7"+m.Search+"\t", "i"+m.LynxHint+"\t")
		gopher("/tags/", "i"+messages.Format(m.TagsHeading, "site", c.title)+"\t")
		gopher("/tags/"+c.tag, "1"+m.Tags+"\t", "1"+messages.Format(m.Home, "site", c.title)+"\t")
		gopher("/archive", "i"+messages.Format(m.ArchiveHeading, "site", c.title)+"\t")
		gopher("/search\t"+c.word, "i"+found+"\t", "7"+m.SearchAgain+"\t")
		gopher("/search\tzzqx", "i"+none+"\t")
		gopher("/nowhere", "3"+m.NotFound+"\t")
		if e := c.english; e != "" {
			en := messages.English
			gemini(e, "=> "+e+"tags/ "+en.Tags, "=> "+e+"archive.gmi "+en.Archive, "=> "+e+"search "+en.Search)
			gopher(e, "1"+en.Tags+"\t", "1"+en.Archive+"\t", "7"+en.Search+"\t")
		}
	}
}
