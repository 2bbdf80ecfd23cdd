package content

import (
	"encoding/binary"
	"io/fs"
	"math"
	"syscall"
	"time"

	"capsule/capsule/buildcache"
)

// Restarting without rereading. A reload takes from the previous Load
// the files whose stat is unchanged and their decoded front matter
// (reuse.go); a restart has no previous Load, only the build cache an
// earlier process wrote (capsule's diskcache.go). EncodeSaved writes into
// it what reuse and parsedPost compare and what they take, for every post
// that can be taken so: its file's stat (device, inode, mode, size,
// modification and change times) and when it was read, the defaults it
// was decoded with, and the decoding itself. DecodeSaved reads it back
// as a previous Load would have left it, with the Markdown forgotten
// (Content.Forget): a restart given it (LoadOptions.Saved) neither reads
// nor decodes a post whose file is as it was, by the same rule as a
// reload, RacyWindow included. A file whose stat differs in anything is
// read and decoded as from nothing.
//
// Only posts Load takes whole from their decoding are saved: decoded
// without error, their Markdown plain (no template to expand: what Load
// does to the others needs their bytes), not a home page's text (its
// bytes are asked about again). The Markdown's SHA-256, which the
// cache's render records are compared by, is saved with each (Post's
// bodySum), so that a post read from nothing is known to be the one a
// record was rendered from without its bytes.
//
// Times are saved by instant, zone name, offset and location name, and
// read back only if a location of that name gives them the same zone
// name and offset again (a time zone database or TZ that changed since
// is a post read anew).

// Saved is what an earlier process's Load left in a build cache, for a
// restart's Load (LoadOptions.Saved).
type Saved struct {
	cache *loadCache
	// site is the site file's last good settings, for a start that
	// finds the file broken (readSiteFile); nil when none was saved.
	site *siteSettings
}

// Len is how many posts s holds.
func (s *Saved) Len() int {
	if s == nil {
		return 0
	}
	return len(s.cache.parsed)
}

// fileStamp is what reuse compares of a file, kept beyond the process
// that read it.
type fileStamp struct {
	dev, ino     uint64
	mode         uint32
	size         int64
	mtime, ctime syscall.Timespec
}

func stampOf(fi fs.FileInfo) (fileStamp, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStamp{}, false
	}
	return stampOfStat(st), true
}

func stampOfStat(st *syscall.Stat_t) fileStamp {
	return fileStamp{dev: uint64(st.Dev), ino: st.Ino, mode: uint32(st.Mode), size: st.Size, mtime: st.Mtim, ctime: st.Ctim}
}

// Bounds of a decoded Saved beyond the bytes it has. An entry takes at
// least 100 bytes: its SHA-256 (32), its path (2), its stat and read
// time (10), slug, language and zone (3), its defaults' 14 fields, its
// post's 40, its warnings' and unknown keys' counts (2).
const (
	maxSaved      = 1 << 22
	minSavedBytes = 100
)

