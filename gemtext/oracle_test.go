// This file is a frozen copy of the renderer as it was before it was
// rewritten for speed (one output buffer, no intermediate line lists):
// every package-level name prefixed with "ref", nothing else changed. It
// is the oracle of TestEquivalence, which checks that the current renderer
// writes the very same bytes. Do not "fix" it: its output is the
// specification the rewrite was held to.

package gemtext

import (
	"bytes"
	"fmt"
	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Render writes doc, parsed from source, to w as gemtext.
//
// doc is normally the *ast.Document goldmark's parser returns; any other
// node is rendered as the only block of a document. Render reads the tree
// and never changes it, so the same tree can be rendered again, as gemtext
// or otherwise. The output is written with a single Write, none for a
// document without content. Render returns the error of that Write, or an
// error if the tree cannot be rendered from source (a tree parsed from
// other bytes, say); it does not panic.
func refRenderTo(w io.Writer, source []byte, doc ast.Node, opts Options) error {
	out, err := refRender(source, doc, opts)
	if err != nil {
		return err
	}
	if len(out) == 0 {
		return nil
	}
	_, err = w.Write(out)
	return err
}

// render returns doc as gemtext. A panic (a tree that does not match
// source, a bug) is returned as an error rather than taking the caller down.
func refRender(source []byte, doc ast.Node, opts Options) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("gemtext: cannot render document: %v", v)
		}
	}()
	if doc == nil {
		return nil, nil
	}
	r := &refRenderer{src: source, opts: opts}
	r.document(doc)
	return refAssemble(r.out, len(source)), nil
}

// renderer holds the state of one Render call.
type refRenderer struct {
	src  []byte
	opts Options
	out  []refLine
	// lastRule is set when the last top-level block written was a
	// thematic break, which then also serves as the notes separator.
	lastRule bool
	inliner  refInliner // see newInliner
}

// document renders the blocks of doc, one after another, a blank line
// between them, each followed by its link lines.
func (r *refRenderer) document(doc ast.Node) {
	if doc.Kind() != ast.KindDocument {
		r.topBlock(doc)
		return
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		r.topBlock(c)
	}
}

func (r *refRenderer) topBlock(n ast.Node) {
	if fl, ok := n.(*east.FootnoteList); ok {
		r.footnotes(fl)
		return
	}
	links := &refLinkSet{}
	lines := r.block(n, links, true)
	lines = append(lines, links.lines()...)
	if len(lines) == 0 {
		return
	}
	r.out = refJoinBlocks(r.out, lines, &refBlank)
	r.lastRule = n.Kind() == ast.KindThematicBreak
}

// block returns the lines of block n; its links go to links. top is set for
// a direct child of the document, where gemtext syntax is available: inside
// a list, quote or note a heading is plain text and a paragraph of links
// keeps its text.
func (r *refRenderer) block(n ast.Node, links *refLinkSet, top bool) []refLine {
	switch n := n.(type) {
	case *ast.Paragraph:
		return r.paragraph(n, links, top)
	case *ast.TextBlock:
		return r.paragraph(n, links, false)
	case *ast.Heading:
		return r.heading(n, links, top)
	case *ast.ThematicBreak:
		return []refLine{refMarkLine("~~~")}
	case *ast.FencedCodeBlock:
		info := ""
		if n.Info != nil {
			info = strings.TrimSpace(refClean(refDecode(n.Info.Segment.Value(r.src))))
		}
		return r.code(n, info)
	case *ast.CodeBlock:
		return r.code(n, "")
	case *ast.Blockquote:
		return r.quote(n, links)
	case *ast.List:
		return r.list(n, links, 0)
	case *ast.HTMLBlock:
		return nil
	case *east.Table:
		return r.table(n, links)
	case *east.FootnoteList:
		return nil
	}
	if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
		return r.paragraph(n, links, false)
	}
	return r.blocks(n, links)
}

// blocks returns the lines of n's child blocks, a blank line between them.
func (r *refRenderer) blocks(n ast.Node, links *refLinkSet) []refLine {
	var out []refLine
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = refJoinBlocks(out, r.block(c, links, false), &refBlank)
	}
	return out
}

