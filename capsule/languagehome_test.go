package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Eleventy writes src/ja/index.md at /ja/, the Japanese landing page of
// a site with a folder per language (dev-protocol/initto). It is the
// Japanese home page's text: /ja/ lists the Japanese posts under it, on
// Gemini and on Gopher, as the site's home lists the others; the default
// language's src/en/index.md is the site's home text.
func TestLanguageFolderIndexIsItsHomeText(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			".eleventy.js":           "module.exports = function (config) {\n  return { dir: { input: \"src\", output: \"dist\" } };\n};\n",
			"src/en/posts/hello.md":  "---\ntitle: Hello\ndate: 2021-02-15\n---\n\nHello.\n",
			"src/en/posts/second.md": "---\ntitle: Second\ndate: 2021-02-16\n---\n\nSecond.\n",
			"src/ja/posts/hello.md":  "---\ntitle: こんにちは\ndate: 2021-02-15\n---\n\nこんにちは。\n",
			"src/ja/index.md":        "---\ntitle: ここからはじまる\npermalink: /ja/\n---\n\n公式ブログです。\n",
			"src/en/index.md":        "---\ntitle: Start here\npermalink: /en/\n---\n\nThe official blog.\n",
		})
	})
	status, _, home := servetest.GeminiGet(t, d, "/ja/")
	if status != 20 || !strings.Contains(home, "公式ブログです。") || !strings.Contains(home, "=> /ja/posts/hello.gmi 2021-02-15 こんにちは") {
		t.Errorf("/ja/ answers %d, not the Japanese home with its text and posts:\n%s", status, home)
	}
	menu := servetest.GopherGet(t, d, "/ja/\r\n")
	if !strings.Contains(menu, "こんにちは\t/ja/posts/hello") {
		t.Errorf("the Japanese Gopher menu lists no post:\n%s", menu)
	}
	if _, _, root := servetest.GeminiGet(t, d, "/"); strings.Contains(root, "公式ブログです。") || !strings.Contains(root, "The official blog.") {
		t.Errorf("the English home lacks its text, or has the Japanese one:\n%s", root)
	}
	// The default language's folder (/en/) is no page of capsule's: its
	// old address leads to the text, as before it was the home's.
	if status, meta, _ := servetest.GeminiGet(t, d, "/en/"); status != 31 || !strings.HasSuffix(meta, "/index.gmi") {
		t.Errorf("/en/ answers %d %s, want a redirect to the home text", status, meta)
	}
}
