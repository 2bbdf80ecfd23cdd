package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A site whose generator keeps the author's line breaks (Hugo's
// markup.goldmark.renderer.hardWraps, kramdown's hard_wrap in Jekyll)
// keeps them on both protocols; a code span's line break stays a space,
// a heading stays a line, and a site without the setting (or kramdown's
// own input, which has none) joins the lines. (hardWraps was not
// read: every line of a Japanese diary ran into one paragraph.)
func TestHardWraps(t *testing.T) {
	body := "一行目\n二行目\nthird `co\nde` line\n\nSetext\nheading\n---\n"
	for _, tt := range []struct {
		name  string
		files map[string]string
		post  string // its Gemini path and Gopher selector, without .gmi
		kept  bool
	}{
		{"hugo", map[string]string{
			"hugo.toml":          "title = \"H\"\n[markup.goldmark.renderer]\nhardWraps = true\n",
			"content/posts/a.md": "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\n" + body,
		}, "/posts/a", true},
		{"jekyll", map[string]string{
			"_config.yml":            "title: J\nkramdown:\n  hard_wrap: true\n",
			"_posts/2020-01-01-a.md": "---\ntitle: A\n---\n" + body,
		}, "/posts/a", true},
		{"kramdown's own input", map[string]string{
			"_config.yml":            "title: J\nkramdown:\n  input: kramdown\n  hard_wrap: true\n",
			"_posts/2020-01-01-a.md": "---\ntitle: A\n---\n" + body,
		}, "/posts/a", false},
		{"hugo without", map[string]string{
			"hugo.toml":          "title = \"H\"\n",
			"content/posts/a.md": "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\n" + body,
		}, "/posts/a", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Write(t, tt.files)
			d := servetest.Start(t, func(c *config.Config) { c.Posts = dir })
			_, _, gmi := servetest.GeminiGet(t, d, tt.post+".gmi")
			txt := servetest.GopherGet(t, d, tt.post+".txt\r\n")
			for proto, out := range map[string]string{"gemini": gmi, "gopher": txt} {
				out = strings.ReplaceAll(out, "\r\n", "\n")
				kept := strings.Contains(out, "一行目\n二行目\nthird co de line")
				joined := strings.Contains(out, "一行目二行目 third co de line")
				if kept != tt.kept || joined == tt.kept {
					t.Errorf("%s: lines kept %v, want %v:\n%s", proto, kept, tt.kept, out)
				}
				if !strings.Contains(out, "Setext heading") {
					t.Errorf("%s: the heading is not one line:\n%s", proto, out)
				}
			}
		})
	}
}
