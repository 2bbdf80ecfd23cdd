package capsule_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"

	"git.sr.ht/~adnano/go-gemini"
)

// generated is an address a generator gives a page, and where the
// capsule serves that page.
type generated struct {
	addr, page, text string // the old address, the page's Gemini path, a line of its text
}

// checkGenerated asks d for every address of want and its other forms
// (without or with the trailing slash, and index.html for a folder): each
// answers Gemini with 31 to the page, Gopher with the page's text (or its
// menu, where the page's own menu is), and -check -v lists the address
// as a redirect.
func checkGenerated(t *testing.T, d *daemon.Daemon, want []generated) {
	t.Helper()
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	listed := d.Store().OldAddresses
	for _, g := range want {
		forms := []string{g.addr}
		if dir, ok := strings.CutSuffix(g.addr, "/"); ok {
			forms = append(forms, dir, g.addr+"index.html")
		} else if !strings.Contains(g.addr[strings.LastIndex(g.addr, "/"):], ".") {
			forms = append(forms, g.addr+"/", g.addr+"/index.html")
		}
		for _, a := range forms {
			if status, meta, _ := servetest.GeminiGet(t, d, a); status != gemini.StatusPermanentRedirect || meta != base+g.page {
				t.Errorf("gemini %s: %d %q, want 31 %s", a, status, meta, base+g.page)
			}
			// The post's text, or the post's own menu (a page's
			// Gopher menu is at /about/), which leads to it.
			text := servetest.GopherGet(t, d, a+"\r\n")
			if !strings.Contains(text, g.text) && !strings.Contains(text, "\t"+strings.TrimSuffix(g.page, ".gmi")+".txt\t") {
				t.Errorf("gopher %s: %q, want the text of %s", a, text, g.page)
			}
		}
		if !slices.ContainsFunc(listed, func(r capsule.Redirect) bool { return r.From == g.addr && r.To == g.page }) {
			t.Errorf("%s → %s not among the redirects -check -v lists: %v", g.addr, g.page, listed)
		}
	}
}

// Every page of a Hugo site answers at the address Hugo gives it (as
// Hugo 0.111 and 0.165 list this fixture): its section's [permalinks]
// pattern (:year/:month/:slug, :slug the title when there is no slug;
// :title), its folder and name lower-cased (a bundle's folder), its url
// as written, and a front matter alias, each with and without its
// trailing slash.
func TestHugoGeneratorAddresses(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "testdata/hugo-permalinks/content" })
	checkGenerated(t, d, []generated{
		{"/2020/05/custom-slug/", "/posts/custom-slug.gmi", "The first post."},
		{"/2020/06/a-bundle/", "/posts/bundled.gmi", "A page bundle"},
		{"/d/getting-started-guide/", "/guide.gmi", "its pattern made of its title"},
		{"/notes/mixed_case/", "/Mixed_Case.gmi", "its folder and its name"},
		{"/about/", "/about.gmi", "A page at the top."},
		{"/Special/Place", "/posts/placed.gmi", "Its own url"},
		{"/old-name/", "/about.gmi", "A page at the top."},
	})
	if w := d.Store().Warnings; len(w) > 0 {
		t.Errorf("warnings: %v", content.ErrorList(w))
	}
}

// Every post and page of a Jekyll site answers at the address Jekyll
// gives it (as Jekyll 4.3 builds this fixture): the site's permalink
// pattern with the post's categories (front matter categories and
// category, lower-cased) and its title as its file names it, a post's
// own permalink pattern, a permalink the configuration's defaults give
// a folder, a page's folder and name ending as the setting does.
func TestJekyllGeneratorAddresses(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "testdata/jekyll-permalinks" })
	checkGenerated(t, d, []generated{
		{"/blog/tech/2014/9/hello/", "/posts/hello.gmi", "The first post."},
		{"/misc/2015/1/Second-Post/", "/posts/Second-Post.gmi", "Untitled, one category"},
		{"/2016/own-own.html", "/posts/own.gmi", "Its own permalink, a pattern."},
		{"/notes/note/", "/posts/note.gmi", "from the configuration's defaults"},
		{"/about/", "/about.gmi", "A page."},
		{"/docs/guide/", "/guide.gmi", "A page in a folder."},
	})
	if w := d.Store().Warnings; len(w) > 0 {
		t.Errorf("warnings: %v", content.ErrorList(w))
	}
}

