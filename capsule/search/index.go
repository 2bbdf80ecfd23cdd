// Package search finds posts by substring, in Japanese as in English, at a
// cost bounded whatever the query.
package search

import (
	"bytes"
	"errors"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"capsule/capsule/internal/work"
)

// Index finds posts by substring, the way Japanese needs: there are no word
// boundaries to index. It looks only at what a reader reads: a post's title
// and the prose of its gemtext body (text, headings, list items, quotes,
// preformatted blocks), never link lines, URLs or markup. Text and queries
// are compared folded (see Fold).
//
// Each post's prose is folded once, when the index is built, and queries
// search the folding as bytes (with bytes.IndexByte on the query's rarest
// looking byte, or bytes.Index), line by line: a query never folds a post
// in Unicode's sense. Only the lines whose folding is more than lower case
// ASCII (full-width letters, half-width kana, accented capitals) are kept
// folded; the others are read from the body, which the caller holds
// anyway, as they are or through a table that lowers ASCII: so the index
// is not a second copy of every post. Small tables map an offset in the
// folding to the post's original body, so that an excerpt shows the text
// as written. Filters rule out posts before any
// text is read:
//
//   - per block of 64 posts, the exact set of folded characters, and of runs
//     of one character 3, 4, 8, 16, 32 and 64 long, each with the posts that
//     have it: a post lacking a character of the query, or a run as long,
//     is never read. The query's keys are tested rarest first (the index
//     knows in how many blocks each key is), and a key in no block ends the
//     search at once: a letter no post has costs a microsecond;
//   - per post, a Bloom filter of the pairs of adjacent characters
//     (bigrams), five bits in one word a pair, which rules out most posts
//     that have every character of the query but not side by side.
//
// The cost of a query is bounded by design, not by the filters:
//
//   - a query has at most MaxQueryRunes characters, folded too: so at most
//     that many keys to look up per block and bigrams to test per post
//     (CheckQuery refuses longer ones, and Search answers them with
//     nothing);
//   - the folded text a query reads, in linear time, is at most MaxScanBytes
//     in all, whatever the filters let through; when that budget is spent,
//     Search stops and returns the hits found so far with more set (callers
//     tell the reader the search stopped early and to try a longer phrase);
//   - at most MaxResults hits, each with an excerpt of a few dozen
//     characters cut from a line or two of its post.
//
// So a query costs at most a few microseconds per block of 64 posts, a few
// memory reads per post and MaxScanBytes of reading. The index is built on
// all cores and only read afterwards: it is safe for concurrent use.
type Index struct {
	docs   []doc
	blocks []block
	keys   []uint32 // every key of the blocks, sorted
	counts []int32  // counts[i]: how many blocks have keys[i]
	budget int      // bytes of folded text a query may read: MaxScanBytes
	folded int      // docs Update folded, not taken from prev
}

// Doc is a post as the index takes it.
type Doc struct {
	Title string
	// Body is the post's gemtext body: the index keeps it, does not copy
	// it, and cuts excerpts from it. It must not change afterwards.
	Body []byte
}

// Hit is one post that matched, with where.
type Hit struct {
	Doc     int    // index into the docs given to New
	Excerpt string // the post's text around the first match, as written
}

const (
	// MaxResults bounds a result page, and the work a query can cause.
	MaxResults = 50

	// MaxQueryRunes is the longest query, in characters, before and after
	// folding. A long Japanese sentence (40 to 60 characters) fits; a
	// longer query is a paste, not a search, and would only make the
	// lookups of each query longer.
	MaxQueryRunes = 64

	// MaxScanBytes bounds the folded text one query reads: 8 MiB, some
	// 500 posts of 16 KiB that the filters could not rule out, a few
	// milliseconds of bytes.Index. A blog of a few hundred posts never
	// reaches it.
	MaxScanBytes = 8 << 20

	// excerptRunes is how much context an excerpt shows on each side of a
	// match.
	excerptRunes = 30
)

// ErrQueryTooLong is CheckQuery's answer to a query of more than
// MaxQueryRunes characters.
var ErrQueryTooLong = errors.New("search query too long: at most " + strconv.Itoa(MaxQueryRunes) + " characters")

// CheckQuery returns ErrQueryTooLong if query is longer than Search
// accepts (MaxQueryRunes characters, not counting surrounding spaces, before
// and after folding), nil otherwise.
func CheckQuery(query string) error {
	_, err := prepare(query)
	return err
}

// doc is one post's searchable text, its maps back to the original and its
// filter.
type doc struct {
	name    string   // the title as given
	body    []byte   // the original gemtext body, shared with the caller
	title   string   // folded
	size    uint32   // length of the folded prose: its lines, '\n' between them
	fold    []byte   // the folded lines that are not their source in lower case, one after another
	kept    []uint32 // kept[i]: where line i is in fold, or plainLine
	lines   []mark   // where each prose line starts, in the folded prose and in body
	regions []region // where folding changed the length, in order
	filter  []uint64 // Bloom filter of bigrams
	seed    uint64   // salts the filter's hashes
	keep    any      // what fold and filter are read in place from, held with them (Decode)
}

