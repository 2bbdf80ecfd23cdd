package capsule_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"capsule/capsule"
	"capsule/capsule/internal/servetest"
)

// Store.Routes, what capsuled -routes prints, is what readers reach: every
// page a crawl of both protocols finds is listed, and every address
// listed answers as listed.
func TestRoutesAreWhatIsServed(t *testing.T) {
	d := servetest.Start(t, nil)
	routes := d.Capsule().Store().Routes()
	listed := make(map[string]capsule.Route)
	for _, r := range routes {
		listed[r.Protocol+":"+r.Address] = r
	}
	for addr := range servetest.Crawl(t, d, 500) {
		proto, path, _ := strings.Cut(addr, ":")
		// Gemini paths and Gopher selectors are listed decoded; both
		// answer their percent-encoded form too, as menus and links write
		// it.
		if p, err := url.PathUnescape(path); err == nil {
			path = p
		}
		if path == "" {
			path = "/"
		}
		if _, ok := listed[proto+":"+path]; !ok {
			t.Errorf("the crawl reached %s, which Routes does not list", addr)
		}
	}
	for _, r := range routes {
		switch {
		case r.Protocol == "gemini" && r.Address != "/search" && !strings.HasPrefix(r.Address, "/drafts/"):
			status, meta, _ := servetest.GeminiGet(t, d, (&url.URL{Path: r.Address}).EscapedPath())
			if int(status) != r.Status || r.Status == 31 && !strings.HasSuffix(meta, strings.TrimPrefix(r.Target, "gemini://localhost")) {
				t.Errorf("gemini %s: %d %s, listed as %d %s", r.Address, status, meta, r.Status, r.Target)
			}
		case r.Protocol == "gopher" && r.Address != "/search":
			if body := servetest.GopherGet(t, d, r.Address+"\r\n"); body == "" || strings.HasPrefix(body, "3") {
				t.Errorf("gopher %s: %.80q", r.Address, body)
			}
		}
	}
	if !slices.ContainsFunc(routes, func(r capsule.Route) bool { return r.Protocol == "gemini" && r.Address == "/" && r.Status == 20 }) {
		t.Error("the home page is not listed")
	}
}
