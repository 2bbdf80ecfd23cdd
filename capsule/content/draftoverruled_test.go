package content

import (
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A Hugo page whose front matter says draft: false in a draft section
// (its _index.md says draft: true, or a cascade makes the section a
// draft) is a draft all the same, as Hugo 0.111 writes no page there:
// its author is told, at the page's draft line, which section and which
// file made it one. A page that says nothing of its draft there, and a
// page that says draft: false elsewhere, are not warned of; the
// warnings are one group, one line in the log.
func TestDraftOverruledWarned(t *testing.T) {
	post := func(title, extra string) string {
		return "---\ntitle: " + title + "\ndate: 2024-01-02\n" + extra + "---\nText.\n"
	}
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":                   "baseURL = \"https://x.org/\"\n[params]\nmainSections = [\"posts\"]\n",
		"content/posts/_index.md":     "---\ntitle: Posts\ncascade:\n- _target:\n    kind: section\n    path: /posts/sub/**\n  draft: true\n---\n",
		"content/posts/kept.md":       post("Kept", "draft: false\n"),
		"content/posts/own/_index.md": "---\ntitle: Own\ndraft: true\n---\n",
		"content/posts/own/a.md":      post("A", "tags: [x]\ndraft: false\n"),
		"content/posts/own/quiet.md":  post("Quiet", ""),
		"content/posts/sub/_index.md": "---\ntitle: Sub\n---\n",
		"content/posts/sub/b.md":      post("B", "draft: false\n"),
	})
	c, err := Load(dir, LoadOptions{Settle: -1, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range c.Warnings {
		if strings.Contains(w.Msg, "overruled") {
			got = append(got, strings.TrimPrefix(w.Error(), dir+"/"))
		}
	}
	want := []string{
		"content/posts/own/a.md:5: draft: false is overruled by the section posts/own/, whose posts/own/_index.md says draft: true",
		"content/posts/sub/b.md:4: draft: false is overruled by the section posts/sub/, made a draft by the cascade of posts/_index.md",
	}
	if len(got) != len(want) {
		t.Fatalf("warnings:\n%s\nwant two, beginning:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]+": ") || !strings.Contains(got[i], "/drafts/") {
			t.Errorf("warning %q, want it to begin %q and say where its author reads it", got[i], want[i])
		}
	}
	groups := 0
	for _, g := range GroupWarnings(c.Warnings) {
		if strings.Contains(g.String(), "overruled") {
			groups++
			if g.Count != 2 {
				t.Errorf("group %q: count %d, want 2", g.String(), g.Count)
			}
		}
	}
	if groups != 1 {
		t.Errorf("%d groups of the warnings, want one", groups)
	}
	if len(c.Drafts) != 3 {
		t.Errorf("drafts %v, want A, Quiet and B", c.Drafts)
	}
}
