package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A <br> in a table's cell between Japanese sentences joins them with no
// space, on both protocols, as a soft break joins them; between words of
// English, with one (nitoyon's cells read "対応。 誤字修正").
func TestBreakInATableCell(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"table.md": "+++\ntitle = \"表\"\ndate = 2020-01-01\n+++\n公開日|補足\n------|----\n2005年11月30日|pタグ停止記法に対応。<br>誤字修正。\nv0.05|fixed<br>typos\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/table.gmi")
	text := servetest.GopherGet(t, d, "/posts/table.txt\r\n")
	for name, out := range map[string]string{"gemini": page, "gopher": text} {
		if !strings.Contains(out, "pタグ停止記法に対応。誤字修正。") || !strings.Contains(out, "fixed typos") {
			t.Errorf("%s:\n%s", name, out)
		}
	}
}
