package capsule

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// Rebuilding only what changed. Rendering a post is most of a build, and
// what a post renders to depends on few things: its own front matter and
// Markdown, the site's settings, the posts before and after it, and where
// each of its links leads. A Build given the previous Store
// (BuildOptions.Previous) compares these for each post with what they
// were when the previous Store rendered it, and takes the responses from
// there when nothing differs. Index pages and feeds, which depend on
// every post, are made from the posts' pieces, and kept when their
// pieces are the very ones they were made of (tagPages, blogPages);
// search results are built anew each time. When the content is the same
// as the previous Store's in every respect (content.Same), nothing is
// built at all (BuildOptions.PreviousContent).
// TestIncrementalBuildIsAFullBuild checks that the Store is the same,
// response for response, as a build from nothing.

// renderedEntry is what rendering one post or page gives.
type renderedEntry struct {
	gmi        *gemini.Response
	txt, menu  []byte
	searchable []byte // the post's gemtext body, for search: part of gmi
	summary    string
	atom       []byte // the post's entry in feeds, without its text (blog.atomEntry)
	lines      listLines
	warns      []*content.FileError
	hasLinks   bool          // a page with links: its gopher menu is worth linking
	bodySum    [32]byte      // SHA-256 of the Markdown rendered: what a record read from disk is compared by (diskcache.go)
	at         postAddresses // where it is served (routes.postAt); empty in a record read from disk
	err        error
	// tailAt is where its page's tail (postTail) begins, in Raw and Tail
	// taken as one; homeAt is where its menu's way home begins: what
	// retitle makes anew, before them all is kept.
	tailAt, homeAt int
	// arena is where its bytes are, size how many (packer.pack), but for
	// its Gopher text, in textArena (textSize bytes; nil for a record
	// held in a build cache's chunk, arena, with the rest); a post
	// retitled has its new tail and menu in tailArena, tailSize bytes,
	// and the rest where it was.
	arena     *arena
	size      int
	textArena *arena
	textSize  int
	tailArena *arena
	tailSize  int
}

// renderRecord is a rendered post with what its rendering depended on.
type renderRecord struct {
	// post is the post as rendered: the Content's own, not a copy (600
	// bytes a post, 6 MB at 10,000), which nothing changes after its
	// load but ReadBody and Forget, setting its Markdown back to what it
	// was (content.Post). A record read from a build cache has a post
	// of its own, with its File alone.
	post          *content.Post
	older, newer  neighbour
	links         []linkAnswer
	mark          string // a draft's byline mark, which its file does not say (expired)
	renderedEntry        // never with an error
	// disk is set on a record read from a build cache (diskcache.go):
	// post then has only its File, and disk says what it was.
	disk *diskRecord
}

// neighbour is what a post's pages show of the post before or after it:
// its language's folder is in the link too, as a jekyll-polyglot
// language's post may have a post of another language beside it
// (blog.neighbours).
type neighbour struct {
	exists                 bool
	dir, slug, title, date string
	page                   bool
}

func neighbourOf(p *content.Post) neighbour {
	if p == nil {
		return neighbour{}
	}
	return neighbour{exists: true, dir: p.LangDir, slug: p.Slug, title: p.Title, date: p.Date.Format(dateLayout), page: p.Page}
}

// is reports whether n is neighbourOf(p), without making its date.
func (n neighbour) is(p *content.Post) bool {
	if p == nil {
		return n == neighbour{}
	}
	var buf [32]byte
	return n.exists && n.dir == p.LangDir && n.slug == p.Slug && n.title == p.Title && n.page == p.Page && n.date == string(p.Date.AppendFormat(buf[:0], dateLayout))
}

