package capsule_test

import (
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/messages"
	"capsule/capsule/tlscert"

	"git.sr.ht/~adnano/go-gemini"
	"github.com/mmcdole/gofeed"
)

// Posts named in Japanese and Chinese, with spaces and parentheses (a Hugo
// page bundle "post/Markdown Syntax/index.md", Jekyll's
// "_posts/2014-01-01-中文标题.md"), as real blogs name them.
const (
	namesHugo   = "testdata/names-hugo/content"
	namesJekyll = "testdata/names-jekyll"
)

// startSite serves a testdata folder; -check finds it sound.
func startSite(t *testing.T, posts string) *daemon.Daemon {
	t.Helper()
	cfg := servetest.Config(t)
	cfg.Posts = posts
	if _, err := daemon.Check(cfg); err != nil {
		t.Errorf("-check %s: %v", posts, err)
	}
	return servetest.Start(t, func(c *config.Config) { c.Posts = posts })
}

// A post's address is its name, its letters kept, spaces and punctuation
// made "-": links give it percent-encoded, and the servers answer it
// encoded and in raw UTF-8, on both protocols.
func TestNamesGiveAddresses(t *testing.T) {
	for _, c := range []struct {
		posts, slug, title, text string
	}{
		{namesHugo, "日本語の記事", "日本語の記事", "日本語の名前の記事の本文"},
		{namesHugo, "Markdown-Syntax", "Markdown Syntax Guide", "A page bundle whose folder has a space"},
		{namesJekyll, "中文标题", "中文标题", "中文标题的文章"},
		{namesJekyll, "SSL-TLS", "SSL 与 TLS", "括号的文件名"},
	} {
		d := startSite(t, c.posts)
		enc := "/posts/" + url.PathEscape(c.slug)
		_, _, home := servetest.GeminiGet(t, d, "/")
		if !strings.Contains(home, "\n=> "+enc+".gmi 20") {
			t.Errorf("home page does not link %s.gmi:\n%s", enc, home)
		}
		status, _, page := servetest.GeminiGet(t, d, enc+".gmi")
		if status != gemini.StatusSuccess || !strings.Contains(page, "# "+c.title+"\n") || !strings.Contains(page, c.text) {
			t.Errorf("gemini %s.gmi: %d\n%s", enc, status, page)
		}
		header, raw := servetest.GeminiAs(t, d, "/posts/"+c.slug+".gmi", nil)
		if !strings.HasPrefix(header, "20 text/gemini") || raw != page {
			t.Errorf("gemini /posts/%s.gmi in UTF-8: %q\n%s", c.slug, header, raw)
		}

		root := servetest.GopherGet(t, d, "\r\n")
		if !strings.Contains(root, "\t"+enc+"/\tlocalhost\t") {
			t.Errorf("root menu has no item %s/:\n%s", enc, root)
		}
		text := servetest.GopherGet(t, d, enc+".txt\r\n")
		if !strings.Contains(text, c.text) {
			t.Errorf("gopher %s.txt:\n%s", enc, text)
		}
		if got := servetest.GopherGet(t, d, "/posts/"+c.slug+".txt\r\n"); got != text {
			t.Errorf("gopher /posts/%s.txt in UTF-8:\n%s", c.slug, got)
		}
		menu := servetest.GopherGet(t, d, enc+"/\r\n")
		if !strings.Contains(menu, "\t"+enc+".txt\tlocalhost\t") {
			t.Errorf("gopher menu %s/ does not offer its text:\n%s", enc, menu)
		}
		for _, line := range strings.Split(root+menu, "\r\n") {
			if f := strings.Split(line, "\t"); len(f) == 4 && strings.ContainsFunc(f[1], func(r rune) bool { return r > 0x7f }) {
				t.Errorf("menu item with a selector not in ASCII: %q", line)
			}
		}
	}
}

