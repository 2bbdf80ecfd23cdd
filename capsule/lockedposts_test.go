package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// FixIt shows the text of a page whose front matter sets a password, and
// what its fixit-encryptor shortcode holds, only to a reader who types
// the password (FixIt's docs' encryption page, Lruihao's about page);
// Hexo's NexT and hexo-blog-encrypt lock a post by the same key. Capsule
// cannot ask a reader for it: such a post is not served on either
// protocol, nor found by search, nor put in the feed, and the locked part
// of another post is dropped; both were shown to everyone.
func TestPasswordLockedTextNotServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.FeedContent = true
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml": "title = \"t\"\n",
			"content/posts/locked.md": "---\ntitle: 鍵付き\ndate: 2024-01-11\npassword: 1212\nmessage: Password is 1212\n---\n" +
				"鍵の中身ひとつ。\n",
			"content/posts/part.md": "---\ntitle: 一部だけ\ndate: 2024-01-12\n---\n公開の段落。\n\n" +
				"{{% fixit-encryptor \"pw\" \"Hint\" %}}\n\n## 見出し\n\n- 鍵の中身ふたつ\n\n{{% /fixit-encryptor %}}\n\n後の段落。\n\n" +
				"{{< fixit-encryptor password=\"x\" >}}\n鍵の中身みっつ\n{{< /fixit-encryptor >}}\n",
			"content/posts/open.md":   "---\ntitle: 開いた記事\ndate: 2024-01-13\npassword: \"\"\n---\n空の password は鍵ではない。\n",
			"content/posts/linker.md": "---\ntitle: リンク\ndate: 2024-01-14\n---\n[鍵の記事](locked.md)を見て。\n",
		})
	})
	crawl := servetest.Crawl(t, d, 500)
	var all strings.Builder
	for addr, body := range crawl {
		all.WriteString(addr + "\n" + body + "\n")
	}
	// Its addresses, which no page links to.
	for _, addr := range []string{"/posts/locked.gmi", "/posts/locked/"} {
		_, meta, body := servetest.GeminiGet(t, d, addr)
		all.WriteString(meta + "\n" + body + "\n")
	}
	for _, sel := range []string{"/posts/locked/", "/posts/locked.txt"} {
		all.WriteString(servetest.GopherGet(t, d, sel+"\r\n"))
	}
	_, _, feed := servetest.GeminiGet(t, d, "/atom.xml")
	all.WriteString(feed)
	for _, q := range []string{"中身", "付き"} {
		_, _, found := servetest.GeminiGet(t, d, "/search?"+q)
		all.WriteString(found)
	}
	for _, secret := range []string{"鍵の中身ひとつ", "鍵の中身ふたつ", "鍵の中身みっつ", "鍵付き", "Password is"} {
		if strings.Contains(all.String(), secret) {
			t.Errorf("%q is served", secret)
		}
	}
	_, _, part := servetest.GeminiGet(t, d, "/posts/part.gmi")
	for _, want := range []string{"公開の段落。", "後の段落。"} {
		if !strings.Contains(part, want) {
			t.Errorf("/posts/part.gmi lacks %q:\n%s", want, part)
		}
	}
	if _, _, open := servetest.GeminiGet(t, d, "/posts/open.gmi"); !strings.Contains(open, "空の password は鍵ではない。") {
		t.Errorf("a post with an empty password is not served:\n%s", open)
	}
	if text := servetest.GopherGet(t, d, "/posts/part.txt\r\n"); !strings.Contains(text, "後の段落。") || strings.Contains(text, "鍵の中身") {
		t.Errorf("gopher /posts/part.txt:\n%s", text)
	}
	// A locked post is unpublished, as a draft is: a link to it is not
	// offered, and said to be to a locked post, not to one that does not
	// exist.
	if _, _, linker := servetest.GeminiGet(t, d, "/posts/linker.gmi"); !strings.Contains(linker, "鍵の記事を見て。") || strings.Contains(linker, "=> ") && strings.Contains(linker, "locked") {
		t.Errorf("/posts/linker.gmi:\n%s", linker)
	}
	var linkWarned bool
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			t.Errorf("warning: %v", w)
		}
		linkWarned = linkWarned || strings.Contains(w.Msg, "link to a post locked by a password")
	}
	if !linkWarned {
		t.Errorf("no warning of the link to the locked post: %v", d.Store().Warnings)
	}

	hexo := servetest.Start(t, func(c *config.Config) {
		c.Posts = hexoSite(t, "title: h\npermalink: :title/\n", map[string]string{
			"source/_posts/thinking.md": "---\ntitle: 小思\ndate: 2014-11-30 22:00:00\npassword: nowonder\n---\n鍵の中身よっつ\n",
			"source/_posts/public.md":   "---\ntitle: 公開\ndate: 2014-12-01 22:00:00\n---\n公開の記事。\n",
		})
	})
	_, _, home := servetest.GeminiGet(t, hexo, "/")
	if !strings.Contains(home, "公開") || strings.Contains(home, "小思") {
		t.Errorf("the Hexo home page:\n%s", home)
	}
	crawled := servetest.Crawl(t, hexo, 200)
	_, meta, body := servetest.GeminiGet(t, hexo, "/thinking.gmi")
	crawled["gemini:/thinking.gmi"] = meta + "\n" + body
	_, meta, body = servetest.GeminiGet(t, hexo, "/thinking/")
	crawled["gemini:/thinking/"] = meta + "\n" + body
	for addr, body := range crawled {
		if strings.Contains(body, "鍵の中身よっつ") || strings.Contains(body, "小思") {
			t.Errorf("Hexo: %s serves the locked post", addr)
		}
	}
}
