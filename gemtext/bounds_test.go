package gemtext

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"capsule/capsule/postgen"

	"github.com/yuin/goldmark/ast"
)

// outputBound is the most Render may write for src (see OutputFactor).
func outputBound(src []byte) int { return OutputFactor*len(src) + OutputSlack }

// fuzzLink is the Options.Link of FuzzRender: it refuses some links, makes
// others blank, and lengthens the rest by a few bytes that need escaping.
func fuzzLink(dest string) string {
	switch {
	case strings.HasPrefix(dest, "x"):
		return ""
	case strings.HasPrefix(dest, "y"):
		return " \t"
	}
	return dest + " \r\n z"
}

// renderSize renders src and returns the output's length, failing t if
// the output is malformed.
func renderSize(t testing.TB, src []byte, opts Options) int {
	t.Helper()
	var out bytes.Buffer
	if err := Render(&out, src, parse(newMarkdown(), src), opts); err != nil {
		t.Fatal(err)
	}
	if msg := checkGemtext(out.Bytes()); msg != "" {
		t.Fatalf("malformed output: %s", msg)
	}
	return out.Len()
}

// TestBombTrees renders small bombs from the trees built for them and
// from goldmark's, and finds the same output.
func TestBombTrees(t *testing.T) {
	for name, bomb := range postgen.Bombs() {
		for _, n := range []int{1, 3, 12, 40} {
			src, doc := bomb(n)
			if got, want := renderTree(t, src, doc), renderTree(t, src, parse(newMarkdown(), src)); got != want {
				t.Errorf("%s %d: the tree built renders\n%s\ngoldmark's\n%s", name, n, got, want)
			}
		}
	}
}

// renderTree renders the tree doc of src.
func renderTree(t *testing.T, src []byte, doc ast.Node) string {
	t.Helper()
	var out bytes.Buffer
	if err := Render(&out, src, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestBombs renders each bomb within the bound.
func TestBombs(t *testing.T) {
	for name, bomb := range postgen.Bombs() {
		t.Run(name, func(t *testing.T) {
			src, doc := bomb(postgen.BombSize[name])
			start := time.Now()
			var out bytes.Buffer
			if err := Render(&out, src, doc, Options{}); err != nil {
				t.Fatal(err)
			}
			took := time.Since(start)
			if out.Len() > outputBound(src) {
				t.Errorf("%d bytes of Markdown rendered as %d bytes, more than the bound %d", len(src), out.Len(), outputBound(src))
			}
			// The time is logged, not judged (speed is for benchmarks):
			// milliseconds now, seconds before the bounds.
			t.Logf("%d bytes in, %d out, %v", len(src), out.Len(), took)
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
		n := renderSize(t, src, Options{Link: testLink})
		if n > outputBound(src) {
			t.Errorf("%s: %d bytes rendered as %d, more than %d", name, len(src), n, outputBound(src))
		}
		t.Logf("%s: %.2f bytes out for each byte in", name, float64(n)/float64(len(src)))
	}
}

// TestOutputBound renders generated hostile documents (deep and mixed
// nesting, wide and long tables, lazy lines, footnotes, links, long
// lines, controls) and checks the bound on each.
func TestOutputBound(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	worst, worstSrc := 0.0, ""
	for i := range 300 {
		src := []byte(postgen.HostileMarkdown(rnd))
		for _, opts := range []Options{{}, {Link: testLink}, {Link: fuzzLink}} {
			n := renderSize(t, src, opts)
			if n > outputBound(src) {
				t.Fatalf("document %d: %d bytes rendered as %d, more than %d:\n%.2000q", i, len(src), n, outputBound(src), src)
			}
			if ratio := float64(n-OutputSlack) / float64(len(src)); ratio > worst {
				worst, worstSrc = ratio, string(src)
			}
		}
	}
	t.Logf("largest growth %.2f, for %.300q", worst, worstSrc)
}
