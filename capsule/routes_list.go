package capsule

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// A Route is one address a Store answers, for capsuled -routes: what an
// operator publishes, redirects included, without crawling it.
type Route struct {
	Protocol string // "gemini" or "gopher"
	Address  string // a Gemini path or a Gopher selector, as requested
	// Status is the Gemini status (20, 31); 0 on Gopher, which has none.
	Status int
	// Target is where a redirect leads (Gemini's 31), or, for an address
	// answered by search or for the author only, what answers it.
	Target string
}

// Routes are every address s answers with a page of its own, Gemini then
// Gopher, each sorted: the pages, files, feeds and redirects; search and
// the drafts, which answer a family of addresses, once each.
func (s *Store) Routes() []Route {
	var out []Route
	for path, r := range s.gemini {
		rt := Route{Protocol: "gemini", Address: path, Status: int(r.Status)}
		if r.Status/10 == 3 {
			rt.Target = r.Meta
		}
		out = append(out, rt)
	}
	searches := slices.Sorted(maps.Keys(s.searches))
	for _, path := range searches {
		out = append(out, Route{Protocol: "gemini", Address: path, Status: 10, Target: "search: a query, then its results"})
	}
	if len(s.drafts) > 0 {
		out = append(out, Route{Protocol: "gemini", Address: draftsPath, Status: 20, Target: "the author's drafts (60 or 61 for anyone else)"})
		for path := range s.drafts {
			if path != draftsPath {
				out = append(out, Route{Protocol: "gemini", Address: path, Status: 20, Target: "for the author only"})
			}
		}
	}
	if s.Site.Titan {
		// Read from disk when asked for: one line for them all.
		out = append(out, Route{Protocol: "gemini", Address: sourcesPath + "/", Status: 20,
			Target: fmt.Sprintf("the posts' sources (%d), for the author only, who uploads over Titan to the same addresses", len(s.sources))})
	}
	gemini := len(out)
	for sel := range s.gopher {
		out = append(out, Route{Protocol: "gopher", Address: sel})
	}
	for _, sel := range searches {
		out = append(out, Route{Protocol: "gopher", Address: sel, Target: "search: a query, then its results"})
	}
	byAddress := func(a, b Route) int { return strings.Compare(a.Address, b.Address) }
	slices.SortFunc(out[:gemini], byAddress)
	slices.SortFunc(out[gemini:], byAddress)
	return out
}
