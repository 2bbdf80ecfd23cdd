package content

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// An Astro site in several languages whose language folders are at the
// top of the content folder is served as one capsule per language, and
// its posts' addresses are where its routes put them: a collection per
// language (doublt-yoonsh/claude-news: src/content/{ko,en,ja}, each
// served by its own route, briefings/[slug].astro of getCollection('ko'),
// ja/briefings/[slug].astro of getCollection('ja')), or one collection
// whose glob base holds the languages' folders (Astro's i18n recipe,
// [lang]/blog/[...id].astro cutting the language from the id). capsule
// redirected only /ja/<id>/, an address Astro never wrote (0 of 203
// posts of claude-news at theirs).
func TestAstroLanguageFoldersAtTheTop(t *testing.T) {
	route := func(collection, param string) string {
		return "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('" + collection + "');\n  return posts.map((post) => ({ params: { slug: " + param + " }, props: { post } }));\n}\nconst { Content } = await render(Astro.props.post);\n---\n<Content />\n"
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		want  map[string][]string // addresses by the post's file, from the site's root
		langs map[string]string   // each post's language's folder ("" for the default one)
	}{
		{"a collection per language", map[string]string{
			"astro.config.mjs":                      "export default defineConfig({ i18n: { defaultLocale: 'ko', locales: ['ko', 'en', 'ja'], routing: { prefixDefaultLocale: false } } });\n",
			"src/content.config.ts":                 "const ko = defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/ko' }) });\nconst en = defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/en' }) });\nconst ja = defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/ja' }) });\nexport const collections = { ko, en, ja };\n",
			"src/content/ko/briefing-2026-03-01.md": "---\ntitle: 브리핑\ndate: 2026-03-01\nlang: ko\n---\n본문.\n",
			"src/content/en/briefing-2026-03-01.md": "---\ntitle: Briefing\ndate: 2026-03-01\nlang: en\n---\nText.\n",
			"src/content/ja/briefing-2026-03-01.md": "---\ntitle: ブリーフィング\ndate: 2026-03-01\nlang: ja\n---\n本文。\n",
			"src/pages/briefings/[slug].astro":      route("ko", "post.id"),
			"src/pages/en/briefings/[slug].astro":   route("en", "post.id"),
			"src/pages/ja/briefings/[slug].astro":   route("ja", "post.id"),
		}, map[string][]string{
			"src/content/ko/briefing-2026-03-01.md": {"/briefings/briefing-2026-03-01/"},
			"src/content/en/briefing-2026-03-01.md": {"/en/briefings/briefing-2026-03-01/"},
			"src/content/ja/briefing-2026-03-01.md": {"/ja/briefings/briefing-2026-03-01/"},
		}, map[string]string{
			"src/content/ko/briefing-2026-03-01.md": "",
			"src/content/en/briefing-2026-03-01.md": "/en",
			"src/content/ja/briefing-2026-03-01.md": "/ja",
		}},
		{"one collection of the languages' folders", map[string]string{
			"astro.config.mjs":                    "export default defineConfig({ i18n: { defaultLocale: 'ja', locales: ['ja', 'en'] } });\n",
			"src/content.config.ts":               "const blog = defineCollection({ loader: glob({ pattern: '**/[^_]*.md', base: './src/blog' }) });\nexport const collections = { blog };\n",
			"src/blog/ja/hello.md":                "---\ntitle: こんにちは\ndate: 2025-01-01\n---\n本文。\n",
			"src/blog/en/hello.md":                "---\ntitle: Hello\ndate: 2025-01-01\n---\nText.\n",
			"src/blog/en/notes/second.md":         "---\ntitle: Second\ndate: 2025-01-02\n---\nText.\n",
			"src/pages/[lang]/blog/[...id].astro": "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection(\"blog\");\n  return posts.map((post) => {\n    const [lang, ...id] = post.id.split(\"/\");\n    return { params: { lang, id: id.join(\"/\") || undefined }, props: post };\n  });\n}\nconst { Content } = await render(Astro.props);\n---\n<Content />\n",
		}, map[string][]string{
			"src/blog/ja/hello.md":        {"/ja/blog/hello/"},
			"src/blog/en/hello.md":        {"/en/blog/hello/"},
			"src/blog/en/notes/second.md": {"/en/blog/notes/second/"},
		}, map[string]string{
			"src/blog/ja/hello.md":        "",
			"src/blog/en/hello.md":        "/en",
			"src/blog/en/notes/second.md": "/en",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testfs.Write(t, c.files)
			site, err := loadStrict(dir, LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			if len(site.Posts) != len(c.want) {
				t.Fatalf("%d posts, want %d (%s)", len(site.Posts), len(c.want), site.Layout)
			}
			for _, p := range site.Posts {
				rel := strings.TrimPrefix(filepath.ToSlash(p.File), filepath.ToSlash(dir)+"/")
				if want := c.want[rel]; !slices.Equal(p.Addresses, want) {
					t.Errorf("%s: addresses %q, want %q", rel, p.Addresses, want)
				}
				if want := c.langs[rel]; p.LangDir != want {
					t.Errorf("%s: in the language of folder %q, want %q", rel, p.LangDir, want)
				}
			}
		})
	}
}
