package content

import (
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// The text of a home page's _index.md, which Hugo's themes show above
// the list, is not shown by capsule: said in a warning at its first line,
// in the site's file and in each language's, never lost in silence.
func TestHomePageTextIsSaid(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":               "title = \"Blog\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/_index.md":       "---\ntitle: Blog\n---\n\nWelcome to the blog.\nIt has posts.\n",
		"content/_index.fr.md":    "---\ntitle: Blogue\n---\nBienvenue.\n",
		"content/posts/a.md":      "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n",
		"content/posts/_index.md": "---\ntitle: Posts\n---\n",
	})
	c, err := loadStrict(dir+"/content", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, w := range c.Warnings {
		if w.Kind == "home page text not shown" {
			said = append(said, w.Error())
		}
	}
	want := []string{"content/_index.fr.md:4: the home page's text (1 line)", "content/_index.md:5: the home page's text (2 lines)"}
	if len(said) != len(want) {
		t.Fatalf("warnings %q, want %d", said, len(want))
	}
	for _, w := range want {
		found := false
		for _, s := range said {
			found = found || strings.Contains(s, w)
		}
		if !found {
			t.Errorf("no warning %q in %q", w, said)
		}
	}
}
