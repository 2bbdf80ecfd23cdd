package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Eleventy site's template of a page per tag (a pagination of the
// collections object, one key a page under an alias, its filter leaving
// out the collections that are no tags) puts each tag's page at the
// address its permalink computes: /topics/go-lang/ of "Go Lang" through
// slugify. capsule answers those addresses with its own page of the
// tag, which lists the tag's posts (a redirect on Gemini, the tag's menu
// on Gopher), and a post's link to one leads there; a tag the filter
// names has none, and a tag whose address capsule cannot spell as
// Eleventy does (slugify of letters outside ASCII) is named in a warning
// that names the template. The template may be written in YAML, or in
// JavaScript front matter with a computed permalink (eleventy-base-blog's
// tag-pages.njk); a language's template is that language's
// (/en/tags/{{ tag | slug }}/). Before, those addresses were answered
// by nothing and the links were dead.
func TestEleventyTagPages(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			".eleventy.js":      "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
			"src/posts/a.md":    "---\ntitle: Alpha gophers\ndate: 2024-01-01\ntags: [posts, \"Go Lang\"]\n---\n\nFirst.\n",
			"src/posts/b.md":    "---\ntitle: Beta routines\ndate: 2024-01-02\ntags: [\"Go Lang\", 日記]\n---\n\nSecond.\n",
			"src/posts/c.md":    "---\ntitle: Gamma crabs\ndate: 2024-01-03\ntags: [Rust]\n---\n\nSee [the Go posts](/topics/go-lang/) and [the crabs](/topics/rust/).\n",
			"src/topics.njk":    "---\npagination:\n  data: collections\n  size: 1\n  alias: topic\n  filter:\n    - all\n    - posts\npermalink: /topics/{{ topic | slugify }}/\n---\n<h1>Tagged “{{ topic }}”</h1>\n{% set postslist = collections[topic] %}\n",
			"src/tag-pages.njk": "---js\nconst pagination = {\n\tdata: \"collections\",\n\tsize: 1,\n\talias: \"tag\",\n\tfilter: [\"all\", \"posts\"],\n};\nconst eleventyComputed = {\n\tpermalink: function(data) {\n\t\t// one page a tag\n\t\treturn `/labels/${this.slugify(data.tag)}/`;\n\t}\n};\n---\n<h1>{{ tag }}</h1>\n",
		})
	})
	for _, address := range []string{"/topics/go-lang/", "/topics/go-lang", "/labels/go-lang/"} {
		to := redirect(t, d, address)
		if to == "" {
			continue
		}
		status, _, page := servetest.GeminiGetURL(t, d, to)
		if status != 20 || !strings.Contains(page, "Alpha gophers") || !strings.Contains(page, "Beta routines") || strings.Contains(page, "Gamma crabs") {
			t.Errorf("%s leads to %s (%d), not the list of Go Lang's posts:\n%s", address, to, status, page)
		}
	}
	menu := servetest.GopherGet(t, d, "/topics/go-lang/\r\n")
	if !strings.Contains(menu, "Alpha gophers") || !strings.Contains(menu, "Beta routines") || strings.Contains(menu, "Gamma crabs") {
		t.Errorf("gopher /topics/go-lang/ is not the menu of Go Lang's posts:\n%s", menu)
	}
	for _, address := range []string{"/topics/posts/", "/topics/all/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, address); status == 20 || status == 31 {
			t.Errorf("%s answers %d %s: the template's filter leaves that collection out", address, status, meta)
		}
	}
	// c's links lead to the pages of Go Lang and Rust.
	_, _, post := servetest.GeminiGetURL(t, d, redirect(t, d, "/posts/c/"))
	for _, address := range []string{"/topics/go-lang/", "/topics/rust/"} {
		to := redirect(t, d, address)
		u, err := url.Parse(to)
		if to == "" || err != nil {
			continue
		}
		if !strings.Contains(post, "=> "+u.EscapedPath()+" ") && !strings.Contains(post, "=> "+to+" ") {
			t.Errorf("c's link to %s does not lead to %s:\n%s", address, to, post)
		}
	}
	told := false
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Kind, "dead") {
			t.Errorf("warning: %v", w)
		}
		if strings.HasSuffix(w.File, "topics.njk") && strings.Contains(w.Msg, "日記") {
			told = true
		}
	}
	if !told {
		t.Errorf("no warning names topics.njk and the tag whose address capsule cannot spell (日記): %v", d.Store().Warnings)
	}
}

// A template of a language's tag pages (src/en/tags.njk at
// /en/tags/{{ tag | slug }}/) answers with that language's tag pages;
// the default language's at the top (/tags/…) with its own.
func TestEleventyTagPagesPerLanguage(t *testing.T) {
	tmpl := "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\npermalink: %s\n---\n<h1>{{ tag }}</h1>\n"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			".eleventy.js":          "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
			"src/_data/site.json":   `{"lang": "ja"}`,
			"src/ja/posts/hello.md": "---\ntitle: こんにちは\ndate: 2024-01-02\ntags: [Field Notes]\n---\n\n本文。\n",
			"src/ja/posts/more.md":  "---\ntitle: もう一つ\ndate: 2024-01-03\n---\n\n本文。\n",
			"src/en/posts/hello.md": "---\ntitle: Hello there\ndate: 2024-01-02\ntags: [Field Notes]\n---\n\nText.\n",
			"src/ja/tags.njk":       strings.Replace(tmpl, "%s", "/tags/{{ tag | slugify }}/", 1),
			"src/en/tags.njk":       strings.Replace(tmpl, "%s", "/en/tags/{{ tag | slug }}/", 1),
		})
	})
	for address, want := range map[string]string{"/tags/field-notes/": "こんにちは", "/en/tags/field-notes/": "Hello there"} {
		to := redirect(t, d, address)
		if to == "" {
			continue
		}
		if status, _, page := servetest.GeminiGetURL(t, d, to); status != 20 || !strings.Contains(page, want) {
			t.Errorf("%s leads to %s (%d), not the tag's page of %q:\n%s", address, to, status, want, page)
		}
		if menu := servetest.GopherGet(t, d, address+"\r\n"); !strings.Contains(menu, want) {
			t.Errorf("gopher %s lacks %q:\n%s", address, want, menu)
		}
	}
}
