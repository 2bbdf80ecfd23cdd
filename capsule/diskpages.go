package capsule

import (
	"bytes"
	"unsafe"

	"capsule/capsule/buildcache"
	"capsule/capsule/gemini"
)

// The index pages in a cache file: every blog's home page, tag index,
// archive, root menu and feed, and every tag's page, menu and feed
// (blogPages, tagPages), each with the pieces of posts it was made of.
// Read back, they are the previous Store's pages for the restart's first
// Build, which takes them as a reload takes those of the Store it
// replaces (indexPages): when their posts' pieces are the same. Made
// again, they were the most of a restart's build (40 ms of 200 at 3,000
// posts, and 18 MiB of fresh memory: the feeds' runs copying every entry
// once per feed it is in, the lists packed into new arenas).
//
// A piece is written as the record field it is (pieceRef): read back,
// it is that field of the record read back, the very bytes the restart's
// build takes with the record, so that comparing the pieces compares
// addresses, not bytes. A piece that is no record's field (never, but
// for a page made of a record not written) is written whole.
//
// The pages' bytes are served from the file's chunks as the records'
// are, held by what holds them (blogPages.keep, tagPages.keep,
// feedRun.keep): a feed's head is a copy (a few hundred bytes).

// Where a piece of an index page is, in a record of the file.
const (
	pieceOwn        = iota // no record's: its bytes follow
	pieceGeminiLine        // lines.gemini
	pieceGopherLine        // lines.gopher
	pieceAtom              // the feed entry (Store.atoms)
	pieceSearchable        // the text, in a feed with the posts' text
)

// pieceRef is a record's field, by the record's file, and its length.
type pieceRef struct {
	file  string
	field int
	n     int
}

// pieceRefs are the record fields the pieces of st's index pages may be,
// by where they begin.
func (st *Store) pieceRefs() map[*byte]pieceRef {
	refs := make(map[*byte]pieceRef, 4*len(st.renders))
	add := func(b []byte, file string, field int) {
		if len(b) > 0 {
			refs[unsafe.SliceData(b)] = pieceRef{file, field, len(b)}
		}
	}
	for file, r := range st.renders {
		add(r.lines.gemini, file, pieceGeminiLine)
		add(r.lines.gopher, file, pieceGopherLine)
		add(st.atoms[file], file, pieceAtom)
		add(r.searchable, file, pieceSearchable)
	}
	return refs
}

// field is the bytes of r's field, as read back.
func (r *renderRecord) field(field int) []byte {
	switch field {
	case pieceGeminiLine:
		return r.lines.gemini
	case pieceGopherLine:
		return r.lines.gopher
	case pieceAtom:
		return r.atom
	case pieceSearchable:
		return r.searchable
	}
	return nil
}

func encodePieces(w *buildcache.Writer, pieces []piece, refs map[*byte]pieceRef) {
	w.Uvarint(uint64(len(pieces)))
	for _, p := range pieces {
		if ref, ok := refs[p.at]; ok && ref.n == p.n {
			w.Uvarint(uint64(ref.field))
			w.String(ref.file)
			continue
		}
		w.Uvarint(pieceOwn)
		w.Bytes(p.bytes())
	}
}

// decodeHint bounds what a decoder makes room for before it reads what a
// count announces: a count is bounded by the bytes left (Decoder.Count),
// but each element decoded may take several times its bytes; what is
// decoded past the hint grows as it is read, bounded by what is there.
const decodeHint = 1 << 10

func decodePieces(d *buildcache.Decoder, renders renderCache) []piece {
	n := d.Count(2, maxRecords*8) // a kind and a length, at least
	if n == 0 {
		return nil
	}
	pieces := make([]piece, 0, min(n, decodeHint))
	for range n {
		field := d.Int(pieceSearchable)
		if field == pieceOwn {
			pieces = append(pieces, pieceOf(d.Bytes()))
			continue
		}
		r := renders[string(d.Bytes())] // no copy: the map's key is the record's
		if r == nil {
			d.Fail("a piece of no record")
			return nil
		}
		pieces = append(pieces, pieceOf(r.field(field)))
	}
	return pieces
}

func encodeResponse(w *buildcache.Writer, r *gemini.Response) {
	w.Bool(r != nil)
	if r == nil {
		return
	}
	w.Uvarint(uint64(r.Status))
	w.String(r.Meta)
	w.Bytes(r.Raw)
	w.Bool(r.Body != nil)
	w.Uvarint(uint64(len(r.Raw) - len(r.Body)))
	w.Uvarint(uint64(len(r.Tail)))
	for _, t := range r.Tail {
		w.Bytes(t)
	}
}

func decodeResponse(d *buildcache.Decoder) *gemini.Response {
	if !d.Bool() {
		return nil
	}
	r := &gemini.Response{Status: gemini.Status(d.Int(99)), Meta: d.String(), Raw: d.Bytes()}
	hasBody, at := d.Bool(), d.Int(len(r.Raw))
	if hasBody && d.Err() == nil {
		r.Body = r.Raw[at:]
	}
	if n := d.Count(1, maxRecords); n > 0 {
		r.Tail = make([][]byte, 0, min(n, decodeHint))
		for range n {
			r.Tail = append(r.Tail, d.Bytes())
		}
	}
	return r
}

