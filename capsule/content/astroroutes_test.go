package content

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// An Astro post's address on the web site is where the dynamic route of
// src/pages that serves its collection puts it, not its collection's
// folder: akagenorobin's posts collection is served by
// src/pages/post/[...slug].astro at /post/<id>/ (and in English by
// en/post/), AstroPaper's blog (src/data/blog) by
// posts/[...slug]/index.astro at /posts/<slug>/ under its base /blog/.
// capsule redirected only /posts/<id>/ and /<slug>/, addresses Astro
// never wrote. A route whose parameter is not plainly the entry's id
// leaves the address as it was.
func TestAstroRouteAddress(t *testing.T) {
	routeOf := func(collection, param string) string {
		return "---\nimport { getCollection } from 'astro:content';\nexport const getStaticPaths = async () => {\n" +
			"  const posts = await getCollection('" + collection + "');\n" +
			"  return posts.map((post) => ({ params: { slug: " + param + " }, props: { post } }));\n};\n---\n<Post />\n"
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"route of another folder, and a language's", map[string]string{
			"astro.config.mjs":                        "export default defineConfig({ site: 'https://example.github.io', i18n: { defaultLocale: 'ja', locales: ['ja', 'en'] } });\n",
			"src/content.config.ts":                   "const posts = defineCollection({ loader: glob({ pattern: '*/index.md', base: './src/content/posts' }) });\nexport const collections = { posts };\n",
			"src/content/posts/2019-07-12/index.md":   "---\ntitle: 参加記\ndate: 2019-07-12\n---\n本文。\n",
			"src/pages/post/[...slug].astro":          routeOf("posts", "post.id"),
			"src/pages/en/post/[...slug].astro":       routeOf("posts", "post.id"),
			"src/pages/index.astro":                   "---\n---\n<Home />\n",
			"src/pages/_drafts/post/[...slug].astro":  routeOf("posts", "post.id"),
			"src/pages/tags/[tag]/[...slug].astro":    routeOf("posts", "post.id"),
			"src/content/posts/2019-07-12/figure.png": "PNG",
		}, []string{"/post/2019-07-12/", "/en/post/2019-07-12/"}},
		{"AstroPaper: a constant's folder, getPath, base", map[string]string{
			"astro.config.mjs":                       "export default defineConfig({\n  site: SITE.website,\n  base: '/blog/',\n});\n",
			"src/content.config.ts":                  "export const BLOG_PATH = \"src/data/blog\";\nconst blog = defineCollection({\n  loader: glob({ pattern: \"**/[^_]*.md\", base: `./${BLOG_PATH}` }),\n});\nexport const collections = { blog };\n",
			"src/data/blog/hello-world.md":           "---\ntitle: Hello\npubDatetime: 2025-01-01T00:00:00Z\n---\nHello.\n",
			"src/pages/posts/[...slug]/index.astro":  routeOf("blog", "getPath(post.id, post.filePath, false)"),
			"src/pages/posts/[...page].astro":        "---\nexport async function getStaticPaths({ paginate }) {\n  const posts = await getCollection(\"blog\");\n  return paginate(posts, { pageSize: 4 });\n}\n---\n",
			"src/pages/posts/[...slug]/index.png.ts": "export async function getStaticPaths() {}\n",
			"src/pages/about.md":                     "---\ntitle: About\n---\nAbout.\n",
		}, []string{"/blog/posts/hello-world/"}},
		{"a parameter computed: unchanged", map[string]string{
			"astro.config.mjs":                   "export default defineConfig({});\n",
			"src/content/config.ts":              "const blog = defineCollection({ schema: z.object({}) });\nexport const collections = { 'blog': blog };\n",
			"src/content/blog/first.md":          "---\ntitle: First\ndate: 2024-01-01\n---\nText.\n",
			"src/pages/articles/[...slug].astro": routeOf("blog", "post.data.path.replace('x', '')"),
		}, []string{"/blog/first/"}},
		{"legacy collection, slug, no loader", map[string]string{
			"astro.config.mjs":               "export default defineConfig({ build: { format: 'file' } });\n",
			"src/content/config.ts":          "const blog = defineCollection({ type: 'content' });\nexport const collections = { blog: blog };\n",
			"src/content/blog/first.md":      "---\ntitle: First\ndate: 2024-01-01\n---\nText.\n",
			"src/pages/writing/[slug].astro": routeOf("blog", "entry.slug"),
		}, []string{"/writing/first.html"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			site, err := loadStrict(testfs.Write(t, c.files), LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			if len(site.Posts) != 1 {
				t.Fatalf("%d posts, want 1 (%s)", len(site.Posts), site.Layout)
			}
			if got := site.Posts[0].Addresses; !slices.Equal(got, c.want) {
				t.Errorf("addresses %q, want %q", got, c.want)
			}
		})
	}
}

