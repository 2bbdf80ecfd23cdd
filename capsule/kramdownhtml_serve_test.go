package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll post of the WordPress era (Hux Blog's "is-pure-android-better"):
// a <p> left open, then blank lines and indented HTML. kramdown reads it
// all as HTML, and so do Gemini and Gopher readers: text, a list, line
// breaks; no tag shown, nothing as code; after its </p>, Markdown again.
func TestKramdownHTMLServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml": "title: Blog\n",
			"_posts/2014-09-04-pure.markdown": "---\ntitle: \"Pure Android\"\n---\n\n" +
				"<p>哎呀～不要站队嘛。\n    <br>\n    <br><b>否。</b>\n\n" +
				"    <p>从下面的回答中：</p>\n\n" +
				"    <ul>\n        <li>Google Service！</li>\n        <li>没用过Pure</li>\n    </ul>\n" +
				"    <br>从答案我们也可以看出</p>\n\n" +
				"After **it**.\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/pure.gmi")
	want := "哎呀～不要站队嘛。\n\n否。\n\n从下面的回答中：\n\n* Google Service！\n* 没用过Pure\n\n从答案我们也可以看出\n\nAfter it.\n"
	if !strings.Contains(page, want) {
		t.Errorf("gemtext lacks\n%s\nin\n%s", want, page)
	}
	text := strings.ReplaceAll(servetest.GopherGet(t, d, "/posts/pure.txt\r\n"), "\r\n", "\n")
	for _, bad := range []string{"<", "    "} {
		if strings.Contains(text, bad) {
			t.Errorf("gopher text holds %q:\n%s", bad, text)
		}
	}
}

// A kramdown table's rules, "|----" starting a new body and "|=====" the
// footer (YokoyamaLab's theme sample), are no rows on either protocol;
// the rows after them are. A Hugo site's table keeps a row of dashes, as
// GFM reads it.
func TestKramdownTableRulesAreNoRows(t *testing.T) {
	table := "| Header1 | Header2 |\n|:--------|--------:|\n| cell1   | cell2   |\n|----\n| cell3   | cell4   |\n|=====\n| Foot1   | Foot2   |\n"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                "title: Blog\n",
			"_posts/2016-03-15-table.md": "---\ntitle: Table\n---\n" + table,
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/table.gmi")
	text := servetest.GopherGet(t, d, "/posts/table.txt\r\n")
	for _, out := range []string{page, text} {
		if strings.Contains(out, "----  ") || strings.Contains(out, "=====") || strings.Count(out, "cell") != 4 || !strings.Contains(out, "Foot2") {
			t.Errorf("the rules are rows, or rows are lost:\n%s", out)
		}
	}
	h := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{"hugo.toml": "title = \"t\"\n", "content/posts/table.md": "---\ntitle: Table\ndate: 2016-03-15\n---\n" + table})
	})
	if _, _, page := servetest.GeminiGet(t, h, "/posts/table.gmi"); !strings.Contains(page, "=====") {
		t.Errorf("a GFM table lost its row of equals signs:\n%s", page)
	}
}

// minimal-mistakes' notice (GenomonPagesR's post template): Markdown
// captured, then output through markdownify inside <div
// class="notice--info">. The captured text names `<div>` in a code
// span, which Jekyll's markdownify makes <code>&lt;div&gt;</code> before
// kramdown reads the block: it nests nothing, and the block ends at the
// notice's </div>. The heading and the list after it are Markdown again,
// on both protocols; so is a fenced code block naming a <div>.
func TestKramdownHTMLCodeSpanTagNestsNothing(t *testing.T) {
	for _, code := range []string{"`<div>` tags take a class too.", "```html\n<div class=\"notice\">\n```"} {
		d := servetest.Start(t, func(c *config.Config) {
			c.Posts = testfs.Write(t, map[string]string{
				"_config.yml": "title: Blog\n",
				"_posts/2017-01-13-template.md": "---\ntitle: Template\n---\n\n" +
					"{% capture notice-text %}\n" + code + "\n\n - item one\n{% endcapture %}\n\n" +
					"<div class=\"notice--info\">\n  <h4>Notice Headline:</h4>\n  {{ notice-text | markdownify }}\n</div>\n\n\n" +
					"## Links after\n\n- first link\n- second link\n",
			})
		})
		_, _, page := servetest.GeminiGet(t, d, "/posts/template.gmi")
		for _, want := range []string{"\n## Links after\n", "\n* first link\n* second link\n"} {
			if !strings.Contains(page, want) {
				t.Errorf("%q: gemtext lacks %q: the notice runs on past its </div>:\n%s", code, want, page)
			}
		}
		text := strings.ReplaceAll(servetest.GopherGet(t, d, "/posts/template.txt\r\n"), "\r\n", "\n")
		if strings.Contains(text, "Links after first link") || strings.Contains(text, "## Links") {
			t.Errorf("%q: gopher text reads the heading as text of the notice:\n%s", code, text)
		}
	}
}

// A heading written in HTML, closed on its line, then on the next line a
// list left open across a blank line (a Jekyll page's <h2>AI</h2> over
// <ul> with its items on indented lines, a Liquid loop's tags between
// them dropped). kramdown reads the heading, then the list to its </ul>;
// the indented item after the blank line is an item, not code showing
// its tags, on both protocols.
func TestKramdownHTMLAfterClosedHeading(t *testing.T) {
	for name, body := range map[string]string{
		"blank line": "<h2>Notes</h2>\n<ul>\n    <li>one</li>\n\n    <li>two</li>\n</ul>\n\nAfter.\n",
		"Liquid loop": "<h2>Notes</h2>\n<ul>\n{% for x in site.posts %}\n    <li>one {{ x.title }}</li>\n{% endfor %}\n" +
			"    <li>two</li>\n</ul>\n\nAfter.\n",
	} {
		d := servetest.Start(t, func(c *config.Config) {
			c.Posts = testfs.Write(t, map[string]string{
				"_config.yml":               "title: Blog\n",
				"_posts/2025-10-09-list.md": "---\ntitle: List\n---\n\nIntro.\n\n" + body,
			})
		})
		_, _, page := servetest.GeminiGet(t, d, "/posts/list.gmi")
		if !strings.Contains(page, "\n## Notes\n") || !strings.Contains(page, "* two\n\nAfter.\n") ||
			strings.Contains(page, "<li>") || strings.Contains(page, "```") {
			t.Errorf("%s: gemtext shows the list's tags or loses its items:\n%s", name, page)
		}
		text := strings.ReplaceAll(servetest.GopherGet(t, d, "/posts/list.txt\r\n"), "\r\n", "\n")
		if !strings.Contains(text, "* two\n") || strings.Contains(text, "<li>") {
			t.Errorf("%s: gopher text shows the list's tags or loses its items:\n%s", name, text)
		}
	}
}
