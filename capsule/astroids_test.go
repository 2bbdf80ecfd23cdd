package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Astro collection whose glob loader's generateId names each entry
// by its front matter (homironi/homimemo's articles: generateId returns
// the front matter's id, parsed by the collection's schema) is
// published at its route's address of that id, /articles/<id>/, not at
// its file's name: that address redirects to the post on Gemini and
// serves it on Gopher, and the file name's, which capsule answered
// before, still does. The route reads the entries through a helper of
// src/lib whose module gets other collections too, and maps them with
// ({ id, data }) destructured, as homimemo's does. An entry without the
// key keeps its file's address, with a warning; a generateId of
// another shape is named in a warning, its entries' addresses as before.
func TestAstroGeneratedIDRedirects(t *testing.T) {
	route := func(helper, param string) string {
		return "---\nimport { render } from \"astro:content\";\nimport { " + helper + " } from \"@/lib/collection\";\n" +
			"export async function getStaticPaths() {\n  const entries = await " + helper + "();\n" +
			"  return Promise.all(entries.map(async ({ id, data }) => {\n    return { params: { " + param + " }, props: { data } };\n  }));\n}\n---\n<Content />\n"
	}
	dir := testfs.Write(t, map[string]string{
		"astro.config.mjs": "export default defineConfig({ site: 'https://example.org' });\n",
		"tsconfig.json":    "{\"compilerOptions\": {\"paths\": {\"@/*\": [\"./src/*\"]}}}\n",
		"src/content.config.ts": "const articles = defineCollection({\n  loader: glob({\n    pattern: \"**/*.md\",\n    base: \"./_contents/articles\",\n" +
			"    // 記事のIDをentryのidとして扱う\n    generateId: ({ data }) => {\n      const valid = articleSchema.parse(data);\n      return valid.id;\n    },\n  }),\n});\n" +
			"const notes = defineCollection({\n  loader: glob({ pattern: \"**/*.md\", base: \"./_contents/notes\", generateId: ({ entry, data }) => String(data.slug ?? entry.replace(/\\.md$/, '')) }),\n});\n" +
			"const memos = defineCollection({\n  loader: glob({ pattern: \"**/*.md\", base: \"./_contents/memos\", generateId: ({ entry }) => path.basename(entry, path.extname(entry)) }),\n});\n" +
			"export const collections = { articles, notes, memos };\n",
		"src/lib/collection.ts": "import { getCollection } from \"astro:content\";\n" +
			"export function getAllArticles() {\n  return getCollection(\"articles\");\n}\n" +
			"export function getAllNotes() {\n  return getCollection(\"notes\");\n}\n" +
			"export function getAllMemos() {\n  return getCollection(\"memos\");\n}\n",
		"src/pages/articles/[id]/index.astro":  route("getAllArticles", "id"),
		"src/pages/notes/[...slug].astro":      route("getAllNotes", "slug: id"),
		"src/pages/memos/[id].astro":           route("getAllMemos", "id"),
		"_contents/articles/20250525161137.md": "---\nid: qnhckrrtrx8xv662s0ox840y\ntitle: サイト開設\ndate: 2023-08-22\n---\nARTICLETEXT\n",
		"_contents/articles/20250601000000.md": "---\ntitle: IDなし\ndate: 2023-09-01\n---\nNOIDTEXT\n",
		"_contents/notes/first.md":             "---\nslug: hello/world\ntitle: Note\ndate: 2024-01-01\n---\nSLUGTEXT\n",
		"_contents/notes/Second-Note.md":       "---\ntitle: Note 2\ndate: 2024-01-02\n---\nFALLBACKTEXT\n",
		"_contents/memos/Memo.md":              "---\ntitle: Memo\ndate: 2024-02-01\n---\nMEMOTEXT\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	for _, c := range []struct{ addr, text string }{
		{"/articles/qnhckrrtrx8xv662s0ox840y/", "ARTICLETEXT"},
		{"/articles/20250525161137/", "ARTICLETEXT"}, // the file's name, answered before
		{"/articles/20250601000000/", "NOIDTEXT"},
		{"/notes/hello/world/", "SLUGTEXT"},
		{"/notes/Second-Note/", "FALLBACKTEXT"}, // entry.replace: the file's path, its case kept
		{"/memos/memo/", "MEMOTEXT"},            // a generateId not read: as before
	} {
		st, meta, _ := servetest.GeminiGet(t, d, c.addr)
		if st != gemini.StatusRedirect && st != gemini.StatusPermanentRedirect {
			t.Errorf("gemini %s: %d %q, want a redirect to the post", c.addr, st, meta)
			continue
		}
		u, err := url.Parse(meta)
		if err != nil {
			t.Fatal(err)
		}
		if st, _, body := servetest.GeminiGet(t, d, u.Path); st != gemini.StatusSuccess || !strings.Contains(body, c.text) {
			t.Errorf("gemini %s redirects to %s: %d, not the post:\n%s", c.addr, meta, st, body)
		}
		if body := servetest.GopherGet(t, d, c.addr+"\r\n"); !strings.Contains(body, c.text) {
			t.Errorf("gopher %s does not serve the post:\n%.300s", c.addr, body)
		}
	}
	c, err := content.Load(dir, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var unknown, unread int
	for _, w := range c.Warnings {
		switch {
		case w.Kind == "Astro id unknown":
			unknown++
			if !strings.HasSuffix(w.File, "20250601000000.md") || !strings.Contains(w.Msg, "src/content.config.ts") || !strings.Contains(w.Msg, " id") {
				t.Errorf("warning %s: %s, want the post without id, the configuration and the key named", w.File, w.Msg)
			}
		case w.Kind == "Astro id not read":
			unread++
			if !strings.HasSuffix(w.File, "content.config.ts") || !strings.Contains(w.Msg, "memos") {
				t.Errorf("warning %s: %s, want the configuration and the collection named", w.File, w.Msg)
			}
		case strings.Contains(w.Msg, `"id"`):
			t.Errorf("warning %s: %s: the key generateId reads is no unknown key", w.File, w.Msg)
		}
	}
	if unknown != 1 || unread != 1 {
		t.Errorf("%d warnings of a post without its id (want 1), %d of a generateId not read (want 1): %v", unknown, unread, c.Warnings)
	}
}
