package capsule

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/markup"
	"capsule/capsule/messages"
	"capsule/capsule/search"
	"capsule/gopher"
)

func (b *blog) menu() *gopher.Menu { return gopher.NewMenu(b.site.Hostname, b.site.GopherPort) }

// phlogItems lists posts date first, as phlogs do. Each links the post's
// menu, whose first item is its text: the menu is where a reader finds the
// post's links, tags and neighbours, and most clients (Lynx, sacc,
// Bombadillo) cannot follow a gopher URL written in a text. One item per
// post keeps the list as easy to read as a list of texts. The menu is
// made with room for them (listMenu).
func (b *blog) phlogItems(m *gopher.Menu, posts []*content.Post) {
	for _, p := range posts {
		m.AddLines(b.part(p).lines.gopher)
	}
}

// home is the last item of every menu but the root.
func (b *blog) home(m *gopher.Menu) {
	m.Item(gopher.TypeMenu, messages.Format(b.site.Messages.Home, "site", b.site.Title), b.dir+"/")
}

// rootMenu is the gopher home: the site's description, its indexes and its
// posts.
func (b *blog) rootMenu() []byte {
	msg := b.site.Messages
	home := b.homeList()
	m := b.listMenu(b.linesSize(home, true) + b.listRoomFor())
	m.Info(b.site.Title)
	m.Info("")
	if b.site.Description != "" {
		m.Info(b.site.Description)
		m.Info("")
	}
	// Lynx reads gopher menus as Latin-1 unless told otherwise.
	m.Info(msg.LynxHint)
	m.Info("")
	if h := b.homeText; h != nil {
		// The home page's text, a document of its own: a menu's info
		// lines would lose its links.
		m.Item(gopher.TypeText, cmp.Or(h.Title, b.site.Title), postGopherLink(h))
	}
	m.Item(gopher.TypeMenu, msg.Tags, b.dir+tagsPath)
	m.Item(gopher.TypeMenu, msg.Archive, b.dir+archiveSel)
	m.Item(gopher.TypeSearch, msg.Search, b.searchPath())
	for i, p := range b.pages {
		if b.hasMenu(len(b.posts) + i) {
			m.Item(gopher.TypeMenu, p.Title, postMenuLink(p))
		} else {
			m.Item(gopher.TypeText, p.Title, postGopherLink(p))
		}
	}
	for _, o := range b.copied {
		if p := o.b.entry(o.j); o.b.hasMenu(o.j) {
			m.Item(gopher.TypeMenu, p.Title, postMenuLink(p))
		} else {
			m.Item(gopher.TypeText, p.Title, postGopherLink(p))
		}
	}
	for _, l := range b.others {
		m.Item(gopher.TypeMenu, l.Name, l.Dir+"/")
	}
	switch {
	case len(home) > 0:
		m.Info("")
		b.phlogItems(m, home)
	case b.ownsNothing():
		m.Info("")
		m.Info(msg.NoPosts)
	}
	return m.Done()
}

// hasMenu reports whether entry i's menu holds more than its text and the
// way home: a post always has neighbours or tags worth a menu; a page only
// when it has links (its menu is then linked instead of its text). Build
// knows a page's links only once it is rendered, so pages with links are
// marked by postGopher.
func (b *blog) hasMenu(i int) bool {
	if i < len(b.posts) {
		return true
	}
	return b.pageLinks[i-len(b.posts)]
}

// postGopher renders a post's gopher text and its menu: the text item, every
// link of the post as an item, so that readers of clients that cannot follow
// URLs in text (Lynx among them) can follow them, the post's tags and
// neighbours. A text whose menu holds more than the text and the way home
// ends with the menu's URL. homeAt is where the menu's last item, the way
// home, begins: the only part of either that the site's title reaches
// (see retitle).
func (b *blog) postGopher(i int, doc *markup.Document, scratch *renderScratch, link func(string) string) (text, menu []byte, homeAt int) {
	msg := b.site.Messages
	p := b.entry(i)
	older, newer := b.neighbours(i)
	text, links := b.postGopherText(i, doc, scratch, link)

	m := b.menu()
	m.Info(p.Title)
	if byline := postByline(p); byline != "" {
		m.Info(byline)
	}
	m.Info("")
	m.Item(gopher.TypeText, messages.Format(msg.Read, "title", p.Title), postGopherLink(p))
	if len(links) > 0 {
		m.Info("")
		m.Info(msg.PostLinks)
		for _, l := range links {
			// The number the text gives the link (notes come first).
			m.Link("["+strconv.Itoa(l.Num)+"] "+l.Label, l.URL)
		}
	}
	tags := p.Tags
	if p.Unlisted || p.Page {
		tags = nil // its byline names them: no tag's list has it
	}
	if len(tags) > 0 || older != nil || newer != nil || len(p.Translations) > 0 {
		m.Info("")
	}
	for _, t := range p.Translations {
		m.Item(gopher.TypeMenu, t.Name, postMenuLink(translationPost(t)))
	}
	for _, tag := range tags {
		m.Item(gopher.TypeMenu, "#"+tag, tagSelectorLink(b.dir, tag))
	}
	if older != nil {
		m.Item(gopher.TypeMenu, "← "+older.Date.Format(dateLayout)+" "+older.Title, postMenuLink(older))
	}
	if newer != nil {
		m.Item(gopher.TypeMenu, "→ "+newer.Date.Format(dateLayout)+" "+newer.Title, postMenuLink(newer))
	}
	m.Info("")
	homeAt = m.Len()
	b.home(m)
	return text, m.Bytes(), homeAt // copied into an arena by build (packer.pack)
}