// Posts link each other by their file names (and Hugo paths) with
// spaces and Japanese in them: the links lead to the posts' addresses.
func TestLinksToNamedPosts(t *testing.T) {
	d := startSite(t, namesHugo)
	ja := "/posts/" + url.PathEscape("日本語の記事")
	_, _, page := servetest.GeminiGet(t, d, ja+".gmi")
	if !strings.Contains(page, "\n=> /posts/Markdown-Syntax.gmi 構文の記事\n") {
		t.Errorf("the link to post/Markdown Syntax/ is not the post's:\n%s", page)
	}
	_, _, page = servetest.GeminiGet(t, d, "/posts/Markdown-Syntax.gmi")
	if !strings.Contains(page, "\n=> "+ja+".gmi the Japanese one\n") {
		t.Errorf("the link to ../日本語の記事.md is not the post's:\n%s", page)
	}
	menu := servetest.GopherGet(t, d, "/posts/Markdown-Syntax/\r\n")
	if !strings.Contains(menu, "\t"+ja+".txt\tlocalhost\t") {
		t.Errorf("the post's menu does not offer the Japanese post's text by an ASCII selector:\n%s", menu)
	}
	for addr, body := range servetest.Crawl(t, d, 100) {
		if strings.HasPrefix(addr, "gemini:") && !strings.HasPrefix(body, "text/gemini") && !strings.HasPrefix(body, "application/atom+xml") ||
			strings.HasPrefix(addr, "gopher:") && strings.HasPrefix(body, "3") {
			t.Errorf("%s: %.200s", addr, body)
		}
	}
}

// Lynx, which garbles selectors in UTF-8, follows the root menu's item to
// a post named in Japanese and reads it.
func TestNamedPostWithLynx(t *testing.T) {
	lynx := servetest.NeedTool(t, "lynx")
	d := startSite(t, namesHugo)
	run := func(args ...string) string {
		cmd := exec.Command(lynx, append([]string{"-dump", "-nonumbers", "-assume_charset=utf-8", "-display_charset=utf-8", "-width=200"}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LANG=C.UTF-8")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("lynx %q: %v", args, err)
		}
		return string(out)
	}
	base := "gopher://" + d.GopherAddr().String()
	var menuURL string
	for _, link := range strings.Fields(run("-listonly", base+"/")) {
		if strings.Contains(link, "/1/posts/%E6%97%A5") {
			menuURL = link
		}
	}
	if menuURL == "" {
		t.Fatalf("lynx lists no link to the Japanese post's menu")
	}
	if menu, want := run(menuURL), "(FILE) "+messages.Format(messages.Japanese.Read, "title", "日本語の記事"); !strings.Contains(menu, want) {
		t.Errorf("lynx following %s:\n%s", menuURL, menu)
	}
	if tag := run(base + "/1/tags/CI%2FCD"); !strings.Contains(tag, "#CI/CD") || !strings.Contains(tag, "(DIR) 2020-01-01 日本語の記事") {
		t.Errorf("lynx reading the tag CI/CD:\n%s", tag)
	}
	textURL := strings.Replace(strings.TrimSuffix(menuURL, "/"), "/1/", "/0/", 1) + ".txt"
	if text := run(textURL); !strings.Contains(text, "日本語の名前の記事の本文") {
		t.Errorf("lynx reading %s:\n%s", textURL, text)
	}
}

// A tag is text: "CI/CD" has its pages, its feed and its Gopher menu, at
// addresses that escape the "/", and every one answers.
func TestTagWithSlash(t *testing.T) {
	d := startSite(t, namesHugo)
	_, _, page := servetest.GeminiGet(t, d, "/posts/Markdown-Syntax.gmi")
	for _, tag := range []string{"CI/CD", "UX/UI"} {
		link := "/tags/" + strings.ReplaceAll(tag, "/", "%2F")
		if !strings.Contains(page, "\n=> "+link+".gmi #"+tag+"\n") {
			t.Errorf("post page does not link %s.gmi:\n%s", link, page)
		}
		status, _, tagPage := servetest.GeminiGet(t, d, link+".gmi")
		if status != gemini.StatusSuccess || !strings.Contains(tagPage, "#"+tag+"\n") || !strings.Contains(tagPage, "=> /posts/Markdown-Syntax.gmi") {
			t.Errorf("gemini %s.gmi: %d\n%s", link, status, tagPage)
		}
		if !strings.Contains(tagPage, "\n=> "+link+".xml ") {
			t.Errorf("tag page does not link its feed %s.xml:\n%s", link, tagPage)
		}
		status, meta, xml := servetest.GeminiGet(t, d, link+".xml")
		if status != gemini.StatusSuccess || meta != "application/atom+xml" {
			t.Fatalf("%s.xml: %d %s", link, status, meta)
		}
		feed, err := gofeed.NewParser().ParseString(xml)
		if err != nil {
			t.Fatalf("%s.xml: %v", link, err)
		}
		self := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr())) + link + ".xml"
		if !slices.Contains(feed.Links, self) || len(feed.Items) == 0 || !slices.Contains(feed.Items[0].Categories, tag) {
			t.Errorf("%s.xml: links %q (want %s), %d entries", link, feed.Links, self, len(feed.Items))
		}

		menu := servetest.GopherGet(t, d, "/posts/Markdown-Syntax/\r\n")
		if !strings.Contains(menu, "1#"+tag+"\t"+link+"\tlocalhost\t") {
			t.Errorf("post menu has no item %s:\n%s", link, menu)
		}
		if tagMenu := servetest.GopherGet(t, d, link+"\r\n"); !strings.Contains(tagMenu, "#"+tag) || !strings.Contains(tagMenu, "\t/posts/Markdown-Syntax/\t") {
			t.Errorf("gopher %s:\n%s", link, tagMenu)
		}
	}
	// CI/CD has both posts: the Japanese one too.
	_, _, tagPage := servetest.GeminiGet(t, d, "/tags/CI%2FCD.gmi")
	if !strings.Contains(tagPage, "=> /posts/"+url.PathEscape("日本語の記事")+".gmi 2020-01-01 日本語の記事") {
		t.Errorf("/tags/CI%%2FCD.gmi lacks the Japanese post:\n%s", tagPage)
	}
	// The path is looked up decoded, as the README says: the tag's
	// address unencoded is the same page.
	if _, _, raw := servetest.GeminiGet(t, d, "/tags/CI/CD.gmi"); raw != tagPage {
		t.Errorf("/tags/CI/CD.gmi is not the tag's page:\n%s", raw)
	}
}

