package capsule

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/gopher"
)

// Redirect pages. A Jekyll page or post whose front matter has
// jekyll-redirect-from's redirect_to (Post.RedirectTo) is, on the web
// site, a redirect at each of its addresses, whatever its text
// (yunseo-kim's redirects/*.md, a permalink and a redirect_to each, no
// text; Jekyll's own docs/pages/redirects/github.html). capsule does
// the same: it is in no list, feed or search, has no page of its own,
// and its addresses (its front matter's and its generator's, in the
// forms old addresses are answered in) lead to its target, as a link to
// it does:
//
//   - a target on the site (a path, or a URL of the site's own url):
//     whatever capsule answers at that address, once everything else is
//     served: its redirect (a post's old address: to the post), or a
//     redirect to the address (a page, a tag, a file); on Gopher, what
//     Gopher answers there. Nothing there: the page's addresses are not
//     served, with a warning.
//   - a target elsewhere (https://…): what a link off the site is, a
//     page with the link on Gemini (a gemini:// one is a redirect), a
//     menu with the link on Gopher ("h" and a URL: selector, as
//     gopher.Menu.Link makes it).

// maxRedirectHops bounds how many redirect pages one target is followed
// through (a redirect_to to another redirect page's address, and so on):
// a chain longer, or a loop, serves none of them.
const maxRedirectHops = 8

// kindRedirectNotServed groups the warnings of redirect pages whose
// target capsule cannot answer.
const kindRedirectNotServed = "redirect not served"

// redirectPages takes the redirect pages (Post.RedirectTo) out of lists
// (posts, pages, unlisted): out are the lists without them.
func redirectPages(lists ...[]*content.Post) (out [][]*content.Post, pages []*content.Post) {
	out = lists
	for i, list := range lists {
		if !slices.ContainsFunc(list, func(p *content.Post) bool { return p.RedirectTo != "" }) {
			continue
		}
		if pages == nil {
			out = slices.Clone(lists)
		}
		for _, p := range list {
			if p.RedirectTo != "" {
				pages = append(pages, p)
			}
		}
		out[i] = slices.DeleteFunc(slices.Clone(list), func(p *content.Post) bool { return p.RedirectTo != "" })
	}
	return out, pages
}

// redirectTarget is where a redirect page leads: a URL off the site
// (away), or an address of the site (path, decoded, as requests are
// looked up; escaped as links write it).
type redirectTarget struct {
	away    string
	path    string
	escaped string
	bad     string // why it leads nowhere capsule can send a reader, "" when it does
}

// targetOf is where p's redirect_to leads, l telling the site's own
// URL from others.
func targetOf(l *postLinks, p *content.Post) redirectTarget {
	to := p.RedirectTo
	if local, ok := l.onSite(to); ok {
		to = local
	} else if strings.HasPrefix(to, "//") {
		to = "https:" + to // a scheme-relative URL: the web site's https
	}
	if hasScheme(to) {
		if unsafeLink(to) {
			return redirectTarget{bad: "a URL of a scheme a client may run by itself"}
		}
		// As a link line and a redirect's meta carry it: a space
		// percent-encoded, which would end the URL of a "=>" line.
		u, err := url.Parse(to)
		if err != nil {
			return redirectTarget{bad: "no URL capsule can read"}
		}
		return redirectTarget{away: u.String()}
	}
	u, err := url.Parse(to)
	if err != nil || u.Path == "" {
		return redirectTarget{bad: "no address capsule can read"}
	}
	if rest, ok := l.underBase(u.Path); ok {
		u.Path, u.RawPath = rest, ""
	}
	if !strings.HasPrefix(u.Path, "/") {
		// jekyll-redirect-from makes a relative one absolute from the
		// top of the site (absolute_url).
		u.Path, u.RawPath = "/"+u.Path, ""
	}
	key := aliasKey(u.EscapedPath())
	return redirectTarget{path: key, escaped: (&url.URL{Path: key}).EscapedPath()}
}

