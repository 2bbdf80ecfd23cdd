package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Astro site that builds MDX (@astrojs/mdx among its integrations)
// has its .mdx entries served as their Markdown: the import and export
// statements left out, a component's text kept (a link's component a
// link, a titled one its title), expressions left out but a string
// literal's text, code as it is; what is left out is named in warnings.
// A site without the integration, whose .mdx Astro does not build, has
// none of them served.
func TestAstroMDXServed(t *testing.T) {
	post := "---\ntitle: MDXの記事\ndate: 2025-03-04\n---\n" +
		"import Card from '../../components/Card.astro';\n" +
		"import {\n  Aside,\n  Tabs,\n} from '@astrojs/starlight/components';\n" +
		"export const meta = {\n  secret: 'ESMSECRET',\n};\n" +
		"\n" +
		"本文の最初の段落。\n" +
		"\n" +
		"importなどを少し端折っています。\n" +
		"\n" +
		"<Aside type=\"note\" title=\"注意書き\">\n" +
		"枠の中の文。\n" +
		"</Aside>\n" +
		"\n" +
		"詳しくは<AffLink url=\"https://example.com/shop\">お店のページ</AffLink>を見てください。\n" +
		"\n" +
		"<Card url=\"https://example.com/card\" />\n" +
		"\n" +
		"値は{props.hidden}で、文字は{\"そのまま\"}です。{/* コメント */}\n" +
		"\n" +
		"```ts\nimport { keep } from \"code\";\n<Kept prop={1} />\n```\n" +
		"\n" +
		"`{inline}`と<Widget client:load />の後の文。\n"
	files := func(config string) map[string]string {
		return map[string]string{
			"astro.config.mjs":             config,
			"src/content/blog/first.mdx":   post,
			"src/content/blog/second.md":   "---\ntitle: 普通の記事\ndate: 2025-03-01\n---\n普通の本文。\n",
			"src/pages/index.astro":        "---\n---\n<h1>home</h1>\n",
			"src/components/Card.astro":    "---\n---\n<a>card</a>\n",
			"src/content/blog/nested/x.md": "---\ntitle: nested\ndate: 2025-03-02\n---\n入れ子。\n",
		}
	}
	t.Run("with @astrojs/mdx", func(t *testing.T) {
		cfg := "import mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.org', integrations: [mdx()] });\n"
		dir := testfs.Write(t, files(cfg))
		d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
		crawl := servetest.Crawl(t, d, 200)
		page, body := "", ""
		for p, b := range crawl {
			if strings.HasPrefix(p, "gemini:") && strings.Contains(b, "本文の最初の段落。") && strings.Contains(b, "枠の中の文。") {
				page, body = p, b
			}
		}
		if page == "" {
			t.Fatalf("the .mdx post is served nowhere; pages: %v", keysOf(crawl))
		}
		for _, want := range []string{"importなどを少し端折っています。", "注意書き", "枠の中の文。", "=> https://example.com/shop", "お店のページ", "=> https://example.com/card", "そのまま", "import { keep } from \"code\";", "<Kept prop={1} />", "{inline}", "の後の文。"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q:\n%s", page, want, body)
			}
		}
		for _, not := range []string{"ESMSECRET", "import Card", "Tabs,", "<Aside", "</Aside>", "<AffLink", "<Card", "props.hidden", "コメント", "<Widget"} {
			if strings.Contains(body, not) {
				t.Errorf("%s serves %q:\n%s", page, not, body)
			}
		}
		gopher := false
		for p, b := range crawl {
			if strings.HasPrefix(p, "gopher:") && strings.Contains(b, "枠の中の文。") {
				gopher = true
				if strings.Contains(b, "ESMSECRET") || strings.Contains(b, "<Aside") {
					t.Errorf("gopher %s serves the MDX's code:\n%s", p, b)
				}
			}
		}
		if !gopher {
			t.Errorf("the .mdx post is not served on gopher; pages: %v", keysOf(crawl))
		}
		c, err := content.Load(dir, content.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]string{}
		for _, w := range c.Warnings {
			kinds[w.Kind] = w.Msg
		}
		if m := kinds["MDX component not rendered"]; !strings.Contains(m, "Aside") || !strings.Contains(m, "Widget") || !strings.Contains(m, "Card") {
			t.Errorf("component warning %q, want Aside, Card and Widget named; warnings: %v", m, c.Warnings)
		}
		if m := kinds["MDX expression dropped"]; !strings.Contains(m, "props.hidden") {
			t.Errorf("expression warning %q, want {props.hidden} named", m)
		}
		if _, ok := kinds["MDX not read"]; ok {
			t.Errorf("MDX not read, in a site that builds it: %v", c.Warnings)
		}
	})
	t.Run("without it", func(t *testing.T) {
		dir := testfs.Write(t, files("export default defineConfig({ site: 'https://example.org' });\n"))
		d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
		for p, b := range servetest.Crawl(t, d, 200) {
			if strings.Contains(b, "本文の最初の段落。") {
				t.Errorf("%s serves an .mdx entry Astro does not build:\n%s", p, b)
			}
		}
		c, err := content.Load(dir, content.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, w := range c.Warnings {
			found = found || w.Kind == "MDX not read"
		}
		if !found {
			t.Errorf("no warning of the .mdx left out: %v", c.Warnings)
		}
	})
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
