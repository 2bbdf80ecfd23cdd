package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Astro diary's posts are served on the web site where its route
// src/pages/posts/[date]/[part].astro puts them, /posts/20040927/p03/,
// the date and the part cut from the entry's slug (machu/diary): that
// old address redirects to the post on Gemini, and a post's link
// written as it leads there, where 701 such links of machu/diary were
// dead (content.TestAstroRouteParameters has the other forms read).
func TestAstroRouteOfParametersRedirects(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"astro.config.mjs":                      "export default defineConfig({});\n",
			"tsconfig.json":                         "{\"compilerOptions\": {\"baseUrl\": \".\", \"paths\": {\"@/*\": [\"src/*\"]}}}\n",
			"src/content/config.ts":                 "const postCollection = defineCollection({ type: \"content\" });\nexport const collections = { posts: postCollection };\n",
			"src/content/posts/2004/20040927p03.md": "---\ntitle: 日記\ndate: 2004-09-27\n---\nその日の本文。\n",
			"src/content/posts/2004/20040928p01.md": "---\ntitle: 翌日\ndate: 2004-09-28\n---\n[前日の日記](/posts/20040927/p03)\n",
			"src/lib/posts.ts":                      "import { getCollection } from \"astro:content\";\nexport const getAllPosts = () => getCollection(\"posts\");\n",
			"src/pages/posts/[date]/[part].astro":   "---\nimport { getAllPosts } from \"@/lib/posts\";\nexport async function getStaticPaths() {\n  const all = await getAllPosts();\n  return all.map((entry) => {\n    const slug = entry.slug.split(\"/\").pop()!;\n    const date = slug.slice(0, 8);\n    const part = slug.slice(8);\n    return { params: { date, part }, props: { entry } };\n  });\n}\nconst { Content } = await Astro.props.entry.render();\n---\n<Content />\n",
		})
	})
	st, meta, _ := servetest.GeminiGet(t, d, "/posts/20040927/p03/")
	if st != gemini.StatusRedirect && st != gemini.StatusPermanentRedirect {
		t.Fatalf("/posts/20040927/p03/: status %d %q, want a redirect", st, meta)
	}
	u, err := url.Parse(meta)
	if err != nil {
		t.Fatal(err)
	}
	if st, _, body := servetest.GeminiGet(t, d, u.Path); st != gemini.StatusSuccess || !strings.Contains(body, "その日の本文。") {
		t.Errorf("the redirect to %s leads to %d, not the post:\n%s", meta, st, body)
	}
	_, _, next := servetest.GeminiGet(t, d, strings.Replace(u.Path, "20040927p03", "20040928p01", 1))
	if !strings.Contains(next, "=> "+u.Path+" 前日の日記") {
		t.Errorf("the link written /posts/20040927/p03 does not lead to %s:\n%s", u.Path, next)
	}
}

// An Astro site with a collection per language at the top of its content
// folder (claude-news: src/content/{ko,en,ja}, each served by its own
// route) is a capsule per language, and the address each route gave a
// post on the web site, /ja/briefings/<id>/, redirects to the post in
// its language's capsule, answered in that language (the collection
// folder's /ja/<id>/ was redirected, which Astro never wrote).
func TestAstroLanguageCollectionRouteRedirects(t *testing.T) {
	route := func(collection string) string {
		return "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('" + collection + "');\n  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));\n}\nconst { Content } = await render(Astro.props.post);\n---\n<Content />\n"
	}
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"astro.config.mjs":                      "export default defineConfig({ i18n: { defaultLocale: 'ko', locales: ['ko', 'ja'] } });\n",
			"src/content.config.ts":                 "const ko = defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/ko' }) });\nconst ja = defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/ja' }) });\nexport const collections = { ko, ja };\n",
			"src/content/ko/briefing-2026-03-01.md": "---\ntitle: 브리핑\ndate: 2026-03-01\n---\n한국어 본문.\n",
			"src/content/ja/briefing-2026-03-01.md": "---\ntitle: ブリーフィング\ndate: 2026-03-01\n---\n日本語の本文。\n",
			"src/pages/briefings/[slug].astro":      route("ko"),
			"src/pages/ja/briefings/[slug].astro":   route("ja"),
		})
	})
	for _, c := range []struct{ addr, lang, text string }{
		{"/ja/briefings/briefing-2026-03-01/", "ja", "日本語の本文。"},
		{"/briefings/briefing-2026-03-01", "ko", "한국어 본문."},
	} {
		redirectsToPostIn(t, d, c.addr, c.lang, c.text)
	}
}

