package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Eleventy's names of a dated file, as its TemplateFileSlug and
// Template.getMappedDate make them: the fileSlug is what follows the
// first YYYY-MM-DD- anywhere in the name (notes-2024-03-01-trip.md is
// trip), two digits for the month and day (2024-3-1-short.md keeps its
// whole name); a page with no date in its data has the first YYYY-MM-DD
// of its path, a folder's too (posts/2024-04-05/notes.md). Its own
// address keeps the date (2026-02-27-briefing.md at
// /posts/2026-02-27-briefing/), so two posts of one fileSlug are two
// addresses on the web site, no mistake of its author's: both served, no
// warning.
func TestEleventyDatedNames(t *testing.T) {
	const slugPermalink = "permalink: \"/{{ page.fileSlug }}/\"\n"
	d := startSite(t, testfs.Write(t, map[string]string{
		".eleventy.js":                       "module.exports = function (c) {\n  return { dir: { input: \"src\" } };\n};\n",
		"src/posts/2026-02-26-briefing.md":   "---\ntitle: First briefing\n---\nOne.\n",
		"src/posts/2026-02-27-briefing.md":   "---\ntitle: Second briefing\n---\nTwo.\n",
		"src/posts/notes-2024-03-01-trip.md": "---\ntitle: Trip\n" + slugPermalink + "---\nWalking.\n",
		"src/posts/2024-3-1-short.md":        "---\ntitle: Short\ndate: 2024-03-02\n" + slugPermalink + "---\nShort date.\n",
		"src/posts/2024-04-05/notes.md":      "---\ntitle: Folder dated\n---\nIn a dated folder.\n",
		"src/posts/2024-06-07-with-date.md":  "---\ntitle: Own date\ndate: 2024-06-09\n" + slugPermalink + "---\nIts own date.\n",
	}))
	for address, title := range map[string]string{
		"/posts/2026-02-26-briefing/": "First briefing",
		"/posts/2026-02-27-briefing/": "Second briefing",
		"/trip/":                      "Trip",
		"/2024-3-1-short/":            "Short",
		"/with-date/":                 "Own date",
		"/posts/2024-04-05/notes/":    "Folder dated",
	} {
		status, meta, _ := servetest.GeminiGet(t, d, address)
		if status != 31 {
			t.Errorf("%s answers %d %s, want a redirect to %q", address, status, meta, title)
			continue
		}
		if s, _, page := servetest.GeminiGetURL(t, d, meta); s != 20 || !strings.HasPrefix(page, "# "+title+"\n") {
			t.Errorf("%s leads to %s: %d\n%s", address, meta, s, page)
		}
	}
	for _, address := range []string{"/notes-2024-03-01-trip/", "/short/"} {
		if status, meta, _ := servetest.GeminiGet(t, d, address); status == 31 {
			t.Errorf("%s, which Eleventy never writes, leads to %s", address, meta)
		}
	}
	_, _, archive := servetest.GeminiGet(t, d, "/archive.gmi")
	for _, want := range []string{" 2024-03-01 Trip\n", " 2024-04-05 Folder dated\n", " 2024-06-09 Own date\n", " 2024-03-02 Short\n", " 2026-02-26 First briefing\n", " 2026-02-27 Second briefing\n"} {
		if !strings.Contains(archive, want) {
			t.Errorf("the archive lacks %q:\n%s", want, archive)
		}
	}
	for _, w := range d.Store().Warnings {
		if w.Kind == "duplicate slug" {
			t.Errorf("warning: %v", w)
		}
	}
}