// mark is an offset in a doc's folded text and the same place in its body.
type mark struct{ fold, orig uint32 }

// block holds, for 64 docs, every key (folded character or run) that one
// of them has, and which ones have it.
type block struct {
	keys  []uint32 // sorted
	masks []uint64 // masks[i] bit j: doc 64*block+j has keys[i]
	keep  any      // what masks are read in place from, held with them (Decode)
}

// Keys of the block sets: a character is its rune; a run of a character
// at least runLengths[j] long is runKey(r, j).
var runLengths = [...]int{3, 4, 8, 16, 32, MaxQueryRunes}

func runKey(r rune, j int) uint32 { return utf8.MaxRune + 1 + uint32(r)<<3 | uint32(j) }

// runKeys appends the keys of a run of n r.
func runKeys(keys []uint32, r rune, n int) []uint32 {
	for j, l := range runLengths {
		if n < l {
			break
		}
		keys = append(keys, runKey(r, j))
	}
	return keys
}

// bigram is the key of a pair of adjacent characters in the Bloom filters.
func bigram(a, b rune) uint64 { return uint64(a)<<21 | uint64(b) }

// bloomBits returns where bigram k is in filter: a word and five bits in
// it, from multiplicative hashes of k salted by the doc's seed, so that
// posts do not share their false positives.
func bloomBits(filter []uint64, k, seed uint64) (word int, bits uint64) {
	return bloomPlace(filter, bloomHash(k, seed))
}

// bloomHash is the hash of bigram k that bloomPlace places.
func bloomHash(k, seed uint64) uint64 { return (k ^ seed) * 0x9e3779b97f4a7c15 }

// bloomPlace returns where the bigram of hash h is in filter.
func bloomPlace(filter []uint64, h uint64) (word int, bits uint64) {
	g := h * 0xc4ceb9fe1a85ec53
	return int((h >> 32) * uint64(len(filter)) >> 32), 1<<(h>>14&63) | 1<<(h>>20&63) | 1<<(h>>26&63) | 1<<(g>>58) | 1<<(g>>52&63)
}

// filterBitsPerBigram sizes a doc's Bloom filter: this many bits for each
// distinct bigram of its text (as bigramCount estimates them), five of
// them set per bigram, so that about 40% of the filter's bits are set:
// the filter lets through a bigram the doc lacks about one time in fifty
// (TestFilterSizedForItsBigrams), whatever the language. Sized by the
// bytes of text instead (a word per 32 bytes), it let Japanese prose,
// whose characters are three bytes, through one time in twenty, and spent
// three times as many bits on English. The filters are most of the index,
// about a tenth of what a blog's responses hold; 12 bits would let
// through one time in a hundred, for a fifth more.
const filterBitsPerBigram = 10

// New indexes docs; Hit.Doc is an index into docs. The bodies are kept,
// not copied.
func New(docs []Doc) *Index { return Update(nil, docs) }

// Update indexes docs as New does, taking from prev, the index being
// replaced, every doc it has with the same title and the very same body
// bytes (not merely equal ones): a blog where one post changed folds one
// post. A block of 64 docs is merged anew only where its docs are not
// prev's block as it was, from the keys prev's blocks hold. The index is
// the one New would build from docs.
func Update(prev *Index, docs []Doc) *Index {
	idx := &Index{docs: make([]doc, len(docs)), blocks: make([]block, (len(docs)+63)/64), budget: MaxScanBytes}
	from := make([]int, len(docs)) // the doc's index in prev, or -1
	var byBody map[*byte]int
	if prev != nil {
		byBody = make(map[*byte]int, len(prev.docs))
		for i := range prev.docs {
			if b := prev.docs[i].body; len(b) > 0 {
				byBody[unsafe.SliceData(b)] = i
			}
		}
	}
	keys := make([][]uint32, len(docs)) // each new doc's keys, until the blocks have them
	var folded atomic.Int64
	builders := newFreeList[builder]()
	work.ForEach(len(docs), func(i int) {
		from[i] = -1
		if j, ok := byBody[unsafe.SliceData(docs[i].Body)]; ok && len(docs[i].Body) > 0 &&
			len(prev.docs[j].body) == len(docs[i].Body) && prev.docs[j].name == docs[i].Title {
			from[i], idx.docs[i] = j, prev.docs[j]
			return
		}
		b := builders.get()
		idx.docs[i], keys[i] = b.build(docs[i], docSeed(docs[i]))
		if len(docs[i].Body) > 0 {
			folded.Add(1)
		}
		builders.put(b)
	})
	mergers := newFreeList[merger]()
	work.ForEach(len(idx.blocks), func(bi int) {
		lo, hi := 64*bi, min(64*bi+64, len(docs))
		if bl, ok := prev.sameBlock(from[lo:hi], bi); ok {
			idx.blocks[bi] = bl
			return
		}
		m := mergers.get()
		for j := lo; j < hi; j++ {
			if from[j] < 0 {
				m.addKeys(keys[j], j-lo)
			}
		}
		m.addMoved(prev, from[lo:hi])
		idx.blocks[bi] = m.block()
		mergers.put(m)
	})
	idx.keys, idx.counts = mergers.get().count(idx.blocks)
	idx.folded = int(folded.Load())
	return idx
}