// setRedirects has links to the redirect pages lead where they do: to
// the post at their target (whose link the post's is), to the address
// of the site otherwise, to the URL off it. They count as published:
// a link to one is no dead link.
func (l *postLinks) setRedirects(pages []*content.Post) {
	if len(pages) == 0 {
		return
	}
	l.redirects = make(map[*content.Post]builtinPage, len(pages))
	for _, p := range pages {
		l.published[p] = true
	}
	for _, p := range pages {
		t := targetOf(l, p)
		switch {
		case t.bad != "":
			// Served nowhere (serveRedirectPages says why): a link to
			// it leads to its own address, which answers not found.
			own := postGeminiLink(p)
			if len(p.Aliases) > 0 {
				own = (&url.URL{Path: aliasKey(p.Aliases[0])}).EscapedPath()
			}
			l.redirects[p] = builtinPage{gemini: own, gopherType: gopher.TypeMenu, gopher: own}
		case t.away != "":
			l.redirects[p] = builtinPage{gemini: t.away, gopherType: gopher.TypeHTML, gopher: t.away}
		default:
			l.redirects[p] = builtinPage{gemini: t.escaped, gopherType: gopher.TypeMenu, gopher: t.path}
		}
	}
	// A target that is a post's address: the post's page, through
	// redirect pages (at most maxRedirectHops).
	for _, p := range pages {
		q := p
		for range maxRedirectHops {
			t := targetOf(l, q)
			if t.path == "" {
				break
			}
			found, _, _ := l.resolve(q, t.path)
			if found == nil || found == q || !l.published[found] {
				break
			}
			if _, redirects := l.redirects[found]; !redirects {
				if page, stub := l.stubs[found]; stub {
					l.redirects[p] = page
				} else {
					l.redirects[p] = builtinPage{gemini: postGeminiLink(found), gopherType: gopher.TypeText, gopher: postGopherSelector(found)}
				}
				break
			}
			q = found
		}
	}
}

// pendingRedirect is a redirect page whose addresses are claimed,
// answered once everything else is served (serveRedirectPages).
type pendingRedirect struct {
	p      *content.Post
	gemini []string // the addresses claimed on each protocol
	gopher []string
}

// claimRedirectPages claims the addresses of the redirect pages, after
// the posts' old addresses (which win, as they do over stubs), and holds
// them with a placeholder until serveRedirectPages answers them: what
// is served after (folders' indexes, terms' pages) leaves them alone.
func (st *Store) claimRedirectPages(r *routes, pages []*content.Post) []*pendingRedirect {
	var out []*pendingRedirect
	for _, p := range pages {
		pr := &pendingRedirect{p: p}
		for _, stage := range r.oldAddressStages() {
			for _, old := range slices.Concat(oldAddresses(p, false, stage), oldAddresses(p, true, stage)) {
				gem, goph := r.alias(old, p.File)
				if gem {
					st.gemini[old.path] = redirectPlaceholder
					pr.gemini = append(pr.gemini, old.path)
				}
				if goph {
					st.gopher[old.path] = nil
					pr.gopher = append(pr.gopher, old.path)
				}
			}
		}
		out = append(out, pr)
	}
	return out
}

// redirectPlaceholder holds a redirect page's address until it is
// answered; never served.
var redirectPlaceholder = &gemini.Response{Status: gemini.StatusTemporaryFailure}

