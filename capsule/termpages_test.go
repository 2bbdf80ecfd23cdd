package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// Hugo and Zola make a page of each tag and category, at /tags/<term>/
// and /categories/<term>/ (under a language's folder in a multilingual
// site), which readers and other sites keep. A post's link to one led to
// the capsule's tag (postLinks.termTag), but the address itself was not
// found: 51 on Gemini, nothing on Gopher, for every term of every Hugo
// and Zola blog.
func TestTermPagesOfHugoAndZola(t *testing.T) {
	t.Run("hugo", func(t *testing.T) {
		dir := testfs.Write(t, map[string]string{
			"hugo.toml":               "title = \"Terms\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
			"content/posts/one.md":    "---\ntitle: One\ndate: 2020-01-02\ntags: [Go Lang, Go]\ncategories: [Tech]\n---\nOne.\n",
			"content/posts/two.md":    "---\ntitle: Two\ndate: 2020-01-03\ntags: [Go]\n---\nTwo.\n",
			"content/posts/one.ja.md": "---\ntitle: 一\ndate: 2020-01-02\ntags: [日本語, Go]\n---\n一つ目。\n",
			"content/about.md":        "---\ntitle: About\ntags: [Go]\n---\nAbout the [tag](/tags/go-lang/).\n",
		})
		d := serveDir(t, dir)
		checkTermLeads(t, d, map[string][2]string{
			"/tags/go-lang/":         {"", "Go Lang"},
			"/tags/go":               {"", "Go"},
			"/tags/go/index.html":    {"", "Go"},
			"/categories/tech/":      {"", "Tech"},
			"/categories/":           {"", ""},
			"/ja/tags/日本語/":          {"/ja", "日本語"},
			"/ja/tags/go/":           {"/ja", "Go"},
			"/ja/tags/go/index.html": {"/ja", "Go"},
			// Hugo 0.111 writes the list of a language's categories
			// even when it has none (content.HugoTermLists).
			"/ja/categories/": {"/ja", ""},
		})
		// Addresses Hugo made none of: a tag is no category, a term of
		// another language's, a category in a language with none.
		for _, p := range []string{"/categories/go-lang/", "/tags/tech/", "/tags/日本語/", "/ja/categories/tech/"} {
			if status, meta, _ := servetest.GeminiGet(t, d, escapePath(p)); status != 51 {
				t.Errorf("Gemini %s: %d %s, an address the site never had", p, status, meta)
			}
		}
	})
	t.Run("zola", func(t *testing.T) {
		dir := testfs.Write(t, map[string]string{
			"config.toml":            "title = \"Terms\"\nbase_url = \"https://example.org\"\ntaxonomies = [{name = \"tags\"}, {name = \"categories\"}]\n",
			"content/_index.md":      "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/one.md":    "+++\ntitle = \"One\"\ndate = 2020-01-02\n[taxonomies]\ntags = [\"Café Crème\", \"Go\", \"日記\"]\ncategories = [\"Notes\"]\n+++\nOne.\n",
			"content/blog/two.md":    "+++\ntitle = \"Two\"\ndate = 2020-01-03\n[taxonomies]\ntags = [\"Go\"]\n+++\nTwo.\n",
		})
		d := serveDir(t, dir)
		checkTermLeads(t, d, map[string][2]string{
			"/tags/cafe-creme/":  {"", "Café Crème"},
			"/tags/go/":          {"", "Go"},
			"/categories/notes/": {"", "Notes"},
			"/categories/":       {"", ""},
			// The tags as the capsule spells them, in the site's
			// folder form (TestTagFolderAsTheCapsuleSpellsIt).
			"/tags/Café Crème/": {"", "Café Crème"},
			"/tags/日記/":         {"", "日記"},
		})
		// Zola spells 日記 in Latin letters (ri-ji): capsule cannot, and
		// answers no term address it does not know Zola made.
		for _, p := range []string{"/tags/ri-ji/", "/categories/日記/", "/categories/Notes/"} {
			if status, meta, _ := servetest.GeminiGet(t, d, escapePath(p)); status != 51 {
				t.Errorf("Gemini %s: %d %s, an address the site never had", p, status, meta)
			}
		}
	})
}

