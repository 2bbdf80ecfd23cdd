package capsule_test

import (
	"cmp"
	"fmt"
	"maps"
	"strings"
	"testing"

	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// An Eleventy page written in Nunjucks or Liquid (about.njk, notes.liquid,
// or a Markdown file whose templateEngineOverride names no md) is
// rendered by Eleventy with its template language alone: no Markdown. It
// is served as its text, its HTML lowered as an HTML page's, and none of
// its lines read as Markdown: "# Words" stays a line of text, "*stars*"
// stay, an indented line after a blank one is no code block. A page in a
// language capsule does not run (EJS, Handlebars…) is warned of, by kind,
// and not served, as is a template of lists (a loop, the site's
// collections), whose text is Eleventy's from data capsule does not
// have; no template is served as a file as it is, nor one Eleventy
// writes out of its site (permalinkBypassOutputDir) or as a server's
// hidden file (feed/.htaccess). An index.njk at the top is the home
// page's text, as an index.md is. (Before, every one of them was left out
// without a word.)
func TestEleventyTemplatePages(t *testing.T) {
	const page = "<section>\n  <h2>Chapter</h2>\n  <p>Some *stars* here.</p>\n\n    <p>Indented after a blank line.</p>\n</section>\n\n# Not a heading\n\n    plain indented words\n"
	d := startSite(t, testfs.Write(t, map[string]string{
		".eleventy.js":             "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
		"src/posts/first.md":       "---\ntitle: First\ndate: 2024-01-01\n---\n\nMarkdown *emphasis*.\n",
		"src/about.njk":            "---\ntitle: About me\n---\n" + page,
		"src/notes.liquid":         "---\ntitle: Notes\n---\n" + page,
		"src/override.md":          "---\ntitle: Override\ntemplateEngineOverride: njk\n---\n" + page,
		"src/overridden-md.md":     "---\ntitle: With md\ntemplateEngineOverride: njk,md\n---\n\n# A heading\n\nSome *stars* here.\n",
		"src/old.ejs":              "---\ntitle: Old EJS\n---\n<p><%= title %></p>\n",
		"src/bars.hbs":             "---\ntitle: Bars\n---\n<p>{{title}}</p>\n",
		"src/_includes/layout.njk": "<html><body>{{ content | safe }}</body></html>\n",
		"src/index.njk":            "---\nlayout: home.njk\n---\n<p>Welcome to *my* notes.</p>\n",
		"src/blog.njk":             "---\ntitle: Archive\n---\n<h1>All posts</h1>\n<ul>\n{% for post in collections.posts %}<li>{{ post.data.title }}</li>{% endfor %}\n</ul>\n",
		"src/social.njk":           "---\npermalink: ./social/template.html\npermalinkBypassOutputDir: true\n---\n<h1>Social card</h1>\n",
		"src/htaccess.njk":         "---\npermalink: feed/.htaccess\n---\n# Apache\nDirectoryIndex feed.xml\n",
	}))
	for _, address := range []string{"/about/", "/notes/", "/override/"} {
		status, meta, _ := servetest.GeminiGet(t, d, address)
		if status != 31 {
			t.Errorf("%s answers %d %s, want a redirect to the page", address, status, meta)
			continue
		}
		s, _, text := servetest.GeminiGetURL(t, d, meta)
		if s != 20 {
			t.Errorf("%s leads to %s: %d", address, meta, s)
			continue
		}
		for _, want := range []string{"## Chapter\n", "Some *stars* here.", "Indented after a blank line.", "Not a heading", "plain indented words"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q missing:\n%s", address, want, text)
			}
		}
		for _, not := range []string{"\n# Not a heading", "```", "<p>", "<section>"} {
			if strings.Contains(text, not) {
				t.Errorf("%s: read as Markdown or leaked markup, %q in:\n%s", address, not, text)
			}
		}
	}
	// index.njk at the top is the home page's text, as index.md is.
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "Welcome to *my* notes.") {
		t.Errorf("the home page lacks index.njk's text:\n%s", home)
	}
	// md first in the override: Markdown, as Eleventy renders it.
	if s, _, text := servetest.GeminiGetURL(t, d, redirect(t, d, "/overridden-md/")); s != 20 || !strings.Contains(text, "# A heading\n") || strings.Contains(text, "*stars*") {
		t.Errorf("an override naming md is Markdown: %d\n%s", s, text)
	}
	for _, address := range []string{"/old/", "/bars/", "/old.ejs", "/bars.hbs", "/about.njk", "/notes.liquid", "/_includes/layout.njk",
		"/social/template.html", "/feed/.htaccess", "/htaccess/"} {
		if s, meta, _ := servetest.GeminiGet(t, d, address); s == 20 || s == 31 {
			t.Errorf("%s answers %d %s: a template capsule does not run, or a template's source", address, s, meta)
		}
	}
	told := map[string]bool{}
	for _, w := range d.Store().Warnings {
		if w.Kind == "template language not run" || w.Kind == "template page" {
			told[w.File[strings.LastIndex(w.File, "/")+1:]] = true
		}
		if strings.Contains(w.Msg, "templateEngineOverride") {
			t.Errorf("warning: %v", w)
		}
	}
	if !told["old.ejs"] || !told["bars.hbs"] || !told["blog.njk"] {
		t.Errorf("the EJS and Handlebars pages, and the list template, are not warned of (%v): %v", told, d.Store().Warnings)
	}
}

