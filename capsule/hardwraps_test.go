package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// hardWrapsBody is a post's text with line breaks inside paragraphs.
const hardWrapsBody = "一行目\n二行目\nthird `co\nde` line\n\nSetext\nheading\n---\n"

// A site whose generator keeps the author's line breaks (Hugo's
// markup.goldmark.renderer.hardWraps, kramdown's hard_wrap in Jekyll,
// Hexo's renderers by default) keeps them on both protocols; a code
// span's line break stays a space, a heading stays a line, and a site
// without the setting (or kramdown's own input, which has none) joins
// the lines. (hardWraps was not read: every line of a Japanese diary
// ran into one paragraph; nor were Hexo's: a Japanese Hexo blog's
// lines, each a <br> on its site, ran together.)
func TestHardWraps(t *testing.T) {
	body := hardWrapsBody
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
		// Hexo: the renderer its package.json names, and its options
		// in _config.yml (hexo-renderer-marked's and
		// hexo-renderer-markdown-it's defaults have breaks: true).
		{"hexo marked", hexoFiles(`"hexo-renderer-marked": "^6.0.0"`, ""), "/posts/a", true},
		{"hexo marked breaks false", hexoFiles(`"hexo-renderer-marked": "^6.0.0"`, "marked:\n  breaks: false\n"), "/posts/a", false},
		{"hexo marked without gfm", hexoFiles(`"hexo-renderer-marked": "^6.0.0"`, "marked:\n  gfm: false\n"), "/posts/a", false},
		{"hexo markdown-it", hexoFiles(`"hexo-renderer-markdown-it": "^7.0.0"`, "markdown:\n  anchors:\n    level: 2\n"), "/posts/a", true},
		{"hexo markdown-it render without breaks", hexoFiles(`"hexo-renderer-markdown-it": "^7.0.0"`, "markdown:\n  render:\n    html: true\n"), "/posts/a", false},
		{"hexo pandoc", hexoFiles(`"hexo-renderer-pandoc": "^0.3.0"`, ""), "/posts/a", false},
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

// hexoFiles is a Hexo site whose package.json depends on hexo and on
// renderer ("name": "version"), config added to its _config.yml, and one
// post of body at /posts/a.
func hexoFiles(renderer, config string) map[string]string {
	return map[string]string{
		"package.json":       `{"name": "hexo-site", "dependencies": {"hexo": "^7.0.0", "hexo-renderer-ejs": "^2.0.0", ` + renderer + `}}`,
		"_config.yml":        "title: X\nlanguage: ja\n" + config,
		"source/_posts/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\n" + hardWrapsBody,
	}
}
