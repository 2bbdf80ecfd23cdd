package capsule

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/content"
	"capsule/capsule/markup"
	"capsule/gemtext"
	"capsule/gopher"
)

// Each testdata/markup/NAME.md, parsed and lowered (package markup), renders
// as NAME.gmi on Gemini and NAME.txt on Gopher (written with LF), both
// written by hand from the rules. A name starting "dollar-" turns "$…$"
// math on, "emoji-on" emoji codes; "shortcode-" expands Hugo's shortcodes
// first, as loading a Hugo post does.
func TestMarkupGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/markup/*.md")
	if len(files) == 0 {
		t.Fatal("no testdata/markup/*.md")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(name, "shortcode-") {
				src, _ = content.ExpandShortcodes(src, 1, nil)
			}
			mk := content.Markup{Dollar: strings.HasPrefix(name, "dollar-"), Emoji: strings.HasPrefix(name, "emoji-on")}
			var warned []string
			doc := markup.Parse(newDialect(mk).Parser(), src, markup.Options{Warn: func(_ int, kind string, msg func() string) {
				warned = append(warned, kind+": "+msg())
			}})
			if len(warned) > 0 {
				t.Errorf("warnings: %q", warned)
			}
			var gmi bytes.Buffer
			if err := gemtext.Render(&gmi, doc.Source, doc.Root, gemtext.Options{}); err != nil {
				t.Fatal(err)
			}
			txt, _ := gopher.RenderPost(gopher.Header{}, doc.Source, doc.Root, gopher.TextOptions{})
			for _, c := range []struct{ ext, got string }{
				{".gmi", gmi.String()},
				{".txt", strings.ReplaceAll(string(txt), "\r\n", "\n")},
			} {
				want, err := os.ReadFile(filepath.Join("testdata/markup", name+c.ext))
				if err != nil {
					t.Fatal(err)
				}
				if c.got != string(want) {
					t.Errorf("%s%s:\n%s\nwant\n%s", name, c.ext, c.got, want)
				}
			}
		})
	}
}
