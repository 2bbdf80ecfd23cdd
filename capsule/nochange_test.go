package capsule

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"capsule/capsule/content"
)

// A reload that finds nothing changed keeps the Store served, but not
// when the time published a scheduled post, nor when the site changed.
func TestNoChangeReloadKeepsTheStoreUntilTimeOrSiteChange(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	files := map[string]string{
		content.SiteFile: "+++\ntitle = \"題\"\n+++\n",
		"a.md":           "+++\ntitle = \"A\"\ndate = 2024-01-01\ntags = [\"t\"]\n+++\nA の本文\n",
		"later.md":       "+++\ntitle = \"Later\"\ndate = 2024-05-01T13:00:00Z\ntags = [\"t\"]\n+++\n後で\n",
	}
	old := now.Add(-time.Hour)
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	site := func(c *content.Content, host string) *Site {
		return &Site{SiteMeta: c.Meta, Hostname: host, GeminiPort: 1965, GopherPort: 70}
	}
	load := func(at time.Time, prev *content.Content) *content.Content {
		c, err := content.Load(dir, content.LoadOptions{Settle: -1, Now: at, Previous: prev})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	build := func(c *content.Content, host string, prev *Store, prevContent *content.Content) *Store {
		st, err := Build(context.Background(), site(c, host), c, BuildOptions{Previous: prev, PreviousContent: prevContent})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	c0 := load(now, nil)
	st0 := build(c0, "localhost", nil, nil)
	c0.Forget()

	c1 := load(now.Add(time.Minute), c0)
	st1 := build(c1, "localhost", st0, c0)
	if st1.gemini["/"] != st0.gemini["/"] || st1.Rendered != 0 {
		t.Fatalf("nothing changed, and the home page was built anew (%d rendered)", st1.Rendered)
	}
	c1.Forget()

	// Past the scheduled post's date: it is published, as a build from
	// nothing publishes it.
	later := now.Add(2 * time.Hour)
	c2 := load(later, c1)
	st2 := build(c2, "localhost", st1, c1)
	fresh := load(later, nil)
	if diff := storeDiff(build(fresh, "localhost", nil, nil), st2); diff != "" {
		t.Fatalf("after the scheduled post's time: %s", diff)
	}
	if st2.gemini["/posts/later.gmi"] == nil {
		t.Fatalf("the scheduled post is not published at its time")
	}
	c2.Forget()

	// Another hostname: every page is another.
	c3 := load(later, c2)
	st3 := build(c3, "example.org", st2, c2)
	if diff := storeDiff(build(load(later, nil), "example.org", nil, nil), st3); diff != "" {
		t.Fatalf("after a change of hostname: %s", diff)
	}
}

// An edit of a post's text past its first paragraph renders the post
// anew, with its line in lists and its feed entry as they were: the
// home page, the archive and the feeds are kept, not made again, and the
// Store is still a build from nothing.
func TestTextEditKeepsListsAndFeeds(t *testing.T) {
	dir := t.TempDir()
	write := settledWriter(t, dir)
	write(content.SiteFile, "+++\ntitle = \"題\"\n+++\n")
	write("a.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\ntags = [\"t\"]\n+++\n最初の段落。\n\n次の段落。\n")
	write("b.md", "+++\ntitle = \"B\"\ndate = 2024-01-02\ntags = [\"t\"]\n+++\nB の本文\n")
	site := func(c *content.Content) *Site {
		return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	}
	opts := content.LoadOptions{Settle: -1}
	c0, err := content.Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	st0, err := Build(context.Background(), site(c0), c0, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c0.Forget()
	write("a.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\ntags = [\"t\"]\n+++\n最初の段落。\n\n次の段落を書き直した。\n")
	opts.Previous = c0
	c1, err := content.Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	st1, err := Build(context.Background(), site(c1), c1, BuildOptions{Previous: st0, PreviousContent: c0})
	if err != nil {
		t.Fatal(err)
	}
	if st1.Rendered == 0 {
		t.Fatalf("the post edited was not rendered anew")
	}
	for _, path := range []string{"/", archivePath, atomPath, "/tags/t.gmi", "/tags/t.xml"} {
		if st1.gemini[path] != st0.gemini[path] {
			t.Errorf("%s made again after an edit past the post's first paragraph", path)
		}
	}
	if diff := storeDiff((&reloads{t: t, dir: dir, site: site}).fromNothing(), st1); diff != "" {
		t.Fatalf("after an edit of a post's text: %s", diff)
	}
}

// settledWriter returns what writes a file in dir, dated an hour ago
// (past the racy window a load reads a file again in), each a second
// after the last: a load takes it as settled.
func settledWriter(t *testing.T, dir string) func(name, text string) {
	old := time.Now().Add(-time.Hour)
	return func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
		old = old.Add(time.Second)
	}
}
