package capsule

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/gopher"
)

// routes records who answers each Gemini path and Gopher selector while a
// Store is built, so that two things answering the same one are reported,
// with their files, instead of one silently hiding the other: two posts
// whose slugs collide on Gopher ("a" and "a.txt"), a page named like one of
// the capsule's own pages ("archive", "tags", "caps", "search"). It also
// refuses addresses that no client could ask for: Gemini requests and
// Gopher selectors are at most 1,024 bytes.
type routes struct {
	site *Site
	// geminiBase is the site's Gemini URL with no path: GeminiLinkURL's
	// start, made once.
	geminiBase string
	gemini     map[string]string // path → who answers it: a file, or a page of the capsule
	gopher     map[string]string // selector → who answers it
	errs       content.ErrorList
	warns      []*content.FileError // old addresses not served
	// bareHTML: an old address ending in .html is also answered
	// without it (content.Content.BareHTML), a Jekyll site's.
	bareHTML bool
}

// Names of the capsule's own pages, as messages give them.
const (
	builtinHome    = "the home page"
	builtinTags    = "the tag index"
	builtinArchive = "the archive"
	builtinAtom    = "the Atom feed"
	builtinRobots  = "capsule's own robots.txt"
	builtinFavicon = "the favicon"
	builtinSearch  = "search"
	builtinCaps    = "capsule's own caps.txt"
)

// builtinGemini and builtinGopher are the addresses of the capsule's own
// pages, and whose they are. (The favicon's only when the site has one.)
var (
	builtinGemini = map[string]string{"/": builtinHome, tagsPath: builtinTags, archivePath: builtinArchive,
		atomPath: builtinAtom, robotsPath: builtinRobots, searchPath: builtinSearch, faviconPath: builtinFavicon}
	builtinGopher = map[string]string{"/": builtinHome, tagsPath: builtinTags, archiveSel: builtinArchive,
		capsSel: builtinCaps, searchPath: builtinSearch}
)

func newRoutes(site *Site, entries int) *routes {
	// Sized for what most blogs claim, a path a post on Gemini and three
	// selectors on Gopher, so that the maps do not grow by copies.
	r := &routes{site: site, geminiBase: site.GeminiURL(""), gemini: make(map[string]string, entries+16), gopher: make(map[string]string, 3*entries+16)}
	for path, owner := range builtinGemini {
		if path != faviconPath || site.Favicon != "" {
			r.gemini[path] = owner
		}
	}
	for sel, owner := range builtinGopher {
		r.gopher[sel] = owner
	}
	return r
}

// languagePages claims, for the old addresses claimed after them, the
// capsule's own pages of each language but the one at the top (/ja/,
// /ja/tags/, /ja/archive.gmi, /ja/atom.xml and their Gopher menus), which
// st answers by now: an old address never takes them (a jekyll-polyglot
// site's theme stub tags.md, copied to /ja/tags/, took the Japanese tag
// index).
func (r *routes) languagePages(blogs []*blog, st *Store) {
	for _, b := range blogs {
		if b.dir == "" {
			continue
		}
		// Not the archive's Gopher menu (/ja/archive): a stub's old
		// address there also answers /ja/archive on Gemini, with a
		// redirect to the archive, and on Gopher with that menu.
		for path, owner := range map[string]string{b.dir: builtinHome, b.dir + "/": builtinHome, b.dir + tagsPath: builtinTags,
			b.dir + archivePath: builtinArchive, b.dir + atomPath: builtinAtom} {
			if _, ok := r.gemini[path]; !ok && st.gemini[path] != nil {
				r.gemini[path] = owner
			}
			if _, ok := r.gopher[path]; !ok && st.gopher[path] != nil {
				r.gopher[path] = owner
			}
		}
	}
}

