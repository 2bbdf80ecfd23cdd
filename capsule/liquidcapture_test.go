package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Liquid's {% capture %} writes its text into a variable, never where it
// stands (fumokmm's home page captures six {% link %}s so): capsule
// dropped the tags and left their text as the page's, six stray paths
// that Jekyll's page never shows. The text after the block, and a
// capture left open, are as before.
func TestLiquidCaptureShowsNothing(t *testing.T) {
	d := startSite(t, testfs.Write(t, map[string]string{
		"_config.yml": "title: メモ\nlang: ja\n",
		"_posts/2024-01-02-hello.md": "---\ntitle: こんにちは\n---\n前の段落。\n\n{% capture link_to_it %}{% link _posts/2024-01-02-hello.md %}{% endcapture %}\n" +
			"{% capture greeting %}\n隠れた挨拶\n{% endcapture %}\n後の段落。\n",
	}))
	_, _, page := servetest.GeminiGet(t, d, "/posts/hello.gmi")
	text := servetest.GopherGet(t, d, "/posts/hello.txt\r\n")
	for _, body := range []string{page, text} {
		if strings.Contains(body, "隠れた挨拶") || strings.Contains(body, "_posts") || strings.Contains(body, "hello.gmi") {
			t.Errorf("a capture's text is shown:\n%s", body)
		}
		if !strings.Contains(body, "前の段落。") || !strings.Contains(body, "後の段落。") {
			t.Errorf("the text around the captures is lost:\n%s", body)
		}
	}
}
