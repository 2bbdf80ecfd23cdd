package capsule

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"capsule/capsule/buildcache"
	"capsule/capsule/content"
	"capsule/capsule/internal/pages"
	"capsule/capsule/postgen"
)

// TestMappedCacheIsGivenBackWithItsPosts: a restart serves its posts'
// responses from the cache file it maps (buildcache's mapped.go), in
// chunks held as arenas; once no Store holds a chunk's posts (here, every
// post rendered anew), its pages are given back. Without that, a
// restart's resident memory would keep the whole file beside what is
// served, whatever reloads did since.
func TestMappedCacheIsGivenBackWithItsPosts(t *testing.T) {
	path, dir := generatedCache(t)
	ctx := context.Background()
	restart := func() (*content.Content, *Store) {
		file, _, err := OpenCache(path, dir)
		if err != nil {
			t.Fatal(err)
		}
		return restartFrom(t, file, dir)
	}
	c, st := restart()
	var mapping []byte
	for _, r := range st.renders {
		if r.arena != nil && buildcache.Mapped(r.arena.buf) {
			mapping = r.arena.buf
			break
		}
	}
	if mapping == nil {
		t.Fatal("no post served from the mapped cache file")
	}
	served := residentKiB(t, mapping)
	// Every post rendered anew, and the restart's Store let go of.
	st, err := Build(ctx, cacheTestSite(c), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	left := served
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		runtime.GC() // the chunks' cleanups run after a collection finds them unused
		if left = residentKiB(t, mapping); left <= 64 {
			break
		}
	}
	runtime.KeepAlive(st)
	if served < 1<<10 || left > 64 {
		t.Errorf("the mapped cache file: %d KiB resident while served, %d KiB once no Store holds its posts", served, left)
	}
	t.Logf("mapped cache file: %d KiB resident while served, %d KiB after", served, left)
}

// TestMappedSearchIndexIsHeldWhileRead: the search index read in place
// from a mapped cache file holds the chunks it is in (search.Decode's
// keep), though no record is held in them: none is given back while the
// Store searches them (a page given back and read again would be
// resident again, and counted nowhere). Nor does a reload read a chunk
// given back for the posts' feed entries. The file is cut into chunks of
// 16 KiB, so that the index has chunks of its own, as it does at
// thousands of posts in chunks of 4 MiB.
func TestMappedSearchIndexIsHeldWhileRead(t *testing.T) {
	path, dir := generatedCache(t)
	key, err := folderKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	read, _, err := buildcache.Read(path, key)
	if err != nil {
		t.Fatal(err)
	}
	var payload [][]byte
	for _, c := range read {
		for len(c) > 0 {
			k := min(16<<10, len(c))
			payload, c = append(payload, c[:k:k]), c[k:]
		}
	}
	mapping := read[0]
	file, err := openPayload(payload, dir)
	if err != nil {
		t.Fatal(err)
	}
	read, payload = nil, nil
	c, st := restartFrom(t, file, dir)
	file = nil
	queries := []string{"です", "ます", "した", "笑顔", "今日"}
	search := func() {
		for _, q := range queries {
			st.search.Search(q)
		}
	}
	for range 5 {
		runtime.GC()
		time.Sleep(20 * time.Millisecond) // cleanups run on a goroutine of their own
	}
	before := residentKiB(t, mapping)
	search()
	if after := residentKiB(t, mapping); after > before {
		t.Errorf("searching read %d KiB of the mapped cache file given back before", after-before)
	}
	// A reload builds the feeds again from the posts' entries: each is
	// in its record's arena, or a copy.
	st, err = Build(context.Background(), cacheTestSite(c), c, BuildOptions{Previous: st})
	if err != nil {
		t.Fatal(err)
	}
	if after := residentKiB(t, mapping); after > before {
		t.Errorf("a reload read %d KiB of the mapped cache file given back before", after-before)
	}
	runtime.KeepAlive(st)
}

// generatedCache writes the cache file of a generated blog of 300 posts
// of 16 KiB (about 13 MiB) and returns it with the blog's folder.
func generatedCache(t *testing.T) (path, dir string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("cache files are mapped on Linux")
	}
	dir = t.TempDir()
	if err := postgen.Write(dir, 300, 16<<10, sampleSentences()); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour) // not racy: saved in the cache
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range files {
		os.Chtimes(f, old, old)
	}
	path = filepath.Join(t.TempDir(), "localhost.cache")
	c, err := content.Load(dir, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteCache(path, dir, c); err != nil {
		t.Fatal(err)
	}
	return path, dir
}

// restartFrom is a restart's load and first build with the cache file
// opened as file: it renders nothing.
func restartFrom(t *testing.T, file *Cache, dir string) (*content.Content, *Store) {
	t.Helper()
	c, err := content.Load(dir, content.LoadOptions{Saved: file.Saved()})
	if err != nil {
		t.Fatal(err)
	}
	prev, err := file.Store(cacheTestSite(c), c)
	if err != nil {
		t.Fatal(err)
	}
	st, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if st.Rendered != 0 {
		t.Fatalf("the restart rendered %d posts", st.Rendered)
	}
	return c, st
}

// residentKiB is the resident memory of the mapping b is in.
func residentKiB(t *testing.T, b []byte) int {
	t.Helper()
	kib, err := pages.ResidentKiB(b)
	if err != nil {
		t.Skip(err)
	}
	return kib
}
