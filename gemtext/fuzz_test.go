package gemtext

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRender renders arbitrary Markdown and checks that Render neither
// panics nor fails, and that its output is well-formed gemtext (see
// checkGemtext) without control characters, within the size bound
// (OutputFactor), and the same on a second run over the same tree.
func FuzzRender(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	for _, s := range []string{
		"", "\n", "\r\n\r\n", "```", "> ```\n> x", "- ```\n  x", "|a|\n|-|\n|```|",
		"[a](<b c>)", "[a](x) [b](x)", "a<br>", "<br>a", "&#0;&#xD;&#13;", "\x00\r\x1b",
		"[^1]\n\n[^1]: [x](y)\n\n    ```\n    z", "* [ ] [x](y)\n  * > # z",
		"詳しくはhttps://example.com/です", "\xff\xfe", "=> a\n# b\n* c\n> d\n```e",
		strings.Repeat("- ", 20) + "a", strings.Repeat("1. > ", 10) + "a\\\n\\\n\\\nb",
		strings.Repeat("|a", 60) + "|\n" + strings.Repeat("|-", 60) + "|\n" + strings.Repeat("b\n", 10),
		"\xc2*\x9b*=> x", "\u0085```\n```\n\x1b```",
	} {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, in string) {
		src := []byte(in)
		doc := parse(md, src)
		for _, opts := range []Options{{}, {Link: fuzzLink}} {
			var out, again bytes.Buffer
			if err := Render(&out, src, doc, opts); err != nil {
				t.Fatalf("Render: %v", err)
			}
			if msg := checkGemtext(out.Bytes()); msg != "" {
				t.Fatalf("malformed output: %s\n%s", msg, out.String())
			}
			if what, ok := controlIn(out.String()); ok {
				t.Fatalf("output holds %q:\n%q", what, out.String())
			}
			if out.Len() > outputBound(src) {
				t.Fatalf("%d bytes rendered as %d, more than %d", len(src), out.Len(), outputBound(src))
			}
			if err := Render(&again, src, doc, opts); err != nil || !bytes.Equal(out.Bytes(), again.Bytes()) {
				t.Fatalf("second Render differs (err %v)", err)
			}
		}
	})
}
