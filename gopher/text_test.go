package gopher

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// testLink rewrites links to other posts ("slug.md") to their gopher URL.
func testLink(dest string) string {
	if slug, ok := strings.CutSuffix(dest, ".md"); ok {
		return "gopher://example.org/0/posts/" + slug + ".txt"
	}
	return dest
}

func TestRenderPostGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/text/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden files in testdata/text")
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s := readSections(t, f)
			opts := TextOptions{Link: testLink}
			if w, ok := s["width"]; ok {
				n, err := strconv.Atoi(strings.TrimSpace(w))
				if err != nil {
					t.Fatalf("width: %v", err)
				}
				opts.Width = n
			}
			var h Header
			for _, line := range strings.Split(s["header"], "\n") {
				key, value, _ := strings.Cut(line, ": ")
				switch key {
				case "title":
					h.Title = value
				case "date":
					h.Date = value
				case "tags":
					h.Tags = strings.Split(value, ", ")
				}
			}
			src := []byte(s["input"] + "\n")
			doc := md.Parser().Parse(text.NewReader(src))
			out, links := RenderPost(h, src, doc, opts)
			got := string(out)
			if !strings.HasSuffix(got, "\r\n") || strings.Count(got, "\n") != strings.Count(got, "\r\n") {
				t.Errorf("lines do not all end in CRLF: %q", got)
			}
			want := strings.ReplaceAll(s["want"], "\n", "\r\n") + "\r\n"
			if got != want {
				t.Errorf("RenderPost:\ngot:\n%s\nwant:\n%s", strings.ReplaceAll(got, "\r\n", "\n"), s["want"])
			}
			if wl, ok := s["links"]; ok {
				var want []Link
				for i, line := range strings.Split(wl, "\n") {
					// "[n] label | url", or "label | url" for the
					// (i+1)th reference of a text without notes.
					num := i + 1
					if n, rest, ok := strings.Cut(line, "] "); ok && strings.HasPrefix(n, "[") {
						if v, err := strconv.Atoi(n[1:]); err == nil {
							num, line = v, rest
						}
					}
					label, url, _ := strings.Cut(line, " | ")
					want = append(want, Link{Label: label, URL: url, Num: num})
				}
				if !slices.Equal(links, want) {
					t.Errorf("links = %v, want %v", links, want)
				}
			}
		})
	}
}

// renderMD parses src and renders it with opts and no header.
func renderMD(src string, opts TextOptions) (string, []Link) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	b := []byte(src)
	doc := md.Parser().Parse(text.NewReader(b))
	out, links := RenderPost(Header{}, b, doc, opts)
	return string(out), links
}

func TestRenderPostEmpty(t *testing.T) {
	if out, links := RenderPost(Header{}, nil, nil, TextOptions{}); len(out) != 0 || links != nil {
		t.Errorf("RenderPost(nothing) = %q, %v", out, links)
	}
	out, _ := RenderPost(Header{Title: "t"}, nil, nil, TextOptions{})
	if string(out) != "t\r\n" {
		t.Errorf("RenderPost(title only) = %q", out)
	}
	if out, _ := renderMD("<!-- only a comment -->\n", TextOptions{}); out != "" {
		t.Errorf("HTML only = %q", out)
	}
}

func TestRenderPostDefaultWidth(t *testing.T) {
	long := strings.Repeat("あ", 50)
	out, _ := renderMD(long, TextOptions{})
	want := strings.Repeat("あ", 35) + "\r\n" + strings.Repeat("あ", 15) + "\r\n"
	if out != want {
		t.Errorf("width 0 (70 cells):\n%s", out)
	}
}

func TestRenderPostLinks(t *testing.T) {
	out, links := renderMD("[a](<x y>) [b](x%20y) [empty]() [c](\\(z\\))\n", TextOptions{})
	if want := "a[1] b[1] empty c[2]\r\n\r\n[1] x%20y\r\n[2] (z)\r\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	if want := []Link{{"a", "x%20y", 1}, {"c", "(z)", 2}}; !slices.Equal(links, want) {
		t.Errorf("links = %v, want %v", links, want)
	}
	// Whatever the rewriter returns cannot break a line.
	out, links = renderMD("[a](b)\n", TextOptions{Link: func(string) string { return "u\tv\r\n." }})
	if want := "a[1]\r\n\r\n[1] u%09v%0D%0A.\r\n"; out != want || links[0].URL != "u%09v%0D%0A." {
		t.Errorf("got %q, %v", out, links)
	}
}

func TestRenderPostReferenceOwnLine(t *testing.T) {
	// 20 cells: too long after "[1] " in 20, short enough for a line alone.
	out, _ := renderMD("[x](https://e.example/ab)\n", TextOptions{Width: 20})
	if want := "x[1]\r\n\r\n[1]\r\nhttps://e.example/ab\r\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestRenderPostSanitizes(t *testing.T) {
	src := "a\x1b[31mred\x07 \u2028 b\n\n```\n\x1b]0;title\x07\n.\n```\n"
	out, _ := renderMD(src, TextOptions{})
	if want := "a[31mred b\r\n\r\n    ]0;title\r\n    .\r\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	hdr, _ := RenderPost(Header{Title: "a\tb\nc", Date: "2017-05-03\r\n", Tags: []string{"x\ty", "", " "}}, nil, nil, TextOptions{})
	if want := "a b c\r\n2017-05-03\r\nTags: x y\r\n"; string(hdr) != want {
		t.Errorf("header got %q, want %q", hdr, want)
	}
}

