package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"

	"git.sr.ht/~adnano/go-gemini"
)

// minimal-mistakes' page of one category or tag (layout: category,
// taxonomy: investment, no text), which its template fills with the
// posts of the term, is capsule's page of that tag: not served as an
// empty page, its addresses and the links to it leading there, and its
// taxonomy no unknown key. A term no post has leads to the tag index, as
// the theme's page lists nothing. (Found on tubejay.github.io: 12 empty
// pages, each with an "unknown key taxonomy" warning.)
func TestThemePageOfOneTermIsItsTagPage(t *testing.T) {
	d := startSite(t, testfs.Write(t, map[string]string{
		"_config.yml":                   "title: t\ninclude: [_pages]\n",
		"_posts/2020-01-01-a.md":        "---\ntitle: A\ncategories: [investment]\n---\n[投資](/categories/investment/) [空](/tags/empty/)\n",
		"_pages/category-investment.md": "---\ntitle: \"investment\"\nlayout: category\npermalink: /categories/investment/\ntaxonomy: investment\n---\n",
		"_pages/tag-empty.md":           "---\ntitle: \"empty\"\nlayout: tag\npermalink: /tags/empty/\ntaxonomy: empty\n---\n",
	}))
	status, meta, _ := servetest.GeminiGet(t, d, "/categories/investment/")
	if status != gemini.StatusPermanentRedirect || !strings.HasSuffix(meta, "/tags/investment.gmi") {
		t.Errorf("/categories/investment/: %d %s, want a redirect to the tag's page", status, meta)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "\n=> /tags/investment.gmi 投資\n") || !strings.Contains(page, "\n=> /tags/ 空\n") {
		t.Errorf("the links to the term pages do not lead to capsule's:\n%s", page)
	}
	if menu := servetest.GopherGet(t, d, "/categories/investment/\r\n"); !strings.Contains(menu, "A\t/posts/a/") {
		t.Errorf("gopher /categories/investment/ is not the tag's menu:\n%s", menu)
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "investment.gmi investment") || strings.Contains(home, "/pages/") {
		t.Errorf("the home lists a term page:\n%s", home)
	}
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "taxonomy") && strings.Contains(w.Msg, "unknown") {
			t.Errorf("warning: %v", w)
		}
	}
}
