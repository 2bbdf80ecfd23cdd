package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Liquid's whitespace control: "{%-" and "{{-" take the whitespace
// before the tag off (newlines too), "-%}" and "-}}" the whitespace after
// it, before Jekyll reads the Markdown; paragraphs so joined are one in
// Jekyll's page (Jekyll 4.3.1 builds this post as "<p>First
// paragraph.Shared <strong>text</strong>.\nSecond paragraph.</p>" and
// "<p>Inline [x] and a yz.Last.</p>"). capsule kept the whitespace: four
// paragraphs where Jekyll has two.
func TestLiquidWhitespaceControl(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":         "title: t\n",
			"_includes/shared.md": "Shared **text**.\n",
			"_posts/2020-01-01-trim.md": "---\ntitle: Trim\n---\nFirst paragraph.\n\n{%- include shared.md -%}\n\nSecond paragraph.\n\n" +
				"Inline [{{- \"x\" -}}] and a {{ \"y\" -}}\n   z.\n\n{%- comment -%} c {%- endcomment -%}\n\nLast.\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/trim.gmi")
	// A paragraph's newline is a space in gemtext.
	for _, want := range []string{"\nFirst paragraph.Shared text. Second paragraph.\n", "\nInline [x] and a yz.Last.\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page:\n%s", want, page)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/trim.txt\r\n"); !strings.Contains(text, "First paragraph.Shared text.") || !strings.Contains(text, "yz.Last.") {
		t.Errorf("the gopher text:\n%s", text)
	}
}
