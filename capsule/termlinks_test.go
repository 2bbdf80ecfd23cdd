package capsule_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"

	"git.sr.ht/~adnano/go-gemini"
)

// Links to the generator's pages of tags and categories lead to the
// capsule's tag pages, as Hugo 0.111 builds this fixture: /tags/go-lang/
// for "Go Lang", /categories/技術/ (categories are tags here), the list
// /tags/, the site's own absolute address, a ref shortcode to a term
// (which Hugo resolves: no warning, labelled with the tag), each in the
// blog of its language. A term no post of that language has is a dead
// link, warned of by its file and line, and left as written.
func TestLinksToTagPagesLeadToTagPages(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "testdata/hugo-termlinks" })
	_, _, page := servetest.GeminiGet(t, d, "/posts/first.gmi")
	for _, want := range []string{
		"=> /tags/%E6%97%A5%E8%A8%98.gmi #日記\n", // the bare ref, labelled with its tag
		"=> /tags/Go%20Lang.gmi go\n",
		"=> /tags/%E6%8A%80%E8%A1%93.gmi cat\n",
		"=> /tags/ all\n",
		"=> /tags/nope/ none\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the post's page lacks %q:\n%s", want, page)
		}
	}
	// The absolute link to the site's page of the tag leads where the
	// relative one does (the renderer lists a link once).
	if strings.Contains(page, "example.org") {
		t.Errorf("the absolute link to the web's tag page stayed one:\n%s", page)
	}
	_, _, en := servetest.GeminiGet(t, d, "/en/posts/first.gmi")
	for _, want := range []string{"=> /en/tags/Travel.gmi travel\n", "=> /en/tags/%E6%97%A5%E8%A8%98/ not in English\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English post's page lacks %q:\n%s", want, en)
		}
	}
	// Every tag link answers the tag's page.
	for _, m := range regexp.MustCompile(`(?m)^=> (/(?:en/)?tags/[^ ]*) `).FindAllStringSubmatch(page+en, -1) {
		if m[1] == "/tags/nope/" || strings.HasSuffix(m[1], "/") && strings.Contains(m[1], "%E6%97%A5") {
			continue // the dead ones
		}
		if status, _, body := servetest.GeminiGet(t, d, m[1]); status != gemini.StatusSuccess || !strings.Contains(body, "=> /") {
			t.Errorf("gemini %s: %d %q", m[1], status, body)
		}
	}

	// Gopher: the references are the tags' menus, which list the post.
	text := servetest.GopherGet(t, d, "/posts/first.txt\r\n")
	refs := regexp.MustCompile(`(?m)^\[\d+\] (gopher://\S+)`).FindAllStringSubmatch(text, -1)
	menus := 0
	for _, r := range refs {
		u, err := url.Parse(r[1])
		if err != nil {
			t.Fatal(err)
		}
		sel := strings.TrimPrefix(u.Path, "/1") // the type, then the selector, decoded once as a client does
		if !strings.HasPrefix(sel, "/tags/") {
			continue
		}
		menus++
		if menu := servetest.GopherGet(t, d, sel+"\r\n"); !strings.Contains(menu, "/posts/first") && sel != "/tags/" ||
			sel == "/tags/" && !strings.Contains(menu, "/tags/Go%20Lang\t") {
			t.Errorf("gopher %s (from %s):\n%s", sel, r[1], menu)
		}
	}
	if menus != 4 || !strings.Contains(text, "/tags/nope/") {
		t.Errorf("want 4 references to tag menus and the dead link as written:\n%s", text)
	}

	var warned []string
	for _, w := range d.Store().Warnings {
		warned = append(warned, w.Error())
	}
	all := strings.Join(warned, "\n")
	for _, want := range []string{
		"first.md:13: link to the page of a tag no post has: /tags/nope/",
		"first.en.md:7: link to the page of a tag no post has: /en/tags/日記/",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if len(warned) != 2 {
		t.Errorf("want the two dead tag links warned of, and nothing else:\n%s", all)
	}
}