// An AstroWind site's posts are at the permalink of its src/config.yaml
// on the web site (apps.blog.post.permalink, '/%year%/%slug%' here): that
// address redirects to the post, and a post's link written so leads to
// it (content.TestAstroWindPermalink has the pattern's other variables).
func TestAstroWindPermalinkRedirects(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"astro.config.ts":                 "export default defineConfig({ integrations: [astrowind({ config: './src/config.yaml' })] });\n",
			"src/config.yaml":                 "site:\n  name: Wind\napps:\n  blog:\n    isEnabled: true\n    post:\n      permalink: '/%year%/%slug%'\n",
			"src/content.config.ts":           "const postCollection = defineCollection({ loader: glob({ pattern: ['*.md', '*.mdx'], base: 'src/data/post' }) });\nexport const collections = { post: postCollection };\n",
			"src/utils/blog.ts":               "import { getCollection } from 'astro:content';\nconst load = async () => await getCollection('post');\n",
			"src/pages/[...blog]/index.astro": "---\nimport { getStaticPathsBlogPost } from '../../utils/blog';\nexport const getStaticPaths = async () => await getStaticPathsBlogPost();\n---\n<SinglePost post={Astro.props.post} />\n",
			"src/data/post/first-post.md":     "---\npublishDate: 2023-08-12\ntitle: 最初\n---\n最初の本文。\n",
			"src/data/post/second-post.md":    "---\npublishDate: 2024-02-01\ntitle: 次\n---\n[前の記事](/2023/first-post)\n",
		})
	})
	st, meta, _ := servetest.GeminiGet(t, d, "/2023/first-post")
	if st != gemini.StatusRedirect && st != gemini.StatusPermanentRedirect {
		t.Fatalf("/2023/first-post: status %d %q, want a redirect", st, meta)
	}
	u, err := url.Parse(meta)
	if err != nil {
		t.Fatal(err)
	}
	if st, _, body := servetest.GeminiGet(t, d, u.Path); st != gemini.StatusSuccess || !strings.Contains(body, "最初の本文。") {
		t.Errorf("the redirect to %s leads to %d, not the post:\n%s", meta, st, body)
	}
	_, _, next := servetest.GeminiGet(t, d, strings.Replace(u.Path, "first-post", "second-post", 1))
	if !strings.Contains(next, "=> "+u.Path+" 前の記事") {
		t.Errorf("the link written /2023/first-post does not lead to %s:\n%s", u.Path, next)
	}
}

// An Astro site with a route per language, each taking the entries whose
// id starts with its language and cutting it from the address
// (khides/website-boilerplate: ja/blog/[...slug].astro of
// getCollection('blog', ({ id }) => id.startsWith('ja/')) at
// post.slug.replace('ja/', ”)): each post's address on the web site,
// /ja/blog/<slug>/ or /en/blog/<slug>/, redirects to the post in its
// language's capsule (on gopher, that address serves it).
func TestAstroRoutePerLanguageRedirects(t *testing.T) {
	route := func(lang string) string {
		return "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('blog', ({ id }: { id: string }) => id.startsWith('" + lang + "/'));\n  return posts.map((post) => ({\n    params: { slug: post.slug.replace('" + lang + "/', '') },\n    props: { post },\n  }));\n}\nconst { Content } = await render(Astro.props.post);\n---\n<Content />\n"
	}
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"astro.config.mjs":                   "export default defineConfig({ i18n: { defaultLocale: 'ja', locales: ['ja', 'en'], routing: { prefixDefaultLocale: true } } });\n",
			"src/content/config.ts":              "const blogCollection = defineCollection({ type: 'content' });\nexport const collections = { blog: blogCollection };\n",
			"src/content/blog/ja/sample-post.md": "---\ntitle: サンプル\npubDate: 2025-01-01\n---\n日本語の本文。\n",
			"src/content/blog/en/sample-post.md": "---\ntitle: Sample\npubDate: 2025-01-01\n---\nEnglish text.\n",
			"src/pages/ja/blog/[...slug].astro":  route("ja"),
			"src/pages/en/blog/[...slug].astro":  route("en"),
		})
	})
	for _, c := range []struct{ addr, lang, text string }{
		{"/ja/blog/sample-post/", "ja", "日本語の本文。"},
		{"/en/blog/sample-post", "en", "English text."},
	} {
		redirectsToPostIn(t, d, c.addr, c.lang, c.text)
		if got := servetest.GopherGet(t, d, c.addr+"\r\n"); !strings.Contains(got, c.text) {
			t.Errorf("gopher %s: not the post:\n%s", c.addr, got)
		}
	}
}

