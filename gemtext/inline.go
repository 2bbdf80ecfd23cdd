package gemtext

import (
	"bytes"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// inliner renders the inline content of one block: text into a buffer with
// the line breaks kept aside (they are resolved by lines, once the text on
// both sides is known, across inline boundaries), links into r.links.
type inliner struct {
	src    []byte
	r      *renderer
	buf    []byte
	breaks []lineBreak
	inLink int  // > 0 while writing the label of a link or image
	plain  bool // non-space text was written outside any link label
	linked int  // links and images that got a link line
	// dropped is set after a dropped HTML tag, so that the spaces on
	// both sides of it ("a <!-- c --> b") are not doubled.
	dropped bool
	// Scratch for resolve: the lines it builds, where they end, and the
	// slices it returns.
	lineBuf []byte
	ends    []int
	ls      [][]byte
}

// newInliner returns the renderer's inliner, reset. Blocks are rendered one
// at a time and an inliner's result is used (emitted, copied) before the
// next block, so one inliner and its buffers serve the whole document.
func (r *renderer) newInliner() *inliner {
	in := &r.inliner
	// Field by field: assigning a whole new inliner would write (and
	// barrier) every slice pointer for nothing.
	in.buf, in.breaks = in.buf[:0], in.breaks[:0]
	in.inLink, in.plain, in.linked, in.dropped = 0, false, 0, false
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
		switch {
		case n.IsRaw():
			in.write(v)
		case isPlainText(v):
			in.writeClean(v)
		default:
			in.writeText(in.r.decode(v))
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
			in.writeText(in.r.decode(n.Value))
		}
	case *ast.CodeSpan:
		in.codeSpan(n)
	case *ast.Link:
		in.link(in.r.decode(n.Destination), n)
	case *ast.Image:
		in.link(in.r.decode(n.Destination), n)
	case *ast.AutoLink:
		in.autoLink(n)
	case *ast.RawHTML:
		if in.isBreakTag(n) {
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
		var a [24]byte
		in.write(append(strconv.AppendInt(append(a[:0], '['), int64(n.Index), 10), ']'))
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
			v = bytes.TrimSuffix(bytes.TrimSuffix(v, newline), []byte("\r"))
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
	url := n.URL(in.src)
	if n.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(url, "mailto:") {
		in.r.scratch = append(append(in.r.scratch[:0], "mailto:"...), url...)
		url = in.r.scratch
	}
	label := n.Label(in.src)
	l, ok := in.beginLink(url)
	in.write(label)
	if ok {
		in.endLink(l)
	}
}

// link writes the label of a link or image, its children, and registers
// dest, with the label written, for a link line.
func (in *inliner) link(dest []byte, n ast.Node) {
	l, ok := in.beginLink(dest)
	in.children(n)
	if ok {
		in.endLink(l)
	}
}

// openLink is a link whose label is being written.
type openLink struct {
	item      int // index in r.links.items, -1 for a URL seen before
	start, nb int // buf offset and break index where the label starts
}

// beginLink registers dest for a link line; the label written until
// endLink is its label. A link whose destination is empty (after
// Options.Link) is no link: ok is false, and its label stays plain text.
func (in *inliner) beginLink(dest []byte) (l openLink, ok bool) {
	i, ok := in.r.addLink(dest)
	if !ok {
		return l, false
	}
	in.linked++
	in.inLink++
	return openLink{item: i, start: len(in.buf), nb: len(in.breaks)}, true
}

func (in *inliner) endLink(l openLink) {
	in.inLink--
	if l.item >= 0 {
		s := &in.r.links
		start := len(s.text)
		s.text = in.appendLabel(s.text, l.start, l.nb)
		s.items[l.item].label = span{start, len(s.text)}
	}
}

// writeText writes decoded text, finding in it bare URLs that goldmark's
// linkify left as text (a URL right after Japanese text, gemini:// and
// gopher:// URLs): each becomes a link, its text the label.
func (in *inliner) writeText(s []byte) {
	if in.inLink > 0 {
		in.write(s)
		return
	}
	last := 0
	for from := 0; ; {
		start, end, next := nextBareURL(s, from, last)
		if start < 0 {
			break
		}
		in.write(s[last:start])
		u := s[start:end]
		l, ok := in.beginLink(u)
		in.write(u)
		if ok {
			in.endLink(l)
		}
		last, from = end, next
	}
	in.write(s[last:])
}

// write appends s, cleaned of control characters.
func (in *inliner) write(s []byte) {
	in.buf = appendClean(in.buf, in.prepare(s))
}

// writeClean appends s, which has no control characters.
func (in *inliner) writeClean(s []byte) {
	in.buf = append(in.buf, in.prepare(s)...)
}

// prepare returns s as it is to be written, after a dropped tag without
// the spaces that would double one before it, and notes whether it is
// text outside a link label.
func (in *inliner) prepare(s []byte) []byte {
	if in.dropped && len(s) > 0 {
		in.dropped = false
		if len(in.buf) > 0 && in.buf[len(in.buf)-1] == ' ' {
			s = bytes.TrimLeft(s, " \t")
		}
	}
	if in.inLink == 0 && !in.plain && hasNonSpace(s) {
		in.plain = true
	}
	return s
}

// hasNonSpace reports whether s has a rune that is not white space, as
// len(bytes.TrimSpace(s)) > 0 would, but stops at the first such rune.
func hasNonSpace(s []byte) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\t', '\n', '\v', '\f', '\r', ' ':
				i++
				continue
			}
			return true
		}
		r, n := utf8.DecodeRune(s[i:])
		if !unicode.IsSpace(r) {
			return true
		}
		i += n
	}
	return false
}

func (in *inliner) addBreak(hard bool) {
	in.breaks = append(in.breaks, lineBreak{pos: len(in.buf), hard: hard})
}

// isBreakTag reports whether n is a <br> tag (<br>, <br/>, <br />, any
// case, with or without attributes).
func (in *inliner) isBreakTag(n *ast.RawHTML) bool {
	if n.Segments == nil {
		return false
	}
	var b []byte
	if n.Segments.Len() == 1 {
		// The usual case: the tag is read in place.
		seg := n.Segments.At(0)
		b = seg.Value(in.src)
	} else {
		b = in.r.scratch[:0]
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b = append(b, seg.Value(in.src)...)
		}
		in.r.scratch = b
	}
	if len(b) < 4 || !hasPrefixFold(b, "<br") || b[len(b)-1] != '>' {
		return false
	}
	switch b[3] {
	case '>', '/', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

func hasPrefixFold(s []byte, prefix string) bool {
	return len(s) >= len(prefix) && bytes.EqualFold(s[:len(prefix)], []byte(prefix))
}