// EncodeSaved writes c's posts that a restart can take without reading
// them (see Saved) to w. sum gives the SHA-256 of the Markdown of the
// post of file whose BodyHash is hash, as rendered: a post it knows none
// for is not saved.
func (c *Content) EncodeSaved(w *buildcache.Writer, sum func(file string, hash uint64) ([32]byte, bool)) {
	type saved struct {
		path  string
		src   *source
		stamp fileStamp
		e     *parsedEntry
		sum   [32]byte
	}
	var list []saved
	if c != nil && c.cache != nil {
		for path, e := range c.cache.parsed {
			src := c.savable(path, e)
			if src == nil {
				continue
			}
			p := e.result.post
			st := *src.stamp
			s, ok := sum(path, p.BodyHash)
			if !ok {
				continue
			}
			list = append(list, saved{path, src, st, e, s})
		}
		// The last good versions served of posts broken since, with
		// their files' stamps of then: a restart finds each file
		// changed, reads it, and takes this only if it is still broken.
		for path, g := range c.cache.lastGood {
			if now := c.cache.parsed[path]; now == nil || len(now.result.errs) == 0 || !savableEntry(g.entry, g.src) {
				continue // not among the posts any more, fixed, or not to be saved
			}
			if s, ok := sum(path, g.entry.result.post.BodyHash); ok {
				list = append(list, saved{path, g.src, *g.src.stamp, g.entry, s})
			}
		}
	}
	w.Uvarint(uint64(len(list)))
	for _, s := range list {
		w.Fixed(s.sum[:])
		w.String(s.path)
		w.Uvarint(uint64(s.src.limit))
		w.Uvarint(s.stamp.dev)
		w.Uvarint(s.stamp.ino)
		w.Uvarint(uint64(s.stamp.mode))
		w.Uvarint(uint64(s.stamp.size))
		w.Uvarint(uint64(s.stamp.mtime.Sec))
		w.Uvarint(uint64(s.stamp.mtime.Nsec))
		w.Uvarint(uint64(s.stamp.ctime.Sec))
		w.Uvarint(uint64(s.stamp.ctime.Nsec))
		w.Uvarint(uint64(s.src.readAt.UnixNano()))
		w.String(s.e.slug)
		w.String(s.e.lang)
		w.String(s.e.loc.String())
		encodeDefaults(w, &s.e.def)
		encodePost(w, s.e.result.post)
		EncodeFileErrors(w, s.e.result.warns)
		w.Uvarint(uint64(len(s.e.result.unknown)))
		for _, u := range s.e.result.unknown {
			w.String(u.name)
			w.Uvarint(uint64(u.line))
			w.String(u.closest)
		}
	}
	// The site file's settings as last read whole, for a start that
	// finds it broken: those of a file that sets no more than SiteMeta
	// (a cascade, or a home page text, would be half kept: neither is).
	site := c.savedSite()
	w.Bool(site != nil)
	if site != nil {
		w.String(site.path)
		for _, s := range []string{site.meta.Title, site.meta.Description, site.meta.Lang, site.meta.Author, site.meta.Favicon} {
			w.String(s)
		}
		w.Bool(site.setsLang)
	}
}

// savedSite is the site settings EncodeSaved saves of c: its site file's
// last good ones, when they are no more than SiteMeta; nil otherwise.
func (c *Content) savedSite() *siteSettings {
	if c == nil || c.site == nil || c.site.home || c.site.cascade != nil {
		return nil
	}
	return c.site
}

// reusable reports whether a later load may take s: read at least
// RacyWindow after its last modification.
func (s *source) reusable() bool {
	return s.stamp != nil && settled(s.readAt, s.stamp.mtime)
}

// timespec reads a time EncodeSaved wrote as its seconds and
// nanoseconds (a Timespec's fields are 32 bits on some systems).
func timespec(d *buildcache.Decoder) syscall.Timespec {
	sec, nsec := int64(d.Uvarint()), int64(d.Uvarint())
	return syscall.NsecToTimespec(sec*1e9 + nsec)
}

// DecodeSaved reads what EncodeSaved wrote from d. An entry whose times
// cannot be given back as they were is left out (its post is read
// anew); bytes not as written stop d (d.Err) and give nil.
func DecodeSaved(d *buildcache.Decoder) *Saved {
	n := d.Count(minSavedBytes, maxSaved)
	c := &loadCache{read: make(map[string]*source, n), parsed: make(map[string]*parsedEntry, n)}
	z := &zones{}
	for range n {
		z.bad = false
		var sum [32]byte
		copy(sum[:], d.Fixed(32))
		path := d.String()
		src := &source{path: path, limit: d.Int64(1 << 62), what: "one post"}
		var st fileStamp
		st.dev = d.Uvarint()
		st.ino = d.Uvarint()
		st.mode = d.Uint32()
		st.size = d.Int64(1 << 62)
		st.mtime = timespec(d)
		st.ctime = timespec(d)
		src.stamp = &st
		src.readAt = time.Unix(0, int64(d.Uvarint()))
		e := &parsedEntry{path: path, slug: d.String(), lang: d.String()}
		e.loc = z.named(d.String())
		e.def = decodeDefaults(d, z)
		p := decodePost(d, z)
		p.bodySum = &sum
		// The hash a reload compares the post by (sameBody), from its
		// SHA-256: a post read anew gets hashBody's, another value,
		// and is taken for changed (rendered again, never wrongly
		// taken).
		p.BodyHash = binary.LittleEndian.Uint64(sum[:8]) | 1
		e.result.post = p
		e.result.warns = DecodeFileErrors(d)
		if k := d.Count(3, maxSaved); k > 0 {
			e.result.unknown = make([]unknownKey, k)
			for i := range e.result.unknown {
				e.result.unknown[i] = unknownKey{name: d.String(), line: d.Int(buildcache.MaxLine), closest: d.String()}
			}
		}
		if d.Err() != nil {
			return nil
		}
		if z.bad || e.loc == nil || p.File != path || path == "" {
			continue // read anew
		}
		if _, dup := c.read[path]; dup {
			d.Fail("a post saved twice")
			return nil
		}
		c.read[path] = src
		c.parsed[path] = e
	}
	saved := &Saved{cache: c}
	if d.Bool() {
		site := &siteSettings{path: d.String()}
		for _, s := range []*string{&site.meta.Title, &site.meta.Description, &site.meta.Lang, &site.meta.Author, &site.meta.Favicon} {
			*s = d.String()
		}
		site.setsLang = d.Bool()
		saved.site = site
	}
	if d.Err() != nil {
		return nil
	}
	return saved
}

