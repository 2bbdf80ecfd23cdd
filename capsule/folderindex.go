package capsule

import (
	"path"
	"slices"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// serveFolderIndexes answers a folder beside the posts that holds an
// index.html (Jekyll's apps/index.html, served at /apps/index.html) at
// the folder's own address too, /apps/, as every web server and
// generator does: a redirect to the file on Gemini, the file on Gopher.
// Last, after old addresses: a page, a file or an old address that has
// the folder's address keeps it.
func (st *Store) serveFolderIndexes(files []content.File) {
	for _, f := range files {
		dir := path.Dir(f.Path)
		if dir == "." || !isFolderIndex(path.Base(f.Path)) {
			continue
		}
		file, folder := "/"+f.Path, "/"+dir+"/"
		if _, served := st.gemini[file]; !served {
			continue // its path is a page's
		}
		if _, taken := st.gemini[folder]; !taken {
			st.gemini[folder] = gemini.NewResponse(gemini.StatusPermanentRedirect, st.Site.GeminiURL(file), nil)
		}
		if _, taken := st.gopher[folder]; !taken {
			st.gopher[folder] = st.gopher[file]
		}
	}
}

// serveHexoAssets answers the web addresses of a Hexo site's posts'
// asset files (content.Content.HexoAssetAddresses: web address → file)
// as folder indexes are answered: a redirect to the file on Gemini, the
// file on Gopher. Last, as they are: an address something else answers
// stays its.
func (st *Store) serveHexoAssets(assets map[string]string) {
	for web, file := range assets {
		web, file = "/"+web, "/"+file
		if _, served := st.gemini[file]; !served {
			continue // not served (a page's path, a secret…)
		}
		if _, taken := st.gemini[web]; !taken {
			st.gemini[web] = gemini.NewResponse(gemini.StatusPermanentRedirect, st.Site.GeminiURL(file), nil)
		}
		if _, taken := st.gopher[web]; !taken {
			st.gopher[web] = st.gopher[file]
		}
	}
}

// isFolderIndex reports whether a file's name is what a web server
// answers its folder's address with.
func isFolderIndex(name string) bool {
	return strings.EqualFold(name, "index.html") || strings.EqualFold(name, "index.htm")
}

// servePostsFolders answers the folder of a blog's post pages, /posts/
// (/<language>/posts/ in a language's folder), which no page is: a
// reader's client asks for it when it goes up from a post (Kristall's
// "Parent" button, on gemini://…/posts/hello.gmi and on
// gopher://…/1/posts/hello/). It leads to the blog's archive, as a post's
// link to the generator's list of the posts does (sectionList): a
// redirect on Gemini, the archive's menu on Gopher. So do the
// generator's lists of its sections in a Hugo or Zola site, which a
// reader may have kept or a post link (sectionList): a section of posts' (Hugo's /blog/ of
// blog/hello.md) the archive, a section of pages' (/docs/) the blog's
// home, which lists its pages, when the section's text is no page of
// its own there (a Hugo or Zola section's, whose address is its
// page's). Last, after the folder indexes: a page, a file, an old
// address or a folder index that has the address keeps it.
func (st *Store) servePostsFolders(blogs []*blog, l *postLinks) {
	lead := func(folder, gem, gopherSel string) {
		if _, taken := st.gemini[folder]; !taken {
			st.gemini[folder] = gemini.NewResponse(gemini.StatusPermanentRedirect, gem, nil)
		}
		if _, taken := st.gopher[folder]; !taken && st.gopher[gopherSel] != nil {
			st.gopher[folder] = st.gopher[gopherSel]
		}
	}
	// A generator's list, in the forms a reader gives it: Hugo and Zola
	// write /posts/ at /posts/index.html (and a web server answers
	// /posts with it), each form leading where the folder does.
	// A folder of pages named as a taxonomy (content/categories/) keeps
	// to its folder's address: the other forms are the list of terms'
	// (serveTermPages), as they were.
	leadForms := func(folder, gem, gopherSel string) {
		lead(folder, gem, gopherSel)
		if _, term, ok := content.TermLink(folder); ok && term == "" {
			return
		}
		for _, a := range addressForms(folder) {
			lead(a, gem, gopherSel)
		}
	}
	for _, lb := range blogs {
		if len(lb.list()) > 0 { // a post page below it (polyglot's copies too)
			lead(lb.dir+postsDir, lb.site.GeminiURL(lb.dir+archivePath), lb.dir+archiveSel)
		}
		if !l.c.SectionLists() {
			continue // Jekyll publishes no list of a folder: /blog/ of blog/_posts is no address
		}
		// With uglyURLs, Hugo writes them at /posts.html (hugougly.go).
		for _, sec := range sortedSections(l.sections[lb.dir]) {
			leadForms(lb.dir+"/"+sec+"/", lb.site.GeminiURL(lb.dir+archivePath), lb.dir+archiveSel)
			if l.c.HugoUglyList(sec) {
				lead(uglyAddress(lb.dir+"/"+sec+"/"), lb.site.GeminiURL(lb.dir+archivePath), lb.dir+archiveSel)
			}
		}
		for _, sec := range sortedSections(l.pageSections[lb.dir]) {
			leadForms(lb.dir+"/"+sec+"/", lb.site.GeminiURL(lb.dir+"/"), lb.dir+"/")
			if l.c.HugoUglyList(sec) {
				lead(uglyAddress(lb.dir+"/"+sec+"/"), lb.site.GeminiURL(lb.dir+"/"), lb.dir+"/")
			}
		}
		// A Hugo site's nested sections (/posts/tech/: hugolists.go)
		// lead where their top sections do: the archive, or the home
		// for pages; a section whose _index.md has text is a page at its
		// address, which keeps it.
		// A section with no page named as one of capsule's pages, or
		// naming its template (content/search/_index.md), leads to it.
		for _, hl := range l.hugoLists[lb.dir] {
			to, sel := lb.dir+"/", lb.dir+"/"
			switch {
			case hl.builtin != "":
				// Its folder's forms but the page's own address
				// (/search of /search/), which is the page.
				page := stubNames[hl.builtin]
				page.gemini, page.gopher = lb.dir+page.gemini, lb.dir+page.gopher
				menu := st.builtinMenu(page)
				for _, a := range append(addressForms(hl.path), hl.path) {
					if a == page.gemini || a == page.gopher {
						continue
					}
					lead(a, lb.site.GeminiURL(page.gemini), page.gopher)
					if _, taken := st.gopher[a]; !taken && menu != nil {
						st.gopher[a] = menu
					}
				}
				if a := uglyAddress(hl.path); hl.ugly && a != page.gemini {
					lead(a, lb.site.GeminiURL(page.gemini), page.gopher)
					if _, taken := st.gopher[a]; !taken && menu != nil {
						st.gopher[a] = menu
					}
				}
				continue
			case hl.posts:
				to, sel = lb.dir+archivePath, lb.dir+archiveSel
			}
			leadForms(hl.path, lb.site.GeminiURL(to), sel)
			if hl.ugly {
				lead(uglyAddress(hl.path), lb.site.GeminiURL(to), sel)
			}
		}
	}
	// A Zola site's lists, nested ones too (/docs/intro/), as links to
	// them lead (postLinks.zolaLists); then the pages of a list Zola
	// splits (paginate_by: /blog/page/2/) lead where the list's address
	// does: to the section's page, the archive or the home (a redirect
	// to the list's address when that is a page: the home's /page/2/).
	blogAt := make(map[string]*blog, len(blogs))
	for _, lb := range blogs {
		blogAt[lb.dir] = lb
	}
	for _, zl := range l.c.ZolaLists() {
		lb := blogAt[zl.Dir]
		if lb == nil {
			continue
		}
		if to, ok := l.zolaLists[zl.Path]; ok {
			if to.list == archiveTag {
				leadForms(zl.Path, lb.site.GeminiURL(lb.dir+archivePath), lb.dir+archiveSel)
			} else {
				leadForms(zl.Path, lb.site.GeminiURL(lb.dir+"/"), lb.dir+"/")
			}
		}
		at := st.gemini[zl.Path]
		if at == nil {
			continue
		}
		if at.Status != gemini.StatusPermanentRedirect && at.Status != gemini.StatusRedirect {
			at = gemini.NewResponse(gemini.StatusPermanentRedirect, lb.site.GeminiURL(zl.Path), nil)
		}
		for n := 1; n <= zl.Pagers; n++ {
			pager := zl.PagerAddress(n)
			if _, taken := st.gemini[pager]; !taken {
				st.gemini[pager] = at
			}
			if _, taken := st.gopher[pager]; !taken && st.gopher[zl.Path] != nil {
				st.gopher[pager] = st.gopher[zl.Path]
			}
		}
	}
}

// sortedSections are the names of secs, sorted, each also in lower case
// when written otherwise: Hugo writes a section's list at its name in
// lower case (/blog/ for content/Blog).
func sortedSections[V any](secs map[string]V) []string {
	var names []string
	for s := range secs {
		names = append(names, s)
		low := strings.ToLower(s)
		if _, has := secs[low]; !has { // itself, when in lower case
			names = append(names, low)
		}
	}
	slices.Sort(names)
	return names
}

// serveJekyllPaginator answers the pages jekyll-paginate and
// jekyll-paginate-v2 make of a Jekyll blog's list of posts
// (content.JekyllPaginators), each list as serveJekyllPages does.
func (st *Store) serveJekyllPaginator(c *content.Content, blogs []*blog) {
	for _, pg := range c.JekyllPaginators() {
		st.serveJekyllPages(pg.First, pg.Later, blogs)
	}
}

// serveJekyllPages answers the pages of one list of posts: the template
// page's address, first, when nothing answers it, leads to the archive of
// the blog whose folder holds it (a jekyll-polyglot site's lists, one a
// language, lead to its homes: /ja/page2/ to /ja/), as the list of a Zola section of posts
// does (servePostsFolders); then pages 2 to the last (/page2/ …, in the
// forms a reader gives them), later, lead where the first does: to the
// home when the first is the blog's home (/), else to the archive. A page
// past the last is not found, as on the web site. As many addresses as
// the pages, never more than the posts (all lists together, at most
// content.maxPaginatedPerPost a post); each last, after everything
// else: an address a page, a file or an old address has keeps it.
func (st *Store) serveJekyllPages(first string, later []string, blogs []*blog) {
	var lb *blog
	for _, b := range blogs {
		if (b.dir == "" || strings.HasPrefix(first, b.dir+"/")) && (lb == nil || len(b.dir) > len(lb.dir)) {
			lb = b
		}
	}
	if lb == nil {
		return
	}
	// The list's first page is the archive's, unless it is the blog's
	// home (a polyglot language's /ja/, whose /ja/index.html the home
	// does not answer).
	to, sel := lb.dir+archivePath, lb.dir+archiveSel
	if first == lb.dir+"/" {
		to, sel = first, first
	}
	st.serveAddressForms(first, gemini.NewResponse(gemini.StatusPermanentRedirect, lb.site.GeminiURL(to), nil), st.gopher[sel])
	at, menu := st.gemini[first], st.gopher[first]
	if at == nil {
		return
	}
	if at.Status != gemini.StatusPermanentRedirect && at.Status != gemini.StatusRedirect {
		at = gemini.NewResponse(gemini.StatusPermanentRedirect, lb.site.GeminiURL(first), nil) // a page of its own: the home
	}
	for _, pager := range later {
		st.serveAddressForms(pager, at, menu)
	}
}
