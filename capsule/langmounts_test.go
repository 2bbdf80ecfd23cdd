package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Hugo site giving each language its own folder with module.mounts
// (source content/ja, target content, lang ja; or content_ja beside
// content), or with [languages.ja] contentDir = "content_ja" beside
// content: each folder is its language's, as `hugo` builds it (its
// pages at /ja/posts/hello/ and /posts/hello/), served on both
// protocols, each page in its language, linking its translation. On
// main, the mounts were not followed (content/en/posts/hello.md was a
// page of section en, content_ja not read), nor a language's folder
// beside content.
func TestHugoLanguageFoldersMounted(t *testing.T) {
	hello := func(title, text string) string {
		return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\n" + text + "\n"
	}
	langs := "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n"
	sites := map[string]map[string]string{
		"mounts in content": {
			"hugo.toml": langs + "[[module.mounts]]\nsource = \"content/en\"\ntarget = \"content\"\nlang = \"en\"\n" +
				"[[module.mounts]]\nsource = \"content/ja\"\ntarget = \"content\"\nlang = \"ja\"\n",
			"content/en/posts/hello.md": hello("hello en", "in English"),
			"content/ja/posts/hello.md": hello("hello ja", "日本語で"),
			"content/ja/posts/only.md":  hello("only ja", "日本語だけ"),
		},
		"mounts beside one another": {
			"config.yaml": "baseURL: https://example.org/\ndefaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  ja:\n    weight: 2\n" +
				"module:\n  mounts:\n    - source: content\n      target: content\n    - source: content_ja\n      target: content\n      lang: ja\n",
			"content/posts/hello.md":    hello("hello en", "in English"),
			"content_ja/posts/hello.md": hello("hello ja", "日本語で"),
			"content_ja/posts/only.md":  hello("only ja", "日本語だけ"),
		},
		"contentDir beside content": {
			"hugo.toml":                 strings.Replace(langs, "weight = 2\n", "weight = 2\ncontentDir = \"content_ja\"\n", 1),
			"content/posts/hello.md":    hello("hello en", "in English"),
			"content_ja/posts/hello.md": hello("hello ja", "日本語で"),
			"content_ja/posts/only.md":  hello("only ja", "日本語だけ"),
		},
	}
	for name, files := range sites {
		t.Run(name, func(t *testing.T) {
			dir := testfs.Write(t, files)
			d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
			pages := servetest.Crawl(t, d, 100)
			for path, want := range map[string]string{
				"/posts/hello.gmi": "lang=en", "/ja/posts/hello.gmi": "lang=ja", "/ja/posts/only.gmi": "lang=ja",
			} {
				page, ok := pages["gemini:"+path]
				if meta, _, _ := strings.Cut(page, "\n"); !ok || !strings.HasSuffix(meta, want) {
					t.Errorf("gemini %s: reached %v, %q, want %s", path, ok, meta, want)
				}
			}
			for _, c := range []struct{ page, has string }{
				{"gemini:/posts/hello.gmi", "in English"},
				{"gemini:/ja/posts/hello.gmi", "日本語で"},
				{"gemini:/posts/hello.gmi", "=> /ja/posts/hello.gmi 日本語\n"},
				{"gemini:/ja/posts/hello.gmi", "=> /posts/hello.gmi English\n"},
				{"gopher:/ja/", "/ja/posts/only/\t"},
				{"gopher:/ja/posts/only.txt", "日本語だけ"},
			} {
				if !strings.Contains(pages[c.page], c.has) {
					t.Errorf("%s lacks %q:\n%s", c.page, c.has, pages[c.page])
				}
			}
			if strings.Contains(pages["gemini:/archive.gmi"], "only ja") {
				t.Errorf("a Japanese page in the English archive:\n%s", pages["gemini:/archive.gmi"])
			}
			// Hugo's addresses lead to them.
			for from, to := range map[string]string{"/ja/posts/only/": "/ja/posts/only.gmi", "/posts/hello/": "/posts/hello.gmi"} {
				if s, meta, _ := servetest.GeminiGet(t, d, from); s != 31 || !strings.HasSuffix(meta, to) {
					t.Errorf("%s: %d %q, want a redirect to %s", from, s, meta, to)
				}
			}
			for _, w := range d.Store().Warnings {
				if w.Kind == "content mount not followed" {
					t.Errorf("a warning about mounts followed: %s", w)
				}
			}
		})
	}
}

// Hugo reads no content folder but those mounted: a site mounting
// content_ja for Japanese alone publishes nothing of content (`hugo`
// builds no /posts/hello/), and capsule serves nothing of it either.
func TestHugoUnmountedContentNotServed(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n" +
			"[[module.mounts]]\nsource = \"content_ja\"\ntarget = \"content\"\nlang = \"ja\"\n",
		"content/posts/hello.md":   "---\ntitle: unmounted\ndate: 2020-01-01\n---\nnot published\n",
		"content_ja/posts/only.md": "---\ntitle: only ja\ndate: 2020-01-02\n---\n日本語だけ\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	if s, meta, body := servetest.GeminiGet(t, d, "/ja/posts/only.gmi"); s != 20 || !strings.Contains(body, "日本語だけ") {
		t.Errorf("/ja/posts/only.gmi: %d %q", s, meta)
	}
	pages := servetest.Crawl(t, d, 100)
	for page, body := range pages {
		if strings.Contains(body, "unmounted") || strings.Contains(body, "not published") {
			t.Errorf("%s serves the unmounted content:\n%s", page, body)
		}
	}
	if got := servetest.GopherGet(t, d, "/posts/hello.txt\r\n"); strings.Contains(got, "not published") {
		t.Errorf("gopher /posts/hello.txt serves the unmounted content:\n%s", got)
	}
}