// maxZones bounds the locations loaded from the time zone database for
// one Saved: a blog's times are in its zone, UTC or offsets written out
// (fixed zones, not loaded); hostile bytes naming thousands would
// otherwise read a zone file for each.
const maxZones = 16

// zones gives back the locations of saved times, each loaded once; bad
// is set by a time that does not come back as it was.
type zones struct {
	byName map[string]*time.Location
	bad    bool
}

// named is the location called name, nil if there is none.
func (z *zones) named(name string) *time.Location {
	switch name {
	case "UTC":
		return time.UTC
	case "Local":
		return time.Local
	case "":
		return nil
	}
	if l, ok := z.byName[name]; ok {
		return l
	}
	if len(z.byName) >= maxZones {
		return nil // a post whose times are in yet another zone is read anew
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		l = nil
	}
	if z.byName == nil {
		z.byName = map[string]*time.Location{}
	}
	z.byName[name] = l
	return l
}

func encodeTime(w *buildcache.Writer, t time.Time) {
	if t.IsZero() && t.Location() == time.UTC {
		w.Uvarint(0)
		return
	}
	name, off := t.Zone()
	w.Uvarint(1)
	w.Uvarint(uint64(t.Unix()))
	w.Uvarint(uint64(t.Nanosecond()))
	w.String(t.Location().String())
	w.String(name)
	w.Uvarint(uint64(int64(off)))
}

// decodeTime reads a time; one that does not come back in a zone of the
// name and offset it had, in a location of the name it had, sets z.bad.
func decodeTime(d *buildcache.Decoder, z *zones) time.Time {
	if !d.Bool() {
		return time.Time{}
	}
	sec, nsec := int64(d.Uvarint()), d.Int(999_999_999)
	locName, name, off := d.String(), d.String(), int(int64(d.Uvarint()))
	if d.Err() != nil {
		return time.Time{}
	}
	at := time.Unix(sec, int64(nsec))
	back := func(l *time.Location) (time.Time, bool) {
		t := at.In(l)
		n, o := t.Zone()
		return t, n == name && o == off && t.Location().String() == locName
	}
	if l := z.named(locName); l != nil {
		if t, ok := back(l); ok {
			return t
		}
	}
	// A fixed zone (an offset written in front matter) is named as its
	// location is.
	if t, ok := back(time.FixedZone(name, off)); ok {
		return t
	}
	z.bad = true
	return time.Time{}
}

func encodeStrings(w *buildcache.Writer, s []string) {
	if s == nil {
		w.Uvarint(0)
		return
	}
	w.Uvarint(uint64(len(s)) + 1)
	for _, x := range s {
		w.String(x)
	}
}

func decodeStrings(d *buildcache.Decoder) []string {
	n := d.Count(1, maxSaved+1)
	if n == 0 {
		return nil
	}
	s := make([]string, n-1)
	for i := range s {
		s[i] = d.String()
	}
	return s
}

// EncodeFileErrors writes errs, as a build cache keeps warnings
// (DecodeFileErrors reads them back).
func EncodeFileErrors(w *buildcache.Writer, errs []*FileError) {
	w.Uvarint(uint64(len(errs)))
	for _, f := range errs {
		w.String(f.File)
		w.Uvarint(uint64(f.Line))
		w.String(f.Msg)
		w.String(f.Kind)
		w.Uvarint(uint64(f.More))
	}
}

