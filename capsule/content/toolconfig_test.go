package content

import (
	"path/filepath"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Without a site file, the title, description and language come from
// Jekyll's _config.yml or the Hugo configuration beside content/.
func TestToolConfig(t *testing.T) {
	jekyll := testfs.Write(t, map[string]string{
		"_config.yml":           "title: 私のJekyllブログ\ndescription: 日々のこと\nlang: ja\n",
		"_posts/2024-1-5-hi.md": "---\ntitle: やあ\n---\n本文\n",
	})
	c, err := Load(jekyll, LoadOptions{Settle: -1})
	if err != nil || c.Meta.Title != "私のJekyllブログ" || c.Meta.Description != "日々のこと" || c.Meta.Lang != "ja" {
		t.Errorf("Jekyll: %v %+v", err, c.Meta)
	}
	hugo := testfs.Write(t, map[string]string{
		"hugo.toml":              "title = '私のHugoブログ'\nlanguageCode = 'ja-jp'\n[params]\ndescription = 'メモ'\n",
		"content/posts/first.md": "---\ntitle: 最初\ndate: 2024-01-01\n---\n本文\n",
	})
	c, err = Load(filepath.Join(hugo, "content"), LoadOptions{Settle: -1})
	if err != nil || c.Meta.Title != "私のHugoブログ" || c.Meta.Description != "メモ" || c.Meta.Lang != "ja-jp" {
		t.Errorf("Hugo: %v %+v", err, c.Meta)
	}
	c, err = Load(filepath.Join(hugo, "content"), LoadOptions{Settle: -1, Lang: "en"})
	if err != nil || c.Meta.Lang != "en" {
		t.Errorf("Hugo with a language chosen: %v %+v", err, c.Meta)
	}
}
