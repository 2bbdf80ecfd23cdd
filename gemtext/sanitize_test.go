package gemtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := map[string]string{
		"":                      "",
		"plain 日本語 ©":           "plain 日本語 ©",
		"a\tb\nc\r\nd":          "a b c  d",
		"\x1b[31mred\x07":       "[31mred",
		"bs\b del\x7f":          "bs del",
		"nul\x00":               "nul\uFFFD",
		"csi\u009b1m nel\u0085": "csi1m nel",
		"\xff\xfeok\xc2":        "\uFFFDok\uFFFD",
		// Dropping a control must not join invalid bytes into a C1
		// control.
		"\xc2\x01\x9b": "\uFFFD\uFFFD",
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

// controlIn returns the first control character or invalid byte in out,
// which a reader must never get; LF ends lines, and TAB may only be in a
// preformatted line.
func controlIn(out string) (string, bool) {
	pre := false
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "```") {
			pre = !pre
		}
		for i, r := range line {
			switch {
			case r == utf8.RuneError && !strings.HasPrefix(line[i:], "\uFFFD"):
				return "invalid UTF-8", true
			case r == '\t' && pre:
			case r < 0x20, r >= 0x7f && r <= 0x9f:
				return string(r), true
			}
		}
	}
	return "", false
}

// TestRenderDropsControls puts each control character, and invalid UTF-8,
// in each place where text enters the output, and finds none in it.
func TestRenderDropsControls(t *testing.T) {
	controls := []string{"\x1b", "\x07", "\b", "\x7f", "\u009b", "\u0085", "\x00", "\t", "\r", "\xff", "\xc2", "\x80", "\xe3\x81"}
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
			for _, opts := range []Options{{}, {Link: testLink}} {
				out := renderString(t, src, opts)
				if what, ok := controlIn(out); ok {
					t.Errorf("Render(%q) gives %q in\n%q", src, what, out)
				}
			}
		}
	}
}

func TestRenderControlsKeepLineStart(t *testing.T) {
	tests := []struct{ in, want string }{
		// A dropped control does not unveil gemtext syntax.
		{"\u0085=> x", "\u200b=> x\n"},
		{"\x1b# x", "\u200b# x\n"},
		{"```\n\u0085```\n```", "```\n ```\n```\n"},
		// Invalid bytes that meet across markup become U+FFFD, not a
		// C1 control, and not nothing.
		{"\xc2*\x9b*=> x", "\uFFFD=> x\n"},
		{"code\n\n```\na\tb\x1bc\r\n```", "code\n\n```\na\tbc\n```\n"},
	}
	for _, tt := range tests {
		if got := renderString(t, tt.in, Options{}); got != tt.want {
			t.Errorf("Render(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPageSanitizes(t *testing.T) {
	var p Page
	bad := "a\x1b[2Jb\u009bc\x00d\x7f\re\nf\tg\xff"
	p.Heading(1, bad)
	p.Text(bad)
	p.Text("\n=> /evil")
	p.Quote(bad)
	p.Link("/x\x1b\n", bad)
	p.Heading(2, "\x1b")
	out := string(p.Bytes())
	want := "# a[2Jbc\uFFFDd e f g\uFFFD\n" +
		"a[2Jbc\uFFFDd e f g\uFFFD\n" +
		"\u200b=> /evil\n" +
		"> a[2Jbc\uFFFDd e f g\uFFFD\n" +
		"=> /x%1B%0A a[2Jbc\uFFFDd e f g\uFFFD\n" +
		"##\n"
	if out != want {
		t.Errorf("page:\n%q\nwant\n%q", out, want)
	}
	if what, ok := controlIn(out); ok {
		t.Errorf("page holds %q", what)
	}
}
