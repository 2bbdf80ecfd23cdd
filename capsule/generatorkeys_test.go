package capsule_test

import (
	"fmt"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
)

// Hugo reads front matter keys in any case (mosuke5's posts write Tags
// and Description, others Title, Date, Draft): a post so written is
// dated, tagged and published, and Draft = true keeps one back. A string
// of tags or categories is one term ("Ruby on Rails"; "Windows, 情報",
// whose post was left out), as Hugo takes it. The posts are served on
// Gemini and Gopher as Hugo publishes them.
func TestHugoKeysInAnyCaseAndStringTerms(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":               "title = \"t\"\n",
			"content/posts/a.md":      "+++\nTitle = \"大文字のキー\"\nDate = 2020-01-02T10:00:00+09:00\nTags = [\"tech\"]\nDescription = \"説明文\"\n+++\n本文。\n",
			"content/posts/draft.md":  "+++\ntitle = \"下書き\"\ndate = 2020-01-03\nDraft = true\n+++\n秘密。\n",
			"content/posts/public.md": "+++\ntitle = \"公開\"\ndate = 2020-01-05\nDraft = false\n+++\n公開。\n",
			"content/posts/chef.md":   "+++\ntitle = \"Chef\"\ndate = 2014-05-06\ncategories = \"Chef solo\"\ntags = \"Ruby on Rails\"\n+++\n本文。\n",
			"content/posts/win.md":    "+++\ntitle = \"Windows\"\ndate = 2015-07-04\ncategories = \"Windows, 情報\"\n+++\n本文。\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	for _, want := range []string{"2020-01-02 大文字のキー", "公開", "Chef", "Windows"} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %q:\n%s", want, home)
		}
	}
	if got := servedAnywhere(t, d, "/posts/draft.gmi"); got != "" || strings.Contains(home, "下書き") {
		t.Errorf("the draft is served: %s", got)
	}
	_, _, tags := servetest.GeminiGet(t, d, "/tags/")
	for _, want := range []string{"tech", "Ruby on Rails", "Chef solo", "Windows, 情報"} {
		if !strings.Contains(tags, want) {
			t.Errorf("the tags lack %q:\n%s", want, tags)
		}
	}
	for _, split := range []string{"=> /tags/on.gmi", "=> /tags/solo.gmi"} {
		if strings.Contains(tags, split) {
			t.Errorf("a string of tags was split (%s):\n%s", split, tags)
		}
	}
	if menu := servetest.GopherGet(t, d, "/\r\n"); !strings.Contains(menu, "大文字のキー") {
		t.Errorf("the Gopher menu lacks the post:\n%s", menu)
	}
}

// Jekyll leaves a post out only when published is false (its YAML reads
// no and off so too); "published: ruby", an author's slip that Jekyll
// publishes (melborne's), was taken for a date and the post left out.
func TestJekyllPublishedIsJekylls(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                "title: t\n",
			"_posts/2012-07-12-slip.md":  "---\ntitle: Slip\npublished: ruby\n---\n本文。\n",
			"_posts/2012-07-13-yes.md":   "---\ntitle: Yes\npublished: yes\n---\n本文。\n",
			"_posts/2012-07-14-no.md":    "---\ntitle: Hidden no\npublished: no\n---\n本文。\n",
			"_posts/2012-07-15-false.md": "---\ntitle: Hidden false\npublished: false\n---\n本文。\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "Slip") || !strings.Contains(home, "Yes") || strings.Contains(home, "Hidden") {
		t.Errorf("want Slip and Yes published, the others not:\n%s", home)
	}
	for _, path := range []string{"/posts/no.gmi", "/posts/false.gmi"} {
		if got := servedAnywhere(t, d, path); got != "" {
			t.Errorf("%s is served: %s", path, got)
		}
	}
}

