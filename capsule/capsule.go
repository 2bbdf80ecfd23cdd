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
		case !st.Site.ServesGemini(string(r.Host), r.Port):
			return st.geminiWrongHost
		case isDraftPath(r.Path):
			return st.geminiDraft(string(r.Path), cert)
		}
		if resp, ok := st.gemini[string(r.Path)]; ok {
			return resp
		}
		if s, ok := st.searches[string(r.Path)]; ok {
			return st.geminiSearch(s, string(r.RawQuery))
		}
		return geminiNotFoundFor(st, r.Path)
	}
	r, refused := gemini.ParseRequest(line)
	switch {
	case refused != nil:
		return refused
	case !st.Site.ServesGemini(r.Host, r.Port):
		return st.geminiWrongHost
	case st.searches[r.Path] != nil:
		return st.geminiSearch(st.searches[r.Path], r.RawQuery)
	case isDraftPath(r.Path):
		return st.geminiDraft(r.Path, cert)
	}
	if resp, ok := st.Gemini(r.Path); ok {
		return resp
	}
	return geminiNotFoundFor(st, r.Path)
}

// geminiSearch asks for a query of s (status 10) or answers one.
func (st *Store) geminiSearch(s *searcher, rawQuery string) *gemini.Response {
	if rawQuery == "" {
		return s.ask
	}
	query, ok := searchQuery(rawQuery)
	if !ok {
		return s.badQuery
	}
	if search.CheckQuery(query) != nil {
		return s.tooLong
	}
	hits, more := s.find(st.search, query)
	return geminiPage(s.results.site.Lang, s.results.searchGemtext(query, hits, more))
}

// Gopher answers a request, and says for the log what the answer is: "ok",
// "search", "redirect" or "notfound". Gopher+ requests get plain Gopher0
// answers, except the root's "\t$", which some clients send first. "URL:"
// selectors get a page that redirects to the URL.
func (c *Capsule) Gopher(r *gopher.Request) ([]byte, string) {
	st := c.store.Load()
	if s := st.searcherOf(r.Selector); s != nil {
		if search.CheckQuery(r.Search) != nil {
			return s.gopherTooLong, "search"
		}
		hits, more := s.find(st.search, r.Search)
		return s.results.searchMenu(r.Search, hits, more), "search"
	}
	if b, ok := st.Gopher(r.Selector); ok {
		if r.Plus == "$" && (r.Selector == "" || r.Selector == "/") {
			return st.gopherPlusRoot, "ok"
		}
		return b, "ok"
	}
	if target, ok := gopher.RedirectTarget(r.Selector); ok {
		return gopher.RedirectPage(target, st.redirectWords), "redirect"
	}
	return st.gopherNotFoundFor(r.Selector), "notfound"
}