// pageMoved reports whether a page with this slug would take an address
// of one of the capsule's own pages at the top ("archive": /archive.gmi;
// "search" and "tags": the Gopher menus /search and /tags/; "caps":
// /caps.txt). Such a page is served under pagesDir instead, on both
// protocols, and linked from the home page and the root menu as other
// pages are: the capsule's pages keep their addresses, which clients,
// feed readers and other capsules' links rely on, and which a theme's
// page of that name (a search or archive page) stood for on the web.
func pageMoved(slug string) bool { return movedSlugs[slug] }

// movedSlugs are the slugs pageMoved reports: those whose page's
// addresses at the top (/<slug>.gmi; /<slug>.txt, /<slug>/ and /<slug>)
// one of builtinGemini or builtinGopher has.
var movedSlugs = func() map[string]bool {
	moved := make(map[string]bool)
	add := func(slug string, ok bool) {
		if ok && slug != "" && !strings.Contains(slug, "/") {
			moved[slug] = true
		}
	}
	for a := range builtinGemini {
		add(strings.CutSuffix(a[1:], ".gmi"))
	}
	for a := range builtinGopher {
		add(strings.CutSuffix(a[1:], ".txt"))
		add(strings.CutSuffix(a[1:], "/"))
		add(a[1:], true)
	}
	return moved
}()

// geminiRequestLimit and gopherRequestLimit are the longest requests the
// servers read (package gemini, package gopher).
const (
	geminiRequestLimit = gemini.MaxRequest
	gopherRequestLimit = gopher.DefaultMaxRequestBytes
)

// post claims the addresses of a post or page for its file; it reports
// false, with an error naming both files, when one is taken.
func (r *routes) post(p *content.Post) (postAddresses, bool) {
	return r.postAt(p, addressesOf(p))
}

// postAt is post, with p's addresses made already (renderedEntry.at).
func (r *routes) postAt(p *content.Post, a postAddresses) (postAddresses, bool) {
	ok := r.claimGeminiLen(a.gemini, a.linkLen+len(".gmi"), p.File)
	ok = r.claimGopherLen(a.gopher, a.linkLen+len(".txt"), p.File) && ok
	ok = r.claimGopherLen(a.menu, a.linkLen+len("/"), p.File) && ok
	return a, r.claimGopherLen(a.menu[:len(a.menu)-1], a.linkLen+len("/"), p.File) && ok
}

// postAddresses are a post's Gemini path (postGeminiPath), Gopher text
// selector (postGopherSelector) and menu selector (postMenuSelector), and
// the length of its links without their ending (postGeminiLink's without
// ".gmi"): what routes claim. Made with the post's render (they are the
// same for a post taken from the previous Store: its slug and folder are).
type postAddresses struct {
	gemini, gopher, menu string
	linkLen              int
}

// addressesOf are p's addresses, each string made once.
func addressesOf(p *content.Post) postAddresses {
	dir, slug := postDir(p), p.Slug
	return postAddresses{gemini: dir + slug + ".gmi", gopher: dir + slug + ".txt", menu: dir + slug + "/", linkLen: len(dir) + len(escapeSlug(slug))}
}

// scheduled claims now the addresses scheduled posts will take at their
// date, beside the posts published (tags, those tags already have): a
// collision is an error of -check and of the start, not of the rebuild
// that would publish the post, which could only fail and retry.
func (r *routes) scheduled(posts []*content.Post, blogs []*blog) {
	claimed := make(map[string]bool)
	for _, b := range blogs {
		for _, g := range b.tags {
			claimed[b.dir+"\x00"+g.Name] = true
		}
	}
	for _, p := range posts {
		if _, ok := r.post(p); !ok {
			continue
		}
		for _, tag := range p.Tags {
			if !claimed[p.LangDir+"\x00"+tag] {
				claimed[p.LangDir+"\x00"+tag] = true
				r.tag(p.LangDir, tag, p.File)
			}
		}
	}
}

