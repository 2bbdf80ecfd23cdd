package capsule

import (
	"crypto/sha256"
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"unsafe"

	"capsule/capsule/buildcache"
	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/search"
)

// A build cache on disk: every post's render record (rebuild.go), so that
// a restart renders nothing that has not changed. The Store a build gives
// is written to one file per site (WriteCache, after the build, off the
// serving path); the next process reads it (ReadCache) and gives it to
// its first Build as BuildOptions.Previous, as a reload gives the Store
// it serves: the same lookup decides, post by post, what is taken.
//
// What a post's rendering depends on is in two places. What every post
// shares (capsule's build, the site's settings, the Markdown dialect, the
// posts folder) makes the file's key (cacheKey): a file with another key
// is ignored whole. What is the post's own is in its record: its front
// matter's every field and its Markdown's SHA-256 (as digests), its
// neighbours, where each of its links led, a draft's byline mark; a
// record is taken only when all of them are what they are now. Index
// pages, feeds and tag pages are built anew, from the records' pieces,
// as on a reload. The search index is kept too (search.Index.Encode),
// each post's text named by its record: read back, it is given as the
// previous index, and a post whose record is taken is not folded again.
//
// Records read from disk are never trusted beyond what they say: a
// record that does not match is not taken, and the decoder checks every
// length and count against the bytes left (buildcache.Decoder), so that
// hostile bytes neither panic nor allocate more than the file's size
// (FuzzDecodeCache).

// diskRecord is what a record read from disk is compared with, in place
// of the post it was made from (which is not kept whole on disk).
type diskRecord struct {
	post [32]byte // postDigest of the post
}

// postDigest is the SHA-256 of every field of p that content.SamePost compares,
// but its Markdown (see renderedEntry.bodySum).
func postDigest(p *content.Post) ([32]byte, error) {
	// In a buffer of a pool: a restart digests every post, and each
	// digest's encoding (a KiB) was garbage at once.
	buf := digestBufs.Get().(*[]byte)
	defer digestBufs.Put(buf)
	b, err := buildcache.AppendDigest((*buf)[:0], p, "Body", "BodyHash")
	if err != nil {
		return [32]byte{}, err
	}
	*buf = b
	return sha256.Sum256(b), nil
}

var digestBufs = sync.Pool{New: func() any { return new([]byte) }}

// matches reports whether p is the post r was rendered from.
func (r *renderRecord) matches(p *content.Post) bool {
	sum, ok := p.SavedSum() // decoded by the process that wrote the cache: its file unchanged since
	switch {
	case ok:
	case p.Body == nil && p.BodyHash != 0:
		return false // its Markdown forgotten: nothing to compare with
	default:
		sum = sha256.Sum256(p.Body)
	}
	if sum != r.bodySum {
		return false
	}
	d, err := postDigest(p)
	return err == nil && d == r.disk.post
}

// fromDisk is r, read from disk and taken for p, made a record of the
// Store being built: with p as it was rendered, as keep makes them. It
// is changed in place, not copied (10 MB at 10,000 posts): a record read
// from disk is in no Store served, only in the one a cache gives the
// first build as its Previous, and that build takes it for p alone
// (records are by file); taken again, it is what keep would have made.
func (r *renderRecord) fromDisk(p *content.Post) *renderRecord {
	r.disk = nil
	r.post = p
	return r
}

// cacheSite is site as Build renders with it (build's defaults).
func cacheSite(site *Site) Site {
	s := *site
	siteDefaults(&s)
	return s
}

// folderKey is what a cache file is for before the posts are loaded:
// this capsule's build and the posts folder. It is the file's key
// (buildcache's header): what a restart's Load takes from the file
// (content.Saved) depends on nothing else, or checks it entry by entry.
func folderKey(folder string) ([32]byte, error) {
	id, err := binaryID()
	if err != nil {
		return [32]byte{}, err
	}
	abs, err := filepath.Abs(folder)
	if err != nil {
		return [32]byte{}, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "capsule %s\x00%d\x00%s\x00%s\x00", Version, buildcache.Format, id, abs)
	return [32]byte(h.Sum(nil)), nil
}