// Folded is how many docs with text the Update that made idx folded and
// indexed, rather than take them from the previous index.
func (idx *Index) Folded() int { return idx.folded }

// docSeed salts a doc's Bloom filter. It depends on the doc alone, not on
// its place, so that a doc taken from a previous index is the doc New
// would build.
func docSeed(d Doc) uint64 {
	h := uint64(len(d.Body)+1) * 0x9e3779b97f4a7c15
	for i := 0; i < len(d.Title); i++ {
		h = (h ^ uint64(d.Title[i])) * 0x100000001b3
	}
	return h
}

// sameBlock returns prev's block bi when the docs of block bi are prev's
// docs of that block, all of them, in the same places.
func (prev *Index) sameBlock(from []int, bi int) (block, bool) {
	if prev == nil || bi >= len(prev.blocks) || min(64*bi+64, len(prev.docs))-64*bi != len(from) {
		return block{}, false
	}
	for j, f := range from {
		if f != 64*bi+j {
			return block{}, false
		}
	}
	return prev.blocks[bi], true
}

// freeList keeps scratch space for the goroutines of one New: no more than
// one per core, and no longer.
type freeList[T any] chan *T

func newFreeList[T any]() freeList[T] { return make(freeList[T], runtime.GOMAXPROCS(0)) }

func (f freeList[T]) get() *T {
	select {
	case x := <-f:
		return x
	default:
		return new(T)
	}
}

func (f freeList[T]) put(x *T) {
	select {
	case f <- x:
	default:
	}
}

// builder folds and indexes docs, with scratch space reused from doc to
// doc.
type builder struct {
	spans   [][2]int // prose lines in the body
	scratch []byte   // the line being folded
	kept    []uint32
	lines   []mark
	regions []region
	seen    [1 << 16 / 64]uint64 // BMP keys seen in the current doc
	keys    []uint32
	seed    uint64                    // the doc's
	grams   []uint64                  // the doc's bigrams' bloomHash, until its filter is sized
	count   [countingBits / 64]uint64 // which of countingBits those hashes fell on
}

// build folds d's prose and title and returns what the index keeps of it,
// with its keys, sorted.
func (b *builder) build(d Doc, seed uint64) (doc, []uint32) {
	return b.buildFolding(d, seed, (*builder).foldIndex)
}

// buildFolding is build, each prose line folded and indexed by foldLine
// (foldIndex; its test gives the general folding to compare with).
func (b *builder) buildFolding(d Doc, seed uint64, foldLine func(b *builder, dst, src []byte, base int) ([]byte, uint32)) (doc, []uint32) {
	b.lines, b.regions, b.keys, b.spans = b.lines[:0], b.regions[:0], b.keys[:0], b.spans[:0]
	body := d.Body
	// The prose lines, then their folding, which is as long but where
	// NFKC shortens or lengthens text.
	b.proseSpans(body)
	title := appendFold(nil, []byte(d.Title), 0, nil)
	out := doc{
		name:  d.Title,
		body:  body,
		title: string(title),
		seed:  seed,
	}
	b.seed, b.grams = seed, b.grams[:0]
	clear(b.count[:])
	b.index(title)
	// Each line folded, in the builder's scratch space; kept only when
	// it is not its source with ASCII in lower case (most lines of most
	// posts: see folded).
	var kept []byte
	b.kept = b.kept[:0]
	at := 0 // in the folded prose
	for i, sp := range b.spans {
		if i > 0 {
			at++ // the '\n' between lines
		}
		b.lines = append(b.lines, mark{fold: uint32(at), orig: uint32(sp[0])})
		r0 := len(b.regions)
		src := body[sp[0]:sp[1]]
		line, kind := foldLine(b, b.scratch[:0], src, sp[0])
		if kind != 0 {
			// Neither copied nor kept: as long as its source.
			b.kept = append(b.kept, kind)
			at += len(src)
			continue
		}
		b.scratch = line
		for k := r0; k < len(b.regions); k++ { // from the line's offsets to the prose's
			b.regions[k].fold0 += uint32(at)
			b.regions[k].fold1 += uint32(at)
		}
		if bytes.Equal(line, src) {
			b.kept = append(b.kept, sameLine)
		} else if plain(line, src) {
			b.kept = append(b.kept, plainLine)
		} else {
			b.kept = append(b.kept, uint32(len(kept)))
			kept = append(kept, line...)
		}
		at += len(line)
	}
	return out, b.finish(&out, at, kept)
}

