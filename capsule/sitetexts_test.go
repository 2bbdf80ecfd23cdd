package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A site's title of 200 KB in a Hugo site's configuration was repeated
// in every page: each post's heading and link home, each menu. The
// site's title (a language's too) is cut to 512 bytes, its description
// to 4 KiB, at a character's end, and a warning says so; the post is
// served whole.
func TestSiteTextsCutToTheirBounds(t *testing.T) {
	long := strings.Repeat("長い題名", 20000) // 240,000 bytes
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"" + long + "\"\ndefaultContentLanguage = \"ja\"\n" +
				"[params]\ndescription = \"" + long + "\"\n" +
				"[languages.ja]\nweight = 1\ncontentDir = \"content/ja\"\n[languages.en]\nweight = 2\ncontentDir = \"content/en\"\ntitle = \"" + long + "\"\n",
			"content/ja/posts/a.md": "---\ntitle: 記事\ndate: 2024-01-01\n---\n本文。\n",
			"content/en/posts/a.md": "---\ntitle: Post\ndate: 2024-01-01\n---\nText.\n",
		})
	})
	for _, addr := range []string{"/", "/posts/a.gmi", "/en/", "/en/posts/a.gmi"} {
		_, _, page := servetest.GeminiGet(t, d, addr)
		if len(page) > 8192 || !strings.Contains(page, "長い題名") {
			t.Errorf("%s: %d bytes, want the title cut, at most 8 KiB in all", addr, len(page))
		}
	}
	if menu := servetest.GopherGet(t, d, "/posts/a/\r\n"); len(menu) > 8192 {
		t.Errorf("gopher /posts/a/: %d bytes", len(menu))
	}
	cut := 0
	for _, w := range d.Store().Warnings {
		if w.Kind == "site text cut" {
			cut++
		}
	}
	if cut < 3 {
		t.Errorf("%d warnings of texts cut, want the title's, the description's and English's title: %v", cut, d.Store().Warnings)
	}
}

// The operator's title (-title) is cut to the same bound as a site's
// own: the home's heading carries 512 bytes of it at most.
func TestOperatorTitleCut(t *testing.T) {
	long := strings.Repeat("題名", 200) // 1,200 bytes
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{"a.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nText.\n"})
		c.Title = long
	})
	_, _, home := servetest.GeminiGet(t, d, "/")
	heading, _, _ := strings.Cut(home, "\n")
	if len(heading) > 512+2 || !strings.HasPrefix(heading, "# 題名") || !strings.HasSuffix(heading, "…") {
		t.Errorf("the home's heading, %d bytes: %.80q…, want the title cut to 512 bytes", len(heading), heading)
	}
}
