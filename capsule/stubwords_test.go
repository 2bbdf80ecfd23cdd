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

// A Jekyll theme's page of the categories with no text (Chirpy's
// _tabs/categories.md, layout: categories), which its template fills
// with the posts' categories: capsule's tags hold them, so its tag index
// stands for the page, as for Hexo's. On 28f15da it was an empty page
// at /categories.gmi, linked from the home, /categories/ leading there.
func TestJekyllCategoriesStub(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: 帳面\nlang: ja\ncollections:\n  tabs:\n    output: true\n    permalink: /:title/\n",
		"_posts/2024-01-01-hello.md": "---\ntitle: 最初の記事\ncategories: [日記]\n---\n本文です。\n",
		"_tabs/categories.md":        "---\nlayout: categories\nicon: fas fa-stream\norder: 1\n---\n",
		"_tabs/about.md":             "---\ntitle: 自己紹介\n---\n書いている人。\n",
		"index.html":                 "---\nlayout: home\n---\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	if s, meta, _ := servetest.GeminiGet(t, d, "/categories/"); s != 31 || !strings.HasSuffix(meta, "/tags/") {
		t.Errorf("gemini /categories/: %d %q, want a redirect to capsule's tag index", s, meta)
	}
	index := servetest.GopherGet(t, d, "/tags/\r\n")
	if menu := servetest.GopherGet(t, d, "/categories/\r\n"); menu != index || !strings.Contains(menu, "日記") {
		t.Errorf("gopher /categories/ is not capsule's tag index:\n%s", menu)
	}
	if got := servedAnywhere(t, d, "/categories.gmi"); got != "" {
		t.Errorf("the theme's empty page is served: %s", got)
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	if strings.Contains(home, "categories") || !strings.Contains(home, "自己紹介") {
		t.Errorf("the home links the empty page, or not the page with text:\n%s", home)
	}
}

// A theme's tags page with no text whose address on the web is the
// capsule's tag index itself (Chirpy's _tabs/tags.md, permalink
// /:title/: /tags/) is left out with one warning, the stub's: the tag
// index answers /tags/ as the stub's links lead. A second warning said
// its address /tags/ "is the tag index's: not served there", as if
// something were lost (heaths2.github.io). The archive's stub at
// /archives/, which is no address of capsule's, still leads there.
func TestStubAtItsBuiltinAddress(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: G\ncollections:\n  tabs:\n    output: true\n    permalink: /:title/\n",
		"_posts/2024-01-01-hello.md": "---\ntitle: Hello\ntags: [gemini]\n---\n본문\n",
		"_tabs/tags.md":              "---\nlayout: tags\n---\n",
		"_tabs/archives.md":          "---\nlayout: archives\n---\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
	var warned []string
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.File, "_tabs") {
			warned = append(warned, w.Error())
		}
	}
	if len(warned) != 2 || strings.Contains(strings.Join(warned, "\n"), "not served there") {
		t.Errorf("warnings %q, want one for each stub", warned)
	}
	if s, _, body := servetest.GeminiGet(t, d, "/tags/"); s != 20 || !strings.Contains(body, "gemini") {
		t.Errorf("gemini /tags/: %d, not the tag index:\n%s", s, body)
	}
	if s, meta, _ := servetest.GeminiGet(t, d, "/archives/"); s != 31 || !strings.HasSuffix(meta, "/archive.gmi") {
		t.Errorf("gemini /archives/: %d %q, want a redirect to the archive", s, meta)
	}
}
