package capsule

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// withArenaSize runs the test with arenas of n bytes.
func withArenaSize(t *testing.T, n int) {
	old := arenaSize
	arenaSize = n
	t.Cleanup(func() { arenaSize = old })
}

// fakeEntry is a rendered post of about n bytes, each piece filled with
// its own letter.
func fakeEntry(n int, c byte) renderedEntry {
	header := "20 text/gemini\r\n"
	raw := append([]byte(header), bytes.Repeat([]byte{c}, n)...)
	raw = append(raw, "\n=> / home\n"...)
	return renderedEntry{
		gmi:        &gemini.Response{Status: gemini.StatusSuccess, Meta: "text/gemini", Raw: raw, Body: raw[len(header):]},
		searchable: raw[len(header) : len(header)+n],
		txt:        bytes.Repeat([]byte{c + 1}, n/2),
		menu:       bytes.Repeat([]byte{c + 2}, 30),
		atom:       bytes.Repeat([]byte{c + 3}, 20),
		lines:      listLines{gemini: []byte("=> /p " + string(c)), gopher: []byte("1p\t/p\r\n")},
	}
}

func sameEntryBytes(a, b renderedEntry) bool {
	return bytes.Equal(a.gmi.Raw, b.gmi.Raw) && bytes.Equal(a.gmi.Body, b.gmi.Body) && bytes.Equal(a.searchable, b.searchable) &&
		bytes.Equal(a.txt, b.txt) && bytes.Equal(a.menu, b.menu) && bytes.Equal(a.atom, b.atom) &&
		bytes.Equal(a.lines.gemini, b.lines.gemini) && bytes.Equal(a.lines.gopher, b.lines.gopher)
}

func inArena(a *arena, b []byte) bool {
	if len(b) == 0 {
		return true
	}
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(a.buf)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return p >= lo && p+uintptr(len(b)) <= lo+uintptr(len(a.buf))
}

func TestPackerPacksEntriesInOrder(t *testing.T) {
	withArenaSize(t, 64<<10)
	pk := newPacker(nil)
	var in, out []renderedEntry
	for i := range 10 {
		e := fakeEntry(2000+100*i, byte('a'+i))
		in = append(in, e)
		out = append(out, pk.pack(e))
	}
	for i, e := range out {
		if !sameEntryBytes(in[i], e) {
			t.Fatalf("entry %d: bytes differ once packed", i)
		}
		if e.arena != out[0].arena || e.textArena != out[0].textArena {
			t.Fatalf("entry %d in another arena, with room left in the first", i)
		}
		if e.textArena == e.arena || e.textSize != len(e.txt) || !inArena(e.textArena, e.txt) {
			t.Fatalf("entry %d: its Gopher text is not alone in a text arena", i)
		}
		if &e.atom[0] != &in[i].atom[0] {
			t.Fatalf("entry %d: its feed entry copied into the arena: the feed holds it (Store.atoms)", i)
		}
		if cap(e.txt) != len(e.txt) {
			t.Fatalf("entry %d: its text has room to grow", i)
		}
		for _, b := range [][]byte{e.gmi.Raw, e.menu, e.lines.gemini, e.lines.gopher} {
			if cap(b) != len(b) {
				t.Fatalf("entry %d: a slice of %d bytes has room for %d: an append would write into the arena", i, len(b), cap(b))
			}
			if !inArena(e.arena, b) {
				t.Fatalf("entry %d: a slice outside its arena", i)
			}
		}
		if offsetIn(e.gmi.Raw, e.gmi.Body) != len(e.gmi.Raw)-len(e.gmi.Body) || offsetIn(e.gmi.Raw, e.searchable) != offsetIn(e.gmi.Raw, e.gmi.Body) {
			t.Fatalf("entry %d: Body or searchable not where they were in Raw", i)
		}
		if i > 0 { // in order, one after the other
			prev := out[i-1]
			if uintptr(unsafe.Pointer(unsafe.SliceData(prev.gmi.Raw)))+uintptr(prev.size) != uintptr(unsafe.Pointer(unsafe.SliceData(e.gmi.Raw))) {
				t.Fatalf("entry %d does not follow entry %d", i, i-1)
			}
		}
	}
	if used := out[0].arena.used.Load(); int(used) != sumSizes(out) {
		t.Fatalf("arena used %d bytes for %d", used, sumSizes(out))
	}
	// A post over a quarter of an arena: an arena of its own, of its size.
	big := pk.pack(fakeEntry(20<<10, 'x'))
	if big.arena == out[0].arena || len(big.arena.buf) != big.size || pk.filling(big.arena) {
		t.Fatalf("a large post: arena of %d bytes for %d, shared: %v", len(big.arena.buf), big.size, big.arena == out[0].arena)
	}
	// Full: the next arena.
	for range 20 {
		pk.pack(fakeEntry(8000, 'y'))
	}
	if pk.made < 2 {
		t.Fatalf("%d arenas made for %d KiB", pk.made, (sumSizes(out)+20*8000)>>10)
	}
}