// Tags that a path would resolve ("a/../b", "..", "//x") are reachable
// all the same, each at its own address, on both protocols: the servers
// never take an escaped "/" for a separator.
func TestTagsWithDotsAndSlashes(t *testing.T) {
	tags := []string{"a/../b", "b", "..", ".", "//x", "x", "a/./b", "a//b", "../../etc", "100%", "?#"}
	d := startSite(t, testfs.Write(t, map[string]string{
		"a.md": post("A", `tags = ["`+strings.Join(tags, `", "`)+`"]`+"\n"),
	}))
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	menu := servetest.GopherGet(t, d, "/posts/a/\r\n")
	seen := map[string]string{}
	for _, tag := range tags {
		var link string
		for _, line := range strings.Split(page, "\n") {
			if target, ok := strings.CutSuffix(line, " #"+tag); ok && strings.HasPrefix(target, "=> /tags/") {
				link = strings.TrimPrefix(target, "=> ")
			}
		}
		if link == "" {
			t.Errorf("tag %q: no link on the post's page:\n%s", tag, page)
			continue
		}
		if other, dup := seen[link]; dup {
			t.Errorf("tags %q and %q share the link %s", tag, other, link)
		}
		seen[link] = tag
		status, _, body := servetest.GeminiGet(t, d, link)
		if status != gemini.StatusSuccess || !strings.Contains(body, " #"+tag+"\n") {
			t.Errorf("tag %q: gemini %s: %d\n%s", tag, link, status, body)
		}
		var sel string
		for _, line := range strings.Split(menu, "\r\n") {
			if f := strings.Split(line, "\t"); len(f) == 4 && f[0] == "1#"+tag {
				sel = f[1]
			}
		}
		if sel == "" {
			t.Errorf("tag %q: no item on the post's menu:\n%s", tag, menu)
			continue
		}
		if body := servetest.GopherGet(t, d, sel+"\r\n"); !strings.Contains(body, " #"+tag+"\t") {
			t.Errorf("tag %q: gopher %s:\n%s", tag, sel, body)
		}
	}
}

