package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Markdown as real blogs write it: raw HTML inside headings and paragraphs
// shows its text, same-page anchors are not offered as links, kramdown's
// attribute lists never show.
func TestRealWorldMarkdown(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"a.md": "+++\ntitle = \"実例\"\ndate = 2020-01-01\n+++\n" +
				"## <span id=\"top\"> __目录__ </span>\n\n本文の<b>太字</b>です。[上へ](#top)\n{: .note}\n\n段落です。\n{: #intro .lead}\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	text := servetest.GopherGet(t, d, "/posts/a.txt\r\n")
	for name, body := range map[string]string{"gemtext": page, "gopher text": text} {
		for _, want := range []string{"目录", "本文の太字です。上へ", "段落です。"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q:\n%s", name, want, body)
			}
		}
		for _, bad := range []string{"<span", "</", "{:", "#top", ".note", ".lead"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s shows %q:\n%s", name, bad, body)
			}
		}
	}
	if !strings.Contains(page, "\n## 目录\n") {
		t.Errorf("heading: %q", page)
	}
}

// A page (no date, no tags) has no empty byline: its text follows its
// title after one blank line.
func TestPageHasNoEmptyByline(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"a.md":     "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\nx\n",
			"about.md": "+++\ntitle = \"について\"\npage = true\n+++\n本文です。\n",
		})
	})
	if _, _, page := servetest.GeminiGet(t, d, "/about.gmi"); !strings.HasPrefix(page, "# について\n\n本文です。") {
		t.Errorf("page: %q", page)
	}
}