// alias claims an old address of a post (Hugo's aliases, Jekyll's
// redirect_from, url and permalink, or its generator's address: see
// oldAddress) on both protocols, for its file. One the post itself
// answers already (a Jekyll page's permalink "/about/" is its Gopher
// menu's selector) is left to it. One that a page, another post or
// capsule itself already answers, or that no client can ask for, is not
// served, with one warning unless it is one of the forms an address is
// also answered in (quiet): the post is, at its own address
// (translations share their aliases; a Jekyll page's permalink "/" is
// the home page's).
func (r *routes) alias(a oldAddress, file string) (gemini, gopher bool) {
	path := a.path
	gemOwner, gemTaken := r.gemini[path]
	gophOwner, gophTaken := r.gopher[path]
	owner := ""
	switch {
	case gemTaken && gemOwner != file:
		owner = gemOwner
	case gophTaken && gophOwner != file:
		owner = gophOwner
	}
	if owner == "" {
		// Neither protocol has another's page there: the old address is
		// the post's on both (where it is not already its own).
		if n := len(r.site.GeminiLinkURL((&url.URL{Path: path}).EscapedPath())); !gemTaken && n <= geminiRequestLimit {
			r.gemini[path], gemini = file, true
		}
		if !gophTaken && len(path) <= gopherRequestLimit {
			r.gopher[path], gopher = file, true
		}
	}
	switch {
	case owner == "" || a.quiet:
	case a.generated:
		r.warns = append(r.warns, &content.FileError{File: file, Line: 1, Msg: generatedTaken(path, owner), Kind: kindGeneratedTaken})
	default:
		r.warns = append(r.warns, &content.FileError{File: file, Line: 1, Msg: aliasTaken(path, owner), Kind: "old address taken"})
	}
	return gemini, gopher
}

// aliasKey is an old address as requests for it are looked up: decoded,
// its dot segments resolved, a trailing slash kept.
func aliasKey(a string) string {
	if d, err := url.PathUnescape(a); err == nil {
		a = d
	}
	clean := path.Clean("/" + a)
	if strings.HasSuffix(a, "/") && clean != "/" {
		clean += "/"
	}
	return clean
}

// tag checks that a tag's pages can be asked for; file is the first to
// name it. (Tags cannot collide: no other page is under tagsPath, and a
// tag's "/" is escaped in its links and kept whole by the servers.)
func (r *routes) tag(dir, name, file string) bool {
	ok := r.claimGemini(tagGeminiPath(dir, name), tagGeminiLink(dir, name), file)
	ok = r.claimGemini(tagFeedPath(dir, name), tagFeedLink(dir, name), file) && ok
	return r.claimGopher(tagSelector(dir, name), tagSelectorLink(dir, name), file) && ok
}

// Kinds of the warnings about files beside the posts (content.FileError.Kind).
const (
	kindFileAddressTaken = "file address taken"
	kindAddressTooLong   = "file address too long"
)

// file claims the address of a file beside the posts. A file never wins
// over a page: it is left out, with a warning.
func (r *routes) file(f content.File) *content.FileError {
	key := "/" + f.Path
	if isDraftPath(key) {
		return &content.FileError{File: f.Path, Msg: "is under " + draftsPath + ", the drafts' address: not served", Kind: "file under the drafts' address"}
	}
	if !printableName(f.Path) {
		return &content.FileError{File: f.Path, Msg: "its name has control characters or is not UTF-8, which menus and links cannot carry: not served", Kind: "unprintable file name"}
	}
	if owner, taken := r.gemini[key]; taken {
		return &content.FileError{File: f.Path, Msg: "has the address of " + owner + ": not served", Kind: kindFileAddressTaken}
	}
	if owner, taken := r.gopher[key]; taken {
		return &content.FileError{File: f.Path, Msg: "has the Gopher selector of " + owner + ": not served", Kind: kindFileAddressTaken}
	}
	if n := len(r.site.GeminiLinkURL(fileLink(f.Path))); n > geminiRequestLimit {
		return &content.FileError{File: f.Path, Msg: fmt.Sprintf("its Gemini URL would be %d bytes, over the %d a request may have: not served", n, geminiRequestLimit), Kind: kindAddressTooLong}
	}
	if len(key) > gopherRequestLimit {
		return &content.FileError{File: f.Path, Msg: fmt.Sprintf("its Gopher selector would be %d bytes, over the %d a request may have: not served", len(key), gopherRequestLimit), Kind: kindAddressTooLong}
	}
	r.gemini[key], r.gopher[key] = f.Path, f.Path
	return nil
}

