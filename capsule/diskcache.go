package capsule

import (
	"crypto/sha256"
	"debug/elf"
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
// record is taken only when all of them are what they are now
// (diskrecords.go). The search index is kept too (search.Index.Encode),
// each post's text named by its record: read back, it is given as the
// previous index, and a post whose record is taken is not folded again.
// So are the index pages, feeds and tag pages, with the pieces of posts
// they were made of (diskpages.go): taken as a reload takes those of the
// Store it replaces, when their pieces are the same.
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
	posts, err := encodeRecords(w, st.renders, st.atoms)
	if err != nil {
		w.Abort()
		return 0, err
	}
	drafts, err := encodeRecords(w, st.draftRenders, nil)
	if err != nil {
		w.Abort()
		return 0, err
	}
	encodeRecordBytes(w, posts, st.atoms)
	encodeRecordBytes(w, drafts, nil)
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
	renders, postsRead := decodeRecords(d)
	drafts, draftsRead := decodeRecords(d)
	decodeRecordBytes(d, postsRead, held)
	decodeRecordBytes(d, draftsRead, held)
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
