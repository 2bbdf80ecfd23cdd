package capsule

import (
	"net/url"
	"slices"

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
// (content.HexoTermPages of its posts), each address once (its first
// term's), of the tags the blog has; nil for another site. Hexo's blogs
// are one language's, at the top of the site.
func hexoTermPages(c *content.Content, b *blog) []content.HexoTermPage {
	if b.dir != "" {
		return nil
	}
	pages := c.HexoTermPages(b.posts)
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

// serveHexoTerms answers the addresses of the pages of the terms of a
// Hexo blog, b, in the forms a reader gives them (with and without the
// trailing slash, with index.html): the tag's page, or the list of
// tags. Last, after everything else: an address that a page, a file, an
// old address or a folder's index has keeps it.
func (st *Store) serveHexoTerms(c *content.Content, b *blog) {
	redirects := make(map[string]*gemini.Response)
	for _, tp := range hexoTermPages(c, b) {
		gem, goph := b.dir+tagsPath, b.dir+tagsPath
		if tp.Tag != "" {
			gem, goph = tagGeminiLink(b.dir, tp.Tag), tagSelector(b.dir, tp.Tag)
		}
		menu := st.gopher[goph]
		for _, addr := range append([]string{tp.Path}, addressForms(tp.Path)...) {
			if _, taken := st.gemini[addr]; !taken && len(st.Site.GeminiLinkURL((&url.URL{Path: addr}).EscapedPath())) <= geminiRequestLimit {
				if redirects[gem] == nil {
					redirects[gem] = gemini.NewResponse(gemini.StatusPermanentRedirect, st.Site.GeminiLinkURL(gem), nil)
				}
				st.gemini[addr] = redirects[gem]
			}
			if _, taken := st.gopher[addr]; !taken && menu != nil && len(addr) <= gopherRequestLimit {
				st.gopher[addr] = menu
			}
		}
	}
}
