package gemtext

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// inliner renders the inline content of one block: text into a buffer with
// the line breaks kept aside (they are resolved by lines, once the text on
// both sides is known, across inline boundaries), links into a linkSet.
type inliner struct {
	src    []byte
	r      *renderer
	links  *linkSet
	buf    []byte
	breaks []lineBreak
	inLink int  // > 0 while writing the label of a link or image
	plain  bool // non-space text was written outside any link label
	linked int  // links and images that got a link line
	// dropped is set after a dropped HTML tag, so that the spaces on
	// both sides of it ("a <!-- c --> b") are not doubled.
	dropped bool
	cur     []byte // scratch for resolve
}

// newInliner returns the renderer's inliner, reset, writing links to
// links. Blocks are rendered one at a time and an inliner's result is
// copied out (lines, label) before the next block, so one inliner and its
// buffers serve the whole document.
func (r *renderer) newInliner(links *linkSet) *inliner {
	in := &r.inliner
	*in = inliner{src: r.src, r: r, links: links, buf: in.buf[:0], breaks: in.breaks[:0], cur: in.cur[:0]}
	return in
}

// children renders the inline children of n.
func (in *inliner) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.node(c)
	}
}

func (in *inliner) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(in.src)
		if n.IsRaw() {
			in.write(v)
		} else {
			in.writeText(decode(v))
		}
		if n.HardLineBreak() {
			in.addBreak(true)
		} else if n.SoftLineBreak() {
			in.addBreak(false)
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			in.write(n.Value)
		} else {
			in.writeText(decode(n.Value))
		}
	case *ast.CodeSpan:
		in.codeSpan(n)
	case *ast.Link:
		in.link(string(decode(n.Destination)), func() { in.children(n) })
	case *ast.Image:
		in.link(string(decode(n.Destination)), func() { in.children(n) })
	case *ast.AutoLink:
		in.autoLink(n)
	case *ast.RawHTML:
		if isBreakTag(n, in.src) {
			in.addBreak(true)
		} else {
			in.dropped = true
		}
	case *east.TaskCheckBox:
		if n.IsChecked {
			in.write([]byte("[x] "))
		} else {
			in.write([]byte("[ ] "))
		}
	case *east.FootnoteLink:
		in.write([]byte("[" + strconv.Itoa(n.Index) + "]"))
	case *east.FootnoteBacklink:
		// The notes section needs no way back.
	default:
		// Emphasis, strikethrough and anything unknown: markers
		// stripped, content kept.
		in.children(n)
	}
}

// codeSpan writes a code span's content as is; a line ending inside it
// becomes a space, as in HTML.
func (in *inliner) codeSpan(n *ast.CodeSpan) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			v := t.Segment.Value(in.src)
			v = bytes.TrimSuffix(bytes.TrimSuffix(v, []byte("\n")), []byte("\r"))
			in.write(v)
			if len(v) < t.Segment.Len() {
				in.write([]byte(" "))
			}
		case *ast.String:
			in.write(t.Value)
		default:
			in.node(c)
		}
	}
}

func (in *inliner) autoLink(n *ast.AutoLink) {
	url := string(n.URL(in.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(url, "mailto:") {
		url = "mailto:" + url
	}
	label := n.Label(in.src)
	in.link(url, func() { in.write(label) })
}

// link writes a link's label, by calling label, and registers dest, with
// the label written, for a link line. A link whose destination is empty
// (after Options.Link) keeps only its label, as plain text.
func (in *inliner) link(dest string, label func()) {
	url := in.r.url(dest)
	if url == "" {
		label()
		return
	}
	in.linked++
	i := in.links.add(url)
	start, nb := len(in.buf), len(in.breaks)
	in.inLink++
	label()
	in.inLink--
	if i >= 0 {
		in.links.items[i].label = in.label(start, nb)
	}
}

// writeText writes decoded text, finding in it bare URLs that goldmark's
// linkify left as text (a URL right after Japanese text, gemini:// and
// gopher:// URLs): each becomes a link, its text the label.
func (in *inliner) writeText(s []byte) {
	if in.inLink > 0 || !bytes.Contains(s, []byte("://")) {
		in.write(s)
		return
	}
	last := 0
	for _, m := range findBareURLs(s) {
		in.write(s[last:m[0]])
		u := s[m[0]:m[1]]
		in.link(string(u), func() { in.write(u) })
		last = m[1]
	}
	in.write(s[last:])
}

// write appends s, cleaned of control characters.
func (in *inliner) write(s []byte) {
	if in.dropped && len(s) > 0 {
		in.dropped = false
		if len(in.buf) > 0 && in.buf[len(in.buf)-1] == ' ' {
			s = bytes.TrimLeft(s, " \t")
		}
	}
	if in.inLink == 0 && !in.plain && len(bytes.TrimSpace(s)) > 0 {
		in.plain = true
	}
	in.buf = appendClean(in.buf, s)
}

func (in *inliner) addBreak(hard bool) {
	in.breaks = append(in.breaks, lineBreak{pos: len(in.buf), hard: hard})
}

// isBreakTag reports whether n is a <br> tag (<br>, <br/>, <br />, any
// case, with or without attributes).
func isBreakTag(n *ast.RawHTML, src []byte) bool {
	if n.Segments == nil {
		return false
	}
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(src)...)
	}
	if len(b) < 4 || !hasPrefixFold(string(b[:3]), "<br") || b[len(b)-1] != '>' {
		return false
	}
	switch b[3] {
	case '>', '/', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && bytes.EqualFold([]byte(s[:len(prefix)]), []byte(prefix))
}