// DecodeFileErrors reads what EncodeFileErrors wrote: nil for none.
func DecodeFileErrors(d *buildcache.Decoder) []*FileError {
	k := d.Count(5, maxSaved)
	if k == 0 {
		return nil
	}
	out := make([]*FileError, k)
	for i := range out {
		out[i] = &FileError{File: d.String(), Line: d.Int(buildcache.MaxLine), Msg: d.String(), Kind: d.String(), More: d.Int(buildcache.MaxLine)}
	}
	return out
}

// encodeDefaults writes every field of def (TestSavedCoversEveryField).
func encodeDefaults(w *buildcache.Writer, def *postDefaults) {
	w.String(def.dir)
	encodeTime(w, def.date)
	w.Bool(def.hasDate)
	w.Bool(def.draft)
	w.Bool(def.page)
	w.Bool(def.undatedPage)
	w.Bool(def.bare)
	w.Bool(def.hexo)
	w.String(def.addressKeys)
	w.String(string(def.hexoHide))
	w.String(string(def.hugoHidden))
	w.String(def.cascade)
	w.String(def.sectionDraft)
	w.Bool(def.typographer)
	w.Bool(def.jsSite)
	w.String(def.dirNoPage)
	w.String(def.dirPermalink)
	w.String(def.eleventy)
	w.Bool(def.hugo)
	w.Bool(def.jekyll)
	encodeTime(w, def.modTime)
	w.Bool(def.zola)
	w.String(def.mainTypes)
	w.Bool(def.zolaPathDate)
	w.String(def.zolaPaths)
	w.Bool(def.home)
	w.String(def.taxonomies)
	w.String(def.tagKeys)
	w.Bool(def.own)
	w.Bool(def.nameFirst)
	w.String(def.nameSlug)
}

func decodeDefaults(d *buildcache.Decoder, z *zones) postDefaults {
	var def postDefaults
	def.dir = d.String()
	def.date = decodeTime(d, z)
	def.hasDate = d.Bool()
	def.draft = d.Bool()
	def.page = d.Bool()
	def.undatedPage = d.Bool()
	def.bare = d.Bool()
	def.hexo = d.Bool()
	def.addressKeys = d.String()
	def.hexoHide = hexoHide(d.String())
	def.hugoHidden = hugoHidden(d.String())
	def.cascade = d.String()
	def.sectionDraft = d.String()
	def.typographer = d.Bool()
	def.jsSite = d.Bool()
	def.dirNoPage = d.String()
	def.dirPermalink = d.String()
	def.eleventy = d.String()
	def.hugo = d.Bool()
	def.jekyll = d.Bool()
	def.modTime = decodeTime(d, z)
	def.zola = d.Bool()
	def.mainTypes = d.String()
	def.zolaPathDate = d.Bool()
	def.zolaPaths = d.String()
	def.home = d.Bool()
	def.taxonomies = d.String()
	def.tagKeys = d.String()
	def.own = d.Bool()
	def.nameFirst = d.Bool()
	def.nameSlug = d.String()
	return def
}