// Jekyll writes a page whose address ends neither with a slash nor with
// its extension at that address and ".html" (a permalink /posts/:path
// gives _posts/2025-05-08-hello.md the address /posts/2025-05-08-hello and
// the file /posts/2025-05-08-hello.html, which GitHub Pages serves at
// both): the file's address answers too, as a page's own permalink's
// does. Mr. Green's sites (TakaakiU/takaakiu.github.io: 10 posts in
// Japanese and English) are written so, their links and readers' bookmarks
// with .html.
func TestJekyllExtensionlessPermalinkFile(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml":                "title: 緑\nlang: ja\ndefaults:\n  - scope:\n      path: \"_posts\"\n    values:\n      permalink: /posts/:path\n  - scope:\n      path: \"*/_posts\"\n    values:\n      permalink: /:path\n",
			"_posts/2025-05-08-hello.md": "---\ntitle: こんにちは\n---\n最初の記事です。\n",
			"en/_posts/2025-05-09-hi.md": "---\ntitle: Hi\n---\nThe first post in English.\n",
			"about.md":                   "---\ntitle: About\npermalink: /about\n---\nA page with its own permalink.\n",
			"docs/guide.md":              "---\ntitle: Guide\npermalink: /docs/guide.html\n---\nA page with its extension.\n",
		})
	})
	checkGenerated(t, d, []generated{
		{"/posts/2025-05-08-hello", "/posts/hello.gmi", "最初の記事です。"},
		{"/posts/2025-05-08-hello.html", "/posts/hello.gmi", "最初の記事です。"},
		{"/en/2025-05-09-hi.html", "/posts/hi.gmi", "The first post in English."},
		{"/about.html", "/about.gmi", "A page with its own permalink."},
		{"/docs/guide.html", "/guide.gmi", "A page with its extension."},
	})
	if status, meta, _ := servetest.GeminiGet(t, d, "/docs/guide.html.html"); status == gemini.StatusPermanentRedirect {
		t.Errorf("/docs/guide.html.html, which Jekyll never writes, leads to %s", meta)
	}
}

// Links written as the generator's addresses, relative ones from the
// page's own address, root-relative ones under the blog's base path,
// absolute links to the blog's own web address, and Jekyll's post_url
// (from _posts, in a post of a folder of _posts) lead to the capsule's
// page or file on both protocols; an absolute link to a page of the
// blog's web site the capsule does not have stays a link to the web,
// without a warning.
func TestLinksWrittenAsGeneratorAddresses(t *testing.T) {
	for _, tt := range []struct {
		posts, post string
		gemini      []string // link lines the post's Gemini page must have, with their labels
		gopher      []string // selectors of this capsule its Gopher text must name
	}{
		{"testdata/hugo-permalinks/content", "/posts/custom-slug",
			[]string{"=> /posts/bundled.gmi the bundle", "=> /Mixed_Case.gmi a note on the web", "=> /guide.gmi the guide below the base path",
				"=> /images/dot.png an image on the web", "=> https://example.org/blog/tags/go/ a tag's page on the web"},
			[]string{"/0/posts/bundled.txt", "/0/Mixed_Case.txt", "/0/guide.txt", "/I/images/dot.png"}},
		{"testdata/hugo-permalinks/content", "/posts/bundled",
			[]string{"=> /posts/custom-slug.gmi Back to the first post, relative to this page's address"}, []string{"/0/posts/custom-slug.txt"}},
		{"testdata/jekyll-permalinks", "/posts/hello",
			[]string{"=> /posts/Second-Post.gmi the second post", "=> /posts/note.gmi the note on the web", "=> /posts/own.gmi its own pattern", "=> /guide.gmi the guide"},
			[]string{"/0/posts/Second-Post.txt", "/0/posts/note.txt", "/0/posts/own.txt", "/0/guide.txt"}},
		{"testdata/jekyll-permalinks", "/posts/note",
			[]string{"=> /posts/own.gmi a post of _posts"}, []string{"/0/posts/own.txt"}},
	} {
		d := servetest.Start(t, func(c *config.Config) { c.Posts = tt.posts })
		_, _, page := servetest.GeminiGet(t, d, tt.post+".gmi")
		for _, want := range tt.gemini {
			if !strings.Contains(page, want+"\n") {
				t.Errorf("%s: Gemini page lacks %q:\n%s", tt.post, want, page)
			}
		}
		text := servetest.GopherGet(t, d, tt.post+".txt\r\n")
		gopherBase := "gopher://localhost:" + strconv.Itoa(servetest.Port(d.GopherAddr()))
		for _, want := range tt.gopher {
			if !strings.Contains(text, gopherBase+want) {
				t.Errorf("%s: Gopher text lacks %s:\n%s", tt.post, gopherBase+want, text)
			}
		}
		if w := d.Store().Warnings; len(w) > 0 {
			t.Errorf("%s: warnings: %v", tt.post, content.ErrorList(w))
		}
	}
}