// A route whose getStaticPaths is a call of a local module's function
// (sylvhama/ffvii's return await getFrenchStaticPaths("events")(), the
// function in src/utils.ts, imported through tsconfig.json's "@utils"
// alias) is read in that function: the entries whose id starts with
// "fr/" are at /fr/events/<slug>/, the others at /events/<slug>/, each
// in its language, the i18n locales naming fr a language. The fr/
// folder's own address, which Astro never builds, leads nowhere. A
// helper whose language filter is computed (one of two tests by a
// parameter) is said not followed.
func TestAstroHelperModuleRouteRedirects(t *testing.T) {
	helpers := "import { getCollection, type CollectionKey } from \"astro:content\";\n\n" +
		"export function getEnglishStaticPaths(collection: CollectionKey) {\n  return async () => {\n    const posts = await getCollection(collection, ({ id }) => {\n      return !id.startsWith(\"fr/\");\n    });\n    return posts.map((post) => {\n      return { params: { slug: post.slug }, props: { post } };\n    });\n  };\n}\n\n" +
		"export function getFrenchStaticPaths(collection: CollectionKey) {\n  return async () => {\n    const posts = await getCollection(collection, ({ id }) => {\n      return id.startsWith(\"fr/\");\n    });\n    return posts.map((post) => {\n      return { params: { slug: post.slug.replace(\"fr/\", \"\") }, props: { post } };\n    });\n  };\n}\n\n" +
		"export async function getLocaleStaticPaths(collection: CollectionKey, locale: string = \"en\") {\n  const posts = await getCollection(collection, ({ id }) => {\n    if (locale === \"en\") return !id.startsWith(\"fr/\");\n    return id.startsWith(\"fr/\");\n  });\n  return posts.map((post) => ({ params: { slug: post.slug }, props: { post } }));\n}\n"
	route := func(call string) string {
		return "---\nimport Post from \"@components/Post.astro\";\nimport { " + call[:strings.Index(call, "(")] + " } from \"@utils\";\n\nexport async function getStaticPaths() {\n  return await " + call + ";\n}\n\nconst { post: { id, data, render } } = Astro.props;\nconst { Content } = await render();\n---\n<Post><Content /></Post>\n"
	}
	files := map[string]string{
		"astro.config.ts":                  "export default defineConfig({\n  i18n: { locales: [\"en\", \"fr\"], defaultLocale: \"en\" },\n  site: \"https://ff.example\",\n});\n",
		"tsconfig.json":                    "{ \"compilerOptions\": { \"baseUrl\": \".\", \"paths\": { \"@components/*\": [\"src/components/*\"], \"@utils\": [\"src/utils\"] } } }\n",
		"src/utils.ts":                     helpers,
		"src/content/config.ts":            "const collection = defineCollection({ schema: z.object({ title: z.string() }) });\nexport const collections = { events: collection, books: collection };\n",
		"src/content/events/concert.md":    "---\ntitle: Concert\ndate: 2024-05-01\n---\nAn evening of music.\n",
		"src/content/events/fr/concert.md": "---\ntitle: Concert (fr)\ndate: 2024-05-01\n---\nUne soirée musicale.\n",
		"src/content/books/guide.md":       "---\ntitle: Guide\ndate: 2024-06-01\n---\nA book.\n",
		"src/content/books/fr/guide.md":    "---\ntitle: Guide (fr)\ndate: 2024-06-01\n---\nUn livre.\n",
		"src/pages/events/[slug].astro":    route(`getEnglishStaticPaths("events")()`),
		"src/pages/fr/events/[slug].astro": route(`getFrenchStaticPaths("events")()`),
		"src/pages/fr/books/[slug].astro":  route(`getLocaleStaticPaths("books", "fr")`),
	}
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
	for _, c := range []struct{ addr, lang, text string }{
		{"/events/concert/", "en", "An evening of music."},
		{"/fr/events/concert", "fr", "Une soirée musicale."},
	} {
		redirectsToPostIn(t, d, c.addr, c.lang, c.text)
	}
	for _, addr := range []string{"/events/fr/concert/", "/fr/events/fr/concert/"} {
		if st, meta, _ := servetest.GeminiGet(t, d, addr); st == gemini.StatusRedirect || st == gemini.StatusPermanentRedirect {
			t.Errorf("%s, which Astro never builds, leads to %s", addr, meta)
		}
	}
	if st, meta, _ := servetest.GeminiGet(t, d, "/fr/books/guide/"); st == gemini.StatusRedirect || st == gemini.StatusPermanentRedirect {
		t.Errorf("/fr/books/guide/, of a route whose filter is computed, leads to %s", meta)
	}
}

