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
	name := kramdownStartTag(line)
	if name == "" {
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
	if _, closed := elementEnd(src[seg.Start:stop], name); closed || stop >= len(src) {
		return nil, parser.NoChildren
	}
	if markdownAttr(src[seg.Start:stop]) {
		// <div markdown="1">: kramdown reads what it holds as Markdown,
		// as CommonMark does after the blank line.
		return nil, parser.NoChildren
	}
	end, _ := elementEnd(src[seg.Start:], name)
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

// kramdownStartTag is the name of the block element whose start tag line
// starts with (after at most three spaces), "" when it starts none.
func kramdownStartTag(line []byte) string {
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
	name := strings.ToLower(string(line[i+1 : j]))
	if !kramdownBlockTags[name] {
		return ""
	}
	return name
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
// one; len(src) when there is none.
func elementEnd(src []byte, name string) (int, bool) {
	z := html.NewTokenizer(bytes.NewReader(src))
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
