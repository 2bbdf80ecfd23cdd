package content

import (
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
)

// A reload that finds the posts as they were. Once every post's front
// matter is decoded, Load makes its posts out of the decodings and the
// site around them: each post copied from its decoding (Load goes on to
// change it), given its addresses, languages and translations, its slug
// made unique, its templates expanded, and put in its list by the time.
// At 10,000 posts that is 7 MB of copies and a third of the CPU of a reload
// that found nothing changed. When nothing it is made from has changed
// since the last load — every decoding the very one that load used, in
// the same order, the same site around them, each section's _index.md
// that the addresses looked for still there or still not, the time
// within the same window — it would make the same posts again, and the
// last load's are taken instead, as they are: the same *Post in both
// Contents, which nothing changes after a Load (Forget and ReadBody set
// Body alone, to what it was). A post whose text alone, or title and
// text, were edited is taken too, with its new text (reusePosts says
// when). The files beside
// the posts are looked at as always.

// postStage is what a Load made of its posts, kept for the next (see
// loadCache.posts).
type postStage struct {
	key postsKey
	// now and next are the load's time and the soonest time after it
	// at which a post's list changes by itself (Content.NextChange):
	// between the two, every post stays in the list it is in.
	now, next time.Time
	// What the stage gave: the lists, each post's state, the languages
	// and the site's language as the posts' folders tell them, the
	// warnings and problems it found, and the page bundles' posts.
	lists       [7][]*Post
	state       map[*Post]postState
	languages   []Language
	lang        string
	warns, errs []*FileError
	bundles     owners
	zolaLists   []ZolaList // Content.zolaLists, made with the posts
}

// postsKey is everything a Load's posts are made of, besides the
// decodings' own inputs (their bytes and defaults, which parsedPost
// compares): equal keys make equal posts.
type postsKey struct {
	entries []*parsedEntry // each post's decoding, in the order of the posts; nil when it has none
	nested  []bool         // each post's mdFile.nested
	// withheld are the folders of page bundles whose index.md was
	// passed over: their files are nobody's.
	withheld  []string
	folder    folder // the generator's configuration, all of it
	meta      SiteMeta
	languages []Language
	siteLang  bool   // the site file sets lang
	lang      string // LoadOptions.Lang
	location  string // the zone dates are read in, by name
	zola      map[string]zolaSection
	zolaFiles map[string]zolaSectionFile
	// indexes are the sections' _index.md files the posts' addresses
	// looked for (Hugo's :sections): there or not, as then.
	indexes *sectionIndexes
	// includes are the Jekyll includes the posts' text put in or looked
	// for (includes.go): the same bytes, or still not there.
	includes *includeFiles
}

// sameSite reports whether a and b have the same site around their
// posts: all of the key but the decodings.
func (a *postsKey) sameSite(b *postsKey) bool {
	return slices.Equal(a.withheld, b.withheld) && a.meta == b.meta && slices.Equal(a.languages, b.languages) &&
		a.siteLang == b.siteLang && a.lang == b.lang && a.location == b.location &&
		reflect.DeepEqual(a.folder, b.folder) && reflect.DeepEqual(a.zola, b.zola) && reflect.DeepEqual(a.zolaFiles, b.zolaFiles)
}

// maxTextEdits bounds the posts a reload takes the last load's posts
// with, their text edited (see reusePosts): an author saves one post at
// a time; a git pull of many goes the whole way, which is made for it.
const maxTextEdits = 16

