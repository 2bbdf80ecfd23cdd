package capsule

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// parseDepth is the deepest nesting of lists, quotes and notes in doc.
func parseDepth(doc ast.Node) int {
	deepest := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			deepest = max(deepest, nesting(n))
		}
		return ast.WalkContinue, nil
	})
	return deepest
}

// TestNestingBounded: lists, quotes and notes nest at most maxNesting
// deep, the deeper markers read as text. Before, 60,000 "- " nested
// 60,000 deep, in time growing with the square of it (16 s).
func TestNestingBounded(t *testing.T) {
	md := newMarkdown()
	for name, src := range map[string]string{
		"items":   strings.Repeat("- ", 60000) + "a\n",
		"ordered": strings.Repeat("1. ", 40000) + "a\n",
		"quotes":  strings.Repeat("> ", 60000) + "a\n",
		"growing quotes": func() string {
			var b strings.Builder
			for i := 1; i <= 300; i++ {
				b.WriteString(strings.Repeat(">", i) + " a\n")
			}
			return b.String()
		}(),
		"notes": strings.Repeat("[^a]: ", 1000) + "a\n",
		"mixed": strings.Repeat("> - 1. ", 20000) + "a\n",
	} {
		doc := md.Parser().Parse(text.NewReader([]byte(src)))
		if d := parseDepth(doc); d > maxNesting {
			t.Errorf("%s: nested %d deep", name, d)
		}
	}
	// Up to maxNesting, nesting is kept.
	src := strings.Repeat("- ", maxNesting) + "a\n"
	if d := parseDepth(md.Parser().Parse(text.NewReader([]byte(src)))); d != maxNesting {
		t.Errorf("%d levels read as %d", maxNesting, d)
	}
}

// TestLinkLabelsBounded: a paragraph of L lines reads at most
// maxLabelWork/L link labels, the rest as text; before, each label walked
// the paragraph's lines (a 1 MiB paragraph of "[a]" took over ten
// seconds). TestLinkReferenceRunsBounded: a paragraph of more than
// maxLinkRefLines lines starting with "[" is not read for link reference
// definitions (before: 38 s for 1 MiB of "[a]: b").
func TestLinkLabelsBounded(t *testing.T) {
	md := newMarkdown()
	const lines = 100000
	src := "[a]: /x\n\n" + strings.Repeat("[a]\n", lines)
	links := 0
	_ = ast.Walk(md.Parser().Parse(text.NewReader([]byte(src))), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Link); ok && entering {
			links++
		}
		return ast.WalkContinue, nil
	})
	if want := maxLabelWork / lines; links != want {
		t.Errorf("%d links made of %d labels in %d lines, want %d", links, lines, lines, want)
	}
	// A paragraph of a few lines reads all its labels.
	src = "[a]: /x\n\n" + strings.Repeat("[a] ", 10000) + "\n"
	links = 0
	_ = ast.Walk(md.Parser().Parse(text.NewReader([]byte(src))), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Link); ok && entering {
			links++
		}
		return ast.WalkContinue, nil
	})
	if links != 10000 {
		t.Errorf("%d links made of 10,000", links)
	}
}

func TestLinkReferenceRunsBounded(t *testing.T) {
	md := newMarkdown()
	refs := func(n int) int {
		src := strings.Repeat("[a]: /x\n", n)
		count := 0
		for c := md.Parser().Parse(text.NewReader([]byte(src))).FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind() == ast.KindLinkReferenceDefinition {
				count++
			}
		}
		return count
	}
	if n := refs(maxLinkRefLines); n != maxLinkRefLines {
		t.Errorf("%d definitions read of %d", n, maxLinkRefLines)
	}
	if n := refs(100000); n != 0 {
		t.Errorf("%d definitions read of a run of 100,000", n)
	}
}
