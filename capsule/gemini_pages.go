package capsule

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"capsule/gemtext"
	"capsule/gopher"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/messages"
	"capsule/capsule/search"
)

// geminiPage wraps a gemtext body in a success response in lang.
func geminiPage(lang string, body []byte) *gemini.Response {
	return gemini.NewResponse(gemini.StatusSuccess, gemtextMeta(lang), body)
}

// gemtextMeta is the media type of pages in lang.
func gemtextMeta(lang string) string {
	meta := "text/gemini; charset=utf-8"
	if lang != "" {
		meta += "; lang=" + lang
	}
	return meta
}

// postList writes posts in the form of a gemfeed entry,
// "=> path YYYY-MM-DD title", which Lagrange's subscription parser reads.
// Each post's line is made once, with the post (listLines), and written
// in every list that has the post, a page made with room for them
// (newListPage).
func (b *blog) postList(pg *gemtext.Page, posts []*content.Post) {
	for _, p := range posts {
		pg.Gemtext(b.part(p).lines.gemini)
	}
}

// listLines are a post's line in the lists of posts: the home page, tag
// pages and the archive, on each protocol.
type listLines struct {
	gemini, gopher []byte
}

func (b *blog) listLines(p *content.Post) listLines {
	var pg gemtext.Page
	pg.Link(postGeminiLink(p), p.Date.Format(dateLayout)+" "+feedTitle(p.Title))
	m := b.menu()
	m.Item(gopher.TypeMenu, p.Date.Format(dateLayout)+" "+p.Title, postMenuLink(p))
	return listLines{gemini: pg.Bytes(), gopher: m.Lines()} // copied into an arena by build (packer.pack)
}

// feedTitle keeps a title whole in Lagrange's feed view. Lagrange trims
// from an entry's title the spaces, ASCII punctuation (but "([{<) and en
// and em dashes it starts with, which cut the face off "_・)やあ". A zero
// width space before such a title is not trimmed and stops the trimming.
// It is invisible: other clients show the line as before, gemfeed readers
// that keep it show nothing more, and the post page's own heading is left
// as written.
func feedTitle(title string) string {
	if r, _ := utf8.DecodeRuneInString(title); lagrangeTrims(r) {
		return "\u200b" + title
	}
	return title
}

// lagrangeTrims reports whether Lagrange trims r from the start of a feed
// entry's title.
func lagrangeTrims(r rune) bool {
	switch {
	case r == ' ' || r == '\t' || r == '\u2013' || r == '\u2014':
		return true
	case r < utf8.RuneSelf && unicode.IsPunct(r) || r < utf8.RuneSelf && unicode.IsSymbol(r):
		return !strings.ContainsRune(`"([{<`, r)
	}
	return false
}

// homeGemtext is the home page, a gemfeed: its first heading is the feed
// title and it lists every post.
func (b *blog) homeGemtext() *gemini.Response {
	home := b.homeList()
	pg := newListPage(b.site.Lang, b.linesSize(home, false)+b.listRoomFor())
	pg.Heading(1, b.site.Title)
	pg.Blank()
	if b.site.Description != "" {
		pg.Text(b.site.Description)
		pg.Blank()
	}
	if len(b.homeBody) > 0 {
		pg.Gemtext(b.homeBody)
		pg.Blank()
	}
	msg := b.site.Messages
	pg.Link(b.dir+tagsPath, msg.Tags)
	pg.Link(b.dir+archivePath, msg.Archive)
	pg.Link(b.searchPath(), msg.Search)
	pg.Link(b.dir+atomPath, msg.AtomFeed)
	for _, p := range b.pages {
		pg.Link(postGeminiLink(p), p.Title)
	}
	for _, o := range b.copied {
		p := o.b.entry(o.j)
		pg.Link(postGeminiLink(p), p.Title)
	}
	for _, l := range b.others {
		pg.Link(l.Dir+"/", l.Name)
	}
	switch {
	case len(home) > 0:
		// A language of a site whose posts are all in another (its
		// pages alone in it) has no list under the heading: no heading.
		pg.Blank()
		pg.Heading(2, msg.Posts)
		pg.Blank()
		b.postList(&pg.Page, home)
	case b.ownsNothing():
		// A site (or a language) with nothing of its own says so,
		// rather than show its links alone.
		pg.Blank()
		pg.Text(msg.NoPosts)
	}
	return pg.response()
}

// postGemtext is a post's page: title, date and tags, the body (which
// render writes, once, as gemtext.Render does), then the posts around it
// and a way home (postTail). searchable is what search looks in: the
// post's body, as the page holds it (not a copy); tailAt is where the
// tail begins in the page. The page is made in scratch.page, until the
// caller packs it (packer.pack copies it).
func (b *blog) postGemtext(i int, scratch *renderScratch, render func(w io.Writer) error) (page *gemini.Response, searchable []byte, tailAt int, err error) {
	p := b.entry(i)
	// The response header goes first, so that the page is made straight
	// into the bytes packed; what goes around the body is made first, so
	// that the body is copied once, from the renderer's buffer.
	header := "20 " + gemtextMeta(p.Lang) + "\r\n"
	var head gemtext.Page
	head.Gemtext([]byte(header))
	head.Heading(1, p.Title)
	head.Blank()
	if byline := postByline(p); byline != "" { // none for a page without tags
		head.Text(byline)
		for _, tag := range p.Tags {
			if p.Unlisted || p.Page {
				break // the byline names them: no tag's list has it
			}
			head.Link(tagGeminiLink(b.dir, tag), "#"+tag)
		}
		head.Blank()
	}
	w := pageWriter{head: head.Bytes(), tail: b.postTail(i), buf: scratch.page}
	if err := render(&w); err != nil {
		return nil, nil, 0, err
	}
	if w.raw == nil {
		w.Write(nil)
	}
	scratch.page = w.raw
	raw, start := w.raw, len(w.head)
	end := len(raw) - len(w.tail)
	page = &gemini.Response{Status: gemini.StatusSuccess, Meta: gemtextMeta(p.Lang), Body: raw[len(header):], Raw: raw}
	return page, raw[start:end], end, nil
}

