package capsule

import (
	"context"
	"path/filepath"
	"testing"

	"capsule/capsule/content"
)

// TestBuildForgetsMarkdownAsItRenders: a build drops each post's Markdown
// once the post is rendered (a start then never holds a blog's Markdown
// whole beside what it renders to), and a later build of the same posts
// reads back what it renders again: the same Store.
func TestBuildForgetsMarkdownAsItRenders(t *testing.T) {
	c, err := content.Load(filepath.Join("..", "posts"), content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	site := func() *Site { return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70} }
	first, err := Build(context.Background(), site(), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	held := 0
	for _, p := range c.Posts {
		if p.Body != nil && p.BodyHash != 0 {
			held++
		}
	}
	if held > 0 || len(c.Posts) == 0 {
		t.Fatalf("%d of %d posts' Markdown held after the build", held, len(c.Posts))
	}
	again, err := Build(context.Background(), site(), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := storeDiff(first, again); diff != "" {
		t.Fatalf("the posts built again from Markdown read back: %s", diff)
	}
}
