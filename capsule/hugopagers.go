package capsule

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// The pages a Hugo site splits its lists into (content.HugoPager): the
// home's (/page/2/), each section's (/posts/page/2/) and each term's
// (/tags/go/page/2/), page 1 an alias Hugo writes of the list's own
// address. Readers keep them and search engines and other sites link
// them; each leads where its list's address does: the home, the
// archive, the tag's page. Whether a list is split is its theme's
// template's (.Paginate), and what it lists too (the main sections' posts
// on a home, most often): capsule answers the pages as many posts as
// the list could hold fill, ceil(n/size), n its posts, so that no page
// Hugo writes is missed, and an address past Hugo's last leads to the
// list too rather than to nothing.

// serveHugoPagers answers the pages of the lists of blogs, a Hugo site's
// blogs (one a language), in the forms a reader gives them (with and
// without the trailing slash, with index.html). Last, after everything
// else, the term pages among it (serveTermPages): an address a page, a
// file or an old address has keeps it. As many pages as each list's
// posts fill, three addresses each: for the home, each section and each
// tag of a blog of n posts with t taggings, at most 3 × (2n + t + its
// sections and tags) addresses.
func (st *Store) serveHugoPagers(c *content.Content, blogs []*blog) {
	pg := c.HugoPager()
	if pg.Size <= 0 {
		return
	}
	for _, b := range blogs {
		st.serveHugoPages(pg, b.dir+"/", len(b.posts))
		inSection := make(map[string]int)
		for _, p := range b.posts {
			if sec := topFolder(p); sec != "" {
				inSection[sec]++
			}
		}
		// In the order of their names, each also in lower case, as Hugo
		// writes a section's list (sortedSections).
		for _, sec := range slices.Sorted(maps.Keys(inSection)) {
			st.serveHugoPages(pg, b.dir+"/"+sec+"/", inSection[sec])
			st.serveHugoPages(pg, b.dir+"/"+strings.ToLower(sec)+"/", inSection[sec])
		}
		for _, g := range b.tags {
			k := content.TermKey(g.Name)
			if k == "" {
				continue
			}
			st.serveHugoPages(pg, b.dir+"/tags/"+k+"/", len(g.Posts))
			st.serveHugoPages(pg, b.dir+"/categories/"+k+"/", len(g.Posts))
		}
	}
}

// serveHugoPages answers the pages of the list at address list, of n
// posts, split as pg says, with what list answers: its redirect, or a
// redirect to it when it is a page (the home); its menu on Gopher.
// Nothing when list answers nothing.
func (st *Store) serveHugoPages(pg content.HugoPager, list string, n int) {
	at, menu := st.gemini[list], st.gopher[list]
	if at == nil || n <= 0 {
		return
	}
	if at.Status != gemini.StatusPermanentRedirect && at.Status != gemini.StatusRedirect {
		at = gemini.NewResponse(gemini.StatusPermanentRedirect, st.Site.GeminiLinkURL(list), nil)
	}
	for i := 1; i <= (n+pg.Size-1)/pg.Size; i++ {
		pager := list + pg.Path + "/" + strconv.Itoa(i) + "/"
		for _, a := range append([]string{pager}, addressForms(pager)...) {
			if _, taken := st.gemini[a]; !taken {
				st.gemini[a] = at
			}
			if _, taken := st.gopher[a]; !taken && menu != nil {
				st.gopher[a] = menu
			}
		}
	}
}
