package content

import (
	"maps"
	"slices"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Tags a Hugo or Zola site makes one term of (one address: "Rust" and
// "rust", ShintaroOba's) are one tag, spelt as most posts spell it; a post
// with both has it once. Jekyll's tags are as written: its site.tags keys
// them so.
func TestTermsOfOneAddressAreOneTag(t *testing.T) {
	posts := map[string]string{
		"a.md": "---\ntitle: A\ndate: 2024-01-01\ntags: [Rust, Go Lang]\n---\nA.\n",
		"b.md": "---\ntitle: B\ndate: 2024-01-02\ntags: [rust]\n---\nB.\n",
		"c.md": "---\ntitle: C\ndate: 2024-01-03\ntags: [rust, go-lang, Rust]\n---\nC.\n",
	}
	tagsOf := func(c *Content) map[string][]string {
		m := map[string][]string{}
		for _, p := range c.Posts {
			m[p.Title] = p.Tags
		}
		return m
	}
	hugo := map[string]string{"hugo.toml": "title = \"t\"\n"}
	for name, p := range posts {
		hugo["content/posts/"+name] = p
	}
	c, err := loadStrict(testfs.Write(t, hugo), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"A": {"Rust", "Go Lang"}, "B": {"Rust"}, "C": {"Rust", "Go Lang"}} // two posts each: the first seen
	if got := tagsOf(c); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Hugo: tags %q, want %q", got, want)
	}
	// One more post spelling it "rust": most posts do.
	hugo["content/posts/d.md"] = "---\ntitle: D\ndate: 2024-01-04\ntags: [rust]\n---\nD.\n"
	if c, err = loadStrict(testfs.Write(t, hugo), LoadOptions{Settle: -1}); err != nil {
		t.Fatal(err)
	}
	want = map[string][]string{"A": {"rust", "Go Lang"}, "B": {"rust"}, "C": {"rust", "Go Lang"}, "D": {"rust"}}
	if got := tagsOf(c); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Hugo, most posts: tags %q, want %q", got, want)
	}
	jekyll := map[string]string{"_config.yml": "title: t\n"}
	for name, p := range posts {
		jekyll["_posts/2024-01-0"+string(name[0]-'a'+'1')+"-"+name] = p
	}
	c, err = loadStrict(testfs.Write(t, jekyll), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	want = map[string][]string{"A": {"Rust", "Go Lang"}, "B": {"rust"}, "C": {"rust", "go-lang", "Rust"}}
	if got := tagsOf(c); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Jekyll: tags %q, want %q", got, want)
	}
}