func TestRenderPostDoesNotModifyAST(t *testing.T) {
	src := []byte("# T\n\ntext[^1] [l](u)\n\n[^1]: note\n")
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	doc := md.Parser().Parse(text.NewReader(src))
	before := fingerprint(doc, src)
	first, _ := RenderPost(Header{}, src, doc, TextOptions{})
	second, _ := RenderPost(Header{}, src, doc, TextOptions{})
	if fingerprint(doc, src) != before || string(first) != string(second) {
		t.Error("RenderPost changed the AST")
	}
}

// fingerprint describes the tree of doc: kinds, child counts, text
// segments and their line breaks, link destinations.
func fingerprint(doc ast.Node, src []byte) string {
	var sb strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			sb.WriteString(")")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&sb, "(%s %d", n.Kind(), n.ChildCount())
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&sb, " %q %v %v", n.Segment.Value(src), n.SoftLineBreak(), n.HardLineBreak())
		case *ast.Link:
			fmt.Fprintf(&sb, " %q", n.Destination)
		case *ast.Image:
			fmt.Fprintf(&sb, " %q", n.Destination)
		}
		return ast.WalkContinue, nil
	})
	return sb.String()
}

// checkText checks the file-level rules of a rendered post.
func checkText(t *testing.T, out []byte, links []Link) {
	t.Helper()
	s := string(out)
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
	if s == "" {
		return
	}
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("no final CRLF: %q", s)
	}
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	if lines[len(lines)-1] == "" {
		t.Fatalf("trailing blank line: %q", s)
	}
	for _, l := range lines {
		if l == "." {
			t.Fatalf("lone dot line in %q", s)
		}
		if strings.HasSuffix(l, " ") {
			t.Fatalf("trailing space in line %q", l)
		}
		for _, r := range l {
			if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
				t.Fatalf("control character %U in line %q", r, l)
			}
		}
	}
	for _, l := range links {
		if l.URL == "" || strings.ContainsFunc(l.URL, func(r rune) bool { return r == ' ' || unicode.IsControl(r) }) {
			t.Fatalf("bad link URL %q", l.URL)
		}
	}
}

// FuzzRenderPost renders arbitrary Markdown at any width and checks the
// file-level rules (checkText) and the size bound (OutputFactor).
func FuzzRenderPost(f *testing.F) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err == nil {
			_, in, _ := strings.Cut(string(data), "-- input --\n")
			in, _, _ = strings.Cut(in, "\n-- want --")
			f.Add(in, 0)
		}
	}
	f.Add("> - a\n>   1. b\n>\n>      > c\n", 5)
	f.Add("| a |\n|---|\n| [x](<y z>) |\n\n[^a]\n\n[^a]: b\n  [^a]\n", 1)
	f.Add("\t.\n\n.\n\n* .\n\n#\n\n---\n", -3)
	f.Add(strings.Repeat("- ", 20)+"a", 70)
	f.Add(strings.Repeat("1. > ", 10)+"a\\\n\\\n\\\nb", 12)
	f.Add(strings.Repeat("|a", 60)+"|\n"+strings.Repeat("|-", 60)+"|\n"+strings.Repeat("b\n", 10), 0)
	f.Add("a\n***\n***\n[](<  >)\x1b\u009b", 1)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	f.Fuzz(func(t *testing.T, src string, width int) {
		b := []byte(src)
		doc := md.Parser().Parse(text.NewReader(b))
		h := Header{Title: src, Tags: []string{src}}
		for _, link := range []func(string) string{testLink, fuzzLink} {
			out, links := RenderPost(h, b, doc, TextOptions{Width: width % 200, Link: link})
			checkText(t, out, links)
			if len(out) > outputBound(h, b) {
				t.Fatalf("%d bytes rendered as %d, more than %d", len(b), len(out), outputBound(h, b))
			}
		}
	})
}

func TestUnescape(t *testing.T) {
	tests := map[string]string{
		`a\*b\\c\d`:               `a*b\c\d`,
		"&copy; &AMP; &bogus;":    "© & &bogus;",
		"&#0; &#x110000; &#65;":   "\uFFFD \uFFFD A",
		`\&amp; &#x; &#12345678;`: "&amp; &#x; &#12345678;",
		"&amp":                    "&amp",
		"nul\x00":                 "nul\uFFFD",
	}
	for in, want := range tests {
		if got := unescape([]byte(in)); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRenderPostSoftBreaks(t *testing.T) {
	tests := map[string]string{
		"です！\nそして\n":              "です！そして",
		"（注）\nです\n":               "（注）です",
		"楽しい😀\nまた\n":              "楽しい😀 また",
		"日本語\nEnglish\n":          "日本語 English",
		"りんご・\nみかん\n":             "りんご・みかん",
		"ええと…\nそれから\n":            "ええと…それから",
		"そうですね――\nはい\n":           "そうですね――はい",
		"wait…\nthen\n":           "wait… then",
		"안녕하세요\n여러분\n":            "안녕하세요 여러분",
		"[リンク](u)\nの後\n":          "リンク[1]の後",
		"脚注[^1]\nの後\n\n[^1]: x\n": "脚注[1]の後",
	}
	for in, want := range tests {
		out, _ := renderMD(in, TextOptions{})
		if got, _, _ := strings.Cut(out, "\r\n"); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
