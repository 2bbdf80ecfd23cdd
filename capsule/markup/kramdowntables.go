package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KramdownTables is the goldmark extension for the lines of a kramdown
// table that are no rows: a line of "-" after the header's starts a new
// body ("|----"), a line of "=" the footer ("|====="); kramdown draws a
// rule there, GFM reads a row of dashes. Such rows are taken out of the
// table; the rows after them stay rows. Cost: one look at each table's
// rows.
type KramdownTables struct{}

// Extend adds the transformer to m.
func (KramdownTables) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(kramdownTableRules{}, 900)))
}

type kramdownTableRules struct{}

func (kramdownTableRules) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var rules []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case east.KindTable:
			for row := n.FirstChild(); row != nil; row = row.NextSibling() {
				if row.Kind() == east.KindTableRow && isRuleRow(row, src) {
					rules = append(rules, row)
				}
			}
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindHeading, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, r := range rules {
		r.Parent().RemoveChild(r.Parent(), r)
	}
}

// isRuleRow reports whether row holds nothing but the dashes or equals
// signs of a kramdown rule (and the colons and pluses it may write
// between them), three at least.
func isRuleRow(row ast.Node, src []byte) bool {
	marks := 0
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		for c := cell.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				return false
			}
			for _, b := range t.Segment.Value(src) {
				switch b {
				case '-', '=':
					marks++
				case ':', '+', ' ', '\t':
				default:
					return false
				}
			}
		}
	}
	return marks >= 3
}
