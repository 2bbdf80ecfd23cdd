package gopher

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func TestSanitize(t *testing.T) {
	tests := map[string]string{
		"":                          "",
		"plain 日本語 ©":               "plain 日本語 ©",
		"a\tb\nc\r\nd\ve\ff":        "a b c  d e f",
		"\x1b[31mred\x07":           "[31mred",
		"bs\b del\x7f":              "bs del",
		"nul\x00":                   "nul\uFFFD",
		"csi\u009b1m":               "csi1m",
		"nel\u0085ls\u2028ps\u2029": "nel ls ps ",
		"\xff\xfeok\xc2":            "\uFFFDok\uFFFD",
		"\xc2\x01\x9b":              "\uFFFD\uFFFD",
	}
	for in, want := range tests {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
		if got := Sanitize(want); got != want {
			t.Errorf("Sanitize(%q) changed sanitized text: %q", want, got)
		}
	}
}

// controls are what a reader must never get, with a place to put each.
var controls = []string{"\x1b", "\x07", "\b", "\x7f", "\u009b", "\u0085", "\x00", "\t", "\r", "\n", "\xff", "\xc2", "\x80", "\xe3\x81", "\u2028"}

// TestRenderPostDropsControls puts each control character, and invalid
// UTF-8, in each place where text enters a post's text, and finds none in
// it (checkText).
func TestRenderPostDropsControls(t *testing.T) {
	places := []string{
		"body %s text",
		"[label %s](https://example.com/%s) after",
		"![alt %s](i%s.png)",
		"<https://example.com/%s>",
		"# heading %s",
		"| a %s | b |\n|---|---|\n| c | d %s |",
		"```go%s\ncode %s\n%s```\n```",
		"    indented %s code",
		"text[^1]\n\n[^1]: note %s [l](u%s)",
		"`span %s`",
		"- item %s\n  > quote %s",
		"*em%s*%s**strong**",
		"&#27; &#x9b; %s",
	}
	for _, c := range controls {
		for _, p := range places {
			src := strings.ReplaceAll(p, "%s", c)
			h := Header{Title: "t" + c, Date: c + "2017-05-03", Tags: []string{c, "a" + c}}
			for _, opts := range []TextOptions{{}, {Link: testLink}, {Width: 12}} {
				out, links := RenderPost(h, []byte(src), parseMD(src), opts)
				checkText(t, out, links)
			}
		}
	}
}

// TestMenuDropsControls gives every Menu method text with controls, and
// finds none in the menu but the TABs between fields and the CRLF after
// each line.
func TestMenuDropsControls(t *testing.T) {
	for _, c := range controls {
		bad := "a" + c + "b"
		m := NewMenu("host"+c, 70)
		m.Info(bad)
		m.Item(TypeText, bad, "/sel"+c)
		m.Remote(TypeMenu, bad, "/r"+c, "other"+c, 7070)
		m.Error(bad)
		m.Link(bad, "https://example.com/"+c)
		m.Link(bad, "gopher://example.com/0/x"+c)
		m.Link(bad, "relative"+c)
		menu := string(m.Bytes())
		if !strings.HasSuffix(menu, "\r\n.\r\n") {
			t.Fatalf("menu does not end with .: %q", menu)
		}
		for _, line := range strings.Split(strings.TrimSuffix(menu, "\r\n.\r\n"), "\r\n") {
			if n := strings.Count(line, "\t"); n != 3 {
				t.Errorf("control %q: %d TABs in %q", c, n, line)
			}
			// Selectors and hosts are bytes, not text: only TAB, CR,
			// LF and NUL are kept out of them.
			display, _, _ := strings.Cut(line, "\t")
			if !utf8.ValidString(display) {
				t.Errorf("control %q: invalid UTF-8 in %q", c, display)
			}
			for _, r := range display {
				if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
					t.Errorf("control %q: %U in display %q", c, r, display)
				}
			}
			if strings.ContainsAny(line, "\r\n\x00") {
				t.Errorf("control %q: line break or NUL in %q", c, line)
			}
		}
	}
}

// parseMD parses src as capsule's callers do.
func parseMD(src string) ast.Node {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	return md.Parser().Parse(text.NewReader([]byte(src)))
}
