package capsule

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/markup"
	"capsule/gemtext"

	"github.com/yuin/goldmark/ast"
)

// An Atom feed (RFC 4287) of the posts. Entry ids are the posts' gemini://
// URLs: stable as long as the hostname and slugs are.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Links     []atomLink  `xml:"link"`
	Generator atomGen     `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomGen struct {
	Version string `xml:"version,attr"`
	Name    string `xml:",chardata"`
}

type atomEntry struct {
	Lang       string         `xml:"xml:lang,attr,omitempty"`
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
	Content    *atomText      `xml:"content,omitempty"` // the whole post, as gemtext text
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// feedFullPosts is how many of a feed's newest entries carry the whole
// post when Site.FeedContent is on; older ones carry their summary. Feed
// readers want the recent posts whole; every post of a large blog whole in
// the main feed and again in each of its tags' feeds would double what the
// capsule holds in memory.
const feedFullPosts = 20

// feedParts says what feeds take of the posts' renders (blog.parts):
// their entries (renderedEntry.atom, without text) and, for the
// whole-post option, their summaries and gemtext.
type feedParts struct {
	text bool // Site.FeedContent
}

// atomXML renders a feed of posts, newest first: the whole site's (self is
// atomPath, home "/") or one tag's (its .xml and its page). self and home
// are links, percent-encoded. entries are the posts' pieces
// (entryPieces); prev are the runs of the feed it replaces, made of
// prevEntries, whose runs of the same entries it takes (feedRuns).
func (b *blog) atomXML(title, self, home string, posts []*content.Post, fe feedParts, entries []piece, prev []feedRun, prevEntries []piece) (*gemini.Response, []feedRun) {
	site := b.site
	feed := atomFeed{
		Lang:      site.Lang,
		ID:        site.GeminiLinkURL(self),
		Title:     title,
		Subtitle:  site.Description,
		Author:    atomPerson{Name: cmp.Or(site.Author, site.Title)},
		Links:     []atomLink{{Href: site.GeminiLinkURL(home), Rel: "alternate", Type: "text/gemini"}, {Href: site.GeminiLinkURL(self), Rel: "self", Type: atomMediaType}},
		Generator: atomGen{Version: Version, Name: "capsule"},
		Updated:   atomTime(time.Unix(0, 0)),
	}
	if self == atomPath {
		feed.ID = site.GeminiURL("/") // the id the feed has always had
	}
	var newest time.Time
	for i, p := range posts {
		if i == 0 || p.Updated.After(newest) {
			newest = p.Updated
		}
	}
	if len(posts) > 0 { // a post of year 1 has a zero time, and a date all the same
		feed.Updated = atomTime(newest)
	}
	// The feed without its entries, then each entry as encoding/xml
	// writes it inside the feed: most are made once per post, with the
	// post (renderedEntry.atom), and shared by every feed that has it.
	var head bytes.Buffer
	enc := xml.NewEncoder(&head)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		panic("atom: " + err.Error()) // only strings and fixed types: cannot fail
	}
	open := bytes.TrimSuffix(head.Bytes(), feedEnd[:len(feedEnd)-1])
	header := "20 " + atomMediaType + "\r\n"
	raw := make([]byte, 0, len(header)+len(xml.Header)+len(open))
	raw = append(append(append(raw, header...), xml.Header...), open...)
	runs := b.feedRuns(posts, fe, entries, prev, prevEntries)
	tail := make([][]byte, 0, len(runs)+1)
	for _, r := range runs {
		tail = append(tail, r.bytes)
	}
	tail = append(tail, feedEnd)
	return &gemini.Response{Status: gemini.StatusSuccess, Meta: atomMediaType, Body: raw[len(header):], Raw: raw, Tail: tail}, runs
}

// holdFeedEntries makes the feed entries of b's posts (renderedEntry.atom,
// which each build's feeds are made of) the bytes of b's feed, all.feed,
// that say them, or, for an entry that feed holds with its text, a copy
// of its own: the previous build's (prevAtoms), if it was already one,
// not in a run of the feed replaced (prevRuns). It records them in
// st.atoms for the next Build. The pieces of b's feeds are made again of
// the bytes held when some changed: the entries they were made of are
// garbage once the Store is built.
func (b *blog) holdFeedEntries(st *Store, all *blogPages, tags []*tagPages, fe feedParts, prevRuns []feedRun, prevAtoms map[string][]byte) {
	posts := b.feedPosts()
	inRun := b.feedEntriesHeld(all.runs, posts)
	changed := false
	for i, p := range posts {
		e := b.part(p)
		if len(e.atom) == 0 || !b.owns(p) {
			continue // not rendered; or another language's, which its blog holds
		}
		held := inRun[i]
		if a := prevAtoms[p.File]; held == nil && bytes.Equal(a, e.atom) && !inRuns(a, prevRuns) {
			held = a
		}
		if held == nil {
			// A copy, even of bytes held already: they may be a
			// part of a feed no longer served, or of a cache file.
			held = bytes.Clone(e.atom)
		}
		changed = changed || unsafe.SliceData(held) != unsafe.SliceData(e.atom)
		e.atom = held
		st.atoms[p.File] = held
	}
	if !changed {
		return // the pieces are of the bytes held already
	}
	b.entriesHeld(all, tags, fe)
}

// entriesHeld makes the pieces of b's feeds, all's and its tags' (in the
// order of b.tags), of its posts' entries as they are held now.
func (b *blog) entriesHeld(all *blogPages, tags []*tagPages, fe feedParts) {
	all.entries = b.entryPieces(b.feedPosts(), fe)
	for k, g := range b.tags {
		tags[k].entries = b.entryPieces(g.feedPosts(), fe)
	}
}

// inRuns reports whether b is a part of one of runs.
func inRuns(b []byte, runs []feedRun) bool {
	for _, r := range runs {
		if partOf(b, r.bytes) {
			return true
		}
	}
	return false
}

// partOf reports whether part is a slice of whole's bytes.
func partOf(part, whole []byte) bool {
	if len(part) == 0 || len(whole) == 0 {
		return false
	}
	p, w := uintptr(unsafe.Pointer(unsafe.SliceData(part))), uintptr(unsafe.Pointer(unsafe.SliceData(whole)))
	return p >= w && p+uintptr(len(part)) <= w+uintptr(len(whole))
}

// atomEntry is p's entry in a feed, with text as its content if not nil,
// as encoding/xml writes it in the feed: indented one level.
func (b *blog) atomEntry(p *content.Post, summary string, text []byte) []byte {
	site := b.site
	u := site.GeminiLinkURL(postGeminiLink(p))
	e := atomEntry{
		ID:        u,
		Title:     p.Title,
		Published: atomTime(p.Date),
		Updated:   atomTime(p.Updated),
		Links:     []atomLink{{Href: u, Rel: "alternate", Type: "text/gemini"}},
		Summary:   atomText{Type: "text", Text: summary},
	}
	if text != nil {
		e.Content = &atomText{Type: "text", Text: string(text)}
	}
	if p.Lang != site.Lang {
		e.Lang = p.Lang
	}
	for _, t := range p.Tags {
		e.Categories = append(e.Categories, atomCategory{Term: t})
	}
	return e.appendXML(make([]byte, 0, e.xmlSize()))
}

// appendXML appends e as encoding/xml writes it inside a feed (encoded as
// an element "entry", indented "  " under a prefix of "  "), byte for
// byte (TestAtomEntryXML): written by hand, since encoding/xml's
// reflection over the struct was most of the cost of a post's entry, made
// for every post a build renders.
func (e *atomEntry) appendXML(b []byte) []byte {
	b = append(b, "  <entry"...)
	if e.Lang != "" {
		b = appendXMLAttr(b, "xml:lang", e.Lang)
	}
	b = append(b, '>')
	b = appendXMLElement(b, "id", e.ID)
	b = appendXMLElement(b, "title", e.Title)
	b = appendXMLElement(b, "updated", e.Updated)
	b = appendXMLElement(b, "published", e.Published)
	for _, l := range e.Links {
		b = append(b, "\n    <link"...)
		b = appendXMLAttr(b, "href", l.Href)
		if l.Rel != "" {
			b = appendXMLAttr(b, "rel", l.Rel)
		}
		if l.Type != "" {
			b = appendXMLAttr(b, "type", l.Type)
		}
		b = append(b, "></link>"...)
	}
	for _, c := range e.Categories {
		b = append(b, "\n    <category"...)
		b = appendXMLAttr(b, "term", c.Term)
		b = append(b, "></category>"...)
	}
	b = e.Summary.appendXML(b, "summary")
	if e.Content != nil {
		b = e.Content.appendXML(b, "content")
	}
	return append(b, "\n  </entry>"...)
}

// xmlSize is about the size of e's XML, for its one allocation: its
// strings and their tags, escapes aside.
func (e *atomEntry) xmlSize() int {
	n := 160 + len(e.Lang) + len(e.ID) + len(e.Title) + len(e.Updated) + len(e.Published) + len(e.Summary.Text)
	for _, l := range e.Links {
		n += 48 + len(l.Href) + len(l.Rel) + len(l.Type)
	}
	for _, c := range e.Categories {
		n += 32 + len(c.Term)
	}
	if e.Content != nil {
		n += 32 + len(e.Content.Text)
	}
	return n
}

// appendXML appends t as the element name of an entry.
func (t *atomText) appendXML(b []byte, name string) []byte {
	b = append(append(b, "\n    <"...), name...)
	b = appendXMLAttr(b, "type", t.Type)
	b = appendXMLEscaped(append(b, '>'), t.Text)
	return append(append(append(b, "</"...), name...), '>')
}

// appendXMLElement appends an element of an entry holding text.
func appendXMLElement(b []byte, name, text string) []byte {
	b = append(append(append(b, "\n    <"...), name...), '>')
	b = appendXMLEscaped(b, text)
	return append(append(append(b, "</"...), name...), '>')
}

// appendXMLAttr appends the attribute name="value".
func appendXMLAttr(b []byte, name, value string) []byte {
	b = append(append(append(b, ' '), name...), `="`...)
	return append(appendXMLEscaped(b, value), '"')
}

