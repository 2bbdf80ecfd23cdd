package search

import (
	"bytes"
	"encoding/binary"

	"capsule/capsule/buildcache"
)

// An index on disk, in a build cache: what a restart gives Update as the
// previous index, so that an unchanged blog folds nothing. The bodies are
// not written: the caller holds them (a post's body is part of its page,
// which the cache has anyway) and names each; when the index is read
// back, each doc is given the body of that name, whose bytes Update
// recognises.
//
// The decoder trusts nothing it reads: every count is bounded by the
// bytes left, and every offset a query or an excerpt will follow is
// checked against the body it is read with, so that hostile bytes give
// an error, never an index that panics or reads out of bounds
// (FuzzDecode).

// Bounds of a decoded index, beyond the bytes it has.
const (
	maxDocs      = 1 << 22
	maxItems     = 1 << 30
	minDocBytes  = 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 8 + 8 // ref, name, title, size, fold, lines, regions, filter, a word, seed
	minLineBytes = 3
	minRegion    = 4
	minKeyBytes  = 1 + 8
)

// Encode writes idx to w, each doc's body as the name that name gives it:
// a body it has no name for ("", false) is written as a doc with no text,
// which Update never takes.
func (idx *Index) Encode(w *buildcache.Writer, name func(body []byte) (string, bool)) {
	w.Uvarint(uint64(len(idx.docs)))
	var scratch []byte
	for i := range idx.docs {
		d := &idx.docs[i]
		ref, ok := "", false
		if len(d.body) > 0 {
			ref, ok = name(d.body)
		}
		if !ok || ref == "" {
			// No body to give back: a doc that Update cannot take, and
			// that searches find by its title alone.
			w.String("")
			w.String(d.name)
			w.String(d.title)
			w.Uvarint(0)
			w.Bytes(nil)
			w.Uvarint(0)
			w.Uvarint(0)
			w.Words(d.filter)
			w.Fixed(binary.LittleEndian.AppendUint64(scratch[:0], d.seed))
			continue
		}
		w.String(ref)
		w.String(d.name)
		w.String(d.title)
		w.Uvarint(uint64(d.size))
		w.Bytes(d.fold)
		w.Uvarint(uint64(len(d.lines)))
		for j, l := range d.lines {
			w.Uvarint(uint64(l.fold))
			w.Uvarint(uint64(l.orig))
			w.Uvarint(keptCode(d.kept[j]))
		}
		w.Uvarint(uint64(len(d.regions)))
		for _, r := range d.regions {
			w.Uvarint(uint64(r.fold0))
			w.Uvarint(uint64(r.fold1))
			w.Uvarint(uint64(r.orig0))
			w.Uvarint(uint64(r.orig1))
		}
		w.Words(d.filter)
		w.Fixed(binary.LittleEndian.AppendUint64(scratch[:0], d.seed))
	}
	w.Uvarint(uint64(len(idx.blocks)))
	for _, bl := range idx.blocks {
		w.Uvarint(uint64(len(bl.keys)))
		last := uint32(0)
		for _, k := range bl.keys {
			w.Uvarint(uint64(k - last)) // sorted: the first key, then steps
			last = k
		}
		w.Words(bl.masks)
	}
}

// Decode reads an index Encode wrote, each doc with the body body gives
// for its name (nil if it has none: the index is then refused). The
// index answers as the one written, for the same bodies; given as prev
// to Update with docs of those very bodies, it is taken from as a
// previous index is.
//
// From a mapped file (d.Mapped), the docs' folded text and filters and
// the blocks' masks are read in place, not copied: each doc and block
// holds what keep gives for the offsets of the payload it was read from
// (Decoder.Offset, from and to), which the caller makes hold that memory
// (capsule gives back a mapped file's pages once nothing holds them).
// keep may be nil.
func Decode(d *buildcache.Decoder, keep func(from, to int64) any, body func(name string) []byte) *Index {
	held := func(from int64) any {
		if keep == nil || !d.Mapped() {
			return nil
		}
		return keep(from, d.Offset())
	}
	n := d.Count(minDocBytes, maxDocs)
	idx := &Index{docs: make([]doc, n), budget: MaxScanBytes}
	for i := range idx.docs {
		from := d.Offset()
		if !decodeDoc(d, &idx.docs[i], body) {
			d.Fail("a search doc that does not fit its body")
			return nil
		}
		idx.docs[i].keep = held(from)
	}
	if d.Int(maxDocs) != (n+63)/64 || d.Err() != nil {
		d.Fail("search blocks that are not the docs'")
		return nil
	}
	idx.blocks = make([]block, (n+63)/64)
	for bi := range idx.blocks {
		bl := &idx.blocks[bi]
		k := d.Count(minKeyBytes, maxItems)
		bl.keys = make([]uint32, k)
		key := uint64(0)
		for j := range bl.keys {
			step := d.Uvarint()
			if j > 0 && step == 0 || key+step > 1<<32-1 {
				d.Fail("search keys out of order")
				return nil
			}
			key += step
			bl.keys[j] = uint32(key)
		}
		from := d.Offset()
		if bl.masks = d.Words(k); len(bl.masks) != k {
			d.Fail("search masks that are not the keys'")
			return nil
		}
		bl.keep = held(from)
		docs := ^uint64(0) >> (64 - min(64, n-64*bi))
		for _, m := range bl.masks {
			if m == 0 || m&^docs != 0 {
				d.Fail("a search mask of no doc")
				return nil
			}
		}
		if d.Err() != nil {
			return nil
		}
	}
	idx.keys, idx.counts = new(merger).count(idx.blocks)
	return idx
}