// postTail is what a post's page has under its body: its translations,
// the posts around it and a way home, named by the site's title. It is
// the page's only part that the site's title reaches: a reload that
// changes the title alone makes it anew and keeps the rest (retitle).
func (b *blog) postTail(i int) []byte {
	p := b.entry(i)
	var tail gemtext.Page
	tail.Blank()
	for _, t := range p.Translations {
		tail.Link(postGeminiLink(translationPost(t)), t.Name)
	}
	older, newer := b.neighbours(i)
	if older != nil {
		tail.Link(postGeminiLink(older), "← "+older.Date.Format(dateLayout)+" "+older.Title)
	}
	if newer != nil {
		tail.Link(postGeminiLink(newer), "→ "+newer.Date.Format(dateLayout)+" "+newer.Title)
	}
	tail.Link(b.dir+"/", b.site.Title)
	return tail.Bytes()
}

// pageWriter makes a page of head, the one Write's bytes and tail, in
// buf (grown as needed).
type pageWriter struct {
	head, tail, raw, buf []byte
}

func (w *pageWriter) Write(body []byte) (int, error) {
	if w.raw != nil {
		return 0, errors.New("capsule: a page's body written twice")
	}
	w.raw = slices.Grow(w.buf[:0], len(w.head)+len(body)+len(w.tail))
	w.raw = append(append(append(w.raw, w.head...), body...), w.tail...)
	return len(body), nil
}

// tagsGemtext lists the tags, most used first.
func (b *blog) tagsGemtext() []byte {
	var pg gemtext.Page
	pg.Heading(1, messages.Format(b.site.Messages.TagsHeading, "site", b.site.Title))
	pg.Blank()
	if len(b.tags) == 0 {
		pg.Text(b.site.Messages.NoTags)
	}
	for _, g := range b.tags {
		pg.Link(tagGeminiLink(b.dir, g.Name), fmt.Sprintf("%s (%d)", g.Name, len(g.Posts)))
	}
	pg.Blank()
	pg.Link(b.dir+"/", b.site.Title)
	return pg.Bytes()
}

// tagGemtext lists a tag's posts in the home page's form, so that one tag
// can be subscribed to on its own.
func (b *blog) tagGemtext(g postGroup) *gemini.Response {
	pg := newListPage(b.site.Lang, b.linesSize(g.Posts, false)+b.listRoomFor()+4*len(g.Name))
	pg.Heading(1, b.site.Title+" #"+g.Name)
	pg.Blank()
	b.postList(&pg.Page, g.Posts)
	pg.Blank()
	pg.Link(tagFeedLink(b.dir, g.Name), b.site.Messages.TagFeed)
	pg.Link(b.dir+tagsPath, b.site.Messages.Tags)
	pg.Link(b.dir+"/", b.site.Title)
	return pg.response()
}

// archiveGemtext lists the posts by year.
func (b *blog) archiveGemtext() *gemini.Response {
	pg := newListPage(b.site.Lang, b.linesSize(b.list(), false)+b.listRoomFor())
	pg.Heading(1, messages.Format(b.site.Messages.ArchiveHeading, "site", b.site.Title))
	for _, y := range b.years {
		pg.Blank()
		pg.Heading(2, y.Name)
		pg.Blank()
		b.postList(&pg.Page, y.Posts)
	}
	pg.Blank()
	pg.Link(b.dir+"/", b.site.Title)
	return pg.response()
}

// robotsTxt keeps crawlers (Gemini's robots.txt companion specification)
// out of search results, which are endless and cost work to answer: the
// site's and those of blogs' languages in their folders.
func robotsTxt(blogs []*blog) []byte {
	s := "User-agent: *\nDisallow: " + searchPath + "\n"
	for _, lb := range blogs {
		if lb.dir != "" {
			s += "Disallow: " + lb.searchPath() + "\n"
		}
	}
	return []byte(s)
}

// searchGemtext is a page of search results.
func (b *blog) searchGemtext(query string, hits []search.Hit, more bool) []byte {
	var pg gemtext.Page
	msg := b.site.Messages
	query = shownQuery(query)
	pg.Heading(1, messages.Format(msg.SearchHeading, "query", query))
	pg.Blank()
	pg.Text(searchSummary(msg, query, len(hits), more))
	for _, h := range hits {
		p := b.posts[h.Doc]
		pg.Blank()
		pg.Link(postGeminiLink(p), p.Date.Format(dateLayout)+" "+p.Title)
		pg.Quote(h.Excerpt)
	}
	pg.Blank()
	pg.Link(b.searchPath(), msg.SearchAgain)
	pg.Link(b.dir+"/", b.site.Title)
	return pg.Bytes()
}

// searchQuery decodes a Gemini query: percent-encoding only, a "+" is a
// plus sign.
func searchQuery(raw string) (string, bool) {
	q, err := url.PathUnescape(raw)
	return q, err == nil
}