// A Hugo site's search.md and archive.md, with text of their own, are the
// author's pages at /pages/; capsule's search and archive keep their
// addresses. Its archives.md, a theme's layout page with no text, is left
// out with a warning naming it, and links to it lead to capsule's archive.
func TestPagesBesideCapsulePages(t *testing.T) {
	d := startSite(t, namesHugo)
	_, _, home := servetest.GeminiGet(t, d, "/")
	for _, want := range []string{"\n=> /search ", "\n=> /archive.gmi ", "\n=> /pages/search.gmi Search\n", "\n=> /pages/archive.gmi My archive\n"} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %q:\n%s", want, home)
		}
	}
	if strings.Contains(home, "Archives") || strings.Contains(home, "archives") {
		t.Errorf("home page links the stub archives.md:\n%s", home)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/pages/search.gmi"); !strings.Contains(page, "How to search this blog") {
		t.Errorf("/pages/search.gmi: %q", page)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/search"); status != gemini.StatusInput {
		t.Errorf("/search: %d", status)
	}
	if _, _, archive := servetest.GeminiGet(t, d, "/archive.gmi"); !strings.Contains(archive, "=> /posts/Markdown-Syntax.gmi") {
		t.Errorf("/archive.gmi is not capsule's archive:\n%s", archive)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/archives.gmi"); status != gemini.StatusNotFound {
		t.Errorf("the stub archives.md is served: /archives.gmi %d", status)
	}

	root := servetest.GopherGet(t, d, "\r\n")
	for _, want := range []string{"\t/search\tlocalhost\t", "\t/archive\tlocalhost\t", "0Search\t/pages/search.txt\t", "1My archive\t/pages/archive/\t"} {
		if !strings.Contains(root, want) {
			t.Errorf("root menu lacks %q:\n%s", want, root)
		}
	}
	if text := servetest.GopherGet(t, d, "/pages/archive.txt\r\n"); !strings.Contains(text, "An archive page of my own") {
		t.Errorf("gopher /pages/archive.txt: %q", text)
	}

	// The Japanese post links /archives/, the stub's address on the web.
	ja := "/posts/" + url.PathEscape("日本語の記事")
	if _, _, page := servetest.GeminiGet(t, d, ja+".gmi"); !strings.Contains(page, "\n=> /archive.gmi アーカイブ\n") {
		t.Errorf("the link to /archives/ does not lead to capsule's archive:\n%s", page)
	}
	gopherArchive := "gopher://localhost:" + strconv.Itoa(servetest.Port(d.GopherAddr())) + "/1/archive"
	if text := servetest.GopherGet(t, d, ja+".txt\r\n"); !strings.Contains(text, gopherArchive) {
		t.Errorf("the gopher text's reference is not %s:\n%s", gopherArchive, text)
	}
	var warned []string
	for _, w := range d.Store().Warnings {
		warned = append(warned, w.Error())
	}
	want := "archives.md:1: no text: a theme's layout page, which capsule's archive (/archive.gmi) serves; not served"
	if !slices.ContainsFunc(warned, func(w string) bool { return strings.Contains(w, want) }) {
		t.Errorf("warnings %q lack %q", warned, want)
	}
}

