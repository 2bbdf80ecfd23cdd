package capsule

import (
	"net/url"
	"slices"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// Hexo's pages of tags and categories. A Hexo site has a page for each of
// its posts' tags (/tags/<slug>/) and categories
// (/categories/<parent>/<slug>/), with later pages (/tags/go/page/2/),
// and a theme often an index of them (/tags/, /categories/): readers keep
// their addresses and other sites link them. Each leads to the capsule's
// page of that tag (capsule's tags hold both tags and categories), the
// indexes to its list of tags: a redirect on Gemini, the tag's menu on
// Gopher, as a post's link to them leads there (postLinks.termTag).

// hexoTermPages are the pages of a Hexo blog's terms
// (content.HexoTermPages of its posts), of the tags the blog has
// (blogTermPages); nil for another site.
func hexoTermPages(c *content.Content, b *blog) []content.HexoTermPage {
	if b.dir != "" {
		return nil
	}
	return blogTermPages(b, c.HexoTermPages(b.withHidden(b.posts)))
}

// jekyllArchivePages are the pages jekyll-archives makes of a Jekyll
// blog's tags and categories (content.Content.JekyllArchivePages of the
// posts of its lists: a jekyll-polyglot language's are its build's, the
// copies too, under its folder), of the tags the blog has
// (blogTermPages); nil for another site.
func jekyllArchivePages(c *content.Content, b *blog) []content.HexoTermPage {
	return blogTermPages(b, c.JekyllArchivePages(b.list(), b.dir))
}

// eleventyTagPages are the pages an Eleventy site's templates of tag
// pages (content.TagTemplate) make of b's tags, at the addresses their
// permalinks give them: a template's pages are b's when its addresses
// are under b's folder and no other blog's (the template of a
// language's, /ja/tags/{{ tag }}/, the default language's at the top,
// /tags/ or /en/tags/); nil for another site. At most as many as b's
// tags for each template.
func eleventyTagPages(c *content.Content, b *blog, blogs []*blog) []content.HexoTermPage {
	var out []content.HexoTermPage
	for _, t := range c.TagTemplates() {
		static, dir := t.Static(), ""
		for _, o := range blogs {
			if o.dir != "" && strings.HasPrefix(static, o.dir+"/") && len(o.dir) > len(dir) {
				dir = o.dir
			}
		}
		if dir != b.dir {
			continue
		}
		address := t.Addresses()
		for _, g := range b.tags {
			if addr, ok := address(g.Name); ok {
				out = append(out, content.HexoTermPage{Path: addr, Tag: g.Name})
			}
		}
	}
	return blogTermPages(b, out)
}

// generatorArchives are the addresses of the lists of a year's (a
// month's, a day's) posts that b's generator makes: Hexo's
// (hexo-generator-archive, at the site's top) and jekyll-archives' (a
// jekyll-polyglot language's under its folder too).
func generatorArchives(c *content.Content, b *blog, blogs []*blog) []string {
	dates := slices.Concat(c.JekyllArchiveDatePages(b.list(), b.dir), templateArchives(c, b, blogs))
	if b.dir != "" {
		return dates
	}
	return slices.Concat(c.HexoArchivePages(b.withHidden(b.posts)), dates)
}

// blogTermPages are those of pages, a generator's pages of terms, whose
// tag b has (or that list them all, tag ""), each address once: its
// first term's, as serving claims it. Hexo's and jekyll-archives' pages
// are of the site's top: b is the blog there (no language's folder).
func blogTermPages(b *blog, pages []content.HexoTermPage) []content.HexoTermPage {
	if len(pages) == 0 {
		return nil
	}
	has := make(map[string]bool, len(b.tags))
	for _, g := range b.tags {
		has[g.Name] = true
	}
	seen := make(map[string]bool, len(pages))
	return slices.DeleteFunc(pages, func(tp content.HexoTermPage) bool {
		keep := !seen[tp.Path] && (tp.Tag == "" || has[tp.Tag])
		seen[tp.Path] = true
		return !keep
	})
}

// serveGeneratorTerms answers the addresses of the pages a Hexo blog, b,
// makes of its tags and categories, or jekyll-archives of a Jekyll
// blog's, in the forms a reader gives them (with and without the
// trailing slash, with index.html): the tag's page, or the list of
// tags. Last, after everything else: an address that a page (a theme's
// own /tag/go/), a file, an old address or a folder's index has keeps
// it. As many as b's posts have tags and categories.
func (st *Store) serveGeneratorTerms(c *content.Content, b *blog, blogs []*blog) {
	redirects := make(map[string]*gemini.Response)
	for _, pages := range [][]content.HexoTermPage{hexoTermPages(c, b), jekyllArchivePages(c, b), eleventyTagPages(c, b, blogs)} {
		for _, tp := range pages {
			st.serveTermAddress(b, tp.Path, tp.Tag, redirects)
		}
	}
	// Hexo's archives (hexo-generator-archive), jekyll-archives'
	// lists of a year's, a month's and a day's posts, and Eleventy's
	// list templates of posts (blog.njk's /blog/): the capsule's archive.
	for _, addr := range generatorArchives(c, b, blogs) {
		st.serveGeneratorAddress(addr, b.dir+archivePath, b.dir+archiveSel, redirects)
	}
}

// serveTermAddress answers addr, the generator's address of the page of
// b's tag (or, tag "", of its list of tags), in the forms a reader gives
// it (with and without the trailing slash, with index.html), unless
// something else answers it: on Gemini a redirect to the capsule's page
// (one response for each page, in redirects), on Gopher its menu.
func (st *Store) serveTermAddress(b *blog, addr, tag string, redirects map[string]*gemini.Response) {
	gem, goph := b.dir+tagsPath, b.dir+tagsPath
	if tag != "" {
		gem, goph = tagGeminiLink(b.dir, tag), tagSelector(b.dir, tag)
	}
	st.serveGeneratorAddress(addr, gem, goph, redirects)
}

// serveGeneratorAddress answers addr, the address of a page the blog's
// generator makes, in the forms a reader gives it (with and without the
// trailing slash, with index.html), with the capsule's page that stands
// for it, unless something else answers it: on Gemini a redirect to gem
// (one response for each, in redirects), on Gopher the menu at goph.
func (st *Store) serveGeneratorAddress(addr, gem, goph string, redirects map[string]*gemini.Response) {
	if redirects[gem] == nil {
		redirects[gem] = gemini.NewResponse(gemini.StatusPermanentRedirect, st.Site.GeminiLinkURL(gem), nil)
	}
	st.serveAddressForms(addr, redirects[gem], st.gopher[goph])
}

// serveAddressForms answers addr, an address of the blog's generator's,
// in the forms a reader gives it (with and without the trailing slash,
// with index.html), with gem on Gemini and menu on Gopher (nil: none),
// each form that nothing answers yet and that a request can name (no
// longer than a request: geminiRequestLimit with the site's URL,
// gopherRequestLimit).
func (st *Store) serveAddressForms(addr string, gem *gemini.Response, menu []byte) {
	for _, a := range append([]string{addr}, addressForms(addr)...) {
		st.serveAddress(a, gem, menu)
	}
}

// serveAddress is serveAddressForms of addr alone, in the one form given.
func (st *Store) serveAddress(a string, gem *gemini.Response, menu []byte) {
	if _, taken := st.gemini[a]; !taken && gem != nil && len(st.Site.GeminiLinkURL((&url.URL{Path: a}).EscapedPath())) <= geminiRequestLimit {
		st.gemini[a] = gem
	}
	if _, taken := st.gopher[a]; !taken && menu != nil && len(a) <= gopherRequestLimit {
		st.gopher[a] = menu
	}
}
