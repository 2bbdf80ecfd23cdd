package content

import (
	"crypto/sha256"
	"hash/maphash"
	"os"
	"syscall"
	"time"
	"unsafe"
)

// Reloading without rereading. A Load given the previous Content
// (LoadOptions.Previous) takes from it every file that has not changed
// since it was read, and every post's decoded front matter whose bytes and
// defaults are the same: on a folder of 10,000 posts where one was edited,
// that is one file read and decoded instead of 10,000.
//
// "Not changed" is what make and git take it to be: the same file (device
// and inode), size, modification time and change time. File systems keep
// those times coarsely (a few milliseconds; two seconds on FAT), so that
// a file written twice within one tick looks unchanged after the second
// write. Like git, a file is only taken from the previous load if its
// modification time was at least RacyWindow older than the moment it was
// read: a file read sooner after a write is read again next time.
const RacyWindow = 2 * time.Second

// settled reports whether t, a time a file or folder bears, is RacyWindow
// or more before at, when it was read: a change after the reading could
// not bear it.
func settled(at time.Time, t syscall.Timespec) bool {
	return at.Sub(time.Unix(t.Unix())) >= RacyWindow
}

// loadCache is what one Load keeps for the next.
type loadCache struct {
	read map[string]*source // by path: files read and settled
	// parsed holds posts' decoded front matter by path, each entry by
	// its address: a reload shares the entries of posts unchanged with
	// the load before (a map holds so large a value apart, copied at
	// every insertion).
	parsed map[string]*parsedEntry
	top    *topDir // the reading of the folder
	// posts is what the load made of its posts, for a reload that finds
	// them made of the same (poststage.go); nil if it made none.
	posts *postStage
	// lastGood are, by path, the last good decodings of posts whose
	// file cannot be decoded now and which are served as they last
	// were: kept for a build cache (EncodeSaved), so that a restart
	// serves them too (see lastGoodEntry).
	lastGood map[string]*lastGoodEntry

	// kept are the sources keep was given, until done records them in
	// read; like is the previous load's cache, whose read done takes
	// when it would be the same.
	kept [][]*source
	like *loadCache
	// order is read's records of the posts' files (the first sources
	// keep is given), in the order the load took them, nil where one was
	// not kept: a reload that finds the folder as it was finds each
	// file's record at its place, not by hashing its path into a map
	// of 10,000 (reuse; a third of what a reload with nothing changed
	// did beyond its stats).
	order []*source
	// drops are the bodies of posts with templates whose markup the load
	// dropped (dropMarkup), by their bytes' address, with the result:
	// regular expressions over every line of every such post, which a
	// reload that finds a post unchanged need not run again (a sixth of
	// an edit's reload of blog.rust-lang.org). Only the load's own are
	// kept: as many as its posts.
	drops map[*byte]*dropMemo
	// zolaBodies are a Zola site's pages' bodies as the load rewrote
	// them (zolaPages), by file, with the sections they were rewritten
	// with.
	zolaBodies   map[string]*zolaMemo
	zolaSections map[string]zolaSection
	// srcImages are, by file, the images in an Astro site's src/ each
	// post links (astrosrc.go).
	srcImages map[string]srcImagesMemo
}

// dropMemo is dropMarkup's result for body, with the options it had.
type dropMemo struct {
	body, out               []byte
	liquid, blockAttributes bool
}

// dropped is dropMarkup(body, liquid, blockAttributes): prev's result for
// the same bytes (the same array and length: a post unchanged, whose
// bytes are its file's record's, kept from load to load and never
// written), else made now. next keeps it for the next load. Safe for
// concurrent use only with distinct next caches.
func (prev *loadCache) dropped(next *loadCache, body []byte, liquid, blockAttributes bool) []byte {
	key := unsafe.SliceData(body)
	m := (*dropMemo)(nil)
	if prev != nil && key != nil {
		if old := prev.drops[key]; old != nil && len(old.body) == len(body) && old.liquid == liquid && old.blockAttributes == blockAttributes {
			m = old
		}
	}
	if m == nil {
		m = &dropMemo{body: body, out: dropMarkup(body, liquid, blockAttributes), liquid: liquid, blockAttributes: blockAttributes}
	}
	if next != nil && key != nil {
		if next.drops == nil {
			next.drops = make(map[*byte]*dropMemo)
		}
		next.drops[key] = m
	}
	return m.out
}

