package capsule

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"capsule/capsule/buildcache"
	"capsule/capsule/internal/pages"
)

// Arenas: where rendered posts are held. Each post's responses (its
// Gemini page, Gopher text and menu, feed entry, list lines: 20 to 60
// KB) are copied, one after the other, into a large buffer shared with
// other posts, an arena, filled in order. Allocated one by one, each
// would be rounded up to one of the allocator's size classes (up to a
// fifth more) and share its span with objects of other ages, which keep
// the span resident after the rest of it died: together a third more
// than the bytes served. An arena is one allocation of exactly
// arenaSize, used to its end. A post's Gopher text goes into an arena of
// texts, the rest of its responses into another (pack): a new Gopher
// width makes every text anew and nothing else (rewrap.go), and the
// previous texts' arenas then die whole.
//
// Go's collector keeps an arena while any slice points into it: a post
// kept by a reload (its renderRecord, taken from the previous Store)
// keeps its arena; an arena none of whose posts is kept any more is
// freed whole, at once. A post retitled by a reload (retitle.go) has its
// new page tail and menu in a third arena, one being filled, and the
// rest where it was, where its old tail and menu are no longer live (a
// few hundred bytes of the post's tens of KB).
//
// Immutability: the bytes of an arena are written once, by the build
// that reserved them, before the Store that holds them is published;
// every slice handed out ends where its reservation does (its capacity
// is its length), so no append can write past it. A later build never
// writes into bytes a served Store reads: it only reserves space no
// slice points to yet (reserve is atomic, so that two builds sharing an
// arena get apart).
//
// The repack rule (repack, called by build for every post of the new
// Store): at each Build, the bytes of the new Store's posts in each
// arena are counted (live: of a post, the bytes it has in each of its
// arenas, its text's, its rest's and a retitled post's new tail's); a
// post with bytes in an arena less than half live (but for those being
// filled) has all its bytes copied into fresh space, its text into one
// arena and the rest into another again, so that the old arena is freed
// once the previous Store is. Hence, after every Build, the arenas a
// Store holds are each at least half live: in the worst case they take
// twice the bytes of the posts held, plus the two arenas being filled
// (one of texts, one of the rest: 2 × arenaSize).
// Typically an edit's reload renders one post and its two neighbours
// anew, so that an arena of ~50 posts falls under half live only after
// ~25 of them were edited (or deleted): about 1.1 times the bytes held
// at most, and no more after a full reload (every post rendered into new
// arenas, the old ones freed whole) or a new title (every post's old
// tail and menu dead in its arena, the new ones in new arenas, whose
// previous ones, if retitled before, are freed whole) or a new Gopher
// width (every text in new arenas of texts, the old ones freed whole,
// the rest all live where it was; after a restart, the old texts of
// posts held in the build cache's chunks stay counted there: rewrap).

// arenaSize is the size of an arena; a post (or its text) larger than a
// quarter of it (a very long post) has an arena of its own, of its exact
// size. (A
// variable for tests, which make it small.)
var arenaSize = 2 << 20

// arena is one buffer that posts' responses are packed into.
type arena struct {
	buf  []byte       // allocated once at its full size, never grown
	used atomic.Int64 // bytes of buf reserved: below it, written once and then only read
	// populated are the bytes of buf whose pages are mapped
	// (populateTo), from its start.
	populated atomic.Int64
}

// newArena returns an arena of size bytes, whose pages are mapped as it
// is filled (reserve).
func newArena(size int) *arena {
	return &arena{buf: make([]byte, size)}
}

// populateStep is how much of an arena's pages are mapped at once, in one
// system call (pages.Populate), as reservations reach them: an arena is
// written to its end, but for the two a build fills last, and their free
// room is not resident before builds fill it (the whole arena mapped at
// once, it was: up to 4 MiB, 3% of what 3,000 posts hold).
const populateStep = 256 << 10

// populateTo maps the pages of a's first end bytes and up to the next
// populateStep, unless they are. (Reservations on other cores may write
// into them meanwhile: their pages fault in as they would without.)
func (a *arena) populateTo(end int64) {
	for {
		p := a.populated.Load()
		if end <= p {
			return
		}
		to := min(int64(len(a.buf)), (end+populateStep-1)/populateStep*populateStep)
		if a.populated.CompareAndSwap(p, to) {
			pages.Populate(a.buf[p:to])
			return
		}
	}
}

