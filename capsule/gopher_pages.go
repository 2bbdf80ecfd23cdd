package capsule

import (
	"fmt"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/search"
	"capsule/gopher"

	"github.com/yuin/goldmark/ast"
)

func (b *blog) menu() *gopher.Menu { return gopher.NewMenu(b.site.Hostname, b.site.GopherPort) }

// phlogItems lists posts date first, as phlogs do.
func phlogItems(m *gopher.Menu, posts []*content.Post) {
	for _, p := range posts {
		m.Item(gopher.TypeText, p.Date.Format(dateLayout)+" "+p.Title, postGopherSelector(p))
	}
}

// rootMenu is the gopher home: the site's description, its indexes and its
// posts.
func (b *blog) rootMenu() []byte {
	m := b.menu()
	m.Info(b.site.Title)
	m.Info("")
	if b.site.Description != "" {
		m.Info(b.site.Description)
		m.Info("")
	}
	// Lynx reads gopher menus as Latin-1 unless told otherwise.
	m.Info("Lynx: run lynx -assume_charset=utf-8 to read this capsule in UTF-8.")
	m.Info("")
	m.Item(gopher.TypeMenu, "Tags", tagsPath)
	m.Item(gopher.TypeMenu, "Archive", archiveSel)
	m.Item(gopher.TypeSearch, "Search", searchPath)
	for _, p := range b.pages {
		m.Item(gopher.TypeText, p.Title, postGopherSelector(p))
	}
	m.Info("")
	phlogItems(m, b.posts)
	return m.Bytes()
}

// postGopher renders a post's gopher text and its menu: the text item, the
// post's tags and neighbours, and every link of the post as an item, so
// that readers of clients that cannot follow URLs in text (Lynx among them)
// can follow them. The text points at the menu.
func (b *blog) postGopher(i int, doc ast.Node, link func(string) string) (text, menu []byte) {
	p := b.entry(i)
	text, links := gopher.RenderPost(gopher.Header{Title: p.Title, Date: postDate(p), Tags: p.Tags},
		p.Body, doc, gopher.TextOptions{Width: b.site.GopherWidth, Link: link})
	text = append(text, "\r\nLinks, tags and other posts as a gopher menu:\r\n"+
		b.site.GopherURL(gopher.TypeMenu, postMenuSelector(p))+"\r\n"...)

	m := b.menu()
	m.Info(p.Title)
	m.Info(postByline(p))
	m.Info("")
	m.Item(gopher.TypeText, "Read: "+p.Title, postGopherSelector(p))
	if len(links) > 0 {
		m.Info("")
		m.Info("Links in this post:")
		for n, l := range links {
			m.Link(fmt.Sprintf("[%d] %s", n+1, l.Label), l.URL)
		}
	}
	m.Info("")
	for _, tag := range p.Tags {
		m.Item(gopher.TypeMenu, "#"+tag, tagSelectorLink(tag))
	}
	older, newer := b.neighbours(i)
	if older != nil {
		m.Item(gopher.TypeText, "← "+older.Date.Format(dateLayout)+" "+older.Title, postGopherSelector(older))
	}
	if newer != nil {
		m.Item(gopher.TypeText, "→ "+newer.Date.Format(dateLayout)+" "+newer.Title, postGopherSelector(newer))
	}
	m.Item(gopher.TypeMenu, "Home: "+b.site.Title, "/")
	return text, m.Bytes()
}

// tagsMenu lists the tags, most used first.
func (b *blog) tagsMenu() []byte {
	m := b.menu()
	m.Info("Tags: " + b.site.Title)
	m.Info("")
	for _, g := range b.tags {
		m.Item(gopher.TypeMenu, fmt.Sprintf("%s (%d)", g.Name, len(g.Posts)), tagSelectorLink(g.Name))
	}
	m.Info("")
	m.Item(gopher.TypeMenu, "Home: "+b.site.Title, "/")
	return m.Bytes()
}

// tagMenu lists one tag's posts, date first.
func (b *blog) tagMenu(g postGroup) []byte {
	m := b.menu()
	m.Info(b.site.Title + " #" + g.Name)
	m.Info("")
	phlogItems(m, g.Posts)
	m.Info("")
	m.Item(gopher.TypeMenu, "Tags", tagsPath)
	m.Item(gopher.TypeMenu, "Home: "+b.site.Title, "/")
	return m.Bytes()
}

// archiveMenu lists the posts by year.
func (b *blog) archiveMenu() []byte {
	m := b.menu()
	m.Info("Archive: " + b.site.Title)
	for _, y := range b.years {
		m.Info("")
		m.Info(y.Name)
		phlogItems(m, y.Posts)
	}
	m.Info("")
	m.Item(gopher.TypeMenu, "Home: "+b.site.Title, "/")
	return m.Bytes()
}

// searchMenu answers a type 7 search: the posts found, each with an excerpt.
// An empty query gets a menu with the search item to try again.
func (b *blog) searchMenu(query string, hits []search.Hit, more bool) []byte {
	m := b.menu()
	query = strings.TrimSpace(query)
	if query == "" {
		m.Info("Search the posts of " + b.site.Title + ":")
	} else {
		m.Info(searchSummary(query, len(hits), more))
	}
	for _, h := range hits {
		p := b.posts[h.Doc]
		m.Info("")
		m.Item(gopher.TypeText, p.Date.Format(dateLayout)+" "+p.Title, postGopherSelector(p))
		m.Info(h.Excerpt)
	}
	m.Info("")
	m.Item(gopher.TypeSearch, "Search again", searchPath)
	m.Item(gopher.TypeMenu, "Home: "+b.site.Title, "/")
	return m.Bytes()
}

// errorMenu is an error message and a way home.
func (b *blog) errorMenu(msg string) []byte {
	m := b.menu()
	m.Error(msg)
	m.Item(gopher.TypeMenu, "Home: "+b.site.Title, "/")
	return m.Bytes()
}