// A Jekyll default scoped by a glob ("*/_posts", TakaakiU's English
// posts in en/_posts) gives the posts under what it matches their
// permalink, as Jekyll's glob_scope does; :path takes the collection's
// folder out (blog/_posts/a is /blog/a). Their old addresses answer, and
// a link written as one leads to the post; both were dead.
func TestJekyllDefaultsScopedByAGlob(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml": "title: t\ndefaults:\n  - scope:\n      path: \"_posts\"\n    values:\n      permalink: /posts/:path\n" +
				"  - scope:\n      path: \"*/_posts\"\n    values:\n      permalink: /:path\n",
			"_posts/2020-01-01-top.md":        "---\ntitle: Top\n---\nSee [hello](/blog/2020-01-02-hello).\n",
			"blog/_posts/2020-01-02-hello.md": "---\ntitle: Hello\n---\nHi.\n",
		})
	})
	if status, meta, _ := servetest.GeminiGet(t, d, "/blog/2020-01-02-hello"); status != 31 || !strings.HasSuffix(meta, "/posts/hello.gmi") {
		t.Errorf("/blog/2020-01-02-hello answers %d %s, want a redirect to the post", status, meta)
	}
	if _, _, top := servetest.GeminiGet(t, d, "/posts/top.gmi"); !strings.Contains(top, "=> /posts/hello.gmi hello") {
		t.Errorf("the link does not lead to the post:\n%s", top)
	}
}

// A theme's not-found page in a subfolder (TakaakiU's en/404.md, whose
// redirect_from sent /ja/tabs/ to it) is not content, as the top's
// 404.md is not: no page, no redirect; in an Eleventy site too.
func TestNotFoundPagesInSubfoldersAreNotContent(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"jekyll": {
			"_config.yml":            "title: t\n",
			"_posts/2020-01-01-p.md": "---\ntitle: P\n---\nText.\n",
			"404.md":                 "---\ntitle: \"404\"\npermalink: /404.html\n---\nNot found.\n",
			"en/404.md":              "---\ntitle: \"404\"\nredirect_from:\n  - /gone/\n---\nNot found.\n",
		},
		"eleventy": {
			".eleventy.js":   "module.exports = function () { return { dir: { input: \"src\" } }; };\n",
			"src/posts/p.md": "---\ntitle: P\ndate: 2020-01-01\n---\nText.\n",
			"src/en/404.md":  "---\ntitle: \"404\"\n---\nNot found.\n",
		},
	} {
		d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
		if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "404") {
			t.Errorf("%s: the home page lists the not-found page:\n%s", name, home)
		}
		for _, path := range []string{"/gone/", "/en/404.gmi", "/pages/404.gmi", "/404.gmi"} {
			if got := servedAnywhere(t, d, path); got != "" {
				t.Errorf("%s: %s is served: %s", name, path, got)
			}
		}
	}
}

// A theme's layout page in two folders (TakaakiU's tabs/archive.md and
// en/tabs/archive.md, no text): both are left out and lead to capsule's
// archive; the second, whose slug was made unique, was served as an
// empty "Archive" page on the home page.
func TestLayoutStubsInTwoFolders(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":            "title: t\n",
			"_posts/2020-01-01-p.md": "---\ntitle: P\n---\nhi\n",
			"a/archive.md":           "---\nlayout: archives\n---\n",
			"b/archive.md":           "---\nlayout: archives\n---\n",
		})
	})
	if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "b-archive") || strings.Contains(home, "/pages/") {
		t.Errorf("the home page lists a layout page:\n%s", home)
	}
	for _, old := range []string{"/a/archive.html", "/b/archive.html"} {
		if status, meta, _ := servetest.GeminiGet(t, d, old); status != 31 || !strings.HasSuffix(meta, "/archive.gmi") {
			t.Errorf("%s answers %d %s, want a redirect to capsule's archive", old, status, meta)
		}
	}
}

