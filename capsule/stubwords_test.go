package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A theme's archive page whose section _index.md says type: "archive"
// and a word of text (ShintaroOba/techlog's "archive page",
// busitora_blog's "記事履歴"): the theme's list template draws its
// archive there, under that word, so capsule's archive stands for it, as
// for a stub without text; the word is in the warning. So does capsule's
// search for a page with layout: search and no text, whatever its name.
// A section of more than a line under such a template, or a page's line
// under it (search.md: "検索語を入れてください"), stays the author's
// page. On main, the archive was served as a page at /pages/archive.gmi,
// which /archive/ led to on Gopher, and find.md was an empty page.
func TestThemeStubWithAWord(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":                 "baseURL = \"https://example.org/\"\ntitle = \"ブログ\"\nlanguageCode = \"ja\"\n",
		"content/posts/hello.md":    "---\ntitle: 最初の記事\ndate: 2020-01-01\n---\n本文です。\n",
		"content/archive/_index.md": "---\ntitle: \"Archive\"\ndate: 2019-10-19T11:44:14+09:00\ntype: \"archive\"\ndescription: Archive Page\n---\n\n記事履歴\n",
		"content/find.md":           "---\ntitle: 探す\nlayout: search\n---\n",
		"content/search.md":         "---\ntitle: 検索\nlayout: search\n---\n検索語を入れてください\n",
		"content/history/_index.md": "---\ntitle: 歴史\ntype: archive\n---\n\nこのブログの歴史。\n\n二〇一九年に始めました。\n",
		"content/note.md":           "---\ntitle: メモ\nlayout: archive\n---\n一行のメモ\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	for from, to := range map[string]string{"/archive/": "/archive.gmi", "/find/": "/search"} {
		if s, meta, _ := servetest.GeminiGet(t, d, from); s != 31 || !strings.HasSuffix(meta, to) {
			t.Errorf("gemini %s: %d %q, want a redirect to capsule's %s", from, s, meta, to)
		}
	}
	pages := servetest.Crawl(t, d, 200)
	for addr, page := range pages {
		if strings.Contains(page, "記事履歴") || strings.Contains(page, "探す") {
			t.Errorf("%s serves a stub:\n%s", addr, page)
		}
	}
	// On Gopher, the theme's archive address is capsule's archive menu,
	// listing the post.
	if menu := servetest.GopherGet(t, d, "/archive/\r\n"); strings.Contains(menu, "記事履歴") || !strings.Contains(menu, "最初の記事") {
		t.Errorf("gopher /archive/: not capsule's archive:\n%s", menu)
	}
	for _, text := range []string{"二〇一九年に始めました。", "一行のメモ", "検索語を入れてください", "本文です。"} {
		if !servedOnBoth(pages, text) {
			t.Errorf("%q not served on both protocols", text)
		}
	}
	var warned []string
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "a theme's layout page") {
			warned = append(warned, w.Error())
		}
	}
	all := strings.Join(warned, "\n")
	if len(warned) != 2 || !strings.Contains(all, `archive/_index.md:1: a theme's layout page (its template "archive") whose only text is "記事履歴", which capsule's archive (/archive.gmi) serves`) ||
		!strings.Contains(all, "find.md:1: no text: a theme's layout page, which capsule's search (/search) serves") {
		t.Errorf("warnings %q, want the archive's, naming its word, and find.md's", warned)
	}
}
