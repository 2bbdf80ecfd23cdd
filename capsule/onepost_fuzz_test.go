package capsule

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"capsule/capsule/content"
)

// onePostSites are the folders FuzzOnePostBlog puts a post in: capsule's
// own, and a Hugo, Jekyll, Hexo, FixIt, Eleventy and Astro site's, whose
// readers differ (shortcodes, Liquid, Hexo's tags, a theme's syntax,
// Nunjucks, MDX, front matter defaults).
var onePostSites = []struct {
	files map[string]string
	post  string
}{
	{map[string]string{"_index.md": "+++\ntitle = \"t\"\n+++\n"}, "post.md"},
	{map[string]string{"hugo.toml": "title = \"t\"\nlanguageCode = \"ja\"\n"}, "content/posts/post.md"},
	{map[string]string{"_config.yml": "title: t\nlang: ja\n"}, "_posts/2024-05-01-post.md"},
	{map[string]string{"_config.yml": "title: t\nlanguage: ja\n", "package.json": `{"dependencies": {"hexo": "^7.0.0"}}`}, "source/_posts/post.md"},
	// FixIt's Markdown: its alerts, icons and escapes.
	{map[string]string{"hugo.toml": "title = \"t\"\ntheme = \"FixIt\"\n"}, "content/posts/post.md"},
	// Eleventy's: Nunjucks in Markdown, and a page in Nunjucks alone.
	{map[string]string{".eleventy.js": "module.exports = function (c) {\n  return { markdownTemplateEngine: \"njk\", dir: { input: \"src\" } };\n};\n"}, "src/posts/post.md"},
	{map[string]string{".eleventy.js": "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n"}, "src/about.njk"},
	// Astro's MDX: imports, components and expressions over several
	// lines, and indentation that is no code.
	{map[string]string{"astro.config.mjs": "import mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.org', integrations: [mdx()] });\n",
		"src/pages/index.astro": "---\n---\n<h1>home</h1>\n"}, "src/content/blog/post.mdx"},
}

// FuzzOnePostBlog holds a blog of one post, whatever the post's bytes, in
// each kind of folder, to what readers and operators are promised: the
// load and the build end (no panic); every Gemini response has a header
// a client takes (two digits, a space, a meta of at most 1024 bytes of
// UTF-8, CRLF) and a text/gemini body in UTF-8; every Gopher response is
// UTF-8; and what the Store holds is bounded by the post's size.
func FuzzOnePostBlog(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: 京都\ndate: 2024-05-01\ntags: [旅, 日記]\n---\n\n本文。[リンク](https://example.org/)\n\n> [!NOTE]\n> 注記\n",
		"+++\ntitle = \"a\"\ndate = 2024-05-01\n+++\n{{< figure src=\"/a.png\" caption=\"猫\" >}}\n```go\nx\n```\n",
		"---\ntitle: b\n---\n{% highlight ruby %}\nx\n{% endhighlight %}\n{{ site.title }} {% post_url 2024-05-01-post %}\n",
		"---\ntitle: c\n---\n{% asset_img a.png 猫 %}\n{% math %}\na\\\\b\n{% endmath %}\n<!-- more -->\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"---\ntitle: d\nslug: ../x\naliases: [/old/]\n---\n:(fas fa-check): {?:}(x): <script>x</script><img src=x>\n> [!TIP]+ 題\n> 本文\n",
		"---\ntitle: f\n---\n{% capture fig %}![猫](/a.png){% endcapture %}{% assign t = \"x\" | upcase %}{% include figure.html image=fig %}{{ fig }}{{ t | remove: 'X' }}\n",
		"---\ntitle: g\ndate: 2024-05-01\n---\nimport Card from '../Card.astro';\n\n<Card\n  title=\"題\"\n  href={url}\n/>\n\n    ## 見出し\n      - 項目\n\n      ```go\n        x\n      ```\n{\n  props.x\n}\n",
		"---\ntitle: h\ncategories: [a]\n---\n{% assign xs = site.posts | where_exp: \"p\", \"p.categories contains 'a'\" | limit: 2 %}{% if xs.size > 0 and page.title == \"h\" %}有{% elsif site.title contains \"t\" %}題{% else %}無{% endif %}\n{% unless page.categories == empty %}x{% endunless %}{% case page.title %}{% when \"h\", \"i\" %}h{% else %}-{% endcase %}\n",
		"---\ntitle: e\ntemplateEngineOverride: njk\n---\n<h1>{{ title }}</h1>\n# not a heading [x](y)\n{% for p in collections.all %}{{ p }}{% endfor %}\n",
	} {
		for i := range onePostSites {
			f.Add(uint8(i), []byte(seed))
		}
	}
	f.Fuzz(func(t *testing.T, kind uint8, post []byte) {
		if len(post) > 8<<10 {
			return
		}
		site := onePostSites[int(kind)%len(onePostSites)]
		dir := t.TempDir()
		for name, text := range site.files {
			writeFuzzFile(t, filepath.Join(dir, name), []byte(text))
		}
		writeFuzzFile(t, filepath.Join(dir, site.post), post)
		c, err := content.Load(dir, content.LoadOptions{Settle: -1})
		if err != nil {
			return // a folder-level problem (its configuration is fixed text: none expected, but not this test's)
		}
		st, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{})
		if err != nil {
			return
		}
		var held int
		for path, r := range st.gemini {
			raw := r.Bytes()
			held += len(raw)
			end := bytes.Index(raw, []byte("\r\n"))
			switch {
			case end < 2 || raw[0] < '1' || raw[0] > '6' || raw[1] < '0' || raw[1] > '9':
				t.Fatalf("%s: header %.80q", path, raw)
			case end > 3+1024 || (end > 2 && raw[2] != ' '):
				t.Fatalf("%s: header of %d bytes: %.80q", path, end, raw)
			case !utf8.Valid(raw[:end]):
				t.Fatalf("%s: header not UTF-8: %q", path, raw[:end])
			case r.Status == 20 && bytes.HasPrefix([]byte(r.Meta), []byte("text/gemini")) && !utf8.Valid(raw[end:]):
				t.Fatalf("%s: body not UTF-8", path)
			}
		}
		for sel, b := range st.gopher {
			held += len(b)
			if !utf8.Valid(b) {
				t.Fatalf("gopher %q: not UTF-8", sel)
			}
		}
		// What the sites' own pages take, with no post, and what a post
		// may make of each of its bytes (its page on both protocols, the
		// lists and feeds that quote it, its search text).
		if limit := 64<<10 + 64*len(post); held > limit {
			t.Fatalf("%d bytes held for a post of %d (limit %d)", held, len(post), limit)
		}
	})
}

func writeFuzzFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
