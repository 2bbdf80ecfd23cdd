package capsule

import (
	"sync/atomic"

	"capsule/gopher"

	"git.sr.ht/~adnano/go-gemini"
)

// Capsule answers requests from the current Store. Swap replaces the Store
// while requests are served: each request reads the pointer once and
// finishes on the Store it found.
type Capsule struct {
	store atomic.Pointer[Store]
}

// New returns a Capsule serving st.
func New(st *Store) *Capsule {
	c := new(Capsule)
	c.store.Store(st)
	return c
}

// Store returns the Store being served.
func (c *Capsule) Store() *Store { return c.store.Load() }

// Swap makes st the Store being served and returns the previous one.
func (c *Capsule) Swap(st *Store) *Store { return c.store.Swap(st) }

// Responses that do not depend on the Store.
var (
	geminiNotFound  = newGeminiResponse(gemini.StatusNotFound, "Not found", nil)
	geminiAskSearch = newGeminiResponse(gemini.StatusInput, "Search the posts (Japanese or English)", nil)
	geminiBadQuery  = newGeminiResponse(gemini.StatusBadRequest, "Bad percent-encoding in the query", nil)
)

// Gemini answers a request line (without its CRLF). Only search results are
// rendered here; everything else was rendered by Build.
func (c *Capsule) Gemini(line []byte) *GeminiResponse {
	st := c.store.Load()
	var scratch [maxGeminiRequest]byte
	if path, query, ok := plainGeminiRequest(line, &st.Site, scratch[:]); ok && string(path) != searchPath {
		if resp, ok := st.gemini[string(path)]; ok {
			return resp
		}
		return geminiNotFound
	} else if ok && len(query) == 0 {
		return geminiAskSearch
	}
	target, refused := parseGeminiRequest(line, &st.Site, st.geminiWrongHost)
	switch {
	case refused != nil:
		return refused
	case target.Path == searchPath:
		return st.geminiSearch(target.RawQuery)
	}
	if resp, ok := st.Gemini(target.Path); ok {
		return resp
	}
	return geminiNotFound
}

// geminiSearch asks for a query (status 10) or answers one.
func (st *Store) geminiSearch(rawQuery string) *GeminiResponse {
	if rawQuery == "" {
		return geminiAskSearch
	}
	query, ok := searchQuery(rawQuery)
	if !ok {
		return geminiBadQuery
	}
	hits, more := st.search.search(query)
	return geminiPage(st.Site.Lang, st.results.searchGemtext(query, hits, more))
}

// Gopher answers a request, and says for the log what the answer is: "ok",
// "search", "redirect" or "notfound". Gopher+ requests get plain Gopher0
// answers, except the root's "\t$", which some clients send first. "URL:"
// selectors get a page that redirects to the URL.
func (c *Capsule) Gopher(r *gopher.Request) ([]byte, string) {
	st := c.store.Load()
	if r.Selector == searchPath || r.Selector == searchPath[1:] {
		hits, more := st.search.search(r.Search)
		return st.results.searchMenu(r.Search, hits, more), "search"
	}
	if b, ok := st.Gopher(r.Selector); ok {
		if r.Plus == "$" && (r.Selector == "" || r.Selector == "/") {
			return st.gopherPlusRoot, "ok"
		}
		return b, "ok"
	}
	if target, ok := gopher.RedirectTarget(r.Selector); ok {
		return gopher.RedirectPage(target), "redirect"
	}
	return st.GopherNotFound(), "notfound"
}
