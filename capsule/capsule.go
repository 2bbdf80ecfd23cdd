package capsule

import (
	"crypto/x509"
	"sync/atomic"

	"capsule/gopher"

	"capsule/capsule/gemini"
	"capsule/capsule/search"
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

// Gemini answers a request line (without its CRLF) from a client without
// a certificate. Only search results are rendered here; everything else
// was rendered by Build.
func (c *Capsule) Gemini(line []byte) *gemini.Response { return c.GeminiFor(line, nil) }

// GeminiFor answers a request line from a client that showed cert (nil:
// none), which only the drafts look at.
func (c *Capsule) GeminiFor(line []byte, cert *x509.Certificate) *gemini.Response {
	st := c.store.Load()
	var scratch [gemini.MaxRequest]byte
	if r, ok := gemini.ParsePlain(line, scratch[:]); ok {
		switch {
		case !st.Site.servesGemini(string(r.Host), r.Port):
			return st.geminiWrongHost
		case isDraftPath(r.Path):
			return st.geminiDraft(string(r.Path), cert)
		case string(r.Path) != searchPath:
			if resp, ok := st.gemini[string(r.Path)]; ok {
				return resp
			}
			return st.geminiNotFound
		}
		return st.geminiSearch(string(r.RawQuery))
	}
	r, refused := gemini.ParseRequest(line)
	switch {
	case refused != nil:
		return refused
	case !st.Site.servesGemini(r.Host, r.Port):
		return st.geminiWrongHost
	case r.Path == searchPath:
		return st.geminiSearch(r.RawQuery)
	case isDraftPath(r.Path):
		return st.geminiDraft(r.Path, cert)
	}
	if resp, ok := st.Gemini(r.Path); ok {
		return resp
	}
	return st.geminiNotFound
}

// geminiSearch asks for a query (status 10) or answers one.
func (st *Store) geminiSearch(rawQuery string) *gemini.Response {
	if rawQuery == "" {
		return st.geminiAskSearch
	}
	query, ok := searchQuery(rawQuery)
	if !ok {
		return st.geminiBadQuery
	}
	if search.CheckQuery(query) != nil {
		return st.geminiTooLong
	}
	hits, more := st.search.Search(query)
	return geminiPage(st.Site.Lang, st.results.searchGemtext(query, hits, more))
}

// Gopher answers a request, and says for the log what the answer is: "ok",
// "search", "redirect" or "notfound". Gopher+ requests get plain Gopher0
// answers, except the root's "\t$", which some clients send first. "URL:"
// selectors get a page that redirects to the URL.
func (c *Capsule) Gopher(r *gopher.Request) ([]byte, string) {
	st := c.store.Load()
	if isSearchSelector(r.Selector) {
		if search.CheckQuery(r.Search) != nil {
			return st.gopherTooLong, "search"
		}
		hits, more := st.search.Search(r.Search)
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