// serveRedirectPages answers the addresses pending holds, last: with
// what their targets are answered with (see the top of this file).
func (st *Store) serveRedirectPages(links *postLinks, pending []*pendingRedirect) {
	if len(pending) == 0 {
		return
	}
	site := &st.Site
	byAddress := make(map[string]*pendingRedirect)
	for _, pr := range pending {
		for _, a := range pr.gemini {
			byAddress["g"+a] = pr
		}
		for _, a := range pr.gopher {
			byAddress["o"+a] = pr
		}
	}
	type answer struct {
		gem   *gemini.Response
		goph  []byte
		why   string
		ready bool
	}
	answers := make(map[*pendingRedirect]*answer, len(pending))
	var resolve func(pr *pendingRedirect, hops int) *answer
	resolve = func(pr *pendingRedirect, hops int) *answer {
		if a := answers[pr]; a != nil {
			if !a.ready {
				return &answer{why: "it leads back to itself through redirect pages"}
			}
			return a
		}
		a := &answer{}
		answers[pr] = a
		defer func() { a.ready = true }()
		t := targetOf(links, pr.p)
		switch {
		case t.bad != "":
			a.why = t.bad
		case t.away != "":
			if u, err := url.Parse(t.away); err == nil && strings.EqualFold(u.Scheme, "gemini") {
				a.gem = gemini.NewResponse(gemini.StatusPermanentRedirect, t.away, nil)
			} else {
				a.gem = geminiPage(pr.p.Lang, []byte("=> "+t.away+"\n"))
			}
			m := gopher.NewMenu(site.Hostname, site.GopherPort)
			m.Link(t.away, t.away)
			a.goph = m.Bytes()
		case hops >= maxRedirectHops:
			a.why = fmt.Sprintf("it leads through more than %d redirect pages", maxRedirectHops)
		default:
			forms := append([]string{t.path}, addressForms(t.path)...)
			for _, f := range forms {
				if next := byAddress["g"+f]; next != nil && st.gemini[f] == redirectPlaceholder {
					if n := resolve(next, hops+1); n.gem != nil {
						a.gem = n.gem
					} else if a.why == "" {
						a.why = n.why
					}
					break
				}
				if r := st.gemini[f]; r != nil && r != redirectPlaceholder {
					switch {
					case r.Status == gemini.StatusPermanentRedirect || r.Status == gemini.StatusRedirect:
						a.gem = r
					case r.Status == gemini.StatusSuccess:
						a.gem = gemini.NewResponse(gemini.StatusPermanentRedirect, site.GeminiLinkURL((&url.URL{Path: f}).EscapedPath()), nil)
					}
					break
				}
			}
			for _, f := range forms {
				if next := byAddress["o"+f]; next != nil && st.gopher[f] == nil {
					if n := resolve(next, hops+1); n.goph != nil {
						a.goph = n.goph
					}
					break
				}
				if b, ok := st.gopher[f]; ok && b != nil {
					a.goph = b
					break
				}
			}
			if a.gem == nil && a.goph == nil && a.why == "" {
				a.why = "capsule serves nothing at " + t.path
			}
		}
		return a
	}
	for _, pr := range pending {
		a := resolve(pr, 0)
		for _, path := range pr.gemini {
			if a.gem != nil {
				st.gemini[path] = a.gem
			} else {
				delete(st.gemini, path)
			}
		}
		for _, sel := range pr.gopher {
			if a.goph != nil {
				st.gopher[sel] = a.goph
			} else {
				delete(st.gopher, sel)
			}
		}
		switch {
		case a.gem == nil && a.goph == nil:
			why := cmp.Or(a.why, "capsule serves nothing at "+pr.p.RedirectTo)
			st.Warnings = append(st.Warnings, &content.FileError{File: pr.p.File, Line: 1, Kind: kindRedirectNotServed,
				Msg: fmt.Sprintf("redirect_to %q: %s: its addresses are not served", pr.p.RedirectTo, why)})
		case a.gem == nil || a.goph == nil:
			on, off := "Gopher", "Gemini"
			if a.gem != nil {
				on, off = off, on
			}
			st.Warnings = append(st.Warnings, &content.FileError{File: pr.p.File, Line: 1, Kind: kindRedirectNotServed,
				Msg: fmt.Sprintf("redirect_to %q: capsule's %s serves nothing there: its addresses lead there on %s alone", pr.p.RedirectTo, off, on)})
		}
	}
}
