package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A multilingual Hugo site whose default language is at its top writes
// /<default>/ as a page that redirects to the top (yzwbeast's blog:
// /zh/, which its pages link): the capsule answers it, and its other
// forms, with a redirect to its home on Gemini and the home's menu on
// Gopher; not with disableDefaultLanguageRedirect, with which Hugo
// writes none.
func TestHugoDefaultLanguageFolderLeadsHome(t *testing.T) {
	site := func(extra string) map[string]string {
		return map[string]string{
			"hugo.toml":                   "baseURL = \"https://example.org/\"\ntitle = \"ブログ\"\ndefaultContentLanguage = \"ja\"\n" + extra + "[languages.ja]\nweight = 1\ncontentDir = \"content/ja\"\n[languages.en]\nweight = 2\ncontentDir = \"content/en\"\n",
			"content/ja/posts/hello.md":   "---\ntitle: こんにちは\ndate: 2024-01-01\n---\n本文。\n",
			"content/en/posts/hello.md":   "---\ntitle: Hello\ndate: 2024-01-01\n---\nText.\n",
			"content/ja/posts/another.md": "---\ntitle: もう一つ\ndate: 2024-01-02\n---\n[ホーム](/ja/)\n",
		}
	}
	d := servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, site("")) })
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "こんにちは") {
		t.Fatalf("the home lists no Japanese post:\n%s", home)
	}
	for _, addr := range []string{"/ja/", "/ja", "/ja/index.html"} {
		st, meta, _ := servetest.GeminiGet(t, d, addr)
		if u, err := url.Parse(meta); st != gemini.StatusPermanentRedirect || err != nil || u.Path != "/" {
			t.Errorf("%s: %d %q, want a redirect to the home", addr, st, meta)
		}
		if menu := servetest.GopherGet(t, d, addr+"\r\n"); menu != servetest.GopherGet(t, d, "/\r\n") {
			t.Errorf("gopher %s is not the home's menu:\n%s", addr, menu)
		}
	}
	d = servetest.Start(t, func(c *config.Config) { c.Posts = testfs.Write(t, site("disableDefaultLanguageRedirect = true\n")) })
	if got := servedAnywhere(t, d, "/ja/"); got != "" {
		t.Errorf("/ja/, which Hugo does not write with disableDefaultLanguageRedirect, answered %s", got)
	}
}
