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
// title whole.
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

// Hugo writes that page to the folder "hugo-about-executable-not-found in
// Hugo" and links it as /hugo-about-executable-not-found%20in%20Hugo/:
// that address, as the web asks for it, leads to the post on Gemini, and
// gives its text on Gopher, as other old addresses do.
func TestURLWithASpaceLeadsToThePost(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml": "baseURL = \"https://example.org/\"\ntitle = \"memo\"\nlanguageCode = \"ja\"\n",
			"content/blog/not-found/index.md": "---\ntitle: \"Hugoにおける実行ファイルのnot foundについて\"\n" +
				"url: hugo-about-executable-not-found in Hugo\ndate: 2021-08-31\n---\n\nnot found と表示される。\n",
		})
	})
	for _, old := range []string{"/hugo-about-executable-not-found%20in%20Hugo/", "/hugo-about-executable-not-found%20in%20Hugo"} {
		status, meta, _ := servetest.GeminiGet(t, d, old)
		if status/10 != 3 {
			t.Errorf("%s: status %d %s, want a redirect", old, status, meta)
			continue
		}
		if _, _, page := servetest.GeminiGetURL(t, d, meta); !strings.Contains(page, "not found と表示される。") {
			t.Errorf("%s leads to %s, which is not the post:\n%s", old, meta, page)
		}
	}
	for _, sel := range []string{"/hugo-about-executable-not-found%20in%20Hugo/", "/hugo-about-executable-not-found in Hugo/"} {
		if text := servetest.GopherGet(t, d, sel+"\r\n"); !strings.Contains(text, "not found と表示される。") {
			t.Errorf("Gopher %q does not give the post's text:\n%s", sel, text)
		}
	}
}
