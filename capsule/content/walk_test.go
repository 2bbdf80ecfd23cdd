package content

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A reload whose reading of the folder is the last load's takes that
// load's sorting of it (walk.go); one whose reading differs in a name or
// a kind of entry sorts its own: a folder replaced by a file of the same
// name, a file added, a file removed are each loaded as a load from
// nothing loads them.
func TestReloadReadsTheFolderAnewWhenItChanged(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md":      "+++\ntitle = \"A\"\ndate = 2020-01-02\n+++\nA\n",
		"b.md":      "+++\ntitle = \"B\"\ndate = 2020-01-03\n+++\nB\n",
		"img/x.txt": "x",
		"c.txt":     "c",
	})
	opts := LoadOptions{Settle: -1, Layout: LayoutFlat, Exclude: []string{"img/"}} // folders named img only: a file so named is served
	load := func(prev *Content) *Content {
		t.Helper()
		o := opts
		o.Previous = prev
		c, err := Load(dir, o)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	first := load(nil)
	same := load(first)
	if &same.cache.top.entries[0] != &first.cache.top.entries[0] {
		t.Error("the folder read as before, and sorted again")
	}
	check := func(what string, got *Content) {
		t.Helper()
		want := load(nil)
		paths := func(c *Content) (out []string) {
			for _, f := range c.Files {
				out = append(out, f.Path)
			}
			for _, p := range c.Posts {
				out = append(out, p.File)
			}
			return out
		}
		if g, w := paths(got), paths(want); !slices.Equal(g, w) {
			t.Errorf("after %s: files and posts %q, a load from nothing has %q", what, g, w)
		}
	}
	// A folder replaced by a file of the same name.
	if err := os.RemoveAll(filepath.Join(dir, "img")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "img"), []byte("now a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	next := load(same)
	check("a folder replaced by a file", next)
	if !slices.ContainsFunc(next.Files, func(f File) bool { return f.Path == "img" }) {
		t.Errorf("the file img that replaced a folder is not served: %v", next.Files)
	}
	if err := os.Rename(filepath.Join(dir, "c.txt"), filepath.Join(dir, "e.txt")); err != nil {
		t.Fatal(err)
	}
	next = load(next)
	check("a file renamed", next)
	os.WriteFile(filepath.Join(dir, "d.md"), []byte("+++\ntitle = \"D\"\ndate = 2020-01-04\n+++\nD\n"), 0o644)
	next = load(next)
	check("a post added", next)
	os.Remove(filepath.Join(dir, "a.md"))
	check("a post removed", load(next))
}

// Two readings are the same only entry for entry, name and kind: a
// folder and a file of one name are not the same reading (a file
// system may give the new entry the old one's place).
func TestSameReadingComparesKinds(t *testing.T) {
	file, folder := dirEntry{"img", 0}, dirEntry{"img", fs.ModeDir}
	a, b := dirEntry{"a.md", 0}, dirEntry{"b.md", 0}
	for _, c := range []struct {
		x, y []fs.DirEntry
		same bool
	}{
		{[]fs.DirEntry{a, folder}, []fs.DirEntry{a, folder}, true},
		{[]fs.DirEntry{a, folder}, []fs.DirEntry{a, file}, false},
		{[]fs.DirEntry{a, b}, []fs.DirEntry{b, a}, false},
		{[]fs.DirEntry{a, b}, []fs.DirEntry{a}, false},
	} {
		if got := sameReading(c.x, c.y); got != c.same {
			t.Errorf("sameReading(%v, %v) = %v", c.x, c.y, got)
		}
	}
}

type dirEntry struct {
	name string
	kind fs.FileMode
}

func (d dirEntry) Name() string               { return d.name }
func (d dirEntry) IsDir() bool                { return d.kind.IsDir() }
func (d dirEntry) Type() fs.FileMode          { return d.kind }
func (d dirEntry) Info() (fs.FileInfo, error) { return nil, fs.ErrNotExist }

// trustFolderTimes has listingTrusted trust the times of dir's file
// system until the test ends, if it does not already: on a file system
// it does not know (an overlay), the rule is tried all the same, on the
// times the test's folder keeps.
func trustFolderTimes(t *testing.T, dir string) {
	if f, err := os.Open(dir); err == nil && listingTrusted(f) {
		f.Close()
		return
	}
	t.Log("the test's folder is on a file system whose folders' times are not trusted: trusted for the test")
	old := listingTrusted
	t.Cleanup(func() { listingTrusted = old })
	listingTrusted = func(*os.File) bool { return true }
}

// A reload takes the last load's reading of the posts folder when the
// folder's stat is the one that load saw, and that load was not racy
// (readDirRaw): it reads the folder's entries from the kernel again only
// when one may have changed. An entry added with the folder's times set
// back (its change time moves) is seen, and so is one added within
// RacyWindow of the last reading, whatever the stat says; and on a file
// system whose folders' times are not trusted, the folder is always read.
func TestReloadRereadsOnlyAChangedFolder(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA\n",
		"b.md": "---\ntitle: B\ndate: 2024-01-02\n---\nB\n",
	})
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, n := range []string{"a.md", "b.md"} {
		os.Chtimes(filepath.Join(dir, n), old, old)
	}
	trustFolderTimes(t, dir)
	time.Sleep(RacyWindow + 100*time.Millisecond) // the folder's change time is past the racy window
	readings := 0
	defer func(f func(*os.File) ([]fs.DirEntry, error)) { readDir = f }(readDir)
	real := readDir
	readDir = func(f *os.File) ([]fs.DirEntry, error) {
		if f.Name() == dir {
			readings++
		}
		return real(f)
	}
	opts := LoadOptions{Settle: -1, Layout: LayoutFlat}
	load := func(what string, wantReadings int, wantPosts ...string) {
		t.Helper()
		readings = 0
		c, err := Load(dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range c.Posts {
			got = append(got, p.Slug)
		}
		slices.Sort(got)
		if !slices.Equal(got, wantPosts) {
			t.Errorf("%s: posts %v, want %v", what, got, wantPosts)
		}
		if readings != wantReadings {
			t.Errorf("%s: the folder was read %d times, want %d", what, readings, wantReadings)
		}
		c.Forget()
		opts.Previous = c
	}
	load("first load", 1, "a", "b")
	load("reload, nothing changed", 0, "a", "b")
	before, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.md"), []byte("---\ntitle: C\ndate: 2024-01-03\n---\nC\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(dir, before.ModTime(), before.ModTime()); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dir, "c.md"), old, old)
	load("reload, a post added, the folder's times set back", 1, "a", "b", "c")
	load("reload within the racy window", 1, "a", "b", "c")
	if err := os.Remove(filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	load("reload, a post removed", 1, "b", "c")
	if err := os.Rename(filepath.Join(dir, "b.md"), filepath.Join(dir, "d.md")); err != nil {
		t.Fatal(err)
	}
	load("reload, a post renamed", 1, "c", "d")
	time.Sleep(RacyWindow + 100*time.Millisecond)
	load("reload a while later: the last reading, racy, is not taken", 1, "c", "d")
	load("reload, nothing changed since a reading that was not racy", 0, "c", "d")
	// On a file system whose folders' times are not trusted (NFS, FUSE),
	// the folder is read every time.
	defer func(f func(*os.File) bool) { listingTrusted = f }(listingTrusted)
	listingTrusted = func(*os.File) bool { return false }
	load("reload on an untrusted file system", 1, "c", "d")
	load("again", 1, "c", "d")
}

