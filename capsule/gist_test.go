package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A gist embedded as its script (chroju's older Hugo posts, where the
// gist is the post's main content) or by jekyll-gist's tag (melborne's
// 122) is a link to the gist on both protocols, as Hugo's gist shortcode
// is; it was dropped, with a generic warning.
func TestGistEmbedsAreLinks(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                 "title: t\n",
			"_posts/2015-05-03-script.md": "---\ntitle: Script\n---\n\n<script src=\"https://gist.github.com/chroju/7b9d422732f1a0ddd45e.js\"></script>\n\nつくった。\n",
			"_posts/2015-05-04-tag.md":    "---\ntitle: Tag\n---\n\n{% gist melborne/3027553 %}\n\n{% gist 931c1c8d465a04042403 main.rb %}\n",
		})
	})
	_, _, script := servetest.GeminiGet(t, d, "/posts/script.gmi")
	if !strings.Contains(script, "=> https://gist.github.com/chroju/7b9d422732f1a0ddd45e Gist: chroju/7b9d422732f1a0ddd45e") {
		t.Errorf("no link to the gist:\n%s", script)
	}
	_, _, tag := servetest.GeminiGet(t, d, "/posts/tag.gmi")
	for _, want := range []string{"=> https://gist.github.com/melborne/3027553 Gist: melborne/3027553", "=> https://gist.github.com/931c1c8d465a04042403 Gist: 931c1c8d465a04042403"} {
		if !strings.Contains(tag, want) {
			t.Errorf("no link %q:\n%s", want, tag)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/script.txt\r\n"); !strings.Contains(text, "https://gist.github.com/chroju/7b9d422732f1a0ddd45e") {
		t.Errorf("the gopher text has no link to the gist:\n%s", text)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Error(), "script") || strings.Contains(w.Error(), "gist") {
			t.Errorf("warning: %v", w)
		}
	}
}
