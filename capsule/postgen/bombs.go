package postgen

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Bombs are the inputs of the "Hostile input" issue: each a few kilobytes
// of Markdown that rendered as hundreds of megabytes, or took seconds. Each
// comes with the tree goldmark parses from it, built directly: goldmark
// takes seconds to parse them (minutes with -race), which is not the
// renderer's to test. The renderers' tests (TestBombTrees) hold the trees to
// goldmark's.
func Bombs() map[string]func(n int) ([]byte, ast.Node) {
	return map[string]func(n int) ([]byte, ast.Node){
		"unordered": func(n int) ([]byte, ast.Node) { return listBomb("- ", n) },
		"ordered":   func(n int) ([]byte, ast.Node) { return listBomb("1. ", n) },
		"table":     tableBomb,
		"quote":     quoteBomb,
	}
}

// BombSize is the n of each bomb in the issue.
var BombSize = map[string]int{"unordered": 20000, "ordered": 20000, "table": 1000, "quote": 3000}

// listBomb returns marker n times, then "a": n nested lists.
func listBomb(marker string, n int) ([]byte, ast.Node) {
	src := []byte(strings.Repeat(marker, n) + "a")
	doc := ast.NewDocument()
	var parent ast.Node = doc
	for i := range n {
		l := ast.NewList(marker[0])
		if marker[0] != '-' {
			l.Marker, l.Start = marker[1], 1
		}
		l.IsTight = true
		item := ast.NewListItem(len(marker))
		l.AppendChild(l, item)
		parent.AppendChild(parent, l)
		parent = item
		if i == n-1 {
			tb := ast.NewTextBlock()
			seg := text.NewSegment(len(src)-1, len(src))
			tb.Lines().Append(seg)
			tb.AppendChild(tb, ast.NewTextSegment(seg))
			item.AppendChild(item, tb)
		}
	}
	return src, doc
}

// tableBomb returns a table of n header columns over n/4 rows of "a".
func tableBomb(n int) ([]byte, ast.Node) {
	var b []byte
	b = append(b, strings.Repeat("| h ", n)+"|\n"+strings.Repeat("|-", n)+"|\n"...)
	aligns := make([]east.Alignment, n)
	table := east.NewTable()
	table.Alignments = aligns
	row := func(pos int, cell func(i int) (int, bool)) *east.TableRow {
		r := east.NewTableRow(aligns)
		r.SetPos(pos)
		for i := range n {
			c := east.NewTableCell()
			if start, ok := cell(i); ok {
				seg := text.NewSegment(start, start+1)
				c.Lines().Append(seg)
				c.AppendChild(c, ast.NewTextSegment(seg))
			}
			r.AppendChild(r, c)
		}
		return r
	}
	table.AppendChild(table, east.NewTableHeader(row(0, func(i int) (int, bool) { return 4*i + 2, true })))
	for range n / 4 {
		start := len(b)
		b = append(b, "a\n"...)
		table.AppendChild(table, row(start, func(i int) (int, bool) { return start, i == 0 }))
	}
	doc := ast.NewDocument()
	doc.AppendChild(doc, table)
	return b, doc
}

// quoteBomb returns n lines of growing ">" nesting, "> a", ">> a", ">>> a"…
func quoteBomb(n int) ([]byte, ast.Node) {
	var b []byte
	doc := ast.NewDocument()
	var parent ast.Node = doc
	for i := 1; i <= n; i++ {
		b = append(b, strings.Repeat(">", i)+" "...)
		q, p := ast.NewBlockquote(), ast.NewParagraph()
		seg := text.NewSegment(len(b), len(b)+1)
		b = append(b, "a\n"...)
		p.Lines().Append(seg)
		p.AppendChild(p, ast.NewTextSegment(seg))
		q.AppendChild(q, p)
		parent.AppendChild(parent, q)
		parent = q
	}
	return b, doc
}

