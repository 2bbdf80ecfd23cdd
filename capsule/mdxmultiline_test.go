package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A component whose tag is written over several lines (<Image\n
// src={pic}\n alt="…"\n/>, <Callout type="warn"\n title="x">…) reads as
// the same tag written on one line does: each post below is served, on
// Gemini and on Gopher, as its one-line twin is (the same page but its
// title), the components named in the warning. The tag's line breaks
// were blank lines, which cut a paragraph or a list item in two and
// left a title's line break a literal "\".
func TestMDXMultiLineTags(t *testing.T) {
	cases := []struct{ name, multi, one string }{
		{"inline, in a paragraph",
			"段落の始まり <Badge\n  text=\"新\"\n  variant=\"note\"\n/> 段落の続き。\n",
			"段落の始まり <Badge text=\"新\" variant=\"note\" /> 段落の続き。\n"},
		{"a title, then text on the tag's last line",
			"<Callout type=\"warn\"\n  title=\"注意書き\">枠の中の文。</Callout>\n",
			"<Callout type=\"warn\" title=\"注意書き\">枠の中の文。</Callout>\n"},
		{"a title, the text on the next line",
			"<Aside\n  type=\"tip\"\n  title=\"ヒント\"\n>\nヒントの本文。\n</Aside>\n",
			"<Aside type=\"tip\" title=\"ヒント\">\nヒントの本文。\n</Aside>\n"},
		{"an image of an expression, and of a string",
			"<Image\n  src={pic}\n  alt=\"猫の写真\"\n/>\n\n<Image\n  src=\"/img/cat.png\"\n  alt=\"猫\"\n/>\n\n次の段落。\n",
			"<Image src={pic} alt=\"猫の写真\" />\n\n<Image src=\"/img/cat.png\" alt=\"猫\" />\n\n次の段落。\n"},
		{"a link's component",
			"前の文。\n<LinkCard\n  href=\"https://example.com/x\"\n  title=\"カード\"\n/>\n後の文。\n",
			"前の文。\n<LinkCard href=\"https://example.com/x\" title=\"カード\" />\n後の文。\n"},
		{"in a list item",
			"- 項目一 <Kbd\n  key=\"c\"\n>Ctrl</Kbd> を押す\n- 項目二\n",
			"- 項目一 <Kbd key=\"c\">Ctrl</Kbd> を押す\n- 項目二\n"},
	}
	files := map[string]string{
		"astro.config.mjs": "import mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.org', integrations: [mdx()] });\n",
	}
	for i, c := range cases {
		head := func(kind string) string {
			return "---\ntitle: T" + kind + string(rune('a'+i)) + "\ndate: 2025-03-0" + string(rune('1'+i)) + "\n---\nimport { Image } from 'astro:assets';\nimport pic from './cat.png';\n\n"
		}
		files["src/content/blog/multi"+string(rune('a'+i))+".mdx"] = head("M") + c.multi
		files["src/content/blog/one"+string(rune('a'+i))+".mdx"] = head("O") + c.one
	}
	dir := testfs.Write(t, files)
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	for i, c := range cases {
		k := string(rune('a' + i))
		for _, proto := range []string{"gemini", "gopher"} {
			var multi, one string
			if proto == "gemini" {
				multi, one = geminiPage(t, d, "/posts/multi"+k+".gmi"), geminiPage(t, d, "/posts/one"+k+".gmi")
			} else {
				multi, one = servetest.GopherGet(t, d, "/posts/multi"+k+".txt\r\n"), servetest.GopherGet(t, d, "/posts/one"+k+".txt\r\n")
			}
			multi = withoutNav(strings.ReplaceAll(strings.ReplaceAll(multi, "TM"+k, "T"), "multi"+k, "X"))
			one = withoutNav(strings.ReplaceAll(strings.ReplaceAll(one, "TO"+k, "T"), "one"+k, "X"))
			if multi != one || !strings.Contains(one, "\n") {
				t.Errorf("%s, %s: the tag over several lines reads\n%s\nwhere on one line it reads\n%s", c.name, proto, multi, one)
			}
			for _, not := range []string{"<Badge", "<Callout", "<Aside", "<Image", "<LinkCard", "<Kbd", "\\\n"} {
				if strings.Contains(multi, not) {
					t.Errorf("%s, %s: serves %q:\n%s", c.name, proto, not, multi)
				}
			}
		}
	}
	ct, err := content.Load(dir, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	for _, w := range ct.Warnings {
		if w.Kind == "MDX component not rendered" {
			for _, n := range []string{"Badge", "Callout", "Aside", "Image", "LinkCard", "Kbd"} {
				named[n] = named[n] || strings.Contains(w.Msg, "<"+n+">")
			}
		}
	}
	if len(named) != 6 {
		t.Errorf("components named in warnings: %v, want all 6; warnings: %v", named, ct.Warnings)
	}
	for n, ok := range named {
		if !ok {
			t.Errorf("<%s> is named in no warning: %v", n, ct.Warnings)
		}
	}
}

// geminiPage is the body of the page at path (20), failing otherwise.
func geminiPage(t *testing.T, d *daemon.Daemon, path string) string {
	t.Helper()
	st, meta, body := servetest.GeminiGet(t, d, path)
	if st != gemini.StatusSuccess {
		t.Fatalf("%s: %d %s", path, st, meta)
	}
	return body
}

// withoutNav is a Gemini page without its links to other posts, which
// differ between twins.
func withoutNav(page string) string {
	var kept []string
	for _, l := range strings.Split(page, "\n") {
		if !strings.HasPrefix(l, "=> /posts/") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}