// reserve returns n bytes of a's free space, or false when a has not so
// many left. The slice's capacity is its length.
func (a *arena) reserve(n int) ([]byte, bool) {
	for {
		u := a.used.Load()
		if u+int64(n) > int64(len(a.buf)) {
			return nil, false
		}
		if a.used.CompareAndSwap(u, u+int64(n)) {
			a.populateTo(u + int64(n))
			return a.buf[u : u+int64(n) : u+int64(n)], true
		}
	}
}

// packer packs a build's posts into arenas. It is safe for concurrent
// use: posts are packed as they are rendered, on every core.
type packer struct {
	mu sync.Mutex
	// cur is the arena being filled, perhaps the previous Store's last
	// one; curText the one Gopher texts are being packed into (see
	// pack).
	cur, curText *arena
	// made counts the arenas made (not those of their own size), moved
	// the posts repack moved: for tests.
	made, moved int
}

// newPacker returns a packer that fills first the free space left in the
// arenas prev was filling (prev may be nil).
func newPacker(prev *packer) *packer {
	pk := &packer{}
	if prev != nil {
		prev.mu.Lock()
		pk.cur, pk.curText = prev.cur, prev.curText
		prev.mu.Unlock()
	}
	return pk
}

// alloc returns n bytes of fresh space, no slice points to yet, and
// their arena; allocText the same for a Gopher text.
func (pk *packer) alloc(n int) ([]byte, *arena)     { return pk.allocIn(&pk.cur, n) }
func (pk *packer) allocText(n int) ([]byte, *arena) { return pk.allocIn(&pk.curText, n) }

// allocIn returns n bytes of *cur, or of a new arena made *cur when it has
// not so many left.
func (pk *packer) allocIn(cur **arena, n int) ([]byte, *arena) {
	if n > arenaSize/4 {
		a := newArena(n)
		b, _ := a.reserve(n)
		return b, a
	}
	pk.mu.Lock()
	defer pk.mu.Unlock()
	if *cur != nil {
		if b, ok := (*cur).reserve(n); ok {
			return b, *cur
		}
	}
	*cur = newArena(arenaSize)
	pk.made++
	b, _ := (*cur).reserve(n)
	return b, *cur
}

// filling reports whether a is an arena pk fills.
func (pk *packer) filling(a *arena) bool {
	pk.mu.Lock()
	defer pk.mu.Unlock()
	return a == pk.cur || a == pk.curText
}

// pack returns e with every byte it holds copied into arenas, each
// piece's arena and size noted: its Gopher text into one piece of a text
// arena, the rest into one piece of another. The copy's slices have no
// room to grow: each ends where the next begins. A page in two pieces (a
// retitled post's) is one again: its pieces are copied one after the
// other, and served in one write.
//
// Gopher texts are packed apart because a new Gopher width makes every
// one of them anew and nothing else (rewrap.go): the arenas of the
// previous texts are then dead whole once the previous Store is, and
// the rest, half of what is held, stays where it is, all of it live.
func (pk *packer) pack(e renderedEntry) renderedEntry {
	if e.err != nil {
		return e
	}
	var raw, body []byte
	var tail [][]byte
	w := 0 // the page's size, all its pieces
	if e.gmi != nil {
		raw, tail, body, w = e.gmi.Raw, e.gmi.Tail, e.gmi.Body, e.gmi.Len()
	}
	e.textArena, e.textSize = nil, 0
	if len(e.txt) > 0 {
		e.txt, e.textArena = pk.packText(e.txt)
		e.textSize = len(e.txt)
	}
	// Not its feed entry (atom): the feed holds those bytes (Store.atoms).
	n := w + len(e.menu) + len(e.lines.gemini) + len(e.lines.gopher)
	buf, a := pk.alloc(n)
	put := func(b []byte) []byte {
		if b == nil {
			return nil
		}
		k := copy(buf, b)
		out := buf[:k:k]
		buf = buf[k:]
		return out
	}
	if e.gmi != nil {
		// Body (which ends where Raw does) and searchable are parts of
		// Raw: parts of its copy too.
		searchAt := offsetIn(raw, e.searchable)
		at := copy(buf, raw)
		for _, t := range tail {
			at += copy(buf[at:], t)
		}
		whole := buf[:w:w]
		buf = buf[w:]
		g := *e.gmi
		g.Raw, g.Tail = whole, nil
		if body != nil {
			g.Body = whole[len(raw)-len(body):]
		}
		e.gmi = &g
		if e.searchable != nil {
			e.searchable = whole[searchAt : searchAt+len(e.searchable) : searchAt+len(e.searchable)]
		}
		e.summary = packedSummary(e.summary, e.searchable)
	}
	e.menu = put(e.menu)
	e.lines.gemini = put(e.lines.gemini)
	e.lines.gopher = put(e.lines.gopher)
	e.arena, e.size = a, n
	e.tailArena, e.tailSize = nil, 0
	return e
}