// lastGoodEntry is a post's last good decoding, and its file as read
// then: what a restart takes for a post whose file has broken since (a
// typo saved months ago), as a reload does (LoadOptions.Previous), rather
// than leave it out. Saved with the file's stamp of then, which its file
// no longer has, so that a restart reads the file, finds it still broken,
// and only then takes this (parsePosts).
type lastGoodEntry struct {
	entry *parsedEntry
	src   *source
}

// lastGoodOf is the last good decoding of path's post, when its
// decoding now has problems: the one kept already, or the decoding c
// holds, if that had none. Nil when there is none.
func (c *loadCache) lastGoodOf(path string) *lastGoodEntry {
	if c == nil {
		return nil
	}
	if g := c.lastGood[path]; g != nil {
		return g
	}
	e, src := c.parsed[path], c.read[path]
	if e == nil || src == nil || e.result.post == nil || len(e.result.errs) > 0 {
		return nil
	}
	return &lastGoodEntry{entry: e, src: src}
}

// parsedEntry is a post's decoded front matter and the defaults it was
// decoded with, from the file as the same load read it.
type parsedEntry struct {
	path   string // of its file
	slug   string
	def    postDefaults
	loc    *time.Location
	lang   string
	result parseResult
}

// newLoadCache is an empty cache, for a load after the one that made
// like (nil for none). Its read is made by done.
func newLoadCache(like *loadCache) *loadCache {
	if like == nil {
		return &loadCache{parsed: make(map[string]*parsedEntry)}
	}
	// parsed is made by parsePosts, as large as it needs, unless the
	// last load's is taken whole (reusePosts).
	return &loadCache{like: like}
}

// reuse takes s from the previous load when its file has not changed, and
// reports whether it did. at is the record of the previous load's at s's
// place in its order (loadCache.order), nil for none: it is s's when it
// is of the same path.
func (s *source) reuse(prev *loadCache, at *source) bool {
	if prev == nil {
		return false
	}
	old := at
	if old == nil || old.path != s.path {
		old = prev.read[s.path]
		if testHookByPath != nil {
			testHookByPath("record")
		}
	}
	if old == nil || old.err != nil || old.limit != s.limit {
		return false
	}
	cur, ok := s.seen, s.inspected
	if !ok {
		fi, err := os.Stat(s.path)
		if err != nil {
			return false
		}
		cur, ok = stampOf(fi)
	}
	// What the previous load kept of the file (kept), or what an earlier
	// process saved of it (see Saved).
	if !ok || old.stamp == nil || cur != *old.stamp || !old.reusable() {
		return false
	}
	s.data, s.info, s.after, s.err, s.waited, s.readAt, s.reused, s.from, s.stamp = old.data, nil, nil, nil, true, old.readAt, true, old, old.stamp
	s.front, s.text, s.shaped, s.redirect = old.front, old.text, old.shaped, old.redirect
	return true
}

// keep records the sources read without error for the next load, once
// the load is done with them (done).
func (c *loadCache) keep(srcs []*source) { c.kept = append(c.kept, srcs) }

// done records in read the sources keep was given. When each is its
// record in the previous load's read, taken whole (source.keptWhole),
// and there are as many, read is that load's map, not a copy of it: a
// reload that finds nothing changed makes no map of every file (10,000
// entries, 2 ms and 0.4 MB at 10,000 posts). A record is never changed
// once kept but for ForgetPost dropping its bytes, which are the same
// record's in both maps. (Two sources of one path would leave a record
// of the previous load's in read that this load did not keep: a file
// unchanged since, as reuse takes only such, never a wrong one.)
func (c *loadCache) done() {
	kept, like := c.kept, c.like
	c.kept, c.like = nil, nil
	n, whole := 0, like != nil && like.read != nil
	for _, srcs := range kept {
		for _, s := range srcs {
			if s.keepable() {
				n++
				whole = whole && s.keptWhole()
			}
		}
	}
	var posts []*source // the first sources kept, whose records are order
	if len(kept) > 0 {
		posts = kept[0]
	}
	if whole && n == len(like.read) {
		c.read = like.read
		c.order = like.order
		if !sameOrder(posts, like.order) {
			c.order = make([]*source, len(posts))
			for i, s := range posts {
				if s.keepable() {
					c.order[i] = s.from
				}
			}
		}
		return
	}
	c.read = make(map[string]*source, n)
	c.order = make([]*source, len(posts))
	for b, srcs := range kept {
		for i, s := range srcs {
			if s.keepable() {
				k := s.kept()
				c.read[s.path] = k
				if b == 0 {
					c.order[i] = k
				}
			}
		}
	}
}

