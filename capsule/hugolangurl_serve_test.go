package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// In a multilingual Hugo site a url written without a leading slash is
// under the page's language's folder; one with a leading slash is at the
// root. zatoima.github.io gives each Japanese post (the default language,
// at the root) and its English translation the same "url: what-is-duckdb":
// Hugo writes them at /what-is-duckdb/ and /en/what-is-duckdb/. Each of
// those addresses leads to its own language's post.
func TestHugoRelativeURLIsUnderItsLanguage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"memo\"\ndefaultContentLanguage = \"ja\"\n" +
				"[languages.ja]\nlanguageCode = \"ja\"\ncontentDir = \"content/ja\"\nweight = 1\n" +
				"[languages.en]\nlanguageCode = \"en\"\ncontentDir = \"content/en\"\nweight = 2\n",
			"content/ja/blog/duckdb/index.md": "---\ntitle: DuckDBとは何か\nurl: what-is-duckdb\ndate: 2026-03-01\n---\n\n日本語の本文。\n",
			"content/en/blog/duckdb/index.md": "---\ntitle: What is DuckDB\nurl: what-is-duckdb\ndate: 2026-03-01\n---\n\nThe English text.\n",
			"content/en/blog/rooted/index.md": "---\ntitle: Rooted\nurl: /rooted-en\ndate: 2026-03-02\n---\n\nAt the root.\n",
			"content/ja/blog/rooted/index.md": "---\ntitle: ルート\ndate: 2026-03-02\n---\n\n本文。\n",
		})
	})
	for old, want := range map[string]string{
		"/what-is-duckdb/":    "日本語の本文。",
		"/en/what-is-duckdb/": "The English text.",
		"/en/what-is-duckdb":  "The English text.",
		"/rooted-en/":         "At the root.",
	} {
		status, meta, _ := servetest.GeminiGet(t, d, old)
		if status/10 != 3 {
			t.Errorf("%s: status %d %s, want a redirect", old, status, meta)
			continue
		}
		_, _, page := servetest.GeminiGetURL(t, d, meta)
		if !strings.Contains(page, want) {
			t.Errorf("%s leads to %s, which lacks %q:\n%s", old, meta, want, page)
		}
	}
}