// packText returns a copy of a Gopher text in a text arena, and that
// arena.
func (pk *packer) packText(txt []byte) ([]byte, *arena) {
	buf, a := pk.allocText(len(txt))
	copy(buf, txt)
	return buf, a
}

// packedSummary returns summary as the same bytes of body, which is in
// an arena, when body has them (as it mostly does: a summary is the
// first line of the first paragraph, rendered as the page renders it):
// the summary then costs no memory of its own. Made apart, it held the
// whole paragraph it was cut from (5 MiB at 10,000 posts). Arena bytes
// are written once, before any Store holding them is published, so the
// string never changes.
func packedSummary(summary string, body []byte) string {
	if summary == "" || len(body) == 0 || partOf(stringBytes(summary), body) {
		return summary // none, or a part already (read back from a cache: decodeSummary)
	}
	i := strings.Index(unsafe.String(unsafe.SliceData(body), len(body)), summary)
	if i < 0 {
		return summary
	}
	return unsafe.String(&body[i], len(summary))
}

// stringBytes is s's bytes, not copied: to ask where they are (partOf,
// offsetIn), never to write.
func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// offsetIn is where part begins in whole, of which it is a part (0 when
// part is empty).
func offsetIn(whole, part []byte) int {
	if len(part) == 0 {
		return 0
	}
	off := int(uintptr(unsafe.Pointer(unsafe.SliceData(part))) - uintptr(unsafe.Pointer(unsafe.SliceData(whole))))
	if off < 0 || off+len(part) > len(whole) {
		panic("capsule: a response's part is not in it")
	}
	return off
}

// repack enforces the repack rule (see above) on the posts of a new
// Store, es, with the records they were taken from (reused[i] nil for a
// post rendered by this build): it counts each arena's live bytes and
// moves every post of an arena under half live into fresh space, with a
// new record when it was taken from the previous Store (a record is
// never modified: the previous Store may still be served). It returns
// how many posts it moved.
func (pk *packer) repack(es [][]renderedEntry, reused [][]*renderRecord) int {
	live := make(map[*arena]int)
	for _, list := range es {
		for i := range list {
			if e := &list[i]; e.err == nil {
				for _, p := range e.places() {
					if p.a != nil {
						live[p.a] += p.n
					}
				}
			}
		}
	}
	underHalf := func(a *arena) bool { return a != nil && 2*live[a] < len(a.buf) && !pk.filling(a) }
	moved := 0
	for k, list := range es {
		for i := range list {
			e := &list[i]
			if ps := e.places(); e.err != nil || !slices.ContainsFunc(ps[:], func(p place) bool { return underHalf(p.a) }) {
				continue
			}
			*e = pk.pack(*e)
			if r := reused[k][i]; r != nil {
				c := *r
				c.renderedEntry = *e
				reused[k][i] = &c
			}
			moved++
		}
	}
	pk.moved += moved
	return moved
}

// place is where some of an entry's bytes are: n bytes of arena a.
type place struct {
	a *arena
	n int
}

// places are where e's bytes are: its text, the rest, and a retitled
// post's new tail and menu (an arena nil where it has none).
func (e *renderedEntry) places() [3]place {
	return [3]place{{e.arena, e.size}, {e.textArena, e.textSize}, {e.tailArena, e.tailSize}}
}

// chunkArenas are the chunks of a cache file's payload (buildcache.Open),
// as arenas: a record read from the file is served from the bytes read,
// not copied (a restart's time), and held as a post of that arena (so
// the repack rule moves it once its chunk is under half live). What a
// chunk holds besides records (the search index, the posts' saved front
// matter, which are decoded as copies) is garbage with the chunk once no
// record is left in it: what stays of a cache file is its records'
// responses, and the few fields between them. A record across two
// chunks (its fields copied by the decoder) is packed into fresh space,
// as is one in a chunk the saved front matter was read from (mostly
// that, and not kept for a few records).
//
// A chunk of a mapped file (buildcache.Mapped) is not Go's memory: the
// collector frees it with nothing, so each chunk's arena gives back its
// pages (buildcache.Release) when the collector finds the arena unused.
// Whatever reads such a chunk after the build holds its arena: a record
// (renderedEntry.arena), the search index read in place from it (its
// docs' and blocks' keep, holding); a feed entry not in its record's arena is
// copied. (Read after its pages were given back, a chunk reads the same
// bytes again from the file, and they stay resident: never wrong, but
// unaccounted, which is why every reader holds the arena.)
type chunkArenas struct {
	pk     *packer
	arenas []*arena // one per chunk, by address
	// byOffset are the arenas in the payload's order, with where each
	// begins in it.
	byOffset []chunkAt
}

