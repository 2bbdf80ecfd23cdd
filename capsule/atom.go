package capsule

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"strings"
	"time"

	"capsule/capsule/content"
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
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// atomXML renders the feed of every post, newest first, with their
// summaries.
func (b *blog) atomXML(summaries []string) []byte {
	site := b.site
	feed := atomFeed{
		Lang:      site.Lang,
		ID:        site.GeminiURL("/"),
		Title:     site.Title,
		Subtitle:  site.Description,
		Author:    atomPerson{Name: cmp.Or(site.Author, site.Title)},
		Links:     []atomLink{{Href: site.GeminiURL("/"), Rel: "alternate", Type: "text/gemini"}, {Href: site.GeminiURL(atomPath), Rel: "self", Type: atomMediaType}},
		Generator: atomGen{Version: Version, Name: "capsule"},
		Updated:   atomTime(time.Unix(0, 0)),
	}
	var newest time.Time
	for i, p := range b.posts {
		u := site.GeminiURL(postGeminiPath(p))
		e := atomEntry{
			ID:        u,
			Title:     p.Title,
			Published: atomTime(p.Date),
			Updated:   atomTime(p.Updated),
			Links:     []atomLink{{Href: u, Rel: "alternate", Type: "text/gemini"}},
			Summary:   atomText{Type: "text", Text: summaries[i]},
		}
		if p.Lang != site.Lang {
			e.Lang = p.Lang
		}
		for _, t := range p.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
		if i == 0 || p.Updated.After(newest) {
			newest = p.Updated
		}
		feed.Entries = append(feed.Entries, e)
	}
	if len(b.posts) > 0 { // a post of year 1 has a zero time, and a date all the same
		feed.Updated = atomTime(newest)
	}
	var out bytes.Buffer
	out.WriteString(xml.Header)
	enc := xml.NewEncoder(&out)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		panic("atom: " + err.Error()) // only strings and fixed types: cannot fail
	}
	out.WriteByte('\n')
	return out.Bytes()
}

func atomTime(t time.Time) string { return t.Format(time.RFC3339) }

// summary is a post's summary: its front matter's, or the text of its first
// paragraph.
func summary(p *content.Post, doc ast.Node) string {
	if p.Summary != "" {
		return p.Summary
	}
	var para ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
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
	if gemtext.Render(&b, p.Body, para, gemtext.Options{}) != nil {
		return ""
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "=>") {
			return strings.TrimPrefix(line, "\u200b")
		}
	}
	return ""
}
