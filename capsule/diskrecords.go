package capsule

import (
	"errors"
	"math"
	"unsafe"

	"capsule/capsule/buildcache"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// The render records in a cache file (diskcache.go): what each says, and
// its responses' bytes.

// Bounds of a decoded cache, beyond the bytes it has.
const (
	maxRecords     = 1 << 22
	minRecordBytes = 1 + 32 + 32 + 2*5 + 1 + 1 + 1 + 8 + 1 + 2
)

// The records are written in two parts: what each says (its file, its
// digests, its neighbours and links, where its fields are and how long
// they are), then, after every record's and every draft's, the bytes of
// their responses, record after record in the same order. A restart
// reads the first part through and nothing of the second: it takes each
// record's bytes where they are (Decoder.Fixed aliases them), and their
// pages are mapped when first served. Written one record after another,
// the few fields between the responses made a restart read a page of
// nearly every response (each page of a mapping costs a fault when first
// read: buildcache.checkBlocks). A record's bytes are its page (with its
// tail, in one piece), then each of its fields written whole (its
// Gopher text and menu, its feed entry, its lines in lists), so that
// they are in one chunk of the file as often as the record is.

// recordFields are a record's byte fields, in the order they are written
// (fieldMenu, fieldText: the places of those read before the bytes).
func recordFields(e *renderedEntry, atom []byte) [6][]byte {
	return [6][]byte{e.txt, e.menu, e.searchable, atom, e.lines.gemini, e.lines.gopher}
}

const (
	fieldMenu = 1 // e.menu, where the way home is (homeAt)
	fieldText = 2 // e.searchable, where the summary is (summaryAt)
)

// encodeRecords writes what c's records say, each with its feed entry,
// which the Store holds apart (atoms), and returns them in the order
// written, for encodeRecordBytes.
func encodeRecords(w *buildcache.Writer, c renderCache, atoms map[string][]byte) ([]*renderRecord, error) {
	w.Uvarint(uint64(len(c)))
	order := make([]*renderRecord, 0, len(c))
	for file, r := range c {
		if r.disk != nil || file != r.post.File {
			return nil, errors.New("a record not made by this build") // never: keep makes them all
		}
		digest, err := postDigest(r.post)
		if err != nil {
			return nil, err
		}
		w.String(file)
		w.Fixed(digest[:])
		w.Fixed(r.bodySum[:])
		encodeNeighbour(w, r.older)
		encodeNeighbour(w, r.newer)
		w.Uvarint(uint64(len(r.links)))
		for _, a := range r.links {
			w.String(a.dest)
			w.Bool(a.isPost)
			w.String(a.post)
			w.String(a.unpub)
			w.String(a.ambiguous)
			w.String(a.file)
			w.Uvarint(uint64(a.fileKind))
			w.Bool(a.relative)
			w.Bool(a.onSite)
			w.String(a.tag)
		}
		w.String(r.mark)
		e := &r.renderedEntry
		var raw []byte
		if e.gmi != nil {
			// A page in two pieces (a retitled post's) is written whole,
			// and read back in one piece: where the body begins is said,
			// as the body ends with the page.
			raw = e.gmi.Raw
			w.Bool(true)
			w.Uvarint(uint64(e.gmi.Status))
			w.String(e.gmi.Meta)
			w.Uvarint(uint64(e.gmi.Len()))
			w.Bool(e.gmi.Body != nil)
			w.Uvarint(uint64(len(raw) - len(e.gmi.Body)))
		} else {
			w.Bool(false)
		}
		for _, b := range recordFields(e, recordAtom(r, atoms)) {
			encodeBytes(w, b, raw)
		}
		encodeSummary(w, e.summary, e.searchable)
		content.EncodeFileErrors(w, e.warns)
		w.Bool(e.hasLinks)
		w.Uvarint(uint64(e.tailAt))
		w.Uvarint(uint64(e.homeAt))
		order = append(order, r)
	}
	return order, nil
}

// recordAtom is r's feed entry: its own, or the one the Store holds.
func recordAtom(r *renderRecord, atoms map[string][]byte) []byte {
	if r.atom != nil {
		return r.atom
	}
	return atoms[r.post.File]
}

// encodeRecordBytes writes the bytes of records, in order: each one's page, then
// its fields written whole (bytesOwn).
func encodeRecordBytes(w *buildcache.Writer, records []*renderRecord, atoms map[string][]byte) {
	for _, r := range records {
		e := &r.renderedEntry
		var raw []byte
		if e.gmi != nil {
			raw = e.gmi.Raw
			w.Fixed(raw)
			for _, t := range e.gmi.Tail {
				w.Fixed(t)
			}
		}
		for _, b := range recordFields(e, recordAtom(r, atoms)) {
			if fieldKind(b, raw) == bytesOwn {
				w.Fixed(b)
			}
		}
	}
}

func encodeNeighbour(w *buildcache.Writer, n neighbour) {
	w.Bool(n.exists)
	w.String(n.dir)
	w.String(n.slug)
	w.String(n.title)
	w.String(n.date)
	w.Bool(n.page)
}

// Byte fields are nil, their bytes, or where they are in the page's
// response (a post's searchable text is part of its page): read back,
// they share its bytes again, as in the Store written.
const (
	bytesNil = iota
	bytesOwn
	bytesInRaw
)

// fieldKind is how b, a field of a record whose page is raw, is written.
func fieldKind(b, raw []byte) int {
	switch {
	case b == nil:
		return bytesNil
	case partOf(b, raw):
		return bytesInRaw
	}
	return bytesOwn
}

// encodeBytes writes what a record says of its field b: its bytes follow
// with the others' (encodeRecordBytes).
func encodeBytes(w *buildcache.Writer, b, raw []byte) {
	kind := fieldKind(b, raw)
	w.Uvarint(uint64(kind))
	switch kind {
	case bytesOwn:
		w.Uvarint(uint64(len(b)))
	case bytesInRaw:
		w.Uvarint(uint64(offsetIn(raw, b)))
		w.Uvarint(uint64(len(b)))
	}
}

// fieldAt is a record's byte field as read before its bytes: its kind,
// and its length (and offset in the page, bytesInRaw).
type fieldAt struct {
	kind, at, n int
}

func decodeBytes(d *buildcache.Decoder, pageLen int) fieldAt {
	f := fieldAt{kind: d.Int(bytesInRaw)}
	switch f.kind {
	case bytesOwn:
		f.n = d.Int(math.MaxInt)
	case bytesInRaw:
		f.at = d.Int(pageLen)
		f.n = d.Int(pageLen - f.at)
	}
	return f
}

// recordRead is a record read but for its bytes.
type recordRead struct {
	r       *renderRecord
	pageLen int // -1: no page
	status  gemini.Status
	meta    string
	hasBody bool
	bodyAt  int
	fields  [6]fieldAt // recordFields'
	summary summaryAt
}

// A record's summary is mostly a part of its text (packedSummary): it is
// then written as where it is in the text, and read back as those bytes
// of the text read back, not looked for in it (which read the first
// pages of every post's text at a restart).
const (
	summaryOwn = iota
	summaryInText
)

// summaryAt is a record's summary as read before its text: its own, or
// n bytes of its text from at.
type summaryAt struct {
	own   string
	in    bool
	at, n int
}

func encodeSummary(w *buildcache.Writer, summary string, text []byte) {
	if b := stringBytes(summary); len(b) > 0 && partOf(b, text) {
		w.Uvarint(summaryInText)
		w.Uvarint(uint64(offsetIn(text, b)))
		w.Uvarint(uint64(len(summary)))
		return
	}
	w.Uvarint(summaryOwn)
	w.String(summary)
}

func decodeSummary(d *buildcache.Decoder, textLen int) summaryAt {
	switch d.Uvarint() {
	case summaryOwn:
		return summaryAt{own: d.String()}
	case summaryInText:
		s := summaryAt{in: true, at: d.Int(textLen)}
		s.n = d.Int(textLen - s.at)
		return s
	}
	d.Fail("bad summary")
	return summaryAt{}
}

// of is the summary s says, of text.
func (s summaryAt) of(text []byte) string {
	if !s.in || s.n == 0 {
		return s.own
	}
	return unsafe.String(&text[s.at], s.n)
}

// decodeRecords reads what records say, into c, and returns them in the
// order read, for decodeRecordBytes.
func decodeRecords(d *buildcache.Decoder) (renderCache, []recordRead) {
	n := d.Count(minRecordBytes, maxRecords)
	c := make(renderCache, n)                            // an entry is less than a record's least bytes
	read := make([]recordRead, 0, min(n, 16*decodeHint)) // each several times them: see decodeHint
	for range n {
		r := &renderRecord{post: &content.Post{}, disk: &diskRecord{}}
		read = append(read, recordRead{r: r})
		rr := &read[len(read)-1]
		r.post.File = d.String()
		copy(r.disk.post[:], d.Fixed(32))
		copy(r.bodySum[:], d.Fixed(32))
		r.older = decodeNeighbour(d)
		r.newer = decodeNeighbour(d)
		if k := d.Count(10, maxRecords); k > 0 { // a link answer takes 10 bytes at least
			r.links = make([]linkAnswer, k)
			for i := range r.links {
				a := &r.links[i]
				a.dest = d.String()
				a.isPost = d.Bool()
				a.post = d.String()
				a.unpub = d.String()
				a.ambiguous = d.String()
				a.file = d.String()
				a.fileKind = fileKind(d.Int(255))
				a.relative = d.Bool()
				a.onSite = d.Bool()
				a.tag = d.String()
			}
		}
		r.mark = d.String()
		rr.pageLen = -1
		if d.Bool() {
			rr.status = gemini.Status(d.Int(99))
			rr.meta = d.String()
			rr.pageLen = d.Int(math.MaxInt)
			rr.hasBody, rr.bodyAt = d.Bool(), d.Int(rr.pageLen)
		}
		for k := range rr.fields {
			rr.fields[k] = decodeBytes(d, max(rr.pageLen, 0))
		}
		e := &r.renderedEntry
		rr.summary = decodeSummary(d, rr.fields[fieldText].n)
		e.warns = content.DecodeFileErrors(d)
		e.hasLinks = d.Bool()
		e.tailAt = d.Int(max(rr.pageLen, 0))
		e.homeAt = d.Int(rr.fields[fieldMenu].n)
		if d.Err() != nil {
			return nil, nil
		}
		// Every record has a page (a build makes none without), whose
		// body and text are parts of it, the text before its tail, as
		// written: else retitle would cut the text, and packing it
		// again would find it outside the page.
		if rr.pageLen < 0 {
			d.Fail("a record without its page")
			return nil, nil
		}
		bodyLen := 0
		if rr.hasBody {
			bodyLen = rr.pageLen - rr.bodyAt
		}
		if rr.pageLen-bodyLen > e.tailAt {
			d.Fail("a page's tail before its body") // retitle would cut the page there
			return nil, nil
		}
		if text := rr.fields[fieldText]; text.n > 0 && (text.kind == bytesOwn || text.at+text.n > e.tailAt) {
			d.Fail("a record's text outside its page")
			return nil, nil
		}
		if _, dup := c[r.post.File]; dup {
			d.Fail("a file twice")
			return nil, nil
		}
		c[r.post.File] = r
	}
	return c, read
}

// decodeRecordBytes reads the bytes of records, read in that order by
// decodeRecords: each one's page and fields, held in the chunk they were
// read from where they all are in one (held.hold).
func decodeRecordBytes(d *buildcache.Decoder, records []recordRead, held *chunkArenas) {
	for i := range records {
		rr := &records[i]
		e := &rr.r.renderedEntry
		raw := d.Fixed(rr.pageLen)
		if d.Err() != nil {
			return
		}
		e.gmi = &gemini.Response{Status: rr.status, Meta: rr.meta, Raw: raw}
		if rr.hasBody {
			e.gmi.Body = raw[rr.bodyAt:]
		}
		var fields [6][]byte
		for k, f := range rr.fields {
			switch f.kind {
			case bytesOwn:
				fields[k] = d.Fixed(f.n)
			case bytesInRaw:
				fields[k] = raw[f.at : f.at+f.n : f.at+f.n]
			}
		}
		if d.Err() != nil {
			return
		}
		e.txt, e.menu, e.searchable, e.atom, e.lines.gemini, e.lines.gopher = fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]
		e.summary = rr.summary.of(e.searchable)
		*e = held.hold(*e)
	}
}

func decodeNeighbour(d *buildcache.Decoder) neighbour {
	return neighbour{exists: d.Bool(), dir: d.String(), slug: d.String(), title: d.String(), date: d.String(), page: d.Bool()}
}
