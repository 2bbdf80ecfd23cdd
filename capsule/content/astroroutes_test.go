package content

import (
	"fmt"
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
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("reading the configuration and 8 routes of a megabyte took %v", took)
	}
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