// A Jekyll site that names languages and default_lang, as jekyll-polyglot
// reads them (realcoding2003's, in ko/en/ja): a post or page naming no
// language is in the default one, not in English; and where polyglot is
// not installed (GitHub Pages cannot run it), no address moves under
// /<lang>/: Jekyll writes /2024/01/01/hello-en/, which answered 51.
func TestJekyllLanguagesWithoutPolyglot(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml": "title: ブログ\nlanguages: [\"ja\", \"en\"]\ndefault_lang: \"ja\"\nplugins:\n  - jekyll-feed\n" +
				"collections:\n  posts:\n    output: true\n    permalink: /:year/:month/:day/:title/\n",
			"_posts/2024-01-01-hello.md":    "---\ntitle: こんにちは\nlang: ja\n---\n本文。\n",
			"_posts/2024-01-01-hello-en.md": "---\ntitle: Hello\nlang: en\n---\nText.\n",
			"_posts/2024-02-01-nolang.md":   "---\ntitle: 言語なし\n---\n本文。\n",
			"privacy.md":                    "---\ntitle: プライバシー\npermalink: /privacy/\n---\n本文。\n",
		})
	})
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "言語なし") {
		t.Errorf("the default language's home lacks the post that names no language:\n%s", home)
	}
	for old, want := range map[string]string{"/2024/01/01/hello-en/": "/en/posts/hello-en.gmi", "/privacy/": "/privacy.gmi"} {
		if status, meta, _ := servetest.GeminiGet(t, d, old); status != 31 || !strings.HasSuffix(meta, want) {
			t.Errorf("%s answers %d %s, want a redirect to %s", old, status, meta, want)
		}
	}
}

// In a polyglot site, translations are the pages whose addresses differ
// only by the language's folder (polyglot's page id: realcoding2003's
// ja /2024/01/01/hello/ and en permalink /en/:year/:month/:day/:title/
// with slug hello), as those sharing one permalink are: linked both ways.
func TestPolyglotTranslationsByAddress(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml": "title: ブログ\nlang: ja\nlanguages: [\"ja\", \"en\"]\ndefault_lang: \"ja\"\nplugins:\n  - jekyll-polyglot\n" +
				"collections:\n  posts:\n    output: true\n    permalink: /:year/:month/:day/:title/\n",
			"_posts/2024-01-01-hello.md":    "---\ntitle: こんにちは\nlang: ja\n---\n本文。\n",
			"_posts/2024-01-01-hello-en.md": "---\ntitle: Hello\nlang: en\nslug: hello\npermalink: /en/:year/:month/:day/:title/\n---\nText.\n",
		})
	})
	for page, want := range map[string]string{"/posts/hello.gmi": "=> /en/posts/hello.gmi English\n", "/en/posts/hello.gmi": "=> /posts/hello.gmi 日本語\n"} {
		if _, _, got := servetest.GeminiGet(t, d, page); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", page, want, got)
		}
	}
}

// A site of the MrGreen Jekyll theme names its languages in
// _data/conf/main.yml, not in _config.yml: default_lng (ja) at the top,
// each other language of language_switch_lang_list in its folder (en/),
// translations tied by lng_pair (TakaakiU's blog, with one translation
// folder, was one English capsule, its English posts duplicates of the
// Japanese ones).
func TestMrGreenLanguages(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                  "url: \"https://example.github.io\"\nplugins:\n  - jekyll-paginate\n",
			"_data/conf/main.yml":          "default_lng: ja\nlanguage_switch_lang_list: [ja, en]\n",
			"_posts/2024-01-02-hello.md":   "---\nlng_pair: id_hello\ntitle: こんにちは\n---\n本文。\n",
			"en/_posts/2024-01-02-hi.md":   "---\nlng_pair: id_hello\ntitle: Hello\n---\nText.\n",
			"_posts/2024-01-03-only-ja.md": "---\ntitle: 日本語だけ\n---\n本文。\n",
			"tabs/about.md":                "---\nlng_pair: id_about\ntitle: 自己紹介\n---\n本文。\n",
			"en/tabs/about.md":             "---\nlng_pair: id_about\ntitle: About\n---\nText.\n",
		})
	})
	for page, want := range map[string]string{
		"/":                "=> /tags/ " + messages.Japanese.Tags + "\n",
		"/posts/hello.gmi": "=> /en/posts/hi.gmi English\n",
		"/en/posts/hi.gmi": "=> /posts/hello.gmi 日本語\n",
		"/about.gmi":       "=> /en/about.gmi English\n",
	} {
		if _, _, got := servetest.GeminiGet(t, d, page); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q:\n%s", page, want, got)
		}
	}
	for page, lang := range map[string]string{"/": "ja", "/posts/hello.gmi": "ja", "/en/": "en", "/en/posts/hi.gmi": "en"} {
		if status, meta, _ := servetest.GeminiGet(t, d, page); status != 20 || !strings.HasSuffix(meta, "lang="+lang) {
			t.Errorf("%s answers %d %s, want lang=%s", page, status, meta, lang)
		}
	}
	if _, _, en := servetest.GeminiGet(t, d, "/en/"); strings.Contains(en, "only-ja") {
		t.Errorf("the English home lists a Japanese post:\n%s", en)
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/en/2024/01/02/hi.html"); status != 31 || !strings.HasSuffix(meta, "/en/posts/hi.gmi") {
		t.Errorf("Jekyll's address of the English post answers %d %s", status, meta)
	}
	if w := fmt.Sprint(d.Store().Warnings); strings.Contains(w, "slug") || strings.Contains(w, "lng_pair") {
		t.Errorf("warnings: %s", w)
	}
}