// redirect is where address redirects to, "" when it does not.
func redirect(t *testing.T, d *daemon.Daemon, address string) string {
	t.Helper()
	status, meta, _ := servetest.GeminiGet(t, d, address)
	if status != 31 {
		t.Errorf("%s answers %d %s, want a redirect", address, status, meta)
		return ""
	}
	return meta
}

// An Eleventy list template capsule leaves out (eleventy-base-blog's
// blog.njk, tags.njk, index.njk: loops over the site's collections) has
// an address all the same, which a post links, or names by its file
// (InputPathToUrl: "/blog.njk", "../blog.njk", "src/blog.njk"): such a
// link leads to capsule's nearest page, the archive for a list of posts
// (blog.njk at /blog/, writing.njk at its permalink /writing/), the
// list of tags for /tags/, the home for /; and the archive's addresses
// are answered, as a Hugo section's are. capsule warned of the links by
// file as dead and did not answer /blog/ or /writing/. A template over
// other data (projects.njk) or a collection of no posts (parts.njk: doll2's
// who_am_i pages), one whose file a link misses (above the input
// folder), one whose address its front matter computes (JavaScript's
// eleventyComputed) and one written as a file (/_redirects:
// eleventy-excellent's) keep to what they were.
func TestEleventyListTemplateLinks(t *testing.T) {
	list := "{% for post in collections.posts %}<li>{{ post.data.title }}</li>{% endfor %}\n"
	files := map[string]string{
		".eleventy.js":      "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
		"src/blog.njk":      "---\ntitle: Archive\n---\n<ul>" + list + "</ul>\n",
		"src/writing.njk":   "---\npermalink: /writing/\n---\n<ul>" + list + "</ul>\n",
		"src/tags.njk":      "<ul>{% for tag in collections | getKeys %}<li>{{ tag }}</li>{% endfor %}</ul>\n",
		"src/index.njk":     "<h1>Latest</h1>\n{% set postslist = collections.posts %}\n",
		"src/projects.njk":  "<ul>{% for p in projects %}<li>{{ p.name }}</li>{% endfor %}</ul>\n",
		"src/parts.njk":     "<div>{% for s in collections.whoAmISections %}{{ s.templateContent | safe }}{% endfor %}</div>\n",
		"src/redirects.njk": "---\npermalink: /_redirects\n---\n{% for post in collections.posts %}{{ post.url }}{% endfor %}\n",
		"src/computed.njk":  "---js\nconst eleventyComputed = { permalink: (data) => `/c/${data.x}/` };\n---\n<ul>" + list + "</ul>\n",
	}
	// One link a post (a page links one address once).
	links := map[string][2]string{ // its destination: where it leads on Gemini, on Gopher ("": as written)
		"/blog/": {"/archive.gmi", "/archive"}, "/blog.njk": {"/archive.gmi", "/archive"}, "../blog.njk": {"/archive.gmi", "/archive"},
		"src/blog.njk": {"/archive.gmi", "/archive"}, "/writing/": {"/archive.gmi", "/archive"}, "/writing.njk": {"/archive.gmi", "/archive"},
		"/tags.njk": {"/tags/", "/tags/"}, "/index.njk": {"/", "/"},
		"/projects.njk": {}, "../../blog.njk": {}, "/computed.njk": {}, "/parts.njk": {}, "/parts/": {},
	}
	n := 0
	names := map[string]string{}
	for dest := range links {
		n++
		names[dest] = fmt.Sprintf("p%d", n)
		files["src/posts/"+names[dest]+".md"] = fmt.Sprintf("---\ntitle: Post %d\ndate: 2024-01-%02d\ntags: [go]\n---\n\nSee [the list](%s).\n", n, n, dest)
	}
	d := startSite(t, testfs.Write(t, files))
	for dest, want := range links {
		_, _, page := servetest.GeminiGet(t, d, "/posts/"+names[dest]+".gmi")
		menu := servetest.GopherGet(t, d, "/posts/"+names[dest]+"\r\n")
		gem, goph := cmp.Or(want[0], dest), cmp.Or(want[1], dest)
		if !strings.Contains(page, "\n=> "+gem+" the list\n") {
			t.Errorf("Gemini: %s does not lead to %s:\n%s", dest, gem, page)
		}
		if want[1] != "" && !strings.Contains(menu, "the list\t"+goph+"\t") {
			t.Errorf("Gopher: %s does not lead to %s:\n%s", dest, goph, menu)
		}
	}
	for _, address := range []string{"/blog/", "/blog", "/writing/"} {
		if to := redirect(t, d, address); !strings.HasSuffix(to, "/archive.gmi") {
			t.Errorf("%s leads to %q, want the archive", address, to)
		}
	}
	for _, address := range []string{"/projects/", "/computed/", "/parts/", "/_redirects", "/_redirects/", "/redirects/"} {
		if s, meta, _ := servetest.GeminiGet(t, d, address); s == 20 || s == 31 {
			t.Errorf("%s answers %d %s", address, s, meta)
		}
	}
	dead := map[string]bool{}
	for _, w := range d.Store().Warnings {
		if w.Kind == "dead file link" {
			for _, f := range []string{"/blog.njk", "../blog.njk", "src/blog.njk", "/writing.njk", "/tags.njk", "/index.njk", "/projects.njk", "../../blog.njk", "/computed.njk", "/parts.njk"} {
				if strings.HasSuffix(w.Msg, ": "+f) {
					dead[f] = true
				}
			}
		}
	}
	if want := map[string]bool{"/projects.njk": true, "../../blog.njk": true, "/computed.njk": true, "/parts.njk": true}; !maps.Equal(dead, want) {
		t.Errorf("dead file links warned of: %v, want %v", dead, want)
	}
}
