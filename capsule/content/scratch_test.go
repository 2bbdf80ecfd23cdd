package content

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"
	"unsafe"

	"capsule/capsule/internal/testfs"
)

// scratchFolder is a folder of n posts in its folder sub ("" for the top),
// dated an hour back (older than RacyWindow: a reload takes them from the
// last load), and the path of post i's file (which need not exist).
func scratchFolder(t *testing.T, n int, sub string) (dir string, post func(i int) string) {
	t.Helper()
	name := func(i int) string { return filepath.Join(sub, fmt.Sprintf("2024-01-01-post-%02d.md", i)) }
	files := map[string]string{}
	for i := range n {
		files[name(i)] = fmt.Sprintf("+++\ntitle = \"記事 %d\"\ndate = 2024-01-%02dT10:00:00Z\ntags = [\"t%d\"]\n+++\n\n本文 %d。\n", i, i%28+1, i%3, i)
	}
	dir = testfs.Write(t, files)
	testfs.Age(dir, time.Now().Add(-time.Hour))
	return dir, func(i int) string { return filepath.Join(dir, name(i)) }
}

// zeroed reports the first element of s, to its capacity, that is not
// the zero value, or -1.
func zeroed[T any](s []T) int {
	for i, v := range s[:cap(s)] {
		if !reflect.ValueOf(&v).Elem().IsZero() {
			return i
		}
	}
	return -1
}

// A Load given a Scratch makes its records of every file in it, puts them
// back cleared (holding nothing of the Content), and the next Load makes
// its records in the same memory.
func TestScratchRecordsReused(t *testing.T) {
	dir, _ := scratchFolder(t, 12, "")
	s := new(Scratch)
	c, err := loadStrict(dir, LoadOptions{Scratch: s})
	if err != nil {
		t.Fatal(err)
	}
	if s.recs == nil || cap(s.recs.srcs) < 12 || cap(s.recs.files) < 12 {
		t.Fatalf("after a load of 12 posts, the scratch holds %+v", s.recs)
	}
	if s.Bytes() == 0 {
		t.Fatal("the scratch says it holds nothing")
	}
	r := s.recs
	srcs, files := &r.srcs[:1][0], &r.files[:1][0]
	check := func(when string) {
		t.Helper()
		for what, i := range map[string]int{"names": zeroed(r.names), "indexes": zeroed(r.at), "inspections": zeroed(r.inspected),
			"sources": zeroed(r.srcs), "post pointers": zeroed(r.posts), "mdFiles": zeroed(r.files)} {
			if i >= 0 {
				t.Errorf("%s: the scratch's %s were put back holding something (at %d)", when, what, i)
			}
		}
	}
	check("first load")
	for range 3 {
		if c, err = loadStrict(dir, LoadOptions{Scratch: s, Previous: c}); err != nil {
			t.Fatal(err)
		}
		if s.recs != r || &r.srcs[:1][0] != srcs || &r.files[:1][0] != files {
			t.Fatal("a reload made its records anew: the scratch's were not taken")
		}
		check("reload")
	}
	s.Release()
	if s.recs != nil || s.Bytes() != 0 {
		t.Fatal("a released scratch still holds records")
	}
	if _, err := loadStrict(dir, LoadOptions{Scratch: s, Previous: c}); err != nil || s.recs == nil {
		t.Fatalf("after a release, a load keeps no records (%v)", err)
	}
	// A nil Scratch: records made anew, and nothing to keep them in.
	var none *Scratch
	if _, err := loadStrict(dir, LoadOptions{Scratch: none, Previous: c}); err != nil {
		t.Fatal(err)
	}
}

// inSlice reports whether p points into s's array, to its capacity.
func inSlice[T any](s []T, p *T) bool {
	if cap(s) == 0 {
		return false
	}
	start, end := uintptr(unsafe.Pointer(unsafe.SliceData(s))), uintptr(unsafe.Pointer(unsafe.SliceData(s)))+uintptr(cap(s))*unsafe.Sizeof(s[0])
	return uintptr(unsafe.Pointer(p)) >= start && uintptr(unsafe.Pointer(p)) < end
}

// Nothing a Load returns lives in its Scratch: the Contents of loads
// whose records later loads wrote over are what a load without one
// makes, after posts were edited, added and removed in between; posts at
// the top, in a Hugo section and in Jekyll's _posts alike.
func TestScratchLeavesContentsAlone(t *testing.T) {
	for _, c := range []struct{ layout, sub string }{{LayoutFlat, ""}, {LayoutHugo, "posts"}, {LayoutJekyll, "_posts"}} {
		t.Run(c.layout, func(t *testing.T) { testScratchLeavesContentsAlone(t, c.layout, c.sub) })
	}
}

