package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
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