func sumSizes(es []renderedEntry) int {
	n := 0
	for _, e := range es {
		n += e.size
	}
	return n
}

func TestRepackRule(t *testing.T) {
	withArenaSize(t, 16<<10)
	pk := newPacker(nil)
	var old []renderedEntry // 5 posts of about 3 KiB but their texts: arena A full
	for i := range 5 {
		old = append(old, pk.pack(fakeEntry(2800, byte('a'+i))))
	}
	a := old[0].arena
	for _, e := range old {
		if e.arena != a {
			t.Fatal("the first five posts are not in one arena")
		}
	}
	pk.pack(fakeEntry(2500, 'z')) // no room left in A: the next arena, A is no longer filled
	if pk.filling(a) {
		t.Fatal("A is still being filled")
	}
	records := make([]*renderRecord, len(old))
	for i, e := range old {
		records[i] = &renderRecord{post: &content.Post{File: string(rune('a' + i))}, renderedEntry: e}
	}
	snapshot := make([]renderedEntry, len(old))
	for i := range old {
		snapshot[i] = fakeEntry(2800, byte('a'+i))
	}

	// Three of the five posts kept (over half of A live): nothing moves.
	next := newPacker(pk)
	es := []renderedEntry{old[0], old[1], old[2], next.pack(fakeEntry(2800, 'n'))}
	reused := []*renderRecord{records[0], records[1], records[2], nil}
	if moved := next.repack([][]renderedEntry{es}, [][]*renderRecord{reused}); moved != 0 {
		t.Fatalf("%d posts moved out of an arena %d%% live", moved, 100*3*old[0].size/len(a.buf))
	}
	for i := range 3 {
		if es[i].arena != a || reused[i] != records[i] {
			t.Fatalf("post %d moved", i)
		}
	}

	// Two kept (under half): they move, with new records; the old
	// records and their bytes are as they were.
	next = newPacker(pk)
	es = []renderedEntry{old[0], old[4]}
	reused = []*renderRecord{records[0], records[4]}
	if moved := next.repack([][]renderedEntry{es}, [][]*renderRecord{reused}); moved != 2 {
		t.Fatalf("%d posts moved out of an arena %d%% live, not 2", moved, 100*2*old[0].size/len(a.buf))
	}
	for k, i := range []int{0, 4} {
		if es[k].arena == a || !sameEntryBytes(es[k], old[i]) {
			t.Fatalf("post %d: not moved, or changed", i)
		}
		if reused[k] == records[i] || reused[k].post.File != records[i].post.File || !sameEntryBytes(reused[k].renderedEntry, es[k]) {
			t.Fatalf("post %d: its record was not copied with its new bytes", i)
		}
		if records[i].arena != a || !sameEntryBytes(records[i].renderedEntry, snapshot[i]) {
			t.Fatalf("post %d: the previous Store's record was modified", i)
		}
	}

	// The arena being filled is never repacked, however little is live.
	pk2 := newPacker(nil)
	e := pk2.pack(fakeEntry(100, 'f'))
	es = []renderedEntry{e}
	if moved := pk2.repack([][]renderedEntry{es}, [][]*renderRecord{{nil}}); moved != 0 || es[0].arena != e.arena {
		t.Fatal("the arena being filled was repacked")
	}
}

