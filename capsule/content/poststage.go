package content

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"
)

// A reload that finds the posts as they were. Once every post's front
// matter is decoded, Load makes its posts out of the decodings and the
// site around them: each post copied from its decoding (Load goes on to
// change it), given its addresses, languages and translations, its slug
// made unique, its templates expanded, and put in its list by the time.
// At 10,000 posts that is 7 MB of copies and half the CPU of a reload
// that found nothing changed. When nothing it is made from has changed
// since the last load — every decoding the very one that load used, in
// the same order, the same site around them, the time within the same
// window — it would make the same posts again, and the last load's are
// taken instead, as they are: the same *Post in both Contents, which
// nothing changes after a Load (Forget and ReadBody set Body alone, to
// what it was). The files beside the posts are looked at as always.

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
}

// sameSite reports whether a and b have the same site around their
// posts: all of the key but the decodings.
func (a *postsKey) sameSite(b *postsKey) bool {
	return slices.Equal(a.withheld, b.withheld) && a.meta == b.meta && slices.Equal(a.languages, b.languages) &&
		a.siteLang == b.siteLang && a.lang == b.lang && a.location == b.location &&
		reflect.DeepEqual(a.folder, b.folder) && reflect.DeepEqual(a.zola, b.zola)
}

// reusePosts gives c the posts prev's load made, if this load's are made
// of the same: the same site around them (key, with the rest of what
// Load had by then), each of posts' decodings the one that load used
// (parsedPost would take it) and in the same order, and now within the
// same window. It reports whether it did; bundles and errs are then the
// stage's, to be appended to.
func (c *Content) reusePosts(prev *loadCache, key *postsKey, posts []*mdFile, loc *time.Location, now time.Time) (bundles owners, errs []*FileError, ok bool) {
	if prev == nil || prev.posts == nil {
		return nil, nil, false
	}
	s := prev.posts
	if now.Before(s.now) || !s.next.IsZero() && !now.Before(s.next) || len(s.key.entries) != len(posts) || !key.sameSite(&s.key) {
		return nil, nil, false
	}
	for i, m := range posts {
		if m.nested != s.key.nested[i] || s.key.entries[i] == nil || prev.takeable(m, loc, key.meta.Lang) != s.key.entries[i] {
			return nil, nil, false
		}
	}
	key.entries, key.nested = s.key.entries, s.key.nested
	lists := [...]*[]*Post{&c.Posts, &c.Pages, &c.Drafts, &c.Scheduled, &c.Expired, &c.Unlisted, &c.NoPage}
	for i, l := range lists {
		*l = slices.Clone(s.lists[i]) // sorted already (keepLists)
	}
	c.state, c.NextChange, c.Languages, c.Meta.Lang = s.state, s.next, slices.Clone(s.languages), s.lang
	c.Warnings = append(c.Warnings, s.warns...)
	// The decodings as they were, nothing added, nothing left out: the
	// next load takes them from here, as it takes this stage.
	c.cache.parsed, c.cache.posts = prev.parsed, s
	return s.bundles, s.errs, true
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
		warns: slices.Clone(c.Warnings[warnsFrom:]), errs: slices.Clone(errs), bundles: bundles}
}

// keepLists keeps c's lists, once sorted, in s: the lists a reload that
// takes s gives its Content.
func (s *postStage) keepLists(c *Content) {
	for i, l := range [...][]*Post{c.Posts, c.Pages, c.Drafts, c.Scheduled, c.Expired, c.Unlisted, c.NoPage} {
		s.lists[i] = slices.Clone(l)
	}
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
