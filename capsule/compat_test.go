package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Hugo post (YAML front matter, shortcodes) and a Jekyll post (Liquid,
// redirect_from) are served with no template syntax on either protocol,
// their references to each other as links, their old addresses answered.
func TestHugoAndJekyllPostsServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.md": "---\ntitle: \"ヒューゴの記事\"\ndate: 2020-05-07T11:39:39+09:00\ntags: [日記]\ncategories: [技術]\naliases: [/2020/05/07/hugo/]\nlayout: post\n---\n" +
				"本文です。{{< figure src=\"images/a.png\" caption=\"写真\" >}}\n\n前の記事は[こちら]({{< ref \"jekyll.md\" >}})。\n\n{{< youtube dQw4w9WgXcQ >}}\n\n```\n{{< notexpanded >}}\n```\n",
			"jekyll.md": "---\ntitle: ジキルの記事\ndate: 2017-03-23 14:41:53 +0100\ntags: 日記 Jekyll\nredirect_from:\n  - /old/jekyll.html\n---\n" +
				"{% highlight ruby %}\nputs 'hi'\n{% endhighlight %}\n\n画像: ![図]({{ site.baseurl }}/images/a.png)\n\n{% include footer.html %}\n",
			"images/a.png": "png",
		})
	})
	pages := servetest.Crawl(t, d, 60)
	for addr, body := range pages {
		if strings.Contains(addr, "notexpanded") {
			continue
		}
		for _, bad := range []string{"{{<", "{{%", "{%", "site.baseurl", "}}"} {
			if strings.Contains(strings.ReplaceAll(body, "{{< notexpanded >}}", ""), bad) {
				t.Errorf("%s shows template syntax %q:\n%s", addr, bad, body)
			}
		}
	}
	hugo := pages["gemini:/posts/hugo.gmi"]
	for _, want := range []string{"=> /images/a.png 写真", "=> /posts/jekyll.gmi こちら", "=> https://www.youtube.com/watch?v=dQw4w9WgXcQ", "{{< notexpanded >}}", "#技術"} {
		if !strings.Contains(hugo, want) {
			t.Errorf("Hugo post lacks %q:\n%s", want, hugo)
		}
	}
	if jekyll := pages["gemini:/posts/jekyll.gmi"]; !strings.Contains(jekyll, "```ruby\nputs 'hi'\n```") || !strings.Contains(jekyll, "#Jekyll") {
		t.Errorf("Jekyll post:\n%s", jekyll)
	}
	for _, old := range []string{"/2020/05/07/hugo/", "/old/jekyll.html"} {
		if status, _, _ := servetest.GeminiGet(t, d, old); status != 31 {
			t.Errorf("%s: status %d, want 31", old, status)
		}
	}
}