// Layout pages with no text named like capsule's search and tag index
// are left out, and links to them lead to capsule's pages; the same page
// with text is the author's, under /pages/.
func TestLayoutStubs(t *testing.T) {
	const stub = "---\ntitle: Search\nlayout: search\n---\n\n"
	d := startSite(t, testfs.Write(t, map[string]string{
		"search.md": stub,
		"tags.md":   "+++\ntitle = \"Tags\"\npage = true\n+++\n",
		"a.md":      post("A", "") + "[検索](search.md) and [タグ](tags.md)\n",
	}))
	if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "\n=> /search 検索\n=> /tags/ タグ\n") {
		t.Errorf("links to the stubs do not lead to capsule's pages:\n%s", page)
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); strings.Contains(home, "/pages/") || strings.Contains(home, "/search.gmi") {
		t.Errorf("home page links a stub:\n%s", home)
	}
	stubs := 0
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "no text: a theme's layout page") {
			stubs++
		}
	}
	if stubs != 2 {
		t.Errorf("%d warnings of stubs: %v", stubs, d.Store().Warnings)
	}
	d = startSite(t, testfs.Write(t, map[string]string{"search.md": stub + "Some text.\n", "a.md": post("A", "") + "[検索](search.md)\n"}))
	if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "\n=> /pages/search.gmi 検索\n") {
		t.Errorf("the link to a search page with text does not lead to it:\n%s", page)
	}
}

// A layout page whose only text is a script (minimal-mistakes' search
// page holding Google's fixurl.js) shows readers nothing: it is a stub
// as an empty one is, not an empty page titled Search; with words beside
// the script it is the author's page.
func TestScriptOnlyPageIsAStub(t *testing.T) {
	const scripts = "<!-- the search -->\n<script type=\"text/javascript\">\n  var LANG = 'ja';\n</script>\n<SCRIPT src=\"//example.org/x.js\">\n</SCRIPT>\n<style>p { color: red }</style>\n"
	d := startSite(t, testfs.Write(t, map[string]string{
		"search.md": "---\ntitle: Search\n---\n\n" + scripts,
		"a.md":      post("A", "") + "[検索](search.md)\n",
	}))
	if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "\n=> /search 検索\n") {
		t.Errorf("the link to the script-only page does not lead to capsule's search:\n%s", page)
	}
	if status, _, _ := servetest.GeminiGet(t, d, "/pages/search.gmi"); status != gemini.StatusNotFound {
		t.Errorf("the script-only page answered %d", status)
	}
	d = startSite(t, testfs.Write(t, map[string]string{
		"search.md": "---\ntitle: Search\n---\n\n" + scripts + "\n検索はこちらです。\n",
		"a.md":      post("A", "") + "[検索](search.md)\n",
	}))
	if _, _, page := servetest.GeminiGet(t, d, "/pages/search.gmi"); !strings.Contains(page, "検索はこちらです。") {
		t.Errorf("the page with words is not served:\n%s", page)
	}
	// A Jekyll page's Liquid is run first: its output inside the script
	// is the script's (GenomonPagesR's '{{ site.url }}').
	d = startSite(t, testfs.Write(t, map[string]string{
		"_config.yml":            "title: t\nurl: https://example.org\ninclude: [_pages]\n",
		"_pages/search.md":       "---\ntitle: Search\npermalink: /pages/search/\n---\n<script>\n  var SITE = '{{ site.url }}{{ site.baseurl }}';\n</script>\n",
		"_posts/2020-01-01-a.md": "---\ntitle: A\n---\n[検索](/pages/search/)\n",
	}))
	if status, _, _ := servetest.GeminiGet(t, d, "/pages/search.gmi"); status != gemini.StatusNotFound {
		t.Errorf("the Jekyll page of a script alone answered %d", status)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "\n=> /search 検索\n") {
		t.Errorf("the link to the Jekyll page does not lead to capsule's search:\n%s", page)
	}
}

// Lynx resolves dot segments in a gopher URL before asking: the items of
// tags ".." and "." are escaped so that it asks for them, not for the
// root.
func TestDotTagsWithLynx(t *testing.T) {
	lynx := servetest.NeedTool(t, "lynx")
	d := startSite(t, testfs.Write(t, map[string]string{"a.md": post("A", `tags = ["..", ".", "a/.."]`+"\n")}))
	base := "gopher://" + d.GopherAddr().String()
	menu := servetest.GopherGet(t, d, "/posts/a/\r\n")
	for _, tag := range []string{"..", ".", "a/.."} {
		var sel string
		for _, line := range strings.Split(menu, "\r\n") {
			if f := strings.Split(line, "\t"); len(f) == 4 && f[0] == "1#"+tag {
				sel = f[1]
			}
		}
		cmd := exec.Command(lynx, "-dump", "-nonumbers", "-assume_charset=utf-8", "-display_charset=utf-8", base+"/1"+sel)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LANG=C.UTF-8")
		out, err := cmd.Output()
		if err != nil || !strings.Contains(string(out), "localhost #"+tag+"\n") {
			t.Errorf("lynx following the item of tag %q (%s): %v\n%s", tag, sel, err, out)
		}
	}
}

