package capsule

import (
	"net/url"
	"strings"
	"time"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/messages"
	"capsule/capsule/search"
	"capsule/gopher"
)

// Store holds every response of the capsule, pre-rendered. It is built once
// by Build and never modified, so any number of goroutines may read it.
type Store struct {
	// Site is the site the store was built for: its names and ports.
	Site Site

	gemini map[string]*gemini.Response // by URL path, "/" for the home page
	gopher map[string][]byte           // by selector, with its leading "/"

	geminiWrongHost *gemini.Response     // 53, naming this capsule
	geminiNotFound  *gemini.Response     // 51
	langNotFound    []langNotFound       // a language's in its folder (notfound.go)
	messages        messages.Messages    // of the site's own answers (Messages)
	redirectWords   gopher.RedirectWords // of the page a gopher URL: selector answers
	// searches are the capsule's searches by Gemini path, which is their
	// Gopher selector too: the site's at searchPath and, in a
	// multilingual site, each language's in its folder ("/fr/search").
	searches map[string]*searcher

	drafts              map[string]*gemini.Response // by path under draftsPath: for authors only
	sources             map[string]source           // by address, when the site takes uploads (sources.go)
	draftsCertRequired  *gemini.Response            // 60
	draftsNotAuthorized *gemini.Response            // 61
	draftsRedirect      *gemini.Response            // 31 from draftsDir to draftsPath, for an author
	gopherNotFound      []byte                      // an error menu
	gopherSlowDown      []byte                      // an error menu for a client over its rate
	gopherPlusRoot      []byte                      // the answer to a Gopher+ "\t$" on the root

	search  *search.Index // over every post, in the order of results.posts
	results *blog         // what result pages need of the posts (each language's side by side)
	renders renderCache   // every post's pieces, for the next Build
	// atoms holds each listed post's entry in feeds, without its text (by
	// its file), for the next Build: the bytes of its blog's feed that say
	// it, where the feed has it so, else a copy of its own (atom.go,
	// holdFeedEntries). Kept in the post's arena, they were a copy of what
	// the feed holds (9.5 MiB at 10,000 posts).
	atoms  map[string][]byte
	markup content.Markup // the dialect they were read in: another one renders all anew
	// languages are the settings of a multilingual site's languages
	// (titles, descriptions, folders), which each language's every page
	// shows: others render them all anew (sameSettings).
	languages []content.Language
	// draftRenders are every draft's and scheduled post's page, for the
	// next Build: apart from renders, since a scheduled post becomes a
	// post at its date without any change of its own.
	draftRenders renderCache
	tagPages     map[string]*tagPages  // every tag's pages, for the next Build
	blogPages    map[string]*blogPages // each blog's home, archive, tags and feed, by its folder, for the next Build
	// packer packed the posts' responses into arenas: the next Build
	// fills on where it stopped (arena.go).
	packer *packer
	// retried is set when the build took more than one pass (a post
	// failed, and was left out or kept in its last good version): the
	// next Build builds even if nothing changed.
	retried bool

	// Posts and Tags count what was built; Warnings is what the build noticed
	// but did not stop for; BuildTime how long Build took.
	Posts int
	Tags  int
	// Languages are a multilingual site's, each with what it has; none
	// for a site of one language.
	Languages []LanguageCount
	Redirects int // old addresses of posts answered
	Drafts    int // drafts, for their authors only (not the scheduled or expired posts)
	// OldAddresses are those old addresses, by address: what
	// capsuled -check -v lists, so that an author sees every old link
	// that keeps working.
	OldAddresses []Redirect
	Rendered     int // posts and pages rendered by this build, not taken from the previous Store
	// Retitled are the posts and pages taken from the previous Store,
	// built for another title of the site, with their pages' tails and
	// menus made anew (retitle.go): their records are not the previous
	// Store's, nor a build cache's written from it.
	Retitled int
	// Rewrapped are the posts and pages taken from the previous Store,
	// built for another Gopher width, with their Gopher texts rendered
	// anew (rewrap.go).
	Rewrapped int
	// Kept is set when the build found nothing changed and kept the
	// previous Store whole: what it holds is that Store's, shared.
	Kept bool
	// Held is the bytes of every response the Store holds, each shared
	// array once: the least memory the capsule can take.
	Held int64
	// Scheduled are the posts dated in the future, soonest first.
	Scheduled []ScheduledPost
	// nextChange is when what the Store serves would change by itself
	// (see NextChange).
	nextChange time.Time
	Warnings   []*content.FileError
	// Problems are what was left out, each naming its file and line:
	// posts, pages, drafts and files that could not be loaded or built
	// (Build), and tags no client can ask for. The rest is served.
	Problems  content.ErrorList
	BuildTime time.Duration
}

// Redirect is an old address of a post (its aliases, redirect_from, a
// generator's address): Gemini answers 31 to the post's page, Gopher
// serves the post's text under the old selector.
type Redirect struct {
	From string // the old address, a path: "/2014/09/02/hello.html"
	To   string // the post's Gemini path: "/posts/hello.gmi"
	File string // the post's file
}

// ScheduledPost is a post waiting for its date.
type ScheduledPost struct {
	File, Title string
	At          time.Time
}

// NextChange is the soonest time at which the posts folder the Store was
// built from would publish differently by itself, with no file changed:
// a scheduled post's date or a published post's expiryDate. A build after
// it serves the change; zero when nothing is to come.
func (s *Store) NextChange() time.Time { return s.nextChange }

// Gemini returns the response for a URL path ("" is "/").
func (s *Store) Gemini(path string) (*gemini.Response, bool) {
	if path == "" {
		path = "/"
	}
	r, ok := s.gemini[path]
	return r, ok
}

// Gopher returns the response for a selector. The root is "" or "/"; other
// selectors are found with or without their leading "/", and
// percent-encoded or not.
func (s *Store) Gopher(selector string) ([]byte, bool) {
	if selector == "" || selector[0] != '/' {
		// "/" put before it on the stack, not by a concatenation
		// that allocates: a map lookup by string(bytes) copies nothing.
		var buf [256]byte
		key := append(append(buf[:0], '/'), selector...)
		if b, ok := s.gopher[string(key)]; ok || strings.IndexByte(selector, '%') < 0 {
			return b, ok
		}
		selector = string(key) // encoded: decoded below
	}
	b, ok := s.gopher[selector]
	if !ok && strings.IndexByte(selector, '%') >= 0 {
		if decoded, err := url.PathUnescape(selector); err == nil {
			b, ok = s.gopher[decoded]
		}
	}
	return b, ok
}

// Messages are the texts of the site's own answers, beside its pages (not
// found, the drafts' certificate, uploads): those of the language served
// at the root, which in a multilingual site may not be Site's.
func (s *Store) Messages() messages.Messages { return s.messages }

// lastGood is the post of file as s rendered it, for a build that cannot
// render it now; nil when s has none (or s is nil).
func (s *Store) lastGood(file string) *content.Post {
	if s == nil {
		return nil
	}
	for _, c := range []renderCache{s.renders, s.draftRenders} {
		if r := c[file]; r != nil && r.disk == nil { // not a cache's: it has no post
			p := *r.post
			return &p
		}
	}
	return nil
}
