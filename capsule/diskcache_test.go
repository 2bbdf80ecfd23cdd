package capsule

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"
	"weak"

	"capsule/capsule/buildcache"
	"capsule/capsule/content"
)

var restartSteps = flag.Int("restart.steps", 30, "restarts TestRestartWithCacheIsAFullBuild makes, with random changes between them (more by hand: -restart.steps 3000)")
var restartSeed = flag.Uint64("restart.seed", 0, "seed of TestRestartWithCacheIsAFullBuild's changes (0: from the time; the seed is logged)")

func cacheTestSite(c *content.Content) *Site {
	return &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70, GopherWidth: 40,
		Authors: []string{"aa"}, FeedContent: true}
}

// TestRestartWithCacheIsAFullBuild changes a folder at random between
// restarts, and at each restart builds from the cache the last one wrote
// (ReadCache, as BuildOptions.Previous) and compares that Store with a
// build from nothing, response for response, as
// TestIncrementalBuildIsAFullBuild does for reloads.
func TestRestartWithCacheIsAFullBuild(t *testing.T) {
	for _, bundles := range []bool{false, true} {
		t.Run(map[bool]string{false: "flat", true: "bundles"}[bundles], func(t *testing.T) { testRestartWithCache(t, bundles) })
	}
}

func testRestartWithCache(t *testing.T, bundles bool) {
	f := seededFolder(t, *restartSeed, 11, bundles, "TestRestartWithCacheIsAFullBuild", "restart", *restartSteps)
	// The feed's text too only for flat folders: a dozen posts are all
	// under feedFullPosts, whose entries the feed holds with their text;
	// without it, the feed holds every entry as it is (Store.atoms).
	width, reloads := 40, 0 // changed by every second reload while running
	site := func(c *content.Content) *Site {
		s := cacheTestSite(c)
		s.FeedContent, s.GopherWidth = !bundles, width
		return s
	}
	cache := filepath.Join(t.TempDir(), "cache", "localhost.cache")
	opts := content.LoadOptions{Settle: -1, Now: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)}
	taken, rendered, searched, restarts, broken, missing, other, saved, retitled, rewrapped := 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
	for step := 0; step < *restartSteps; step++ {
		// While stopped, the author changes nothing, or a few things.
		what := "nothing"
		for range f.rnd.IntN(4) {
			what = f.change()
		}
		fresh, freshErr := content.Load(f.dir, opts)
		// As capsuled starts: the cache opened first, for what its
		// Load takes without reading (content.Saved), then its
		// records for the build.
		file, _, err := OpenCache(cache, f.dir)
		startOpts := opts
		if err == nil {
			startOpts.Saved = file.Saved()
			saved += file.Saved().Len()
		}
		started, startErr := content.Load(f.dir, startOpts)
		if freshErr != nil || startErr != nil {
			if (freshErr == nil) != (startErr == nil) || freshErr.Error() != startErr.Error() {
				t.Fatalf("step %d (%s): loading from nothing: %v; with the cache: %v", step, what, freshErr, startErr)
			}
			broken++
			continue
		}
		var prev *Store
		if err == nil {
			prev, err = file.Store(site(started), started)
		}
		switch {
		case errors.Is(err, os.ErrNotExist):
			missing++
		case errors.Is(err, buildcache.ErrOther): // the site's settings changed
			other++
		case err != nil:
			t.Fatalf("step %d: reading the cache: %v", step, err)
		}
		want, wantErr := Build(context.Background(), site(fresh), fresh, BuildOptions{})
		got, gotErr := Build(context.Background(), site(started), started, BuildOptions{Previous: prev})
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Fatalf("step %d (%s): building from nothing: %v; from the cache: %v", step, what, wantErr, gotErr)
		}
		if wantErr != nil {
			broken++
			continue
		}
		if diff := storeDiff(want, got); diff != "" {
			t.Fatalf("step %d (%s): the restart with a cache differs from a build from nothing: %s", step, what, diff)
		}
		if prev != nil {
			restarts++
			taken += len(got.renders) + len(got.draftRenders) - got.Rendered
			rendered += got.Rendered
			if what == "nothing" && got.Rendered != 0 {
				t.Errorf("step %d: nothing changed, yet %d posts were rendered", step, got.Rendered)
			}
			// The search index read back is taken from: no more posts
			// folded than rendered.
			if prev.search == nil || got.search.Folded() > got.Rendered {
				t.Errorf("step %d (%s): %d posts rendered, %d folded for search (index read back: %v)", step, what, got.Rendered, got.search.Folded(), prev.search != nil)
			}
			searched += got.search.Folded()
		}
		started.Forget()
		if f.rnd.IntN(3) == 0 {
			// A reload while running, after a new title: posts retitled,
			// their pages in two pieces, which the cache keeps whole;
			// now and then with a new Gopher width too: the texts of
			// posts held in the cache's chunks rewrapped.
			f.write(content.SiteFile, fmt.Sprintf("+++\ntitle = \"題 %d\"\nlang = \"ja\"\n+++\n", step))
			if reloads++; reloads%2 == 0 {
				width = 110 - width
			}
			o := opts
			o.Previous = started
			reloaded, err := content.Load(f.dir, o)
			if err != nil {
				t.Fatalf("step %d: loading after a new title: %v", step, err)
			}
			fresh, err := content.Load(f.dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Build(context.Background(), site(fresh), fresh, BuildOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got, err = Build(context.Background(), site(reloaded), reloaded, BuildOptions{Previous: got, PreviousContent: started}); err != nil {
				t.Fatalf("step %d: reloading after a new title: %v", step, err)
			}
			if diff := storeDiff(want, got); diff != "" {
				t.Fatalf("step %d (%s, then a new title): the reload differs from a build from nothing: %s", step, what, diff)
			}
			for _, r := range got.renders {
				if len(r.gmi.Tail) > 0 {
					retitled++
				}
			}
			rewrapped += got.Rewrapped
			reloaded.Forget()
			started = reloaded
		}
		if _, err := got.WriteCache(cache, f.dir, started); err != nil {
			t.Fatal(err)
		}
	}
	if *restartSteps >= 10 && retitled == 0 {
		t.Errorf("no post retitled was ever written to the cache: the test proves nothing of them")
	}
	if *restartSteps >= 10 && rewrapped == 0 {
		t.Errorf("no post was ever rewrapped after a restart: the test proves nothing of them")
	}
	if *restartSteps >= 10 && (taken == 0 || saved == 0) {
		t.Errorf("no post was ever taken from the cache (%d), or loaded from it (%d): the test proves nothing", taken, saved)
	}
	t.Logf("%d steps: %d restarts from a cache (%d with none, %d for other settings, %d leaving the folder broken); %d posts loaded from it, %d taken from it, %d rendered, %d folded for search; %d retitled posts written, %d rewrapped", *restartSteps, restarts, missing, other, broken, saved, taken, rendered, searched, retitled, rewrapped)
}

