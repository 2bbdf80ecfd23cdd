package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A single "~" is text, a range in Japanese ("1~2時間"): goldmark struck
// "~2時間、費用は3~" and the page read "12時間". In titles too (melborne's
// "~LampshadeのDIY~"). "~~" still strikes, its marks dropped as emphasis'.
func TestSingleTildeIsText(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                "title: t\nlang: ja\n",
			"_posts/2008-04-21-range.md": "---\ntitle: \"範囲\"\n---\n所要時間は1~2時間、費用は3~4万円です。\n",
			"_posts/2008-04-20-lamp.md":  "---\ntitle: \"きれいに ~LampshadeのDIY~\"\n---\n本文 ~その2~ です。~~消す~~ところ。\n",
		})
	})
	_, _, rng := servetest.GeminiGet(t, d, "/posts/range.gmi")
	text := servetest.GopherGet(t, d, "/posts/range.txt\r\n")
	for name, got := range map[string]string{"gemtext": rng, "gopher text": text} {
		if !strings.Contains(got, "所要時間は1~2時間、費用は3~4万円です。") {
			t.Errorf("%s changed the ranges:\n%s", name, got)
		}
	}
	_, _, lamp := servetest.GeminiGet(t, d, "/posts/lamp.gmi")
	for _, want := range []string{"# きれいに ~LampshadeのDIY~", "本文 ~その2~ です。消すところ。"} {
		if !strings.Contains(lamp, want) {
			t.Errorf("gemtext lacks %q:\n%s", want, lamp)
		}
	}
}