// linkAnswer is where one link destination of a post led: every way the
// renderers and the link check look at it (see postLinks.rewriter and
// postLinks.check).
type linkAnswer struct {
	dest      string
	isPost    bool   // resolve's third answer
	post      string // the published post it names: its path, "" if none
	unpub     string // the unpublished post it names: why and its file, as check says them
	ambiguous string // the posts a name shared by several names
	file      string // resolveFile's answers
	fileKind  fileKind
	relative  bool
	onSite    bool   // a link to the blog's own web address (postLinks.onSite)
	tag       string // the tag's page or archive it leads to (termTag, sectionList), "" if none
}

// answer is where dest, written in the post from, leads now.
func (l *postLinks) answer(dest string, from *content.Post) linkAnswer {
	if a, ok := l.elsewhere(dest); ok {
		return a
	}
	return l.fullAnswer(dest, from)
}

// elsewhere is the answer for dest when it leads off the site: a URL with
// a scheme, not of the blog's web site, naming no tags' page. Nothing of
// the site changes where it leads, and the full answer parsed it up to
// five times (an edit's reload asks again of every link of every post
// kept: 4 ms of 21 on blog.rust-lang.org). ok is false for any other
// dest.
func (l *postLinks) elsewhere(dest string) (a linkAnswer, ok bool) {
	if !hasScheme(dest) || strings.Contains(dest, "/tags") || strings.Contains(dest, "/categories") {
		return linkAnswer{}, false
	}
	if _, on := l.onSite(dest); on {
		return linkAnswer{}, false
	}
	return linkAnswer{dest: dest}, true
}

// fullAnswer is answer, asking every question of dest.
func (l *postLinks) fullAnswer(dest string, from *content.Post) linkAnswer {
	a := linkAnswer{dest: dest}
	p, ambiguous, isPost := l.resolve(from, dest)
	a.isPost = isPost
	switch {
	case len(ambiguous) > 0:
		a.ambiguous = postPaths(ambiguous)
	case p != nil && l.published[p]:
		a.post = l.geminiLink(p)
	case p != nil:
		// Where a draft's page links it, too.
		a.unpub = l.c.Unpublished(p) + " " + p.Path()
		if l.c.DraftView(p) {
			a.unpub += " " + draftGeminiPath(p)
		}
	}
	a.file, a.fileKind, a.relative = l.resolveFile(dest, from)
	_, a.onSite = l.onSite(dest)
	if dir, tag, ok := l.termTag(from, dest); ok {
		a.tag = dir + tagsPath + tag
	} else if dir, list, ok := l.sectionList(dest); ok {
		a.tag = geminiTag(dir, list)
	} else if dir, list, ok := l.templateLink(from, dest); ok {
		a.tag = geminiTag(dir, list)
	}
	return a
}

// linkTrace collects the link destinations one post's rendering asked
// about.
type linkTrace struct {
	dests []string
}

func (t *linkTrace) add(dest string) {
	if !slices.Contains(t.dests, dest) {
		t.dests = append(t.dests, dest)
	}
}

// wrap is rewrite, noting in t every destination it is asked about.
func (t *linkTrace) wrap(rewrite func(string) string) func(string) string {
	return func(dest string) string {
		t.add(dest)
		return rewrite(dest)
	}
}

// answers is where every destination of t leads, leaving out those that
// can lead nowhere else whatever the other posts and files are: links
// with a scheme or a host, and what cannot be parsed.
func (t *linkTrace) answers(l *postLinks, from *content.Post) []linkAnswer {
	var out []linkAnswer
	for _, d := range t.dests {
		if a := l.answer(d, from); a != (linkAnswer{dest: d}) {
			out = append(out, a)
		}
	}
	return out
}

// renderCache is the previous Store's rendered posts, by file.
type renderCache map[string]*renderRecord

