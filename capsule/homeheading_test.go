package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// The home page's heading of its list of posts is there when the list
// is: a site (or a language) of pages alone shows its pages without a
// "## 記事" over nothing (horminka's home, hananiahhsu's /ja/); a site
// with nothing at all says it has no posts yet, in its language, on
// both protocols, rather than showing a heading or nothing.
func TestHomeHeadingOnlyOverPosts(t *testing.T) {
	pages := testfs.Write(t, map[string]string{
		"about.md": "---\ntitle: 自己紹介\npage: true\n---\n\n私です。\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts, c.Lang = pages, "ja" })
	_, _, home := servetest.GeminiGet(t, d, "/")
	if strings.Contains(home, "## 記事") {
		t.Errorf("a heading of posts over no post:\n%s", home)
	}
	if !strings.Contains(home, "=> /about.gmi 自己紹介") || strings.Contains(home, "まだ記事がありません。") {
		t.Errorf("the home page of a site of pages shows its page, and no word of posts:\n%s", home)
	}
	if root := servetest.GopherGet(t, d, "\r\n"); strings.Contains(root, "まだ記事がありません。") {
		t.Errorf("gopher: a site of pages says it has no posts:\n%s", root)
	}

	posts := testfs.Write(t, map[string]string{
		"hello.md": "---\ntitle: こんにちは\ndate: 2024-01-02\n---\n\n最初の記事。\n",
	})
	d = servetest.Start(t, func(c *config.Config) { c.Posts, c.Lang = posts, "ja" })
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "## 記事\n\n=> /posts/hello.gmi 2024-01-02 こんにちは\n") {
		t.Errorf("the heading over the posts is lost:\n%s", home)
	}

	for lang, none := range map[string]string{"ja": "まだ記事がありません。", "en": "No posts yet."} {
		d := servetest.Start(t, func(c *config.Config) { c.Posts, c.Lang = testfs.Write(t, map[string]string{}), lang })
		_, _, home := servetest.GeminiGet(t, d, "/")
		if strings.Contains(home, "## ") || !strings.Contains(home, "\n"+none+"\n") {
			t.Errorf("%s: the home page of an empty site:\n%s", lang, home)
		}
		if root := servetest.GopherGet(t, d, "\r\n"); !strings.Contains(root, "i"+none+"\t") {
			t.Errorf("%s: the root menu of an empty site:\n%s", lang, root)
		}
	}
}
