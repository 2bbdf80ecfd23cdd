package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Hugo publishes a page whose url has a space (zatoima.github.io's
// "url: hugo-about-executable-not-found in Hugo", in Japanese and in
// English) at that address, escaped. The post is served, its text and
// title whole; only that old address is not answered, with a warning.
func TestPostWhoseURLHasASpaceIsServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml": "baseURL = \"https://example.org/\"\ntitle = \"memo\"\nlanguageCode = \"ja\"\n",
			"content/blog/not-found/index.md": "---\ntitle: \"Hugoにおける実行ファイルのnot foundについて\"\n" +
				"url: hugo-about-executable-not-found in Hugo\ndate: 2021-08-31\n---\n\nnot found と表示される。\n",
			"content/blog/other.md": "---\ntitle: 別の記事\ndate: 2021-08-01\n---\n\n本文。\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/not-found.gmi")
	if !strings.Contains(page, "# Hugoにおける実行ファイルのnot foundについて\n") || !strings.Contains(page, "not found と表示される。") {
		t.Errorf("the post is not served whole:\n%s", page)
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "Hugoにおける実行ファイルのnot foundについて") {
		t.Errorf("the home page does not list the post:\n%s", home)
	}
}
