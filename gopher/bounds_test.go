package gopher

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"capsule/capsule/postgen"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// outputBound is the most RenderPost may write for src under header h
// (see OutputFactor).
func outputBound(h Header, src []byte) int {
	n := len(src) + len(h.Title) + len(h.Date)
	for _, t := range h.Tags {
		n += len(t)
	}
	return OutputFactor*n + OutputSlack
}

// TestBombTrees renders small bombs from the trees built for them and
// from goldmark's, and finds the same output.
func TestBombTrees(t *testing.T) {
	for name, bomb := range postgen.Bombs() {
		for _, n := range []int{1, 3, 12, 40} {
			src, doc := bomb(n)
			if got, want := renderTree(src, doc), renderTree(src, parseMD(string(src))); got != want {
				t.Errorf("%s %d: the tree built renders\n%s\ngoldmark's\n%s", name, n, got, want)
			}
		}
	}
}

// renderTree renders the tree doc of src.
func renderTree(src []byte, doc ast.Node) string {
	out, _ := RenderPost(Header{}, src, doc, TextOptions{})
	return string(out)
}

// TestBombs renders each bomb within the bound.
func TestBombs(t *testing.T) {
	for name, bomb := range postgen.Bombs() {
		t.Run(name, func(t *testing.T) {
			src, doc := bomb(postgen.BombSize[name])
			start := time.Now()
			out, _ := RenderPost(Header{}, src, doc, TextOptions{})
			took := time.Since(start)
			if len(out) > outputBound(Header{}, src) {
				t.Errorf("%d bytes of Markdown rendered as %d bytes, more than the bound %d", len(src), len(out), outputBound(Header{}, src))
			}
			// The time is logged, not judged (speed is for benchmarks):
			// milliseconds now, seconds before the bounds.
			t.Logf("%d bytes in, %d out, %v", len(src), len(out), took)
		})
	}
}

// TestOutputBoundWorst renders the costliest inputs known, those that
// OutputFactor is chosen for, and checks the bound on each.
func TestOutputBoundWorst(t *testing.T) {
	wide := "123456789. 123456789. > > > > > "
	for name, md := range map[string]string{
		"lazy hard breaks in a wide prefix": wide + "a\\\n" + strings.Repeat("\\\n", 1000) + "b",
		"empty items past the cap":          wide + strings.Repeat("- ", 2000) + "a",
		"quoted empty items past the cap":   strings.Repeat("> ", 8) + strings.Repeat("- ", 2000) + "a",
		"lazy table rows in a flat item":    wide + "123456789. |a|\n|-|\n" + strings.Repeat("b\n", 1000),
		"rules between letters":             strings.Repeat("a\n***\n", 1000),
		"rules between empty items":         strings.Repeat("*\n***\n", 1000),
		"a run of rules":                    strings.Repeat("***\n", 1000),
	} {
		src := []byte(md)
		out, _ := RenderPost(Header{}, src, parseMD(string(src)), TextOptions{Link: testLink})
		n := len(out)
		if n > outputBound(Header{}, src) {
			t.Errorf("%s: %d bytes rendered as %d, more than %d", name, len(src), n, outputBound(Header{}, src))
		}
		t.Logf("%s: %.2f bytes out for each byte in", name, float64(n)/float64(len(src)))
	}
}

// TestOutputBound renders generated hostile documents (deep and mixed
// nesting, wide and long tables, lazy lines, footnotes, links, rules, long
// lines, controls) at several widths and checks the bound on each.
func TestOutputBound(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	rnd := rand.New(rand.NewPCG(3, 4))
	worst, worstSrc := 0.0, ""
	for i := range 300 {
		src := []byte(postgen.HostileMarkdown(rnd))
		doc := md.Parser().Parse(text.NewReader(src))
		h := Header{Title: string(src[:min(len(src), 100)]), Tags: []string{"a", "b"}}
		for _, opts := range []TextOptions{{}, {Width: 1}, {Width: 15, Link: testLink}, {Width: 200, Link: fuzzLink}} {
			out, links := RenderPost(h, src, doc, opts)
			checkText(t, out, links)
			if len(out) > outputBound(h, src) {
				t.Fatalf("document %d, width %d: %d bytes rendered as %d, more than %d:\n%.2000q", i, opts.Width, len(src), len(out), outputBound(h, src), src)
			}
			if ratio := float64(len(out)-OutputSlack) / float64(len(src)); ratio > worst {
				worst, worstSrc = ratio, string(src)
			}
		}
	}
	t.Logf("largest growth %.2f, for %.300q", worst, worstSrc)
}

// fuzzLink refuses some links, and lengthens the others by a few bytes
// that need escaping.
func fuzzLink(dest string) string {
	if strings.HasPrefix(dest, "x") {
		return ""
	}
	return dest + " \r\n z"
}