func testScratchLeavesContentsAlone(t *testing.T, layout, sub string) {
	dir, post := scratchFolder(t, 8, sub)
	s := new(Scratch)
	type kept struct{ with, without *Content }
	var loads []kept
	var prev *Content
	for step := range 6 {
		switch step {
		case 1:
			os.WriteFile(post(3), []byte("+++\ntitle = \"書き直し\"\ndate = 2024-02-01T10:00:00Z\n+++\n\n新しい本文。\n"), 0o644)
		case 2:
			os.WriteFile(post(20), []byte("+++\ntitle = \"新しい記事\"\ndate = 2024-03-01T10:00:00Z\n+++\n\n本文。\n"), 0o644)
		case 4:
			os.Remove(post(5))
		}
		with, err := loadStrict(dir, LoadOptions{Scratch: s, Previous: prev, Settle: -1, Layout: layout})
		if err != nil {
			t.Fatal(err)
		}
		without, err := loadStrict(dir, LoadOptions{Settle: -1, Layout: layout})
		if err != nil {
			t.Fatal(err)
		}
		if len(with.Posts) < 7 {
			t.Fatalf("step %d: %d posts loaded: the test's folder is not read as a %s one", step, len(with.Posts), layout)
		}
		loads = append(loads, kept{with, without})
		// What the load keeps for the next (each file as read) is not
		// in the scratch, and with nothing changed (steps 3 and 5) it
		// is the last load's, but for the files written just now, which
		// are read again (RacyWindow).
		recs := s.recs
		for path, src := range with.cache.read {
			if inSlice(recs.srcs, src) || inSlice(recs.nestedSrcs, src) {
				t.Fatalf("step %d: the load keeps %s in its scratch", step, path)
			}
			written := path == post(3) || path == post(20)
			if (step == 3 || step == 5) && !written && prev.cache.read[path] != src {
				t.Errorf("step %d: nothing changed, and %s was not taken from the last load", step, path)
			}
		}
		prev = with
	}
	for i, l := range loads {
		for what, pair := range map[string][2]any{
			"posts": {l.with.Posts, l.without.Posts}, "pages": {l.with.Pages, l.without.Pages},
			"warnings": {l.with.Warnings, l.without.Warnings}, "problems": {l.with.Problems, l.without.Problems}} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				t.Errorf("load %d: its %s, once later loads used the scratch, differ from a load without one", i, what)
			}
		}
	}
}

// A reload that finds the folder as it was finds each file's record and
// decoding at its place in the last load's, looking none up by its path,
// and keeps the last load's order; a file added among them shifts the
// places, and each record is then found by its path, still taken.
func TestReloadFindsRecordsByPlace(t *testing.T) {
	dir, post := scratchFolder(t, 20, "")
	var mu sync.Mutex
	byPath := map[string]int{}
	testHookByPath = func(what string) {
		mu.Lock()
		byPath[what]++
		mu.Unlock()
	}
	defer func() { testHookByPath = nil }()
	s := new(Scratch)
	c1, err := loadStrict(dir, LoadOptions{Scratch: s})
	if err != nil {
		t.Fatal(err)
	}
	c2, err := loadStrict(dir, LoadOptions{Scratch: s, Previous: c1})
	if err != nil {
		t.Fatal(err)
	}
	clear(byPath)
	c3, err := loadStrict(dir, LoadOptions{Scratch: s, Previous: c2})
	if err != nil {
		t.Fatal(err)
	}
	if len(byPath) > 0 {
		t.Errorf("a reload with nothing changed looked up by path: %v", byPath)
	}
	if len(c3.cache.order) != 20 || &c3.cache.order[0] != &c2.cache.order[0] {
		t.Errorf("a reload with nothing changed made its order anew (%d records)", len(c3.cache.order))
	}
	for i := range 20 {
		if got := c3.cache.order[i]; got == nil || got.path != post(i) {
			t.Fatalf("record %d of the order is %v, not %s's", i, got, post(i))
		}
	}

	// A post whose name sorts first: every other is one place on.
	if err := os.WriteFile(filepath.Join(dir, "2023-12-31-first.md"), []byte("+++\ntitle = \"最初\"\ndate = 2023-12-31T10:00:00Z\n+++\n\n本文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "2023-12-31-first.md"), old, old); err != nil {
		t.Fatal(err)
	}
	clear(byPath)
	c4, err := loadStrict(dir, LoadOptions{Scratch: s, Previous: c3})
	if err != nil {
		t.Fatal(err)
	}
	if len(c4.Posts) != 21 {
		t.Fatalf("%d posts after one was added to 20", len(c4.Posts))
	}
	if byPath["record"] < 20 {
		t.Errorf("records looked up by path after the places moved: %d, want every one of 20", byPath["record"])
	}
	for i := range 20 {
		if c4.cache.read[post(i)] != c3.cache.read[post(i)] {
			t.Errorf("post %d, unchanged, was not taken from the last load", i)
		}
	}
}
