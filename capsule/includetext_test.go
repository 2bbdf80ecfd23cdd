package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An include handed the text it shows (toshimaru's {% include info.html
// title="追記" text="…" %}, a box around the author's note, 9 in 8
// posts) was dropped with its text; Jekyll's build shows the text. It is
// that text now: the include's file with its parameters filled when the
// site has it (includeforms_test.go), else the text alone, a warning
// saying the include's own HTML is not used.
func TestIncludeHandedTextKeepsIt(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":         "title: t\nlang: ja\n",
			"_includes/info.html": "<div class=\"info\">\n  <h5>{{ include.title }}</h5>\n  <p>{{ include.text }}</p>\n</div>\n",
			"_posts/2019-12-05-note.md": "---\ntitle: Note\n---\n\n" +
				"{% include info.html title=\"追記\" text=\"errgroup について追記しました。\" %}\n\n" +
				"{% include warning.html title=\"\" text='まだBeta版です。' %}\n\n" +
				"本文です。\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/note.gmi")
	for _, want := range []string{"追記\n\nerrgroup について追記しました。\n", "\nまだBeta版です。\n", "本文です。"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page:\n%s", want, page)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/note.txt\r\n"); !strings.Contains(text, "errgroup について追記しました。") {
		t.Errorf("the gopher text lost the include's text:\n%s", text)
	}
	n := 0
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Error(), "written as the text it is given") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d warnings about the includes written as their text, want 1 (warning.html, not in the site): %v", n, d.Store().Warnings)
	}
}
