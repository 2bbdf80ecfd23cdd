package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A post whose front matter says templateEngineOverride: md has its
// permalink rendered by Eleventy as its text is, without Markdown: with
// the language Markdown is preprocessed with, the site's
// markdownTemplateEngine (Liquid unless the configuration says
// otherwise), as mamezou-tech-site's posts are. Its folder's
// "{{ page.date | date: '%Y/%m/%d' }}" is Liquid's date filter there; a
// site whose Markdown is preprocessed with Nunjucks, or an override
// naming Nunjucks alone, does not read it so, and the address stays
// unknown. (Eleventy 2.0.1 builds each case so: "njk,md" too renders
// the permalink with Liquid, md being first; "njk" and the Nunjucks
// site fail on the Liquid filter.)
func TestEleventyEngineOverridePermalink(t *testing.T) {
	const liquidConfig = "module.exports = function (c) {\n  return { dir: { input: 'src', output: 'public' } };\n};\n"
	const njkConfig = "module.exports = function (c) {\n  return { markdownTemplateEngine: \"njk\", dir: { input: 'src', output: 'public' } };\n};\n"
	for _, c := range []struct {
		name, config, override string
		known                  bool
	}{
		{"md", liquidConfig, "md", true},
		{"md and html, as Eleventy reads them", liquidConfig, " HTML , Md", true},
		{"liquid", liquidConfig, "liquid,md", true},
		{"njk and md", liquidConfig, "njk,md", true},
		{"njk", liquidConfig, "njk", false},
		{"md on a site of Nunjucks", njkConfig, "md", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := map[string]string{
				"eleventy.config.cjs":                 c.config,
				"netlify.toml":                        "[build]\n  publish = \"public\"\n",
				"src/posts/blogs/2022/2022.json":      `{"permalink": "/blogs/{{ page.date | date: '%Y/%m/%d' }}/{{ page.fileSlug }}/"}`,
				"src/posts/blogs/2022/0516_jamovi.md": "---\ntitle: Jamovi\ndate: 2022-05-16\ntemplateEngineOverride: \"" + c.override + "\"\n---\n\nStatistics.\n",
			}
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, site) })
			const address = "/blogs/2022/05/16/0516_jamovi/"
			status, meta, _ := servetest.GeminiGet(t, d, address)
			switch {
			case !c.known && status == 31:
				t.Errorf("%s, of a permalink in a language capsule does not read so, leads to %s", address, meta)
			case c.known && status != 31:
				t.Errorf("%s answers %d %s, want a redirect to the post", address, status, meta)
			case c.known:
				if s, _, page := servetest.GeminiGetURL(t, d, meta); s != 20 || !strings.HasPrefix(page, "# Jamovi\n") {
					t.Errorf("%s leads to %s: %d\n%s", address, meta, s, page)
				}
			}
			if status, _, _ := servetest.GeminiGet(t, d, "/posts/0516_jamovi.gmi"); status != 20 {
				t.Errorf("/posts/0516_jamovi.gmi answers %d", status)
			}
		})
	}
}