// paragraph returns the lines of a block of inline content. At the top
// level, a paragraph of nothing but links and images gives no text: its
// link lines say it all.
func (r *refRenderer) paragraph(n ast.Node, links *refLinkSet, top bool) []refLine {
	in := r.newInliner(links)
	in.children(n)
	if top && in.linked > 0 && !in.plain {
		return nil
	}
	ls := in.lines()
	out := make([]refLine, len(ls))
	for i, s := range ls {
		out[i] = refTextLine(s)
	}
	return out
}

// heading returns a heading line, h4 to h6 clamped to ###, or, below the
// top level, the heading's text.
func (r *refRenderer) heading(n *ast.Heading, links *refLinkSet, top bool) []refLine {
	in := r.newInliner(links)
	in.children(n)
	s := strings.Join(in.lines(), " ")
	if s == "" {
		return nil
	}
	if !top {
		return []refLine{refTextLine(s)}
	}
	level := min(max(n.Level, 1), 3)
	return []refLine{refMarkLine(strings.Repeat("#", level) + " " + s)}
}

// code returns a preformatted block with info as alt text. Content lines
// are kept as they are, except that one starting with ``` gets a leading
// space so that it does not end the block.
func (r *refRenderer) code(n ast.Node, info string) []refLine {
	segs := n.Lines()
	out := make([]refLine, 0, segs.Len()+2)
	out = append(out, refPreLine("```"+info))
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		v := string(seg.Value(r.src))
		v = strings.TrimSuffix(v, "\n")
		v = strings.ReplaceAll(v, "\r", "")
		v = strings.ReplaceAll(v, "\x00", "\uFFFD")
		for _, s := range strings.Split(v, "\n") {
			out = append(out, refPreLine(refEscapePre(s)))
		}
	}
	return append(out, refPreLine("```"))
}

// quote returns a blockquote: every line "> ", a ">" line between its
// blocks. A quote inside it is marked "> > ". Preformatted blocks cannot be
// quoted in gemtext: they interrupt the quote and stay preformatted.
func (r *refRenderer) quote(n *ast.Blockquote, links *refLinkSet) []refLine {
	inner := r.blocks(n, links)
	out := make([]refLine, 0, len(inner))
	for _, l := range inner {
		switch l.kind {
		case refKindBlank:
			out = append(out, refMarkLine(">"))
		case refKindPre:
			out = append(out, l)
		default:
			out = append(out, refMarkLine("> "+l.s))
		}
	}
	return out
}

// lineBreak marks a soft or hard line break at byte offset pos of an
// inliner's buffer.
type refLineBreak struct {
	pos  int
	hard bool
}

// lines returns the text written so far as lines: soft breaks joined, hard
// breaks kept.
func (in *refInliner) lines() []string {
	return in.resolve(in.buf, in.breaks, 0)
}

// label returns the text written since buf offset start and break index
// nb as one line.
func (in *refInliner) label(start, nb int) string {
	ls := in.resolve(in.buf[start:], in.breaks[nb:], start)
	switch len(ls) {
	case 0:
		return ""
	case 1:
		return ls[0]
	}
	return strings.Join(ls, " ")
}