// finish sets what out keeps of the lines b folded and indexed, the
// folded prose being at bytes long and kept the lines kept of it, and
// returns the keys it was indexed by, sorted: BMP ones from the bit set
// (cleared on the way), then the others.
func (b *builder) finish(out *doc, at int, kept []byte) []uint32 {
	out.size = uint32(at)
	out.filter = b.filter()
	out.fold = slices.Clip(kept)
	out.kept = slices.Clone(b.kept)
	out.lines = slices.Clone(b.lines)
	out.regions = slices.Clone(b.regions)
	wide := slices.Clone(b.keys)
	slices.Sort(wide)
	keys := make([]uint32, 0, len(wide)+64)
	for w, word := range b.seen {
		for word != 0 {
			keys = append(keys, uint32(w*64+bits.TrailingZeros64(word)))
			word &= word - 1
		}
		b.seen[w] = 0
	}
	keys = append(keys, slices.Compact(wide)...)
	return slices.Clip(keys)
}

// proseStart returns where the prose of a gemtext line starts, past its
// line markup (heading, list item, quote, and the zero-width space that
// escapes a text line), or -1 for a link line, which has none.
func proseStart(line []byte) int {
	i := 0
	switch {
	case bytes.HasPrefix(line, []byte("=>")):
		return -1
	case bytes.HasPrefix(line, []byte("* ")):
		i = 2
	case len(line) > 0 && line[0] == '#':
		for i < len(line) && line[i] == '#' {
			i++
		}
	case len(line) > 0 && line[0] == '>':
		i = 1
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if bytes.HasPrefix(line[i:], []byte("\u200b")) {
		i += len("\u200b")
	}
	return i
}

// trimRightSpace trims the spaces, tabs and carriage return that end a
// line.
func trimRightSpace(line []byte) []byte {
	for len(line) > 0 {
		switch line[len(line)-1] {
		case ' ', '\t', '\r':
			line = line[:len(line)-1]
			continue
		}
		break
	}
	return line
}

// index adds the keys and bigrams of folded text to b's key set and
// bigrams.
func (b *builder) index(text []byte) { b.indexFrom(text, -1, 0) }

// indexFrom is index of the rest of a text whose characters before text
// were indexed already, the last of them prev, run times in a row (-1
// and 0 at the text's start).
func (b *builder) indexFrom(text []byte, prev rune, run int) {
	// Locals, not fields: the stores would make the compiler load them
	// again at every character.
	grams, seen, seed, count := b.grams, &b.seen, b.seed, &b.count
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if c := text[i]; c >= 0xe0 && c < 0xf0 && i+2 < len(text) {
			r, size = rune(c&0x0f)<<12|rune(text[i+1]&0x3f)<<6|rune(text[i+2]&0x3f), 3
		} else if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:])
		}
		i += size
		if r == prev {
			if run == 1 {
				h := bloomHash(bigram(r, r), seed)
				grams = append(grams, h)
				count[h>>(64-countingLog)/64] |= 1 << (h >> (64 - countingLog) % 64)
			}
			run++
			continue
		}
		if run >= runLengths[0] {
			b.keys = runKeys(b.keys, prev, run)
		}
		if r == '\n' {
			prev, run = -1, 0
			continue
		}
		if r < 1<<16 {
			seen[r/64] |= 1 << (r % 64)
		} else {
			b.keys = append(b.keys, uint32(r))
		}
		if prev >= 0 {
			h := bloomHash(bigram(prev, r), seed)
			grams = append(grams, h)
			count[h>>(64-countingLog)/64] |= 1 << (h >> (64 - countingLog) % 64)
		}
		prev, run = r, 1
	}
	if run >= runLengths[0] {
		b.keys = runKeys(b.keys, prev, run)
	}
	b.grams = grams
}