// sampleFolder is the sample posts' folder.
var sampleFolder = filepath.Join("..", "posts")

// buildSample loads and builds the sample posts for cacheTestSite.
func buildSample(t *testing.T) (*content.Content, *Store) {
	t.Helper()
	return buildFolder(t, sampleFolder)
}

// buildFolder loads and builds the posts of folder for cacheTestSite.
func buildFolder(t *testing.T, folder string) (*content.Content, *Store) {
	t.Helper()
	c, err := content.Load(folder, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c, st
}

// sampleCache builds the sample posts and writes their cache: its path,
// the folder, the content and the Store.
func sampleCache(t *testing.T) (string, string, *content.Content, *Store) {
	t.Helper()
	return folderCache(t, sampleFolder)
}

// folderCache is sampleCache of the posts of folder.
func folderCache(t *testing.T, folder string) (string, string, *content.Content, *Store) {
	t.Helper()
	c, st := buildFolder(t, folder)
	path := filepath.Join(t.TempDir(), "cache", "localhost.cache")
	n, err := st.WriteCache(path, folder, c)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != n || fi.Mode().Perm() != 0o600 {
		t.Fatalf("cache file: %v, %v; want %d bytes, 0600", fi.Mode(), err, n)
	}
	if fi, _ := os.Stat(filepath.Dir(path)); fi.Mode().Perm() != 0o700 {
		t.Errorf("cache folder %v, want 0700", fi.Mode())
	}
	return path, folder, c, st
}

// restartSample restarts the sample blog, unchanged, with the cache its
// build wrote: the Store read from the cache, the restart's (which
// renders nothing and serves what the build served: buildUnchanged) and
// the build's.
func restartSample(t *testing.T) (prev, got, want *Store) {
	t.Helper()
	return restartFolder(t, sampleFolder)
}

// restartFolder is restartSample of the posts of folder.
func restartFolder(t *testing.T, folder string) (prev, got, want *Store) {
	t.Helper()
	path, folder, _, want := folderCache(t, folder)
	c, err := content.Load(folder, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	prev, _, err = ReadCache(path, cacheTestSite(c), c, folder)
	if err != nil {
		t.Fatal(err)
	}
	return prev, buildUnchanged(t, c, prev, want), want
}

// An unchanged blog, restarted with its cache, renders nothing and
// serves what it served.
func TestRestartOfUnchangedBlogRendersNothing(t *testing.T) {
	prev, got, want := restartSample(t)
	if prev.search == nil || got.search.Folded() != 0 {
		t.Errorf("folded %d posts for search, want 0 (index read back: %v)", got.search.Folded(), prev.search != nil)
	}
	if got.Held != want.Held {
		t.Errorf("holds %d bytes, want %d (as a build from nothing)", got.Held, want.Held)
	}
}

// A cache for other settings, another folder, or not whole, is refused:
// for another folder or build of capsule, or not whole, before a byte of
// it is decoded; for other settings, before a record is given out.
func TestCacheRefused(t *testing.T) {
	path, folder, c, _ := sampleCache(t)
	site := cacheTestSite(c)
	if _, _, err := ReadCache(path, site, c, folder); err != nil {
		t.Fatal(err)
	}
	other := *site
	other.GopherWidth = 50
	if _, _, err := ReadCache(path, &other, c, folder); !errors.Is(err, buildcache.ErrOther) {
		t.Errorf("another gopher width: %v, want ErrOther", err)
	}
	other = *site
	other.Title += "!"
	if _, _, err := ReadCache(path, &other, c, folder); !errors.Is(err, buildcache.ErrOther) {
		t.Errorf("another title: %v, want ErrOther", err)
	}
	dialect := *c
	dialect.Markup.Emoji = !dialect.Markup.Emoji
	if _, _, err := ReadCache(path, site, &dialect, folder); !errors.Is(err, buildcache.ErrOther) {
		t.Errorf("another dialect: %v, want ErrOther", err)
	}
	languages := *c
	languages.Languages = []content.Language{{Code: "en", Tag: "en", Name: "English", Title: "Blog"}}
	if _, _, err := ReadCache(path, site, &languages, folder); !errors.Is(err, buildcache.ErrOther) {
		t.Errorf("other languages: %v, want ErrOther", err)
	}
	if _, _, err := ReadCache(path, site, c, t.TempDir()); !errors.Is(err, buildcache.ErrOther) {
		t.Errorf("another folder: %v, want ErrOther", err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		bad := append([]byte(nil), good...)
		switch i % 3 {
		case 0:
			bad = bad[:rnd.IntN(len(bad))]
		case 1:
			bad[rnd.IntN(len(bad))] ^= byte(1 + rnd.IntN(255))
		case 2:
			bad = append(bad, byte(rnd.IntN(256)))
		}
		if err := os.WriteFile(path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		st, _, err := ReadCache(path, site, c, folder)
		if err == nil || st != nil {
			t.Fatalf("case %d: a damaged cache read without an error", i)
		}
	}
}

// FuzzDecodeCache gives the decoder any bytes, past the checksum: it
// must neither panic nor allocate more than they allow.
func FuzzDecodeCache(f *testing.F) {
	// A small blog: the fuzzer mutates small inputs quickly (the sample's
	// 80 KB slows it to a crawl).
	dir := f.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("+++\ntitle = \"A\"\ndate = 2020-01-02\ntags = [\"t\"]\n+++\n[b](b.md) x\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("+++\ntitle = \"B\"\npage = true\n+++\nnot {{< nope >}}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.md"), []byte("+++\ntitle = \"C\"\ndraft = true\n+++\nc\n"), 0o644)
	old := time.Now().Add(-time.Hour) // older than content.RacyWindow: saved for a restart's Load
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		os.Chtimes(filepath.Join(dir, name), old, old)
	}
	c, err := content.Load(dir, content.LoadOptions{})
	if err != nil {
		f.Fatal(err)
	}
	st, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{})
	if err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(f.TempDir(), "c")
	if _, err := st.WriteCache(path, ".", c); err != nil {
		f.Fatal(err)
	}
	key, _ := folderKey(".")
	payload, _, err := buildcache.Read(path, key)
	if err != nil {
		f.Fatal(err)
	}
	whole := slices.Concat(payload...)
	f.Add(whole)
	f.Add(whole[:len(whole)/2])
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f})
	f.Fuzz(func(t *testing.T, b []byte) {
		// In chunks, as a file is read (their size from the bytes):
		// decoded as the bytes whole are.
		chunks := buildcache.Chunks(b)
		d := buildcache.NewDecoder(chunks...)
		defer func() {
			whole := buildcache.NewDecoder(b)
			whole.Fixed(32)
			content.DecodeSaved(whole)
			_, _, _, _, _, wholeErr := decodeCache(whole, newChunkArenas(nil, 0))
			if err := d.Err(); (err == nil) != (wholeErr == nil) {
				t.Fatalf("in %d chunks: %v; whole: %v", len(chunks), err, wholeErr)
			}
		}()
		d.Fixed(32)
		saved := content.DecodeSaved(d)
		if d.Err() != nil {
			if saved != nil {
				t.Fatal("posts saved from a load given back from bytes not as written")
			}
			return
		}
		saved.Len()
		renders, drafts, idx, blogs, tags, err := decodeCache(d, newChunkArenas(chunks, 0))
		if err != nil {
			return
		}
		// What a build takes of the index pages read back: a run's
		// entries, which it compares, and its bytes, which it slices
		// (feedEntriesHeld).
		feeds := [][]feedRun{}
		entries := [][]piece{}
		for _, p := range blogs {
			feeds, entries = append(feeds, p.runs), append(entries, p.entries)
		}
		for _, p := range tags {
			feeds, entries = append(feeds, p.runs), append(entries, p.entries)
		}
		for i, runs := range feeds {
			for _, r := range runs {
				off := 0
				for _, e := range entries[i][r.at : r.at+r.n] {
					if !r.text {
						_ = r.bytes[off+1 : off+1+e.n]
						off += 1 + e.n
					}
				}
			}
		}
		if idx != nil {
			for _, q := range []string{"a", "x", "b", "ab"} {
				idx.Search(q)
			}
		}
		for _, rc := range []renderCache{renders, drafts} {
			for _, r := range rc {
				if r.disk == nil {
					t.Fatal("a record read from disk not marked so")
				}
			}
		}
	})
}

