package capsule

import (
	"strings"
	"testing"

	"capsule/capsule/content"
)

// TestRecordHoldsNoOldMarkdown: a post's render record holds the post
// itself, not a copy; when a reload makes the posts anew (a new post) and
// takes a record, the record is given the new load's post, so that no
// record keeps alive a post of a load no Content has, nor its Markdown
// (a post whose templates were expanded keeps it: Forget leaves it).
func TestRecordHoldsNoOldMarkdown(t *testing.T) {
	dir := t.TempDir()
	write := settledWriter(t, dir)
	write(content.SiteFile, "+++\ntitle = \"題\"\n+++\n")
	write("a.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n参照: {{< ref \"b.md\" >}}\n")
	write("b.md", "+++\ntitle = \"B\"\ndate = 2024-01-02\n+++\n本文\n")
	write("old.md", "+++\ntitle = \"O\"\ndate = 2023-12-01\n+++\n古い本文\n") // plain, and its neighbours stay
	r := &reloads{t: t, dir: dir, site: func(c *content.Content) *Site {
		return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	}}
	r.next()
	write("c.md", "+++\ntitle = \"C\"\ndate = 2024-01-03\n+++\n新しい記事\n")
	st := r.next()
	if st.Rendered == 0 {
		t.Fatal("the new post was not rendered")
	}
	for _, p := range r.prevContent.Posts {
		rec := st.renders[p.File]
		switch {
		case rec == nil:
			t.Fatalf("%s: no record", p.File)
		case strings.HasSuffix(p.File, "a.md") && p.Body == nil:
			t.Fatalf("%s: its Markdown forgotten: the test needs a post whose templates were expanded", p.File)
		case rec.post != p:
			t.Errorf("%s: its record holds another load's post", p.File)
		}
	}
}
