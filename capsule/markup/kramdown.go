package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// KramdownHTML is the goldmark extension for the HTML blocks of a site
// written for kramdown (Jekyll's Markdown). kramdown reads an HTML block
// from its first element's start tag to that element's end tag, blank
// lines and indented lines included (an element never closed runs to the
// end of the post), where CommonMark ends it at the first blank line and
// reads the indented lines after it as code. The WordPress-era posts that
// open a <p> and write on, blank lines between, indented, are HTML to
// their readers on the web; with this extension they are one HTML block
// here too, lowered as HTML (see Document), not shown as code.
//
// Only a block at the top of the post whose first element is still open at
// the blank line, and has no markdown="1" (which asks kramdown to read
// what it holds as Markdown), is read so; every other HTML block is
// CommonMark's.
// Cost: the text up to the blank line is tokenized once more, and a block
// read so is tokenized once more to where it ends.
type KramdownHTML struct{}

// Extend adds the kramdown HTML block parser to m.
func (KramdownHTML) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// Before goldmark's HTML block parser (900), which takes what
		// this one leaves.
		parser.WithBlockParsers(util.Prioritized(kramdownHTMLParser{}, 890)),
	)
}

// kramdownAttr marks an HTML block read by kramdownHTMLParser: all of it
// is inside its first element, text between the elements included.
var kramdownAttr = []byte("capsule-kramdown")

// kramdownEnd is the parser context key of the offset where the open
// kramdown HTML block ends.
var kramdownEnd = parser.NewContextKey()

// kramdownBlockTags are the elements kramdown reads as HTML blocks that
// an author leaves open across blank lines (<pre>, <script> and <style>
// run across them in CommonMark already).
var kramdownBlockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true,
	"dd": true, "details": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figure": true, "footer": true, "form": true, "header": true, "li": true, "main": true,
	"nav": true, "ol": true, "p": true, "section": true, "table": true, "ul": true,
}

type kramdownHTMLParser struct{}

func (kramdownHTMLParser) Trigger() []byte { return []byte{'<'} }

func (kramdownHTMLParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if parent.Kind() != ast.KindDocument {
		return nil, parser.NoChildren
	}
	line, seg := reader.PeekLine()
	if tag, _ := kramdownTag(line); tag == "" {
		return nil, parser.NoChildren
	}
	src := reader.Source()
	// Where CommonMark ends the block: the first blank line.
	stop := seg.Start
	for stop < len(src) {
		eol := bytes.IndexByte(src[stop:], '\n')
		next := len(src)
		if eol >= 0 {
			next = stop + eol + 1
		}
		if stop > seg.Start && util.IsBlank(src[stop:next]) {
			break
		}
		stop = next
	}
	if stop >= len(src) {
		return nil, parser.NoChildren
	}
	// kramdown reads the elements one after another: one that closes
	// before the blank line (<h2>AI</h2>) leaves the next, on a line of
	// its own (<ul>), to start where it starts. The block is kramdown's
	// when one of them is still open at the blank line.
	// Cost: an element closed on its own line is tokenized on that line
	// alone, every line once; one that runs over lines is tokenized to
	// the blank line, at most kramdownMaxSpans of them per block (past
	// that the block is CommonMark's): at most kramdownMaxSpans+1 reads
	// of the text up to the blank line.
	open, name, spans := seg.Start, "", 0
	for {
		lineEnd := stop
		if eol := bytes.IndexByte(src[open:stop], '\n'); eol >= 0 {
			lineEnd = open + eol + 1
		}
		tag, block := kramdownTag(src[open:lineEnd])
		if tag == "" {
			return nil, parser.NoChildren
		}
		n, closed := elementEnd(src[open:lineEnd], tag)
		if !closed {
			if spans++; spans > kramdownMaxSpans {
				return nil, parser.NoChildren
			}
			n, closed = elementEnd(src[open:stop], tag)
		}
		if !closed {
			if !block {
				return nil, parser.NoChildren
			}
			name = tag // the block's open element
			break
		}
		open += n
		// What follows the end tag on its line must be blank, and the
		// next element must start the next line.
		eol := bytes.IndexByte(src[open:stop], '\n')
		if eol < 0 || !util.IsBlank(src[open:open+eol+1]) {
			return nil, parser.NoChildren
		}
		if open += eol + 1; open >= stop {
			return nil, parser.NoChildren
		}
	}
	if markdownAttr(src[open:stop]) {
		// <div markdown="1">: kramdown reads what it holds as Markdown,
		// as CommonMark does after the blank line.
		return nil, parser.NoChildren
	}
	end, _ := elementEnd(src[open:], name)
	end += open - seg.Start
	node := ast.NewHTMLBlock(ast.HTMLBlockType6)
	node.SetAttribute(kramdownAttr, true)
	node.Lines().Append(seg)
	reader.AdvanceToEOL()
	pc.Set(kramdownEnd, seg.Start+end)
	return node, parser.NoChildren
}

