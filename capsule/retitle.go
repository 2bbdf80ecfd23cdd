package capsule

import (
	"slices"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// Reloads that change the site's title. The title (and the description)
// is on every page: the home page, lists and feeds, and each post's page
// and menu, under the post (their way home). A reload that changes it
// would render every post again and, while the Store being served is
// still held, hold a copy of every body it already holds: twice the
// memory of a steady capsule, for the length of the build.
//
// A post's body depends on less than its page: the site's settings but
// its title and description (sameBodySettings), the post itself, its
// neighbours and where its links lead (renderCache.lookup). When they
// are what they were, the post is not rendered again but retitled: its
// Gemini page is its previous bytes up to its tail (shared with the
// previous Store, not copied: gemini.Response.Tail) and a new tail, its
// menu its previous lines but the last with a new way home, and its
// Gopher text, feed entry and list lines are the previous ones, which
// show no title of the site.

// sameBodySettings reports whether the posts of a build of c for site
// render to the bodies st holds: st.sameSettings but for what only the
// posts' tails and menus show, the site's and its languages' titles and
// descriptions (and the site's author and favicon, which no post shows).
func (st *Store) sameBodySettings(site *Site, c *content.Content) bool {
	a, b := untitledSite(&st.Site), untitledSite(site)
	return sameSite(&a, &b) && st.markup == c.Markup &&
		slices.EqualFunc(st.languages, c.Languages, func(x, y content.Language) bool {
			x.Title, x.Description, y.Title, y.Description = "", "", "", ""
			return x == y
		})
}

// untitledSite is s without what no post's body shows.
func untitledSite(s *Site) Site {
	u := *s
	u.Title, u.Description, u.Author, u.Favicon = "", "", "", ""
	return u
}

// retitle returns the entry of r, a record of entry i of b rendered for
// another title of the site (sameBodySettings holds, and r's lookup
// took it), for b's title: its page's tail and its menu made anew,
// packed by pk, and the rest of its bytes where they are. It returns
// r's own entry when the tail and the way home are the bytes r has
// (another language's title changed, or the site's description).
func (pk *packer) retitle(r *renderRecord, b *blog, i int) (e renderedEntry, same bool) {
	e = r.renderedEntry
	old := e.gmi
	tail := b.postTail(i)
	m := b.menu()
	b.home(m)
	home := m.Bytes()          // the way home and the menu's end
	rest := old.Raw[e.tailAt:] // the old tail: the rest of Raw, then Tail
	if joinedIs(tail, rest, old.Tail) && string(home) == string(e.menu[e.homeAt:]) {
		return e, true
	}
	kept := old.Raw[:e.tailAt:e.tailAt]
	n := len(tail) + e.homeAt + len(home)
	buf, a := pk.alloc(n)
	copy(buf, tail)
	copy(buf[len(tail):], e.menu[:e.homeAt])
	copy(buf[len(tail)+e.homeAt:], home)
	g := &gemini.Response{Status: old.Status, Meta: old.Meta, Raw: kept, Tail: [][]byte{buf[:len(tail):len(tail)]}}
	if old.Body != nil {
		g.Body = kept[len(old.Raw)-len(old.Body):]
	}
	e.gmi = g
	e.menu = buf[len(tail):n:n]
	// What stays where it was: all but the old tail and menu.
	if e.arena != nil {
		e.size = len(kept) + len(e.lines.gemini) + len(e.lines.gopher)
		if e.textArena == nil {
			e.size += len(e.txt) // held with the rest (chunkArenas.hold)
		}
	}
	e.tailArena, e.tailSize = a, n
	return e, false
}

// joinedIs reports whether b is first and then the pieces of more, joined.
func joinedIs(b, first []byte, more [][]byte) bool {
	for _, p := range append([][]byte{first}, more...) {
		if len(b) < len(p) || string(b[:len(p)]) != string(p) {
			return false
		}
		b = b[len(p):]
	}
	return len(b) == 0
}
