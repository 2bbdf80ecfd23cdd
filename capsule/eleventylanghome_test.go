package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A page of Nunjucks or Liquid at the top of a language's folder that
// Eleventy writes at that language's home (src/ja/index.njk, or another
// name whose permalink is /ja/) is that language's home page's text, as
// an index.md there is: /ja/ shows it above the language's posts (on
// Gopher its menu links it first, /ja/index.txt), and the page is no page of its own. Before, only an
// index.md was: the .njk was a page of the language's, listed with
// its pages, and the home showed no text of it.
func TestEleventyLanguageHomeTemplate(t *testing.T) {
	for name, file := range map[string]string{
		"src/ja/index.njk":      "---\ntitle: ようこそ\n---\n<p>豆の庭へようこそ。</p>\n",
		"src/ja/index.liquid":   "---\ntitle: ようこそ\n---\n<p>豆の庭へようこそ。</p>\n",
		"src/ja/welcome.njk":    "---\ntitle: ようこそ\npermalink: /ja/\n---\n<p>豆の庭へようこそ。</p>\n",
		"src/ja/welcome.liquid": "---\ntitle: ようこそ\npermalink: /ja/index.html\n---\n<p>豆の庭へようこそ。</p>\n",
	} {
		t.Run(name, func(t *testing.T) {
			d := servetest.Start(t, func(c *config.Config) {
				c.Posts = testfs.Write(t, map[string]string{
					".eleventy.js":          "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
					"src/en/posts/a.md":     "---\ntitle: Beans\ndate: 2024-01-02\n---\n\nText.\n",
					"src/en/posts/b.md":     "---\ntitle: More beans\ndate: 2024-01-03\n---\n\nText.\n",
					"src/ja/posts/hello.md": "---\ntitle: こんにちは\ndate: 2024-01-02\n---\n\n本文。\n",
					name:                    file,
				})
			})
			status, _, home := servetest.GeminiGet(t, d, "/ja/")
			if status != 20 || !strings.Contains(home, "豆の庭へようこそ。") || !strings.Contains(home, "こんにちは") {
				t.Errorf("/ja/ answers %d, want the home page's text above the Japanese posts:\n%s", status, home)
			}
			// On Gopher, the home's text is a document its menu links
			// first, as the site's home's is.
			menu := servetest.GopherGet(t, d, "/ja/\r\n")
			if !strings.Contains(menu, "\t/ja/index.txt\t") || !strings.Contains(menu, "こんにちは") {
				t.Errorf("gopher /ja/ links no home page's text, or lacks the posts:\n%s", menu)
			}
			if text := servetest.GopherGet(t, d, "/ja/index.txt\r\n"); !strings.Contains(text, "豆の庭へようこそ。") {
				t.Errorf("gopher /ja/index.txt is not the home page's text:\n%s", text)
			}
			if strings.Contains(strings.ReplaceAll(home, "豆の庭へようこそ。", ""), "ようこそ") {
				t.Errorf("/ja/ lists the home page's text as a page of its own:\n%s", home)
			}
		})
	}
}