// TermLink reads the addresses of taxonomy pages, and nothing else.
func TestTermLink(t *testing.T) {
	for _, c := range []struct {
		path, dir, term string
		ok              bool
	}{
		{"/tags/go-lang/", "", "go-lang", true},
		{"/tags/go-lang", "", "go-lang", true},
		{"/tags/go-lang/index.html", "", "go-lang", true},
		{"/categories/%E6%8A%80%E8%A1%93/", "", "技術", true},
		{"/tags/", "", "", true},
		{"/ja/tags/日記/", "/ja", "日記", true},
		{"/pt-br/categories/", "/pt-br", "", true},
		{"/posts/tags/", "", "", false},
		{"/tags/a/b/", "", "a/b", true},                  // Hugo's "A/B"
		{"/ja/tags/ci/cd/page/2/", "/ja", "ci/cd", true}, // a page of its list
		{"/tags/x//", "", "", false},
		{"/2024/tags/x/", "", "", false},
		{"tags/x/", "", "", false},
		{"/tags/%zz/", "", "", false},
		{"/series/x/", "", "", false},
	} {
		dir, term, ok := content.TermLink(c.path)
		if dir != c.dir || term != c.term || ok != c.ok {
			t.Errorf("TermLink(%q) = %q, %q, %v; want %q, %q, %v", c.path, dir, term, ok, c.dir, c.term, c.ok)
		}
	}
	for _, c := range [][2]string{{"Go Lang", "go-lang"}, {"C++!", "c++"}, {"日記", "日記"}, {"snake_case", "snake-case"}, {"CI/CD", "ci/cd"}, {"Foo@Bar", "foo@bar"}} {
		if got := content.TermKey(c[0]); got != c[1] {
			t.Errorf("TermKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// A link to a page the capsule makes itself (a theme's post linking the
// feed, the home, robots.txt), in a blog's folder, is no dead link: it is
// served (untra/polyglot's posts link /atom.xml).
func TestLinksToTheCapsulesOwnPagesNotWarned(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":               "title: t\n",
			"_posts/2013-12-28-hyde.md": "---\ntitle: Hyde\n---\nSee the [feed](/atom.xml), [robots](/robots.txt), [home](/), [archive](/archive.gmi) and [gone](/gone.xml).\n",
		})
	})
	var warned []string
	for _, w := range d.Store().Warnings {
		warned = append(warned, w.Error())
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "link to a file that does not exist: /gone.xml") {
		t.Errorf("want one dead link warned of, /gone.xml:\n%s", strings.Join(warned, "\n"))
	}
	_, _, page := servetest.GeminiGet(t, d, "/posts/hyde.gmi")
	for _, path := range []string{"/atom.xml", "/robots.txt", "/archive.gmi"} {
		if !strings.Contains(page, "=> "+path+" ") {
			t.Errorf("the page lacks its link to %s:\n%q", path, page)
		}
		if status, _, _ := servetest.GeminiGet(t, d, path); status != gemini.StatusSuccess {
			t.Errorf("%s: %d", path, status)
		}
	}
}

// Links to the generator's list of the posts' folder (/posts/, absolute
// too, or a ref to "posts"), to the home ("/") and to the list of tags
// (a ref to "tags") lead to the capsule's archive, home and tags, with no
// warning (congo's 23 refs to its sections were dead links).
func TestLinksToListsLeadToTheCapsulesLists(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":          "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
			"content/posts/a.md": "+++\ntitle = \"A\"\ndate = 2023-01-01\n+++\nAll [posts](/posts/) and [posts, absolute](https://example.org/posts/).\n\n[section]({{< ref \"posts\" >}}), [home]({{< ref \"/\" >}}), [tags]({{< ref \"tags\" >}}).\n",
			"content/posts/b.md": "+++\ntitle = \"B\"\ndate = 2023-01-02\ntags = [\"x\"]\n+++\nB.\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	for _, want := range []string{"=> /archive.gmi posts\n", "=> / home\n", "=> /tags/ tags\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	if text := servetest.GopherGet(t, d, "/posts/a.txt\r\n"); !strings.Contains(text, "/1/archive\r\n") {
		t.Errorf("gopher text lacks the archive's menu:\n%s", text)
	}
	for _, w := range d.Store().Warnings {
		t.Errorf("warning: %v", w)
	}
}