// PostBombs are whole posts (front matter and Markdown) of the second
// round of "Hostile input", each a few kilobytes that a parser took
// seconds or gigabytes to read: capsule refuses them before parsing. Each
// takes the n of PostBombSize.
func PostBombs() map[string]func(n int) []byte {
	yaml := func(fm string) []byte { return []byte("---\ntitle: x\ndate: 2017-05-03\n" + fm + "\n---\nbody\n") }
	md := func(body string) []byte { return []byte("---\ntitle: x\ndate: 2017-05-03\n---\n" + body) }
	return map[string]func(n int) []byte{
		// goccy/go-yaml's parser costs the square of the nesting.
		"yaml flow":     func(n int) []byte { return yaml("k: " + strings.Repeat("[", n)) },
		"yaml mappings": func(n int) []byte { return yaml("k: " + strings.Repeat("{", n)) },
		"yaml closed":   func(n int) []byte { return yaml("k: " + strings.Repeat("[", n/2) + strings.Repeat("]", n/2)) },
		"yaml entries":  func(n int) []byte { return yaml("k:\n" + strings.Repeat("- ", n/2) + "a") },
		"yaml empty":    func(n int) []byte { return yaml(strings.Repeat("0:\n-\n", n/5)) },
		"yaml tags":     func(n int) []byte { return yaml("k:\n" + strings.Repeat("- !\n", n/4)) },
		"yaml mixed":    func(n int) []byte { return yaml("k: " + strings.Repeat("[{a: ", n/5)) },
		// goccy's lexer counts the rest of a run of "<" at each one, and
		// reads the rest of the line at each tab of a double-quoted string.
		"yaml angles": func(n int) []byte { return yaml("k: " + strings.Repeat("<", n)) },
		"yaml tabs":   func(n int) []byte { return yaml("k: \"" + strings.Repeat("\ta", n/2) + "\"") },
		// goldmark pads every row of a table to the header's width.
		"wide table": func(n int) []byte { return md(wideTable(n/20, n/4)) },
		// goldmark's table transformer compares every escaped pipe in
		// code with every other.
		"escaped pipes": func(n int) []byte {
			return md("| a | b |\n|---|---|\n" + strings.Repeat("| `\\|` | `\\|` |\n", n/16))
		},
	}
}

// PostBombSize is the n of each of PostBombs: the sizes.
var PostBombSize = map[string]int{
	"yaml flow": 60000, "yaml mappings": 60000, "yaml closed": 60000, "yaml entries": 60000, "yaml empty": 60000,
	"yaml tags": 60000, "yaml mixed": 60000, "yaml angles": 60000, "yaml tabs": 60000,
	"wide table": 20000, "escaped pipes": 200000,
}

// wideTable is a header of cols columns over rows rows of one cell.
func wideTable(cols, rows int) string {
	return strings.Repeat("| h ", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n" + strings.Repeat("a\n", rows)
}

// HTMLBombs are whole posts of raw HTML that lowering (package markup)
// reads: deep nesting, many images and links in a block and inline,
// containers nested around many short lines, uneven tables. Each takes
// the n of HTMLBombSize and is about n bytes.
func HTMLBombs() map[string]func(n int) []byte {
	md := func(body string) []byte { return []byte("---\ntitle: x\ndate: 2017-05-03\n---\n" + body) }
	return map[string]func(n int) []byte{
		"html nesting":       func(n int) []byte { return md(strings.Repeat("<div>", n/5) + "a\n") },
		"html closed":        func(n int) []byte { return md("<div>" + strings.Repeat("<div>a</div>", n/12) + "\n") },
		"html images":        func(n int) []byte { return md("<div>\n" + strings.Repeat("<img src=a>", n/11) + "\n") },
		"html inline images": func(n int) []byte { return md("a " + strings.Repeat("<img src=a>", n/11) + "\n") },
		"html inline links":  func(n int) []byte { return md("a " + strings.Repeat("<a href=b>a</a>", n/15) + "\n") },
		"html embeds":        func(n int) []byte { return md("<div>\n" + strings.Repeat("<iframe src=a></iframe>", n/23) + "\n") },
		"html figures": func(n int) []byte {
			return md("<div>\n" + strings.Repeat("<figure><img src=a><figcaption>b</figcaption></figure>", n/53) + "\n")
		},
		"html nested lists": func(n int) []byte {
			return md(strings.Repeat("<ul><li>", 8) + strings.Repeat("a\n", n/2))
		},
		"html nested quotes": func(n int) []byte {
			return md("<div>" + strings.Repeat("<blockquote>", 8) + strings.Repeat("<p>a", n/4))
		},
		"html uneven table": func(n int) []byte {
			return md("<table><tr>" + strings.Repeat("<td>a", n/10) + strings.Repeat("<tr><td>a", n/18) + "\n")
		},
		"html escapes": func(n int) []byte { return md("<p>" + strings.Repeat("<img src=a alt=\"***\">", n/20) + "\n") },
		"html lines":   func(n int) []byte { return md("<p>\n" + strings.Repeat("- a\n", n/4)) },
		// Markdown a template put in HTML (markup.MarkdownTag), read as
		// Markdown and its HTML lowered in turn: many, nested, or
		// naming its tag in code spans.
		"html markdown many": func(n int) []byte {
			return md("<div>\n" + strings.Repeat("<capsule-markdown>\n- a <img src=b>\n</capsule-markdown>\n", n/52) + "</div>\n")
		},
		"html markdown nested": func(n int) []byte {
			return md("<div>\n" + strings.Repeat("<capsule-markdown>\n<div>\n\n", n/31) + "a\n")
		},
		"html markdown code tags": func(n int) []byte {
			return md("<div>\n" + strings.Repeat("<capsule-markdown>\n`<capsule-markdown>` a\n", n/43) + "</div>\n")
		},
	}
}

// HTMLBombSize is the n of each of HTMLBombs.
const HTMLBombSize = 500000
