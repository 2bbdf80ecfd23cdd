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
// checkGemtext) and the same on a second run over the same tree.
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
	} {
		f.Add(s)
	}
	md := newMarkdown()
	// A Link that returns spaces, controls and empty destinations.
	link := func(dest string) string {
		switch {
		case strings.HasPrefix(dest, "x"):
			return ""
		case strings.HasPrefix(dest, "y"):
			return " \t"
		}
		return dest + " \r\n z"
	}
	f.Fuzz(func(t *testing.T, in string) {
		src := []byte(in)
		doc := parse(md, src)
		for _, opts := range []Options{{}, {Link: link}} {
			var out, again bytes.Buffer
			if err := Render(&out, src, doc, opts); err != nil {
				t.Fatalf("Render: %v", err)
			}
			if msg := checkGemtext(out.Bytes()); msg != "" {
				t.Fatalf("malformed output: %s\n%s", msg, out.String())
			}
			if err := Render(&again, src, doc, opts); err != nil || !bytes.Equal(out.Bytes(), again.Bytes()) {
				t.Fatalf("second Render differs (err %v)", err)
			}
		}
	})
}
