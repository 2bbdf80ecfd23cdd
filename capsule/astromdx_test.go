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

// Markdown indented inside an MDX component (a page's text four columns
// in, between <Prose> and </Prose>) is what MDX reads it as, which has
// no indented code blocks: headings, a list and its nested list, a
// paragraph; a fenced block indented as far stays code, its lines as the
// fence has them. A .md post of the same site keeps CommonMark's
// indented code.
func TestAstroMDXIndentedMarkdown(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"astro.config.mjs": "import mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.org', integrations: [mdx()] });\n",
		"src/pages/about.mdx": "---\ntitle: 自己紹介\n---\n" +
			"import Prose from '../components/Prose.astro';\n\n" +
			"<div class=\"wrap\">\n" +
			"    <Prose>\n" +
			"    ## 連絡先の見出し\n" +
			"      最初の段落の文。\n\n" +
			"    - メールの項目\n" +
			"    - 掲示板の項目\n" +
			"        - 入れ子の項目\n\n" +
			"    ```go\n" +
			"      x := 1\n" +
			"    ```\n\n" +
			"    終わりの段落。\n" +
			"    </Prose>\n" +
			"</div>\n",
		"src/content/blog/code.md":   "---\ntitle: 普通の記事\ndate: 2025-03-01\n---\n本文。\n\n    字下げのコード\n",
		"src/pages/index.astro":      "---\n---\n<h1>home</h1>\n",
		"src/components/Prose.astro": "---\n---\n<slot />\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	crawl := servetest.Crawl(t, d, 200)
	find := func(scheme, text string) (string, []string) {
		for p, b := range crawl {
			if strings.HasPrefix(p, scheme) && strings.Contains(b, text) {
				return p, strings.Split(strings.ReplaceAll(b, "\r\n", "\n"), "\n")
			}
		}
		t.Fatalf("%q is served nowhere on %s; pages: %v", text, scheme, keysOf(crawl))
		return "", nil
	}
	// lineOf is the line of lines that holds s, trimmed of nothing.
	lineOf := func(lines []string, s string) (int, string) {
		for i, l := range lines {
			if strings.Contains(l, s) {
				return i, l
			}
		}
		return -1, ""
	}
	page, lines := find("gemini:", "連絡先の見出し")
	fences := 0
	inFence := false
	for _, l := range lines {
		if strings.HasPrefix(l, "```") {
			fences++
			inFence = !inFence
			continue
		}
		if inFence && !strings.Contains(l, "x := 1") {
			t.Errorf("gemini %s: %q preformatted, which MDX reads as Markdown:\n%s", page, l, strings.Join(lines, "\n"))
		}
	}
	if fences != 2 {
		t.Errorf("gemini %s: %d fence lines, want the fenced block's two:\n%s", page, fences, strings.Join(lines, "\n"))
	}
	if _, l := lineOf(lines, "x := 1"); l != "  x := 1" {
		t.Errorf("gemini %s: the fenced code's line is %q, want its two columns past the fence kept", page, l)
	}
	for s, prefix := range map[string]string{"連絡先の見出し": "## ", "最初の段落の文。": "最初", "メールの項目": "* ", "掲示板の項目": "* ", "入れ子の項目": "* ", "終わりの段落。": "終わり"} {
		if _, l := lineOf(lines, s); !strings.HasPrefix(l, prefix) {
			t.Errorf("gemini %s: %q drawn as %q, want it to start %q", page, s, l, prefix)
		}
	}
	if _, nested := lineOf(lines, "入れ子の項目"); nested == "* 入れ子の項目" {
		t.Errorf("gemini %s: the nested item is drawn at the top level: %q", page, nested)
	}
	page, lines = find("gopher:", "連絡先の見出し")
	for _, s := range []string{"連絡先の見出し", "最初の段落の文。", "メールの項目", "終わりの段落。"} {
		if _, l := lineOf(lines, s); strings.HasPrefix(l, " ") {
			t.Errorf("gopher %s: %q drawn indented as code: %q", page, s, l)
		}
	}
	if i, _ := lineOf(lines, "連絡先の見出し"); i < 0 || i+1 >= len(lines) || strings.Trim(lines[i+1], "=-") != "" {
		t.Errorf("gopher %s: the heading is not underlined as one:\n%s", page, strings.Join(lines, "\n"))
	}
	if _, l := lineOf(lines, "x := 1"); !strings.HasPrefix(l, "    ") {
		t.Errorf("gopher %s: the fenced code's line %q is not drawn as code", page, l)
	}
	// The .md post: CommonMark, its indented line code on both.
	page, lines = find("gemini:", "字下げのコード")
	if i, _ := lineOf(lines, "字下げのコード"); i < 1 || !strings.HasPrefix(lines[i-1], "```") {
		t.Errorf("gemini %s: the .md post's indented code is not preformatted:\n%s", page, strings.Join(lines, "\n"))
	}
	page, lines = find("gopher:", "字下げのコード")
	if _, l := lineOf(lines, "字下げのコード"); !strings.HasPrefix(l, "    ") {
		t.Errorf("gopher %s: the .md post's indented code drawn as %q", page, l)
	}
}
