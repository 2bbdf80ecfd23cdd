package capsule

import (
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// A Hugo site with uglyURLs (content.Content.HugoUglyList) writes its
// lists, as its pages, at addresses ending in .html: a section's
// /posts/ at /posts.html and its pages at /posts/page/2.html, a term's
// /tags/go/ at /tags/go.html and /tags/go/page/2.html, the list of tags
// at /tags.html, the home's pages at /page/2.html, and the home at
// /index.html (Hugo 0.111 builds them so; fjordllc/Lokka-inc's theme
// links /articles.html and /articles/page/2.html). The capsule answers
// each where the list's address leads (the archive, the tag's page, the
// home), as it answers that address, and a post's link to one leads
// where a link to the list does (postLinks.uglyList). The folder forms
// (/posts/) stay answered as well: a reader may write them.

// uglyAddress is the address at which a Hugo site with uglyURLs writes
// the list whose address is list (ending in "/"): its path with .html
// (/posts/ at /posts.html, /tags/go/page/2/ at /tags/go/page/2.html).
// A blog's home (its folder, "/" or a language's "/fr/") is at
// index.html in it, as without uglyURLs: that is serveHomeIndexes'.
func uglyAddress(list string) string {
	return strings.TrimSuffix(list, "/") + ".html"
}

// serveHomeIndexes answers /index.html, the home of a Hugo or Zola site
// as the generator writes it, with uglyURLs or without (and
// /fr/index.html of a language's home), with a redirect to the home on
// Gemini, its menu on Gopher. Last, after everything else: an address a
// page or a file has keeps it. One address a blog.
func (st *Store) serveHomeIndexes(c *content.Content, blogs []*blog) {
	if !c.SectionLists() {
		return
	}
	for _, b := range blogs {
		home := b.dir + "/"
		if st.gemini[home] == nil {
			continue
		}
		st.serveAddress(home+"index.html", gemini.NewResponse(gemini.StatusPermanentRedirect, b.site.GeminiURL(home), nil), st.gopher[home])
	}
}