// sameOrder reports whether order holds the records srcs were each taken
// whole from (source.keptWhole), place by place: nil where one is not
// kept.
func sameOrder(srcs, order []*source) bool {
	if len(srcs) != len(order) {
		return false
	}
	for i, s := range srcs {
		if want := order[i]; s.keepable() != (want != nil) || want != nil && s.from != want {
			return false
		}
	}
	return true
}

// keepable reports whether s is kept for the next load: read without
// error, and with what reuse compares.
func (s *source) keepable() bool { return s.err == nil && (s.after != nil || s.stamp != nil) }

// keptWhole reports whether s is kept as the previous load kept it
// (kept returns s.from).
func (s *source) keptWhole() bool {
	return s.reused && s.from != nil && s.from.what == s.what && s.from.path == s.path
}

// kept is s as a load keeps it for the next: its bytes, when it was read
// and what reuse compares of its file, its stamp, rather than the three
// fs.FileInfo a read leaves (some 600 bytes a file: 3% of what a blog of
// 3,000 posts holds, for as long as it is served). A source taken whole
// from the previous load is kept as it was kept then: a reload that
// changes nothing allocates nothing for it.
func (s *source) kept() *source {
	if s.keptWhole() {
		return s.from
	}
	k := &source{path: s.path, limit: s.limit, what: s.what, data: s.data, readAt: s.readAt, stamp: s.stamp, key: s.key, keyScanned: s.keyScanned,
		front: s.front, text: s.text, shaped: s.shaped, redirect: s.redirect}
	if s.after != nil {
		if st, ok := stampOf(s.after); ok {
			k.stamp = &st
		}
	}
	return k
}

// parsedPost returns the previous decoding of m's post, if its file is
// unchanged since (m's source was taken from the previous load: its bytes
// are the ones decoded, perhaps forgotten since) and the defaults are the
// same; and the entry it was taken from, nil when it was not.
func (c *loadCache) parsedPost(m *mdFile, loc *time.Location, lang string) (parseResult, *parsedEntry) {
	e := c.takeable(m, loc, lang)
	if e == nil {
		return parseResult{}, nil
	}
	r := e.result
	if r.post != nil {
		// Load changes its posts (templates expanded): a copy each time.
		p := *r.post
		r.post = &p
	}
	return r, e
}

// takeable is the previous decoding of m's post, if it may be taken (see
// parsedPost); nil if not.
func (c *loadCache) takeable(m *mdFile, loc *time.Location, lang string) *parsedEntry {
	if c == nil || !m.src.reused {
		return nil
	}
	if testHookByPath != nil {
		testHookByPath("decoding")
	}
	return takeableEntry(c.parsed[m.src.path], m, loc, lang)
}

// testHookByPath, when set (by tests), is called each time a reload looks
// up a file's record or decoding by its path (reuse, takeable).
var testHookByPath func(what string)

// takeableEntry is e, the previous decoding of m's file (or nil), if it
// may be taken for m's post: decoded with the same defaults.
func takeableEntry(e *parsedEntry, m *mdFile, loc *time.Location, lang string) *parsedEntry {
	// Zones by name: a reload's configuration loads its zone anew, the
	// same zone at another address.
	if e == nil || e.slug != m.slug || !e.def.same(m.def) || e.loc.String() != loc.String() || e.lang != lang {
		return nil
	}
	return e
}

// Holding only what is served. A running capsule needs its posts'
// Markdown only to render them, and after a build renders again only
// what changed: keeping 10,000 posts' Markdown would cost as much memory
// again as their gemtext. Forget drops it; ReadBody reads back the one
// post a later build must render anew (a neighbour changed, a link's
// target appeared).

// bodySeed keys BodyHash: fixed for the life of the process, which is as
// long as hashes are compared.
var bodySeed = maphash.MakeSeed()

