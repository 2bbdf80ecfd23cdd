package capsule

import "capsule/capsule/gemini"

// langNotFound is the not-found answer of a multilingual site's language
// in its folder ("/fr"): an address under it that is not served is
// answered in its language, with a way to its home. The site's own
// answer (Store.geminiNotFound) is the root language's.
type langNotFound struct {
	dir    string
	gemini *gemini.Response
	gopher []byte
}

// notFoundUnder is the answer of the language whose folder path is under,
// nil when none: a path or selector (with its leading "/" or without), as
// a string or the bytes of one (the comparison converts nothing).
func notFoundUnder[P ~string | ~[]byte](answers []langNotFound, path P) *langNotFound {
	for i := range answers {
		d := answers[i].dir
		if len(path) > 0 && path[0] != '/' {
			d = d[1:] // a Gopher selector without its leading "/"
		}
		if len(path) >= len(d) && string(path[:len(d)]) == d && (len(path) == len(d) || path[len(d)] == '/') {
			return &answers[i]
		}
	}
	return nil
}

// geminiNotFoundFor is the 51 for a path.
func geminiNotFoundFor[P ~string | ~[]byte](st *Store, path P) *gemini.Response {
	if a := notFoundUnder(st.langNotFound, path); a != nil {
		return a.gemini
	}
	return st.geminiNotFound
}

// gopherNotFoundFor is the error menu for a selector.
func (st *Store) gopherNotFoundFor(selector string) []byte {
	if a := notFoundUnder(st.langNotFound, selector); a != nil {
		return a.gopher
	}
	return st.gopherNotFound
}

// languagesNotFound makes the not-found answers of blogs' languages in
// their folders whose text is not the root's, rootText.
func languagesNotFound(blogs []*blog, rootText string) []langNotFound {
	var out []langNotFound
	for _, lb := range blogs {
		text := lb.site.Messages.NotFound
		if lb.dir == "" || text == rootText {
			continue
		}
		out = append(out, langNotFound{dir: lb.dir, gemini: gemini.NewResponse(gemini.StatusNotFound, text, nil), gopher: lb.errorMenu(text)})
	}
	return out
}
