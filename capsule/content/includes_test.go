package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A reload that finds every post as it was takes the last load's posts
// (reusePosts); an include edited, added or removed since changes the
// posts that put it in, so such a reload looks at the includes again: the
// post shows the include's new text, and, once it is gone, none.
func TestReloadFollowsIncludeEdits(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"_config.yml":                "title: x\n",
		"_includes/note.html":        "<p>first note</p>\n",
		"_posts/2014-03-03-hello.md": "---\ntitle: Hello\n---\nbody\n\n{% include note.html %}\n\n{% include later.html %}\n",
	})
	testfs.Age(dir, time.Now().Add(-time.Hour))
	body := func(c *Content) string {
		if len(c.Posts) != 1 {
			t.Fatalf("%d posts", len(c.Posts))
		}
		return string(c.Posts[0].Body)
	}
	prev, err := Load(dir, LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		change    func()
		want, not string
	}{
		{func() {}, "first note", "second note"},
		{func() { write(t, dir, "_includes/note.html", "<p>second note</p>\n") }, "second note", "first note"},
		{func() { write(t, dir, "_includes/later.html", "<p>a later include</p>\n") }, "a later include", "first note"},
		{func() { os.Remove(filepath.Join(dir, "_includes/note.html")) }, "a later include", "second note"},
		{func() {}, "a later include", "second note"},
	}
	for i, s := range steps {
		s.change()
		next, err := Load(dir, LoadOptions{Settle: -1, Previous: prev})
		if err != nil {
			t.Fatal(err)
		}
		if b := body(next); !strings.Contains(b, s.want) || strings.Contains(b, s.not) {
			t.Errorf("step %d: the post's text is %q, want %q in it and not %q", i, b, s.want, s.not)
		}
		prev = next
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
}