// reusePosts gives c the posts prev's load made, if this load's are made
// of the same: the same site around them (key, with the rest of what
// Load had by then), each of posts' decodings the one that load used
// (parsedPost would take it) and in the same order, and now within the
// same window. It reports whether it did; bundles and errs are then the
// stage's, to be appended to.
//
// A post whose text alone was edited (its file changed, its front
// matter and all that is decoded from it the same, no templates in its
// text before or after, no problem in it) is taken too, with its new
// text: nothing Load does to its posts after decoding them reads their
// text but the expansion of templates, and the lists, addresses,
// languages and slugs are made of the rest. So is a post whose title was
// edited too (titlesFree): where nothing Load makes reads a title.
func (c *Content) reusePosts(prev *loadCache, key *postsKey, posts []*mdFile, loc *time.Location, now time.Time) (bundles owners, errs []*FileError, ok bool) {
	if prev == nil || prev.posts == nil {
		return nil, nil, false
	}
	s := prev.posts
	if now.Before(s.now) || !s.next.IsZero() && !now.Before(s.next) || len(s.key.entries) != len(posts) || !key.sameSite(&s.key) ||
		s.key.indexes != nil && !s.key.indexes.same() || !s.key.includes.same() {
		return nil, nil, false
	}
	// Each post's decoding is the last load's entry at its place, if
	// of its file: found there rather than by its path in a map of
	// 10,000, once it is known that no two of them are of one file (the
	// map would hold the last one's).
	distinct := len(prev.parsed) == len(s.key.entries)
	var edited []int // of posts: their text edited
	for i, m := range posts {
		at := s.key.entries[i]
		if m.nested != s.key.nested[i] || at == nil || m.lastGood {
			// (A post kept in its last good version is made by
			// makePosts, never from what its file now reads.)
			return nil, nil, false
		}
		var e *parsedEntry
		switch {
		case !m.src.reused:
		case distinct && at.path == m.src.path:
			e = takeableEntry(at, m, loc, key.meta.Lang)
		default:
			e = prev.takeable(m, loc, key.meta.Lang)
		}
		if e != at {
			if e != nil || len(edited) == maxTextEdits {
				return nil, nil, false
			}
			edited = append(edited, i)
		}
	}
	entries := s.key.entries
	if len(edited) > 0 {
		if key.folder.zola {
			return nil, nil, false // its pages' text is rewritten after decoding (zolaPages)
		}
		entries = slices.Clone(entries)
		titlesFree := sync.OnceValue(func() bool { return s.titlesFree(key) })
		for _, i := range edited {
			m := posts[i]
			if m.src.err != nil {
				return nil, nil, false
			}
			r := decodeMarkdownFile(m, loc, key.meta.Lang)
			old := s.key.entries[i].result
			if !textEdited(old, r) && !(titleEdited(old, r) && titlesFree()) {
				return nil, nil, false
			}
			entries[i] = newParsedEntry(m, loc, key.meta.Lang, r)
		}
		if s = s.withText(edited, posts, entries); s == nil {
			return nil, nil, false
		}
	}
	key.entries, key.nested, key.indexes, key.includes = entries, s.key.nested, s.key.indexes, s.key.includes
	for i, l := range c.stagedLists() {
		*l = slices.Clone(s.lists[i]) // sorted already (keepLists)
	}
	c.state, c.NextChange, c.Languages, c.Meta.Lang = s.state, s.next, slices.Clone(s.languages), s.lang
	c.zolaLists = s.zolaLists // (never changed once made: shared)
	c.Warnings = append(c.Warnings, s.warns...)
	// The decodings as they were, nothing added, nothing left out: the
	// next load takes them from here, as it takes this stage.
	c.cache.parsed, c.cache.posts, c.cache.lastGood = prev.parsed, s, prev.lastGood
	// And what it kept of templates' and Zola's rewritings, for the
	// reload after, which may make the posts again (their keys tell
	// whether each is still of its post).
	c.cache.drops, c.cache.zolaBodies, c.cache.zolaSections = prev.drops, prev.zolaBodies, prev.zolaSections
	if len(edited) > 0 {
		c.cache.parsed = maps.Clone(prev.parsed)
		for _, i := range edited {
			c.cache.parsed[posts[i].src.path] = entries[i]
		}
	}
	return s.bundles, s.errs, true
}

// textEdited reports whether r, a post's decoding, is old with its text
// alone changed: every field decoded the same but the text and its hash,
// no template in either text, and no problem, warning or unknown key in
// either.
func textEdited(old, r parseResult) bool {
	a, b := old.post, r.post
	if a == nil || b == nil || !a.plain || !b.plain || len(old.errs)+len(old.warns)+len(old.unknown)+len(r.errs)+len(r.warns)+len(r.unknown) > 0 {
		return false
	}
	x, y := *a, *b
	// (kana is of the text too: it changes no list, only the site's
	// language warning, which Load says of the posts it gives out.)
	x.Body, x.BodyHash, x.bodySum, x.bodyAt, x.kana = nil, 0, nil, 0, false
	y.Body, y.BodyHash, y.bodySum, y.bodyAt, y.kana = nil, 0, nil, 0, false
	return SamePostAll(&x, &y)
}

