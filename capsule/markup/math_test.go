package markup

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"capsule/gemtext"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
)

func mathParser(dollar bool) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(Math{Dollar: dollar}, Emoji{}))
}

var dollarMD, plainMD = mathParser(true), mathParser(false)

// parseAll parses and lowers src, and renders it, which reads every
// segment: nothing of the math or emoji nodes is left.
func parseAll(t *testing.T, md goldmark.Markdown, src string) *Document {
	d := Parse(md.Parser(), []byte(src), Options{})
	ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (mathNode(n) || emojiNode(n)) {
			t.Fatalf("%s left in %q", n.Kind(), src)
		}
		return ast.WalkContinue, nil
	})
	var out bytes.Buffer
	if err := gemtext.Render(&out, d.Source, d.Root, gemtext.Options{}); err != nil {
		t.Fatal(err)
	}
	return d
}

// codeSpans are the texts of d's code spans.
func codeSpans(d *Document) []string {
	var out []string
	ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*ast.CodeSpan); ok && entering {
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				b.Write(t.(*ast.Text).Segment.Value(d.Source))
			}
			out = append(out, b.String())
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestInlineMath(t *testing.T) {
	for _, c := range []struct {
		src    string
		dollar bool
		want   []string
	}{
		{`a \(x_1 *y*\) b`, false, []string{`\(x_1 *y*\)`}},
		{`a \\(x\\) b`, false, []string{`\(x\)`}},
		{`a $$x$$ b`, false, []string{`$$x$$`}},
		{`a $x$ b`, false, nil},
		{`a $x$ b`, true, []string{`$x$`}},
		{`$5 and $10`, true, nil},
		{`$x$5`, true, nil},
		{`$ x$`, true, nil},
		{`$x $`, true, nil},
		{`\(  \)`, false, nil},
		{"a \\(x\ny\\) b", false, []string{`\(x y\)`}},
		{"a \\(x\n\ny\\) b", false, nil}, // a paragraph ends math
		{"`\\(x\\)`", false, []string{`\(x\)`}},
		{"a \\(" + strings.Repeat("x", MaxInlineMath+1) + "\\)", false, nil},
		// Raw: the delimiters the site's Markdown never reads.
		{`$\Sigma = \{0\}$ \(\{a\_1\}\)`, true, []string{`$\Sigma = \{0\}$`, `\(\{a\_1\}\)`}},
		// "\\(" is written for the Markdown that reads it first.
		{`\\(\Sigma = \\{0\\} a\_1\\)`, false, []string{`\(\Sigma = \{0\} a_1\)`}},
		{"a \\(" + strings.Repeat("x", MaxInlineMath) + "\\)", false, []string{`\(` + strings.Repeat("x", MaxInlineMath) + `\)`}},
	} {
		md := plainMD
		if c.dollar {
			md = dollarMD
		}
		got := codeSpans(parseAll(t, md, c.src))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q (dollar %v): code spans %q, want %q", c.src, c.dollar, got, c.want)
		}
	}
}

// fences are the math blocks of d: their lines.
func fences(d *Document) []string {
	var out []string
	ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && string(f.Language(d.Source)) == "math" {
			var b strings.Builder
			for i := range f.Lines().Len() {
				s := f.Lines().At(i)
				b.Write(s.Value(d.Source))
			}
			out = append(out, b.String())
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Where the site's Markdown reads "$…$" before its math script, its
// escapes are resolved, as the site's readers see the formula.
func TestDollarEscaped(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(Math{Dollar: true, DollarEscaped: true}))
	got := codeSpans(parseAll(t, md, `字母表 $\Sigma = \\{0, 1\\}$，$a\_1 \, b$ and \(\{x\}\)`))
	want := []string{`$\Sigma = \{0, 1\}$`, `$a_1 , b$`, `\(\{x\}\)`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("code spans %q, want %q", got, want)
	}
}

// Where the site's Markdown reads "$$" blocks before its math script
// (Hugo without passthrough: argmaxblog's), their escapes are resolved
// too; otherwise (kramdown's math blocks) they are as written.
func TestBlockEscaped(t *testing.T) {
	src := "$$\nD\\_{KL}(P \\| Q) = \\sum\\_{i} P\\_i \\\\\\\nx\n$$\n\n$$a\\_1$$\n\n\\[\nb\\_1\n\\]\n"
	for escaped, want := range map[bool][]string{
		true:  {"D_{KL}(P | Q) = \\sum_{i} P_i \\\\\nx\n", "a_1\n", "b\\_1\n"},
		false: {"D\\_{KL}(P \\| Q) = \\sum\\_{i} P\\_i \\\\\\\nx\n", "a\\_1\n", "b\\_1\n"},
	} {
		md := goldmark.New(goldmark.WithExtensions(Math{Dollar: true, DollarEscaped: true, BlockEscaped: escaped}))
		if got := fences(parseAll(t, md, src)); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("BlockEscaped %v: math blocks %q, want %q", escaped, got, want)
		}
	}
}