// A folder mounted for several languages (noborus.github.io mounts
// content as ja and as en): Hugo publishes a file there whose name says
// no language in each (`hugo` 0.111 builds blog/plain.md at /blog/plain/
// and /ja/blog/plain/), a file named for a language in that one
// (both.ja.md at /ja/blog/both/, both.md at /blog/both/ only). Capsule
// serves such a file once, in the default language, and Hugo's address
// of it in the other leads to it, on both protocols, as does a link
// written as that address; the other language's own page keeps its
// address. So does a folder filling another language's missing pages
// (content/en mounted as en and as de, content/de as de). On main, the
// addresses in the other language were not answered.
func TestHugoSharedMountAddresses(t *testing.T) {
	post := func(title, text string) string {
		return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\n" + text + "\n"
	}
	sites := map[string]struct {
		files     map[string]string
		other     string            // the other language's folder
		leadsTo   map[string]string // an address in the other language: the words of the page it leads to
		linkFrom  string            // a page of the other language linking to its address of plain
		untouched []string          // addresses not answered
	}{
		"content as ja and as en": {
			files: map[string]string{
				"config.yaml": "baseURL: https://example.org/\ndefaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  ja:\n    weight: 2\n" +
					"module:\n  mounts:\n    - source: content\n      target: content\n      lang: ja\n    - source: content\n      target: content\n      lang: en\n",
				"content/blog/plain.md":   post("plain", "plain words"),
				"content/blog/both.md":    post("both en", "english words"),
				"content/blog/both.ja.md": post("both ja", "日本語の言葉"),
				"content/blog/only.ja.md": post("only ja", "[plain](/ja/blog/plain/)"),
			},
			other:     "/ja",
			leadsTo:   map[string]string{"/ja/blog/plain/": "plain words", "/ja/blog/both/": "日本語の言葉", "/blog/both/": "english words"},
			linkFrom:  "/ja/blog/only/",
			untouched: []string{"/ja/blog/only.ja/", "/blog/only/"},
		},
		"a folder filling another's gaps": {
			files: map[string]string{
				"hugo.toml": "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n" +
					"[[module.mounts]]\nsource = \"content/en\"\ntarget = \"content\"\nlang = \"en\"\n" +
					"[[module.mounts]]\nsource = \"content/de\"\ntarget = \"content\"\nlang = \"de\"\n" +
					"[[module.mounts]]\nsource = \"content/en\"\ntarget = \"content\"\nlang = \"de\"\n",
				"content/en/blog/plain.md": post("plain", "plain words"),
				"content/en/blog/both.md":  post("both en", "english words"),
				"content/de/blog/both.md":  post("both de", "deutsche Wörter"),
				"content/de/blog/only.md":  post("only de", "[plain](/de/blog/plain/)"),
			},
			other:     "/de",
			leadsTo:   map[string]string{"/de/blog/plain/": "plain words", "/de/blog/both/": "deutsche Wörter", "/blog/both/": "english words"},
			linkFrom:  "/de/blog/only/",
			untouched: []string{"/blog/only/"},
		},
	}
	for name, site := range sites {
		t.Run(name, func(t *testing.T) {
			d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, site.files) })
			target := map[string]string{}
			for from, words := range site.leadsTo {
				s, meta, _ := servetest.GeminiGet(t, d, from)
				if s != 31 {
					t.Errorf("%s: %d %q, want a redirect", from, s, meta)
					continue
				}
				to := redirectPath(meta)
				target[from] = to
				if s, _, body := servetest.GeminiGet(t, d, to); s != 20 || !strings.Contains(body, words) {
					t.Errorf("%s leads to %s: %d, without %q:\n%s", from, to, s, words, body)
				}
				if text := servetest.GopherGet(t, d, strings.TrimSuffix(to, ".gmi")+".txt\r\n"); !strings.Contains(text, words) {
					t.Errorf("gopher %s lacks %q:\n%s", to, words, text)
				}
			}
			if target[site.other+"/blog/plain/"] == "" {
				return
			}
			// A link written as the other language's address leads to
			// the page.
			s, meta, _ := servetest.GeminiGet(t, d, site.linkFrom)
			if s != 31 {
				t.Fatalf("%s: %d %q", site.linkFrom, s, meta)
			}
			page := redirectPath(meta)
			if _, _, body := servetest.GeminiGet(t, d, page); !strings.Contains(body, "=> "+target[site.other+"/blog/plain/"]+" plain\n") {
				t.Errorf("%s does not link %s:\n%s", page, target[site.other+"/blog/plain/"], body)
			}
			for _, a := range site.untouched {
				if s, meta, _ := servetest.GeminiGet(t, d, a); s == 31 || s == 20 {
					t.Errorf("%s: %d %q, an address Hugo does not publish", a, s, meta)
				}
			}
		})
	}
}

// redirectPath is the path a redirect's meta (gemini://localhost:port/…)
// leads to.
func redirectPath(meta string) string {
	u, err := url.Parse(meta)
	if err != nil {
		return meta
	}
	return u.Path
}