// keep records in c what p rendered to, with what it depended on: the
// record it was taken from, or a new one. It returns 1 for a post
// rendered anew, 0 otherwise (taken from the previous Store, or failed).
func (c renderCache) keep(p, older, newer *content.Post, e renderedEntry, reused *renderRecord, links []linkAnswer) int {
	switch {
	case e.err != nil:
		return 0
	case reused != nil && reused.disk != nil:
		r := reused.fromDisk(p)
		r.at = e.at // made by this build: a cache does not keep them
		c[p.File] = r
		return 0
	case reused != nil && reused.post != p:
		// The record's post is another load's (this one made its posts
		// anew: a new post, a date changed): the record is made again
		// with this load's post, so that it keeps alive no post, nor
		// Markdown (Forget keeps that of a post whose templates Load
		// expanded), that no Content has.
		r := *reused
		r.post = p
		c[p.File] = &r
		return 0
	case reused != nil:
		c[p.File] = reused
		return 0
	}
	c[p.File] = &renderRecord{post: p, older: neighbourOf(older), newer: neighbourOf(newer), links: links, renderedEntry: e}
	return 1
}

// lookup returns what p rendered to last time, if nothing it depends on
// has changed since.
func (c renderCache) lookup(p *content.Post, older, newer *content.Post, l *postLinks) *renderRecord {
	r := c[p.File]
	if r == nil || !r.older.is(older) || !r.newer.is(newer) {
		return nil
	}
	if r.disk != nil && !r.matches(p) || r.disk == nil && !content.SamePost(r.post, p) {
		return nil
	}
	for _, a := range r.links {
		if l.answer(a.dest, p) != a {
			return nil
		}
	}
	return r
}

// sameSettings reports whether st was built with what every page of a
// build of c for site depends on besides its posts: the site's settings,
// the Markdown dialect and the languages' settings. When they differ,
// nothing of st is taken.
func (st *Store) sameSettings(site *Site, c *content.Content) bool {
	return sameSite(&st.Site, site) && st.markup == c.Markup && slices.Equal(st.languages, c.Languages)
}

// sameSite reports whether posts render the same on a and b.
func sameSite(a, b *Site) bool {
	return a.SiteMeta == b.SiteMeta && a.Messages == b.Messages && a.Hostname == b.Hostname &&
		a.GeminiPort == b.GeminiPort && a.GopherPort == b.GopherPort &&
		a.GopherWidth == b.GopherWidth && a.FeedContent == b.FeedContent &&
		slices.Equal(a.Authors, b.Authors)
}

// tagPages are a tag's page, menu and feed, with the pieces of posts they
// were made of. A tag whose posts' pieces are the very ones of the
// previous Store, in the same order, has the same pages: an edit of one
// post rebuilds the pages of its tags, not of every tag. Its lists (page
// and menu) and its feed are kept apart: an edit of a post's first
// paragraph changes its feed entry, not its line in lists.
type tagPages struct {
	lists, entries []piece
	gemini         *gemini.Response
	gopher         []byte
	feed           *gemini.Response
	runs           []feedRun // feed's
	keep           any       // as blogPages.keep, for gemini and gopher
}

// blogPages are a blog's home page and root menu, archive, tag index and
// feed, with what they were made of: the pieces of its posts, in order
// (which hold their dates, titles and tags), and othersKey's. An edit
// that changes no post's line in lists (nothing at all, or a post's
// text) keeps the lists, one that changes no feed entry (nothing, or a
// post's text past its summary) keeps the feed.
type blogPages struct {
	lists, entries              []piece
	others                      string
	home, tags, archive         *gemini.Response
	tagsMenu, archiveMenu, root []byte
	feed                        *gemini.Response
	runs                        []feedRun // feed's
	// keep holds what the pages but the feed were read from: a cache
	// file's chunks (diskpages.go), nil for pages made in memory.
	keep any
}