func (kramdownHTMLParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	_, seg := reader.PeekLine()
	end, _ := pc.Get(kramdownEnd).(int)
	if seg.Start >= end || seg.IsEmpty() && seg.Start >= len(reader.Source()) {
		return parser.Close
	}
	node.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (kramdownHTMLParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	pc.Set(kramdownEnd, nil)
}

func (kramdownHTMLParser) CanInterruptParagraph() bool { return true }

func (kramdownHTMLParser) CanAcceptIndentedLine() bool { return false }

// kramdownMaxSpans is how many elements written over several lines one
// HTML block may hold before the one left open (see Open).
const kramdownMaxSpans = 8

// kramdownLeadTags are the block elements that may come before the
// open one in a kramdown HTML block, each closed before the blank line
// (<h2>AI</h2> above an <ul> that runs on across blank lines), besides
// those of kramdownBlockTags. Void elements (<hr>, <br>), which have no
// end tag, are not among them.
var kramdownLeadTags = map[string]bool{
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"figcaption": true, "hgroup": true, "summary": true, "pre": true,
}

// kramdownTag is the name of the element whose start tag line starts
// with (after at most three spaces), and block whether it is one of
// kramdownBlockTags, which may be the block's open one; a name of
// kramdownLeadTags has block false; "" for any other line.
func kramdownTag(line []byte) (name string, block bool) {
	switch name = lineStartTag(line); {
	case kramdownBlockTags[name]:
		return name, true
	case kramdownLeadTags[name]:
		return name, false
	}
	return "", false
}

// lineStartTag is the lower-cased name of the start tag line starts
// with (after at most three spaces), "" when it starts none.
func lineStartTag(line []byte) string {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	if i+1 >= len(line) || line[i] != '<' {
		return ""
	}
	j := i + 1
	for j < len(line) && (line[j] >= 'a' && line[j] <= 'z' || line[j] >= 'A' && line[j] <= 'Z' || line[j] >= '0' && line[j] <= '9') {
		j++
	}
	if j == i+1 || j < len(line) && line[j] != '>' && line[j] != ' ' && line[j] != '\t' && line[j] != '\n' && line[j] != '\r' {
		return ""
	}
	return strings.ToLower(string(line[i+1 : j]))
}

// markdownAttr reports whether the first start tag of src has kramdown's
// markdown attribute, other than markdown="0".
func markdownAttr(src []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(src))
	if z.Next() != html.StartTagToken {
		return false
	}
	for _, more := z.TagName(); more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == "markdown" {
			return string(v) != "0"
		}
	}
	return false
}

// elementEnd is the offset in src after the end tag that closes the
// element name whose start tag src starts with (elements of the same name
// nested in it counted, as kramdown counts them), and whether there is
// one; len(src) when there is none. A tag of that name inside a Markdown
// code span or fenced code block in it (`<div>`) is not counted (see
// maskCodeTags).
func elementEnd(src []byte, name string) (int, bool) {
	z := html.NewTokenizer(bytes.NewReader(maskCodeTags(src, name)))
	depth, at := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return len(src), false
		}
		at += len(z.Raw())
		if tt != html.StartTagToken && tt != html.EndTagToken {
			continue
		}
		tag, _ := z.TagName()
		if string(tag) != name {
			continue
		}
		if tt == html.StartTagToken {
			depth++
		} else if depth--; depth <= 0 {
			return at, true
		}
	}
}

// maskCodeTags is src with the '<' of each start or end tag of name that
// stands in a Markdown code span (`<div>`) or fenced code block written
// inside the element replaced by a space (offsets kept), for elementEnd
// not to count it. Such text is in a block through Liquid's markdownify
// ({{ notice | markdownify }} inside <div class="notice">,
// minimal-mistakes' notice idiom): Jekyll renders it to HTML, <code>&lt;div&gt;</code>,
// before kramdown reads the block, so the tag in code nests nothing
// there; an author who writes `<div>` in a raw <div> would see the
// browser nest it, and so keeps it out. A code span is CommonMark's: a
// run of backticks closed by a run of the same length before a blank
// line. Cost: one pass over src, and a copy of it when it has such a tag.
func maskCodeTags(src []byte, name string) []byte {
	var out []byte
	mask := func(from, to int) {
		for i := from; i < to; i++ {
			if src[i] == '<' && codeTagAt(src[i+1:to], name) {
				if out == nil {
					out = bytes.Clone(src)
				}
				out[i] = ' '
			}
		}
	}
	codeRanges(src, mask)
	if out == nil {
		return src
	}
	return out
}

