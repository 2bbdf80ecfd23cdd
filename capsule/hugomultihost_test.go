package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Hugo site whose languages each have a baseURL ("{{BASE_URL}}/ja/",
// a placeholder its deploy script fills in): Hugo writes the Japanese
// pages, the default language's, at /ja/news/hello/, not /news/hello/,
// and a url of theirs under /ja/ too. Each such address answers with the
// page in its language on both protocols, the languages' links to each
// other by those addresses lead to the pages, and the unread host is
// said once.
func TestHugoLanguageBaseURLs(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.toml": "title = \"Lab\"\ndefaultContentLanguage = \"ja\"\n\n" +
			"[languages.ja]\nbaseURL = \"{{BASE_URL}}/ja/\"\nlanguageName = \"日本語\"\ntitle = \"研究室\"\nweight = 1\n\n" +
			"[languages.en]\nbaseURL = \"{{BASE_URL}}/en/\"\nlanguageName = \"English\"\nweight = 2\n",
		"content/news/hello.ja.md": "---\ntitle: 受賞\ndate: 2024-01-02\n---\n\n受賞しました。[英語版](/en/news/hello/)\n",
		"content/news/hello.en.md": "---\ntitle: Award\ndate: 2024-01-02\n---\n\nWe won. [Japanese version](/ja/news/hello/)\n",
		"content/access.ja.md":     "---\ntitle: アクセス\nurl: /map/\n---\n\n東広島へ。\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })

	// Hugo's addresses of the pages, and what each page says.
	pageOf := map[string]string{}
	for addr, want := range map[string]struct{ lang, text string }{
		"/ja/news/hello/": {"ja", "受賞しました。"},
		"/en/news/hello/": {"en", "We won."},
		"/ja/map/":        {"ja", "東広島へ。"},
	} {
		s, meta, _ := servetest.GeminiGet(t, d, addr)
		if s != 31 {
			t.Errorf("gemini %s: %d %q, want a redirect to its page", addr, s, meta)
			continue
		}
		page := meta[strings.Index(meta, "://")+3:]
		page = page[strings.IndexByte(page, '/'):]
		pageOf[addr] = page
		if s, meta, body := servetest.GeminiGet(t, d, page); s != 20 || meta != "text/gemini; charset=utf-8; lang="+want.lang || !strings.Contains(body, want.text) {
			t.Errorf("gemini %s (from %s): %d %q, want lang=%s and %q:\n%s", page, addr, s, meta, want.lang, want.text, body)
		}
		if menu := servetest.GopherGet(t, d, addr+"\r\n"); !strings.Contains(menu, want.text) {
			t.Errorf("gopher %s lacks %q:\n%s", addr, want.text, menu)
		}
	}
	// Nothing Hugo wrote is at /news/hello/ of this site.
	if s, meta, _ := servetest.GeminiGet(t, d, "/news/hello/"); s == 31 && strings.HasSuffix(meta, pageOf["/ja/news/hello/"]) {
		t.Errorf("/news/hello/ leads to the Japanese page, which Hugo writes at /ja/news/hello/ only")
	}
	// The links between the languages lead to the pages.
	// (Their texts are not the languages' names, which link the
	// translations anyway.)
	for from, to := range map[string]struct{ addr, text string }{"/ja/news/hello/": {"/en/news/hello/", "英語版"}, "/en/news/hello/": {"/ja/news/hello/", "Japanese version"}} {
		if pageOf[from] == "" || pageOf[to.addr] == "" {
			t.Errorf("no page at %s or %s", from, to.addr)
			continue
		}
		_, _, body := servetest.GeminiGet(t, d, pageOf[from])
		if !strings.Contains(body, "=> "+pageOf[to.addr]+" "+to.text+"\n") {
			t.Errorf("gemini %s does not link %s (%s):\n%s", pageOf[from], to.addr, pageOf[to.addr], body)
		}
		// Gopher's text of a post links the other's text.
		sel := "/0" + strings.TrimSuffix(pageOf[to.addr], ".gmi") + ".txt"
		if menu := servetest.GopherGet(t, d, from+"\r\n"); !strings.Contains(menu, sel) {
			t.Errorf("gopher %s does not link %s (%s):\n%s", from, to.addr, sel, menu)
		}
	}
	var said []string
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "{{BASE_URL}}") {
			said = append(said, w.Msg)
		}
	}
	if len(said) != 1 || !strings.Contains(said[0], "/ja/, /en/") {
		t.Errorf("want one warning of the unread host, naming where the languages are: %q", said)
	}
}