// Hugo reads a post's title, slug, description and terms as text whatever
// YAML made of them: "slug: 6550187" (Lruihao's blog, whose one numbered
// slug stopped the whole site loading) is the post's address
// /posts/6550187/, "title: 2024" its title, "categories: 7" the term 7,
// as Hugo builds them. Capsule's own posts folder keeps its rule (a
// string), which TestFrontMatterTypeErrors checks.
func TestHugoNumbersInFrontMatterAreText(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":          "title = \"t\"\n[permalinks]\nposts = \"posts/:slugorcontentbasename\"\n",
			"content/posts/a.md": "---\ntitle: 2024\ndate: 2024-01-11\nslug: 6550187\ndescription: 42\ncategories: 7\n---\n数字の記事。\n",
			"content/posts/b.md": "---\ntitle: true\ndate: 2024-01-12\nslug: 1.5\n---\n[前の記事](/posts/6550187/)\n",
		})
	})
	_, _, post := servetest.GeminiGet(t, d, "/posts/6550187.gmi")
	if !strings.HasPrefix(post, "# 2024\n") || !strings.Contains(post, "数字の記事。") {
		t.Errorf("/posts/6550187.gmi is not the post titled 2024:\n%s", post)
	}
	if st, meta, _ := servetest.GeminiGet(t, d, "/posts/6550187/"); st != 31 || !strings.HasSuffix(meta, "/posts/6550187.gmi") {
		t.Errorf("Hugo's address /posts/6550187/: %d %s", st, meta)
	}
	if _, _, b := servetest.GeminiGet(t, d, "/posts/1.5.gmi"); !strings.HasPrefix(b, "# true\n") || !strings.Contains(b, "=> /posts/6550187.gmi") {
		t.Errorf("/posts/1.5.gmi (title true, linking to the other post):\n%s", b)
	}
	if _, _, tag := servetest.GeminiGet(t, d, "/tags/7.gmi"); !strings.Contains(tag, "2024") {
		t.Errorf("the term 7 lacks the post:\n%s", tag)
	}
	if menu := servetest.GopherGet(t, d, "/\r\n"); !strings.Contains(menu, "2024\t/posts/6550187/\t") {
		t.Errorf("the Gopher menu lacks the post:\n%s", menu)
	}
}

// Hugo's param shortcode finds a value of a table of the site's [params]
// by its dotted name and shows a number as its text, as Hugo's Param
// does: FixIt's docs write {{< param docs.min_hugo_version >}}, which was
// dropped with a warning, leaving "requires Hugo ." on every protocol.
func TestHugoParamShortcodeNestedParams(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":          "title = \"t\"\n[params]\nbuild = 7\n[params.docs]\nmin_hugo_version = \"0.161.0\"\n[params.docs.deep]\nname = \"深い値\"\n",
			"content/posts/a.md": "---\ntitle: 要件\ndate: 2024-01-11\n---\nHugo {{< param docs.min_hugo_version >}} 以上、版 {{% param build %}}、{{< param \"docs.deep.name\" >}}。\n",
		})
	})
	want := "Hugo 0.161.0 以上、版 7、深い値。"
	if _, _, post := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(post, want) {
		t.Errorf("gemini lacks %q:\n%s", want, post)
	}
	if text := servetest.GopherGet(t, d, "/posts/a.txt\r\n"); !strings.Contains(text, want) {
		t.Errorf("gopher lacks %q:\n%s", want, text)
	}
}