// postGopherText renders a post's gopher text (see postGopher), in
// scratch's buffer, and returns it with the links it holds: all of the
// post that the Gopher width reaches (rewrap.go).
func (b *blog) postGopherText(i int, doc *markup.Document, scratch *renderScratch, link func(string) string) (text []byte, links []gopher.Link) {
	msg := b.site.Messages
	p := b.entry(i)
	older, newer := b.neighbours(i)
	// The pointer to the menu is written into the text's one allocation,
	// wrapped to the text's width as the text is.
	tail := func(links []gopher.Link) string {
		if len(links) > 0 || len(p.Tags) > 0 || older != nil || newer != nil || len(p.Translations) > 0 {
			pointer := strings.Join(gopher.Wrap(msg.MenuPointer, b.site.GopherWidth), "\r\n")
			return "\r\n" + pointer + "\r\n" + b.site.GopherURL(gopher.TypeMenu, postMenuSelector(p)) + "\r\n"
		}
		return ""
	}
	text, links = gopher.RenderPost(gopher.Header{Title: p.Title, Date: postDate(p), Tags: p.Tags},
		doc.Source, doc.Root, gopher.TextOptions{Width: b.site.GopherWidth, Link: link, TagsLabel: msg.TagsLabel, ImageLabel: msg.ImageLabel, Tail: tail, Buf: scratch.text})
	scratch.text = text
	if b.isPage(i) {
		b.pageLinks[i-len(b.posts)] = len(links) > 0 // each page its own index: no race
	}
	return text, links
}

// tagsMenu lists the tags, most used first.
func (b *blog) tagsMenu() []byte {
	m := b.menu()
	m.Info(messages.Format(b.site.Messages.TagsHeading, "site", b.site.Title))
	m.Info("")
	if len(b.tags) == 0 {
		m.Info(b.site.Messages.NoTags)
	}
	for _, g := range b.tags {
		m.Item(gopher.TypeMenu, fmt.Sprintf("%s (%d)", g.Name, len(g.Posts)), tagSelectorLink(b.dir, g.Name))
	}
	m.Info("")
	b.home(m)
	return m.Bytes()
}

// tagMenu lists one tag's posts, date first.
func (b *blog) tagMenu(g postGroup) []byte {
	m := b.listMenu(b.linesSize(g.Posts, true) + b.listRoomFor() + 4*len(g.Name))
	m.Info(b.site.Title + " #" + g.Name)
	m.Info("")
	b.phlogItems(m, g.Posts)
	m.Info("")
	m.Item(gopher.TypeMenu, b.site.Messages.Tags, b.dir+tagsPath)
	b.home(m)
	return m.Done()
}

// archiveMenu lists the posts by year.
func (b *blog) archiveMenu() []byte {
	m := b.listMenu(b.linesSize(b.list(), true) + b.listRoomFor())
	m.Info(messages.Format(b.site.Messages.ArchiveHeading, "site", b.site.Title))
	for _, y := range b.years {
		m.Info("")
		m.Info(y.Name)
		b.phlogItems(m, y.Posts)
	}
	m.Info("")
	b.home(m)
	return m.Done()
}

// searchMenu answers a type 7 search: the posts found, each with an excerpt.
// An empty query gets a menu with the search item to try again.
func (b *blog) searchMenu(query string, hits []search.Hit, more bool) []byte {
	msg := b.site.Messages
	m := b.menu()
	query = strings.TrimSpace(shownQuery(query))
	if query == "" {
		m.Info(msg.SearchPrompt + ": " + b.site.Title)
	} else {
		m.Info(searchSummary(msg, query, len(hits), more))
	}
	for _, h := range hits {
		p := b.posts[h.Doc]
		m.Info("")
		m.Item(gopher.TypeMenu, p.Date.Format(dateLayout)+" "+p.Title, postMenuLink(p))
		m.Info(h.Excerpt)
	}
	m.Info("")
	m.Item(gopher.TypeSearch, msg.SearchAgain, b.searchPath())
	b.home(m)
	return m.Bytes()
}

// errorMenu is an error message and a way home.
func (b *blog) errorMenu(msg string) []byte {
	m := b.menu()
	m.Error(msg)
	b.home(m)
	return m.Bytes()
}