// Languages' baseURLs that can be read: on one host, each language is
// at the path its baseURL adds to the part they share (the Japanese at
// the top of https://example.org/site/, the English under /english/),
// and absolute links to them are the site's; on hosts of their own, each
// is under /<code>/, as Hugo's public/ holds them.
func TestHugoLanguageHosts(t *testing.T) {
	for _, c := range []struct {
		name, ja, en string
		addrs        map[string]string // Hugo's address of a page: its lang
		link         string            // the Japanese page's link to the English one
	}{{
		name: "one host", ja: "https://example.org/site/", en: "https://example.org/site/english",
		addrs: map[string]string{"/news/hello/": "ja", "/english/news/hello/": "en", "/english/map/": "en"},
		link:  "https://www.example.org/site/english/news/hello/",
	}, {
		name: "hosts of their own", ja: "https://example.jp/", en: "https://example.com/",
		addrs: map[string]string{"/ja/news/hello/": "ja", "/en/news/hello/": "en", "/en/map/": "en"},
	}} {
		t.Run(c.name, func(t *testing.T) {
			dir := testfs.Write(t, map[string]string{
				"config.toml": "baseURL = \"https://ignored.example/\"\ndefaultContentLanguage = \"ja\"\n\n" +
					"[languages.ja]\nbaseURL = \"" + c.ja + "\"\nweight = 1\n\n[languages.en]\nbaseURL = \"" + c.en + "\"\nweight = 2\n",
				"content/news/hello.ja.md": "---\ntitle: 受賞\ndate: 2024-01-02\n---\n\n受賞しました。[英語版](" + c.link + ")\n",
				"content/news/hello.en.md": "---\ntitle: Award\ndate: 2024-01-02\n---\n\nWe won.\n",
				"content/map.en.md":        "---\ntitle: Map\nurl: map\n---\n\nTo Hiroshima.\n",
			})
			d := servetest.Start(t, func(cf *config.Config) { cf.Posts = dir })
			pageOf := map[string]string{}
			for addr, lang := range c.addrs {
				s, meta, _ := servetest.GeminiGet(t, d, addr)
				if s != 31 {
					t.Errorf("gemini %s: %d %q, want a redirect to its page", addr, s, meta)
					continue
				}
				page := meta[strings.Index(meta, "://")+3:]
				page = page[strings.IndexByte(page, '/'):]
				pageOf[addr] = page
				if s, meta, _ := servetest.GeminiGet(t, d, page); s != 20 || meta != "text/gemini; charset=utf-8; lang="+lang {
					t.Errorf("gemini %s (from %s): %d %q, want lang=%s", page, addr, s, meta, lang)
				}
			}
			if c.link != "" {
				ja, en := pageOf["/news/hello/"], pageOf["/english/news/hello/"]
				if _, _, body := servetest.GeminiGet(t, d, ja); en == "" || !strings.Contains(body, "=> "+en+" 英語版\n") {
					t.Errorf("gemini %s does not link %s as %s:\n%s", ja, c.link, en, body)
				}
			}
			for _, w := range d.Store().Warnings {
				if strings.Contains(w.Msg, "baseURL") {
					t.Errorf("a warning of a host that can be read: %s", w.Msg)
				}
			}
		})
	}
}

// A site of one language whose table has a baseURL: Hugo gives its
// pages that address, not the top level's; links to it are the site's.
func TestHugoOneLanguageBaseURL(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"config.toml": "baseURL = \"https://a.example/top/\"\ndefaultContentLanguage = \"ja\"\n\n" +
			"[languages.ja]\nbaseURL = \"https://b.example/japanese/\"\n",
		"content/posts/one.md": "---\ntitle: 一\ndate: 2024-01-02\n---\n\n[二](https://b.example/japanese/posts/two/)\n",
		"content/posts/two.md": "---\ntitle: 二\ndate: 2024-01-03\n---\n\n二番目。\n",
	})
	d := servetest.Start(t, func(cf *config.Config) { cf.Posts = dir })
	s, meta, _ := servetest.GeminiGet(t, d, "/posts/two/")
	if s != 31 {
		t.Fatalf("/posts/two/: %d %q, want a redirect to its page", s, meta)
	}
	two := meta[strings.Index(meta, "://")+3:]
	two = two[strings.IndexByte(two, '/'):]
	s, meta, _ = servetest.GeminiGet(t, d, "/posts/one/")
	if s != 31 {
		t.Fatalf("/posts/one/: %d %q, want a redirect to its page", s, meta)
	}
	one := meta[strings.Index(meta, "://")+3:]
	one = one[strings.IndexByte(one, '/'):]
	if _, _, body := servetest.GeminiGet(t, d, one); !strings.Contains(body, "=> "+two+" 二\n") { // the link, not the next post's
		t.Errorf("gemini %s does not link %s:\n%s", one, two, body)
	}
	if text := servetest.GopherGet(t, d, "/posts/one/\r\n"); !strings.Contains(text, strings.TrimSuffix(two, ".gmi")+".txt") {
		t.Errorf("gopher /posts/one/ does not link the second post:\n%s", text)
	}
}
