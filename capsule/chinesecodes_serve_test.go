package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
)

// A Hugo site's languageCode as Chinese sites write it sets its
// interface and its lang=, on both protocols: zh_CN (a locale's "_",
// which Hugo passes on to its themes) is Simplified Chinese, lang=zh-cn;
// Cantonese (yue), Literary Chinese (lzh) and zh-Hant-HK Traditional;
// Mandarin (cmn, cmn-Hans) Simplified, cmn-Hant Traditional; each tag
// said in lang= as written, in lower case. zh_CN was no tag to capsule
// (English, the site's lang unset), the others English.
func TestHugoChineseLanguageCodes(t *testing.T) {
	post := "---\ntitle: 第一篇\ndate: 2024-05-01\ntags: [生活]\n---\n正文。\n"
	for _, c := range []struct {
		code string
		want messages.Messages
		lang string
	}{
		{"zh_CN", messages.SimplifiedChinese, "zh-cn"},
		{"yue", messages.TraditionalChinese, "yue"},
		{"yue-Hans", messages.SimplifiedChinese, "yue-hans"},
		{"lzh", messages.TraditionalChinese, "lzh"},
		{"zh-Hant-HK", messages.TraditionalChinese, "zh-hant-hk"},
		{"cmn", messages.SimplifiedChinese, "cmn"},
		{"cmn-Hans", messages.SimplifiedChinese, "cmn-hans"},
		{"cmn-Hant", messages.TraditionalChinese, "cmn-hant"},
	} {
		d := servetest.Start(t, func(cfg *config.Config) {
			cfg.Posts = testfs.Write(t, map[string]string{
				"hugo.toml":          "title = \"博客\"\nlanguageCode = \"" + c.code + "\"\n",
				"content/posts/a.md": post,
			})
		})
		_, meta, home := servetest.GeminiGet(t, d, "/")
		if !strings.HasSuffix(meta, "; lang="+c.lang) {
			t.Errorf("%s: home's meta %q, want lang=%s", c.code, meta, c.lang)
		}
		for _, line := range []string{"=> /tags/ " + c.want.Tags, "=> /archive.gmi " + c.want.Archive, "## " + c.want.Posts} {
			if !strings.Contains(home, "\n"+line+"\n") {
				t.Errorf("%s: home lacks %q:\n%s", c.code, line, home)
			}
		}
		if _, meta, _ := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.HasSuffix(meta, "; lang="+c.lang) {
			t.Errorf("%s: the post's meta %q, want lang=%s", c.code, meta, c.lang)
		}
		if menu := servetest.GopherGet(t, d, "/\r\n"); !strings.Contains(menu, "\r\n1"+c.want.Tags+"\t") {
			t.Errorf("%s: gopher menu lacks %q:\n%s", c.code, c.want.Tags, menu)
		}
	}
}
