package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A post's HTML figure is served as the image's link, captioned, on both
// protocols, and its video in the site's language.
func TestHTMLFigureServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"images/fog.jpg": "\xff\xd8\xff",
			"_index.md":      "+++\ntitle = \"Site\"\nlang = \"ja\"\n+++\n",
			"a.md": "+++\ntitle = \"図\"\ndate = 2020-01-01\n+++\n前書き。\n\n" +
				"<figure>\n  <img src=\"/images/fog.jpg\">\n  <figcaption>朝霧 &amp; 木々</figcaption>\n</figure>\n\n" +
				"<video src=\"/media/clip.mp4\" title=\"散歩\"></video>\n\n後書き。\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	for _, want := range []string{"\n=> /images/fog.jpg 朝霧 & 木々\n", "\n=> /media/clip.mp4 動画: 散歩\n", "前書き。", "後書き。"} {
		if !strings.Contains(page, want) {
			t.Errorf("gemtext lacks %q:\n%s", want, page)
		}
	}
	text := servetest.GopherGet(t, d, "/posts/a.txt\r\n")
	for _, want := range []string{"[画像: 朝霧 & 木々][1]", "動画: 散歩[2]", "[1] gopher://", "/images/fog.jpg"} {
		if !strings.Contains(text, want) {
			t.Errorf("gopher text lacks %q:\n%s", want, text)
		}
	}
	menu := servetest.GopherGet(t, d, "/posts/a/\r\n")
	if !strings.Contains(menu, "\r\nI[1] 朝霧 & 木々\t/images/fog.jpg\t") {
		t.Errorf("gopher menu lacks the image:\n%s", menu)
	}
}
