package capsule

import (
	"context"
	"sync"
	"testing"

	"capsule/capsule/content"
	"capsule/capsule/postgen"
)

// sampleSentences are the sample blog's sentences, the material of
// generated posts.
var sampleSentences = sync.OnceValue(func() []string {
	s, err := postgen.Sentences("../posts")
	if err != nil {
		panic(err)
	}
	return s
})

// generatePost is post i of a generated blog, about size bytes.
func generatePost(i, size int) string { return postgen.Post(i, size, sampleSentences()) }

func TestGeneratedPostsBuild(t *testing.T) {
	dir := t.TempDir()
	if err := postgen.Write(dir, 20, 16<<10, sampleSentences()); err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(dir, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Posts) != 20 || len(c.Posts[0].Body) < 16<<10 || len(c.Posts[0].Body) > 20<<10 {
		t.Fatalf("%d posts of %d bytes", len(c.Posts), len(c.Posts[0].Body))
	}
	if _, err := Build(context.Background(), &Site{SiteMeta: c.Meta, Hostname: "localhost"}, c, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
}
