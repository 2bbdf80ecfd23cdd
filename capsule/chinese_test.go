package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
)

// A Chinese site's interface is in the characters its generator's themes
// write for its language setting, on both protocols: Hexo's language and
// minimal-mistakes' locale zh-TW are traditional characters (their
// themes' zh-TW words), as is a Hugo site's second language zh-tw beside
// its default zh-cn; Hexo's zh_CN is Chinese, not English. capsule took
// Hexo's and the locale's first part alone (zh: simplified; zh_CN: no
// tag at all, English), and a Hugo language of the default one's base
// kept the default's table.
func TestChineseSitesInterface(t *testing.T) {
	post := "---\ntitle: 第一篇\ndate: 2024-05-01\ntags: [生活]\n---\n正文。\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		homes map[string]messages.Messages // Gemini home (and its Gopher menu): its table
		lang  string                       // the root's lang=
	}{{
		name: "Hexo zh-TW",
		files: map[string]string{
			"_config.yml": "title: 部落格\nlanguage: zh-TW\n", "package.json": `{"dependencies": {"hexo": "^7.0.0"}}`,
			"source/_posts/a.md": post,
		},
		homes: map[string]messages.Messages{"/": messages.TraditionalChinese},
		lang:  "zh-tw",
	}, {
		name: "Hexo zh_CN, in a list",
		files: map[string]string{
			"_config.yml": "title: 博客\nlanguage:\n  - zh_CN\n  - en\n", "package.json": `{"dependencies": {"hexo": "^7.0.0"}}`,
			"source/_posts/a.md": post,
		},
		homes: map[string]messages.Messages{"/": messages.SimplifiedChinese},
		lang:  "zh-cn",
	}, {
		name: "Jekyll locale zh-TW",
		files: map[string]string{
			"_config.yml": "title: 部落格\nlocale: zh-TW\ntheme: minimal-mistakes-jekyll\n", "Gemfile": "gem \"jekyll\"\n",
			"_posts/2024-05-01-a.md": post,
		},
		homes: map[string]messages.Messages{"/": messages.TraditionalChinese},
		lang:  "zh-tw",
	}, {
		name: "Hugo zh-cn and zh-tw",
		files: map[string]string{
			"hugo.toml": "title = \"博客\"\ndefaultContentLanguage = \"zh-cn\"\n[languages.zh-cn]\nweight = 1\n" +
				"[languages.zh-tw]\nweight = 2\ntitle = \"部落格\"\n",
			"content/posts/a.md":       post,
			"content/posts/a.zh-tw.md": "---\ntitle: 第一篇\ndate: 2024-05-01\ntags: [生活]\n---\n正文。\n",
		},
		homes: map[string]messages.Messages{"/": messages.SimplifiedChinese, "/zh-tw/": messages.TraditionalChinese},
		lang:  "zh-cn",
	}} {
		d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, c.files) })
		if _, meta, _ := servetest.GeminiGet(t, d, "/"); !strings.HasSuffix(meta, "; lang="+c.lang) {
			t.Errorf("%s: home's meta %q, want lang=%s", c.name, meta, c.lang)
		}
		for path, m := range c.homes {
			_, _, home := servetest.GeminiGet(t, d, path)
			for _, line := range []string{"=> " + path + "tags/ " + m.Tags, "=> " + path + "archive.gmi " + m.Archive, "## " + m.Posts} {
				if !strings.Contains(home, "\n"+line+"\n") {
					t.Errorf("%s: home %s lacks %q:\n%s", c.name, path, line, home)
				}
			}
			menu := servetest.GopherGet(t, d, path+"\r\n")
			for _, item := range []string{"1" + m.Tags + "\t", "1" + m.Archive + "\t"} {
				if !strings.Contains(menu, "\r\n"+item) {
					t.Errorf("%s: gopher menu %s lacks %q:\n%s", c.name, path, item, menu)
				}
			}
		}
	}
}