// An address the generator gives a post that another page already
// answers stays that page's: the post's is not served there, and one
// warning kind counts such addresses. Here Hugo would write the post
// (permalink /:slug/, slug about) and the page about.md to one place.
func TestGeneratorAddressTaken(t *testing.T) {
	site := testfs.Write(t, map[string]string{
		"hugo.toml":                   "baseURL = 'https://example.org/'\n[permalinks]\nposts = '/:slug/'\n",
		"content/about.md":            "---\ntitle: About\n---\nThe page.\n",
		"content/posts/other.md":      "---\ntitle: Other\ndate: 2020-01-02\nslug: about\n---\nThe post.\n",
		"content/posts/first-post.md": "---\ntitle: First\ndate: 2020-01-01\n---\nAnother post.\n",
	})
	d := servetest.Start(t, func(c *config.Config) { c.Posts = site + "/content" })
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	for _, a := range []string{"/about/", "/about"} {
		if status, meta, _ := servetest.GeminiGet(t, d, a); status != gemini.StatusPermanentRedirect || meta != base+"/about.gmi" {
			t.Errorf("gemini %s: %d %q, want 31 to the page", a, status, meta)
		}
		if text := servetest.GopherGet(t, d, a+"\r\n"); !strings.Contains(text, "about.txt") || strings.Contains(text, "The post.") {
			t.Errorf("gopher %s: %q, want the page's menu", a, text)
		}
	}
	var taken []*content.FileError
	for _, w := range d.Store().Warnings {
		if w.Kind == "generator address taken" {
			taken = append(taken, w)
		}
	}
	if len(taken) != 1 || !strings.HasSuffix(taken[0].File, "other.md") || !strings.Contains(taken[0].Msg, "/about/") || !strings.Contains(taken[0].Msg, "about.md's") {
		t.Errorf("warnings of the kind: %v; all: %v", taken, content.ErrorList(d.Store().Warnings))
	}
	// The other post's address is served: :slug is its title when it
	// has no slug.
	if status, meta, _ := servetest.GeminiGet(t, d, "/first/"); status != gemini.StatusPermanentRedirect || meta != base+"/posts/first-post.gmi" {
		t.Errorf("/first/: %d %q, want 31 to the post", status, meta)
	}
	if len(d.Store().Problems) > 0 {
		t.Errorf("problems: %v", d.Store().Problems)
	}
}

// An old address never costs a page its own address: a post's alias
// /contact, which is the Gopher selector of the page contact.md, is the
// page's, and the page is served.
func TestOldAddressNeverTakesAPage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"a.md":       "+++\ntitle = \"A\"\ndate = 2020-01-01\naliases = [\"/contact\"]\n+++\nx\n",
			"contact.md": "+++\ntitle = \"Contact\"\npage = true\n+++\nWrite to me.\n",
		})
	})
	if p := d.Store().Problems; len(p) > 0 {
		t.Errorf("problems: %v", p)
	}
	if _, _, body := servetest.GeminiGet(t, d, "/contact.gmi"); !strings.Contains(body, "Write to me.") {
		t.Errorf("the page: %q", body)
	}
	if text := servetest.GopherGet(t, d, "/contact\r\n"); !strings.Contains(text, "contact.txt") {
		t.Errorf("gopher /contact: %q, want the page's menu", text)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/contact"); status == gemini.StatusPermanentRedirect {
		t.Errorf("gemini /contact redirects to the post, though its Gopher selector is the page's")
	}
}