// titleEdited reports whether r is old with its title, and maybe its
// text, changed (see textEdited): a post listed by its title (neither a
// home page's text, titled by its site, nor a post titled by Load for
// want of one).
func titleEdited(old, r parseResult) bool {
	a, b := old.post, r.post
	if a == nil || b == nil || a.Home || b.Home || a.untitled || b.untitled {
		return false
	}
	x, y := old, r
	xp, yp := *a, *b
	xp.Title, yp.Title = "", ""
	x.post, y.post = &xp, &yp
	return textEdited(x, y)
}

// titlesFree reports whether nothing Load makes of s's posts reads their
// titles, so that a title's edit changes no other post and no address:
// no post has templates (a reference's title is a template's; see
// expandTemplates), the generator is Hugo, Jekyll or none (a JavaScript
// site's addresses are read as Hugo's, from its own rules; a Zola site's
// pages are rewritten after decoding) and Hugo's permalinks have no
// :title or :slug (Hugo's slug is the title when front matter gives
// none). Jekyll's :title and :slug are the file's name.
func (s *postStage) titlesFree(key *postsKey) bool {
	if key.folder.gen != "" || key.folder.zola {
		return false
	}
	for _, pattern := range key.folder.config.permalinks {
		if strings.Contains(pattern, ":title") || strings.Contains(pattern, ":slug") {
			return false
		}
	}
	for _, l := range s.lists {
		for _, p := range l {
			if !p.plain {
				return false
			}
		}
	}
	return true
}

// withText is s with the posts of edited (indexes of posts, whose text
// alone, or title and text, were edited) given their new text and title,
// from entries: each a copy of the post s made, in the same lists, state
// and bundle. It is nil if one of those posts' text is not as it was
// decoded (Load changed it: not plain).
func (s *postStage) withText(edited []int, posts []*mdFile, entries []*parsedEntry) *postStage {
	out := *s
	out.key.entries = entries
	out.state = maps.Clone(s.state)
	out.bundles = maps.Clone(s.bundles)
	text := make(map[string]*Post, len(edited)) // by file
	for _, i := range edited {
		text[posts[i].src.path] = entries[i].result.post
	}
	for l := range out.lists {
		out.lists[l] = slices.Clone(s.lists[l])
		for j, p := range out.lists[l] {
			d := text[p.File]
			if d == nil {
				continue
			}
			if !p.plain {
				return nil
			}
			q := *p
			q.Body, q.BodyHash, q.bodySum, q.bodyAt, q.kana, q.Title = d.Body, d.BodyHash, d.bodySum, d.bodyAt, d.kana, d.Title
			out.lists[l][j] = &q
			out.state[&q] = s.state[p]
			delete(out.state, p)
			for dir, o := range out.bundles {
				if o == p {
					out.bundles[dir] = &q
				}
			}
		}
	}
	return &out
}

// keepPosts keeps what this load made of its posts for the next: key with
// entries (parsePosts'), and c's state and the rest as they are once the
// stage is done, with the warnings and problems it added (after
// warnsFrom, and errs). Load adds the lists once sorted (keepLists).
func (c *Content) keepPosts(key postsKey, entries []*parsedEntry, posts []*mdFile, warnsFrom int, errs []*FileError, bundles owners) {
	key.entries, key.nested = entries, make([]bool, len(posts))
	for i, m := range posts {
		key.nested[i] = m.nested
	}
	c.cache.posts = &postStage{key: key, now: c.now, next: c.NextChange, state: c.state, languages: slices.Clone(c.Languages), lang: c.Meta.Lang,
		warns: slices.Clone(c.Warnings[warnsFrom:]), errs: slices.Clone(errs), bundles: bundles, zolaLists: c.zolaLists}
}

// keepLists keeps c's lists, once sorted, in s: the lists a reload that
// takes s gives its Content.
func (s *postStage) keepLists(c *Content) {
	for i, l := range c.stagedLists() {
		s.lists[i] = slices.Clone(*l)
	}
}

// stagedLists are c's lists, in the order a postStage keeps them (lists).
func (c *Content) stagedLists() [7]*[]*Post {
	return [...]*[]*Post{&c.Posts, &c.Pages, &c.Drafts, &c.Scheduled, &c.Expired, &c.Unlisted, &c.NoPage}
}

// withheldBundles are the folders of the page bundles of nested whose
// index.md was passed over (a link leading outside): Load withholds
// their files.
func withheldBundles(nested []*mdFile, l layout) []string {
	var out []string
	for _, m := range nested {
		if l == layoutHugo && m.warn != nil && strings.EqualFold(filepath.Base(m.src.path), "index.md") {
			out = append(out, m.def.dir)
		}
	}
	return out
}