// othersKey is what b's home page, root menu and tag index show besides
// its posts' lines: its site's title and description, its pages and those polyglot copies into its language (their titles, addresses and whether they
// have menus), its other languages, its home page's text, its tags and
// how many posts each has, and which posts its home leaves out.
func (b *blog) othersKey() string {
	var k strings.Builder
	fmt.Fprintf(&k, "s%q %q\x00", fmt.Sprint(b.site.SiteMeta), b.langName) // a language's blog has a site of its own
	for i, p := range b.pages {
		fmt.Fprintf(&k, "p%q %q %q %v\x00", p.Title, postGeminiLink(p), postMenuLink(p), b.hasMenu(len(b.posts)+i))
	}
	for _, o := range b.copied {
		p := o.b.entry(o.j)
		fmt.Fprintf(&k, "c%q %q %q %v\x00", p.Title, postGeminiLink(p), postMenuLink(p), o.b.hasMenu(o.j))
	}
	for _, l := range b.others {
		fmt.Fprintf(&k, "l%q %q\x00", l.Dir, l.Name)
	}
	if h := b.homeText; h != nil {
		// The home page's text: its render's bytes, by their SHA-256 (a
		// few KB, once a build: by the render's address, a restart's
		// key never met the one read from the cache, which another
		// process made), its title and address.
		fmt.Fprintf(&k, "h%x %d %q %q\x00", sha256.Sum256(b.homeBody), len(b.homeBody), h.Title, postGopherLink(h))
	}
	for _, g := range b.tags {
		fmt.Fprintf(&k, "t%q %d\x00", g.Name, len(g.Posts))
	}
	for _, y := range b.years {
		fmt.Fprintf(&k, "y%q %d\x00", y.Name, len(y.Posts))
	}
	// The posts its home leaves out (Post.NotHome), whose lines are the
	// same whether it does or not, and the hidden posts it has
	// (content.InHome).
	for i, p := range b.list() {
		if p.NotHome {
			fmt.Fprintf(&k, "n%d\x00", i)
		}
	}
	for i, p := range b.hidden {
		if p.AlsoIn&content.InHome != 0 {
			fmt.Fprintf(&k, "i%d\x00", i)
		}
	}
	return k.String()
}

// piece is a slice of bytes by identity: where it is and how long.
type piece struct {
	at *byte
	n  int
}

func pieceOf(b []byte) piece { return piece{unsafe.SliceData(b), len(b)} }

// bytes are the bytes of p: those of a render of the previous Store (or
// this build's), which are never changed, and which p keeps alive.
func (p piece) bytes() []byte { return unsafe.Slice(p.at, p.n) }

// samePieces reports whether pages made of a and b are the same bytes:
// the same pieces, or, where a post was rendered anew (its pieces are new
// bytes), pieces of the same bytes (an edit of a post's text leaves its
// line in lists as it was, and its feed entry past its summary).
func samePieces(a, b []piece) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && (a[i].n != b[i].n || !bytes.Equal(a[i].bytes(), b[i].bytes())) {
			return false
		}
	}
	return true
}

// pieces are what lists of posts take from posts (their lines), and what
// their feed takes (their entries, with their text where the feed has
// it).
func (b *blog) pieces(posts []*content.Post, feed feedParts) (lists, entries []piece) {
	return b.linePieces(posts), b.entryPieces(posts, feed)
}

// linePieces are the lines of posts in lists (see pieces).
func (b *blog) linePieces(posts []*content.Post) []piece {
	lists := make([]piece, 0, 2*len(posts))
	for _, p := range posts {
		e := b.part(p)
		lists = append(lists, pieceOf(e.lines.gemini), pieceOf(e.lines.gopher))
	}
	return lists
}

// entryPieces are what the feed of posts takes from them (see pieces).
func (b *blog) entryPieces(posts []*content.Post, feed feedParts) []piece {
	entries := make([]piece, 0, len(posts))
	for i, p := range posts {
		e := b.part(p)
		entries = append(entries, pieceOf(e.atom))
		if feed.text && i < feedFullPosts {
			entries = append(entries, pieceOf(e.searchable))
		}
	}
	return entries
}

// part is p's render, in b.parts: nothing for a post not rendered.
func (b *blog) part(p *content.Post) *renderedEntry {
	if e := b.parts[p]; e != nil {
		return e
	}
	return &renderedEntry{}
}
