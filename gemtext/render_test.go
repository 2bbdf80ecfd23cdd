package gemtext

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func renderString(t *testing.T, src string, opts Options) string {
	t.Helper()
	b := []byte(src)
	var out bytes.Buffer
	if err := Render(&out, b, parse(newMarkdown(), b), opts); err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	if msg := checkGemtext(out.Bytes()); msg != "" {
		t.Errorf("Render(%q): malformed output: %s\n%s", src, msg, out.String())
	}
	return out.String()
}

func TestRenderInline(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"soft break wide", "日本\n語", "日本語\n"},
		{"soft break narrow", "a\nb", "a b\n"},
		{"soft break mixed", "日本\nGo", "日本 Go\n"},
		{"across strong", "**強調**\nの後", "強調の後\n"},
		{"across link", "[リンク](u)\nです", "リンクです\n=> u リンク\n"},
		{"across code span", "`コード`\nです", "コードです\n"},
		{"across emphasis after", "前の\n*強調*", "前の強調\n"},
		{"fullwidth forms", "（注）\n！", "（注）！\n"},
		{"zero width space", "a\u200b\nb", "a\u200bb\n"},
		{"middle dot", "りんご・\nみかん・ぶどう", "りんご・みかん・ぶどう\n"},
		{"ellipsis after Japanese", "ええと…\nそれから", "ええと…それから\n"},
		{"dash after Japanese", "そうですね――\nはい", "そうですね――はい\n"},
		{"ellipsis in English", "wait…\nthen", "wait… then\n"},
		{"Korean keeps its space", "안녕하세요\n여러분", "안녕하세요 여러분\n"},
		{"spaces not doubled", "a  \\\nb", "a\nb\n"},
		{"space before link break", "[a](u) \nb", "a b\n=> u a\n"},
		{"hard break in heading", "# a<br>b", "# a b\n"},
		{"label soft break", "[日本\n語](u) x", "日本語 x\n=> u 日本語\n"},
		{"image in text", "x ![alt](i.png) y", "x alt y\n=> i.png alt\n"},
		{"link to same url twice", "[a](u) [b](u) c", "a b c\n=> u a\n"},
		{"autolink label is url", "<https://a.example/>", "=> https://a.example/\n"},
		{"email autolink", "<me@example.com> x", "me@example.com x\n=> mailto:me@example.com me@example.com\n"},
		{"linkify trailing dot", "see https://a.example/x.", "see https://a.example/x.\n=> https://a.example/x\n"},
		{"entity in destination", "[a](x&amp;y) b", "a b\n=> x&y a\n"},
		{"escape in destination", `[a](x\_y) b`, "a b\n=> x_y a\n"},
		{"control chars", "a\x1bb &#0; c\x7f", "ab \uFFFD c\n"},
		{"CR line ends", "a\r\nb\r\n", "a b\n"},
		{"numeric reference newline", "a&#10;b", "a b\n"},
		{"item starting with heading or quote", "- # Heading\n- > quote\n  > more", "* Heading\n* > quote more\n"},
		{"item starting with code", "- ```\n  c\n  ```\n  after", "*\n```\nc\n```\n  after\n"},
		{"task in nested list", "- a\n  - [x] b", "* a\n* ◦ [x] b\n"},
		{"nested levels", "- a\n  - b\n    - c\n      - d\n        1. e", "* a\n* ◦ b\n* ▪ c\n* ▪▪ d\n* ▪▪▪ 1. e\n"},
		{"ordered in unordered", "- a\n  1. b\n  2. c\n- d", "* a\n* 1. b\n* 2. c\n* d\n"},
		{"bullets in ordered", "1. a\n   - b\n2. c", "1. a\n* ◦ b\n2. c\n"},
		{"nested item paragraphs", "- a\n  - b\n\n    more\n  - c", "* a\n* ◦ b\n    more\n* ◦ c\n"},
		{"nested list in quote", "> - a\n>   - b", "> * a\n> * ◦ b\n"},
		{"quote in nested item", "- a\n  - b\n\n    > q", "* a\n* ◦ b\n    > q\n"},
		{"footnote ref only", "x[^1]\n\n[^1]: n", "x[1]\n\n~~~\n\n[1] n\n"},
		{"footnote after rule", "x[^1]\n\n---\n\n[^1]: n", "x[1]\n\n~~~\n\n[1] n\n"},
		{"footnote with code", "x[^1]\n\n[^1]:\n    ```\n    c\n    ```", "x[1]\n\n~~~\n\n[1]\n```\nc\n```\n"},
		{"heading in quote", "> # H\n> t", "> H\n>\n> t\n"},
		{"links only in quote keep text", "> [a](u)", "> a\n=> u a\n"},
		{"empty heading", "#\n\nx", "x\n"},
		{"html only", "<div>\n</div>", ""},
		{"br variants", "a<br>b<br/>c<br />d<BR>e<br class=x>f<bra>g", "a\nb\nc\nd\ne\nfg\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderString(t, tt.in, Options{}); got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBareURLs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"詳しくはhttps://example.com/", "詳しくはhttps://example.com/\n=> https://example.com/\n"},
		{"（https://example.com/）", "（https://example.com/）\n=> https://example.com/\n"},
		{"見て(https://example.com/a_(b))。", "見て(https://example.com/a_(b))。\n=> https://example.com/a_(b)\n"},
		{"xhttps://example.com/ no", "xhttps://example.com/ no\n"},
		{"`詳しくはhttps://example.com/`", "詳しくはhttps://example.com/\n"},
		{"gopher://example.org/1/ menu", "gopher://example.org/1/ menu\n=> gopher://example.org/1/\n"},
		{"[詳しくはhttps://example.com/](gemini://g.example/)", "=> gemini://g.example/ 詳しくはhttps://example.com/\n"},
		{"日本語gemini://g.example/", "日本語gemini://g.example/\n=> gemini://g.example/\n"},
		// Run together: the second URL starts inside the first.
		{"!https://0.https://0.a", "!https://0.https://0.a\n=> https://0.https\n"},
	}
	for _, tt := range tests {
		if got := renderString(t, tt.in, Options{}); got != tt.want {
			t.Errorf("Render(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestLinkOption(t *testing.T) {
	var seen []string
	opts := Options{Link: func(dest string) string {
		seen = append(seen, dest)
		switch dest {
		case "drop.md":
			return ""
		case "post.md":
			return "/posts/post.gmi"
		case "space.md":
			return "/posts/a b.gmi"
		}
		return dest
	}}
	got := renderString(t, "[a](post.md) [b](drop.md) [c](space.md) ![d](日本.png) <https://x.example/>", opts)
	want := "a b c d https://x.example/\n" +
		"=> /posts/post.gmi a\n" +
		"=> /posts/a%20b.gmi c\n" +
		"=> %E6%97%A5%E6%9C%AC.png d\n" +
		"=> https://x.example/\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	wantSeen := []string{"post.md", "drop.md", "space.md", "日本.png", "https://x.example/"}
	if fmt.Sprint(seen) != fmt.Sprint(wantSeen) {
		t.Errorf("Link called with %q, want %q", seen, wantSeen)
	}
	// A paragraph whose only link is dropped keeps its text.
	if got := renderString(t, "[only](drop.md)", opts); got != "only\n" {
		t.Errorf("dropped only link: got %q", got)
	}
}

// snapshot records everything Render could conceivably change in a tree.
func snapshot(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%p %s %d|", n, n.Kind(), n.ChildCount())
		for _, a := range n.Attributes() {
			fmt.Fprintf(&b, "%s=%v|", a.Name, a.Value)
		}
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, "%v %v %v %v|", n.Segment, n.SoftLineBreak(), n.HardLineBreak(), n.IsRaw())
		case *ast.Link:
			fmt.Fprintf(&b, "%q %q|", n.Destination, n.Title)
		case *ast.Image:
			fmt.Fprintf(&b, "%q %q|", n.Destination, n.Title)
		}
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				fmt.Fprintf(&b, "%v", n.Lines().At(i))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestRenderDoesNotModifyAST checks that Render leaves the tree as it was:
// a snapshot of it is unchanged, a second Render gives the same output, and
// goldmark's HTML of the tree is what it is for a tree never rendered as
// gemtext. (goldmark's own table HTML renderer does change the tree: it adds
// style attributes to cells on every call, so HTML is rendered once a tree.)
func TestRenderDoesNotModifyAST(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	md := newMarkdown()
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		var want, got, g1, g2 bytes.Buffer
		if err := md.Renderer().Render(&want, src, parse(md, src)); err != nil {
			t.Fatal(err)
		}
		doc := parse(md, src)
		before := snapshot(doc, src)
		if err := Render(&g1, src, doc, Options{Link: testLink}); err != nil {
			t.Fatal(err)
		}
		if err := Render(&g2, src, doc, Options{Link: testLink}); err != nil {
			t.Fatal(err)
		}
		if snapshot(doc, src) != before {
			t.Errorf("%s: Render changed the tree", in)
		}
		if g1.String() != g2.String() {
			t.Errorf("%s: second Render differs from the first", in)
		}
		if err := md.Renderer().Render(&got, src, doc); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: HTML differs after Render", in)
		}
	}
}

