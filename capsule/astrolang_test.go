package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// AstroPaper writes its pages' language from its src/config.ts, <html
// lang={`${SITE.lang ?? "en"}`}> (LOCALE.lang in its version 4): a
// Japanese AstroPaper blog (junichiro/chronicle, 19 posts) says lang: "ja"
// there and nowhere else, and was served as English, with English labels.
// The constant's own field is taken, not a nested object's; a layout
// that computes its language otherwise says none.
func TestAstroPaperSiteLang(t *testing.T) {
	site := func(layout, config string) map[string]string {
		return map[string]string{
			"astro.config.ts":          "import { SITE } from \"./src/config\";\nexport default defineConfig({ site: SITE.website });\n",
			"src/config.ts":            config,
			"src/layouts/Layout.astro": layout,
			"src/content.config.ts":    "const blog = defineCollection({ loader: glob({ pattern: \"**/[^_]*.md\", base: \"./src/data/blog\" }) });\nexport const collections = { blog };\n",
			"src/data/blog/first.md":   "---\ntitle: 最初の記事\npubDatetime: 2025-12-27T09:00:00+09:00\ntags: [設計]\n---\n\n本文です。\n",
		}
	}
	v5 := "export const SITE = {\n  website: \"https://example.com/\", // the site\n  editPost: { enabled: false, lang: \"en\", url: \"\" },\n  dir: \"ltr\",\n  lang: \"ja\", // html lang code\n  timezone: \"Asia/Tokyo\",\n} as const;\n"
	for _, c := range []struct {
		name, layout, config, lang, tags string
	}{
		{"SITE.lang", "---\nimport { SITE } from \"@/config\";\n---\n<html\n  dir={SITE.dir}\n  lang=`${SITE.lang ?? \"en\"}`\n  class=\"x\"\n>\n<slot />\n</html>\n", v5, "ja", "タグ"},
		{"LOCALE.lang", "<html lang={`${LOCALE.lang ?? \"en\"}`}>\n<slot />\n</html>\n", "export const LOCALE = {\n  lang: 'ja', // html lang code\n  langTag: [\"ja-JP\"],\n} as const;\n", "ja", "タグ"},
		{"another constant's", "<html lang={`${LOCALE.lang ?? \"en\"}`}>\n</html>\n", v5, "en", "Tags"},
		{"computed", "<html lang={lang}>\n</html>\n", v5, "en", "Tags"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, site(c.layout, c.config)) })
			status, meta, home := servetest.GeminiGet(t, d, "/")
			if status != 20 || !strings.HasSuffix(meta, "lang="+c.lang) {
				t.Errorf("home answers %d %q, want lang=%s", status, meta, c.lang)
			}
			if !strings.Contains(home, "=> /tags/ "+c.tags+"\n") {
				t.Errorf("home's tags link is not %q:\n%s", c.tags, home)
			}
			if status, meta, _ := servetest.GeminiGet(t, d, "/posts/first.gmi"); status != 20 || !strings.HasSuffix(meta, "lang="+c.lang) {
				t.Errorf("the post answers %d %q, want lang=%s", status, meta, c.lang)
			}
		})
	}
}
