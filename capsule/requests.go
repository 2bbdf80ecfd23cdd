package capsule

import (
	"bytes"

	"capsule/capsule/gemini"
	"capsule/gopher"
)

// What a server in front of a Capsule needs to know of a request before it
// is answered. Searches cost more of a client's rate than a page (they are
// rendered per request); only draft pages look at the client's
// certificate, and reading it for every request would cost the serving
// path.

// IsGeminiSearch reports whether a Gemini request line asks a search query.
// A language's search ("/fr/search") is one too: any path ending in
// searchPath with a query counts, which is cheap and over-approximates.
func IsGeminiSearch(line []byte) bool { return gemini.HasQuerySuffix(line, searchPath) }

// IsGopherSearch reports whether a Gopher request asks a search query.
func IsGopherSearch(r *gopher.Request) bool {
	return mayBeSearchSelector(r.Selector) && r.Search != ""
}

// MayNeedCertificate reports whether a Gemini request line may name a draft,
// which GeminiFor answers by the client's certificate. It is a cheap
// over-approximation: a request for a draft in an encoded form is refused
// 60 by GeminiFor, never served.
func MayNeedCertificate(line []byte) bool { return bytes.Contains(line, []byte(draftsDir)) }

// GopherSlowDown is the Gopher answer to a client over its rate.
func (s *Store) GopherSlowDown() []byte { return s.gopherSlowDown }
