package markup

import (
	"bytes"
	"testing"

	"capsule/gemtext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
)

// Markdown written after the post's text renders where the node it
// replaces was, with its own segments, and its warnings name the line of
// that node.
func TestWrittenMarkdownTakesTheNodesPlace(t *testing.T) {
	body := []byte("before\n\n<div>x</div>\n\nafter\n")
	d := Parse(goldmark.New().Parser(), body, Options{})
	// The HTML block is lowered already: its paragraph "x" is replaced.
	html := d.Root.FirstChild().NextSibling()
	if html.Kind() != ast.KindParagraph {
		t.Fatalf("second block is %s", html.Kind())
	}
	replace(html, d.writeMarkdown("## 見出し\n\n\t```go\nfmt.Println(1)", 8))
	var out bytes.Buffer
	if err := gemtext.Render(&out, d.Source, d.Root, gemtext.Options{}); err != nil {
		t.Fatal(err)
	}
	// The tab-indented fence is an indented code block holding "```go"
	// only if the reader measured the tab from the line's head (gemtext
	// shifts a code line starting with ``` one space).
	want := "before\n\n## 見出し\n\n```\n ```go\n```\n\nfmt.Println(1)\n\nafter\n"
	if out.String() != want {
		t.Errorf("rendered\n%q\nwant\n%q", out.String(), want)
	}
	if string(body) != "before\n\n<div>x</div>\n\nafter\n" {
		t.Errorf("the post's text changed: %q", body)
	}
	if got := d.Offset(len(d.Source) - 2); got != 8 {
		t.Errorf("Offset of written Markdown = %d, want 8", got)
	}
	if got := d.Offset(3); got != 3 {
		t.Errorf("Offset in the post's text = %d, want 3", got)
	}
}
