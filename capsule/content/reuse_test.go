package content

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// A reload that finds every file as the last load kept it takes that
// load's map of them whole (loadCache.done); one that finds a file edited,
// added or removed makes its own, recording what it found.
func TestReloadTakesTheFileMapWhole(t *testing.T) {
	dir, post := scratchFolder(t, 6, "")
	os.WriteFile(filepath.Join(dir, "photo.png"), []byte("png"), 0o644)
	testfs.Age(dir, time.Now().Add(-time.Hour))
	c, err := loadStrict(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mapOf := func(c *Content) uintptr { return reflect.ValueOf(c.cache.read).Pointer() }
	reload := func(when string) *Content {
		t.Helper()
		next, err := loadStrict(dir, LoadOptions{Previous: c})
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		return next
	}
	if len(c.cache.read) != 7 {
		t.Fatalf("the first load kept %d files, not the 6 posts and the file beside them", len(c.cache.read))
	}
	for range 2 {
		next := reload("nothing changed")
		if mapOf(next) != mapOf(c) {
			t.Fatal("a reload with nothing changed made a map of its files anew")
		}
		c = next
	}
	check := func(when string, want int, changed string) {
		t.Helper()
		next := reload(when)
		if mapOf(next) == mapOf(c) {
			t.Fatalf("%s: the reload took the last load's map of files", when)
		}
		if len(next.cache.read) != want {
			t.Fatalf("%s: %d files kept, want %d", when, len(next.cache.read), want)
		}
		for path, s := range next.cache.read {
			if old := c.cache.read[path]; path != changed && old != s {
				t.Errorf("%s: %s unchanged, kept anew", when, path)
			}
		}
		if changed != "" && (next.cache.read[changed] == nil || next.cache.read[changed] == c.cache.read[changed]) {
			t.Errorf("%s: %s kept as it was", when, changed)
		}
		c = next
	}
	edited := post(2)
	os.WriteFile(edited, []byte("+++\ntitle = \"書き直し\"\ndate = 2024-01-03T10:00:00Z\n+++\n\n本文。\n"), 0o644)
	testfs.Age(edited, time.Now().Add(-time.Hour)) // its own times only: the others' are as the last load saw them
	check("a post edited", 7, edited)
	os.Remove(post(4))
	check("a post removed", 6, "")
	if c.cache.read[post(4)] != nil {
		t.Error("a post removed is still kept")
	}
	added := post(9)
	os.WriteFile(added, []byte("+++\ntitle = \"新しい\"\ndate = 2024-02-01T10:00:00Z\n+++\n\n本文。\n"), 0o644)
	testfs.Age(added, time.Now().Add(-time.Hour))
	check("a post added", 7, added)
	if next := reload("nothing changed again"); mapOf(next) != mapOf(c) {
		t.Fatal("a reload with nothing changed, after the edits, made a map of its files anew")
	}
}
