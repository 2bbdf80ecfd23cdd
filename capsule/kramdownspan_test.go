package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// kramdown shows a block element's tag inside a paragraph as text, as
// nkon's post names <body> in its prose: Jekyll's page reads "コピーして
// <body>タグの下側に". capsule dropped it as an inline tag ("コピーして
// タグの下側に"). An inline element's tag (<span>) is still dropped, its
// text kept; a Hugo site's Markdown (goldmark's) is not read so.
func TestKramdownBlockTagInProseIsText(t *testing.T) {
	post := "---\ntitle: Tags\n---\n\nスクリプトをコピーして<body>タグの下側に貼り付けます。\n\nA <span>span</span> and </DIV> end.\n"
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":               "title: t\nlang: ja\n",
			"_posts/2020-09-12-tags.md": post,
			// A post in HTML, which kramdown does not read: its tags
			// stay tags (toshimaru's 2012 posts, a <pre> with a blank
			// line in it).
			"_posts/2012-10-14-perl.html": "---\ntitle: Perl\n---\n<p>perlを書く。</p>\n<div class=\"code\"><pre>#!/usr/bin/perl\n\nprint 'hello world';</pre></div>\n</div>\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/tags.gmi")
	for _, want := range []string{"スクリプトをコピーして<body>タグの下側に貼り付けます。", "A span and </DIV> end."} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page:\n%s", want, page)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/tags.txt\r\n"); !strings.Contains(text, "<body>タグ") {
		t.Errorf("the gopher text lost <body>:\n%s", text)
	}
	if _, _, perl := servetest.GeminiGet(t, d, "/posts/perl.gmi"); strings.Contains(perl, "</pre>") || !strings.Contains(perl, "hello world") {
		t.Errorf("a post in HTML shows its tags as text:\n%s", perl)
	}
	h := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":             "title = 't'\n",
			"content/posts/tags.md": "---\ntitle: Tags\ndate: 2020-09-12\n---\n\nコピーして<body>タグの下側に。\n",
		})
	})
	_, _, hugo := servetest.GeminiGet(t, h, "/posts/tags.gmi")
	if strings.Contains(hugo, "<body>") || !strings.Contains(hugo, "コピーしてタグの下側に。") {
		t.Errorf("a Hugo site's inline tag is not dropped as goldmark's:\n%s", hugo)
	}
}