// encodeFeed writes a feed and its runs: its head, then each run (the
// feed's tail is its runs' bytes and feedEnd). A feed not so made is
// written as none (never: atomXML makes every feed).
func encodeFeed(w *buildcache.Writer, feed *gemini.Response, runs []feedRun) {
	ok := feed != nil && len(feed.Tail) == len(runs)+1 && unsafe.SliceData(feed.Tail[len(runs)]) == unsafe.SliceData(feedEnd)
	for i := 0; ok && i < len(runs); i++ {
		ok = len(runs[i].bytes) > 0 && unsafe.SliceData(feed.Tail[i]) == unsafe.SliceData(runs[i].bytes) && len(feed.Tail[i]) == len(runs[i].bytes)
	}
	w.Bool(ok)
	if !ok {
		return
	}
	encodeResponse(w, &gemini.Response{Status: feed.Status, Meta: feed.Meta, Raw: feed.Raw, Body: feed.Body})
	w.Uvarint(uint64(len(runs)))
	for _, r := range runs {
		w.String(r.first)
		w.Uvarint(uint64(r.posts))
		w.Uvarint(uint64(r.at))
		w.Uvarint(uint64(r.n))
		w.Bool(r.text)
		w.Bytes(r.bytes)
	}
}

// decodeFeed reads what encodeFeed wrote, of a feed made of entries. A
// run of entries without their text must be their bytes, each after a
// newline (feedEntriesHeld slices it so): one whose length says
// otherwise is refused.
func decodeFeed(d *buildcache.Decoder, entries []piece, held *chunkArenas) (*gemini.Response, []feedRun) {
	if !d.Bool() {
		return nil, nil
	}
	head := decodeResponse(d)
	if head == nil || len(head.Tail) > 0 {
		d.Fail("a feed's head")
		return nil, nil
	}
	feed := &gemini.Response{Status: head.Status, Meta: head.Meta, Raw: bytes.Clone(head.Raw)}
	if head.Body != nil {
		feed.Body = feed.Raw[len(head.Raw)-len(head.Body):]
	}
	n := d.Count(6, maxRecords) // a run's five fields and its bytes' length, at least
	runs := make([]feedRun, 0, min(n, decodeHint))
	feed.Tail = make([][]byte, 0, min(n, decodeHint)+1)
	for range n {
		runs = append(runs, feedRun{})
		r := &runs[len(runs)-1]
		r.first = d.String()
		r.posts = d.Int(maxRecords)
		r.at = d.Int(len(entries))
		r.n = d.Int(len(entries) - r.at)
		r.text = d.Bool()
		from := d.Offset()
		r.bytes = d.Bytes()
		r.keep = held.keep(d, from)
		if d.Err() != nil {
			return nil, nil
		}
		size := 0
		for _, p := range entries[r.at : r.at+r.n] {
			size += 1 + p.n
		}
		if r.posts == 0 || len(r.bytes) == 0 || !r.text && (r.n != r.posts || size != len(r.bytes)) {
			d.Fail("a feed's run not of its entries")
			return nil, nil
		}
		feed.Tail = append(feed.Tail, r.bytes)
	}
	feed.Tail = append(feed.Tail, feedEnd)
	return feed, runs
}

// encodeIndexPages writes st's index pages (blogPages, tagPages).
func (st *Store) encodeIndexPages(w *buildcache.Writer) {
	refs := st.pieceRefs()
	w.Uvarint(uint64(len(st.blogPages)))
	for dir, p := range st.blogPages {
		w.String(dir)
		encodePieces(w, p.lists, refs)
		encodePieces(w, p.entries, refs)
		w.String(p.others)
		for _, r := range []*gemini.Response{p.home, p.tags, p.archive} {
			encodeResponse(w, r)
		}
		for _, b := range [][]byte{p.tagsMenu, p.archiveMenu, p.root} {
			w.Bytes(b)
		}
		encodeFeed(w, p.feed, p.runs)
	}
	w.Uvarint(uint64(len(st.tagPages)))
	for key, p := range st.tagPages {
		w.String(key)
		encodePieces(w, p.lists, refs)
		encodePieces(w, p.entries, refs)
		encodeResponse(w, p.gemini)
		w.Bytes(p.gopher)
		encodeFeed(w, p.feed, p.runs)
	}
}

// decodeIndexPages reads what encodeIndexPages wrote, the pieces as the
// fields of renders, the records read before.
func decodeIndexPages(d *buildcache.Decoder, renders renderCache, held *chunkArenas) (map[string]*blogPages, map[string]*tagPages) {
	n := d.Count(1, maxRecords)
	blogs := make(map[string]*blogPages, min(n, decodeHint))
	for range n {
		dir := d.String()
		p := &blogPages{lists: decodePieces(d, renders), entries: decodePieces(d, renders), others: d.String()}
		from := d.Offset()
		p.home, p.tags, p.archive = decodeResponse(d), decodeResponse(d), decodeResponse(d)
		p.tagsMenu, p.archiveMenu, p.root = d.Bytes(), d.Bytes(), d.Bytes()
		p.keep = held.keep(d, from)
		p.feed, p.runs = decodeFeed(d, p.entries, held)
		if d.Err() != nil {
			return nil, nil
		}
		if p.home == nil || p.tags == nil || p.archive == nil {
			d.Fail("a blog's pages")
			return nil, nil
		}
		blogs[dir] = p
	}
	n = d.Count(1, maxRecords)
	tags := make(map[string]*tagPages, min(n, decodeHint))
	for range n {
		key := d.String()
		p := &tagPages{lists: decodePieces(d, renders), entries: decodePieces(d, renders)}
		from := d.Offset()
		p.gemini, p.gopher = decodeResponse(d), d.Bytes()
		p.keep = held.keep(d, from)
		p.feed, p.runs = decodeFeed(d, p.entries, held)
		if d.Err() != nil {
			return nil, nil
		}
		if p.gemini == nil {
			d.Fail("a tag's pages")
			return nil, nil
		}
		tags[key] = p
	}
	return blogs, tags
}