// A content configuration's and a route's text are read at every load,
// and may be a megabyte each: what capsule makes of them takes time in
// their size, not its square. A glob's base of thousands of ${…} looked
// each constant up by a scan of the whole file (10,000 of them, 40 KB,
// took seconds, a megabyte of them an hour); a route file calling
// getCollection on thousands of names asked each of all the others (1.5 s
// for a megabyte of them, at each such file).
func TestAstroConfigurationsReadInTheirSize(t *testing.T) {
	var base, route strings.Builder
	base.WriteString("const blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: `")
	for range 10000 {
		base.WriteString("${A}")
	}
	base.WriteString("` }) });\nexport const collections = { blog };\nexport const A = \"x\";\n")
	for i := 0; route.Len() < 1<<20-64; i++ {
		fmt.Fprintf(&route, "getCollection('c%d');\n", i)
	}
	files := map[string]string{
		"src/content.config.ts":     base.String(),
		"src/content/blog/hello.md": "---\ntitle: Hello\n---\ntext\n",
	}
	for i := range 8 {
		files[fmt.Sprintf("src/pages/r%d/[slug].astro", i)] = route.String()
	}
	dir := testfs.Write(t, files)
	start := time.Now()
	astroGlobBase(dir)
	astroRoutes(dir, "src/content", nil)
	hangGuard(t, start, "reading the configuration and 8 routes of a megabyte")
}

// A glob's base with a constant put in many times, each a long string,
// names no folder: it is not made (${A} 5,000 times, A of 100 KB, made
// 500 MB; a megabyte's configuration could ask for gigabytes).
func TestAstroGlobBaseOfLongConstantsIsNotMade(t *testing.T) {
	var cfg strings.Builder
	cfg.WriteString("export const A = \"" + strings.Repeat("a", 100<<10) + "\";\n")
	cfg.WriteString("const blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: `")
	for range 5000 {
		cfg.WriteString("${A}")
	}
	cfg.WriteString("` }) });\nexport const collections = { blog };\n")
	src := []byte(cfg.String())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var got string
	for _, m := range astroGlobPattern.FindAllSubmatch(src, -1) {
		got += astroGlobBaseValue(&jsConsts{src: src}, m)
	}
	runtime.ReadMemStats(&after)
	if got != "" {
		t.Errorf("a base of %d bytes was taken for a folder", len(got))
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
		t.Errorf("reading the base allocated %d MiB", n>>20)
	}
}

