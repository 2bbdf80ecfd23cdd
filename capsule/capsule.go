package capsule

import (
	"context"
	"io"
	"strconv"
	"strings"
	"sync/atomic"

	"capsule/gopher"

	"git.sr.ht/~adnano/go-gemini"
)

// Capsule serves the current Store over Gemini and Gopher. It implements
// gemini.Handler and gopher.Handler. Swap replaces the Store while requests
// are served: each request reads the pointer once and finishes on the Store
// it found.
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

// ServeGemini answers a Gemini request from the Store.
func (c *Capsule) ServeGemini(ctx context.Context, w gemini.ResponseWriter, r *gemini.Request) {
	st := c.store.Load()
	u := r.URL
	switch {
	case u.Scheme != "gemini":
		w.WriteHeader(gemini.StatusProxyRequestRefused, "Only gemini:// URLs are served here")
		return
	case !strings.EqualFold(u.Hostname(), st.Site.Hostname),
		u.Port() != "" && u.Port() != strconv.Itoa(st.Site.GeminiPort):
		w.WriteHeader(gemini.StatusProxyRequestRefused, "This server is "+st.Site.GeminiURL("/"))
		return
	}
	if u.Path == searchPath {
		c.serveGeminiSearch(st, w, u.RawQuery)
		return
	}
	resp, ok := st.Gemini(u.Path)
	if !ok {
		w.WriteHeader(gemini.StatusNotFound, "Not found")
		return
	}
	w.WriteHeader(resp.Status, resp.Meta)
	w.Write(resp.Body)
}

// serveGeminiSearch asks for a query (status 10) or answers one. Results
// are the one response not pre-rendered.
func (c *Capsule) serveGeminiSearch(st *Store, w gemini.ResponseWriter, rawQuery string) {
	if rawQuery == "" {
		w.WriteHeader(gemini.StatusInput, "Search the posts (Japanese or English)")
		return
	}
	query, ok := searchQuery(rawQuery)
	if !ok {
		w.WriteHeader(gemini.StatusBadRequest, "Bad percent-encoding in the query")
		return
	}
	hits, more := st.search.search(query)
	page := geminiPage(st.Site.Lang, st.results.searchGemtext(query, hits, more))
	w.WriteHeader(page.Status, page.Meta)
	w.Write(page.Body)
}

// ServeGopher answers a Gopher request from the Store. Gopher+ requests get
// plain Gopher0 answers, except the root's "\t$", which some clients send
// first. "URL:" selectors get a page that redirects to the URL.
func (c *Capsule) ServeGopher(w io.Writer, r *gopher.Request) {
	st := c.store.Load()
	if r.Selector == searchPath || r.Selector == searchPath[1:] {
		hits, more := st.search.search(r.Search)
		w.Write(st.results.searchMenu(r.Search, hits, more))
		return
	}
	if b, ok := st.Gopher(r.Selector); ok {
		if r.Plus == "$" && (r.Selector == "" || r.Selector == "/") {
			b = st.gopherPlusRoot
		}
		w.Write(b)
		return
	}
	if target, ok := gopher.RedirectTarget(r.Selector); ok {
		w.Write(gopher.RedirectPage(target))
		return
	}
	w.Write(st.GopherNotFound())
}