// Hugo keeps a term's underscores in its address ("My_Cat" at
// /categories/my_cat/, "Go_Lang Two" at /tags/go_lang-two/, as Hugo
// 0.111 builds them): those addresses lead to the tag's page, where
// capsule answered the hyphen spelling Hugo never writes (Lokka-inc's
// /categories/press_release/).
func TestHugoTermAddressesKeepUnderscores(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":          "title = \"Terms\"\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2020-01-02\ntags: [Press_Release, Go_Lang Two]\ncategories: [My_Cat]\n---\nA.\n",
	})
	d := serveDir(t, dir)
	checkTermLeads(t, d, map[string][2]string{
		"/tags/press_release/":       {"", "Press_Release"},
		"/tags/go_lang-two/":         {"", "Go_Lang Two"},
		"/categories/my_cat/":        {"", "My_Cat"},
		"/tags/press-release/":       {"", "Press_Release"}, // as capsule answered it before
		"/categories/my_cat/page/1/": {"", "My_Cat"},
	})
}

// A tag's page on a Hugo or Zola site is a folder, and the capsule shows
// and links the tag as written ("#CI/CD", /tags/CI%2FCD.gmi): a reader
// who asks for it in the folder form, /tags/CI%2FCD/, means that page
// (a new user's trial: 51, while Hugo's /tags/ci/cd/ led there). On
// both protocols; the generator's addresses keep theirs.
func TestTagFolderAsTheCapsuleSpellsIt(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":            "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
		"content/posts/one.md": "---\ntitle: One\ndate: 2024-01-02\ntags: [\"CI/CD\", Go Lang]\n---\nOne.\n",
	})
	d := serveDir(t, dir)
	for _, tc := range []struct{ req, tag string }{
		{"/tags/CI%2FCD/", "CI/CD"}, // the trial's
		{"/tags/CI%2FCD", "CI/CD"},
		{"/tags/CI/CD/", "CI/CD"},
		{"/tags/ci/cd/", "CI/CD"}, // Hugo's, as before
		{"/tags/Go%20Lang/", "Go Lang"},
		{"/tags/go-lang/", "Go Lang"},
	} {
		page := "/tags/" + url.PathEscape(tc.tag) + ".gmi"
		if status, meta, _ := servetest.GeminiGet(t, d, tc.req); status != 31 || !strings.HasSuffix(meta, page) {
			t.Errorf("Gemini %s: %d %s, want a redirect to %s", tc.req, status, meta, page)
		}
		_, _, body := servetest.GeminiGet(t, d, page)
		if !strings.Contains(body, "=> /posts/one.gmi") {
			t.Errorf("Gemini %s: not the tag's page:\n%s", page, body)
		}
		got, menu := servetest.GopherGet(t, d, tc.req+"\r\n"), servetest.GopherGet(t, d, "/tags/"+url.PathEscape(tc.tag)+"\r\n")
		if got != menu || !strings.Contains(menu, "\t/posts/one") {
			t.Errorf("Gopher %s: %q, want the menu of %s:\n%s", tc.req, got, tc.tag, menu)
		}
	}
}

// checkTermLeads checks that each address of want leads to the capsule's
// page of a tag (want's language folder, then tag; tag "" for the list
// of tags): on Gemini a redirect to it, on Gopher its menu.
func checkTermLeads(t *testing.T, d *daemon.Daemon, want map[string][2]string) {
	t.Helper()
	for p, w := range want {
		dir, tag := w[0], w[1]
		page, sel := dir+"/tags/", dir+"/tags/"
		if tag != "" {
			page, sel = dir+"/tags/"+url.PathEscape(tag)+".gmi", dir+"/tags/"+tag
		}
		if status, meta, _ := servetest.GeminiGet(t, d, escapePath(p)); status != 31 || !strings.HasSuffix(meta, (&url.URL{Path: page}).EscapedPath()) && !strings.HasSuffix(meta, page) {
			t.Errorf("Gemini %s: %d %s, want a redirect to %s", p, status, meta, page)
		}
		got, menu := servetest.GopherGet(t, d, p+"\r\n"), servetest.GopherGet(t, d, sel+"\r\n")
		if got != menu || !strings.Contains(menu, "\t"+dir+"/posts/") && !strings.Contains(menu, "\t"+dir+"/tags/Go\t") {
			t.Errorf("Gopher %s: %q, want the menu of %s:\n%s", p, got, sel, menu)
		}
	}
}

// escapePath is p as a request writes it, percent-encoded.
func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }
