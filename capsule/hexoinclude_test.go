package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
)

// A Hexo site's include, exclude and ignore (_config.yml) are read as
// Hexo reads them (processor/common.ts isExcludedFile, box/index.ts):
// include takes back a file of source/ whose path has a name starting
// with "_" or "." ("_redirects", ".well-known/**"), which no other is
// served; exclude's "*.psd" is a file at the top of source/ alone
// (micromatch), exclude winning over include; ignore's patterns match
// the absolute path ("**/scratch/**"), posts too. A draft, or a file of
// _drafts, is never taken back, whatever include says.
func TestHexoIncludeExcludeIgnore(t *testing.T) {
	cfg := "title: Lists\ninclude:\n  - _redirects\n  - \".well-known/**\"\n  - \"_drafts/**\"\n  - \"img/**\"\nexclude:\n  - \"*.psd\"\n  - .well-known/private.txt\nignore:\n  - \"**/scratch/**\"\n"
	d := serveDir(t, hexoSite(t, cfg, map[string]string{
		"source/_posts/hello.md":          "---\ntitle: Hello\ndate: 2020-01-02\n---\nPost text.\n",
		"source/_posts/scratch/note.md":   "---\ntitle: Scratch post\ndate: 2020-01-03\n---\nIgnored.\n",
		"source/_drafts/plan.md":          "---\ntitle: Plan\n---\nA draft.\n",
		"source/_drafts/plan.txt":         "draft file",
		"source/_redirects":               "/old /new 301\n",
		"source/.well-known/security.txt": "Contact: mailto:a@example.org\n",
		"source/.well-known/private.txt":  "private\n",
		"source/.env":                     "SECRET=1\n",
		"source/img/.hidden.png":          "PNG hidden",
		"source/top.psd":                  "PSD top",
		"source/img/deep.psd":             "PSD deep",
		"source/scratch/todo.txt":         "scratch",
		"source/_partial/kept-out.txt":    "partial",
	}))
	for p, text := range map[string]string{
		"/_redirects":               "/old /new 301\n",
		"/.well-known/security.txt": "Contact: mailto:a@example.org\n",
		"/img/deep.psd":             "PSD deep",
	} {
		if status, _, body := servetest.GeminiGet(t, d, p); status != 20 || body != text {
			t.Errorf("Gemini %s: %d %q, want the file Hexo publishes, %q", p, status, body, text)
		}
		if body := servetest.GopherGet(t, d, p+"\r\n"); body != text {
			t.Errorf("Gopher %s: %q, want the file Hexo publishes", p, body)
		}
	}
	for _, p := range []string{"/.well-known/private.txt", "/.env", "/img/.hidden.png", "/top.psd", "/scratch/todo.txt",
		"/_partial/kept-out.txt", "/_drafts/plan.txt", "/_drafts/plan.md", "/posts/plan.gmi", "/posts/note.gmi"} {
		if status, _, body := servetest.GeminiGet(t, d, p); status == 20 {
			t.Errorf("Gemini %s: served, which Hexo does not publish:\n%s", p, body)
		}
		if body := servetest.GopherGet(t, d, p+"\r\n"); strings.Contains(body, "SECRET") || strings.Contains(body, "draft") || strings.Contains(body, "private") || strings.Contains(body, "PSD") || strings.Contains(body, "Ignored") {
			t.Errorf("Gopher %s: served, which Hexo does not publish: %q", p, body)
		}
	}
	if status, _, page := servetest.GeminiGet(t, d, "/posts/hello.gmi"); status != 20 || !strings.Contains(page, "Post text.") {
		t.Errorf("/posts/hello.gmi: %d\n%s", status, page)
	}
}

// include taking an HTML or a Markdown file back into a post's asset
// folder (post_asset_folder: true; scanAssetDir, then the asset generator
// of Hexo's lib/plugins/generator/asset.ts): Hexo renders an HTML one with
// its plain renderer, the file's text as it is, at the post's address
// joined with its name; capsule serves it so, on Gemini and Gopher, and
// its web address leads there. A Markdown one Hexo renders to a bare HTML
// file of the same name ending in .html (no theme); capsule serves no page
// of a post's file: it is not served, with a warning naming it, where it
// was left out in silence.
func TestHexoIncludeAssetHTMLAndMarkdown(t *testing.T) {
	const page = "<p>raw <b>html</b> kept</p>\n"
	d := serveDir(t, hexoSite(t, "title: t\npost_asset_folder: true\ninclude:\n  - \"_x.html\"\n  - \"_notes.md\"\n", map[string]string{
		"source/_posts/hello.md":          "---\ntitle: Hello\ndate: 2024-01-01\n---\nText.\n",
		"source/_posts/hello/_x.html":     page,
		"source/_posts/hello/_notes.md":   "# Notes\n\n- one\n",
		"source/_posts/hello/_left.html":  "<p>not included</p>\n",
		"source/_posts/hello/picture.png": "PNG",
	}))
	status, meta, body := servetest.GeminiGet(t, d, "/_posts/hello/_x.html")
	if status != 20 || !strings.HasPrefix(meta, "text/html") || body != page {
		t.Errorf("Gemini _x.html: %d %s %q, want the file as it is", status, meta, body)
	}
	if got := servetest.GopherGet(t, d, "/_posts/hello/_x.html\r\n"); got != page {
		t.Errorf("Gopher _x.html: %q", got)
	}
	if status, meta, _ := servetest.GeminiGet(t, d, "/2024/01/01/hello/_x.html"); status != 31 || !strings.HasSuffix(meta, "/_posts/hello/_x.html") {
		t.Errorf("the web address of _x.html: %d %s", status, meta)
	}
	for _, p := range []string{"/_posts/hello/_left.html", "/_posts/hello/_notes.md", "/_posts/hello/_notes.html"} {
		if status, _, _ := servetest.GeminiGet(t, d, p); status == 20 {
			t.Errorf("%s is served", p)
		}
	}
	told := false
	for _, w := range d.Store().Warnings {
		told = told || strings.HasSuffix(w.File, "_notes.md") && strings.Contains(w.Msg, "_notes.html")
		if strings.Contains(w.File, "_x.html") || strings.Contains(w.File, "_left.html") {
			t.Errorf("warning: %v", w)
		}
	}
	if !told {
		t.Errorf("not told of _notes.md: %v", d.Store().Warnings)
	}
}
