package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// goldmarkTables are the tables goldmark (capsule's dialect: GFM and
// footnotes) parses from src, and the cells it made for them.
func goldmarkTables(src []byte) (tables []tableShape, cells int) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	doc := md.Parser().Parse(text.NewReader(src))
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			tables = append(tables, tableShape{Cols: len(t.Alignments), Rows: t.ChildCount() - 1})
			for r := t.FirstChild(); r != nil; r = r.NextSibling() {
				cells += r.ChildCount()
			}
		}
		return gast.WalkContinue, nil
	})
	return tables, cells
}

func scanTables(src []byte) *tableScan {
	t := &tableScan{budget: 1 << 30, tables: []tableShape{}}
	t.scan(src)
	return t
}

func shapes(ts []tableShape) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%d×%d ", t.Cols, t.Rows)
	}
	return b.String()
}

// checkTableScan holds the scan of src to goldmark: it never counts fewer
// cells, and finds the same tables where nothing makes it guess.
func checkTableScan(t *testing.T, src string) {
	t.Helper()
	want, cells := goldmarkTables([]byte(src))
	s := scanTables([]byte(src))
	if s.cells < cells && !fencesGuessed(src) {
		t.Fatalf("%q: the scan counts %d cells (%s), goldmark makes %d (%s)", src, s.cells, shapes(s.tables), cells, shapes(want))
	}
	if simpleMarkdown(src) && !s.mismatched && shapes(s.tables) != shapes(want) {
		t.Fatalf("%q: the scan finds tables %s, goldmark %s", src, shapes(s.tables), shapes(want))
	}
}

// fencesGuessed is whether the scan may lose track of code fences in src:
// where an HTML block holds a fence line, or a fence is inside a list item
// (the scan cannot tell where the item, and so the fence, ends). Their
// tables are bounded by the parser's guard instead.
func fencesGuessed(src string) bool {
	if strings.Contains(src, "<") {
		return true
	}
	if !strings.Contains(src, "```") && !strings.Contains(src, "~~~") {
		return false
	}
	for _, l := range strings.Split(src, "\n") {
		var prefixes [maxTablePrefixes + 1]int
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") || len(containerPrefixes([]byte(l), &prefixes)) > 1 {
			return true
		}
	}
	return false
}

// simpleMarkdown is whether src has only paragraphs, tables, headings
// and blank lines at the top level: no containers, code, HTML or rules,
// where the scan guesses.
func simpleMarkdown(src string) bool {
	for _, l := range strings.Split(src, "\n") {
		var prefixes [maxTablePrefixes + 1]int
		switch {
		case strings.ContainsAny(l, "<`~\r\t"), strings.HasPrefix(l, " "), strings.HasPrefix(l, "["):
			// HTML, code, indented lines, and link reference definitions,
			// which may take the next line for their destination.
			return false
		case len(containerPrefixes([]byte(l), &prefixes)) > 1:
			return false
		case endsTable([]byte(l)) && !isBlankLine([]byte(l)):
			return false
		case (strings.Trim(l, "- ") == "" || strings.Trim(l, "= ") == "") && l != "":
			// A setext heading's underline, or a delimiter row where the
			// line before is lazy: the scan counts a table either way.
			return false
		}
	}
	return true
}

var tableSeeds = []string{
	"| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 |\n",
	"a | b\n--|--\n1 | 2\n\ntext\n",
	"> | a |\n> |---|\n> | 1 |\n> x\n",
	"- | a | b |\n  |---|---|\n  | 1 | 2 |\n",
	"```\n| a |\n|---|\n| 1 |\n```\n| b |\n|---|\n| 2 |\n",
	"| a \\| b | `c \\| d` |\n|---|---|\n| `\\|` | x |\n",
	"text\n| a |\n|---|\n# heading\n| b |\n",
	"| a |\n| - |\n***\n",
	"~~~\n| a |\n|---|\n~~~~\n",
	"1. x\n\n   | a |\n   |---|\n   | 1 |\n",
	"[^n]: | a |\n    |---|\n",
	"<div>\n```\n\n| a |\n|---|\n",
	"- a\n  ```\n- | a |\n  |---|\n",
}

func TestTableScanSeeds(t *testing.T) {
	for _, src := range tableSeeds {
		checkTableScan(t, src)
	}
}

func FuzzTableScan(f *testing.F) {
	for _, s := range tableSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4000 {
			return
		}
		checkTableScan(t, src)
	})
}
