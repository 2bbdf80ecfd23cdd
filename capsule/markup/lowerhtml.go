package markup

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// raw is the text of an inline HTML tag as written.
func (d *Document) raw(n *ast.RawHTML) string {
	if n.Segments.Len() == 1 {
		seg := n.Segments.At(0)
		return string(seg.Value(d.Source))
	}
	var b strings.Builder
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b.Write(seg.Value(d.Source))
	}
	return b.String()
}

// isTag reports whether raw is a start tag of the element name.
func isTag(raw, name string) bool {
	if len(raw) < len(name)+2 || raw[0] != '<' || !strings.EqualFold(raw[1:1+len(name)], name) {
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
	root, deep := parseHTML(src)
	if deep {
		w("HTML nested too deep", func() string {
			return "HTML elements nest more than 64 deep: the deeper ones are read as the text they hold"
		})
	}
	md := htmlToMarkdown(root, len(src), d.labels, w)
	if strings.TrimSpace(md) == "" {
		replace(n, nil)
		return
	}
	replace(n, d.writeMarkdown(md, at))
}

// lowerRawHTML replaces an inline <img> with an image, and an inline
// <a href> with a link holding what is between it and its </a> (or the
// next <a>, or the end of the paragraph, as HTML closes it).
func (d *Document) lowerRawHTML(n *ast.RawHTML, warn Warn) {
	raw := d.raw(n)
	at := 0
	if n.Segments.Len() > 0 {
		at = d.Offset(n.Segments.At(0).Start)
	}
	root, _ := parseHTML([]byte(raw))
	if len(root.kids) == 0 || root.kids[0].tag == "" {
		return
	}
	el := root.kids[0]
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
				if len(s) >= 3 && strings.EqualFold(s[:3], "</a") {
					parent.RemoveChild(parent, c)
					break
				}
				if isTag(s, "a") {
					break
				}
			}
			parent.RemoveChild(parent, c)
			link.AppendChild(link, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// escapeDest is a URL, decoded, as the renderers read a destination:
// backslash escapes and entities resolved.
func escapeDest(u string) string {
	u = strings.NewReplacer("\n", "", "\r", "").Replace(u)
	return strings.NewReplacer(`\`, `\\`, "&", `\&`).Replace(u)
}