// resolve splits buf at its breaks (offsets less base) into lines. At a
// soft break the spaces on both sides are dropped and the two sides joined
// by one space, or by none when both runes are East Asian wide. Leading and
// trailing empty lines are dropped.
func (in *refInliner) resolve(buf []byte, breaks []refLineBreak, base int) []string {
	if len(breaks) == 0 {
		s := bytes.Trim(buf, " ")
		if len(s) == 0 {
			return nil
		}
		return []string{string(s)}
	}
	var lines []string
	start := 0
	seg := func(i int) []byte {
		end := len(buf)
		if i < len(breaks) {
			end = min(max(breaks[i].pos-base, start), len(buf))
		}
		s := buf[start:end]
		start = end
		return s
	}
	cur := append(in.cur[:0], refTrimSpaceLeft(seg(0))...)
	defer func() { in.cur = cur[:0] }()
	for i, b := range breaks {
		next := refTrimSpaceLeft(seg(i + 1))
		cur = refTrimSpaceRight(cur)
		if b.hard {
			lines = append(lines, string(cur))
			cur = append(cur[:0], next...)
			continue
		}
		if len(cur) > 0 && len(next) > 0 {
			r1, _ := utf8.DecodeLastRune(cur)
			r2, _ := utf8.DecodeRune(next)
			if refSpaceAtBreak(r1, r2) {
				cur = append(cur, ' ')
			}
		}
		cur = append(cur, next...)
	}
	lines = append(lines, string(refTrimSpaceRight(cur)))
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// spaceAtBreak reports whether a soft line break between runes a and b
// becomes a space: not when both are East Asian wide (Japanese has no
// spaces between words), nor next to a zero width space.
func refSpaceAtBreak(a, b rune) bool {
	if a == '\u200B' || b == '\u200B' {
		return false
	}
	return !(refIsWide(a) && refIsWide(b))
}

// isWide reports whether r is East Asian wide in the sense of goldmark's
// util.IsEastAsianWideRune (kana, Han, Hangul, CJK punctuation), extended
// to the fullwidth forms （）！？：，．etc., which are as common in Japanese
// text as 、and 。.
func refIsWide(r rune) bool {
	return util.IsEastAsianWideRune(r) ||
		r >= 0xFF01 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6
}

func refTrimSpaceLeft(b []byte) []byte { return bytes.TrimLeft(b, " ") }

func refTrimSpaceRight(b []byte) []byte { return bytes.TrimRight(b, " ") }

// textEscape is put in front of a text line that would otherwise be read as
// gemtext syntax. U+200B ZERO WIDTH SPACE is invisible in every client, does
// not shift the text, and makes the line a plain text line.
const refTextEscape = "\u200B"

// EscapeText returns s, a line of running text written at the start of a
// gemtext line (a title, a description), escaped if it would otherwise be taken as a link (=>),
// heading (#), list item ("* "), quote (>) or preformatting toggle (```).
func refEscapeText(s string) string {
	if refNeedsEscape(s) {
		return refTextEscape + s
	}
	return s
}

func refNeedsEscape(s string) bool {
	return strings.HasPrefix(s, "=>") ||
		strings.HasPrefix(s, "#") ||
		strings.HasPrefix(s, "* ") ||
		strings.HasPrefix(s, ">") ||
		strings.HasPrefix(s, "```")
}

// escapePre returns s, a line inside a preformatted block, with a leading
// space added if it starts with ``` and so would end the block early.
func refEscapePre(s string) string {
	if strings.HasPrefix(s, "```") {
		return " " + s
	}
	return s
}

// footnotes writes the notes section that ends the document: a "~~~"
// separator (unless the document already ended with a thematic break), a
// blank line, then each note as "[1] text", further lines of a note
// indented under its text, and after all notes the link lines of the links
// in them.
func (r *refRenderer) footnotes(fl *east.FootnoteList) {
	links := &refLinkSet{}
	var out []refLine
	i := 0
	for c := fl.FirstChild(); c != nil; c = c.NextSibling() {
		i++
		num := i
		if fn, ok := c.(*east.Footnote); ok && fn.Index > 0 {
			num = fn.Index
		}
		tag := "[" + strconv.Itoa(num) + "] "
		cont := strings.Repeat(" ", len(tag))
		first := true
		for b := c.FirstChild(); b != nil; b = b.NextSibling() {
			for _, l := range r.block(b, links, false) {
				switch {
				case l.kind == refKindBlank:
				case l.kind == refKindPre:
					if first {
						out = append(out, refMarkLine(tag))
						first = false
					}
					out = append(out, l)
				case l.s == "":
				case first:
					out = append(out, refMarkLine(tag+l.s))
					first = false
				default:
					out = append(out, refMarkLine(cont+l.s))
				}
			}
		}
		if first {
			out = append(out, refMarkLine(tag))
		}
	}
	if len(out) == 0 {
		return
	}
	if !r.lastRule {
		r.out = refJoinBlocks(r.out, []refLine{refMarkLine("~~~")}, &refBlank)
	}
	r.out = refJoinBlocks(r.out, append(out, links.lines()...), &refBlank)
	r.lastRule = false
}

// inliner renders the inline content of one block: text into a buffer with
// the line breaks kept aside (they are resolved by lines, once the text on
// both sides is known, across inline boundaries), links into a linkSet.
type refInliner struct {
	src    []byte
	r      *refRenderer
	links  *refLinkSet
	buf    []byte
	breaks []refLineBreak
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
func (r *refRenderer) newInliner(links *refLinkSet) *refInliner {
	in := &r.inliner
	*in = refInliner{src: r.src, r: r, links: links, buf: in.buf[:0], breaks: in.breaks[:0], cur: in.cur[:0]}
	return in
}

// children renders the inline children of n.
func (in *refInliner) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.node(c)
	}
}