// A restart of an unchanged blog reads none of its posts: each is taken,
// decoded, from what the cache saved of the Load that wrote it
// (content.Saved), and the Store is a build from nothing's.
func TestRestartOfUnchangedBlogReadsNoPost(t *testing.T) {
	folder := t.TempDir()
	entries, err := os.ReadDir(filepath.Join("..", "posts"))
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour) // as a blog's posts are: older than content.RacyWindow
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("..", "posts", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(folder, e.Name())
		os.WriteFile(p, b, 0o644)
		os.Chtimes(p, old, old)
	}
	// A post warned about as it is decoded (a misspelt key, an unknown
	// one): the warnings come back with the post taken.
	warned := filepath.Join(folder, "warned.md")
	os.WriteFile(warned, []byte("+++\ntitle = \"W\"\ndate = 2020-01-01\ntitel = \"typo\"\nzzfoo = 1\n+++\ntext\n"), 0o644)
	os.Chtimes(warned, old, old)
	first, err := content.Load(folder, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Build(context.Background(), cacheTestSite(first), first, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	first.Forget()
	path := filepath.Join(t.TempDir(), "localhost.cache")
	if _, err := want.WriteCache(path, folder, first); err != nil {
		t.Fatal(err)
	}

	file, _, err := OpenCache(path, folder)
	if err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(folder, content.LoadOptions{Saved: file.Saved()})
	if err != nil {
		t.Fatal(err)
	}
	taken, all := 0, 0
	for _, p := range append(append([]*content.Post(nil), c.Posts...), c.Pages...) {
		all++
		if _, ok := p.SavedSum(); ok {
			taken++
		}

	}
	// The sample's posts are plain Markdown but for those with
	// templates to expand, which are read again: most are taken.
	if taken == 0 || taken < all/2 || taken != file.Saved().Len() {
		t.Errorf("%d of %d posts taken unread from the %d the cache saved", taken, all, file.Saved().Len())
	}
	prev, err := file.Store(cacheTestSite(c), c)
	if err != nil {
		t.Fatal(err)
	}
	got := buildUnchanged(t, c, prev, want)
	if w := fmt.Sprint(got.Warnings); !strings.Contains(w, "titel") || !strings.Contains(w, "zzfoo") {
		t.Errorf("the warning of the post taken is lost: %v", got.Warnings)
	}
}

// buildUnchanged builds c with prev, a cache read for it, and checks that
// nothing was rendered and every response is want's.
func buildUnchanged(t *testing.T, c *content.Content, prev, want *Store) *Store {
	t.Helper()
	got, err := Build(context.Background(), cacheTestSite(c), c, BuildOptions{Previous: prev})
	if err != nil {
		t.Fatal(err)
	}
	if got.Rendered != 0 {
		t.Errorf("rendered %d posts, want 0", got.Rendered)
	}
	if diff := storeDiff(want, got); diff != "" {
		t.Error(diff)
	}
	return got
}

// TestRestartHoldsOnlyResponsesOfTheCacheFile: once a restart's first
// Build has taken what it needs from a cache file, what it keeps of the
// bytes read is the chunks its records' responses are served from
// (chunkArenas), each held as such an arena: the chunks of the search
// index and of the posts' saved front matter, decoded as copies, are
// garbage. A restart's resident memory is then a cold start's, not the
// file's size beside it.
func TestRestartHoldsOnlyResponsesOfTheCacheFile(t *testing.T) {
	path, folder, _, _ := sampleCache(t)
	read := readPayload(t, path, folder)
	// In chunks of 1 KiB (files are read in larger ones): the sections
	// of a small blog's file in chunks of their own.
	var payload [][]byte
	for b := slices.Concat(read...); len(b) > 0; {
		k := min(1<<10, len(b))
		payload, b = append(payload, bytes.Clone(b[:k])), b[k:]
	}
	var chunks []weak.Pointer[byte]
	var spans [][2]uintptr // each chunk's addresses
	for _, c := range payload {
		chunks = append(chunks, weak.Make(&c[0]))
		at := uintptr(unsafe.Pointer(&c[0]))
		spans = append(spans, [2]uintptr{at, at + uintptr(len(c))})
	}
	st := func() *Store {
		file, err := openPayload(payload, folder, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, st := restartFrom(t, file, folder)
		if st.Taken() == 0 {
			t.Fatal("nothing taken from the cache")
		}
		return st
	}()
	payload = nil
	runtime.GC()
	runtime.GC()
	served := map[int]bool{} // the chunks responses are served from
	records := 0
	for _, rc := range []renderCache{st.renders, st.draftRenders} {
		for _, r := range rc {
			if r.arena != nil {
				records++
			}
		}
	}
	st.eachArray(func(end uintptr, n int) {
		for i, s := range spans {
			if end > s[0] && end-uintptr(n) < s[1] {
				served[i] = true
			}
		}
	})
	if records == 0 {
		t.Fatal("no record served from the chunks read")
	}
	freed := 0
	for i, p := range chunks {
		switch c := p.Value(); {
		case c == nil:
			freed++
		case !served[i]:
			t.Errorf("chunk %d of %d is held, and no response is served from it", i, len(chunks))
		}
	}
	if freed == 0 {
		t.Errorf("every chunk of %d held after the restart's build", len(chunks))
	}
	t.Logf("%d chunks of 1 KiB: %d held, %d records served from them; %d freed", len(chunks), len(chunks)-freed, records, freed)
	if r, ok := st.Gemini("/"); !ok || len(r.Raw) == 0 {
		t.Fatal("the restart serves no home page")
	}
	runtime.KeepAlive(st)
}

// TestCacheRecordWithTailInItsTextRefused: a cache file whose record
// says its page's tail begins inside its text (not what capsule writes:
// a file changed by hand, checksum and all) is refused whole, not taken:
// a new title's reload would cut the post's page there.
func TestCacheRecordWithTailInItsTextRefused(t *testing.T) {
	folder := sampleFolder
	c, st := buildSample(t)
	tampered := 0
	for _, r := range st.renders {
		if r.gmi != nil && len(r.searchable) > 1 {
			r.tailAt = offsetIn(r.gmi.Raw, r.searchable) + 1
			tampered++
			break
		}
	}
	if tampered == 0 {
		t.Fatal("no post with a text to tamper with")
	}
	path := filepath.Join(t.TempDir(), "c")
	if _, err := st.WriteCache(path, folder, c); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadCache(path, cacheTestSite(c), c, folder); !errors.Is(err, buildcache.ErrCorrupt) {
		t.Fatalf("a record whose tail is inside its text: %v, want the file refused as corrupt", err)
	}
}
