package capsule

import (
	"strconv"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/messages"
	"capsule/capsule/search"
)

// searchTooLong answers a query longer than search takes, on both
// protocols.
func searchTooLong(msg messages.Messages) string {
	return messages.Format(msg.SearchTooLong, "max", strconv.Itoa(search.MaxQueryRunes))
}

// searchSummary is the line above search results, on both protocols. more
// with fewer than search.MaxResults posts found means the search stopped
// early, at its budget.
func searchSummary(msg messages.Messages, query string, found int, more bool) string {
	text := msg.SearchFound
	switch {
	case found == 0 && more:
		text = msg.SearchStoppedNone
	case found == 0:
		text = msg.SearchNone
	case more && found < search.MaxResults:
		text = msg.SearchStopped
	case more:
		text = msg.SearchMore
	}
	return messages.Format(text, "query", query, "count", strconv.Itoa(found))
}

// shownQuery is a query as the page of its results shows it: without
// the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), which would reorder the page's own words around it. A
// link to a search, sent to someone, would otherwise show them a
// heading and a summary that read as the sender chose. The search
// itself takes the query as it was sent; the marks U+200E and U+200F,
// which only mark a direction, stay.
func shownQuery(q string) string {
	if !strings.ContainsFunc(q, isBidiControl) {
		return q
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, q)
}

// isBidiControl reports whether r is a bidirectional embedding,
// override or isolate, or the end of one.
func isBidiControl(r rune) bool {
	return '\u202a' <= r && r <= '\u202e' || '\u2066' <= r && r <= '\u2069'
}

// mayBeSearchSelector reports whether a Gopher selector may be a
// search's, the site's or a language's, with or without its leading
// slash: an over-approximation that needs no Store.
func mayBeSearchSelector(sel string) bool {
	return strings.HasSuffix(sel, searchPath) || sel == searchPath[1:]
}

// searcher is one of a Store's searches: the site's, over every post, or
// a language's, over its posts only, in its messages, under its folder.
type searcher struct {
	lo, hi int // the posts it searches, in Store.search's order
	// order, when set, names the posts it searches instead (a
	// jekyll-polyglot language's, with those copied into it), in
	// Store.search's order: results.posts[k] is post order[k].
	order   []int
	results *blog // what its result pages need: results.posts[0] is post lo

	ask      *gemini.Response // 10, the search prompt
	badQuery *gemini.Response // 59, a query not percent-encoded right
	tooLong  *gemini.Response // 59, a query over search.MaxQueryRunes
	// gopherTooLong is an error menu for a query over search.MaxQueryRunes.
	gopherTooLong []byte
}

// newSearches makes st's searches once st.results is set: the site's at
// searchPath, and each language's in its folder (blogs, a multilingual
// site's), the default language's at searchPath instead of the site's
// when it is served at the root; a site of one language has the site's
// only. Every language's posts are side by side in st.results.posts,
// in blogs' order. A jekyll-polyglot language's search finds the posts
// its lists have (blog.listed: the copies from other languages too, as
// a theme's search index of the language's site.posts has them), in
// their order, each linked where its own language renders it.
func (st *Store) newSearches(site *blog, blogs []*blog) map[string]*searcher {
	searches := map[string]*searcher{searchPath: newSearcher(site, st.results.posts, 0)}
	var at map[*content.Post]int // the site's posts' places, made for a polyglot site's lists
	lo := 0
	for _, lb := range blogs {
		hi := lo + len(lb.posts)
		switch {
		case lb == site:
		case lb.listed != nil:
			if at == nil {
				at = make(map[*content.Post]int, len(site.posts))
				for i, p := range site.posts {
					at[p] = i
				}
			}
			// As many as the language's lists: a post and the copies
			// PolyglotCopies bounds.
			order := make([]int, 0, len(lb.listed))
			posts := make([]*content.Post, 0, len(lb.listed))
			for _, p := range lb.listed {
				if i, ok := at[p]; ok {
					order = append(order, i)
					posts = append(posts, st.results.posts[i])
				}
			}
			results := &blog{site: lb.site, posts: posts, dir: lb.dir}
			s := newSearcher(results, posts, 0)
			s.order = order
			searches[lb.dir+searchPath] = s
		default:
			// The default language at the root searches its own posts
			// there, as every other language does in its folder.
			results := &blog{site: lb.site, posts: st.results.posts[lo:hi], dir: lb.dir}
			searches[lb.dir+searchPath] = newSearcher(results, results.posts, lo)
		}
		lo = hi
	}
	return searches
}

// newSearcher is the search of results' posts, which are posts lo on of
// the Store's, in results' messages.
func newSearcher(results *blog, posts []*content.Post, lo int) *searcher {
	msg := results.site.Messages
	return &searcher{
		lo: lo, hi: lo + len(posts), results: results,
		ask:           gemini.NewResponse(gemini.StatusInput, msg.SearchPrompt, nil),
		badQuery:      gemini.NewResponse(gemini.StatusBadRequest, msg.SearchBadEncoding, nil),
		tooLong:       gemini.NewResponse(gemini.StatusBadRequest, searchTooLong(msg), nil),
		gopherTooLong: results.errorMenu(searchTooLong(msg)),
	}
}

// find runs query over s's posts: hits index s.results.posts.
func (s *searcher) find(idx *search.Index, query string) ([]search.Hit, bool) {
	if s.order != nil {
		return idx.SearchDocs(query, s.order) // hits are places in order
	}
	hits, more := idx.SearchRange(query, s.lo, s.hi)
	for i := range hits {
		hits[i].Doc -= s.lo
	}
	return hits, more
}

// searcherOf is the search a Gopher selector asks, with or without its
// leading slash; nil when it is none.
func (st *Store) searcherOf(sel string) *searcher {
	if !strings.HasSuffix(sel, searchPath) && sel != searchPath[1:] {
		return nil
	}
	if sel == "" || sel[0] != '/' {
		sel = "/" + sel
	}
	return st.searches[sel]
}

// searchPath is the Gemini path and Gopher selector of b's search: its
// language's in its folder, the site's at the root.
func (b *blog) searchPath() string { return b.dir + searchPath }