// decodeDoc reads a doc into x and checks it against its body: false if
// it does not fit.
func decodeDoc(d *buildcache.Decoder, x *doc, body func(string) []byte) bool {
	ref := d.String()
	x.name = d.String()
	x.title = d.String()
	x.size = d.Uint32()
	x.fold = d.Bytes()
	if len(x.fold) == 0 {
		x.fold = nil
	} else {
		if !d.Mapped() {
			x.fold = bytes.Clone(x.fold) // not the whole payload kept for it
		}
	}
	if k := d.Count(minLineBytes, maxItems); k > 0 {
		x.lines = make([]mark, k)
		x.kept = make([]uint32, k)
		for j := range x.lines {
			x.lines[j] = mark{fold: d.Uint32(), orig: d.Uint32()}
			x.kept[j] = keptOf(d.Int64(1<<32 + 1))
		}
	}
	if k := d.Count(minRegion, maxItems); k > 0 {
		x.regions = make([]region, k)
		for j := range x.regions {
			x.regions[j] = region{fold0: d.Uint32(), fold1: d.Uint32(), orig0: d.Uint32(), orig1: d.Uint32()}
		}
	}
	x.filter = d.Words(maxItems)
	seed := d.Fixed(8)
	if d.Err() != nil || len(x.filter) == 0 {
		return false
	}
	x.seed = binary.LittleEndian.Uint64(seed)
	if ref == "" {
		return len(x.lines) == 0 && len(x.regions) == 0 && x.size == 0 && x.fold == nil
	}
	x.body = body(ref)
	if len(x.body) == 0 {
		return false
	}
	return x.fits()
}

// fits reports whether every offset of d's lines and regions is where
// find, excerpt and opening can follow it in d.body and d.fold: lines one
// after another, each inside the body, its folding as long as its source
// but for its regions, which are in order and inside it. It reads the
// offsets, not the body: a restart decodes the index of every post, and
// reading each body to find its lines' ends read every page of the
// cache file's responses (a fault each, on a mapped file) before one
// was served. A line that does not end where the body's line does (a
// file written by hand, checksum and all) makes wrong excerpts of that
// post, never a read outside it, nor one backwards (lineEnd stops where
// the next line begins: TestDecodeWithALineBreakGone).
func (d *doc) fits() bool {
	if len(d.lines) == 0 {
		return d.size == 0 && len(d.regions) == 0
	}
	if d.lines[0].fold != 0 {
		return false
	}
	r := 0 // the next region
	prevEnd := -1
	for li, ln := range d.lines {
		f0, o0 := int(ln.fold), int(ln.orig)
		f1 := d.lineFoldEnd(li)
		if f1 < f0 || o0 <= prevEnd || o0 >= len(d.body) {
			return false
		}
		// Walk the line's regions: between them, folding and source
		// keep the same length.
		f, o := f0, o0
		for ; r < len(d.regions) && int(d.regions[r].fold0) <= f1; r++ {
			rg := d.regions[r]
			if int(rg.fold0) < f || rg.fold1 < rg.fold0 || int(rg.fold1) > f1 || rg.orig1 < rg.orig0 ||
				int(rg.orig0)-o != int(rg.fold0)-f {
				return false
			}
			f, o = int(rg.fold1), int(rg.orig1)
		}
		o1 := o + f1 - f // where the line ends in the body
		if o1 > len(d.body) {
			return false
		}
		switch k := d.kept[li]; k {
		case sameLine, plainLine:
			if o1-o0 != f1-f0 {
				return false
			}
		default:
			if uint64(k)+uint64(f1-f0) > uint64(len(d.fold)) {
				return false
			}
		}
		prevEnd = o1
	}
	return r == len(d.regions)
}

// keptCode is a doc.kept value as written: plainLine 0, sameLine 1, an
// offset in fold 2 more than itself.
func keptCode(k uint32) uint64 {
	switch k {
	case plainLine:
		return 0
	case sameLine:
		return 1
	}
	return uint64(k) + 2
}

func keptOf(c int64) uint32 {
	switch c {
	case 0:
		return plainLine
	case 1:
		return sameLine
	}
	return uint32(c - 2) // at most 1<<32-1: checked against fold by fits
}
