package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/messages"
)

// Jekyll's multilingual shapes, Astro's and Zola's languages, each a capsule per
// language as Hugo's languages are: every post reachable from its language's home on both
// protocols, answered with its language, linking its translations, and
// its web address leading to it.
func TestGeneratorLanguages(t *testing.T) {
	for _, c := range []struct {
		site    string
		langs   map[string]string // Gemini page: its lang
		has     []struct{ page, has string }
		hasNot  []struct{ page, hasNot string }
		oldAddr map[string]string // web address: where it leads
	}{{
		// A folder per language: en/_posts beside _posts, en/about.md.
		site: "jekyll-lang-folders",
		langs: map[string]string{"/": "ja", "/en/": "en", "/posts/hello.gmi": "ja", "/en/posts/hello.gmi": "en",
			"/posts/only-ja.gmi": "ja", "/about.gmi": "ja", "/en/about.gmi": "en"},
		has: []struct{ page, has string }{
			{"gemini:/posts/hello.gmi", "=> /en/posts/hello.gmi English\n"},
			{"gemini:/en/posts/hello.gmi", "=> /posts/hello.gmi 日本語\n"},
			{"gemini:/about.gmi", "=> /en/about.gmi English\n"},
			{"gemini:/", "=> /tags/ " + messages.Japanese.Tags + "\n"},
			{"gopher:/en/posts/hello/", "1日本語\t/posts/hello/\t"},
		},
		hasNot: []struct{ page, hasNot string }{{"gemini:/en/", "only-ja"}, {"gemini:/", "/en/posts/hello"}},
		// Jekyll files en/_posts under the category en.
		oldAddr: map[string]string{"/en/2024/01/02/hello.html": "/en/posts/hello.gmi", "/2024/01/02/hello.html": "/posts/hello.gmi"},
	}, {
		// jekyll-polyglot: languages in _config.yml, lang in front
		// matter, translations sharing a permalink.
		site:  "jekyll-polyglot",
		langs: map[string]string{"/": "en", "/ja/": "ja", "/posts/hello.gmi": "en", "/ja/posts/hello-ja.gmi": "ja", "/posts/english-only.gmi": "en"},
		has: []struct{ page, has string }{
			{"gemini:/posts/hello.gmi", "=> /ja/posts/hello-ja.gmi 日本語\n"},
			{"gemini:/ja/posts/hello-ja.gmi", "=> /posts/hello.gmi English\n"},
			{"gemini:/ja/", "=> /ja/archive.gmi " + messages.Japanese.Archive + "\n"},
			// Polyglot copies the English-only post into the Japanese
			// build, whose site.posts lists it.
			{"gemini:/ja/", "=> /posts/english-only.gmi 2024-03-01 English only\n"},
		},
		hasNot:  []struct{ page, hasNot string }{{"gemini:/ja/", "/posts/hello.gmi"}, {"gemini:/posts/english-only.gmi", "日本語"}},
		oldAddr: map[string]string{"/hello/": "/posts/hello.gmi", "/ja/hello/": "/ja/posts/hello-ja.gmi"},
	}, {
		// lang and ref in front matter; a post alone in its language
		// (lang: fr, no ref) stays in the default language's lists.
		site:  "jekyll-lang-ref",
		langs: map[string]string{"/": "en", "/ja/": "ja", "/posts/spring.gmi": "en", "/ja/posts/haru.gmi": "ja", "/posts/article.gmi": "fr"},
		has: []struct{ page, has string }{
			{"gemini:/posts/spring.gmi", "=> /ja/posts/haru.gmi 日本語\n"},
			{"gemini:/ja/posts/haru.gmi", "=> /posts/spring.gmi English\n"},
			{"gemini:/", "=> /posts/article.gmi"},
		},
		hasNot: []struct{ page, hasNot string }{{"gemini:/", "/fr/"}, {"gemini:/ja/", "article"}},
	}, {
		// Astro's i18n recipe: a collection's folder per language,
		// translationKey in front matter, i18n.defaultLocale the
		// default though English has more posts.
		site: "astro-lang-folders",
		langs: map[string]string{"/": "ja", "/en/": "en", "/posts/hello.gmi": "ja", "/en/posts/hello.gmi": "en",
			"/en/posts/only-en.gmi": "en"},
		has: []struct{ page, has string }{
			{"gemini:/posts/hello.gmi", "=> /en/posts/hello.gmi English\n"},
			{"gemini:/en/posts/hello.gmi", "=> /posts/hello.gmi 日本語\n"},
			{"gopher:/en/posts/hello/", "1日本語\t/posts/hello/\t"},
		},
		hasNot:  []struct{ page, hasNot string }{{"gemini:/", "only-en"}, {"gemini:/", "articles-"}, {"gemini:/en/", "こんにちは"}},
		oldAddr: map[string]string{"/articles/en/hello/": "/en/posts/hello.gmi", "/articles/ja/hello/": "/posts/hello.gmi"},
	}, {
		// Zola: [languages.fr] beside default_language ja; first.fr.md,
		// a bundle's index.fr.md and about.fr.md its French pages.
		site: "zola-site",
		langs: map[string]string{"/": "ja", "/fr/": "fr", "/posts/first.gmi": "ja", "/fr/posts/first.gmi": "fr",
			"/fr/posts/bundle.gmi": "fr", "/fr/about.gmi": "fr", "/fr/tags/jardin.gmi": "fr"},
		has: []struct{ page, has string }{
			{"gemini:/posts/first.gmi", "=> /fr/posts/first.gmi Français\n"},
			{"gemini:/fr/posts/first.gmi", "=> /posts/first.gmi 日本語\n"},
			{"gemini:/fr/posts/first.gmi", "=> /overview.gmi"}, // an @/ link, to the page it names
			{"gemini:/fr/posts/bundle.gmi", "=> /blog/2023-05-01_bundle/cover.png"},
			{"gemini:/fr/", "# Le jardin Zola\n"},
			{"gopher:/fr/posts/first/", "1日本語\t/posts/first/\t"},
		},
		hasNot:  []struct{ page, hasNot string }{{"gemini:/", "Premier"}, {"gemini:/fr/", "最初の投稿"}, {"gemini:/fr/posts/first.gmi", "@/"}},
		oldAddr: map[string]string{"/fr/blog/first/": "/fr/posts/first.gmi", "/fr/about/": "/fr/about.gmi", "/blog/first/": "/posts/first.gmi"},
	}} {
		t.Run(c.site, func(t *testing.T) {
			d := servetest.Start(t, func(cf *config.Config) { cf.Posts = "testdata/" + c.site })
			pages := servetest.Crawl(t, d, 300)
			for path, lang := range c.langs {
				page, ok := pages["gemini:"+path]
				if meta, _, _ := strings.Cut(page, "\n"); !ok || meta != "text/gemini; charset=utf-8; lang="+lang {
					t.Errorf("gemini %s: reached %v, %q, want lang=%s", path, ok, meta, lang)
				}
			}
			for _, h := range c.has {
				if !strings.Contains(pages[h.page], h.has) {
					t.Errorf("%s lacks %q:\n%s", h.page, h.has, pages[h.page])
				}
			}
			for _, h := range c.hasNot {
				if strings.Contains(pages[h.page], h.hasNot) {
					t.Errorf("%s has %q:\n%s", h.page, h.hasNot, pages[h.page])
				}
			}
			for from, to := range c.oldAddr {
				if s, meta, _ := servetest.GeminiGet(t, d, from); s != 31 || !strings.HasSuffix(meta, to) {
					t.Errorf("%s: %d %q, want a redirect to %s", from, s, meta, to)
				}
			}
		})
	}
}