// redirectsToPostIn checks that addr redirects, on Gemini, to a post in
// lang whose body holds text.
func redirectsToPostIn(t *testing.T, d *daemon.Daemon, addr, lang, text string) {
	t.Helper()
	st, meta, _ := servetest.GeminiGet(t, d, addr)
	if st != gemini.StatusRedirect && st != gemini.StatusPermanentRedirect {
		t.Errorf("%s: status %d %q, want a redirect", addr, st, meta)
		return
	}
	u, err := url.Parse(meta)
	if err != nil {
		t.Fatal(err)
	}
	st, header, body := servetest.GeminiGet(t, d, u.Path)
	if st != gemini.StatusSuccess || !strings.Contains(body, text) || !strings.Contains(header, "lang="+lang) {
		t.Errorf("%s redirects to %s: %d %q, not the post in %s:\n%s", addr, u.Path, st, header, lang, body)
	}
}

// A route that gives each entry its page and lists, in the page's props,
// the entries under it (tzzjp/bk.tzz.dev's [...slug]/index.astro:
// props: { entry, blogs: all.filter((b) => b.slug.startsWith(entry.slug
// + "/")) }) is followed: a test of the props is none of which entries
// the route takes. Its addresses redirect to the posts on Gemini, are
// served on Gopher, and no warning says them unknown; a route whose
// entries are filtered by a computed test still is said not followed.
func TestAstroRoutePropsFilterFollowed(t *testing.T) {
	route := func(filter string) string {
		return "---\nimport { getCollection } from \"astro:content\";\nexport async function getStaticPaths() {\n" +
			"  const all = await getCollection('blog');\n" +
			"  const pages = all" + filter + ";\n" +
			"  return pages.map((entry) => ({\n    params: { slug: entry.slug },\n    props: {\n      entry,\n" +
			"      blogs: all.filter(blog => blog.slug.startsWith(entry.slug + \"/\")),\n    }\n  }));\n}\n" +
			"const { entry, blogs } = Astro.props;\nconst { Content } = await entry.render();\n---\n<Content />\n"
	}
	files := map[string]string{
		"astro.config.mjs":                      "export default defineConfig({ site: 'https://bk.example' });\n",
		"src/content/config.ts":                 "const blog = defineCollection({ type: 'content' });\nexport const collections = { blog };\n",
		"src/content/blog/backend/index.md":     "---\ntitle: バックエンド\ndate: 2024-01-01\n---\nバックエンドの記事の一覧。\n",
		"src/content/blog/backend/laravel/a.md": "---\ntitle: Laravel\ndate: 2024-01-02\n---\nLaravelの記事。\n",
		"src/pages/notes/[...slug]/index.astro": route(""),
		"src/pages/other/[...slug]/index.astro": strings.Replace(route(".filter(e => e.slug.startsWith(prefix))"), "getCollection('blog');", "getCollection('blog');\n  const prefix = import.meta.env.PREFIX;", 1),
	}
	dir := testfs.Write(t, files)
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	for addr, text := range map[string]string{"/notes/backend/": "バックエンドの記事の一覧。", "/notes/backend/laravel/a/": "Laravelの記事。"} {
		redirectsToPostIn(t, d, addr, "en", text)
		if body := servetest.GopherGet(t, d, addr+"\r\n"); !strings.Contains(body, text) {
			t.Errorf("gopher %s does not serve the post:\n%s", addr, body)
		}
	}
	if st, meta, _ := servetest.GeminiGet(t, d, "/other/backend/"); st == gemini.StatusRedirect || st == gemini.StatusPermanentRedirect {
		t.Errorf("/other/backend/, of a route whose filter is computed, leads to %s", meta)
	}
	c, err := content.Load(dir, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var notFollowed []string
	for _, w := range c.Warnings {
		if w.Kind == "Astro route not followed" {
			notFollowed = append(notFollowed, w.File)
		}
	}
	if len(notFollowed) != 1 || !strings.Contains(notFollowed[0], "other") {
		t.Errorf("routes said not followed: %v, want other/[...slug]/index.astro alone", notFollowed)
	}
}
