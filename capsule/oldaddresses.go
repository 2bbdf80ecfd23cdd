package capsule

import (
	"path"
	"slices"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/gopher"
)

// Old addresses: where a post was read on the web before, which Gemini
// answers with a permanent redirect (31) to the post's page and Gopher
// with the post's text. They are a post's front matter's (aliases,
// redirect_from, url, permalink) and its generator's (Post.Addresses:
// Hugo's /posts/hello/, Jekyll's /2014/09/02/hello.html), each also in
// the forms a reader or a link may give it: with and without its
// trailing slash, and a folder's with index.html.
//
// They are claimed last, after every page, tag, file and capsule's own
// pages: an old address never takes what another answers. Of two posts
// claiming one, the front matter's wins over the generator's, a post's
// own forms over the other forms, a published post over a scheduled one,
// then the post listed first.

// oldAddress is an old address as claimed: its path (decoded, as
// requests are looked up), whether it is the generator's, and whether it
// is another form of an address (quiet: not warned about when taken).
type oldAddress struct {
	path      string
	generated bool
	quiet     bool
}

// Stages of a post's old addresses, in the order they are claimed (see
// oldAddresses).
const (
	asWritten   = iota // the front matter's and the generator's
	otherForms         // their other forms (addressForms)
	withoutHTML        // a Jekyll site's: those ending in .html without it
)

// oldAddressStages are the stages r claims: withoutHTML on a site whose
// server answers them (routes.bareHTML) alone.
func (r *routes) oldAddressStages() []int {
	if r.bareHTML {
		return []int{asWritten, otherForms, withoutHTML}
	}
	return []int{asWritten, otherForms}
}

// oldAddressPasses are the stages r claims, each of the front matter's
// addresses, then of the generator's.
func (r *routes) oldAddressPasses() []oldAddressPass {
	var out []oldAddressPass
	for _, stage := range r.oldAddressStages() {
		out = append(out, oldAddressPass{false, stage}, oldAddressPass{true, stage})
	}
	return out
}

type oldAddressPass struct {
	generated bool
	stage     int
}

// oldAddresses are the old addresses of p at a stage: its front
// matter's and its generator's (generated) as written; their other
// forms; those ending in .html without it (/old of /old.html, which
// Jekyll's server, jekyll serve's servlet, and GitHub Pages answer with
// old.html when nothing is at /old), and without it with a trailing
// slash (/old/, which jekyll serve answers with old.html too, WEBrick
// taking the "/" after old as path info; GitHub Pages does not): last,
// and quiet.
func oldAddresses(p *content.Post, generated bool, stage int) []oldAddress {
	list := p.Aliases
	if generated {
		list = p.Addresses
	}
	var out []oldAddress
	for _, a := range list {
		key := aliasKey(a)
		switch stage {
		case asWritten:
			out = append(out, oldAddress{path: key, generated: generated})
		case otherForms:
			for _, f := range addressForms(key) {
				out = append(out, oldAddress{path: f, generated: generated, quiet: true})
			}
		case withoutHTML:
			if bare, ok := strings.CutSuffix(key, ".html"); ok && path.Base(bare) != "index" && !strings.HasSuffix(bare, "/") {
				out = append(out, oldAddress{path: bare, generated: generated, quiet: true},
					oldAddress{path: bare + "/", generated: generated, quiet: true})
			}
		}
	}
	return out
}

// langDirOf is the folder of the language (not the one at the top) that
// the path a is under ("/ja" of "/ja/archives/"), "" for none.
func (st *Store) langDirOf(a string) string {
	for _, l := range st.languages {
		if l.Dir != "" && strings.HasPrefix(a, l.Dir+"/") {
			return l.Dir
		}
	}
	return ""
}

