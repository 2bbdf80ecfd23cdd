package content

import (
	"path/filepath"
	"testing"

	"capsule/capsule/internal/testfs"
)

// A folder named as a language is a category when nothing else says it
// is a language: it/_posts on a blog in English is about IT, and so is
// one folder named so whose posts say nothing of their language. Two
// language folders, or a post that says its folder's language, make the
// site one of several languages.
func TestJekyllLanguageFolders(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		langs int
	}{
		{"a category named it", map[string]string{
			"_config.yml":                     "title: Blog\nlang: en\n",
			"_posts/2024-01-01-hello.md":      "---\ntitle: Hello\n---\nHi.\n",
			"it/_posts/2024-01-02-servers.md": "---\ntitle: Servers\n---\nRacks.\n",
		}, 0},
		{"two language folders", map[string]string{
			"_config.yml":                   "title: Blog\n",
			"_posts/ko/2024-01-01-hello.md": "---\ntitle: 안녕\n---\n안녕.\n",
			"_posts/en/2024-01-01-hello.md": "---\ntitle: Hello\n---\nHi.\n",
		}, 2},
		{"a folder whose post says its language", map[string]string{
			"_config.yml":                   "title: ブログ\nlang: ja\n",
			"_posts/2024-01-01-hello.md":    "---\ntitle: こんにちは\n---\nやあ。\n",
			"en/_posts/2024-01-01-hello.md": "---\ntitle: Hello\nlang: en\n---\nHi.\n",
		}, 2},
		{"a post in another language", map[string]string{
			"_config.yml":                 "title: ブログ\nlang: ja\n",
			"_posts/2024-01-01-hello.md":  "---\ntitle: こんにちは\n---\nやあ。\n",
			"_posts/2024-01-02-review.md": "---\ntitle: A review\nlang: en\n---\nHi.\n",
		}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := loadStrict(testfs.Write(t, c.files), LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Languages) != c.langs {
				t.Errorf("%d languages (%+v), want %d", len(got.Languages), got.Languages, c.langs)
			}
			if len(got.Posts) != 2 {
				t.Errorf("%d posts, want 2", len(got.Posts))
			}
		})
	}
}

// In capsule's own folder, hello.en.md beside hello.md is a post of its
// own, as Hugo publishes it when it has no such language: said in a
// warning, since an author who named it so meant a translation (the
// readers' and authors' trial: it appeared among the Japanese posts, and
// -check said 0 warnings). A name whose last part is no language's code
// (v1.2, notes.draft) is not warned of, nor a Hugo site's translation.
func TestLanguageInAFlatFolderFileName(t *testing.T) {
	post := "+++\ntitle = \"t\"\ndate = 2020-01-01\n+++\nx\n"
	c, err := Load(testfs.Write(t, map[string]string{
		"hello.md": post, "hello.en.md": post, "notes.v2.md": post, "plan.draft.md": post,
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	var named []string
	for _, w := range c.Warnings {
		if w.Kind == "language in a file name" {
			named = append(named, filepath.Base(w.File))
		}
	}
	if len(named) != 1 || named[0] != "hello.en.md" {
		t.Errorf("warned of %v, want [hello.en.md]", named)
	}
	hugo, err := Load(testfs.Write(t, map[string]string{
		"hugo.toml":              "defaultContentLanguage = \"ja\"\n[languages.ja]\nweight = 1\n[languages.en]\nweight = 2\n",
		"content/posts/hello.md": post, "content/posts/hello.en.md": post,
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range hugo.Warnings {
		if w.Kind == "language in a file name" {
			t.Errorf("a Hugo site's translation warned of: %v", w)
		}
	}
}
