package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Eleventy site whose global data gives its title and description
// per language, as an object ("title": {"en": "…", "ja": "…"}), which
// its templates print as site.title[lang]: each language's home is
// titled with its own, in _data/site.json or _data/metadata.js alike, a
// site of one language with its language's. The object itself is no
// title: the site was untitled (or, printed as JavaScript prints it,
// "[object Object]").
func TestEleventyTitlePerLanguage(t *testing.T) {
	two := map[string]string{
		".eleventy.js":          "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
		"src/ja/posts/hello.md": "---\ntitle: こんにちは\ndate: 2024-01-02\ntranslationKey: hello\n---\n\n本文。\n",
		"src/en/posts/hello.md": "---\ntitle: Hello\ndate: 2024-01-02\ntranslationKey: hello\n---\n\nText.\n",
		"src/ja/posts/only.md":  "---\ntitle: 日本語だけ\ndate: 2024-01-03\n---\n\n本文。\n",
	}
	json := func(m map[string]string) map[string]string {
		m["src/_data/site.json"] = `{"lang": "ja", "title": {"en": "Bean Garden", "ja": "豆の庭"}, "description": {"en": "Notes on beans", "ja": "豆の覚え書き"}}`
		return m
	}
	js := func(m map[string]string) map[string]string {
		m["src/_data/metadata.js"] = "module.exports = {\n  language: \"ja\",\n  title: {\n    en: \"Bean Garden\",\n    ja: '豆の庭',\n  },\n  description: { en: \"Notes on beans\", \"ja\": \"豆の覚え書き\" },\n};\n"
		return m
	}
	clone := func() map[string]string {
		m := make(map[string]string)
		for k, v := range two {
			m[k] = v
		}
		return m
	}
	for name, files := range map[string]map[string]string{"json": json(clone()), "js": js(clone())} {
		t.Run(name, func(t *testing.T) {
			d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
			for path, want := range map[string][]string{
				"/":    {"# 豆の庭\n", "豆の覚え書き"},
				"/en/": {"# Bean Garden\n", "Notes on beans"},
			} {
				status, _, page := servetest.GeminiGet(t, d, path)
				if status != 20 {
					t.Errorf("%s answers %d", path, status)
					continue
				}
				for _, w := range want {
					if !strings.Contains(page, w) {
						t.Errorf("%s lacks %q:\n%s", path, w, page)
					}
				}
				if strings.Contains(page, "object Object") {
					t.Errorf("%s shows the object:\n%s", path, page)
				}
			}
		})
	}
	t.Run("one language", func(t *testing.T) {
		d := servetest.Start(t, func(c *config.Config) {
			c.Posts = testfs.Write(t, map[string]string{
				".eleventy.js":        "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
				"src/_data/site.json": `{"title": {"en": "Bean Garden", "ja": "豆の庭"}}`,
				"src/_includes/b.njk": "<html lang=\"ja\"><body>{{ content | safe }}</body></html>\n",
				"src/posts/hello.md":  "---\ntitle: こんにちは\ndate: 2024-01-02\n---\n\n本文。\n",
			})
		})
		if status, meta, home := servetest.GeminiGet(t, d, "/"); status != 20 || !strings.HasSuffix(meta, "lang=ja") || !strings.HasPrefix(home, "# 豆の庭\n") {
			t.Errorf("home answers %d %q, want the Japanese title:\n%s", status, meta, home)
		}
	})
}