func hashBody(body []byte) uint64 { return maphash.Bytes(bodySeed, body) | 1 } // never 0: 0 is "no hash"

// Forget drops the Markdown of c's posts, pages, drafts and scheduled
// posts, keeping their BodyHash, from c and from what the next Load takes
// from c. Posts whose Markdown Load changed (templates expanded) keep it.
// After Forget, render a post whose Body is nil with ReadBody first.
func (c *Content) Forget() {
	for _, l := range [...][]*Post{c.Posts, c.Pages, c.Drafts, c.Scheduled} {
		for _, p := range l {
			c.ForgetPost(p)
		}
	}
}

// ForgetPost is Forget for p, one of c's posts, pages, drafts or
// scheduled posts, alone: a build forgets each post it rendered as soon
// as it is rendered, so that the Markdown of a blog is not held whole
// beside what it renders to. It may be called for different posts at
// once (it changes nothing the others share).
func (c *Content) ForgetPost(p *Post) {
	if !p.plain || p.BodyHash == 0 || p.Body == nil {
		return // kept, or forgotten already (taken from a load forgotten since, with its source)
	}
	p.Body = nil
	if c.cache == nil {
		return
	}
	// The file's record: not when it is a file beside the posts too (a
	// Hugo static folder that is the content folder), whose bytes are
	// served as they are, and held by that anyway.
	if s := c.cache.read[p.File]; s != nil && s.what != besideWhat {
		s.data = nil
	}
	if e := c.cache.parsed[p.File]; e != nil && e.result.post != nil {
		e.result.post.Body = nil
	}
}

// ReadBody reads p's Markdown again, after Forget: p.Body is set to what
// Load gave it. If the file no longer holds it, ReadBody says so and sets
// nothing: the file changed after this load, and the next reload reads
// it.
func ReadBody(p *Post) error {
	if p.Body != nil || p.BodyHash == 0 {
		return nil
	}
	s := &source{path: p.File, limit: p.limit, what: "one post"}
	if s.read(); s.err != nil {
		return s.err
	}
	// Cut where Load cut it: the hash tells whether it is the same.
	src := NormalizeSource(s.data)
	body := src[min(p.bodyAt, len(src)):]
	same := hashBody(body) == p.BodyHash
	if p.bodySum != nil { // decoded by an earlier process (Saved)
		same = sha256.Sum256(body) == *p.bodySum
	}
	if !same {
		return &FileError{File: p.File, Msg: "changed while the capsule was reloading: it will be read again at the next reload"}
	}
	p.Body = body
	return nil
}

// byFile is every post, page, draft and scheduled post of c by its file:
// the last good versions a reload keeps for files that cannot be loaded
// now. Nil for a nil c.
func (c *Content) byFile() map[string]*Post {
	if c == nil {
		return nil
	}
	m := make(map[string]*Post)
	for _, list := range [][]*Post{c.Posts, c.Pages, c.Drafts, c.Scheduled, c.Expired, c.Unlisted, c.NoPage} {
		for _, p := range list {
			m[p.File] = p
		}
	}
	return m
}

// StillServedNote ends the problems of a post whose last good version a
// reload keeps.
const StillServedNote = " (its previous version is still served)"

// stillServed is errs, each saying that the post's previous version is
// still served.
func stillServed(errs []*FileError) []*FileError {
	out := make([]*FileError, len(errs))
	for i, e := range errs {
		c := *e
		c.Msg += StillServedNote
		out[i] = &c
	}
	return out
}

// same reports whether a and b are the same defaults: their dates the
// same instant in zones of the same name (see SameTime).
func (a postDefaults) same(b postDefaults) bool {
	at, bt, am, bm := a.date, b.date, a.modTime, b.modTime
	a.date, b.date, a.modTime, b.modTime = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a == b && SameTime(at, bt) && am.Equal(bm)
}

// SameTime reports whether a and b are the same instant shown the same
// way: in zones of the same name at the same offset. (== on time.Time
// also compares the zone's address, which a reload that loads its zone
// anew changes: every post would seem changed.)
func SameTime(a, b time.Time) bool {
	an, ao := a.Zone()
	bn, bo := b.Zone()
	return a.Equal(b) && an == bn && ao == bo && a.Location().String() == b.Location().String()
}