type chunkAt struct {
	a      *arena
	offset int64
}

// newChunkArenas returns the chunks of payload as arenas: records may be
// held in all but the first skip (those the saved front matter was read
// from).
func newChunkArenas(payload [][]byte, skip int) *chunkArenas {
	h := &chunkArenas{pk: newPacker(nil)}
	offset := int64(0)
	for i, c := range payload {
		if len(c) == 0 {
			continue
		}
		a := &arena{buf: c}
		a.used.Store(int64(len(c))) // full: nothing more is reserved in it
		h.byOffset = append(h.byOffset, chunkAt{a, offset})
		offset += int64(len(c))
		if i >= skip {
			h.arenas = append(h.arenas, a)
		}
		if buildcache.Mapped(c) {
			runtime.AddCleanup(a, releaseChunk, mappedChunk{unsafe.SliceData(c), len(c)})
		}
	}
	slices.SortFunc(h.arenas, func(a, b *arena) int { return cmp.Compare(a.start(), b.start()) })
	return h
}

// holding are the arenas of the chunks a search doc or block read in
// place from between the payload's offsets from and to is in
// (search.Decode's keep, asked only of a mapped file: read otherwise,
// the index's fields are copies): the doc or block holds them, so that
// those chunks are given back only once no doc or block read from them
// is left.
func (h *chunkArenas) holding(from, to int64) any {
	var hold []*arena
	for _, c := range h.byOffset {
		if c.offset < to && c.offset+int64(len(c.a.buf)) > from {
			hold = append(hold, c.a)
		}
	}
	if len(hold) == 1 {
		return hold[0]
	}
	return hold
}

// keep is what holds the chunks of what d read since the payload's
// offset from, for whatever keeps it: nil but for a mapped file (read,
// its fields are Go's memory, which holds itself).
func (h *chunkArenas) keep(d *buildcache.Decoder, from int64) any {
	if h == nil || !d.Mapped() || d.Err() != nil {
		return nil
	}
	return h.holding(from, d.Offset())
}

// mappedChunk is a chunk of a mapped cache file, as a cleanup is given
// it: a pointer outside Go's heap, which keeps nothing alive.
type mappedChunk struct {
	at *byte
	n  int
}

func releaseChunk(c mappedChunk) { buildcache.Release(unsafe.Slice(c.at, c.n)) }

// start is where a's bytes begin.
func (a *arena) start() uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(a.buf))) }

// hold returns e, decoded from a payload, as a post of the chunk it was
// read from, or packed into fresh space. (Its feed entry is left where it
// is: the first Build's feed holds it from then on.)
func (h *chunkArenas) hold(e renderedEntry) renderedEntry {
	var raw []byte
	if e.gmi != nil {
		raw = e.gmi.Raw
	}
	pieces := [...][]byte{raw, e.txt, e.menu, e.lines.gemini, e.lines.gopher}
	var a *arena
	n := 0
	for _, b := range pieces {
		if len(b) == 0 {
			continue
		}
		if a == nil {
			a = h.of(b)
		}
		if a == nil || !partOf(b, a.buf) {
			return h.packed(e)
		}
		n += len(b)
	}
	if a == nil {
		return h.packed(e)
	}
	if len(e.atom) > 0 && !partOf(e.atom, a.buf) {
		e.atom = bytes.Clone(e.atom) // not read from a chunk a record does not hold
	}
	e.summary = packedSummary(e.summary, e.searchable)
	e.arena, e.size = a, n
	return e
}

// packed is e packed into fresh space, with its feed entry, which pack
// leaves where it is, copied: not read from a chunk no record holds.
func (h *chunkArenas) packed(e renderedEntry) renderedEntry {
	e = h.pk.pack(e)
	e.atom = bytes.Clone(e.atom)
	return e
}

// of returns the arena records are held in whose bytes b begins in, nil
// if none.
func (h *chunkArenas) of(b []byte) *arena {
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	i, _ := slices.BinarySearchFunc(h.arenas, p, func(a *arena, p uintptr) int {
		switch {
		case p < a.start():
			return 1
		case p >= a.start()+uintptr(len(a.buf)):
			return -1
		}
		return 0
	})
	if i < len(h.arenas) && partOf(b[:1], h.arenas[i].buf) {
		return h.arenas[i]
	}
	return nil
}