// A draft named in Japanese is its author's at its encoded address (and
// the raw one); an escaped "/" leads no one else to it.
func TestNamedDraft(t *testing.T) {
	author := servetest.Identity(t, "author")
	d := servetest.Start(t, func(c *config.Config) {
		c.AuthorCertificates = []string{tlscert.Fingerprint(&author)}
		c.Posts = testfs.Write(t, map[string]string{
			"a.md":     post("A", ""),
			"下書き 一.md": "+++\ntitle = \"秘密\"\ndate = 2020-02-02\ndraft = true\n+++\n誰にも見せない本文。\n",
		})
	})
	link := "/drafts/" + url.PathEscape("下書き-一") + ".gmi"
	if h, body := servetest.GeminiAs(t, d, "/drafts/", &author); !strings.HasPrefix(h, "20 ") || !strings.Contains(body, "=> "+link+" ") {
		t.Errorf("the author's drafts index does not link %s: %q\n%s", link, h, body)
	}
	for _, path := range []string{link, "/drafts/下書き-一.gmi"} {
		if h, body := servetest.GeminiAs(t, d, path, &author); !strings.HasPrefix(h, "20 ") || !strings.Contains(body, "誰にも見せない本文") {
			t.Errorf("the author's %s: %q\n%s", path, h, body)
		}
	}
	for _, path := range []string{link, "/posts%2F..%2Fdrafts/" + url.PathEscape("下書き-一") + ".gmi", "/drafts%2F" + url.PathEscape("下書き-一") + ".gmi",
		"/x%2F..%2F..%2Fdrafts%2F" + url.PathEscape("下書き-一") + ".gmi"} {
		if h, body := servetest.GeminiAs(t, d, path, nil); strings.HasPrefix(h, "20 ") || strings.Contains(body, "誰にも") {
			t.Errorf("%s without a certificate: %q\n%s", path, h, body)
		}
	}
}

// A name too long for an address once percent-encoded is cut: the post
// answers at the address its links give, within a Gopher selector's 255
// bytes, and -check says where.
func TestLongJapaneseName(t *testing.T) {
	name := strings.Repeat("長い名前", 20)
	d := startSite(t, testfs.Write(t, map[string]string{name + ".md": post("長", "")}))
	_, _, home := servetest.GeminiGet(t, d, "/")
	var link string
	for _, line := range strings.Split(home, "\n") {
		if target, ok := strings.CutPrefix(line, "=> /posts/"); ok {
			link = "/posts/" + strings.Fields(target)[0]
		}
	}
	if status, _, body := servetest.GeminiGet(t, d, link); status != 20 || !strings.Contains(body, "本文") {
		t.Errorf("%s: %d %q", link, status, body)
	}
	var sel string
	for _, line := range strings.Split(servetest.GopherGet(t, d, "\r\n"), "\r\n") {
		if f := strings.Split(line, "\t"); len(f) == 4 && strings.HasPrefix(f[1], "/posts/") {
			sel = f[1]
		}
	}
	if len(sel) > 255 || !strings.Contains(servetest.GopherGet(t, d, strings.TrimSuffix(sel, "/")+".txt\r\n"), "本文") {
		t.Errorf("gopher %s (%d bytes)", sel, len(sel))
	}
	if w := d.Store().Warnings; len(w) != 1 || !strings.Contains(w[0].Msg, "its address is cut to") {
		t.Errorf("warnings %v", w)
	}
}
