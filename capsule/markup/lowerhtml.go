package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// raw is the text of an inline HTML tag as written: in Source when the
// tag is on one line.
func (d *Document) raw(n *ast.RawHTML) []byte {
	if n.Segments.Len() == 1 {
		seg := n.Segments.At(0)
		return seg.Value(d.Source)
	}
	var b []byte
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(d.Source)...)
	}
	return b
}

// isTag reports whether raw is a start tag of the element name.
func isTag(raw []byte, name string) bool {
	if len(raw) < len(name)+2 || raw[0] != '<' || !strings.EqualFold(string(raw[1:1+len(name)]), name) {
		return false
	}
	switch raw[1+len(name)] {
	case ' ', '\t', '\n', '\r', '/', '>':
		return true
	}
	return false
}

// lowerHTMLBlock replaces an HTML block with the Markdown its HTML stands
// for (see htmlToMarkdown).
func (d *Document) lowerHTMLBlock(n *ast.HTMLBlock, warn Warn) {
	var src []byte
	lines := n.Lines()
	offset := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		if i == 0 {
			offset = seg.Start
		}
		src = append(src, seg.Value(d.Source)...)
	}
	if n.HasClosure() {
		src = append(src, n.ClosureLine.Value(d.Source)...)
	}
	at := d.Offset(offset)
	w := func(kind string, msg func() string) { warn(at, kind, msg) }
	root, deep, hasMarkdown := parseHTML(src, d.markdownDepth < maxMarkdownDepth)
	if deep {
		w("HTML nested too deep", func() string {
			return "HTML elements nest more than 64 deep: the deeper ones are read as the text they hold"
		})
	}
	_, inside := n.Attribute(kramdownAttr)
	_, literal := n.Attribute(literalAttr)
	md := htmlToMarkdown(root, len(src), inside || literal, literal, d.labels, w)
	if strings.TrimSpace(md) == "" {
		replace(n, nil)
		return
	}
	blocks := d.writeMarkdown(md, at)
	replace(n, blocks)
	if hasMarkdown {
		// The Markdown of a MarkdownTag element may hold HTML of its
		// own (an <img>, a <div>): lowered in turn.
		d.markdownDepth++
		d.lowerIn(blocks, warn)
		d.markdownDepth--
	}
}

// parseTags reads raws, each an inline start tag, with one tokenizer: the
// element of each, or nil.
func parseTags(raws [][]byte) []*hnode {
	tags := make([]*hnode, len(raws))
	if len(raws) == 0 {
		return tags
	}
	var all []byte
	ends := make([]int, len(raws))
	for i, r := range raws {
		all = append(all, r...)
		ends[i] = len(all)
	}
	z := html.NewTokenizer(bytes.NewReader(all))
	at, i := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return tags
		}
		start := at
		at += len(z.Raw())
		for i < len(ends) && ends[i] <= start {
			i++
		}
		if i == len(ends) {
			return tags
		}
		if (tt == html.StartTagToken || tt == html.SelfClosingTagToken) && tags[i] == nil {
			tags[i] = readTag(z)
			z.NextIsNotRawText()
		}
	}
}

// readTag is the element of z's start tag.
func readTag(z *html.Tokenizer) *hnode {
	name, hasAttr := z.TagName()
	n := &hnode{tag: string(name)}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		n.attrs = append(n.attrs, html.Attribute{Key: string(k), Val: string(v)})
	}
	return n
}

// lowerRawHTML replaces an inline <img> with an image, and an inline
// <a href> with a link holding what is between it and its </a> (or the
// next <a>, or the end of the paragraph, as HTML closes it).
func (d *Document) lowerRawHTML(n *ast.RawHTML, el *hnode, warn Warn) {
	if el == nil {
		return
	}
	at := 0
	if n.Segments.Len() > 0 {
		seg := n.Segments.At(0)
		at = d.Offset(seg.Start)
	}
	parent := n.Parent()
	switch el.tag {
	case "img":
		src := el.attr("src")
		if src == "" {
			src = el.attr("data-src")
		}
		alt := el.attr("alt")
		if src == "" {
			if alt != "" {
				t := ast.NewTextSegment(d.writeText(escapeText(alt), at))
				parent.InsertBefore(parent, n, t)
			} else {
				warn(at, "HTML image without source dropped", func() string {
					return "an <img> has neither src nor alt text: it is not shown"
				})
			}
			parent.RemoveChild(parent, n)
			return
		}
		img := ast.NewImage(ast.NewLink())
		img.Destination = []byte(escapeDest(src))
		if alt != "" {
			img.AppendChild(img, ast.NewTextSegment(d.writeText(escapeText(alt), at)))
		}
		parent.InsertBefore(parent, n, img)
		parent.RemoveChild(parent, n)
	case "iframe", "video", "audio", "source", "embed", "object":
		label, src := d.labels.mediaLink(el)
		if src != "" {
			link := ast.NewLink()
			link.Destination = []byte(escapeDest(src))
			link.AppendChild(link, ast.NewTextSegment(d.writeText(escapeText(label), at)))
			parent.InsertBefore(parent, n, link)
		} else if el.tag != "video" && el.tag != "audio" { // their <source> tags may follow
			warn(at, "HTML embed without source dropped", func() string {
				return "a <" + el.tag + "> names nothing to play or show: it is not shown"
			})
		}
		parent.RemoveChild(parent, n)
	case "svg", "canvas", "math", "input", "select", "button":
		warn(at, "HTML element dropped", func() string {
			return "<" + el.tag + "> draws what gemtext and gopher cannot: it is not shown"
		})
	case "a":
		href := el.attr("href")
		if href == "" {
			return // its text stays; the tags are dropped as before
		}
		link := ast.NewLink()
		link.Destination = []byte(escapeDest(href))
		parent.InsertBefore(parent, n, link)
		for c := n.NextSibling(); c != nil; {
			next := c.NextSibling()
			if r, ok := c.(*ast.RawHTML); ok {
				s := d.raw(r)
				if len(s) >= 3 && strings.EqualFold(string(s[:3]), "</a") {
					parent.RemoveChild(parent, c)
					break
				}
				if isTag(s, "a") {
					break
				}
			}
			parent.RemoveChild(parent, c)
			if a, ok := c.(*ast.AutoLink); ok {
				// A web address as the link's text (a WordPress-era
				// <a href="…">http://…&amp;…</a>): its text as the
				// browser shows it, entities decoded, and no link of
				// its own inside the link (it was a second link, to
				// an address with "&amp;" in it).
				label := html.UnescapeString(string(a.Label(d.Source)))
				c = ast.NewTextSegment(d.writeText(escapeText(label), at))
			}
			link.AppendChild(link, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// escapeDest is a URL, decoded, as the renderers read a destination:
// backslash escapes and entities resolved.
func escapeDest(u string) string {
	u = webURL(u)
	b := make([]byte, 0, len(u))
	for i := 0; i < len(u); i++ {
		switch ch := u[i]; ch {
		case '\n', '\r':
		case '\\', '&':
			b = append(b, '\\', ch)
		default:
			b = append(b, ch)
		}
	}
	return string(b)
}
