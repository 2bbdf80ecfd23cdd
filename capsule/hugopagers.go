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
// (/tags/go/page/2/, serveTermPages, as a Zola taxonomy's that sets
// paginate_by: content.TermPager), page 1 an alias Hugo writes of the
// list's own address. Readers keep them and search engines and other
// sites link them; each leads where its list's address does: the home,
// the archive, the tag's page. Whether a Hugo list is split is its
// theme's template's (.Paginate), and what it lists too (the main
// sections' posts on a home, most often): capsule answers as many pages
// as the list's posts fill, ceil(n/size), so that no page Hugo writes
// is missed, and an address past Hugo's last leads to the list too
// rather than to nothing.

// serveHugoPagers answers the pages of the home's and the sections'
// lists of blogs, a Hugo site's blogs (one a language): the sections of
// posts' (leading to the archive), of pages' (/captures/page/2/, to the
// home, or to the section's page when its _index.md has text), and the
// nested sections' (/posts/tech/page/2/, hugolists.go). The home's
// list, in Hugo 0.111, is of every page (.Paginator of the home lists
// site.RegularPages unless the theme says otherwise): as many pages as
// the posts and pages fill. Last, after everything else: an address a
// page, a file or an old address has keeps it. For a blog of n posts
// and pages, at most n/size + 1 pages for the home, and n/size + 1 for
// each section, top or nested, holding some (each twice when its name
// has capitals), three addresses each (four with uglyURLs).
func (st *Store) serveHugoPagers(c *content.Content, blogs []*blog, l *postLinks) {
	pg := c.HugoPager()
	if pg.Size <= 0 {
		return
	}
	for _, b := range blogs {
		st.serveListPages(pg, b.dir+"/", len(b.posts)+len(b.pages), c.HugoUglyList(""))
		// In the order of their names, each also in lower case, as Hugo
		// writes a section's list (sortedSections).
		for _, secs := range []map[string]int{l.sections[b.dir], l.pageSections[b.dir]} {
			for _, sec := range slices.Sorted(maps.Keys(secs)) {
				ugly := c.HugoUglyList(sec)
				st.serveListPages(pg, b.dir+"/"+sec+"/", secs[sec], ugly)
				if low := strings.ToLower(sec); low != sec {
					st.serveListPages(pg, b.dir+"/"+low+"/", secs[sec], ugly)
				}
			}
		}
		for _, hl := range l.hugoLists[b.dir] {
			if pages := hl.pages(pg); pages > 0 {
				st.serveListPages(pg, hl.path, max(hl.n, pages), hl.ugly) // page 1 of a list of none
			}
		}
	}
}

// serveListPages answers the pages of the list at address list, of n
// posts, split as pg says, in the forms a reader gives them (with and
// without the trailing slash, with index.html), and with ugly (a Hugo
// site's uglyURLs: hugougly.go) at the address Hugo writes them at,
// /posts/page/2.html, with what list answers: its redirect, or a
// redirect to it when it is a page (the home); its menu on Gopher.
// Nothing when list answers nothing, or pg splits nothing; an address
// taken keeps what it answers. ceil(n/size) pages, three addresses each
// (four with ugly).
func (st *Store) serveListPages(pg content.Pager, list string, n int, ugly bool) {
	at, menu := st.gemini[list], st.gopher[list]
	if at == nil || n <= 0 || pg.Size <= 0 {
		return
	}
	if at.Status != gemini.StatusPermanentRedirect && at.Status != gemini.StatusRedirect {
		at = gemini.NewResponse(gemini.StatusPermanentRedirect, st.Site.GeminiLinkURL(list), nil)
	}
	for i := 1; i <= (n+pg.Size-1)/pg.Size; i++ {
		pager := list + strconv.Itoa(i) + "/" // a Zola paginate_path written empty
		if pg.Path != "" {
			pager = list + pg.Path + "/" + strconv.Itoa(i) + "/"
		}
		st.serveAddressForms(pager, at, menu)
		if ugly {
			st.serveAddress(uglyAddress(pager), at, menu)
		}
	}
}
