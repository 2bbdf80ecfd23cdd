package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A permalink written with a filter of the site's own that is a plain
// change of text, as mamezou-tech-site's blogPage is (a module that cuts
// a name's "0516_" off), is filled in: the post's web address leads to
// it, the one without the filter's change does not. A filter the site
// computes otherwise leaves the address unknown, the post served at
// capsule's address alone.
func TestEleventyTextFilterPermalink(t *testing.T) {
	const module = "module.exports = (fileSlug) => {\n  if (/^\\d{4}_.*$/.test(fileSlug)) {\n    return fileSlug.substring(5);\n  }\n  return fileSlug;\n};"
	site := func(config, filter string) map[string]string {
		return map[string]string{
			"eleventy.config.cjs":                  config,
			"11ty/blog-page.cjs":                   filter,
			"netlify.toml":                         "[build]\n  publish = \"public\"\n",
			"src/posts/blogs/2022/2022.json":       `{"permalink": "/blogs/{{ page.date | date: '%Y/%m/%d' }}/{{ page.fileSlug | blogPage }}/"}`,
			"src/posts/blogs/2022/0516_jamovi.md":  "---\ntitle: Jamovi\ndate: 2022-05-16\n---\n\nStatistics.\n",
			"src/posts/blogs/2022/kafka-ui.md":     "---\ntitle: Kafka UI\ndate: 2022-06-01\n---\n\nTopics.\n",
			"src/posts/blogs/2022/12345_digits.md": "---\ntitle: Digits\ndate: 2022-07-01\n---\n\nFive of them.\n",
		}
	}
	const required = "module.exports = function (c) {\n  c.addFilter('blogPage', require('./11ty/blog-page.cjs'));\n  return { dir: { input: 'src', output: 'public' } };\n};\n"
	const named = "const blogPage = require(\"./11ty/blog-page.cjs\");\nmodule.exports = function (c) {\n  c.addFilter(\"blogPage\", blogPage);\n  return { dir: { input: 'src', output: 'public' } };\n};\n"
	const inline = "module.exports = function (c) {\n  c.addFilter('blogPage', function (s) { if (/^\\d{4}_/.test(s)) return s.slice(5); return s });\n  return { dir: { input: 'src', output: 'public' } };\n};\n"
	known := map[string]string{
		"/blogs/2022/05/16/jamovi/":       "Jamovi",
		"/blogs/2022/06/01/kafka-ui/":     "Kafka UI",
		"/blogs/2022/07/01/12345_digits/": "Digits",
	}
	for _, c := range []struct {
		name, config, filter string
		known                bool
	}{
		{"module", required, module, true},
		{"named module", named, module, true},
		{"inline", inline, "", true},
		{"computed", required, "const map = require('./map.json');\nmodule.exports = (s) => map[s] || s;\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts = testfs.Write(t, site(c.config, c.filter)) })
			for address, title := range known {
				status, meta, _ := servetest.GeminiGet(t, d, address)
				if !c.known {
					if status == 31 {
						t.Errorf("%s, of a filter capsule does not read, leads to %s", address, meta)
					}
					continue
				}
				if status != 31 {
					t.Errorf("%s answers %d %s, want a redirect to %q", address, status, meta, title)
					continue
				}
				if s, _, page := servetest.GeminiGetURL(t, d, meta); s != 20 || !strings.HasPrefix(page, "# "+title+"\n") {
					t.Errorf("%s leads to %s: %d\n%s", address, meta, s, page)
				}
			}
			for _, address := range []string{"/blogs/2022/05/16/0516_jamovi/", "/posts/blogs/2022/0516_jamovi/"} {
				if status, meta, _ := servetest.GeminiGet(t, d, address); status == 31 {
					t.Errorf("%s, where Eleventy writes nothing, leads to %s", address, meta)
				}
			}
			if status, _, _ := servetest.GeminiGet(t, d, "/posts/0516_jamovi.gmi"); status != 20 {
				t.Errorf("/posts/0516_jamovi.gmi answers %d", status)
			}
		})
	}
}