// foldIndex adds the keys and bigrams of the folding of src, a prose line
// at offset base of the body, as index does, and returns the folding's
// kind as appendFoldKind does. A line of fast runes only (most lines) is
// read once, each rune indexed as it is decoded, and is not copied: its
// folding is src, or src with its ASCII lowered (kind sameLine or
// plainLine), and dst is returned as it was. Any other line is folded
// into dst by appendFoldKind (regions noted) from its last fast rune
// before the first other one, which a mark after it may take back (see
// appendFoldKind): so the runes indexed before are those of the folding,
// and the rest is indexed from the folding, as it goes on.
func (b *builder) foldIndex(dst, src []byte, base int) ([]byte, uint32) {
	fast := fastRunes()
	grams, seen, seed, count := b.grams, &b.seen, b.seed, &b.count
	prev, run := rune(-1), 0    // what indexFrom keeps
	pend, pendAt := rune(-1), 0 // the last fast rune, not yet indexed, and where
	lowered := false
	i := 0
	for i < len(src) {
		// The rune at i, and whether it is fast, as appendFoldKind
		// tells.
		var r rune
		size := 1
		c := src[i]
		switch {
		case c < utf8.RuneSelf:
			r = rune(asciiFold[c])
			lowered = lowered || r != rune(c)
		case c >= 0xe0 && c < 0xf0 && i+2 < len(src) && src[i+1]&0xc0 == 0x80 && src[i+2]&0xc0 == 0x80:
			r, size = rune(c&0x0f)<<12|rune(src[i+1]&0x3f)<<6|rune(src[i+2]&0x3f), 3
			if (c < 0xe4 || c > 0xe9) && (r < 0x800 || fast[r/64]&(1<<(r%64)) == 0) {
				r = -1 // overlong, surrogate or not fast
			}
		default:
			r, size = utf8.DecodeRune(src[i:])
			if size == 1 || !(r < 1<<16 && fast[r/64]&(1<<(r%64)) != 0 || fastWide(r)) {
				r = -1
			}
		}
		if r < 0 {
			break
		}
		if pend >= 0 {
			// pend, indexed as index would.
			if pend == prev {
				if run == 1 {
					h := bloomHash(bigram(pend, pend), seed)
					grams = append(grams, h)
					count[h>>(64-countingLog)/64] |= 1 << (h >> (64 - countingLog) % 64)
				}
				run++
			} else {
				if run >= runLengths[0] {
					b.keys = runKeys(b.keys, prev, run)
				}
				if pend < 1<<16 {
					seen[pend/64] |= 1 << (pend % 64)
				} else {
					b.keys = append(b.keys, uint32(pend))
				}
				if prev >= 0 {
					h := bloomHash(bigram(prev, pend), seed)
					grams = append(grams, h)
					count[h>>(64-countingLog)/64] |= 1 << (h >> (64 - countingLog) % 64)
				}
				prev, run = pend, 1
			}
		}
		pend, pendAt = r, i
		i += size
	}
	b.grams = grams
	if i == len(src) {
		// Fast runes only: the last one too, and the line's end.
		if pend >= 0 {
			var one [utf8.UTFMax]byte
			b.indexFrom(one[:utf8.EncodeRune(one[:], pend)], prev, run)
		}
		if lowered {
			return dst, plainLine
		}
		return dst, sameLine
	}
	if pend < 0 {
		pendAt = 0
	}
	start := len(dst)
	dst = appendLower(dst, src[:pendAt])
	dst, _ = appendFoldKind(dst, src[pendAt:], base+pendAt, &b.regions)
	b.indexFrom(dst[start+pendAt:], prev, run)
	return dst, 0
}

// countingBits is the size of the bitmap the bigrams' hashes are counted
// in (each sets the bit its top countingLog bits name): bigramCount's
// estimate is within a few percent up to some 20,000 distinct bigrams (a
// post of 60 KB of Japanese prose has about 6,000), and an upper bound
// beyond.
const (
	countingLog  = 12
	countingBits = 1 << countingLog
)

// bigramCount estimates how many distinct bigrams b.grams holds (linear
// counting: the share of b.count's bits left unset says how many distinct
// hashes set the others), at most len(b.grams).
func (b *builder) bigramCount() int {
	unset := 0
	for _, w := range b.count {
		unset += 64 - bits.OnesCount64(w)
	}
	if unset == 0 {
		return len(b.grams)
	}
	return min(len(b.grams), int(math.Ceil(-countingBits*math.Log(float64(unset)/countingBits))))
}

// filter returns the Bloom filter of the doc whose bigrams b.grams holds,
// sized for them (filterBitsPerBigram).
func (b *builder) filter() []uint64 {
	filter := make([]uint64, 1+b.bigramCount()*filterBitsPerBigram/64)
	for _, h := range b.grams {
		w, bits := bloomPlace(filter, h)
		filter[w] |= bits
	}
	return filter
}

// merger builds blocks, with scratch space reused from block to block.
type merger struct {
	masks [1 << 16]uint64      // per BMP key
	seen  [1 << 16 / 64]uint64 // BMP keys with a mask
	wide  map[uint32]uint64
	other []uint32
}

// addKeys records that the doc at bit j of the block being merged has
// keys.
func (m *merger) addKeys(keys []uint32, j int) {
	for _, k := range keys {
		m.add(k, 1<<j)
	}
}

func (m *merger) add(k uint32, mask uint64) {
	if k < 1<<16 {
		m.masks[k] |= mask
		m.seen[k/64] |= 1 << (k % 64)
		return
	}
	if m.wide == nil {
		m.wide = make(map[uint32]uint64)
	}
	m.wide[k] |= mask
}

