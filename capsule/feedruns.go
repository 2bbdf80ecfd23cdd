package capsule

import (
	"capsule/capsule/content"
)

// A feed is served in pieces: its head (title, time of the newest entry),
// then runs of its entries, then its end. A reload that changed one entry
// of a feed of thousands makes that entry's run again and takes the other
// runs from the feed it replaces: written whole, the feed of 10,000 posts
// (10 MB) and those of the edited post's tags were made anew at every edit
// of a post's summary or title, a quarter of the reload's CPU and most of
// its garbage.

// feedRunPosts is how many entries a run of a feed holds on average: a
// run ends after a post whose file's hash is a multiple of it, so that
// where runs end depends on the posts around, not on their places in the
// feed (a new post at the top makes the first run anew, not every run).
// feedRunMax bounds a run whatever the hashes: at most that many entries
// (each no longer than its post, which a load bounds: LoadOptions.MaxPostSize),
// so that an edit of one post makes at most that many entries again per
// feed it is in. The
// entries a feed holds with their text (feedFullPosts, with
// Site.FeedContent) are a run of their own: they are made for the feed
// alone.
const (
	feedRunPosts = 64
	feedRunMax   = 4 * feedRunPosts
)

// feedRun is a run of consecutive entries of a feed, as the feed holds
// them: each after a newline.
type feedRun struct {
	first string // its first post's file: a run of the next feed with the same first post may be this one
	posts int    // how many entries
	at, n int    // its entries' pieces in the feed's (blogPages.entries, tagPages.entries)
	text  bool   // entries with their text
	bytes []byte
	keep  any // what bytes were read from: a cache file's chunks (diskpages.go), or nil
}

// feedEnd ends every feed: one array, shared by all.
var feedEnd = []byte("\n</feed>\n")

// feedRunEnd is where the run of posts that begins at s ends.
func feedRunEnd(posts []*content.Post, s int, fe feedParts) int {
	if fe.text && s < feedFullPosts {
		return min(len(posts), feedFullPosts)
	}
	for i := s; i < len(posts); i++ {
		if i+1-s == feedRunMax || endsFeedRun(posts[i].File) {
			return i + 1
		}
	}
	return len(posts)
}

// endsFeedRun reports whether a run ends after the post of file: FNV-1a of
// its name, a multiple of feedRunPosts.
func endsFeedRun(file string) bool {
	h := uint32(2166136261)
	for i := 0; i < len(file); i++ {
		h ^= uint32(file[i])
		h *= 16777619
	}
	return h%feedRunPosts == 0
}

// entryPieceAt is where the pieces of a feed's entry i begin in its
// entries (see entryPieces): the entries with their text have two.
func entryPieceAt(i int, fe feedParts) int {
	if fe.text {
		return i + min(i, feedFullPosts)
	}
	return i
}

// feedRuns cuts posts' entries into runs, taking each run of prev (the runs
// of the feed replaced, made of prevEntries) whose entries are the same
// pieces, and making the others of b's renders. entries are posts'
// pieces (entryPieces).
func (b *blog) feedRuns(posts []*content.Post, fe feedParts, entries []piece, prev []feedRun, prevEntries []piece) []feedRun {
	byFirst := make(map[string]*feedRun, len(prev))
	for i := range prev {
		byFirst[prev[i].first] = &prev[i]
	}
	var runs []feedRun
	for s := 0; s < len(posts); {
		e := feedRunEnd(posts, s, fe)
		at := entryPieceAt(s, fe)
		r := feedRun{first: posts[s].File, posts: e - s, at: at, n: entryPieceAt(e, fe) - at, text: fe.text && s < feedFullPosts}
		if old := byFirst[r.first]; old != nil && old.posts == r.posts && old.text == r.text && old.n == r.n &&
			samePieces(prevEntries[old.at:old.at+old.n], entries[r.at:r.at+r.n]) {
			r.bytes, r.keep = old.bytes, old.keep
		} else {
			r.bytes = b.feedRunBytes(posts[s:e], r.text)
		}
		runs = append(runs, r)
		s = e
	}
	return runs
}

// runsFit reports whether runs are laid out as feedRuns lays out the runs
// of a feed of posts posts: one after another from the first, each where
// its first post's entries are, the entries with their text apart. A feed
// taken whole is walked by its runs (feedEntriesHeld), and the runs a
// cache file gives are checked one by one when read (decodeFeed), not
// together.
func runsFit(runs []feedRun, posts int, fe feedParts) bool {
	s := 0
	for _, r := range runs {
		if r.posts <= 0 || r.posts > posts-s || r.text != (fe.text && s < feedFullPosts) ||
			r.at != entryPieceAt(s, fe) || r.n != entryPieceAt(s+r.posts, fe)-r.at {
			return false
		}
		s += r.posts
	}
	return s == posts
}

// feedRunBytes is a run of posts' entries as a feed holds them: each after
// a newline, with its text if text.
func (b *blog) feedRunBytes(posts []*content.Post, text bool) []byte {
	entries := make([][]byte, len(posts))
	size := 0
	for i, p := range posts {
		e := b.part(p)
		entries[i] = e.atom
		if text {
			entries[i] = b.atomEntry(p, e.summary, e.searchable)
		}
		size += 1 + len(entries[i])
	}
	out := make([]byte, 0, size)
	for _, e := range entries {
		out = append(out, '\n')
		out = append(out, e...)
	}
	return out
}

// feedEntriesHeld are the bytes of runs that say each post's entry, for
// the entries held without their text (nil for the others): what the feed
// of posts, made of runs, holds of them.
func (b *blog) feedEntriesHeld(runs []feedRun, posts []*content.Post) [][]byte {
	held := make([][]byte, len(posts))
	i := 0
	for _, r := range runs {
		if r.text {
			i += r.posts
			continue
		}
		off := 0
		for range r.posts {
			off++ // the newline before it
			n := len(b.part(posts[i]).atom)
			held[i] = r.bytes[off : off+n : off+n]
			off += n
			i++
		}
	}
	return held
}