// TestArenasSharedOnlyByFreshSpace checks that a reload never writes into
// bytes a served Store reads: reloads after random edits, with small
// arenas (so that the next Build fills the previous Store's last arena
// and repacks often), while every earlier Store is read on other
// goroutines (go test -race judges it); each earlier Store's responses
// stay what they were.
func TestArenasSharedOnlyByFreshSpace(t *testing.T) {
	withArenaSize(t, 12<<10)
	f := &editedFolder{t: t, dir: t.TempDir(), rnd: rand.New(rand.NewPCG(26, 7)), clock: time.Now().Add(-240 * time.Hour)}
	f.write(content.SiteFile, "+++\ntitle = \"題\"\nlang = \"ja\"\n+++\n")
	for range 12 {
		f.change()
	}
	opts := content.LoadOptions{Settle: -1, Now: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)}
	type kept struct {
		st    *Store
		bytes map[string][]byte // every response, copied when it was built
	}
	snapshot := func(st *Store) map[string][]byte {
		m := map[string][]byte{}
		for k, r := range st.gemini {
			m["g"+k] = bytes.Clone(r.Bytes())
		}
		for k, b := range st.gopher {
			m["o"+k] = bytes.Clone(b)
		}
		for k, r := range st.drafts {
			m["d"+k] = bytes.Clone(r.Bytes())
		}
		return m
	}
	var mu sync.Mutex
	var stores []kept
	var stop atomic.Bool
	var readers sync.WaitGroup
	for range 2 {
		readers.Add(1)
		go func() { // clients of every Store built so far
			defer readers.Done()
			var sum int
			for !stop.Load() {
				mu.Lock()
				list := stores
				mu.Unlock()
				for _, k := range list {
					for _, r := range k.st.gemini {
						for _, c := range r.Raw {
							sum += int(c)
						}
						for _, t := range r.Tail {
							for _, c := range t {
								sum += int(c)
							}
						}
					}
					for _, b := range k.st.gopher {
						for _, c := range b {
							sum += int(c)
						}
					}
				}
			}
			_ = sum
		}()
	}
	var prevContent *content.Content
	var prev *Store
	moved, rewrapped := 0, 0
	for step := range 30 {
		f.change()
		if step == 15 { // every page changes
			f.write(content.SiteFile, "+++\ntitle = \"新しい題\"\nlang = \"ja\"\n+++\n")
		}
		width := 40
		if step >= 22 { // every Gopher text changes (rewrap.go)
			width = 60
		}
		o := opts
		o.Previous = prevContent
		c, err := content.Load(f.dir, o)
		if err != nil {
			continue
		}
		st, err := Build(context.Background(), &Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70, GopherWidth: width, Authors: []string{"aa"}}, c, BuildOptions{Previous: prev})
		if err != nil {
			continue
		}
		moved, rewrapped = moved+st.packer.moved, rewrapped+st.Rewrapped
		c.Forget()
		mu.Lock()
		stores = append(stores, kept{st, snapshot(st)})
		list := stores
		mu.Unlock()
		for i, k := range list {
			now := snapshot(k.st)
			for key, b := range k.bytes {
				if !bytes.Equal(now[key], b) {
					t.Fatalf("step %d: Store %d's response %q changed after it was built", step, i, key)
				}
			}
		}
		prevContent, prev = c, st
	}
	stop.Store(true)
	readers.Wait()
	if moved == 0 || rewrapped == 0 {
		t.Errorf("no post was repacked (%d), or rewrapped (%d): the test proves little", moved, rewrapped)
	}
	t.Logf("%d Stores, %d posts repacked, %d rewrapped", len(stores), moved, rewrapped)
}

// TestIncrementalBuildWithSmallArenas is TestIncrementalBuildIsAFullBuild
// with arenas so small that posts are repacked at most reloads: a Store
// from a reload is the Store a full build gives.
func TestIncrementalBuildWithSmallArenas(t *testing.T) {
	withArenaSize(t, 16<<10)
	testIncrementalBuild(t, false)
}

// TestSummariesHeldInArenas: a post's summary (which index pages and
// feeds are made of at each build) is the very bytes of its page that
// say it, in the page's arena, not a copy of its own.
func TestSummariesHeldInArenas(t *testing.T) {
	_, st := buildSample(t)
	shared := 0
	for file, r := range st.renders {
		if r.summary == "" || !strings.Contains(string(r.searchable), r.summary) {
			continue
		}
		if !inArena(r.arena, unsafe.Slice(unsafe.StringData(r.summary), len(r.summary))) {
			t.Errorf("%s: summary %.40q is not in its post's arena", file, r.summary)
		}
		shared++
	}
	if shared == 0 {
		t.Fatal("no post has a summary its page says: nothing checked")
	}
}
