package markup

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestMayLower checks that a document mayLower lets go unwalked has no
// node to lower, on random Markdown of every kind of HTML, math and emoji
// code, with every dialect's parsers, and that mayLower lets most go.
func TestMayLower(t *testing.T) {
	pieces := []string{"a", " ", "\n", "\n\n", "漢字", "<br>", "<img src=x>", "<div>\nx\n</div>\n", "<!-- c -->", "<a href=\"u\">l</a>",
		"$x$", "$$\nx\n$$\n", "\\(x\\)", "\\[x\\]", "\\$", "\\", ":tada:", ":+1:", "https://x.example/", "a:b", "::", ": ", ":",
		"[l](https://x.example/)", "`c`", "* ", "> ", "# ", "```\n", "|a|b|\n|-|-|\n", "{::nomarkdown}", "<p>k</p>\n"}
	mds := []goldmark.Markdown{
		goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, Math{}, Emoji{}, KramdownHTML{})),
		goldmark.New(goldmark.WithExtensions(extension.GFM, Math{Dollar: true, DollarEscaped: true}, Emoji{})),
		goldmark.New(goldmark.WithExtensions(extension.GFM, Math{})),
	}
	rng := rand.New(rand.NewSource(11))
	skipped := 0
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		src := []byte(b.String())
		if mayLower(src) {
			continue
		}
		skipped++
		for _, md := range mds {
			d := &Document{Source: src, parser: md.Parser(), own: len(src)}
			d.Root = md.Parser().Parse(text.NewReader(src))
			ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if entering && d.lowered(n) {
					t.Fatalf("%q: mayLower is false, but %s is to lower", src, n.Kind())
				}
				return ast.WalkContinue, nil
			})
		}
	}
	if skipped < 1000 {
		t.Fatalf("only %d of the documents let go", skipped)
	}
}
