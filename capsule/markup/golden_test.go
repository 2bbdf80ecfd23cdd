package markup

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"capsule/gemtext"
	"capsule/gopher"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// render lowers src and renders it on both protocols, gopher's CRLF as LF,
// with the kinds of warnings told, one a line.
func render(t *testing.T, src []byte, labels Labels, exts ...goldmark.Extender) (gmi, txt, warns string) {
	t.Helper()
	kinds := map[string]bool{}
	exts = append([]goldmark.Extender{extension.GFM, extension.Footnote}, exts...)
	d := Parse(goldmark.New(goldmark.WithExtensions(exts...)).Parser(), src,
		Options{Labels: labels, Warn: func(_ int, kind string, _ func() string) { kinds[kind] = true }})
	var b bytes.Buffer
	if err := gemtext.Render(&b, d.Source, d.Root, gemtext.Options{}); err != nil {
		t.Fatal(err)
	}
	text, _ := gopher.RenderPost(gopher.Header{}, d.Source, d.Root, gopher.TextOptions{})
	var ks []string
	for k := range kinds {
		ks = append(ks, k+"\n")
	}
	sort.Strings(ks)
	return b.String(), strings.ReplaceAll(string(text), "\r\n", "\n"), strings.Join(ks, "")
}

// TestGolden lowers every testdata/<name>.md and renders it: gemtext as
// the hand-written testdata/<name>.gmi, gopher text as <name>.txt (LF line
// ends), and the kinds of warnings as <name>.warn (none when it is
// missing). A post named ja-* is labelled in Japanese; one named
// kramdown-* is read with KramdownHTML, as a Jekyll site's.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	if len(inputs) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".md")
		t.Run(filepath.Base(base), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var labels Labels
			if strings.HasPrefix(filepath.Base(base), "ja-") {
				labels = Labels{Video: "動画", Audio: "音声", Embed: "埋め込みページ"}
			}
			var exts []goldmark.Extender
			if strings.HasPrefix(filepath.Base(base), "kramdown-") {
				exts = append(exts, KramdownHTML{})
			}
			gmi, txt, warns := render(t, src, labels, exts...)
			if os.Getenv("MARKUP_SHOW") != "" {
				t.Logf("gemtext:\n%s\ngopher:\n%s\nwarnings:\n%s", gmi, txt, warns)
			}
			for _, f := range []struct{ ext, got string }{{".gmi", gmi}, {".txt", txt}, {".warn", warns}} {
				want, err := os.ReadFile(base + f.ext)
				if err != nil && !(f.ext == ".warn" && os.IsNotExist(err)) {
					t.Fatal(err)
				}
				if f.got != string(want) {
					t.Errorf("%s:\ngot\n%s\nwant\n%s", f.ext, f.got, want)
				}
			}
		})
	}
}