// addMoved records the keys of the docs of the block being merged that
// come from prev (from[j] is the index in prev of the doc at bit j, or -1),
// read from prev's blocks: the docs of one prev block that moved by the
// same number of places are taken in one pass over its keys.
func (m *merger) addMoved(prev *Index, from []int) {
	type group struct {
		block, shift int
		mask         uint64 // bits in the prev block
	}
	var groups []group
	for j, f := range from {
		if f < 0 {
			continue
		}
		g := group{block: f / 64, shift: j - f%64}
		found := false
		for i := range groups {
			if groups[i].block == g.block && groups[i].shift == g.shift {
				groups[i].mask |= 1 << (f % 64)
				found = true
				break
			}
		}
		if !found {
			g.mask = 1 << (f % 64)
			groups = append(groups, g)
		}
	}
	for _, g := range groups {
		bl := &prev.blocks[g.block]
		for i, k := range bl.keys {
			bits := bl.masks[i] & g.mask
			if bits == 0 {
				continue
			}
			if g.shift >= 0 {
				bits <<= g.shift
			} else {
				bits >>= -g.shift
			}
			m.add(k, bits)
		}
	}
}

// block returns the block of the keys added, and empties m for the next.
func (m *merger) block() block {
	n := 0
	for _, word := range m.seen {
		n += bits.OnesCount64(word)
	}
	var bl block
	bl.keys = make([]uint32, 0, n+len(m.wide))
	bl.masks = make([]uint64, 0, n+len(m.wide))
	for w, word := range m.seen {
		for word != 0 {
			k := uint32(w*64 + bits.TrailingZeros64(word))
			bl.keys = append(bl.keys, k)
			bl.masks = append(bl.masks, m.masks[k])
			m.masks[k] = 0
			word &= word - 1
		}
		m.seen[w] = 0
	}
	m.other = m.other[:0]
	for k := range m.wide {
		m.other = append(m.other, k)
	}
	slices.Sort(m.other)
	for _, k := range m.other {
		bl.keys = append(bl.keys, k)
		bl.masks = append(bl.masks, m.wide[k])
	}
	clear(m.wide)
	return bl
}

// count returns every key of blocks, sorted, and in how many blocks each
// is.
func (m *merger) count(blocks []block) ([]uint32, []int32) {
	if m.wide == nil {
		m.wide = make(map[uint32]uint64)
	}
	for _, bl := range blocks {
		for _, k := range bl.keys {
			if k < 1<<16 {
				m.masks[k]++
				m.seen[k/64] |= 1 << (k % 64)
			} else {
				m.wide[k]++
			}
		}
	}
	var keys []uint32
	var counts []int32
	for w, word := range m.seen {
		for ; word != 0; word &= word - 1 {
			k := uint32(w*64 + bits.TrailingZeros64(word))
			keys = append(keys, k)
			counts = append(counts, int32(m.masks[k]))
		}
	}
	m.other = m.other[:0]
	for k := range m.wide {
		m.other = append(m.other, k)
	}
	slices.Sort(m.other)
	for _, k := range m.other {
		keys = append(keys, k)
		counts = append(counts, int32(m.wide[k]))
	}
	return keys, counts
}

// query is a folded query and what the filters test.
type query struct {
	text  []byte
	pivot int      // the byte of text that index looks for
	keys  []uint32 // its characters and runs
	grams []uint64 // its bigrams
}

// clean makes control characters and invalid UTF-8 spaces and trims
// spaces.
func clean(q string) string {
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(q, " "))
	return strings.TrimSpace(q)
}

// prepare folds a query and computes its keys and bigrams. A blank query
// gives nil.
func prepare(raw string) (*query, error) {
	if len(raw) > 8*MaxQueryRunes {
		// Surely too long: do not fold it.
		if utf8.RuneCountInString(strings.TrimSpace(raw)) > MaxQueryRunes {
			return nil, ErrQueryTooLong
		}
	}
	raw = clean(raw)
	if utf8.RuneCountInString(raw) > MaxQueryRunes {
		return nil, ErrQueryTooLong
	}
	text := bytes.TrimSpace(appendFold(nil, []byte(raw), 0, nil))
	if utf8.RuneCount(text) > MaxQueryRunes {
		return nil, ErrQueryTooLong
	}
	if len(text) == 0 {
		return nil, nil
	}
	q := &query{text: text, pivot: pivot(text)}
	var runes, runs []uint32
	prev, run := rune(-1), 0
	endRun := func() { runs = runKeys(runs, prev, run) }
	for _, r := range string(text) {
		runes = append(runes, uint32(r))
		if prev >= 0 {
			q.grams = append(q.grams, bigram(prev, r))
		}
		if r == prev {
			run++
		} else {
			endRun()
			run = 1
		}
		prev = r
	}
	endRun()
	slices.Sort(runes)
	q.keys = append(runs, slices.Compact(runes)...)
	slices.Sort(q.grams)
	q.grams = slices.Compact(q.grams)
	return q, nil
}

