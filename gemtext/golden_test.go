package gemtext

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// newMarkdown returns goldmark configured as capsule's callers configure it.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
}

func parse(md goldmark.Markdown, src []byte) ast.Node {
	return md.Parser().Parse(text.NewReader(src))
}

// testLink is the Options.Link of the golden tests: a relative link to a
// Markdown file becomes that post's Gemini path, as capsule does.
func testLink(dest string) string {
	if !strings.Contains(dest, ":") && strings.HasSuffix(dest, ".md") {
		return "/posts/" + strings.TrimSuffix(path.Base(dest), ".md") + ".gmi"
	}
	return dest
}

// TestGolden renders every testdata/<name>.md and compares the result with
// the hand-written testdata/<name>.gmi.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no golden inputs in testdata")
	}
	md := newMarkdown()
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(in, ".md") + ".gmi")
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := Render(&got, src, parse(md, src), Options{Link: testLink}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s.md rendered differently\n%s", name, lineDiff(string(want), got.String()))
			}
			if msg := checkGemtext(got.Bytes()); msg != "" {
				t.Errorf("malformed output: %s", msg)
			}
		})
	}
}

// lineDiff shows want and got line by line, marking lines that differ.
func lineDiff(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			b.WriteString("    " + strings.ReplaceAll(wl, "\u200b", "<ZWSP>") + "\n")
			continue
		}
		b.WriteString("  - " + strings.ReplaceAll(strings.ReplaceAll(wl, "\u200b", "<ZWSP>"), " ", "·") + "\n")
		b.WriteString("  + " + strings.ReplaceAll(strings.ReplaceAll(gl, "\u200b", "<ZWSP>"), " ", "·") + "\n")
	}
	return b.String()
}