// In a Zola site, links to a tag's page as Zola writes its address
// ([slugify] taxonomies = "on", the default: Latin letters without their
// diacritics, punctuation as "-") lead to the capsule's page of the tag
// (welpo/osc.garden's /ca/tags/les-8-idees-estadistiques-mes-importants/
// were dead links). Other scripts are not folded: "が" is no "ga".
func TestZolaLinksToAccentedTagPages(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"config.toml":            "base_url = \"https://example.org\"\ntaxonomies = [{name = \"tags\"}]\n",
			"content/blog/_index.md": "+++\nsort_by = \"date\"\n+++\n",
			"content/blog/a.md":      "+++\ntitle = \"A\"\ndate = 2023-11-01\n[taxonomies]\ntags = [\"les 8 idees estadístiques més importants\", \"revisió d'article\", \"が\"]\n+++\nA.\n",
			"content/blog/b.md": "+++\ntitle = \"B\"\ndate = 2023-11-02\n+++\n" +
				"[series](/tags/les-8-idees-estadistiques-mes-importants/), [review](https://example.org/tags/revisio-d-article/), [kana](/tags/が/), [folded](/tags/ga/).\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/b.gmi")
	for _, want := range []string{
		"=> /tags/les%208%20idees%20estad%C3%ADstiques%20m%C3%A9s%20importants.gmi series\n",
		"=> /tags/revisi%C3%B3%20d%27article.gmi review\n",
		"=> /tags/%E3%81%8C.gmi kana\n",
		"=> /tags/ga/ folded\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	var warned []string
	for _, w := range d.Store().Warnings {
		warned = append(warned, w.Error())
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "/tags/ga/") {
		t.Errorf("want one dead tag link warned of, /tags/ga/:\n%s", strings.Join(warned, "\n"))
	}
}

// Hugo keeps "/" and "@" in a term's address: "CI/CD" is at /tags/ci/cd/
// and "Foo@Bar" at /tags/foo@bar/ (Hugo 0.111 builds them so), and a
// page of a term's list at /tags/ci/cd/page/2/. Links to them lead to
// the capsule's tag pages, not dead (a Congo blog's About page linked
// /tags/ci/cd/).
func TestLinksToHugoTermsWithSlashes(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":          "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
			"content/posts/a.md": "---\ntitle: a\ndate: 2024-01-02\ntags: [\"CI/CD\", \"Foo@Bar\"]\n---\ntext\n",
			"content/about.md":   "---\ntitle: About\n---\n[ci](/tags/ci/cd/) [foo](/tags/foo@bar/) [two](/tags/ci/cd/page/2/) [ja](/ja/tags/ci/cd/)\n",
			"content/posts/b.md": "---\ntitle: b\ndate: 2024-01-03\n---\n[web](https://example.org/tags/CI/CD/index.html)\n",
		})
	})
	for _, w := range d.Store().Warnings {
		if (strings.Contains(w.Error(), "tags/ci") || strings.Contains(w.Error(), "foo@bar")) && !strings.Contains(w.Error(), "/ja/") {
			t.Errorf("warning: %v", w) // (no Japanese blog here: /ja/tags/ci/cd/ is dead)
		}
	}
	_, _, about := servetest.GeminiGet(t, d, "/about.gmi")
	// (two leads where ci does: a link is listed once.)
	links := regexp.MustCompile(`(?m)^=> (\S+) (ci|foo|two)$`).FindAllStringSubmatch(about, -1)
	if len(links) != 2 {
		t.Fatalf("about: want the term links as links to tag pages:\n%s", about)
	}
	_, _, b := servetest.GeminiGet(t, d, "/posts/b.gmi")
	links = append(links, regexp.MustCompile(`(?m)^=> (\S+) (web)$`).FindAllStringSubmatch(b, -1)...)
	for _, l := range links {
		status, _, body := servetest.GeminiGet(t, d, l[1])
		if status != gemini.StatusSuccess || !strings.Contains(body, "=> /posts/a.gmi") {
			t.Errorf("%s (%s): %d, not the tag's page listing the post:\n%s", l[2], l[1], status, body)
		}
	}
}
