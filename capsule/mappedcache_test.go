package capsule

import (
	"bytes"
	"context"
	"errors"
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
// chunks held as arenas. While the Store serves them, none is given
// back: reading every response then reads no page again (a page given
// back and read again would be resident, and counted nowhere). Once no
// Store holds a chunk's posts (here, every post rendered anew), its
// pages are given back, and buildcache.MappedLive is what it was before
// the restart. Without that, a restart's resident memory would keep the
// whole file beside what is served, whatever reloads did since. (It
// failed too with a feed entry left in a chunk no record holds: the
// restart's feed read it after its chunk was given back.)
func TestMappedCacheIsGivenBackWithItsPosts(t *testing.T) {
	path, dir := generatedCache(t)
	ctx := context.Background()
	mappedBefore := buildcache.MappedLive()
	file, _, err := OpenCache(path, dir)
	if err != nil {
		t.Fatal(err)
	}
	c, st := restartFrom(t, file, dir)
	file = nil
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
	read := 0
	readAll := func() {
		for _, r := range st.renders {
			for _, b := range [][]byte{r.gmi.Raw, r.txt, r.menu, r.lines.gemini, r.lines.gopher, r.searchable} {
				for _, x := range b {
					read += int(x)
				}
			}
		}
	}
	// Read once (a page of the mapping is mapped when first read:
	// buildcache.checkBlocks), then again once the collector has run
	// the cleanups of what it found unused.
	readAll()
	settle()
	served := residentKiB(t, mapping)
	readAll()
	if again := residentKiB(t, mapping); again > served {
		t.Errorf("serving read %d KiB of the mapped cache file given back before (sum %d)", again-served, read)
	}
	// Every post rendered anew, and the restart's Store let go of.
	st, err = Build(ctx, cacheTestSite(c), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	page := os.Getpagesize() >> 10
	left := served
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		runtime.GC() // the chunks' cleanups run after a collection finds them unused
		if left = residentKiB(t, mapping); left <= 2*page {
			break
		}
	}
	runtime.KeepAlive(st)
	// The file's first page and its last are parts of chunks, not whole.
	if served < 1<<10 || left > 2*page {
		t.Errorf("the mapped cache file: %d KiB resident while served, %d KiB once no Store holds its posts", served, left)
	}
	if m := buildcache.MappedLive(); m != mappedBefore {
		t.Errorf("mapped and not given back: %d bytes before the restart, %d after", mappedBefore, m)
	}
	t.Logf("mapped cache file: %d KiB resident while served, %d KiB after", served, left)
}

// settle has the collector run until the cleanups of what it found
// unused have run (on a goroutine of their own).
func settle() {
	for range 5 {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
}

// TestMappedSearchIndexIsHeldWhileRead: the search index read in place
// from a mapped cache file holds the chunks it is in (search.Decode's
// keep), though no record is held in them: none is given back while the
// Store searches them. The file is cut into chunks of 16 KiB, so that
// the index has chunks of its own, as it does at thousands of posts in
// chunks of 4 MiB.
func TestMappedSearchIndexIsHeldWhileRead(t *testing.T) {
	mapping, _, _, st := restartInChunks(t, 16<<10)
	before := residentKiB(t, mapping)
	for _, q := range []string{"です", "ます", "した", "笑顔", "今日"} {
		st.search.Search(q)
	}
	if after := residentKiB(t, mapping); after > before {
		t.Errorf("searching read %d KiB of the mapped cache file given back before", after-before)
	}
	runtime.KeepAlive(st)
}

// restartInChunks restarts from the mapped cache file of a generated
// blog (generatedCache) cut into chunks of size bytes, and lets the
// collector run: the mapping, the blog's folder, the restart's Content
// and Store.
func restartInChunks(t *testing.T, size int) (mapping []byte, dir string, started *content.Content, st *Store) {
	t.Helper()
	path, dir := generatedCache(t)
	read := readPayload(t, path, dir)
	var payload [][]byte
	for _, c := range read {
		for len(c) > 0 {
			k := min(size, len(c))
			payload, c = append(payload, c[:k:k]), c[k:]
		}
	}
	mapping = read[0]
	file, err := openPayload(payload, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	read, payload = nil, nil
	started, st = restartFrom(t, file, dir)
	file = nil
	settle()
	return mapping, dir, started, st
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

// readPayload is the payload of the cache file path, for the posts
// folder, read and checked.
func readPayload(t *testing.T, path, folder string) [][]byte {
	t.Helper()
	key, err := folderKey(folder)
	if err != nil {
		t.Fatal(err)
	}
	payload, _, err := buildcache.Read(path, key)
	if err != nil {
		t.Fatal(err)
	}
	return payload
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

// TestRestartChecksWhatItTakes: a mapped cache file is checked in parts:
// what the Load takes (the saved front matter, at the payload's start)
// before OpenCache gives it out, the rest while the posts are loaded and
// the records decoded, before Store gives them out. A byte changed in
// either part: the file is refused as corrupt, by OpenCache or by Store.
func TestRestartChecksWhatItTakes(t *testing.T) {
	path, dir := generatedCache(t)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damage := func(at int) {
		b := bytes.Clone(good)
		b[at] ^= 1
		os.WriteFile(path+".new", b, 0o600)
		os.Rename(path+".new", path) // as a cache file is replaced: never in place
	}
	damage(100) // in the key or the saved front matter
	if _, _, err := OpenCache(path, dir); !errors.Is(err, buildcache.ErrCorrupt) {
		t.Errorf("a byte changed at the start: %v, want corrupt", err)
	}
	damage(len(good) - 64<<10) // in the records or the search index
	file, _, err := OpenCache(path, dir)
	if err != nil {
		t.Fatalf("a byte changed near the end: OpenCache %v, want the check of the rest left to Store", err)
	}
	c, err := content.Load(dir, content.LoadOptions{Saved: file.Saved()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := file.Store(cacheTestSite(c), c); !errors.Is(err, buildcache.ErrCorrupt) {
		t.Errorf("a byte changed near the end: Store %v, want corrupt", err)
	}
}
