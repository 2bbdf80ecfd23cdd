package content

import (
	"maps"
	"slices"
	"testing"

	"capsule/capsule/internal/testfs"
)

// A Hugo site whose languages' content folders are at its root, with no
// content folder (hugo-book's content.en, content.zh), is read as Hugo
// reads it, given its root: each folder its language's, and nothing else
// at the root served (its configuration and layouts were, the
// configuration being found none).
func TestHugoLanguageFoldersAtTheRoot(t *testing.T) {
	c, err := loadStrict(testfs.Write(t, map[string]string{
		"hugo.toml":                    "title = 'Book'\n[languages.en]\ncontentDir = 'content.en'\nweight = 1\n[languages.fr]\ncontentDir = 'content.fr'\nweight = 2\n",
		"content.en/posts/hello.md":    "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n",
		"content.fr/posts/hello.md":    "---\ntitle: Bonjour\ndate: 2024-01-01\n---\nSalut.\n",
		"content.en/posts/cover.png":   "PNG",
		"layouts/_default/single.html": "{{ .Content }}",
		"assets/main.css":              "body{}",
		"static/img/logo.png":          "PNG",
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]string{}
	for _, p := range c.Posts {
		langs[p.Title] = p.LangDir
	}
	if !maps.Equal(langs, map[string]string{"Hello": "", "Bonjour": "/fr"}) {
		t.Errorf("posts by language %v", langs)
	}
	var files []string
	for _, f := range c.Files {
		files = append(files, f.Path)
	}
	slices.Sort(files)
	if !slices.Equal(files, []string{"content.en/posts/cover.png", "img/logo.png"}) {
		t.Errorf("files %q, want the post's image and the static one alone", files)
	}
}