type errWriter struct{}

var errWrite = errors.New("write failed")

func (errWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestRenderWriteError(t *testing.T) {
	src := []byte("hello")
	if err := Render(errWriter{}, src, parse(newMarkdown(), src), Options{}); !errors.Is(err, errWrite) {
		t.Errorf("got %v, want %v", err, errWrite)
	}
}

func TestRenderNilAndEmpty(t *testing.T) {
	var out bytes.Buffer
	if err := Render(&out, nil, nil, Options{}); err != nil || out.Len() != 0 {
		t.Errorf("nil doc: err %v, output %q", err, out.String())
	}
	if err := Render(&out, nil, ast.NewDocument(), Options{}); err != nil || out.Len() != 0 {
		t.Errorf("empty doc: err %v, output %q", err, out.String())
	}
}

func TestRenderNonDocumentNode(t *testing.T) {
	src := []byte("# Title\n\ntext")
	doc := parse(newMarkdown(), src)
	var out bytes.Buffer
	if err := Render(&out, src, doc.FirstChild(), Options{}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "# Title\n" {
		t.Errorf("got %q", out.String())
	}
}

func TestRenderMismatchedSource(t *testing.T) {
	// A tree rendered with the wrong source must give an error, not a panic.
	src := []byte("a long paragraph with [a link](https://example.com/)\n\n```\ncode\n```\n")
	doc := parse(newMarkdown(), src)
	var out bytes.Buffer
	if err := Render(&out, []byte("x"), doc, Options{}); err == nil {
		t.Error("want an error for a source that does not match the tree")
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"=> x":  "\u200b=> x",
		"=>":    "\u200b=>",
		"# x":   "\u200b# x",
		"#x":    "\u200b#x",
		"* x":   "\u200b* x",
		"*x":    "*x",
		"> x":   "\u200b> x",
		">x":    "\u200b>x",
		"```x":  "\u200b```x",
		"``x":   "``x",
		"= > x": "= > x",
		" => x": " => x",
		"text":  "text",
		"日本語 #": "日本語 #",
	} {
		if got := EscapeText(in); got != want {
			t.Errorf("EscapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/x?y=1#z": "https://a.example/x?y=1#z",
		"a b":                       "a%20b",
		"%41%zz":                    "%41%zz",
		"日":                         "%E6%97%A5",
		"a\tb\nc":                   "a%09b%0Ac",
		"a\"<>\\^`{|}":              "a%22%3C%3E%5C%5E%60%7B%7C%7D",
		"\xff":                      "%FF",
	} {
		if got := escapeURL(in); got != want {
			t.Errorf("escapeURL(%q) = %q, want %q", in, got, want)
		}
	}
}