// codeRanges calls f with the start and end of the text of each Markdown
// code span and fenced code block in src, in order.
// Cost: a run of backticks no run of its length closes is searched past
// once (unclosed: to the blank line where that search stopped), so a
// paragraph of p bytes is read at most once for each length of run in
// it, fewer than sqrt(2p) lengths.
func codeRanges(src []byte, f func(from, to int)) {
	mask := f
	unclosed := map[int]int{}
	lineStart := true
	for i := 0; i < len(src); {
		if lineStart {
			if end, ok := fencedCode(src[i:]); ok {
				mask(i, i+end)
				i += end
				continue // lineStart stays: the fence block ends at a line's end
			}
		}
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && src[i+1] == '`':
			i += 2
			lineStart = false
			continue
		case c == '`':
			n := backticks(src[i:])
			if i < unclosed[n] {
				i += n // no run of n closes before unclosed[n]
			} else if end, ok := codeSpanEnd(src[i+n:], n); ok {
				mask(i+n, i+n+end)
				i += n + end + n
			} else {
				unclosed[n] = i + n + end
				i += n
			}
			lineStart = false
			continue
		}
		lineStart = c == '\n'
		i++
	}
}

// codeTagAt reports whether s (what follows a '<') starts name's start or
// end tag: name, after an optional '/', then not a letter or digit.
func codeTagAt(s []byte, name string) bool {
	if len(s) > 0 && s[0] == '/' {
		s = s[1:]
	}
	if len(s) < len(name) || !strings.EqualFold(string(s[:len(name)]), name) {
		return false
	}
	s = s[len(name):]
	return len(s) == 0 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z' || s[0] >= '0' && s[0] <= '9')
}

// backticks is the length of the run of backticks s starts with.
func backticks(s []byte) int {
	n := 0
	for n < len(s) && s[n] == '`' {
		n++
	}
	return n
}

// codeSpanEnd is the offset in s of the run of exactly n backticks that
// closes a code span opened by n backticks just before s, and whether
// there is one before a blank line (where a paragraph, and its code span,
// ends); when there is none, the offset where the search stopped.
func codeSpanEnd(s []byte, n int) (int, bool) {
	for i := 0; i < len(s); {
		switch s[i] {
		case '`':
			m := backticks(s[i:])
			if m == n {
				return i, true
			}
			i += m
			continue
		case '\n':
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j >= len(s) || s[j] == '\n' {
				return j, false
			}
		}
		i++
	}
	return len(s), false
}

// fencedCode is the length of the fenced code block s starts with (its
// opening line after at most three spaces, ``` or ~~~ or longer, to the
// end of its closing fence's line, or all of s when it is never closed),
// and whether s starts one.
func fencedCode(s []byte) (int, bool) {
	line := func(at int) (int, []byte) { // the line at at, and where the next starts
		eol := bytes.IndexByte(s[at:], '\n')
		if eol < 0 {
			return len(s), s[at:]
		}
		return at + eol + 1, s[at : at+eol]
	}
	fence := func(l []byte) (byte, int) {
		i := 0
		for i < 3 && i < len(l) && l[i] == ' ' {
			i++
		}
		if i >= len(l) || l[i] != '`' && l[i] != '~' {
			return 0, 0
		}
		c, n := l[i], 0
		for i+n < len(l) && l[i+n] == c {
			n++
		}
		if n < 3 || c == '`' && bytes.IndexByte(l[i+n:], '`') >= 0 {
			return 0, 0
		}
		return c, n
	}
	next, first := line(0)
	c, n := fence(first)
	if n == 0 {
		return 0, false
	}
	for at := next; at < len(s); {
		after, l := line(at)
		if fc, fn := fence(l); fc == c && fn >= n && len(bytes.TrimSpace(bytes.TrimLeft(bytes.TrimSpace(l), string(c)))) == 0 {
			return after, true
		}
		at = after
	}
	return len(s), true
}
