package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Eleventy site that says its language only in its layout's <html
// lang="ja">, and its name as siteName in _data/site.json, as
// mamezou-tech-site does: it is a Japanese site, served with lang=ja and
// Japanese labels, under its own name. A layout that computes its
// language says none, and the site stays English.
func TestEleventyLayoutLanguageAndSiteName(t *testing.T) {
	site := func(layout string) map[string]string {
		return map[string]string{
			"eleventy.config.cjs":          "module.exports = function (c) {\n  return { dir: { input: 'src', output: 'public' } };\n};\n",
			"src/_data/site.json":          `{"siteName": "豆のサイト", "siteDescription": "開発のノウハウ", "authorName": "mame"}`,
			"src/_includes/base.njk":       layout,
			"src/_includes/partials/x.njk": "<nav>{{ title }}</nav>\n",
			"src/posts/blogs/first.md":     "---\ntitle: 最初の記事\ndate: 2023-10-08\n---\n\n本文です。\n",
		}
	}
	for _, c := range []struct {
		name, layout, lang, tags string
	}{
		{"literal", "<!DOCTYPE html>\n<html lang=\"ja\">\n<body>{{ content | safe }}</body>\n</html>\n", "ja", "タグ"},
		{"region", "<html class=\"x\" lang='ja-JP'>\n", "ja", "タグ"},
		{"computed", "<html lang=\"{{ metadata.language }}\">\n", "en", "Tags"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, site(c.layout)) })
			status, meta, home := servetest.GeminiGet(t, d, "/")
			if status != 20 || !strings.HasSuffix(meta, "lang="+c.lang) {
				t.Errorf("home answers %d %q, want lang=%s", status, meta, c.lang)
			}
			if !strings.HasPrefix(home, "# 豆のサイト\n") || !strings.Contains(home, "開発のノウハウ") {
				t.Errorf("home is not titled with the site's siteName and siteDescription:\n%s", home)
			}
			if !strings.Contains(home, "=> /tags/ "+c.tags+"\n") {
				t.Errorf("home's tags link is not %q:\n%s", c.tags, home)
			}
		})
	}
}