// claimGemini claims path for file: the address of its page. link is
// path as links give it, percent-encoded: what a client sends.
func (r *routes) claimGemini(path, link, file string) bool {
	return r.claimGeminiLen(path, len(link), file)
}

// claimGeminiLen is claimGemini with the link's length.
func (r *routes) claimGeminiLen(path string, link int, file string) bool {
	if owner, taken := r.gemini[path]; taken {
		r.errs = append(r.errs, &content.FileError{File: file, Line: 1,
			Msg: fmt.Sprintf("its Gemini page %s is %s's address: change its slug", path, owner)})
		return false
	}
	if n := len(r.geminiBase) + link; n > geminiRequestLimit { // len(GeminiLinkURL(link))
		r.errs = append(r.errs, &content.FileError{File: file, Line: 1,
			Msg: fmt.Sprintf("its Gemini URL would be %d bytes, over the %d a request may have: shorten its slug or tags", n, geminiRequestLimit)})
		return false
	}
	r.gemini[path] = file
	return true
}

// claimGopher claims selector, which clients send as sent (percent-encoded
// for tags).
func (r *routes) claimGopher(selector, sent, file string) bool {
	return r.claimGopherLen(selector, len(sent), file)
}

// claimGopherLen is claimGopher with the length of the selector sent.
func (r *routes) claimGopherLen(selector string, sent int, file string) bool {
	if owner, taken := r.gopher[selector]; taken {
		r.errs = append(r.errs, &content.FileError{File: file, Line: 1,
			Msg: fmt.Sprintf("its Gopher selector %s is %s's: change its slug", selector, owner)})
		return false
	}
	if sent > gopherRequestLimit {
		r.errs = append(r.errs, &content.FileError{File: file, Line: 1,
			Msg: fmt.Sprintf("its Gopher selector would be %d bytes, over the %d a request may have: shorten its slug or tags", sent, gopherRequestLimit)})
		return false
	}
	r.gopher[selector] = file
	return true
}

// aliasTaken says that an old address of a post is already another's.
func aliasTaken(path, owner string) string {
	return fmt.Sprintf("its old address %s (from aliases, redirect_from, url or permalink) is %s's: not served there", path, owner)
}

// kindGeneratedTaken is the kind of the warnings of generatedTaken: an
// address the blog's generator gives the post, which another already
// answers. Rare (two posts Hugo or Jekyll would write to one file), and
// counted in one line.
const kindGeneratedTaken = "generator address taken"

// generatedTaken says that the address the blog's generator gives a post
// is already another's.
func generatedTaken(path, owner string) string {
	return fmt.Sprintf("its address on the blog's web site %s (as Hugo or Jekyll makes it from the site's configuration) is %s's: not served there", path, owner)
}

// fileLink is the Gemini link to a file beside the posts: its path,
// percent-encoded, so that a name with "%", "?" or "#" in it is asked for
// as it is.
func fileLink(p string) string {
	return (&url.URL{Path: "/" + p}).EscapedPath()
}

// printableName reports whether a file name is valid UTF-8 without C0 or
// C1 control characters (TAB, CR and LF among them would break a Gopher
// menu line).
func printableName(name string) bool {
	if !utf8.ValidString(name) {
		return false
	}
	for _, c := range name {
		if c < ' ' || c == 0x7f || c >= 0x80 && c <= 0x9f {
			return false
		}
	}
	return true
}
