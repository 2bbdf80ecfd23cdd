package gemtext

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// equivCases returns the inputs TestEquivalence renders: the golden
// inputs, the fuzz seed corpus, the benchmark document and randomly
// generated documents.
func equivCases(t *testing.T) map[string][]byte {
	cases := map[string][]byte{"bench": benchMarkdown()}
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		cases[in] = src
	}
	corpus, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzRender", "*"))
	for _, in := range corpus {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		// go test fuzz v1, then one string(...) line.
		_, lit, _ := strings.Cut(string(src), "string(")
		s, err := strconv.Unquote(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lit), ")")))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		cases[in] = []byte(s)
	}
	n := 400
	if testing.Short() {
		n = 50
	}
	for i := range n {
		g := newMDGen(uint64(i))
		cases["random/"+strconv.Itoa(i)] = []byte(g.document(1 + i%12))
	}
	return cases
}

// TestEquivalence checks that Render writes exactly what the renderer it
// replaced (the oracle in oracle_test.go) wrote, for the same trees and
// options, and renders each top-level block alone the same way too.
func TestEquivalence(t *testing.T) {
	md := newMarkdown()
	// A Link that returns spaces, controls and empty destinations.
	odd := func(dest string) string {
		switch {
		case strings.HasPrefix(dest, "x"):
			return ""
		case strings.HasPrefix(dest, "h"):
			return " " + dest + "\t"
		}
		return dest + " \r\n z"
	}
	opts := []Options{{}, {Link: testLink}, {Link: odd}}
	for name, src := range equivCases(t) {
		doc := parse(md, src)
		roots := []ast.Node{doc}
		for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
			roots = append(roots, c)
		}
		for oi, o := range opts {
			for ri, root := range roots {
				var want, got bytes.Buffer
				werr := refRenderTo(&want, src, root, o)
				gerr := Render(&got, src, root, o)
				if (werr == nil) != (gerr == nil) {
					t.Fatalf("%s (options %d, root %d): error %v, oracle %v", name, oi, ri, gerr, werr)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("%s (options %d, root %d) renders differently\nsource %q\n%s",
						name, oi, ri, src, lineDiff(want.String(), got.String()))
				}
			}
		}
	}
}

// TestEquivalenceWrongSource renders random trees from a shortened source:
// Render must fail exactly when the oracle fails, and otherwise write the
// same bytes.
func TestEquivalenceWrongSource(t *testing.T) {
	md := newMarkdown()
	for i := range 200 {
		src := []byte(newMDGen(uint64(1000 + i)).document(1 + i%8))
		doc := parse(md, src)
		n := len(src) * (i % 4) / 4
		short := src[:n:n] // capped: a segment past the end must not be read
		var want, got bytes.Buffer
		werr := refRenderTo(&want, short, doc, Options{Link: testLink})
		gerr := Render(&got, short, doc, Options{Link: testLink})
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("case %d: error %v, oracle %v", i, gerr, werr)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("case %d renders differently\n%s", i, lineDiff(want.String(), got.String()))
		}
	}
}

// FuzzEquivalence renders arbitrary Markdown with Render and with the
// oracle it replaced, which must agree byte for byte.
func FuzzEquivalence(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	for i := range 20 {
		f.Add(newMDGen(uint64(i)).document(1 + i%6))
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, in string) {
		src := []byte(in)
		doc := parse(md, src)
		for _, o := range []Options{{}, {Link: testLink}} {
			var want, got bytes.Buffer
			werr := refRenderTo(&want, src, doc, o)
			gerr := Render(&got, src, doc, o)
			if (werr == nil) != (gerr == nil) || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("Render differs from the oracle (error %v, oracle %v)\n%s",
					gerr, werr, lineDiff(want.String(), got.String()))
			}
		}
	})
}
