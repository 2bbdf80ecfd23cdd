package capsule

import (
	"context"
	"strings"
	"testing"
	"time"

	"capsule/capsule/content"
)

// A reload of a Zola site whose section's page lists its pages
// (zolaSectionLists) is a build from nothing: the list follows a page's
// new title, a draft published, a page added, and a reload that changes
// nothing keeps it.
func TestZolaSectionListReload(t *testing.T) {
	f := &editedFolder{t: t, dir: t.TempDir(), clock: time.Now().Add(-240 * time.Hour)}
	f.write("config.toml", "base_url = \"https://example.org\"\n")
	f.write("content/notes/_index.md", "+++\nsort_by = \"date\"\n+++\nNotes.\n")
	f.write("content/notes/a.md", "+++\ntitle = \"First title\"\ndate = 2024-01-01\n+++\na\n")
	f.write("content/notes/b.md", "+++\ntitle = \"Draft one\"\ndate = 2024-02-01\ndraft = true\n+++\nb\n")
	site := func(c *content.Content) *Site {
		return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	}
	opts := content.LoadOptions{Settle: -1}
	var prevContent *content.Content
	var prev *Store
	for step, tc := range []struct {
		change     func()
		want, none string
	}{
		{func() {}, "=> /posts/a.gmi 2024-01-01 First title\n", "Draft one"},
		{func() { f.write("content/notes/a.md", "+++\ntitle = \"Second title\"\ndate = 2024-01-01\n+++\na\n") }, "=> /posts/a.gmi 2024-01-01 Second title\n", "First title"},
		{func() { f.write("content/notes/b.md", "+++\ntitle = \"Draft one\"\ndate = 2024-02-01\n+++\nb\n") }, "=> /posts/b.gmi 2024-02-01 Draft one\n=> /posts/a.gmi", ""},
		{func() { f.write("content/notes/c.md", "+++\ntitle = \"Third\"\ndate = 2024-03-01\n+++\nc\n") }, "=> /posts/c.gmi 2024-03-01 Third\n=> /posts/b.gmi", ""},
		{func() {}, "=> /posts/c.gmi 2024-03-01 Third\n=> /posts/b.gmi", ""},
	} {
		tc.change()
		fresh, err := content.Load(f.dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Build(context.Background(), site(fresh), fresh, BuildOptions{})
		if err != nil {
			t.Fatal(err)
		}
		incOpts := opts
		incOpts.Previous = prevContent
		inc, err := content.Load(f.dir, incOpts)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Build(context.Background(), site(inc), inc, BuildOptions{Previous: prev, PreviousContent: prevContent})
		if err != nil {
			t.Fatal(err)
		}
		if diff := storeDiff(want, got); diff != "" {
			t.Fatalf("step %d: the reload differs from a build from nothing: %s", step, diff)
		}
		r := got.gemini["/notes.gmi"]
		if r == nil {
			t.Fatalf("step %d: no /notes.gmi", step)
		}
		page := string(r.Bytes())
		if !strings.Contains(page, tc.want) || tc.none != "" && strings.Contains(page, tc.none) {
			t.Errorf("step %d: /notes.gmi: want %q, not %q:\n%s", step, tc.want, tc.none, page)
		}
		inc.Forget()
		prevContent, prev = inc, got
	}
}