// A route with more than one parameter, or a language's, is followed
// when getStaticPaths gives each a value read from the entry without
// running it: kenfdev-blog's [lang]/posts/[slug].astro (lang from the
// front matter, slug from a helper of the id), machu/diary's
// posts/[date]/[part].astro (the last part of the slug cut in two, its
// collection reached through an imported getAllPosts), Astro's i18n
// recipe ([lang]/blog/[...slug] of the id's folders). capsule redirected
// only the collection folder's addresses, which Astro never wrote.
func TestAstroRouteParameters(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  map[string][]string // by the post's file, from the site's root
		warn  string              // a warning's file, when one is wanted
	}{
		{"language from the front matter, slug from a helper", map[string]string{
			"astro.config.mjs":                    "export default defineConfig({ site: 'https://blog.example', trailingSlash: 'always' });\n",
			"src/content/config.ts":               "const postsCollection = defineCollection({ type: 'content' });\nexport const collections = {\n  posts: postsCollection,\n};\n",
			"src/content/posts/alpha/index.ja.md": "---\ntitle: アルファ\ndate: 2025-01-01\nlang: ja\n---\n本文。\n",
			"src/content/posts/alpha/index.en.md": "---\ntitle: Alpha\ndate: 2025-01-01\nlang: en\n---\nText.\n",
			"src/content/posts/beta-3f0a.en.md":   "---\ntitle: Beta\ndate: 2025-01-02\nlang: en\n---\nText.\n",
			"src/lib/i18n.ts":                     "export function getSlugFromId(id: string): string { return id; }\n",
			"src/pages/[lang]/posts/[slug].astro": "---\nimport { getCollection } from 'astro:content';\nimport { getSlugFromId } from '@/lib/i18n';\n\nexport async function getStaticPaths() {\n  const posts = await getCollection('posts');\n\n  return posts.map((post) => {\n    const slug = getSlugFromId(post.id);\n    return {\n      params: {\n        lang: post.data.lang,\n        slug: slug,\n      },\n      props: { post, slug },\n    };\n  });\n}\nconst { post, slug } = Astro.props;\nconst { Content } = await post.render();\n---\n<Content />\n",
			"src/pages/[lang]/posts/index.astro":  "---\nexport function getStaticPaths() { return ['ja', 'en'].map((lang) => ({ params: { lang } })); }\n---\n",
		}, map[string][]string{
			"src/content/posts/alpha/index.ja.md": {"/ja/posts/alpha/"},
			"src/content/posts/alpha/index.en.md": {"/en/posts/alpha/"},
			"src/content/posts/beta-3f0a.en.md":   {"/en/posts/beta-3f0a/"},
		}, ""},
		{"date and part cut from the slug, collection through a helper", map[string]string{
			"astro.config.mjs":                      "export default defineConfig({});\n",
			"tsconfig.json":                         "{\"compilerOptions\": {\"baseUrl\": \".\", \"paths\": {\"@/*\": [\"src/*\"]}}}\n",
			"src/content.config.ts":                 "const postCollection = defineCollection({\n  type: \"content\",\n});\n\nexport const collections = { posts: postCollection };\n",
			"src/content/posts/2004/20040927p03.md": "---\ntitle: 日記\ndate: 2004-09-27\n---\n本文。\n",
			"src/content/posts/2004/20040928p01.md": "---\ntitle: 翌日\ndate: 2004-09-28\n---\n[前日](/posts/20040927/p03)\n",
			"src/lib/posts.ts":                      "import { getCollection } from \"astro:content\";\nexport async function getAllPosts() {\n  return getCollection(\"posts\", (p) => !p.data.draft);\n}\n",
			"src/pages/posts/[date]/[part].astro":   "---\nimport { getAllPosts, type PostEntry } from \"@/lib/posts\";\nimport { buildEntryUrl } from \"@/lib/dates\";\n\nexport async function getStaticPaths() {\n  const all = await getAllPosts();\n  return all.map((entry) => {\n    const slug = entry.slug.split(\"/\").pop()!; // e.g. 20040927p03\n    const date = slug.slice(0, 8);\n    const part = slug.slice(8) // pNN, no semicolon\n    return {\n      params: { date, // YYYYMMDD\n part },\n      props: { entry },\n    };\n  });\n}\nconst { entry } = Astro.props;\nconst { Content } = await entry.render();\n---\n<Content />\n",
			"src/pages/posts/[date].astro":          "---\nimport { getAllPosts } from \"@/lib/posts\";\nexport async function getStaticPaths() {\n  const byDate = groupByDateYmd(await getAllPosts());\n  return Array.from(byDate.entries()).map(([date, list]) => ({\n    params: { date },\n    props: { posts: list },\n  }));\n}\n---\n",
		}, map[string][]string{
			"src/content/posts/2004/20040927p03.md": {"/posts/20040927/p03/"},
			"src/content/posts/2004/20040928p01.md": {"/posts/20040928/p01/"},
		}, ""},
		{"language from the id's first folder", map[string]string{
			"astro.config.mjs":                      "export default defineConfig({});\n",
			"src/content.config.ts":                 "const blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/blog' }) });\nexport const collections = { blog };\n",
			"src/content/blog/en/post-1.md":         "---\ntitle: One\ndate: 2024-01-01\n---\nText.\n",
			"src/content/blog/fr/notes/post-2.md":   "---\ntitle: Deux\ndate: 2024-01-02\n---\nTexte.\n",
			"src/pages/[lang]/blog/[...slug].astro": "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  const pages = await getCollection('blog');\n  return pages.map((page) => {\n    const [lang, ...slug] = page.id.split('/');\n    return { params: { lang, slug: slug.join('/') || undefined }, props: page };\n  });\n}\nconst { Content } = await render(Astro.props);\n---\n<Content />\n",
		}, map[string][]string{
			"src/content/blog/en/post-1.md":       {"/en/blog/post-1/"},
			"src/content/blog/fr/notes/post-2.md": {"/fr/blog/notes/post-2/"},
		}, ""},
		{"a route per language, its entries by the id's start, the language cut by replace", map[string]string{
			"astro.config.mjs":                    "export default defineConfig({ i18n: { defaultLocale: 'ja', locales: ['ja', 'en'], routing: { prefixDefaultLocale: true } } });\n",
			"src/content/config.ts":               "const blogCollection = defineCollection({ type: 'content' });\nexport const collections = {\n  blog: blogCollection,\n};\n",
			"src/content/blog/ja/sample-post.md":  "---\ntitle: サンプル\npubDate: 2025-01-01\n---\n本文。\n",
			"src/content/blog/en/sample-post.md":  "---\ntitle: Sample\npubDate: 2025-01-01\n---\nText.\n",
			"src/content/blog/en/notes/second.md": "---\ntitle: Second\npubDate: 2025-01-02\n---\nText.\n",
			"src/pages/ja/blog/[...slug].astro":   "---\nimport { getCollection, render, type CollectionEntry } from 'astro:content';\n\nexport async function getStaticPaths() {\n  const posts = await getCollection('blog', ({ id }: { id: string }) => id.startsWith('ja/'));\n  return posts.map((post) => ({\n    params: { slug: post.slug.replace('ja/', '') },\n    props: { post },\n  }));\n}\nconst { Content } = await render(Astro.props.post);\n---\n<Content />\n",
			"src/pages/en/blog/[...slug].astro":   "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection(\"blog\", (post) => post.id.startsWith(\"en/\"));\n  return posts.map((post) => ({ params: { slug: post.id.replace(\"en/\", \"\") }, props: { post } }));\n}\nconst { Content } = await render(Astro.props.post);\n---\n<Content />\n",
		}, map[string][]string{
			"src/content/blog/ja/sample-post.md":  {"/ja/blog/sample-post/"},
			"src/content/blog/en/sample-post.md":  {"/en/blog/sample-post/"},
			"src/content/blog/en/notes/second.md": {"/en/blog/notes/second/"},
		}, ""},
		{"entries filtered after the call, the language cut by a regular expression, a literal language", map[string]string{
			"astro.config.mjs":                      "export default defineConfig({ i18n: { defaultLocale: 'en', locales: ['en', 'pt-br'] } });\n",
			"src/content.config.ts":                 "const blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/blog' }) });\nexport const collections = { blog };\n",
			"src/content/blog/en/artist.md":         "---\ntitle: Artist\npubDate: 2026-02-12\n---\nText.\n",
			"src/content/blog/pt-br/artist.md":      "---\ntitle: Artista\npubDate: 2026-02-12\n---\nTexto.\n",
			"src/pages/blog/[...slug].astro":        "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n\tconst posts = await getCollection('blog');\n    const enPosts = posts.filter(p => p.id.startsWith('en/')); // English\n\treturn enPosts.map((post) => ({\n\t\tparams: { slug: post.id.replace(/^en\\//, '') }, // no \"en/\"\n\t\tprops: post,\n\t}));\n}\nconst { Content } = await render(Astro.props);\n---\n<Content />\n",
			"src/pages/[lang]/blog/[...slug].astro": "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n\tconst posts = await getCollection('blog');\n    const ptPosts = posts.filter(p => p.id.startsWith('pt-br/'));\n\treturn ptPosts.map((post) => ({\n\t\tparams: { lang: 'pt-br', slug: post.id.replace(/^pt-br\\//, '') },\n\t\tprops: post,\n\t}));\n}\nconst { Content } = await render(Astro.props);\n---\n<Content />\n",
		}, map[string][]string{
			"src/content/blog/en/artist.md":    {"/blog/artist/"},
			"src/content/blog/pt-br/artist.md": {"/pt-br/blog/artist/"},
		}, ""},
		{"the default language's entries as those whose id does not start with another's", map[string]string{
			"astro.config.mjs":                  "export default defineConfig({ i18n: { defaultLocale: 'en', locales: ['en', 'fr'] } });\n",
			"src/content/config.ts":             "const blog = defineCollection({ type: 'content' });\nexport const collections = { blog };\n",
			"src/content/blog/hello.md":         "---\ntitle: Hello\ndate: 2024-01-01\n---\nText.\n",
			"src/content/blog/fr/bonjour.md":    "---\ntitle: Bonjour\ndate: 2024-01-01\n---\nTexte.\n",
			"src/pages/blog/[...slug].astro":    "---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('blog', ({ id }) => {\n    return !id.startsWith(\"fr/\");\n  });\n  return posts.map((post) => ({ params: { slug: post.slug }, props: { post } }));\n}\nconst { Content } = await Astro.props.post.render();\n---\n<Content />\n",
			"src/pages/fr/blog/[...slug].astro": "---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('blog', ({ id }) => {\n    return id.startsWith(\"fr/\");\n  });\n  return posts.map((post) => ({ params: { slug: post.slug.replace(\"fr/\", \"\") }, props: { post } }));\n}\nconst { Content } = await Astro.props.post.render();\n---\n<Content />\n",
		}, map[string][]string{
			"src/content/blog/hello.md":      {"/blog/hello/"},
			"src/content/blog/fr/bonjour.md": {"/fr/blog/bonjour/"},
		}, ""},
		{"entries taken by two starts: unchanged, said", map[string]string{
			"astro.config.mjs":                "export default defineConfig({});\n",
			"src/content/config.ts":           "const blog = defineCollection({ type: 'content' });\nexport const collections = { blog };\n",
			"src/content/blog/notes/first.md": "---\ntitle: First\ndate: 2024-01-01\n---\nText.\n",
			"src/pages/n/[...slug].astro":     "---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('blog', ({ id }) => id.startsWith('notes/') || id.startsWith('misc/'));\n  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));\n}\nconst { Content } = await Astro.props.post.render();\n---\n<Content />\n",
		}, map[string][]string{
			"src/content/blog/notes/first.md": {"/blog/notes/first/"},
		}, "src/pages/n/[...slug].astro"},
		{"AstroWind's post route under a locale: unchanged, said", map[string]string{
			"astro.config.ts":                          "export default defineConfig({ integrations: [astrowind({ config: './src/config.yaml' })] });\n",
			"src/config.yaml":                          "apps:\n  blog:\n    isEnabled: true\n    post:\n      permalink: '/%slug%'\n",
			"src/content.config.ts":                    "const postCollection = defineCollection({ loader: glob({ pattern: ['**/*.md'], base: 'src/data/post' }) });\nexport const collections = { post: postCollection };\n",
			"src/utils/blog.ts":                        "import { getCollection } from 'astro:content';\nconst load = async () => await getCollection('post');\n",
			"src/pages/[locale]/[...blog]/index.astro": "---\nimport { getStaticPathsBlogPost } from '~/utils/blog';\nexport const getStaticPaths = (async () => {\n  return await getStaticPathsBlogPost();\n});\n---\n<SinglePost post={Astro.props.post} />\n",
			"tsconfig.json":                            "{\"compilerOptions\": {\"baseUrl\": \".\", \"paths\": {\"~/*\": [\"src/*\"]}}}\n",
			"src/data/post/first-post.md":              "---\npublishDate: 2023-08-12\ntitle: First\n---\nText.\n",
		}, map[string][]string{
			"src/data/post/first-post.md": {"/first-post/"},
		}, "src/pages/[locale]/[...blog]/index.astro"},
		{"a parameter computed otherwise: unchanged, said", map[string]string{
			"astro.config.mjs":              "export default defineConfig({});\n",
			"src/content/config.ts":         "const blog = defineCollection({ type: 'content' });\nexport const collections = { blog };\n",
			"src/content/blog/first.md":     "---\ntitle: First\ndate: 2024-01-01\n---\nText.\n",
			"src/pages/[year]/[slug].astro": "---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('blog');\n  return posts.map((post) => ({ params: { year: String(post.data.date.getFullYear()), slug: post.slug }, props: { post } }));\n}\nconst { Content } = await Astro.props.post.render();\n---\n<Content />\n",
			"src/pages/tags/[tag].astro":    "---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('blog');\n  return posts.flatMap((post) => post.data.tags.map((tag) => ({ params: { tag } })));\n}\n---\n",
		}, map[string][]string{
			"src/content/blog/first.md": {"/blog/first/"},
		}, "src/pages/[year]/[slug].astro"},
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
			}
			var warned []string
			for _, w := range site.Warnings {
				if w.Kind == "Astro route not followed" {
					warned = append(warned, strings.TrimPrefix(filepath.ToSlash(w.File), filepath.ToSlash(dir)+"/"))
				}
			}
			if want := []string{c.warn}; c.warn == "" && len(warned) > 0 || c.warn != "" && !slices.Equal(warned, want) {
				t.Errorf("routes said not followed: %q, want %q", warned, c.warn)
			}
		})
	}
}

