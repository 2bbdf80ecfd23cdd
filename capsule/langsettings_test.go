package capsule

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/buildcache"
	"capsule/capsule/content"
)

// A language's title (or description) is a setting of that language's
// every page: its posts' way home, its tag pages, its feed. Changing it
// in the configuration rebuilds them on a reload, as a build from nothing
// makes them, and a restart does not take them from the build cache. (Reloads kept the
// English posts, tags and feed with the old title until a restart.)
func TestLanguageTitleChangeRebuildsItsPages(t *testing.T) {
	folder := t.TempDir()
	if err := os.CopyFS(folder, os.DirFS(filepath.Join("testdata", "hugo-multilingual"))); err != nil {
		t.Fatal(err)
	}
	load := func() *content.Content {
		t.Helper()
		c, err := content.Load(folder, content.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	build := func(c *content.Content, prev *Store) *Store {
		t.Helper()
		st, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{Previous: prev})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	before := load()
	old := build(before, nil)
	cache := filepath.Join(t.TempDir(), "site.cache")
	if _, err := old.WriteCache(cache, folder, before); err != nil {
		t.Fatal(err)
	}

	conf := filepath.Join(folder, "hugo.toml")
	b, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(conf, []byte(strings.Replace(string(b), `title = "Blog"`, `title = "Notebook"`, 1)), 0o644)
	after := load()
	want := build(after, nil)
	if !strings.Contains(string(want.gemini["/en/"].Bytes()), "Notebook") {
		t.Fatalf("the English home does not have the new title:\n%s", want.gemini["/en/"].Bytes())
	}

	if diff := storeDiff(want, build(after, old)); diff != "" {
		t.Errorf("reload after the English title changed: %s", diff)
	}
	// A restart: the cache written before the change is for other
	// settings, refused whole (the start renders everything).
	if _, _, err := ReadCache(cache, cacheTestSite(after), after, folder); !errors.Is(err, buildcache.ErrOther) {
		t.Errorf("restart after the English title changed: the cache written before is taken (%v), want ErrOther", err)
	}
}