// addressForms are the other forms of an address a reader or a link may
// give: "/hello/" is also "/hello" and "/hello/index.html"; "/hello"
// (no extension) also "/hello/" and "/hello/index.html";
// "/hello/index.html" also "/hello/" and "/hello". A file's address
// ("/2014/09/02/hello.html") has none.
func addressForms(a string) []string {
	switch {
	case a == "/":
		return nil
	case a == "/index.html":
		return nil // the top's: "/" is the capsule's home
	case strings.HasSuffix(a, "/index.html"):
		dir := strings.TrimSuffix(a, "index.html")
		return []string{dir, strings.TrimSuffix(dir, "/")}
	case strings.HasSuffix(a, "/"):
		return []string{strings.TrimSuffix(a, "/"), a + "index.html"}
	case !strings.Contains(path.Base(a), "."):
		return []string{a + "/", a + "/index.html"}
	}
	return nil
}

// serveOldAddresses claims the old addresses of the posts served (whose
// text is st.gopher's at their selector) and answers them, claims those
// of the scheduled posts, which will be answered at their date, and
// answers those of themes' layout stubs (a Hugo theme's archives.md at
// /archives/) with the capsule's page that serves them.
func (st *Store) serveOldAddresses(r *routes, served, scheduled []*content.Post, stubs map[*content.Post]builtinPage) {
	site := &st.Site
	// One redirect per post, whichever of its old addresses is asked for.
	redirects := make(map[*content.Post]*gemini.Response)
	redirect := func(p *content.Post) *gemini.Response {
		if redirects[p] == nil {
			redirects[p] = gemini.NewResponse(gemini.StatusPermanentRedirect, site.GeminiLinkURL(postGeminiLink(p)), nil)
		}
		return redirects[p]
	}
	defer func() {
		for p, stubPage := range stubs {
			for _, stage := range r.oldAddressStages() {
				for _, old := range slices.Concat(oldAddresses(p, false, stage), oldAddresses(p, true, stage)) {
					page := stubPage
					if d := st.langDirOf(old.path); d != "" && d != p.LangDir {
						// A copy of the stub in another language's folder
						// (jekyll-polyglot's /ja/archives/ of an English
						// archives.md) stands for that language's page.
						page.gemini = d + strings.TrimPrefix(page.gemini, p.LangDir)
						page.gopher = d + strings.TrimPrefix(page.gopher, p.LangDir)
					}
					if old.path == page.gemini || old.path == page.gopher {
						// The capsule's page itself (Chirpy's
						// _tabs/tags.md at /tags/): it answers there
						// already, as the stub's links lead; no word
						// if it is taken (on the protocol where it is
						// not, /ja/archive on Gemini, it leads there).
						old.quiet = true
					}
					gem, goph := r.alias(old, p.File)
					if gem {
						st.gemini[old.path] = gemini.NewResponse(gemini.StatusPermanentRedirect, site.GeminiLinkURL(page.gemini), nil)
					}
					if !goph {
						continue
					}
					if b := st.builtinMenu(page); b != nil {
						st.gopher[old.path] = b
					}
				}
			}
		}
	}()
	for _, pass := range r.oldAddressPasses() {
		for _, p := range served {
			for _, old := range oldAddresses(p, pass.generated, pass.stage) {
				gem, goph := r.alias(old, p.File)
				if gem {
					st.gemini[old.path] = redirect(p)
					if !old.quiet {
						st.Redirects++
						st.OldAddresses = append(st.OldAddresses, Redirect{From: old.path, To: postGeminiPath(p), File: p.File})
					}
				}
				if goph {
					st.gopher[old.path] = st.gopher[postGopherSelector(p)]
				}
			}
		}
		for _, p := range scheduled {
			for _, old := range oldAddresses(p, pass.generated, pass.stage) {
				r.alias(old, p.File)
			}
		}
	}
}

// builtinMenu is what Gopher answers at an address that stands for the
// capsule's page page (a theme's layout page's): the page's menu, or for
// the search, which is asked and not held, a menu that offers it; nil
// when neither is there.
func (st *Store) builtinMenu(page builtinPage) []byte {
	if b, ok := st.gopher[page.gopher]; ok {
		return b
	}
	if page.gopherType != gopher.TypeSearch {
		return nil
	}
	msg := st.Site.Messages
	if s := st.searches[page.gopher]; s != nil {
		msg = s.results.site.Messages
	}
	m := gopher.NewMenu(st.Site.Hostname, st.Site.GopherPort)
	m.Item(gopher.TypeSearch, msg.Search, page.gopher)
	return m.Bytes()
}
