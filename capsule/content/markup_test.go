package content

import (
	"os"
	"path/filepath"
	"testing"
)

// The generators' settings that turn "$…$" math and emoji codes on, and
// kramdown's reading of HTML blocks.
func TestSiteMarkup(t *testing.T) {
	for _, c := range []struct {
		files map[string]string
		hugo  bool
		want  Markup
	}{
		{map[string]string{"hugo.toml": "title = \"x\"\n"}, true, Markup{DisplayEscaped: true}},
		{map[string]string{"hugo.toml": "enableEmoji = true\n[params]\nmath = true\n"}, true, Markup{Dollar: true, DollarEscaped: true, DisplayEscaped: true, Emoji: true}},
		{map[string]string{"hugo.toml": "[markup.goldmark.extensions.passthrough]\nenable = true\n[markup.goldmark.extensions.passthrough.delimiters]\ninline = [['\\(', '\\)'], ['$', '$']]\n"}, true, Markup{Dollar: true, DisplayEscaped: true}},
		// "$$" among the block delimiters: its blocks are raw.
		{map[string]string{"hugo.toml": "[markup.goldmark.extensions.passthrough]\nenable = true\n[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['\\[', '\\]'], ['$$', '$$']]\n"}, true, Markup{}},
		{map[string]string{"hugo.toml": "[markup.goldmark.extensions.passthrough]\nenable = false\n[markup.goldmark.extensions.passthrough.delimiters]\ninline = [['$', '$']]\n"}, true, Markup{DisplayEscaped: true}},
		// Hugo Stack's config/_default: markup in a file of its own.
		{map[string]string{"config/_default/hugo.toml": "enableemoji = true\n", "config/_default/markup.toml": "[goldmark.extensions.passthrough]\nenable = true\n[goldmark.extensions.passthrough.delimiters]\ninline = [['$', '$']]\n"}, true, Markup{Dollar: true, DisplayEscaped: true, Emoji: true}},
		{map[string]string{"_config.yml": "plugins:\n  - jekyll-feed\n  - jemoji\n"}, false, Markup{Emoji: true, Kramdown: true}},
		{map[string]string{"_config.yml": "gems: [jemoji]\n"}, false, Markup{Emoji: true, Kramdown: true}},
		{map[string]string{"_config.yml": "markdown: kramdown\nmath: true\n"}, false, Markup{Kramdown: true}},
		// kramdown's HTML blocks, unless the site reads another Markdown
		// or asks kramdown to read HTML blocks' content as Markdown.
		{map[string]string{"_config.yml": "markdown: CommonMarkGhPages\n"}, false, Markup{}},
		{map[string]string{"_config.yml": "kramdown:\n  input: GFM\n  parse_block_html: true\n"}, false, Markup{}},
	} {
		root := t.TempDir()
		var file string
		for name, body := range c.files {
			p := filepath.Join(root, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			if filepath.Base(name) != "markup.toml" {
				file = name
			}
		}
		var got Markup
		if c.hugo {
			got = readHugoConfig(root, file).markup
		} else {
			got = readJekyllConfig(root).markup
		}
		if got != c.want {
			t.Errorf("%v: %+v, want %+v", c.files, got, c.want)
		}
	}
}