// encodePost writes every field of p but its Markdown and BodyHash
// (TestSavedCoversEveryField).
func encodePost(w *buildcache.Writer, p *Post) {
	w.String(p.File)
	w.String(p.Slug)
	w.String(p.Title)
	encodeTime(w, p.Date)
	w.Bool(p.HasDate)
	encodeTime(w, p.publishes)
	encodeTime(w, p.Updated)
	encodeStrings(w, p.Tags)
	w.String(p.Summary)
	w.String(p.Lang)
	w.String(p.LangDir)
	if p.Translations == nil {
		w.Uvarint(0)
	} else {
		w.Uvarint(uint64(len(p.Translations)) + 1)
		for _, t := range p.Translations {
			w.String(t.Lang)
			w.String(t.Name)
			w.String(t.Dir)
			w.String(t.Slug)
			w.Bool(t.Page)
		}
	}
	w.Bool(p.Draft)
	w.String(p.DraftSection)
	encodeStrings(w, p.Aliases)
	encodeStrings(w, p.Addresses)
	w.Bool(p.Page)
	encodeTime(w, p.Expires)
	w.Bool(p.Unlisted)
	w.Bool(p.Home)
	w.String(p.Dir)
	w.Bool(p.Blank)
	w.String(p.Layout)
	w.String(p.Brief)
	w.String(p.Term)
	w.Bool(p.Math)
	w.Bool(p.NoMarkdown)
	w.Bool(p.NotHome)
	w.Bool(p.NotSearch)
	w.Uvarint(uint64(p.AlsoIn))
	w.Bool(p.NotFeed)
	w.String(p.Hero.URL)
	w.String(p.Hero.Alt)
	w.String(p.RedirectTo)
	w.Uvarint(uint64(p.BodyLine))
	w.Uvarint(uint64(len(p.Lines)))
	for _, s := range p.Lines {
		w.Uvarint(uint64(s.Out))
		w.Uvarint(uint64(s.Src))
		w.Bool(s.Flat)
	}
	w.Uvarint(uint64(p.bodyAt))
	w.Bool(p.plain)
	w.Bool(p.noTemplates)
	w.Uvarint(uint64(p.limit))
	w.Bool(p.noPage)
	w.Bool(p.noResources)
	w.String(p.rel)
	w.String(p.fmSlug)
	w.String(p.own)
	w.String(p.ownKey)
	w.Uvarint(uint64(p.ownLine))
	if p.hugoAliases == nil {
		w.Uvarint(0)
	} else {
		w.Uvarint(uint64(len(p.hugoAliases)) + 1)
		for a, rel := range p.hugoAliases {
			w.String(a)
			w.Bool(rel)
		}
	}
	encodeStrings(w, p.hugoOlder)
	encodeStrings(w, p.categories)
	w.Uvarint(uint64(p.keyTags))
	w.String(p.langCode)
	w.String(p.langRoot)
	w.String(p.translationKey)
	w.String(p.fmTranslationKey)
	w.Bool(p.untitled)
	w.Bool(p.hidden)
	w.Bool(p.kana)
	w.Bool(p.locked)
	encodePaginationV2(w, p.pagination)
	w.Uvarint(uint64(int64(p.weight) - math.MinInt32)) // 0 to 2^32-1
	w.Bool(p.weighted)
	encodeStrings(w, p.addressVals)
}

func decodePost(d *buildcache.Decoder, z *zones) *Post {
	p := &Post{}
	p.File = d.String()
	p.Slug = d.String()
	p.Title = d.String()
	p.Date = decodeTime(d, z)
	p.HasDate = d.Bool()
	p.publishes = decodeTime(d, z)
	p.Updated = decodeTime(d, z)
	p.Tags = decodeStrings(d)
	p.Summary = d.String()
	p.Lang = d.String()
	p.LangDir = d.String()
	if n := d.Count(6, maxSaved+1); n > 0 {
		p.Translations = make([]Translation, n-1)
		for i := range p.Translations {
			p.Translations[i] = Translation{Lang: d.String(), Name: d.String(), Dir: d.String(), Slug: d.String(), Page: d.Bool()}
		}
	}
	p.Draft = d.Bool()
	p.DraftSection = d.String()
	p.Aliases = decodeStrings(d)
	p.Addresses = decodeStrings(d)
	p.Page = d.Bool()
	p.Expires = decodeTime(d, z)
	p.Unlisted = d.Bool()
	p.Home = d.Bool()
	p.Dir = d.String()
	p.Blank = d.Bool()
	p.Layout = d.String()
	p.Brief = d.String()
	p.Term = d.String()
	p.Math = d.Bool()
	p.NoMarkdown = d.Bool()
	p.NotHome = d.Bool()
	p.NotSearch = d.Bool()
	p.AlsoIn = Lists(d.Int(math.MaxUint8))
	p.NotFeed = d.Bool()
	p.Hero.URL = d.String()
	p.Hero.Alt = d.String()
	p.RedirectTo = d.String()
	p.BodyLine = d.Int(buildcache.MaxLine)
	if n := d.Count(3, maxSaved); n > 0 {
		p.Lines = make([]LineSync, n)
		for i := range p.Lines {
			p.Lines[i] = LineSync{Out: d.Int(buildcache.MaxLine), Src: d.Int(buildcache.MaxLine), Flat: d.Bool()}
		}
	}
	p.bodyAt = d.Int(math.MaxInt32) // a post is far smaller (LoadOptions.MaxPostSize)
	p.plain = d.Bool()
	p.noTemplates = d.Bool()
	p.limit = d.Int64(1 << 62)
	p.noPage = d.Bool()
	p.noResources = d.Bool()
	p.rel = d.String()
	p.fmSlug = d.String()
	p.own = d.String()
	p.ownKey = d.String()
	p.ownLine = d.Int(buildcache.MaxLine)
	if n := d.Count(2, maxSaved+1); n > 0 {
		p.hugoAliases = make(map[string]bool, n-1)
		for range n - 1 {
			a := d.String()
			p.hugoAliases[a] = d.Bool()
		}
	}
	p.hugoOlder = decodeStrings(d)
	p.categories = decodeStrings(d)
	p.keyTags = d.Int(MaxTags)
	p.langCode = d.String()
	p.langRoot = d.String()
	p.translationKey = d.String()
	p.fmTranslationKey = d.String()
	p.untitled = d.Bool()
	p.hidden = d.Bool()
	p.kana = d.Bool()
	p.locked = d.Bool()
	p.pagination = decodePaginationV2(d)
	p.weight = int(int64(d.Int64(math.MaxUint32)) + math.MinInt32)
	p.weighted = d.Bool()
	p.addressVals = decodeStrings(d)
	return p
}

