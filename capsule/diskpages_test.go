package capsule

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"unsafe"

	"capsule/capsule/buildcache"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// TestRestartTakesTheIndexPages: a restart of an unchanged blog takes
// every index page from the cache (the home pages, tag indexes,
// archives, root menus, tag pages and feeds, runs and all), as a reload
// takes those of the Store it replaces, and serves what a build from
// nothing serves.
func TestRestartTakesTheIndexPages(t *testing.T) {
	for _, folder := range []string{sampleFolder, "testdata/hugo-multilingual", "testdata/zola-site"} {
		t.Run(filepath.Base(folder), func(t *testing.T) { testRestartTakesTheIndexPages(t, folder) })
	}
}

func testRestartTakesTheIndexPages(t *testing.T, folder string) {
	prev, got, _ := restartFolder(t, folder)
	if len(got.blogPages) == 0 || len(got.tagPages) == 0 {
		t.Fatalf("%d blogs' pages, %d tags' pages", len(got.blogPages), len(got.tagPages))
	}
	same := func(what string, a, b any) {
		if a != b {
			t.Errorf("%s: made again, not taken from the cache", what)
		}
	}
	sameBytes := func(what string, a, b []byte) {
		if unsafe.SliceData(a) != unsafe.SliceData(b) || len(a) != len(b) {
			t.Errorf("%s: made again, not taken from the cache", what)
		}
	}
	runs := 0
	sameFeed := func(what string, a, b *gemini.Response) {
		same(what+"'s feed", a, b)
		for i := range a.Tail {
			sameBytes(what+"'s feed's runs", a.Tail[i], b.Tail[i])
			runs++
		}
	}
	for dir, p := range got.blogPages {
		old := prev.blogPages[dir]
		if old == nil {
			t.Fatalf("blog %q: not in the cache", dir)
		}
		same("home page", p.home, old.home)
		same("tag index", p.tags, old.tags)
		same("archive", p.archive, old.archive)
		for _, b := range [][2][]byte{{p.tagsMenu, old.tagsMenu}, {p.archiveMenu, old.archiveMenu}, {p.root, old.root}} {
			sameBytes("menu", b[0], b[1])
		}
		sameFeed("blog "+dir, p.feed, old.feed)
	}
	for key, p := range got.tagPages {
		old := prev.tagPages[key]
		if old == nil {
			t.Fatalf("tag %q: not in the cache", key)
		}
		same(key+"'s page", p.gemini, old.gemini)
		sameBytes(key+"'s menu", p.gopher, old.gopher)
		sameFeed(key, p.feed, old.feed)
	}
	t.Logf("%d blogs' and %d tags' pages taken, %d feed runs", len(got.blogPages), len(got.tagPages), runs)
}

// TestMappedIndexPagesAreHeldWhileServed: the index pages read in place
// from a mapped cache file hold the chunks they are in (blogPages.keep,
// tagPages.keep, feedRun.keep), though no record is held in them: none
// is given back while the Store serves them. The file is cut into chunks
// of 128 KiB, so that the pages have chunks of their own, as they do at
// thousands of posts in chunks of 4 MiB.
func TestMappedIndexPagesAreHeldWhileServed(t *testing.T) {
	mapping, dir, started, st := restartInChunks(t, 128<<10)
	before := residentKiB(t, mapping)
	sum := 0
	for _, p := range st.blogPages {
		for _, r := range []*gemini.Response{p.home, p.tags, p.archive, p.feed} {
			for _, b := range append([][]byte{r.Raw}, r.Tail...) {
				for _, x := range b {
					sum += int(x)
				}
			}
		}
	}
	for _, p := range st.tagPages {
		for _, b := range append([][]byte{p.gemini.Raw, p.gopher, p.feed.Raw}, p.feed.Tail...) {
			for _, x := range b {
				sum += int(x)
			}
		}
	}
	// The kernel maps the pages around one read in as well (fault-around:
	// up to 64 KiB, of what the page cache holds), and a chunk's bounds
	// are not a page's: a few pages of a chunk given back may be mapped
	// again with its neighbour's (12 KiB were, once in some runs). A
	// chunk of index pages given back is more than that.
	const faultAround = 64
	if after := residentKiB(t, mapping); after > before+faultAround {
		t.Errorf("serving the index pages read %d KiB of the mapped cache file given back before (sum %d)", after-before, sum)
	}

	// A reload after the newest post's title is edited makes its feeds'
	// first runs again and takes the others, which still hold their
	// chunks once the restart's Store is gone.
	files, _ := filepath.Glob(filepath.Join(dir, "*-post-*.md"))
	newest := files[len(files)-1]
	b, err := os.ReadFile(newest)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(newest, bytes.Replace(b, []byte("title = \""), []byte("title = \"new "), 1), 0o644)
	c, err := content.Load(dir, content.LoadOptions{Previous: started})
	if err != nil {
		t.Fatal(err)
	}
	next, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{Previous: st})
	if err != nil {
		t.Fatal(err)
	}
	taken := 0
	for _, r := range next.blogPages[""].runs {
		for _, old := range st.blogPages[""].runs {
			if unsafe.SliceData(r.bytes) == unsafe.SliceData(old.bytes) {
				taken++
			}
		}
	}
	if n := len(next.blogPages[""].runs); taken == 0 || taken == n {
		t.Fatalf("%d of the feed's %d runs taken after an edit", taken, n)
	}
	st = nil
	settle()
	before = residentKiB(t, mapping)
	for _, r := range next.blogPages[""].runs {
		for _, x := range r.bytes {
			sum += int(x)
		}
	}
	if after := residentKiB(t, mapping); after > before {
		t.Errorf("after a reload, serving the feed read %d KiB of the mapped cache file given back before (sum %d)", after-before, sum)
	}
	runtime.KeepAlive(next)
}

