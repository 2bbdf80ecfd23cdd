package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Astro collection no page of src/pages takes entries of (a data
// collection a component shows inside the posts' pages) has no page on
// the web site: its entries are not served, said in one warning. The
// collections pages take, through a helper module's functions (of which
// the one that calls none takes none) or on a page of their own, are
// served.
func TestAstroUnroutedCollectionNotServed(t *testing.T) {
	files := map[string]string{
		"astro.config.mjs":                "export default defineConfig({ site: 'https://example.org' });\n",
		"src/content/config.ts":           "import { defineCollection } from 'astro:content';\nconst blog = defineCollection({});\nconst affiliates = defineCollection({});\nconst links = defineCollection({});\nexport const collections = { blog, affiliates, links };\n",
		"src/content/blog/a.md":           "---\ntitle: 最初の記事\ndate: 2025-01-02\n---\nBLOGTEXT 記事の本文。\n",
		"src/content/blog/b.md":           "---\ntitle: 二つ目\ndate: 2025-01-03\n---\n二つ目の本文。\n",
		"src/content/links/l.md":          "---\ntitle: リンク集\n---\nLINKSTEXT リンクの本文。\n",
		"src/content/affiliates/B0ABC.md": "---\ntitle: 商品A\n---\nAFFILIATETEXT 商品の紹介。\n",
		"src/content/affiliates/B0DEF.md": "---\ntitle: 商品B\n---\nAFFILIATETEXT 商品の紹介。\n",
		"src/lib/posts.ts":                "import { getCollection } from 'astro:content';\nexport async function getPosts() {\n  return getCollection('blog');\n}\nexport function byTag(posts, tag) {\n  return posts.filter((p) => p.data.tags.includes(tag));\n}\nexport async function getAffiliates() {\n  return getCollection('affiliates');\n}\n",
		"src/components/Affiliate.astro":  "---\nimport { getAffiliates } from '../lib/posts';\nconst all = await getAffiliates();\n---\n<div>{all.length}</div>\n",
		"src/pages/index.astro":           "---\nimport { getPosts } from '../lib/posts';\nconst posts = await getPosts();\n---\n<ul>{posts.map((p) => <li>{p.data.title}</li>)}</ul>\n",
		"src/pages/blog/[...slug].astro":  "---\nimport { getPosts, byTag } from '../../lib/posts';\nimport Affiliate from '../../components/Affiliate.astro';\nexport async function getStaticPaths() {\n  const posts = await getPosts();\n  return posts.map((post) => ({ params: { slug: post.id }, props: { post } }));\n}\nconst { post } = Astro.props;\nconst { Content } = await post.render();\n---\n<Content /><Affiliate />\n",
		"src/pages/links.astro":           "---\nimport { getCollection } from 'astro:content';\nconst links = await getCollection(\"links\");\n---\n{links.map((l) => <p>{l.data.title}</p>)}\n",
	}
	dir := testfs.Write(t, files)
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	crawl := servetest.Crawl(t, d, 200)
	found := map[string]bool{}
	for p, b := range crawl {
		for _, s := range []string{"BLOGTEXT", "LINKSTEXT", "AFFILIATETEXT"} {
			if strings.Contains(b, s) {
				found[s] = true
			}
		}
		if strings.Contains(b, "AFFILIATETEXT") || strings.Contains(b, "商品A") {
			t.Errorf("%s serves the unpublished collection's entry:\n%s", p, b)
		}
	}
	if !found["BLOGTEXT"] || !found["LINKSTEXT"] {
		t.Errorf("the published collections are not all served (%v); pages: %v", found, keysOf(crawl))
	}
	for _, addr := range []string{"/affiliates/B0ABC.gmi", "/affiliates/b0abc/", "/B0ABC.gmi", "/affiliates/"} {
		if st, meta, body := servetest.GeminiGet(t, d, addr); st == 20 && strings.Contains(body, "AFFILIATETEXT") || st == 30 || st == 31 {
			t.Errorf("%s answers %d %s", addr, st, meta)
		}
	}
	c, err := content.Load(dir, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range c.Warnings {
		if w.Kind == "Astro collection not published" {
			n++
			if !strings.Contains(w.Msg, `"affiliates"`) || !strings.Contains(w.Msg, "2 files") {
				t.Errorf("warning %q, want the collection and its 2 files named", w.Msg)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d warnings of the collection left out, want 1: %v", n, c.Warnings)
	}
}

// A folder of src/content the content configuration defines no
// collection of (Tetsu-is' src/content/private beside its blog, Astro
// 4): Astro makes it a collection of its name all the same, and no page
// taking it, the web site publishes none of its entries; neither does
// the capsule, on either protocol. One a page imports an entry of
// (import { Content } from "../content/notes/n.md") is shown there, and
// served.
func TestAstroUndefinedFolderNotPublished(t *testing.T) {
	files := map[string]string{
		"astro.config.mjs":               "export default defineConfig({ site: 'https://example.org' });\n",
		"src/content/config.ts":          "import { defineCollection, z } from 'astro:content';\nconst blog = defineCollection({ type: 'content', schema: z.object({ title: z.string() }) });\nexport const collections = { blog };\n",
		"src/content/blog/a.md":          "---\ntitle: Published\npubDate: 2024-09-01\n---\nBLOGTEXT the published post.\n",
		"src/content/private/p.md":       "---\ntitle: Kept back\npubDate: 2024-09-02\n---\nPRIVATETEXT a post kept off the site.\n",
		"src/content/notes/n.md":         "---\ntitle: Note\npubDate: 2024-09-03\n---\nNOTESTEXT shown on the about page.\n",
		"src/pages/blog/[...slug].astro": "---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  const posts = await getCollection('blog');\n  return posts.map((post) => ({ params: { slug: post.slug }, props: post }));\n}\nconst post = Astro.props;\nconst { Content } = await post.render();\n---\n<Content />\n",
		"src/pages/about.astro":          "---\nimport { Content } from '../content/notes/n.md';\n---\n<Content />\n",
	}
	dir := testfs.Write(t, files)
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	crawl := servetest.Crawl(t, d, 200)
	found := map[string]bool{}
	for p, b := range crawl {
		for _, s := range []string{"BLOGTEXT", "NOTESTEXT"} {
			if strings.Contains(b, s) {
				found[s] = true
			}
		}
		if strings.Contains(b, "PRIVATETEXT") || strings.Contains(b, "Kept back") {
			t.Errorf("%s serves the unpublished folder's entry:\n%s", p, b)
		}
	}
	if !found["BLOGTEXT"] || !found["NOTESTEXT"] {
		t.Errorf("the published entries are not all served (%v); pages: %v", found, keysOf(crawl))
	}
	if st, meta, _ := servetest.GeminiGet(t, d, "/posts/p.gmi"); st == 20 || st == 30 || st == 31 {
		t.Errorf("/posts/p.gmi answers %d %s", st, meta)
	}
	if text := servetest.GopherGet(t, d, "/posts/p.txt\r\n"); strings.Contains(text, "PRIVATETEXT") {
		t.Errorf("gopher serves the unpublished entry:\n%s", text)
	}
	c, err := content.Load(dir, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range c.Warnings {
		if w.Kind == "Astro collection not published" {
			n++
			if !strings.Contains(w.Msg, `"private"`) {
				t.Errorf("warning %q, want the folder's collection named", w.Msg)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d warnings of a collection left out, want 1: %v", n, c.Warnings)
	}
}
