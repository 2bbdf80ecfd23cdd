package capsule

import (
	"context"
	"os"
	"path/filepath"
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
	sectionListReloads(t, f, "/notes.gmi", []sectionListStep{
		{func() {}, "=> /posts/a.gmi 2024-01-01 First title\n", "Draft one"},
		{func() { f.write("content/notes/a.md", "+++\ntitle = \"Second title\"\ndate = 2024-01-01\n+++\na\n") }, "=> /posts/a.gmi 2024-01-01 Second title\n", "First title"},
		{func() { f.write("content/notes/b.md", "+++\ntitle = \"Draft one\"\ndate = 2024-02-01\n+++\nb\n") }, "=> /posts/b.gmi 2024-02-01 Draft one\n=> /posts/a.gmi", ""},
		{func() { f.write("content/notes/c.md", "+++\ntitle = \"Third\"\ndate = 2024-03-01\n+++\nc\n") }, "=> /posts/c.gmi 2024-03-01 Third\n=> /posts/b.gmi", ""},
		{func() {}, "=> /posts/c.gmi 2024-03-01 Third\n=> /posts/b.gmi", ""},
	})
}

// sectionListStep is a change to a folder, then what a section's page
// has and has not (none) after it.
type sectionListStep struct {
	change     func()
	want, none string
}

// sectionListReloads makes each change to f in turn, and checks that a
// reload after it builds what a build from nothing does, and that the
// section's page, at page, has what the step wants.
func sectionListReloads(t *testing.T, f *editedFolder, page string, steps []sectionListStep) {
	t.Helper()
	site := func(c *content.Content) *Site {
		return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	}
	opts := content.LoadOptions{Settle: -1}
	var prevContent *content.Content
	var prev *Store
	for step, tc := range steps {
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
		r := got.gemini[page]
		if r == nil {
			t.Fatalf("step %d: no %s", step, page)
		}
		text := string(r.Bytes())
		if !strings.Contains(text, tc.want) || tc.none != "" && strings.Contains(text, tc.none) {
			t.Errorf("step %d: %s: want %q, not %q:\n%s", step, page, tc.want, tc.none, text)
		}
		inc.Forget()
		prevContent, prev = inc, got
	}
}

// A Hugo section that is a page (its _index.md's text) lists its pages
// as Zola's does (hugoSectionLists), by weight first: a reload follows
// a new title, a new weight, a page added, as a build from nothing.
func TestHugoSectionListReload(t *testing.T) {
	f := &editedFolder{t: t, dir: t.TempDir(), clock: time.Now().Add(-240 * time.Hour)}
	f.write("hugo.toml", "baseURL = \"https://example.org/\"\n[params]\nmainSections = [\"posts\"]\n")
	f.write("content/posts/p.md", "---\ntitle: P\ndate: 2024-01-01\n---\np\n")
	f.write("content/docs/_index.md", "---\ntitle: Docs\n---\nThe docs.\n")
	f.write("content/docs/a.md", "---\ntitle: First title\nweight: 2\n---\na\n")
	f.write("content/docs/b.md", "---\ntitle: Bee\nweight: 1\n---\nb\n")
	sectionListReloads(t, f, "/docs.gmi", []sectionListStep{
		{func() {}, "=> /b.gmi Bee\n=> /a.gmi First title\n", ""},
		{func() { f.write("content/docs/a.md", "---\ntitle: Second title\nweight: 2\n---\na\n") }, "=> /a.gmi Second title\n", "First title"},
		{func() { f.write("content/docs/b.md", "---\ntitle: Bee\nweight: 3\n---\nb\n") }, "=> /a.gmi Second title\n=> /b.gmi Bee\n", ""},
		{func() { f.write("content/docs/c.md", "---\ntitle: Sea\n---\nc\n") }, "=> /b.gmi Bee\n=> /c.gmi Sea\n", ""},
		{func() {}, "=> /b.gmi Bee\n=> /c.gmi Sea\n", ""},
	})
}

// A jekyll-polyglot language's home links the pages polyglot copies into
// it (an English-only about page on /ja/): a reload follows its new
// title, its translation added (the home then links that instead) and
// removed, as a build from nothing.
func TestPolyglotCopiedPagesReload(t *testing.T) {
	f := &editedFolder{t: t, dir: t.TempDir(), clock: time.Now().Add(-240 * time.Hour)}
	f.write("_config.yml", "title: Notes\nlanguages: [\"en\", \"ja\"]\ndefault_lang: \"en\"\nplugins:\n  - jekyll-polyglot\n")
	f.write("_posts/2024-01-01-hello.md", "---\ntitle: Hello\n---\nHello.\n")
	f.write("about.md", "---\ntitle: About me\npermalink: /about/\n---\nWho writes.\n")
	sectionListReloads(t, f, "/ja/", []sectionListStep{
		{func() {}, "=> /about.gmi About me\n", ""},
		{func() { f.write("about.md", "---\ntitle: About us\npermalink: /about/\n---\nWho writes.\n") }, "=> /about.gmi About us\n", "About me"},
		{func() {
			f.write("about.ja.md", "---\ntitle: 自己紹介\nlang: ja\npermalink: /about/\n---\n書き手。\n")
		}, "=> /ja/about.ja.gmi 自己紹介\n", "About us"},
		{func() { os.Remove(filepath.Join(f.dir, "about.ja.md")) }, "=> /about.gmi About us\n", "自己紹介"},
	})
}