// appendXMLEscaped appends s escaped as encoding/xml escapes text and
// attribute values (its EscapeString): the five markup characters, TAB,
// LF and CR as references, and what XML cannot hold (invalid UTF-8,
// controls, surrogates, U+FFFE and U+FFFF) as U+FFFD.
func appendXMLEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		var esc string
		c := s[i]
		width := 1
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				if c < 0x20 {
					esc = "\uFFFD"
				}
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && width == 1 || r > 0xd7ff && r < 0xe000 || r == 0xfffe || r == 0xffff {
				esc = "\uFFFD"
			}
		}
		i += width
		if esc == "" {
			continue
		}
		b = append(append(b, s[last:i-width]...), esc...)
		last = i
	}
	return append(b, s[last:]...)
}

func atomTime(t time.Time) string { return t.Format(time.RFC3339) }

// summary is a post's summary: its front matter's, or the text of its first
// paragraph.
func summary(p *content.Post, doc *markup.Document) string {
	if p.Summary != "" {
		return p.Summary
	}
	var para ast.Node
	ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindParagraph {
			para = n
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if para == nil {
		return ""
	}
	var b bytes.Buffer
	if gemtext.Render(&b, doc.Source, para, gemtext.Options{}) != nil {
		return ""
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "=>") {
			return strings.TrimPrefix(line, "\u200b")
		}
	}
	return ""
}
