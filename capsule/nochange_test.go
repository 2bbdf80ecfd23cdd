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
