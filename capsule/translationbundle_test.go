package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A bundle's translation (Zola's and Hugo's index.ja.md beside
// index.md) links a sibling bundle as the bundle in the default
// language does: "./b/" from product/a/ is product/b, as capsule reads
// it from index.md, in the translation's language. capsule took
// index.ja.md for a page of its own, not the bundle's text, and left the
// link as written, a dead link with a warning, where the English page
// beside it led to B (codemonger's MumbleBee page, [Mumble](./mumble/)).
func TestTranslatedBundleLinksLikeItsBundle(t *testing.T) {
	d := startSite(t, testfs.Write(t, map[string]string{
		"config.toml":                   "base_url = \"https://example.com\"\ntitle = \"t\"\ndefault_language = \"en\"\n[languages.ja]\ntitle = \"て\"\n",
		"content/product/a/index.md":    "+++\ntitle = \"A\"\n+++\nSee [B](./b/) and [B again](../b/).\n",
		"content/product/a/index.ja.md": "+++\ntitle = \"エー\"\n+++\n[ビー](./b/)と[もう一度ビー](../b/)を見て。\n",
		"content/product/b/index.md":    "+++\ntitle = \"B\"\n+++\nbee\n",
		"content/product/b/index.ja.md": "+++\ntitle = \"ビー\"\n+++\nびー\n",
	}))
	_, _, en := servetest.GeminiGet(t, d, "/a.gmi")
	_, _, ja := servetest.GeminiGet(t, d, "/ja/a.gmi")
	// Both links lead to one page: one link line, the first's label.
	if !strings.Contains(en, "=> /b.gmi B\n") || strings.Contains(en, "./b/") {
		t.Errorf("the English page does not lead to B alone:\n%s", en)
	}
	if !strings.Contains(ja, "=> /ja/b.gmi ビー\n") || strings.Contains(ja, "./b/") {
		t.Errorf("the Japanese page does not lead to ビー alone:\n%s", ja)
	}
	if menu := servetest.GopherGet(t, d, "/ja/a.txt\r\n"); strings.Contains(menu, "./b/") {
		t.Errorf("the Gopher text keeps the link as written:\n%s", menu)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "does not exist") {
			t.Errorf("dead link: %v", w)
		}
	}
}
