package content

import (
	"path/filepath"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A post that Hugo also copies as a file (a static folder that is the
// content folder, staticDir = ['static', 'content']) is served as its
// bytes too: a build forgetting the post's Markdown dropped the file's,
// the record of both paths being one, and the next reload served the
// file empty.
func TestForgetPostKeepsTheSameFileServed(t *testing.T) {
	post := "+++\ntitle = \"Hello\"\ndate = 2020-01-01\n+++\nbody\n"
	root := testfs.Write(t, map[string]string{
		"hugo.toml":              "title = 'x'\nstaticDir = ['static', 'content']\n",
		"content/posts/hello.md": post,
	})
	testfs.Age(root, time.Now().Add(-time.Hour))
	dir := filepath.Join(root, "content")
	served := func(c *Content) (string, bool) {
		for _, f := range c.Files {
			if f.Path == "posts/hello.md" {
				return string(f.Data), true
			}
		}
		return "", false
	}
	first, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := served(first); !ok || got != post || len(first.Posts) != 1 {
		t.Fatalf("the post is served as a file %q (%v), posts %d: this test's folder is not what it means", got, ok, len(first.Posts))
	}
	first.Forget()
	for _, p := range first.Posts {
		first.ForgetPost(p) // as a build forgets each post it renders
	}
	next, err := Load(dir, LoadOptions{Settle: -1, Previous: first})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := served(next); got != post {
		t.Errorf("after a build forgot the post, a reload serves its file as %q", got)
	}
}