// Search returns the posts whose title or prose contains query (folded,
// surrounding spaces ignored), in the order of the docs given to New, at
// most MaxResults of them, and whether more posts may match: either there
// were more than MaxResults (len(hits) == MaxResults), or the scan budget
// (MaxScanBytes) ran out before every candidate was read (len(hits) <
// MaxResults). A blank query, or one that CheckQuery refuses, finds
// nothing.
func (idx *Index) Search(query string) (hits []Hit, more bool) {
	return idx.SearchRange(query, 0, len(idx.docs))
}

// SearchRange is Search over docs lo to hi-1 only (a language's posts,
// which are side by side among a site's): Hit.Doc is still an index into
// all the docs. Its cost is bounded as Search's, and is less: only the
// blocks of 64 docs that hold some of the range are looked at.
func (idx *Index) SearchRange(query string, lo, hi int) (hits []Hit, more bool) {
	lo, hi = max(lo, 0), min(hi, len(idx.docs))
	if lo >= hi {
		return nil, false
	}
	sc := idx.newScan(query)
	if sc == nil {
		return nil, false
	}
	for bi := lo / 64; bi < (hi+63)/64; bi++ {
		first := 64 * bi
		cand := ^uint64(0) >> (64 - min(64, hi-first))
		if lo > first {
			cand &^= 1<<(lo-first) - 1
		}
		for cand &= sc.blockCandidates(bi); cand != 0; cand &= cand - 1 {
			i := first + bits.TrailingZeros64(cand)
			if stop := sc.try(i, i); stop {
				return sc.hits, true
			}
		}
	}
	return sc.hits, false
}

// SearchDocs is Search over the docs order names, in its order (a
// language's posts with those of other languages listed among them,
// newest first), each named once: Hit.Doc is the hit's place in order,
// not an index into all the docs. An index out of range is skipped. Its
// cost is bounded as Search's: each block of 64 docs is looked at once
// at most, whatever order names of it, and the scan budget and
// MaxResults are the same; order itself is the caller's, read once.
func (idx *Index) SearchDocs(query string, order []int) (hits []Hit, more bool) {
	sc := idx.newScan(query)
	if sc == nil {
		return nil, false
	}
	cands := make(map[int]uint64) // by block, once looked at
	for at, i := range order {
		if i < 0 || i >= len(idx.docs) {
			continue
		}
		bi := i / 64
		cand, ok := cands[bi]
		if !ok {
			cand = sc.blockCandidates(bi)
			cands[bi] = cand
		}
		if cand&(1<<(i%64)) == 0 {
			continue
		}
		if stop := sc.try(i, at); stop {
			return sc.hits, true
		}
	}
	return sc.hits, false
}

// scan is one query's search: its keys, rarest first, the bytes of
// folded text it may still read, and its hits so far.
type scan struct {
	idx     *Index
	q       *query
	qs      string
	budget  int
	scratch []byte // a line being folded
	hits    []Hit
}

// newScan prepares query for a search of idx: nil when it can find
// nothing (blank, too long, or a key no post has).
func (idx *Index) newScan(query string) *scan {
	q, err := prepare(query)
	if err != nil || q == nil {
		return nil
	}
	// The keys in the fewest blocks first: the likeliest to rule a block
	// out. A key in none rules out every post.
	rarity := make([]int32, len(q.keys))
	for j, k := range q.keys {
		i, ok := slices.BinarySearch(idx.keys, k)
		if !ok {
			return nil
		}
		rarity[j] = idx.counts[i]
	}
	sort.Stable(byRarity{q.keys, rarity})
	return &scan{idx: idx, q: q, qs: string(q.text), budget: idx.budget}
}

// blockCandidates are the docs of block bi that have every key of the
// query, as a mask.
func (sc *scan) blockCandidates(bi int) uint64 {
	bl := &sc.idx.blocks[bi]
	cand := ^uint64(0)
	for _, k := range sc.q.keys {
		i, ok := slices.BinarySearch(bl.keys, k)
		if !ok {
			return 0
		}
		if cand &= bl.masks[i]; cand == 0 {
			return 0
		}
	}
	return cand
}

