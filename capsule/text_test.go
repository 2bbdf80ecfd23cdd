package capsule_test

import (
	"capsule/capsule/internal/servetest"
	"strings"
	"testing"
)

// What real posts contain reads right on both protocols (issue 23).
const textHugo = "testdata/text-hugo/content"

// A title is plain text wherever it shows, as themes show it through
// markdownify: the post's heading on both protocols, the home page, the
// archive, tag pages, gopher menus, the Atom feed, neighbours' links.
func TestTitlesArePlainText(t *testing.T) {
	d := startSite(t, textHugo)
	const plain = "Title with Markdown, Special\u00a0—\u00a0Characters & code"
	pages := servetest.Crawl(t, d, 200)
	_, _, atom := servetest.GeminiGet(t, d, "/atom.xml")
	pages["gemini:/atom.xml"] = atom
	shown := 0
	for addr, page := range pages {
		for _, raw := range []string{"*with*", "**Markdown**", "&nbsp;", "---", "`code`", "&amp;amp;", "\\*"} {
			if strings.Contains(page, raw) {
				t.Errorf("%s shows %q of the title:\n%s", addr, raw, page)
			}
		}
		if strings.Contains(page, plain) || strings.Contains(page, strings.ReplaceAll(plain, "&", "&amp;")) {
			shown++
		}
	}
	for _, where := range []string{"gemini:/", "gemini:/archive.gmi", "gemini:/tags/markup.gmi", "gemini:/posts/markup-title.gmi",
		"gemini:/posts/neighbour.gmi", "gemini:/atom.xml", "gopher:/", "gopher:/posts/markup-title.txt", "gopher:/tags/markup"} {
		page, ok := pages[where]
		if !ok {
			t.Errorf("%s not crawled", where)
			continue
		}
		if !strings.Contains(page, plain) && !strings.Contains(page, strings.ReplaceAll(plain, "&", "&amp;")) {
			t.Errorf("%s does not show the plain title %q:\n%s", where, plain, page)
		}
	}
	if shown < 9 {
		t.Errorf("the plain title is on %d pages", shown)
	}
}
