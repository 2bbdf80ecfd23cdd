package gemtext

import (
	"bytes"
	"capsule/capsule/postgen"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

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
		src := []byte(hostileMarkdown(rnd))
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

// hostileMarkdown returns a document of a few fragments, each built to
// make the output grow.
func hostileMarkdown(rnd *rand.Rand) string {
	var b strings.Builder
	for range 1 + rnd.IntN(4) {
		b.WriteString(hostileFragment(rnd))
		if rnd.IntN(2) == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func hostileFragment(rnd *rand.Rand) string {
	n := 1 + rnd.IntN(30)
	markers := []string{"- ", "* ", "1. ", "123456789. ", "> ", ">", "- > ", "1) > ", "- [ ] ", "[^1]: "}
	nest := func() string {
		var b strings.Builder
		for range n {
			b.WriteString(markers[rnd.IntN(len(markers))])
		}
		return b.String()
	}
	lines := func(line string) string { return strings.Repeat(line, 1+rnd.IntN(60)) }
	words := []string{"a", "日本", "\x1b", "\xc2\x9b", "\xff", "&amp;", "<br>", "`c`", "**b**", "[l](u)", "![i](x.png)",
		"<a@b.c>", "http://a.bc/", "[^1]", "=> ", "# ", "```", "\u00a9", "\t", "\x00"}
	text := func() string {
		var b strings.Builder
		for range 1 + rnd.IntN(8) {
			b.WriteString(words[rnd.IntN(len(words))])
		}
		return b.String()
	}
	switch rnd.IntN(13) {
	case 12: // the widest prefix allowed, over lines of two bytes
		wide := strings.Repeat("123456789. ", rnd.IntN(3)) + strings.Repeat("> ", rnd.IntN(9))
		if rnd.IntN(2) == 0 {
			return wide + "a\\\n" + lines("\\\n") + "b\n"
		}
		return wide + lines("- ") + "a\n"
	case 0: // nesting on one line
		return nest() + text() + "\n"
	case 1: // nesting, then lines that continue it lazily with hard breaks
		return nest() + text() + "\\\n" + lines("\\\n") + "x\n"
	case 2: // nesting, then lines of <br>
		return nest() + "a" + lines("<br>\n") + "\n"
	case 3: // nesting that grows line by line
		var b strings.Builder
		m := markers[rnd.IntN(len(markers))]
		for i := 1; i <= n; i++ {
			b.WriteString(strings.Repeat(m, i) + text() + "\n")
		}
		return b.String()
	case 4: // a wide table over short rows
		cols := 1 + rnd.IntN(200)
		head := strings.Repeat("|"+strings.Repeat("h", rnd.IntN(30)), cols) + "|\n"
		return head + strings.Repeat("|-", cols) + "|\n" + lines("|"+text()+"\n")
	case 5: // a table with one long cell, in a container, rows lazy
		return nest() + "| a | b |\n|---|---|\n| " + strings.Repeat("x", rnd.IntN(400)) + " | y |\n" + lines("z\n")
	case 6: // many footnotes and references
		var b strings.Builder
		for i := range n * 10 {
			fmt.Fprintf(&b, "[^%d]", i)
		}
		b.WriteString("\n\n")
		for i := range n * 10 {
			fmt.Fprintf(&b, "[^%d]: %s\n", i, text())
		}
		return b.String()
	case 7: // a long line
		return strings.Repeat(text()+" ", 1+rnd.IntN(500)) + "\n"
	case 8: // many links and images
		return lines("[](a) ![](b) <c:d> <e@f.g> http://h.ij/ ")
	case 9: // code, in a container
		return nest() + "```\n" + lines(text()+"\n") + "```\n"
	case 10: // thematic breaks and empty items
		return lines("***\n-\n")
	default: // a table of many columns in a deep container
		cols := 1 + rnd.IntN(50)
		return nest() + strings.Repeat("|a", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n" + lines("|\n")
	}
}
