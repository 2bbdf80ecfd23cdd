package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Jekyll site whose _config.yml gives no lang (nor locale) says its
// language in its layouts' <html lang="ja"> alone (fumokmm's notes site,
// 384 Japanese pages): capsule took it for English, lang=en and English
// labels. A layout's computed lang says nothing, and layouts that differ
// leave the default.
func TestJekyllLayoutLang(t *testing.T) {
	site := func(layouts map[string]string) map[string]string {
		files := map[string]string{
			"_config.yml":                "title: メモ\n",
			"_posts/2024-01-02-hello.md": "---\ntitle: こんにちは\ntags: [日記]\n---\n今日は晴れ。\n",
		}
		for name, text := range layouts {
			files["_layouts/"+name] = text
		}
		return files
	}
	d := startSite(t, testfs.Write(t, site(map[string]string{
		"base_layout.html":     "<!DOCTYPE html>\n<html lang=\"ja-JP\">\n<body>{{ content }}</body></html>\n",
		"redirect_layout.html": "<html><head><meta http-equiv=\"refresh\" content=\"0; url={{ page.redirect }}\"></head></html>\n",
	})))
	_, meta, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(meta, "lang=ja") || !strings.Contains(home, "タグ") {
		t.Errorf("home: %s, want lang=ja and Japanese labels:\n%s", meta, home)
	}
	if _, meta, _ := servetest.GeminiGet(t, d, "/posts/hello.gmi"); !strings.Contains(meta, "lang=ja") {
		t.Errorf("post: %s, want lang=ja", meta)
	}
	// A Traditional Chinese layout keeps its region, as the locale does:
	// its interface is in traditional characters.
	d = startSite(t, testfs.Write(t, site(map[string]string{"default.html": "<html lang=\"zh-TW\">{{ content }}</html>\n"})))
	if _, meta, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(meta, "lang=zh-tw") || !strings.Contains(home, "標籤") {
		t.Errorf("zh-TW layout: %s, want lang=zh-tw and traditional labels:\n%s", meta, home)
	}
	for _, layouts := range []map[string]string{
		{"default.html": "<html lang=\"{{ site.lang | default: 'en' }}\">{{ content }}</html>\n"},
		{"a.html": "<html lang=\"ja\">{{ content }}</html>\n", "b.html": "<html lang=\"fr\">{{ content }}</html>\n"},
	} {
		d := startSite(t, testfs.Write(t, site(layouts)))
		if _, meta, _ := servetest.GeminiGet(t, d, "/"); !strings.Contains(meta, "lang=en") {
			t.Errorf("layouts %v: %s, want the default lang=en", layouts, meta)
		}
	}
}
