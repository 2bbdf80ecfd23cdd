package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// markdownifySite is a Jekyll site of one post, /posts/notice, whose body
// is body.
func markdownifySite(t *testing.T, body string) *daemon.Daemon {
	t.Helper()
	return servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                 "title: Blog\n",
			"_posts/2017-01-13-notice.md": "---\ntitle: Notice\n---\n\n" + body,
		})
	})
}

// markdownifyPages are the post's gemtext and its Gopher text, line ends
// made "\n".
func markdownifyPages(t *testing.T, d *daemon.Daemon) (page, text string) {
	t.Helper()
	_, _, page = servetest.GeminiGet(t, d, "/posts/notice.gmi")
	text = strings.ReplaceAll(servetest.GopherGet(t, d, "/posts/notice.txt\r\n"), "\r\n", "\n")
	return page, text
}

// minimal-mistakes' notice (GenomonPagesR's post template): Markdown
// captured, then output through markdownify inside <div
// class="notice--info">. Jekyll renders that Markdown to HTML before
// kramdown reads the block: its `<div>` is code, its list items are two
// items of a list. On both protocols the list is a list, one line an
// item, and the code span's words are there in order, its tag's name
// with them, not read as an element.
func TestMarkdownifyInHTMLBlockIsMarkdown(t *testing.T) {
	d := markdownifySite(t, "{% capture notice-text %}\n`<div>` タグに `.notice` クラスをつけてもよいです。\n\n"+
		" - list item1\n - list item2\n{% endcapture %}\n\n"+
		"<div class=\"notice--info\">\n  <h4>Notice Headline:</h4>\n  {{ notice-text | markdownify }}\n</div>\n\n"+
		"After the notice.\n")
	page, text := markdownifyPages(t, d)
	for _, out := range []string{page, text} {
		for _, want := range []string{"<div> タグに .notice クラスをつけてもよいです。\n", "\n* list item1\n* list item2\n", "Notice Headline:", "After the notice."} {
			if !strings.Contains(out, want) {
				t.Errorf("lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "item1 -") || strings.Contains(out, "</div>") {
			t.Errorf("the notice's Markdown read as HTML text:\n%s", out)
		}
	}
}

// Other Markdown a markdownify puts in an HTML block: a fenced code block
// naming a <div> (its lines preformatted, as written), a heading, an
// image written as an <img> in it (lowered as any other), and a second
// output of the same capture in a <figure> with its caption. The words
// outside the block stay where they are.
func TestMarkdownifyInHTMLBlockKeepsBlocks(t *testing.T) {
	d := markdownifySite(t, "Before.\n\n{% capture body %}\n### Inside\n\n```html\n<div class=\"x\">\n  two\n```\n\n"+
		"See <img src=\"https://example.org/a.png\" alt=\"the picture\"> here.\n{% endcapture %}\n"+
		"<aside>\n{{ body | markdownify }}\n</aside>\n\n"+
		"{% capture fig %}\n![alt text](https://example.org/fig.png)\n{% endcapture %}\n"+
		"<figure>\n  {{ fig | markdownify | remove: \"<p>\" | remove: \"</p>\" }}\n  <figcaption>The caption</figcaption>\n</figure>\n\nAfter.\n")
	page, text := markdownifyPages(t, d)
	for _, want := range []string{"Before.\n", "### Inside\n", "```html\n<div class=\"x\">\n  two\n```\n",
		"=> https://example.org/a.png the picture\n", "=> https://example.org/fig.png alt text\n", "The caption\n", "After.\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("gemtext lacks %q:\n%s", want, page)
		}
	}
	if i, j := strings.Index(page, "Before."), strings.Index(page, "### Inside"); i < 0 || j < i {
		t.Errorf("the block's text moved:\n%s", page)
	}
	for _, want := range []string{"<div class=\"x\">\n      two\n", "Inside\n---", "[image: the picture]", "The caption", "After."} {
		if !strings.Contains(text, want) {
			t.Errorf("gopher text lacks %q:\n%s", want, text)
		}
	}
}

// Outside an HTML block a markdownify's Markdown is the post's, as
// before: a list on lines of its own is a list, and one in a line of
// text is its words there.
func TestMarkdownifyOutsideHTMLUnchanged(t *testing.T) {
	d := markdownifySite(t, "{% capture l %}\n- one\n- two\n{% endcapture %}\n"+
		"Intro line.\n\n{{ l | markdownify }}\n\nText {{ l | markdownify }} inline.\n")
	page, text := markdownifyPages(t, d)
	for _, out := range []string{page, text} {
		if !strings.Contains(out, "Intro line.\n\n* one\n* two\n") {
			t.Errorf("the list is no list:\n%s", out)
		}
		if !strings.Contains(out, "Text") || !strings.Contains(out, "inline.") || strings.Contains(out, "capsule-markdown") {
			t.Errorf("the inline output's words are lost, or a tag shown:\n%s", out)
		}
	}
}

// The element lowering reads as Markdown (markup.MarkdownTag), written by
// hand nested deeper than lowering reads it so: every word is kept, and
// the innermost list's items are there.
func TestMarkdownTagNestedDeepKeepsWords(t *testing.T) {
	const n = 12
	body := "<div>\n" + strings.Repeat("<capsule-markdown>\nword\n\n", n) + "- deepest\n- item\n" +
		strings.Repeat("</capsule-markdown>\n", n) + "</div>\n\nAfter.\n"
	d := markdownifySite(t, body)
	page, text := markdownifyPages(t, d)
	for _, out := range []string{page, text} {
		if strings.Count(out, "word") != n || !strings.Contains(out, "deepest") || !strings.Contains(out, "item") || !strings.Contains(out, "After.") {
			t.Errorf("words lost:\n%s", out)
		}
	}
}