// The folders of a Hugo site's sections are each read once a Load, for
// every walk that looks at them (its posts, the files beside them), and
// a reload takes the last load's reading of a folder whose stat has not
// changed since: it reads again only the folders where an entry was
// added, removed or renamed, or that changed within RacyWindow of the
// last reading.
func TestReloadRereadsOnlyChangedSubfolders(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"posts/a.md":              "---\ntitle: A\ndate: 2024-01-01\n---\nA\n",
		"posts/b.md":              "---\ntitle: B\ndate: 2024-01-02\n---\nB\n",
		"posts/bundle/index.md":   "---\ntitle: Bundle\ndate: 2024-01-03\n---\n![](pic.png)\n",
		"posts/bundle/pic.png":    "png",
		"posts/bundle/deep/x.txt": "x",
		"notes/c.md":              "---\ntitle: C\n---\nC\n",
		"notes/files/readme.txt":  "beside",
	})
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	testfs.Age(dir, old)
	trustFolderTimes(t, dir)
	time.Sleep(RacyWindow + 100*time.Millisecond)
	// Each folder read (its entries from the kernel), and each opened
	// (to look at its stat and file system first).
	readings, opened := map[string]int{}, map[string]int{}
	defer func(f func(*os.File) ([]fs.DirEntry, error)) { readDir = f }(readDir)
	defer func(f func(string) (*os.File, error)) { openDir = f }(openDir)
	realRead, realOpen := readDir, openDir
	readDir = func(f *os.File) ([]fs.DirEntry, error) {
		if rel, err := filepath.Rel(dir, f.Name()); err == nil && rel != "." {
			readings[filepath.ToSlash(rel)]++
		}
		return realRead(f)
	}
	openDir = func(name string) (*os.File, error) {
		if rel, err := filepath.Rel(dir, name); err == nil && rel != "." {
			opened[filepath.ToSlash(rel)]++
		}
		return realOpen(name)
	}
	opts := LoadOptions{Settle: -1, Layout: LayoutHugo}
	load := func(what string, want map[string]int, wantPosts ...string) {
		t.Helper()
		clear(readings)
		clear(opened)
		c, err := loadStrict(dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range slices.Concat(c.Posts, c.Pages) {
			got = append(got, p.Slug)
		}
		slices.Sort(got)
		if !slices.Equal(got, wantPosts) {
			t.Errorf("%s: posts %v, want %v", what, got, wantPosts)
		}
		if !maps.Equal(readings, want) {
			t.Errorf("%s: folders read %v, want %v", what, readings, want)
		}
		if !maps.Equal(opened, want) {
			t.Errorf("%s: folders opened %v, want those read, %v (the others are looked at by a stat alone)", what, opened, want)
		}
		if len(c.Files) == 0 {
			t.Errorf("%s: no files beside the posts", what)
		}
		c.Forget()
		opts.Previous = c
	}
	every := map[string]int{"posts": 1, "posts/bundle": 1, "posts/bundle/deep": 1, "notes": 1, "notes/files": 1}
	load("first load", every, "a", "b", "bundle", "c")
	load("reload, nothing changed", map[string]int{}, "a", "b", "bundle", "c")
	if err := os.WriteFile(filepath.Join(dir, "posts", "d.md"), []byte("---\ntitle: D\ndate: 2024-01-04\n---\nD\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dir, "posts", "d.md"), old, old)
	load("reload, a post added to a section", map[string]int{"posts": 1}, "a", "b", "bundle", "c", "d")
	load("reload within the racy window", map[string]int{"posts": 1}, "a", "b", "bundle", "c", "d")
	if err := os.Rename(filepath.Join(dir, "notes", "c.md"), filepath.Join(dir, "notes", "e.md")); err != nil {
		t.Fatal(err)
	}
	load("reload, a post renamed", map[string]int{"notes": 1, "posts": 1}, "a", "b", "bundle", "d", "e")
	time.Sleep(RacyWindow + 100*time.Millisecond)
	load("reload a while later: the racy readings are not taken", map[string]int{"notes": 1, "posts": 1}, "a", "b", "bundle", "d", "e")
	load("reload, nothing changed since readings that were not racy", map[string]int{}, "a", "b", "bundle", "d", "e")
	if err := os.WriteFile(filepath.Join(dir, "posts", "bundle", "deep", "y.txt"), []byte("y"), 0o644); err != nil {
		t.Fatal(err)
	}
	load("reload, a file added deep in a bundle", map[string]int{"posts/bundle/deep": 1}, "a", "b", "bundle", "d", "e")
}

// walkTop without Markdown visits all that walkTop visits but the
// Markdown files at the top, in the same order, from the reading's own
// list of them, which a reload that takes the reading takes too.
func TestWalkTopBesidesMarkdown(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md": "", "b.MARKDOWN": "", "c.png": "", "d.md/inner.md": "", "e/f.md": "", "e/g.txt": "", "z.txt": "",
	})
	trustFolderTimes(t, dir)
	testfs.Age(dir, time.Now().Add(-time.Hour))
	visits := func(top *topDir, markdown bool) []string {
		var got []string
		walkTop(dir, top, markdown, func(p, rel string, d fs.DirEntry, err error) error {
			got = append(got, rel)
			return nil
		})
		return got
	}
	top := new(topDir)
	all, besides := visits(top, true), visits(top, false)
	if want := []string{"a.md", "b.MARKDOWN", "c.png", "d.md", "d.md/inner.md", "e", "e/f.md", "e/g.txt", "z.txt"}; !slices.Equal(all, want) {
		t.Fatalf("walkTop visits %q, want %q", all, want)
	}
	if want := []string{"c.png", "d.md", "d.md/inner.md", "e", "e/f.md", "e/g.txt", "z.txt"}; !slices.Equal(besides, want) {
		t.Fatalf("walkTop without Markdown visits %q, want %q", besides, want)
	}
	if got := visits(nil, false); !slices.Equal(got, besides) {
		t.Fatalf("without a reading, walkTop without Markdown visits %q, want %q", got, besides)
	}
	next := &topDir{prev: top}
	if got := visits(next, false); !slices.Equal(got, besides) || len(next.besidesAt) == 0 || &next.besidesAt[0] != &top.besidesAt[0] {
		t.Fatalf("a reload taking the reading visits %q (want %q), or made its list anew", got, besides)
	}
}
