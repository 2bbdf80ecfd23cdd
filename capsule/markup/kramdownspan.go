package markup

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// NewKramdownSpanHTMLParser is goldmark's inline raw HTML parser, inner,
// with kramdown's reading of a block element's tag inside a paragraph:
// kramdown shows "<body>" and "</div>" there as text (a warning on the
// author's build, "Found block HTML tag in span-level text"), where
// CommonMark reads an inline tag, which capsule drops. Japanese posts
// name tags in their prose ("<body>タグの下側に", nkon's); the page on
// the web shows them, so capsule does too. This is for kramdown sites
// (Markup.Kramdown). <iframe>, which kramdown also shows as text there,
// stays an embed's link, as capsule lowers it everywhere.
func NewKramdownSpanHTMLParser(inner parser.InlineParser) parser.InlineParser {
	return kramdownSpanHTML{inner}
}

type kramdownSpanHTML struct{ parser.InlineParser }

// kramdownSpanText are the elements whose tags kramdown shows as text
// inside a paragraph (kramdown 2.4, asked of each HTML element).
var kramdownSpanText = map[string]bool{
	"address": true, "applet": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "col": true, "colgroup": true, "dd": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "header": true, "hgroup": true,
	"hr": true, "html": true, "legend": true, "li": true, "main": true, "map": true, "menu": true,
	"nav": true, "ol": true, "optgroup": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "tbody": true, "td": true, "tfoot": true, "th": true,
	"thead": true, "tr": true, "ul": true,
}

func (k kramdownSpanHTML) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	n := k.InlineParser.Parse(parent, block, pc)
	r, ok := n.(*ast.RawHTML)
	if !ok || !kramdownSpanText[spanTagName(line)] {
		return n
	}
	var v []byte
	for i := 0; i < r.Segments.Len(); i++ {
		seg := r.Segments.At(i)
		v = append(v, seg.Value(block.Source())...)
	}
	s := ast.NewString(v)
	s.SetRaw(true)
	return s
}

// spanTagName is the lower-case name of the start or end tag line starts
// with, "" for none; at most 10 bytes are read.
func spanTagName(line []byte) string {
	i := 1
	if i < len(line) && line[i] == '/' {
		i++
	}
	var name []byte
	for ; i < len(line) && len(name) <= 10; i++ {
		c := line[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' && len(name) > 0:
			name = append(name, c)
		case c >= 'A' && c <= 'Z':
			name = append(name, c+'a'-'A')
		default:
			return string(name)
		}
	}
	return string(name)
}