// cacheKey is what the file's render records are for: this capsule's
// build, the site's settings, the Markdown dialect, the languages'
// settings and the posts folder. It opens the payload, checked once the
// posts are loaded (Cache.Store).
func cacheKey(site *Site, markup content.Markup, languages []content.Language, folder string) ([32]byte, error) {
	fk, err := folderKey(folder)
	if err != nil {
		return [32]byte{}, err
	}
	h := sha256.New()
	h.Write(fk[:])
	if err := buildcache.Digest(h, cacheSite(site)); err != nil {
		return [32]byte{}, err
	}
	if err := buildcache.Digest(h, markup); err != nil {
		return [32]byte{}, err
	}
	if err := buildcache.Digest(h, languages); err != nil {
		return [32]byte{}, err
	}
	return [32]byte(h.Sum(nil)), nil
}

// binaryID names the running program's build: its Go build ID, which
// changes with any change of its code, else its bytes' SHA-256; with its
// version and commit as the toolchain recorded them.
var binaryID = sync.OnceValues(func() (string, error) {
	id := ""
	if info, ok := debug.ReadBuildInfo(); ok {
		id = info.GoVersion + " " + info.Main.Version
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += " " + s.Value
			}
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if b, err := s.Data(); err == nil && len(b) > 16 {
				return id + " " + string(b), nil
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s %x", id, h.Sum(nil)), nil
})

// WriteCache writes st's render records to the cache file path, for a
// later process serving the same posts folder with the same settings and
// the same build of capsule (ReadCache), with what loaded, the Content st
// was built from, leaves a later Load (content.Saved; nil for none). (A
// Content other than st's saves fewer posts, never a wrong one: a post
// is saved only with the record of its very Markdown.) It writes a temporary file
// beside path and renames it over path: a reader sees the old file or
// the new one. It returns the file's size.
func (st *Store) WriteCache(path, folder string, loaded *content.Content) (int64, error) {
	fk, err := folderKey(folder)
	if err != nil {
		return 0, err
	}
	key, err := cacheKey(&st.Site, st.markup, st.languages, folder)
	if err != nil {
		return 0, err
	}
	w, err := buildcache.Create(path, fk)
	if err != nil {
		return 0, err
	}
	w.Fixed(key[:])
	// What the Load of st's posts leaves a later one, for posts whose
	// record says what Markdown they rendered.
	loaded.EncodeSaved(w, func(file string, hash uint64) ([32]byte, bool) {
		r := st.renders[file]
		if r == nil {
			r = st.draftRenders[file]
		}
		if r == nil || r.post.BodyHash != hash {
			return [32]byte{}, false
		}
		return r.bodySum, true
	})
	if err := encodeRecords(w, st.renders, st.atoms); err != nil {
		w.Abort()
		return 0, err
	}
	if err := encodeRecords(w, st.draftRenders, nil); err != nil {
		w.Abort()
		return 0, err
	}
	// The search index, each post's text named by its file: read back,
	// it is that record's text again, which Update recognises.
	w.Bool(st.search != nil)
	if st.search != nil {
		files := make(map[*byte]string, len(st.renders))
		for file, r := range st.renders {
			if len(r.searchable) > 0 {
				files[unsafe.SliceData(r.searchable)] = file
			}
		}
		st.search.Encode(w, func(b []byte) (string, bool) {
			file, ok := files[unsafe.SliceData(b)]
			return file, ok && len(st.renders[file].searchable) == len(b)
		})
	}
	st.encodeIndexPages(w)
	return w.Commit()
}

// ReadCache reads the cache file path for a build of the posts folder
// with site, loaded as loaded: a Store that holds nothing but render records,
// to give the first Build as BuildOptions.Previous. It returns the
// file's size too. A file for another build of capsule, other settings
// or another folder is buildcache.ErrOther; one not whole,
// buildcache.ErrCorrupt; none, an os.ErrNotExist.
func ReadCache(path string, site *Site, loaded *content.Content, folder string) (*Store, int64, error) {
	c, size, err := OpenCache(path, folder)
	if err != nil {
		return nil, size, err
	}
	st, err := c.Store(site, loaded)
	return st, size, err
}

// Cache is a cache file read for a restart: what its Load takes
// (Saved), then what its first Build does (Store).
type Cache struct {
	folder string
	key    [32]byte // the records' (cacheKey)
	saved  *content.Saved
	// The records, decoded on a goroutine of their own while the posts
	// are loaded: done is closed when they are. They are given out only
	// once the site's settings are known to be key's (Store).
	done            chan struct{}
	renders, drafts renderCache
	idx             *search.Index
	blogPages       map[string]*blogPages
	tagPages        map[string]*tagPages
	err             error
	// packer holds the responses of the records not within one chunk of
	// the file's payload (chunkArenas), then the first Build's.
	packer *packer
	// file is the file, whose check of what follows the saved front
	// matter Store waits for; nil for a payload checked already.
	file *buildcache.File
}

// OpenCache reads the cache file path for the posts folder, before the
// posts are loaded, and returns it with the file's size. A file for
// another build of capsule or another folder is buildcache.ErrOther;
// one not whole, buildcache.ErrCorrupt; none, an os.ErrNotExist.
func OpenCache(path, folder string) (*Cache, int64, error) {
	fk, err := folderKey(folder)
	if err != nil {
		return nil, 0, err
	}
	f, err := buildcache.Open(path, fk)
	if err != nil {
		return nil, f.Size, err
	}
	c, err := openPayload(f.Payload, folder, f)
	return c, f.Size, err
}

// openPayload is OpenCache of a file's payload, opened as f: checked
// in part, before what the Load takes (the saved front matter) is given
// out, and the rest while the Load runs and the records are decoded,
// before they are (Store). (A nil f is a payload checked already.)
func openPayload(payload [][]byte, folder string, f *buildcache.File) (*Cache, error) {
	chunks := slices.Clone(payload) // the decoder lets go of payload's
	d := buildcache.NewDecoder(payload...)
	c := &Cache{folder: folder, done: make(chan struct{}), file: f}
	copy(c.key[:], d.Fixed(32))
	c.saved = content.DecodeSaved(d)
	err := d.Err()
	if f != nil {
		if cerr := f.Check(d.Offset()); cerr != nil {
			err = cerr // the bytes decoded were not those written
		}
	}
	if err != nil {
		releaseAll(chunks)
		if f != nil {
			f.Close()
		}
		return nil, err
	}
	if f != nil {
		f.CheckRest()
	}
	// The chunks are known as arenas once the saved front matter is
	// read: the decoder has let go of the chunks it read it from (the
	// first, at least), so that the records in them are copied and
	// those chunks, mostly the saved posts', are freed; the records of
	// every later chunk are served from it.
	read := 0
	for read < len(payload) && payload[read] == nil {
		read++
	}
	held := newChunkArenas(chunks, read)
	c.packer = held.pk
	go func() {
		defer close(c.done)
		c.renders, c.drafts, c.idx, c.blogPages, c.tagPages, c.err = decodeCache(d, held)
	}()
	return c, nil
}

// releaseAll gives back the pages of chunks of a cache file's payload
// nothing decoded from is used (buildcache.Release), before they are
// arenas.
func releaseAll(chunks [][]byte) {
	for _, b := range chunks {
		buildcache.Release(b)
	}
}

// Saved is what the Load that wrote the file leaves a restart's Load
// (content.LoadOptions.Saved).
func (c *Cache) Saved() *content.Saved { return c.saved }

// Store is the file's render records, for site with the posts loaded as
// loaded (its Markdown dialect and languages), to give the first Build
// as BuildOptions.Previous: a Store that holds nothing but them. A file
// for other settings is buildcache.ErrOther (its records, decoded
// meanwhile, are dropped). Store is called once.
func (c *Cache) Store(site *Site, loaded *content.Content) (*Store, error) {
	key, err := cacheKey(site, loaded.Markup, loaded.Languages, c.folder)
	if err != nil {
		return nil, err
	}
	<-c.done
	if c.file != nil {
		if err := c.file.Wait(); err != nil {
			return nil, err // the records decoded meanwhile are dropped
		}
	}
	if key != c.key {
		return nil, buildcache.ErrOther
	}
	if c.err != nil {
		return nil, c.err
	}
	return &Store{Site: cacheSite(site), markup: loaded.Markup, languages: loaded.Languages, renders: c.renders, draftRenders: c.drafts, search: c.idx,
		blogPages: c.blogPages, tagPages: c.tagPages, packer: c.packer}, nil
}

// Taken is how many posts, pages and drafts the build took from the
// previous Store, or from a cache, instead of rendering them.
func (st *Store) Taken() int { return len(st.renders) + len(st.draftRenders) - st.Rendered }

// decodeCache decodes the rest of a payload: the posts' and the drafts' records,
// the search index over the posts' texts and the index pages, as they read back.
func decodeCache(d *buildcache.Decoder, held *chunkArenas) (renders, drafts renderCache, idx *search.Index, blogs map[string]*blogPages, tags map[string]*tagPages, err error) {
	renders = decodeRecords(d, held)
	drafts = decodeRecords(d, held)
	if d.Bool() {
		idx = search.Decode(d, held.holding, func(file string) []byte {
			if r := renders[file]; r != nil {
				return r.searchable
			}
			return nil
		})
	}
	blogs, tags = decodeIndexPages(d, renders, held)
	if err := d.Done(); err != nil {
		return nil, nil, nil, nil, nil, err
	}
	return renders, drafts, idx, blogs, tags, nil
}

// Bounds of a decoded cache, beyond the bytes it has.
const (
	maxRecords     = 1 << 22
	minRecordBytes = 1 + 32 + 32 + 2*5 + 1 + 1 + 1 + 8 + 1 + 2
)

// encodeRecords writes c's records, each with its feed entry, which the
// Store holds apart (atoms).
func encodeRecords(w *buildcache.Writer, c renderCache, atoms map[string][]byte) error {
	w.Uvarint(uint64(len(c)))
	for file, r := range c {
		if r.disk != nil || file != r.post.File {
			return errors.New("a record not made by this build") // never: keep makes them all
		}
		digest, err := postDigest(r.post)
		if err != nil {
			return err
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
			w.Fixed(raw)
			for _, t := range e.gmi.Tail {
				w.Fixed(t)
			}
			w.Bool(e.gmi.Body != nil)
			w.Uvarint(uint64(len(raw) - len(e.gmi.Body)))
		} else {
			w.Bool(false)
		}
		atom := e.atom
		if atom == nil {
			atom = atoms[file]
		}
		for _, b := range [][]byte{e.txt, e.menu, e.searchable, atom, e.lines.gemini, e.lines.gopher} {
			encodeBytes(w, b, raw)
		}
		w.String(e.summary)
		content.EncodeFileErrors(w, e.warns)
		w.Bool(e.hasLinks)
		w.Uvarint(uint64(e.tailAt))
		w.Uvarint(uint64(e.homeAt))
	}
	return nil
}

func encodeNeighbour(w *buildcache.Writer, n neighbour) {
	w.Bool(n.exists)
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

func encodeBytes(w *buildcache.Writer, b, raw []byte) {
	if b == nil {
		w.Uvarint(bytesNil)
		return
	}
	if len(b) > 0 && len(raw) > 0 {
		at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		start := uintptr(unsafe.Pointer(unsafe.SliceData(raw)))
		if at >= start && at+uintptr(len(b)) <= start+uintptr(len(raw)) {
			w.Uvarint(bytesInRaw)
			w.Uvarint(uint64(at - start))
			w.Uvarint(uint64(len(b)))
			return
		}
	}
	w.Uvarint(bytesOwn)
	w.Bytes(b)
}

func decodeBytes(d *buildcache.Decoder, raw []byte) []byte {
	switch d.Uvarint() {
	case bytesNil:
		return nil
	case bytesOwn:
		return d.Bytes()
	case bytesInRaw:
		at := d.Int(len(raw))
		n := d.Int(len(raw) - at)
		if d.Err() != nil {
			return nil
		}
		return raw[at : at+n : at+n]
	}
	d.Fail("bad byte field")
	return nil
}

func decodeRecords(d *buildcache.Decoder, held *chunkArenas) renderCache {
	n := d.Count(minRecordBytes, maxRecords)
	c := make(renderCache, n)
	for range n {
		r := &renderRecord{post: &content.Post{}, disk: &diskRecord{}}
		r.post.File = d.String()
		copy(r.disk.post[:], d.Fixed(32))
		copy(r.bodySum[:], d.Fixed(32))
		r.older = decodeNeighbour(d)
		r.newer = decodeNeighbour(d)
		if k := d.Count(9, maxRecords); k > 0 {
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
			}
		}
		r.mark = d.String()
		e := &r.renderedEntry
		var raw []byte
		if d.Bool() {
			status := gemini.Status(d.Int(99))
			meta := d.String()
			raw = d.Bytes()
			e.gmi = &gemini.Response{Status: status, Meta: meta, Raw: raw}
			hasBody, at := d.Bool(), d.Int(len(raw))
			if hasBody && d.Err() == nil {
				e.gmi.Body = raw[at:]
			}
		}
		e.txt = decodeBytes(d, raw)
		e.menu = decodeBytes(d, raw)
		e.searchable = decodeBytes(d, raw)
		e.atom = decodeBytes(d, raw)
		e.lines.gemini = decodeBytes(d, raw)
		e.lines.gopher = decodeBytes(d, raw)
		e.summary = d.String()
		e.warns = content.DecodeFileErrors(d)
		e.hasLinks = d.Bool()
		e.tailAt = d.Int(len(raw))
		e.homeAt = d.Int(len(e.menu))
		if e.gmi != nil && len(raw)-len(e.gmi.Body) > e.tailAt {
			d.Fail("a page's tail before its body") // retitle would cut the page there
		}
		if d.Err() != nil {
			return nil
		}
		// Every record has a page (a build makes none without), whose
		// body and text are parts of it, the text before its tail, as
		// written: else retitle would cut the text, and packing it
		// again would find it outside the page.
		if e.gmi == nil {
			d.Fail("a record without its page")
			return nil
		}
		if !partOrEmpty(e.gmi.Body, raw) || !partOrEmpty(e.searchable, raw) || len(e.searchable) > 0 && offsetIn(raw, e.searchable)+len(e.searchable) > e.tailAt {
			d.Fail("a record's text outside its page")
			return nil
		}
		*e = held.hold(*e)
		if _, dup := c[r.post.File]; dup {
			d.Fail("a file twice")
			return nil
		}
		c[r.post.File] = r
	}
	return c
}

// partOrEmpty reports whether part is empty or a slice of whole's bytes.
func partOrEmpty(part, whole []byte) bool { return len(part) == 0 || partOf(part, whole) }

func decodeNeighbour(d *buildcache.Decoder) neighbour {
	return neighbour{exists: d.Bool(), slug: d.String(), title: d.String(), date: d.String(), page: d.Bool()}
}
