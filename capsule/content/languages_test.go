package content

import (
	"testing"

	"capsule/capsule/internal/testfs"
)

// A Hugo language with no title of its own is titled by the top level's
// title, as Hugo's .Site.Title is, not by the default language's
// (mitsuyoshi-yamazaki's ja-jp pages were titled in English).
func TestHugoLanguageTitleFallsBackToTheTopLevel(t *testing.T) {
	c, err := Load(testfs.Write(t, map[string]string{
		"hugo.toml": "title = \"日本語のタイトル\"\ndefaultContentLanguage = \"en\"\n" +
			"[languages.ja]\nweight = 1\n[languages.en]\nweight = 2\ntitle = \"English title\"\n",
		"content/posts/a.md":    "---\ntitle: A\ndate: 2024-01-01\n---\nx\n",
		"content/posts/a.ja.md": "---\ntitle: エー\ndate: 2024-01-01\n---\nx\n",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, l := range c.Languages {
		titles[l.Code] = l.Title
	}
	if titles["ja"] != "日本語のタイトル" || c.Meta.Title != "English title" && titles["en"] != "English title" {
		t.Errorf("language titles %q, site title %q; want ja 日本語のタイトル and en English title", titles, c.Meta.Title)
	}
}
