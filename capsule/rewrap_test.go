package capsule

import (
	"bytes"
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"capsule/capsule/content"
)

// A reload that changes the Gopher width alone renders each post's Gopher
// text anew and nothing else of it: every other response of the posts is
// the previous Store's own bytes, left where they were; every text is in
// a text arena of this build, which holds nothing of the previous
// Store's (not even the free room of the one it was filling), whose
// texts are dead whole once it is; and the Store is the one a build from
// nothing makes.
func TestNewWidthRewrapsTextsAlone(t *testing.T) {
	f := &editedFolder{t: t, dir: t.TempDir(), rnd: rand.New(rand.NewPCG(41, 7)), clock: time.Now().Add(-240 * time.Hour)}
	f.write(content.SiteFile, "+++\ntitle = \"題\"\nlang = \"ja\"\n+++\n")
	for range 12 {
		f.change()
	}
	opts := content.LoadOptions{Settle: -1, Now: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)}
	site := func(width int) func(*content.Content) *Site {
		return func(c *content.Content) *Site {
			return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70, GopherWidth: width, Authors: []string{"aa"}}
		}
	}
	c, old := loadBuild(t, f.dir, opts, site(40), BuildOptions{})
	c.Forget() // as the daemon does: the reload reads back the Markdown it renders
	oldTexts := map[*arena]bool{}
	for file, r := range old.renders {
		if r.textArena == nil || r.textArena == r.arena || !inArena(r.textArena, r.txt) {
			t.Fatalf("%s: its Gopher text is not packed apart", file)
		}
		oldTexts[r.textArena] = true
	}
	o := opts
	o.Previous = c
	_, st := loadBuild(t, f.dir, o, site(60), BuildOptions{Previous: old, PreviousContent: c})
	_, want := loadBuild(t, f.dir, opts, site(60), BuildOptions{})
	if diff := storeDiff(want, st); diff != "" {
		t.Fatalf("the rewrapped Store differs from a build from nothing: %s", diff)
	}
	// (Drafts are few, and rendered anew whole: build.go.)
	if st.Rendered != len(st.draftRenders) || st.Rewrapped != len(st.renders) || st.packer.moved != 0 {
		t.Fatalf("%d posts rendered anew, %d of %d rewrapped, %d moved: want %d (the drafts), all, 0", st.Rendered, st.Rewrapped, len(st.renders), st.packer.moved, len(st.draftRenders))
	}
	changed := 0
	for file, r := range st.renders {
		was := old.renders[file]
		same := func(a, b []byte) bool {
			return len(a) == 0 && len(b) == 0 || len(a) > 0 && len(a) == len(b) && &a[0] == &b[0]
		}
		if !same(r.gmi.Raw, was.gmi.Raw) || !same(r.menu, was.menu) || !same(r.lines.gemini, was.lines.gemini) || !same(r.lines.gopher, was.lines.gopher) {
			t.Errorf("%s: its page, menu or lines were made anew, not taken", file)
		}
		if r.arena != was.arena || r.size != was.size {
			t.Errorf("%s: what is not its text moved, or is counted anew (%d bytes, were %d)", file, r.size, was.size)
		}
		if r.textArena == nil || oldTexts[r.textArena] || !inArena(r.textArena, r.txt) || r.textSize != len(r.txt) {
			t.Errorf("%s: its text is not in a text arena of its own build", file)
		}
		if !bytes.Equal(r.txt, was.txt) {
			changed++
		}
	}
	if changed == 0 {
		t.Fatal("no text differs at the new width: the test proves nothing")
	}
}

// After a restart, the posts are held in the build cache's chunks, their
// texts with the rest; a new width then rewraps their texts into text
// arenas and moves nothing else out of the chunks (their old texts stay
// counted there: rewrap), where taking them off moved half the posts'
// rest beside the new texts. The Store is the one a build from nothing
// makes.
func TestNewWidthAfterARestartMovesNothing(t *testing.T) {
	path, dir := generatedCache(t)
	file, _, err := OpenCache(path, dir)
	if err != nil {
		t.Fatal(err)
	}
	c, st := restartFrom(t, file, dir)
	c.Forget()
	wider := func(c *content.Content) *Site {
		s := cacheTestSite(c)
		s.GopherWidth += 20
		return s
	}
	_, got := loadBuild(t, dir, content.LoadOptions{Previous: c}, wider, BuildOptions{Previous: st, PreviousContent: c})
	if got.Rewrapped != len(got.renders) || got.packer.moved != 0 {
		t.Errorf("%d of %d posts rewrapped, %d moved: want all, and none", got.Rewrapped, len(got.renders), got.packer.moved)
	}
	_, want := loadBuild(t, dir, content.LoadOptions{}, wider, BuildOptions{})
	if diff := storeDiff(want, got); diff != "" {
		t.Fatalf("after a restart, the rewrapped Store differs from a build from nothing: %s", diff)
	}
}

// loadBuild loads dir with opts and builds it for site with bo, failing
// t on an error.
func loadBuild(t *testing.T, dir string, opts content.LoadOptions, site func(*content.Content) *Site, bo BuildOptions) (*content.Content, *Store) {
	t.Helper()
	c, err := content.Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	st, err := Build(context.Background(), site(c), c, bo)
	if err != nil {
		t.Fatal(err)
	}
	return c, st
}
