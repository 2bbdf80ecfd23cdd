package capsule

import (
	"context"
	"io"
	"net/url"
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
	resp := c.geminiResponse(r.URL)
	w.WriteHeader(resp.Status, resp.Meta)
	w.Write(resp.Body)
}

// Responses that do not depend on the Store.
var (
	geminiOtherScheme = &GeminiResponse{Status: gemini.StatusProxyRequestRefused, Meta: "Only gemini:// URLs are served here"}
	geminiNotFound    = &GeminiResponse{Status: gemini.StatusNotFound, Meta: "Not found"}
	geminiAskSearch   = &GeminiResponse{Status: gemini.StatusInput, Meta: "Search the posts (Japanese or English)"}
	geminiBadQuery    = &GeminiResponse{Status: gemini.StatusBadRequest, Meta: "Bad percent-encoding in the query"}
)

// geminiResponse looks up the response to a request URL. Only search
// results are rendered here; everything else was rendered by Build.
func (c *Capsule) geminiResponse(u *url.URL) *GeminiResponse {
	st := c.store.Load()
	switch {
	case u.Scheme != "gemini":
		return geminiOtherScheme
	case !strings.EqualFold(u.Hostname(), st.Site.Hostname),
		u.Port() != "" && u.Port() != strconv.Itoa(st.Site.GeminiPort):
		return &GeminiResponse{Status: gemini.StatusProxyRequestRefused, Meta: "This server is " + st.Site.GeminiURL("/")}
	case u.Path == searchPath:
		return st.geminiSearch(u.RawQuery)
	}
	if resp, ok := st.Gemini(u.Path); ok {
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

// ServeGopher answers a Gopher request from the Store.
func (c *Capsule) ServeGopher(w io.Writer, r *gopher.Request) {
	b, _ := c.gopherResponse(r)
	w.Write(b)
}

// gopherResponse looks up the response to a request, and says for the log
// what it is: "ok", "search", "redirect" or "notfound". Gopher+ requests get
// plain Gopher0 answers, except the root's "\t$", which some clients send
// first. "URL:" selectors get a page that redirects to the URL.
func (c *Capsule) gopherResponse(r *gopher.Request) ([]byte, string) {
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