// A route file read for its parameters may be a megabyte of what the
// scan looks for: imports of local modules (at most astroMaxModules are
// opened), constants and destructurings of the parameter's name (one
// binding is followed, astroMaxBindings deep). Such a route is not
// followed; what reading it costs is BenchmarkAstroRouteParametersOfAMegabyte's
// to say (8 of them in 0.4 s on the development machine), not a timed test's.
func TestAstroRouteParametersReadInTheirSize(t *testing.T) {
	dir := megabyteRoutes(t)
	start := time.Now()
	if routes, _, _ := astroRoutes(dir, "src/content", nil); len(routes) != 0 {
		t.Errorf("a route whose parameter is bound many times was followed: %v", routes)
	}
	hangGuard(t, start, "reading 8 routes of a megabyte")
}

// hangGuard fails t if what began at start took more than a minute: not a
// measure of speed (benchmarks say that), but of a cost without bound,
// which such inputs once had (hours, for a scan quadratic in a file's
// size); a minute leaves room for a machine busy with other tests.
func hangGuard(t *testing.T, start time.Time, what string) {
	t.Helper()
	if took := time.Since(start); took > time.Minute {
		t.Errorf("%s took %v: a cost without bound?", what, took)
	}
}

func BenchmarkAstroRouteParametersOfAMegabyte(b *testing.B) {
	dir := megabyteRoutes(b)
	for b.Loop() {
		astroRoutes(dir, "src/content", nil)
	}
}

// megabyteRoutes writes an Astro site with 8 route files of a megabyte
// each, every line of them something the parameters' scan looks at.
func megabyteRoutes(t testing.TB) string {
	var route strings.Builder
	route.WriteString("---\nexport async function getStaticPaths() {\n  return posts.map((post) => ({ params: { slug } }));\n}\n")
	for i := 0; route.Len() < 1<<20-200; i++ {
		fmt.Fprintf(&route, "import { m%d } from './m%d';\nconst [slug, x%d] = slug.split('/');\nconst slug = post.id.slice(%d);\n", i, i, i, i%100)
	}
	route.WriteString("const { Content } = await render(post);\n---\n")
	files := map[string]string{
		"src/content.config.ts":     "const blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/blog' }) });\nexport const collections = { blog };\n",
		"src/content/blog/hello.md": "---\ntitle: Hello\n---\ntext\n",
	}
	for i := range 8 {
		files[fmt.Sprintf("src/pages/r%d/[slug].astro", i)] = route.String()
		files[fmt.Sprintf("src/pages/r%d/m%d.ts", i, i)] = "getCollection('blog')\n"
	}
	return testfs.Write(t, files)
}
