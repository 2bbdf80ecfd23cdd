package markup

import (
	"bytes"
	"strings"
	"testing"

	"capsule/capsule/postgen"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// The Markdown lowering writes for a post's HTML is at most
// htmlOutputFactor times the post's size, plus htmlOutputSlack (and the
// blank lines around it) for each HTML block, whatever the HTML: the
// bombs of postgen.HTMLBombs, which are deep, wide and uneven.
func TestHTMLOutputBound(t *testing.T) {
	p := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()
	for name, bomb := range postgen.HTMLBombs() {
		t.Run(name, func(t *testing.T) {
			src := bomb(postgen.HTMLBombSize / 5)
			_, body, _ := bytes.Cut(src[4:], []byte("---\n")) // after the front matter
			blocks := 0
			ast.Walk(p.Parse(text.NewReader(body)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if entering && n.Kind() == ast.KindHTMLBlock {
					blocks++
				}
				return ast.WalkContinue, nil
			})
			kinds := map[string]int{}
			d := Parse(p, body, Options{Warn: func(_ int, kind string, _ func() string) { kinds[kind]++ }})
			written := len(d.Source) - len(body)
			if limit := htmlOutputFactor*len(body) + (htmlOutputSlack+3)*blocks; written > limit {
				t.Errorf("%d bytes of post: %d written, over %d", len(body), written, limit)
			}
			t.Logf("%d bytes, %d HTML blocks: %d written; warnings %v", len(body), blocks, written, kinds)
		})
	}
}

// HTML nested deeper than maxHTMLDepth is read as the text it holds, with
// a warning.
func TestHTMLDeepNesting(t *testing.T) {
	src := strings.Repeat("<div>", 1000) + "deep words" + strings.Repeat("</div>", 1000) + "\n"
	gmi, txt, warns := render(t, []byte(src), Labels{})
	if gmi != "deep words\n" || txt != "deep words\n" || warns != "HTML nested too deep\n" {
		t.Errorf("gemtext %q, gopher %q, warnings %q", gmi, txt, warns)
	}
}
