package capsule

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unsafe"

	"capsule/capsule/content"
)

// A file beside the posts is held once: both protocols serve the bytes
// the load read, and a reload that keeps the file serves them still,
// neither copying them. Copied into each Store's responses, a blog's
// images were held twice (the Rust blog's 45 MiB of them took its
// resident memory to 2.4 times what it serves) and every reload copied
// them all again.
func TestFilesAreHeldOnceAndKeptByAReload(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	img := bytes.Repeat([]byte("\x89PNG image bytes "), 4096)
	for name, data := range map[string][]byte{
		content.SiteFile: []byte("+++\ntitle = \"題\"\n+++\n"),
		"a.md":           []byte("+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n![絵](img.png)\n"),
		"b.md":           []byte("+++\ntitle = \"B\"\ndate = 2024-01-02\n+++\nB の本文\n"),
		"img.png":        img,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	load := func(prev *content.Content) *content.Content {
		c, err := content.Load(dir, content.LoadOptions{Settle: -1, Previous: prev})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	build := func(c *content.Content, prev *Store, prevContent *content.Content) *Store {
		site := &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
		st, err := Build(context.Background(), site, c, BuildOptions{Previous: prev, PreviousContent: prevContent})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	array := func(b []byte) *byte { return unsafe.SliceData(b) }
	served := func(st *Store) (gmi, gph []byte) {
		t.Helper()
		r := st.gemini["/img.png"]
		if r == nil {
			t.Fatalf("/img.png is not served over Gemini")
		}
		whole := r.Body // the body's one piece, in Raw or in Tail
		if len(r.Tail) == 1 && len(r.Body) == 0 {
			whole = r.Tail[0]
		}
		if !bytes.Equal(whole, img) || len(r.Tail) > 1 {
			t.Fatalf("/img.png is not served over Gemini as it is")
		}
		gph, ok := st.Gopher("/img.png")
		if !ok || !bytes.Equal(gph, img) {
			t.Fatalf("/img.png is not served over Gopher as it is")
		}
		return whole, gph
	}

	c0 := load(nil)
	var read []byte
	for _, f := range c0.Files {
		if f.Path == "img.png" {
			read = f.Data
		}
	}
	if read == nil {
		t.Fatal("img.png is not among the files loaded")
	}
	st0 := build(c0, nil, nil)
	gmi, gph := served(st0)
	if array(gmi) != array(read) || array(gph) != array(read) {
		t.Errorf("the Store serves a copy of the file's bytes, not the bytes read (Gemini: %v, Gopher: %v)",
			array(gmi) == array(read), array(gph) == array(read))
	}
	c0.Forget()

	// An edit of another post: the reload takes the file unchanged, and
	// serves the same bytes.
	p := filepath.Join(dir, "b.md")
	if err := os.WriteFile(p, []byte("+++\ntitle = \"B\"\ndate = 2024-01-02\n+++\nB の本文、直した\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(p, old.Add(time.Minute), old.Add(time.Minute))
	c1 := load(c0)
	st1 := build(c1, st0, c0)
	if st1.Rendered == 0 {
		t.Fatal("the edit was not rendered")
	}
	gmi, gph = served(st1)
	if array(gmi) != array(read) || array(gph) != array(read) {
		t.Errorf("after a reload that kept the file, the Store serves a copy of its bytes")
	}
}