// try reads doc i, a candidate, and adds it to the hits as doc when it
// matches. It reports whether the search stops there: out of budget, or
// a match beyond MaxResults.
func (sc *scan) try(i, doc int) (stop bool) {
	d := &sc.idx.docs[i]
	if !d.mayContain(sc.q.grams) {
		return false
	}
	// A post costs its folded prose, or what is left of the budget,
	// wherever the match is.
	n := min(int(d.size), sc.budget)
	sc.budget -= n
	at := d.find(sc.q, n, &sc.scratch)
	if at < 0 && !strings.Contains(d.title, sc.qs) {
		return n < int(d.size) // out of budget
	}
	if len(sc.hits) == MaxResults {
		return true
	}
	var ex string
	if at >= 0 {
		ex = d.excerpt(at, at+len(sc.q.text))
	} else {
		ex = d.opening()
	}
	sc.hits = append(sc.hits, Hit{Doc: doc, Excerpt: ex})
	return false
}

// byRarity sorts keys by how many blocks have them.
type byRarity struct {
	keys   []uint32
	counts []int32
}

func (r byRarity) Len() int           { return len(r.keys) }
func (r byRarity) Less(i, j int) bool { return r.counts[i] < r.counts[j] }
func (r byRarity) Swap(i, j int) {
	r.keys[i], r.keys[j] = r.keys[j], r.keys[i]
	r.counts[i], r.counts[j] = r.counts[j], r.counts[i]
}

// mayContain reports whether d may have every bigram: false means surely
// not.
func (d *doc) mayContain(grams []uint64) bool {
	for _, h := range grams {
		if w, b := bloomBits(d.filter, h, d.seed); d.filter[w]&b != b {
			return false
		}
	}
	return true
}

// Lines not kept folded, in doc.kept: plainLine, a line whose folding is
// its source with ASCII in lower case; sameLine, one whose folding is its
// source.
const (
	plainLine = ^uint32(0)
	sameLine  = plainLine - 1
)

// plain reports whether folded, the folding of src, is src with its ASCII
// in lower case (and controls made spaces), byte for byte: true of most
// lines of Japanese and English prose, whose folding changes nothing but
// capitals. Such a line is not kept folded: find folds it from the body,
// which the index holds anyway, when it reads it.
func plain(folded, src []byte) bool {
	if len(folded) != len(src) {
		return false
	}
	for i, c := range src {
		if c < utf8.RuneSelf {
			c = asciiFold[c]
		}
		if folded[i] != c {
			return false
		}
	}
	return true
}

// find returns where q first is in the first limit bytes of d's folded
// prose, or -1. It reads line by line (a query holds no line break) and
// stops at the first match; a line with capitals is folded into scratch.
func (d *doc) find(q *query, limit int, scratch *[]byte) int {
	for li := 0; li < len(d.lines); li++ {
		start := int(d.lines[li].fold)
		if start >= limit {
			break
		}
		orig := int(d.lines[li].orig)
		end := d.lineFoldEnd(li)
		var line []byte
		switch d.kept[li] {
		case sameLine:
			// With the lines after it that are the same and follow it
			// in the body: one stretch of the body, read at once.
			for li+1 < len(d.lines) && d.kept[li+1] == sameLine &&
				int(d.lines[li+1].orig)-int(d.lines[li+1].fold) == orig-start && int(d.lines[li+1].fold) < limit {
				li++
				end = d.lineFoldEnd(li)
			}
			line = d.body[orig : orig+min(end, limit)-start]
		case plainLine:
			*scratch = appendLower((*scratch)[:0], d.body[orig:orig+min(end, limit)-start])
			line = *scratch
		default:
			k := int(d.kept[li])
			line = d.fold[k : k+min(end, limit)-start]
		}
		if len(line) < len(q.text) {
			continue
		}
		if at := index(line, q.text, q.pivot); at >= 0 {
			return start + at
		}
	}
	return -1
}

// lineFoldEnd is where line li ends in the folded prose.
func (d *doc) lineFoldEnd(li int) int {
	if li+1 < len(d.lines) {
		return int(d.lines[li+1].fold) - 1
	}
	return int(d.size)
}

// appendLower appends b to dst with its ASCII folded.
func appendLower(dst, b []byte) []byte {
	from := len(dst)
	dst = append(dst, b...)
	for i, c := range dst[from:] {
		if c < utf8.RuneSelf {
			dst[from+i] = asciiFold[c]
		}
	}
	return dst
}

// proseSpans adds to b.spans the prose of each line of body, a gemtext
// page: past its line markup outside preformatted blocks (proseStart;
// link lines have none), without the spaces around it.
func (b *builder) proseSpans(body []byte) {
	pre := false
	for off := 0; off < len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += off
		}
		line := body[off:end]
		start := off
		off = end + 1
		if bytes.HasPrefix(line, []byte("```")) {
			pre = !pre
			continue
		}
		if !pre {
			skip := proseStart(line)
			if skip < 0 {
				continue
			}
			start += skip
			line = line[skip:]
		}
		for len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			line = line[1:]
			start++
		}
		line = trimRightSpace(line)
		if len(line) > 0 {
			b.spans = append(b.spans, [2]int{start, start + len(line)})
		}
	}
}