// TestCacheFeedRunsNotTheFeedsMadeAgain: a cache file whose feed's runs
// are each whole (their entries' bytes) but are not the feed's (here the
// first run twice: a file written by hand, checksum and all) gives a
// feed made again, not a build that panics walking them
// (feedEntriesHeld), nor one that serves them.
func TestCacheFeedRunsNotTheFeedsMadeAgain(t *testing.T) {
	site := func(c *content.Content) *Site { s := cacheTestSite(c); s.FeedContent = false; return s }
	c, err := content.Load(sampleFolder, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Build(context.Background(), site(c), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := Build(context.Background(), site(c), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := st.blogPages[""]
	r := p.runs[0]
	p.runs = []feedRun{r, r}
	p.feed.Tail = [][]byte{r.bytes, r.bytes, feedEnd}
	path := filepath.Join(t.TempDir(), "c.cache")
	if _, err := st.WriteCache(path, sampleFolder, c); err != nil {
		t.Fatal(err)
	}
	c, err = content.Load(sampleFolder, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	prev, _, err := ReadCache(path, site(c), c, sampleFolder)
	if err != nil {
		t.Skipf("refused: %v", err) // refused whole is as good
	}
	got, err := Build(context.Background(), site(c), c, BuildOptions{Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if diff := storeDiff(want, got); diff != "" {
		t.Error(diff)
	}
}

// TestDecodeAllocatesAsMuchAsItsBytes: counts that announce as many
// elements as the bytes left can hold (a file written by hand, checksum
// and all) make the decoders allocate about as much as those bytes, not
// the many times more that room for every element would take.
func TestDecodeAllocatesAsMuchAsItsBytes(t *testing.T) {
	const n = 4 << 20
	announce := func(prefix []byte) []byte {
		b := binary.AppendUvarint(prefix, maxRecords)
		return append(b, make([]byte, n)...)
	}
	for _, c := range []struct {
		what   string
		input  []byte
		decode func(*buildcache.Decoder)
	}{
		{"a feed's runs", announce([]byte{1, 1, 20, 0, 0, 0, 0, 0}), func(d *buildcache.Decoder) { decodeFeed(d, nil, nil) }},
		{"blogs' pages", announce(nil), func(d *buildcache.Decoder) { decodeIndexPages(d, nil, nil) }},
		{"records", announce(nil), func(d *buildcache.Decoder) { decodeRecords(d) }},
		{"pieces", announce(nil), func(d *buildcache.Decoder) { decodePieces(d, nil) }},
	} {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		c.decode(buildcache.NewDecoder(c.input))
		runtime.ReadMemStats(&m1)
		if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 2*uint64(len(c.input)) {
			t.Errorf("%s: %d MiB allocated for %d MiB of bytes", c.what, alloc>>20, len(c.input)>>20)
		}
	}
}