// savable returns the file of the post of path, decoded as e, when a
// restart can take the post without reading it: nil if not.
func (c *Content) savable(path string, e *parsedEntry) *source {
	src := c.cache.read[path]
	if !savableEntry(e, src) {
		return nil
	}
	return src
}

// savableEntry reports whether e, a decoding of src's post, can be
// saved for a restart to take without reading src.
func savableEntry(e *parsedEntry, src *source) bool {
	p := e.result.post
	if p == nil || len(e.result.errs) > 0 || !p.plain || p.BodyHash == 0 || e.def.home || e.loc == nil {
		return false
	}
	return src != nil && src.err == nil && src.stamp != nil && src.reusable()
}

// Savable is how many posts EncodeSaved saves of c, given the sum of
// each one's Markdown.
func (c *Content) Savable() int {
	n := 0
	if c != nil && c.cache != nil {
		for path, e := range c.cache.parsed {
			if c.savable(path, e) != nil {
				n++
			}
		}
	}
	return n
}

// FromSaved is how many of c's posts, pages, drafts and scheduled posts
// Load took from an earlier process's decoding (LoadOptions.Saved)
// instead of reading them.
func (c *Content) FromSaved() int {
	n := 0
	for _, list := range [][]*Post{c.Posts, c.Pages, c.Drafts, c.Scheduled} {
		for _, p := range list {
			if p.bodySum != nil {
				n++
			}
		}
	}
	return n
}

// SavedSum is the SHA-256 of p's Markdown when p was decoded by an
// earlier process (LoadOptions.Saved) and its Markdown is not held: what
// a build cache's record of it is compared by.
func (p *Post) SavedSum() ([32]byte, bool) {
	if p.bodySum == nil || p.Body != nil {
		return [32]byte{}, false
	}
	return *p.bodySum, true
}

// KeepsLastGood reports whether c serves the last good version of a post
// whose file is broken, taken from a build cache (LoadOptions.Saved): a
// build without that cache's renders cannot render it (its Markdown is
// not in its file any more), and should load c again without Saved.
func (c *Content) KeepsLastGood() bool { return c.keptFromCache > 0 }

// encodePaginationV2 writes a page's jekyll-paginate-v2 settings (none,
// or a template's), as decodePaginationV2 reads them.
func encodePaginationV2(w *buildcache.Writer, pg paginationV2) {
	w.Bool(pg.enabled)
	if !pg.enabled {
		return
	}
	for _, n := range []int{pg.per, pg.offset, pg.limit} {
		w.Uvarint(uint64(n + 1)) // -1, unset, as 0
	}
	w.String(pg.permalink)
	w.Bool(pg.odd)
	w.String(pg.first)
}

// decodePaginationV2 reads what encodePaginationV2 wrote.
func decodePaginationV2(d *buildcache.Decoder) paginationV2 {
	if !d.Bool() {
		return paginationV2{}
	}
	pg := paginationV2{enabled: true}
	for _, n := range []*int{&pg.per, &pg.offset, &pg.limit} {
		*n = d.Int(maxPaginationNumber+1) - 1
	}
	pg.permalink = d.String()
	pg.odd = d.Bool()
	pg.first = d.String()
	return pg
}
