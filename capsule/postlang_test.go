package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A post in English on a Japanese site is answered lang=en and read with
// English rules (its lines joined with a space), while the site's own
// words around it stay Japanese.
func TestPostLanguageOnAOneLanguageSite(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_index.md":             "+++\ntitle = \"ブログ\"\nlang = \"ja\"\n+++\n",
			"2020-01-01-hello.md":   "+++\ntitle = \"Hello\"\ndate = 2020-01-01\nlang = \"en\"\n+++\nThis is\nEnglish text.\n",
			"2020-01-02-nihongo.md": "+++\ntitle = \"日本語\"\ndate = 2020-01-02\n+++\n日本語の\n文です。\n",
		})
	})
	status, meta, body := servetest.GeminiGet(t, d, "/posts/2020-01-01-hello.gmi")
	if status != 20 || !strings.HasSuffix(meta, "lang=en") || !strings.Contains(body, "This is English text.") || !strings.Contains(body, "=> / ブログ") {
		t.Errorf("the English post: %d %s\n%s", status, meta, body)
	}
	status, meta, body = servetest.GeminiGet(t, d, "/posts/2020-01-02-nihongo.gmi")
	if status != 20 || !strings.HasSuffix(meta, "lang=ja") || !strings.Contains(body, "日本語の文です。") {
		t.Errorf("the Japanese post: %d %s\n%s", status, meta, body)
	}
	if text := servetest.GopherGet(t, d, "/posts/2020-01-01-hello.txt\r\n"); !strings.Contains(text, "This is English text.") || !strings.Contains(text, "gopher メニュー") {
		t.Errorf("the English post on Gopher:\n%s", text)
	}
}
