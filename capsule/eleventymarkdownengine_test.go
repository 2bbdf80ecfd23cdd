package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Eleventy runs a template language over a Markdown post's text before
// its Markdown only when one is named: the site's markdownTemplateEngine
// (Liquid by default; false names none), or the post's
// templateEngineOverride (its front matter's, else its folder's data's),
// whose md alone, or html alone, names none (TemplateRender's
// setEngineOverride: md with no language beside it preprocesses with
// none). A post without one keeps its {% raw %} and {{ }} as text, as
// the web page shows them; a post with one has them read as Liquid.
func TestEleventyMarkdownWithoutTemplateLanguage(t *testing.T) {
	const body = "Write {% raw %}{{ name }}{% endraw %} in a template.\n"
	const asText = "Write {% raw %}{{ name }}{% endraw %} in a template."
	const asLiquid = "Write {{ name }} in a template."
	conf := func(extra string) string {
		return "module.exports = function (c) {\n  " + extra + "\n  return { dir: { input: 'src', output: '_site' } };\n};\n"
	}
	for _, c := range []struct {
		name, config, front, dirData, want string
	}{
		{"Liquid by default", conf(""), "", "", asLiquid},
		{"markdownTemplateEngine false", "module.exports = function (c) {\n  return { markdownTemplateEngine: false, dir: { input: 'src', output: '_site' } };\n};\n", "", "", asText},
		{"setMarkdownTemplateEngine(false)", conf("c.setMarkdownTemplateEngine(false);"), "", "", asText},
		{"markdownTemplateEngine njk", conf("c.setMarkdownTemplateEngine(\"njk\");"), "", "", asLiquid},
		{"override md", conf(""), "templateEngineOverride: md\n", "", asText},
		{"override md on a site of Nunjucks", conf("c.setMarkdownTemplateEngine(\"njk\");"), "templateEngineOverride: md\n", "", asText},
		{"override html", conf(""), "templateEngineOverride: html\n", "", asText},
		{"override false", conf(""), "templateEngineOverride: false\n", "", asText},
		{"override njk,md", conf(""), "templateEngineOverride: njk,md\n", "", asLiquid},
		{"override liquid,md on a site without one", conf("c.setMarkdownTemplateEngine(false);"), "templateEngineOverride: liquid,md\n", "", asLiquid},
		{"folder's data md", conf(""), "", `{"templateEngineOverride": "md"}`, asText},
		{"front matter over folder's data", conf(""), "templateEngineOverride: liquid,md\n", `{"templateEngineOverride": "md"}`, asLiquid},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := map[string]string{
				"eleventy.config.js":   c.config,
				"src/posts/tmpl.md":    "---\ntitle: Templates\ndate: 2024-03-01\n" + c.front + "---\n\n" + body,
				"src/posts/plain.md":   "---\ntitle: Plain\ndate: 2024-03-02\n---\n\nNothing.\n",
				"src/posts/posts.json": `{"tags": "posts"}`,
			}
			if c.dirData != "" {
				site["src/posts/posts.json"] = c.dirData
			}
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, site) })
			status, meta, page := servetest.GeminiGet(t, d, "/posts/tmpl.gmi")
			if status != 20 {
				t.Fatalf("/posts/tmpl.gmi answers %d %s", status, meta)
			}
			if !strings.Contains(page, c.want+"\n") {
				t.Errorf("/posts/tmpl.gmi does not read %q:\n%s", c.want, page)
			}
		})
	}
}