func TestDisplayMath(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"$$ x $$", []string{"x\n"}},
		{"$$x$$ and text", nil},
		{"$$\na\n\nb\n$$\nafter", []string{"a\n\nb\n"}},
		{"$$ a\nb $$", []string{"a\nb\n"}},
		{"$$\nnever closed\n", nil},
		{"text\n$$\nx\n$$", []string{"x\n"}},
		{"> $$\n> x\n> $$", []string{"x\n"}},
		{"\\[\n  x\n    y\n\\]", []string{"x\n  y\n"}},
		{"\\\\[\nx\n\\\\]", []string{"x\n"}},
		{"\\\\[\na \\\\\\\\ b\\_1\n\\\\]", []string{"a \\\\ b_1\n"}},
		{"$$\n```\n$$", []string{"```\n"}},
		{"```\n$$\nx\n$$\n```", nil},
		{"$$ $$", nil},
	} {
		got := fences(parseAll(t, plainMD, c.src))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: math blocks %q, want %q", c.src, got, c.want)
		}
	}
}

// unclosedUnits are texts whose delimiters are never closed, each
// repeated to make a post: "$$a" a thousand times is a thousand openers
// looking for a closer that is not there.
var unclosedUnits = []string{"$$a\n", "\\(a ", "$$a ", "$a ", "\\[a\n", "a $b\n", ":a:"}

// Delimiters never closed cost time in proportion to the text: each is
// searched for once (see closerMemo). Searched for again from each
// opener, 2^18 of them take minutes (measured with the memo off: over a
// minute for each of the first units), and the test fails past a minute:
// a cost without bound, not a measure of speed, which a busy machine
// could not judge. BenchmarkMathUnclosed shows how the time grows with
// the text (8 times the text, 8 times the time).
func TestMathUnclosedLinear(t *testing.T) {
	for _, unit := range unclosedUnits {
		src := []byte(strings.Repeat(unit, 1<<18))
		start := time.Now()
		Parse(dollarMD.Parser(), src, Options{})
		if took := time.Since(start); took > time.Minute {
			t.Errorf("%q 2^18 times took %v: a cost without bound?", unit, took)
		}
	}
}

func BenchmarkMathUnclosed(b *testing.B) {
	for _, unit := range unclosedUnits {
		for _, n := range []int{1 << 14, 1 << 17} {
			src := []byte(strings.Repeat(unit, n))
			b.Run(fmt.Sprintf("%q/%d", unit, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Parse(dollarMD.Parser(), src, Options{})
				}
			})
		}
	}
}

func FuzzMathInline(f *testing.F) {
	for _, s := range []string{`x^2`, `\frac{a}{b}`, `a_1 * b_1`, `x\`, "`x`", `\(y`, "日本語"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, dollar bool) {
		if !utf8.ValidString(s) || len(s) > MaxInlineMath {
			return
		}
		parseAll(t, dollarMD, s) // anything, with every parser on
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == 0 || r == '$' {
				return -1
			}
			return r
		}, s)
		if strings.TrimSpace(s) == "" {
			return
		}
		src, want := "a \\("+s+"\\) b", "\\("+s+"\\)"
		if strings.Contains(s, `\)`) {
			return
		}
		if dollar {
			if s[0] == ' ' || s[0] == '\t' || strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\t") || strings.HasSuffix(s, `\`) {
				return
			}
			src, want = "a $"+s+"$ b", "$"+s+"$"
		}
		got := codeSpans(parseAll(t, dollarMD, src))
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: code spans %q, want %q", src, got, want)
		}
	})
}

func FuzzMathBlock(f *testing.F) {
	for _, s := range []string{"x", "a \\\\\nb_1", "  x\n\n  y", "```", "- a\n> b", "\\]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		parseAll(t, dollarMD, s)
		s = strings.Map(func(r rune) rune {
			if r == '\r' || r == 0 || r == '$' {
				return -1
			}
			return r
		}, s)
		d := parseAll(t, plainMD, "$$\n"+s+"\n$$\n")
		// The formula's lines, blank ones around it dropped.
		lines := strings.Split(s, "\n")
		for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
			lines = lines[1:]
		}
		for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1]
		}
		got := fences(d)
		if len(lines) == 0 {
			if len(got) != 0 {
				t.Errorf("%q: math blocks %q, want none", s, got)
			}
			return
		}
		if len(got) != 1 || strings.Count(got[0], "\n") != len(lines) {
			t.Errorf("%q: math blocks %q, want one of %d lines", s, got, len(lines))
		}
	})
}

// A bare URL in running text stays one, though the emoji and math
// parsers were tried at its ":" and "$" (see textMerger).
func TestBareURLAcrossTriggers(t *testing.T) {
	src := "（訳注：http://www.example.com/a$b:d）です。\n"
	d := parseAll(t, dollarMD, src)
	var out bytes.Buffer
	if err := gemtext.Render(&out, d.Source, d.Root, gemtext.Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "=> http://www.example.com/a$b:d") {
		t.Errorf("no link line:\n%s", out.String())
	}
}

// Math in an HTML block (PaperMod's math.inline: <p> then "\(…\)", which
// KaTeX draws on the web site) is lowered too, after the HTML: it was
// left a math node that drew nothing, the formula lost.
func TestMathInHTMLBlock(t *testing.T) {
	d := parseAll(t, plainMD, "<p>\nInline math: \\(\\varphi = 1.618\\) and <b>bold</b>\n</p>\n")
	var out bytes.Buffer
	if err := gemtext.Render(&out, d.Source, d.Root, gemtext.Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "Inline math: \\(\\varphi = 1.618\\) and bold\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