func (in *refInliner) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(in.src)
		if n.IsRaw() {
			in.write(v)
		} else {
			in.writeText(refDecode(v))
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
			in.writeText(refDecode(n.Value))
		}
	case *ast.CodeSpan:
		in.codeSpan(n)
	case *ast.Link:
		in.link(string(refDecode(n.Destination)), func() { in.children(n) })
	case *ast.Image:
		in.link(string(refDecode(n.Destination)), func() { in.children(n) })
	case *ast.AutoLink:
		in.autoLink(n)
	case *ast.RawHTML:
		if refIsBreakTag(n, in.src) {
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

	default:

		in.children(n)
	}
}

// codeSpan writes a code span's content as is; a line ending inside it
// becomes a space, as in HTML.
func (in *refInliner) codeSpan(n *ast.CodeSpan) {
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

func (in *refInliner) autoLink(n *ast.AutoLink) {
	url := string(n.URL(in.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !refHasPrefixFold(url, "mailto:") {
		url = "mailto:" + url
	}
	label := n.Label(in.src)
	in.link(url, func() { in.write(label) })
}

// link writes a link's label, by calling label, and registers dest, with
// the label written, for a link line. A link whose destination is empty
// (after Options.Link) keeps only its label, as plain text.
func (in *refInliner) link(dest string, label func()) {
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
func (in *refInliner) writeText(s []byte) {
	if in.inLink > 0 || !bytes.Contains(s, []byte("://")) {
		in.write(s)
		return
	}
	last := 0
	for _, m := range refFindBareURLs(s) {
		in.write(s[last:m[0]])
		u := s[m[0]:m[1]]
		in.link(string(u), func() { in.write(u) })
		last = m[1]
	}
	in.write(s[last:])
}

// write appends s, cleaned of control characters.
func (in *refInliner) write(s []byte) {
	if in.dropped && len(s) > 0 {
		in.dropped = false
		if len(in.buf) > 0 && in.buf[len(in.buf)-1] == ' ' {
			s = bytes.TrimLeft(s, " \t")
		}
	}
	if in.inLink == 0 && !in.plain && len(bytes.TrimSpace(s)) > 0 {
		in.plain = true
	}
	in.buf = refAppendClean(in.buf, s)
}

func (in *refInliner) addBreak(hard bool) {
	in.breaks = append(in.breaks, refLineBreak{pos: len(in.buf), hard: hard})
}

// isBreakTag reports whether n is a <br> tag (<br>, <br/>, <br />, any
// case, with or without attributes).
func refIsBreakTag(n *ast.RawHTML, src []byte) bool {
	if n.Segments == nil {
		return false
	}
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(src)...)
	}
	if len(b) < 4 || !refHasPrefixFold(string(b[:3]), "<br") || b[len(b)-1] != '>' {
		return false
	}
	switch b[3] {
	case '>', '/', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

func refHasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && bytes.EqualFold([]byte(s[:len(prefix)]), []byte(prefix))
}

// lineKind says how a line may be placed and whether it needs escaping.
type refLineKind uint8

const (
	// kindText is running text; written at the start of a line it is
	// escaped if it would read as gemtext syntax.
	refKindText refLineKind = iota
	// kindMark carries its own, intended prefix (a heading, link, list or
	// quote marker, an indent, "[1]"): written as is.
	refKindMark
	// kindPre belongs to a preformatted block, toggles included. It is
	// never prefixed by a container: gemtext toggles must start a line.
	refKindPre
	// kindBlank separates blocks.
	refKindBlank
)

// line is one output line before assembly.
type refLine struct {
	kind refLineKind
	s    string
}

func refTextLine(s string) refLine { return refLine{kind: refKindText, s: s} }

func refMarkLine(s string) refLine { return refLine{kind: refKindMark, s: s} }

func refPreLine(s string) refLine { return refLine{kind: refKindPre, s: s} }

var refBlank = refLine{kind: refKindBlank}

// joinBlocks concatenates the lines of several blocks with sep between
// blocks that have lines.
func refJoinBlocks(dst []refLine, block []refLine, sep *refLine) []refLine {
	if len(block) == 0 {
		return dst
	}
	if len(dst) > 0 && sep != nil {
		dst = append(dst, *sep)
	}
	return append(dst, block...)
}

// assemble writes lines as gemtext: text lines escaped, trailing spaces
// trimmed, runs of blank lines outside preformatted blocks collapsed and
// leading and trailing blank lines dropped, every line ended by "\n", the
// whole valid UTF-8. size is a guess of the output's length.
func refAssemble(lines []refLine, size int) []byte {
	b := make([]byte, 0, size)
	pendingBlank := false
	started := false
	for _, l := range lines {
		s := strings.TrimRight(l.s, " \t")
		switch l.kind {
		case refKindBlank:
			s = ""
		case refKindText:
			if s != "" {
				s = refEscapeText(s)
			}
		}
		if s == "" && l.kind != refKindPre {
			pendingBlank = started
			continue
		}
		if pendingBlank {
			b = append(b, '\n')
			pendingBlank = false
		}
		b = append(b, s...)
		b = append(b, '\n')
		started = true
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return b
}

// linkSet collects the links of one block, in order of appearance, each URL
// once, to be written as link lines after the block.
type refLinkSet struct {
	items []refLinkItem
	seen  map[string]bool // only for blocks with many links
}

type refLinkItem struct {
	url, label string
}

// add registers url and returns its index in items, or -1 if the set has
// it already (the first label wins). Most blocks have a few links, which a
// linear search finds faster than a map; the map takes over from 16.
func (s *refLinkSet) add(url string) int {
	const linear = 16
	if s.seen != nil {
		if s.seen[url] {
			return -1
		}
		s.seen[url] = true
	} else {
		for _, it := range s.items {
			if it.url == url {
				return -1
			}
		}
		if len(s.items) == linear {
			s.seen = make(map[string]bool, 2*linear)
			for _, it := range s.items {
				s.seen[it.url] = true
			}
			s.seen[url] = true
		}
	}
	s.items = append(s.items, refLinkItem{url: url})
	return len(s.items) - 1
}

// lines returns one link line per link: "=> url label", or "=> url" when
// the label is empty or the URL itself.
func (s *refLinkSet) lines() []refLine {
	if s == nil || len(s.items) == 0 {
		return nil
	}
	out := make([]refLine, 0, len(s.items))
	for _, it := range s.items {
		l := "=> " + it.url
		if it.label != "" && it.label != it.url {
			l += " " + it.label
		}
		out = append(out, refMarkLine(l))
	}
	return out
}

// url returns dest, rewritten by Options.Link and made safe for a link
// line, or "" if there is no destination to link to.
func (r *refRenderer) url(dest string) string {
	dest = strings.TrimSpace(dest)
	if dest != "" && r.opts.Link != nil {
		dest = strings.TrimSpace(r.opts.Link(dest))
	}
	if dest == "" {
		return ""
	}
	return refEscapeURL(dest)
}

// escapeURL percent-encodes every byte of s that may not appear in a URI
// (RFC 3986): spaces, controls, non-ASCII (as UTF-8 bytes) and "<>\^`{|}.
// Existing %XX escapes are kept, so the result never contains a space.
func refEscapeURL(s string) string {
	const hex = "0123456789ABCDEF"
	i := 0
	for i < len(s) && refUrlSafe(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if refUrlSafe(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func refUrlSafe(c byte) bool {
	return c > 0x20 && c < 0x7f && strings.IndexByte("\"<>\\^`{|}", c) < 0
}

// bareURL is goldmark's linkify URL pattern, with the schemes a Gemini
// capsule links to, anchored: it is tried only where a "://" is.
var refBareURL = regexp.MustCompile(`^(?:https?|ftp|gemini|gopher)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`)

// findBareURLs returns the [start, end) offsets of the URLs in s. A URL
// must not follow an ASCII letter or digit (so "xhttp://" is not one), and
// trailing punctuation is left out the way goldmark's linkify does.
func refFindBareURLs(s []byte) [][2]int {
	var out [][2]int
	last := 0
	for from := 0; ; {
		i := bytes.Index(s[from:], []byte("://"))
		if i < 0 {
			return out
		}
		i += from

		start := i
		for start > 0 && refIsAlpha(s[start-1]) {
			start--
		}
		from = i + 3
		if start == i || start < last || start > 0 && refIsAlnum(s[start-1]) {
			continue
		}
		m := refBareURL.FindIndex(s[start:])
		if m == nil {
			continue
		}
		end := start + refTrimURLEnd(s[start:start+m[1]])
		out = append(out, [2]int{start, end})
		last = end
		from = max(from, end)
	}
}

func refIsAlpha(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// trimURLEnd returns the length of u without the trailing punctuation that
// more likely ends the sentence than the URL (goldmark's linkify rules).
func refTrimURLEnd(u []byte) int {
	opening := bytes.Count(u, []byte("("))
	closing := bytes.Count(u, []byte(")"))
	i := len(u)
	for i > 1 {
		switch u[i-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~':
			i--
		case ')':
			if closing <= opening {
				return i
			}
			closing--
			i--
		case ';':
			j := i - 2
			for j > 0 && refIsAlnum(u[j]) {
				j--
			}
			if j == i-2 || u[j] != '&' {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return i
}

// list returns the lines of a list at nesting depth depth (0 for an
// outermost list). Depth 0 items are gemtext list lines "* item", or
// "1. item" plain text for an ordered list (numbers from the list's start);
// deeper items are plain text indented two spaces a level, "  - item" or
// "  1. item". Lists are compact: no blank lines inside.
func (r *refRenderer) list(n *ast.List, links *refLinkSet, depth int) []refLine {
	indent := strings.Repeat("  ", depth)
	num := n.Start
	var out []refLine
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "* "
		if depth > 0 {
			marker = "- "
		}
		if n.IsOrdered() {
			marker = strconv.Itoa(num) + string(n.Marker) + " "
			num++
		}
		out = append(out, r.item(item, links, depth, indent+marker, indent+strings.Repeat(" ", len(marker)))...)
	}
	return out
}

// item returns the lines of a list item: the first line of its first block
// on the marker line, further lines indented under the text, nested lists
// one level deeper, preformatted blocks as they are. An item that starts
// with a nested list or code has its marker on a line of its own.
func (r *refRenderer) item(li ast.Node, links *refLinkSet, depth int, first, cont string) []refLine {
	var out []refLine
	marked := false
	mark := func() {
		if !marked {
			out = append(out, refMarkLine(first))
			marked = true
		}
	}
	for c := li.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			mark()
			out = append(out, r.list(l, links, depth+1)...)
			continue
		}
		for _, l := range r.block(c, links, false) {
			switch {
			case l.kind == refKindBlank || l.s == "" && l.kind != refKindPre:
			case l.kind == refKindPre:
				mark()
				out = append(out, l)
			case !marked:
				out = append(out, refMarkLine(first+l.s))
				marked = true
			default:
				out = append(out, refMarkLine(cont+l.s))
			}
		}
	}
	mark()
	return out
}

// table returns a GFM table as a preformatted block with alt text "table":
// cells separated by " | ", columns padded to the same display width (East
// Asian wide characters take two cells), left, right or centred as the
// table says (left by default), and a row of "-" joined by "-+-" under the
// header. Links in cells go to links.
func (r *refRenderer) table(t *east.Table, links *refLinkSet) []refLine {
	var rows [][]refCell
	header := -1
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() == east.KindTableHeader {
			header = len(rows)
		}
		var cells []refCell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			in := r.newInliner(links)
			in.children(c)
			s := strings.Join(in.lines(), " ")
			cells = append(cells, refCell{s, uniseg.StringWidth(s)})
		}
		rows = append(rows, cells)
	}
	ncol := 0
	for _, cells := range rows {
		ncol = max(ncol, len(cells))
	}
	if ncol == 0 {
		return nil
	}
	widths := make([]int, ncol)
	for i := range widths {
		widths[i] = 1
	}
	for _, cells := range rows {
		for i, c := range cells {
			widths[i] = max(widths[i], c.width)
		}
	}
	body := make([]string, 0, len(rows)+1)
	for ri, cells := range rows {
		parts := make([]string, ncol)
		for i := range parts {
			var c refCell
			if i < len(cells) {
				c = cells[i]
			}
			parts[i] = refPad(c, widths[i], refAlignment(t, i))
		}
		body = append(body, strings.Join(parts, " | "))
		if ri == header {
			for i, w := range widths {
				parts[i] = strings.Repeat("-", w)
			}
			body = append(body, strings.Join(parts, "-+-"))
		}
	}

	shift := ""
	for _, s := range body {
		if refEscapePre(s) != s {
			shift = " "
		}
	}
	out := make([]refLine, 0, len(body)+2)
	out = append(out, refPreLine("```table"))
	for _, s := range body {
		out = append(out, refPreLine(shift+s))
	}
	return append(out, refPreLine("```"))
}

func refAlignment(t *east.Table, col int) east.Alignment {
	if col < len(t.Alignments) {
		return t.Alignments[col]
	}
	return east.AlignNone
}

// cell is the text of a table cell and its display width.
type refCell struct {
	s     string
	width int
}

// pad pads c with spaces to width display cells, aligned as a says.
func refPad(c refCell, width int, a east.Alignment) string {
	s := c.s
	gap := width - c.width
	if gap <= 0 {
		return s
	}
	switch a {
	case east.AlignRight:
		return strings.Repeat(" ", gap) + s
	case east.AlignCenter:
		left := gap / 2
		return strings.Repeat(" ", left) + s + strings.Repeat(" ", gap-left)
	}
	return s + strings.Repeat(" ", gap)
}

// decode returns the text a Markdown text segment stands for, as goldmark's
// HTML writer reads it: a backslash before ASCII punctuation is dropped, and
// entity and numeric character references are resolved. The result is not
// yet cleaned of control characters; see appendClean.
func refDecode(src []byte) []byte {

	if refIndexAny2(src, '\\', '&') < 0 {
		return src
	}
	dst := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]) {
			dst = append(dst, src[i+1])
			i++
			continue
		}
		if c == '&' {
			if s, n := refReference(src[i:]); n > 0 {
				dst = append(dst, s...)
				i += n - 1
				continue
			}
		}
		dst = append(dst, c)
	}
	return dst
}

func refIndexAny2(b []byte, c1, c2 byte) int {
	for i, c := range b {
		if c == c1 || c == c2 {
			return i
		}
	}
	return -1
}

// reference reads an entity (&amp;) or numeric character reference
// (&#12354; &#x3042;) at the start of b. It returns the characters it stands
// for and its length in b, or n == 0 if b does not start with one.
func refReference(b []byte) (s []byte, n int) {
	if len(b) < 3 || b[0] != '&' {
		return nil, 0
	}
	if b[1] == '#' {
		i, base, max := 2, 10, 7
		if i < len(b) && (b[i] == 'x' || b[i] == 'X') {
			i, base, max = 3, 16, 6
		}
		start := i
		for i < len(b) && i-start <= max && refIsDigit(b[i], base) {
			i++
		}
		if i == start || i-start > max || i >= len(b) || b[i] != ';' {
			return nil, 0
		}
		v, err := strconv.ParseUint(string(b[start:i]), base, 32)
		r := rune(0xFFFD)
		if err == nil {
			r = util.ToValidRune(rune(v))
		}
		return utf8.AppendRune(nil, r), i + 1
	}
	i := 1
	for i < len(b) && i <= 48 && refIsAlnum(b[i]) {
		i++
	}
	if i == 1 || i >= len(b) || b[i] != ';' {
		return nil, 0
	}
	e, ok := util.LookUpHTML5EntityByName(string(b[1:i]))
	if !ok {
		return nil, 0
	}
	return e.Characters, i + 1
}

func refIsDigit(c byte, base int) bool {
	switch {
	case c >= '0' && c <= '9':
		return true
	case base == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'):
		return true
	}
	return false
}

func refIsAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// appendClean appends s to dst with control characters made harmless for a
// single gemtext line: TAB, LF and CR become a space, NUL becomes U+FFFD,
// every other C0 control and DEL is dropped.
func refAppendClean(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			dst = append(dst, ' ')
		case c == 0:
			dst = append(dst, "\uFFFD"...)
		case c < 0x20 || c == 0x7f:

		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// clean is appendClean for strings.
func refClean(s []byte) string {
	return string(refAppendClean(make([]byte, 0, len(s)), s))
}
