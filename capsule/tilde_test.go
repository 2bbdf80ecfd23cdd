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

// kramdown (a Jekyll site's) closes "**" after Japanese punctuation
// before a letter, where CommonMark does not: "これは**「重要」**です"
// is bold there, and its asterisks were shown (realcoding2003's posts).
// A Hugo site's goldmark reads CommonMark's rule, and shows them.
func TestKramdownEmphasisBesideJapanese(t *testing.T) {
	post := "---\ntitle: 強調\ndate: 2024-01-01\n---\n数年間**「いつか...」**先延ばしに。\n\nこれは**「重要」**です。2 * 3 * 4 と a*b*c。\n"
	for name, files := range map[string]map[string]string{
		"jekyll": {"_config.yml": "title: t\nlang: ja\n", "_posts/2024-01-01-kyocho.md": post},
		"hugo":   {"hugo.toml": "title = \"t\"\nlanguageCode = \"ja\"\n", "content/posts/kyocho.md": post},
	} {
		d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, files) })
		_, _, page := servetest.GeminiGet(t, d, "/posts/kyocho.gmi")
		want := "数年間「いつか...」先延ばしに。\n\nこれは「重要」です。2 * 3 * 4 と abc。"
		if name == "hugo" {
			want = "数年間**「いつか...」**先延ばしに。\n\nこれは**「重要」**です。2 * 3 * 4 と abc。"
		}
		if !strings.Contains(page, want) {
			t.Errorf("%s: gemtext lacks\n%s\nin\n%s", name, want, page)
		}
	}
}
