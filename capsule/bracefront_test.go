package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Only Hugo (and capsule's own folder) take a file opening with "{" for
// JSON front matter. To Eleventy, Jekyll and Hexo, front matter is
// between "---" lines, and a page that opens with a Nunjucks or Liquid
// tag ("{% set … %}", "{{ title }}") is text: capsule refused such pages
// as broken JSON ("invalid character '%' looking for beginning of object
// key string") and left them out.
func TestBraceOpensFrontMatterInHugoOnly(t *testing.T) {
	eleventy := startSite(t, testfs.Write(t, map[string]string{
		".eleventy.js":        "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
		"src/about.njk":       "{% set greeting = \"hi\" %}\n<h1>About me</h1>\n<p>Written in Nunjucks.</p>\n",
		"src/posts/first.md":  "{{ \"x\" }}\nFirst words of a post.\n",
		"src/posts/second.md": "---\ntitle: Second\ndate: 2024-01-02\n---\nSecond post.\n",
	}))
	for path, want := range map[string]string{"/about.gmi": "Written in Nunjucks.", "/first.gmi": "First words of a post."} {
		if status, _, body := servetest.GeminiGet(t, eleventy, path); status != 20 || !strings.Contains(body, want) {
			t.Errorf("Eleventy %s: %d, want 20 and %q:\n%s", path, status, want, body)
		}
	}
	if got := servetest.GopherGet(t, eleventy, "/about.txt\r\n"); !strings.Contains(got, "Written in Nunjucks.") {
		t.Errorf("Eleventy Gopher /about.txt:\n%s", got)
	}
	for _, p := range eleventy.Store().Problems {
		t.Errorf("Eleventy problem: %v", p)
	}

	jekyll := startSite(t, testfs.Write(t, map[string]string{
		"_config.yml":                  "title: t\n",
		"_posts/2024-01-02-opening.md": "{% comment %}draft note{% endcomment %}\nA post that opens with a tag.\n",
	}))
	if status, _, body := servetest.GeminiGet(t, jekyll, "/posts/opening.gmi"); status != 20 || !strings.Contains(body, "A post that opens with a tag.") || strings.Contains(body, "draft note") {
		t.Errorf("Jekyll post: %d:\n%s", status, body)
	}

	// Hugo's JSON front matter is read as before.
	hugo := startSite(t, testfs.Write(t, map[string]string{
		"hugo.toml":              "title = \"t\"\n",
		"content/posts/json.md":  "{\n  \"title\": \"From JSON\",\n  \"date\": \"2024-01-02\"\n}\nBody text.\n",
		"content/posts/other.md": "---\ntitle: Other\ndate: 2024-01-03\n---\nOther.\n",
	}))
	if status, _, body := servetest.GeminiGet(t, hugo, "/posts/json.gmi"); status != 20 || !strings.Contains(body, "# From JSON") || strings.Contains(body, "\"title\"") {
		t.Errorf("Hugo JSON front matter: %d:\n%s", status, body)
	}
}
