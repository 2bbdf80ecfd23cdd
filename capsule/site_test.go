package capsule_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/messages"

	gogopher "git.mills.io/prologic/go-gopher"
	"git.sr.ht/~adnano/go-gemini"
)

// samplePost is what the test knows of a sample post from its Markdown file
// alone, independently of capsule's loader and renderers.
type samplePost struct {
	slug, title, date string
	tags              []string
	markdown          string   // the whole file
	texts             []string // prose lines of the body, markup removed
}

var (
	titleLine = regexp.MustCompile(`(?m)^title = "(.*)"$`)
	tagsLine  = regexp.MustCompile(`(?m)^tags = \[(.*)\]$`)
	dateLine  = regexp.MustCompile(`(?m)^date = (\d{4}-\d\d-\d\d)$`)
	listMark  = regexp.MustCompile(`^\s*(?:[-*+]|\d+\.)\s+`)
)

func readSamplePosts(t *testing.T) []samplePost {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(servetest.SamplePosts, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var posts []samplePost
	for _, f := range files {
		if filepath.Base(f) == content.SiteFile {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(src), "+++\n", 3)
		if len(parts) != 3 {
			t.Fatalf("%s: no front matter", f)
		}
		if strings.Contains(parts[1], "\npage = true\n") {
			continue // a standalone page, not a post
		}
		p := samplePost{slug: strings.TrimSuffix(filepath.Base(f), ".md"), markdown: string(src)}
		if m := tagsLine.FindStringSubmatch(parts[1]); m != nil {
			for _, t := range strings.Split(m[1], ",") {
				p.tags = append(p.tags, strings.Trim(strings.TrimSpace(t), `"`))
			}
		}
		if m := titleLine.FindStringSubmatch(parts[1]); m != nil {
			p.title = m[1]
		}
		if m := dateLine.FindStringSubmatch(parts[1]); m != nil {
			p.date = m[1]
		}
		for _, line := range strings.Split(parts[2], "\n") {
			line = strings.TrimLeft(listMark.ReplaceAllString(line, ""), "# ")
			if line = strings.TrimSpace(line); line != "" {
				p.texts = append(p.texts, line)
			}
		}
		if p.title == "" || p.date == "" || len(p.texts) == 0 {
			t.Fatalf("%s: could not read title, date or body", f)
		}
		posts = append(posts, p)
	}
	if len(posts) == 0 {
		t.Fatal("no sample posts")
	}
	// Newest first, as the capsule lists them.
	slices.SortFunc(posts, func(a, b samplePost) int { return strings.Compare(b.date, a.date) })
	return posts
}

// squeeze removes all white space, so that text can be compared across the
// line breaks of gopher wrapping.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestGeminiServesSampleBlog(t *testing.T) {
	d := servetest.Start(t, nil)
	posts := readSamplePosts(t)

	status, meta, home := servetest.GeminiGet(t, d, "/")
	if status != gemini.StatusSuccess || meta != "text/gemini; charset=utf-8; lang=ja" {
		t.Fatalf("home: %d %q", status, meta)
	}
	if !strings.HasPrefix(home, "# _・)Keep Smiling\n") {
		t.Errorf("home does not start with the site title:\n%s", home)
	}
	var links []string
	for _, line := range strings.Split(home, "\n") {
		if strings.HasPrefix(line, "=> /posts/") {
			links = append(links, line)
		}
	}
	if len(links) != len(posts) {
		t.Fatalf("home links %d posts, want %d:\n%s", len(links), len(posts), home)
	}
	for i, p := range posts {
		want := "=> /posts/" + p.slug + ".gmi " + p.date + " " + p.title
		if strings.ReplaceAll(links[i], "\u200b", "") != want { // feedTitle's guard is invisible
			t.Errorf("home line %d = %q, want %q", i, links[i], want)
		}
		path := "/posts/" + p.slug + ".gmi"
		status, meta, body := servetest.GeminiGet(t, d, path)
		if status != gemini.StatusSuccess || meta != "text/gemini; charset=utf-8; lang=ja" {
			t.Errorf("%s: %d %q", path, status, meta)
			continue
		}
		if !strings.HasPrefix(body, "# "+p.title+"\n") {
			t.Errorf("%s does not start with its title:\n%.200s", path, body)
		}
		for _, text := range p.texts {
			if !strings.Contains(body, text) {
				t.Errorf("%s lacks %q", path, text)
			}
		}
	}
}

func TestGeminiErrors(t *testing.T) {
	d := servetest.Start(t, nil)
	port := strconv.Itoa(servetest.Port(d.GeminiAddr()))
	tests := []struct {
		url  string
		want gemini.Status
	}{
		{"gemini://localhost:" + port + "/no-such-page", gemini.StatusNotFound},
		{"gemini://localhost:" + port + "/no-such-folder/", gemini.StatusNotFound}, // /posts/ leads to the archive (TestPostsFolderLeadsToTheArchive)
		{"gemini://example.org:" + port + "/", gemini.StatusProxyRequestRefused},
		{"gemini://localhost:1/", gemini.StatusProxyRequestRefused},
		{"https://localhost:" + port + "/", gemini.StatusProxyRequestRefused},
	}
	for _, tt := range tests {
		if status, meta, _ := servetest.GeminiGetURL(t, d, tt.url); status != tt.want || meta == "" {
			t.Errorf("%s: %d %q, want %d", tt.url, status, meta, tt.want)
		}
	}
}

// checkMenu verifies the form of a gopher menu and returns its lines without
// the terminator.
func checkMenu(t *testing.T, name, menu string) []string {
	t.Helper()
	if !strings.HasSuffix(menu, "\r\n.\r\n") {
		t.Fatalf("%s does not end with CRLF . CRLF: %q", name, menu[max(0, len(menu)-40):])
	}
	lines := strings.Split(strings.TrimSuffix(menu, ".\r\n"), "\r\n")
	lines = lines[:len(lines)-1] // after the last CRLF
	for _, line := range lines {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("%s: bare CR or LF in %q", name, line)
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 4 {
			t.Errorf("%s: %d fields, want 4: %q", name, len(fields), line)
			continue
		}
		if _, err := strconv.Atoi(fields[3]); err != nil || fields[2] == "" {
			t.Errorf("%s: bad host or port in %q", name, line)
		}
	}
	return lines
}

func TestGopherServesSampleBlog(t *testing.T) {
	d := servetest.Start(t, nil)
	posts := readSamplePosts(t)
	wantPort := strconv.Itoa(servetest.Port(d.GopherAddr()))

	for _, request := range []string{"\r\n", "/\r\n", "\n", "/\t\r\n"} {
		if got, want := servetest.GopherGet(t, d, request), servetest.GopherGet(t, d, "\r\n"); got != want {
			t.Errorf("root for %q differs from root for CRLF", request)
		}
	}
	menu := servetest.GopherGet(t, d, "\r\n")
	var items []string
	for _, line := range checkMenu(t, "root menu", menu) {
		fields := strings.Split(line, "\t")
		if fields[2] != "localhost" || fields[3] != wantPort {
			t.Errorf("root menu line points at %s:%s: %q", fields[2], fields[3], line)
		}
		if line[0] == '1' && strings.HasPrefix(fields[1], "/posts/") {
			items = append(items, line)
		}
	}
	if !strings.HasPrefix(menu, "i_・)Keep Smiling\t") || !strings.Contains(menu, "-assume_charset=utf-8") {
		t.Errorf("root menu lacks the title or the Lynx hint:\n%s", menu)
	}
	if len(items) != len(posts) {
		t.Fatalf("root menu has %d post items, want %d", len(items), len(posts))
	}
	for i, p := range posts {
		// Each post's menu, whose first item is the text.
		selector := "/posts/" + p.slug + "/"
		if want := "1" + p.date + " " + p.title + "\t" + selector + "\t"; !strings.HasPrefix(items[i], want) {
			t.Errorf("item %d = %q, want %q…", i, items[i], want)
		}
		// The menu's first item is the text, as a reader follows it.
		var textSel string
		for _, line := range checkMenu(t, selector, servetest.GopherGet(t, d, selector+"\r\n")) {
			if line[0] == '0' {
				textSel = strings.Split(line, "\t")[1]
				break
			}
		}
		if textSel != "/posts/"+p.slug+".txt" {
			t.Errorf("%s: first text item %q", selector, textSel)
		}
		for _, request := range []string{textSel, strings.TrimPrefix(textSel, "/")} {
			text := servetest.GopherGet(t, d, request+"\r\n")
			checkGopherText(t, textSel, text)
			for _, want := range p.texts {
				if !strings.Contains(squeeze(text), squeeze(want)) {
					t.Errorf("%s lacks %q", textSel, want)
				}
			}
		}
	}
}

// checkGopherText verifies the form of a type 0 text: CRLF lines of at most
// 70 display cells, no TAB, no lone ".", no Lastline.
func checkGopherText(t *testing.T, name, text string) {
	t.Helper()
	if !strings.HasSuffix(text, "\r\n") || strings.HasSuffix(text, "\r\n.\r\n") {
		t.Errorf("%s: must end with CRLF and no Lastline: %q", name, text[max(0, len(text)-20):])
	}
	for i, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		switch {
		case strings.ContainsAny(line, "\r\n\t"):
			t.Errorf("%s line %d has a bare CR/LF or a TAB: %q", name, i+1, line)
		case line == ".":
			t.Errorf("%s line %d is a lone dot", name, i+1)
		case displayWidth(line) > 70 && strings.ContainsAny(line, " 、。"):
			t.Errorf("%s line %d is %d cells wide: %q", name, i+1, displayWidth(line), line)
		}
	}
}

// displayWidth counts East Asian wide runes as two cells, without uniseg, so
// that the test does not share the wrapper's code.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
			(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) || (r >= 0xac00 && r <= 0xd7a3) ||
			(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe6f) ||
			(r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6) ||
			(r >= 0x1f300 && r <= 0x1f64f) || (r >= 0x20000 && r <= 0x3fffd)):
			w += 2
		default:
			w++
		}
	}
	return w
}

func TestGopherNotFound(t *testing.T) {
	d := servetest.Start(t, nil)
	menu := servetest.GopherGet(t, d, "/no/such/thing\r\n")
	lines := checkMenu(t, "error menu", menu)
	if len(lines) < 2 || lines[0][0] != '3' || lines[1][0] != 'i' || lines[0][1:] != strings.Split(lines[1][1:], "\t")[0]+"\t"+strings.SplitN(lines[0], "\t", 2)[1] {
		t.Errorf("want a type 3 line and an i line repeating it:\n%s", menu)
	}
}

func TestGopherWithCurl(t *testing.T) {
	curl := servetest.NeedTool(t, "curl")
	d := servetest.Start(t, nil)
	base := "gopher://" + d.GopherAddr().String()
	for _, p := range readSamplePosts(t) {
		selector := "/posts/" + p.slug + ".txt"
		out, err := exec.Command(curl, "-sS", "--max-time", "10", base+"/0"+selector).Output()
		if err != nil {
			t.Fatalf("curl %s: %v", selector, err)
		}
		if want := servetest.GopherGet(t, d, selector+"\r\n"); string(out) != want {
			t.Errorf("curl got %d bytes for %s, raw TCP %d", len(out), selector, len(want))
		}
	}
}

func TestGopherWithLynx(t *testing.T) {
	lynx := servetest.NeedTool(t, "lynx")
	d := servetest.Start(t, nil)
	run := func(url string) string {
		cmd := exec.Command(lynx, "-dump", "-nonumbers", "-assume_charset=utf-8", "-display_charset=utf-8", "-width=200", url)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LANG=C.UTF-8")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("lynx %s: %v", url, err)
		}
		return string(out)
	}
	base := "gopher://" + d.GopherAddr().String()
	root := run(base + "/")
	for _, p := range readSamplePosts(t) {
		if !strings.Contains(root, p.date+" "+p.title) {
			t.Errorf("lynx root lacks %q:\n%s", p.date+" "+p.title, root)
		}
		text := run(base + "/0/posts/" + p.slug + ".txt")
		if !strings.Contains(squeeze(text), squeeze(p.texts[0])) {
			t.Errorf("lynx shows %s without %q:\n%.300s", p.slug, p.texts[0], text)
		}
	}
}

func TestSoftBreaksAndPostLinks(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "testdata/links" })
	gopherPort := strconv.Itoa(servetest.Port(d.GopherAddr()))

	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "\n\u200b# not a heading\n") {
		t.Errorf("description not escaped:\n%s", home)
	}
	_, _, gmi := servetest.GeminiGet(t, d, "/posts/2020-02-02-second.gmi")
	for _, want := range []string{
		"\n日本語の文章がここで改行されています。English words continue here.\n",
		"\n前の記事と同じ記事を読んでください。\n=> /posts/2020-01-01-first.gmi 前の記事\n",
	} {
		if !strings.Contains(gmi, want) {
			t.Errorf("gemtext lacks %q:\n%s", want, gmi)
		}
	}
	if strings.Count(gmi, "=> /posts/2020-01-01-first.gmi 前の記事") != 1 {
		t.Errorf("the two links to one post should give one link line:\n%s", gmi)
	}

	txt := servetest.GopherGet(t, d, "/posts/2020-02-02-second.txt\r\n")
	for _, want := range []string{
		"\r\n日本語の文章がここで改行されています。English words continue here.\r\n",
		"gopher://localhost:" + gopherPort + "/0/posts/2020-01-01-first.txt\r\n",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("gopher text lacks %q:\n%s", want, txt)
		}
	}

	warns := d.Capsule().Store().Warnings
	if len(warns) != 1 || warns[0].Error() != filepath.Join("testdata/links", "2020-02-02-second.md")+":14: link to a post that does not exist: 2019-12-31-missing.md" {
		t.Errorf("warnings = %v, want one for line 14", warns)
	}
}

func TestGopherPostMenus(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "testdata/links" })
	base := "gopher://" + d.GopherAddr().String()
	gopherPort := servetest.Port(d.GopherAddr())

	// go-gopher's client reads the menu as any client would.
	resp, err := gogopher.Get(base + "/1/posts/2020-02-02-second/")
	if err != nil {
		t.Fatal(err)
	}
	var items []*gogopher.Item
	for _, it := range resp.Dir.Items {
		if it.Type != gogopher.INFO {
			items = append(items, it)
		}
	}
	want := []struct {
		typ      gogopher.ItemType
		selector string
	}{
		{gogopher.FILE, "/posts/2020-02-02-second.txt"},
		{gogopher.FILE, "/posts/2020-01-01-first.txt"}, // the post link, as a gopher item
		{gogopher.HTML, "URL:https://example.com/a?b=1&c=2"},
		{gogopher.DIRECTORY, "/tags/%E3%83%86%E3%82%B9%E3%83%88"}, // テスト, ASCII for Lynx
		{gogopher.DIRECTORY, "/posts/2020-01-01-first/"},          // the older post's menu
		{gogopher.DIRECTORY, "/"},
	}
	if len(items) != len(want) {
		t.Fatalf("menu has %d items, want %d: %+v", len(items), len(want), resp.Dir.Items)
	}
	for i, w := range want {
		it := items[i]
		if it.Type != w.typ || it.Selector != w.selector || it.Host != "localhost" || it.Port != gopherPort {
			t.Errorf("item %d = %c %q %s:%d, want %c %q localhost:%d", i, it.Type, it.Selector, it.Host, it.Port, w.typ, w.selector, gopherPort)
		}
	}

	// Without the trailing slash too; the text points at the menu.
	if a, b := servetest.GopherGet(t, d, "/posts/2020-02-02-second\r\n"), servetest.GopherGet(t, d, "/posts/2020-02-02-second/\r\n"); a != b {
		t.Error("post menu differs without its trailing slash")
	}
	text := servetest.GopherGet(t, d, "/posts/2020-02-02-second.txt\r\n")
	if !strings.Contains(text, base[:len("gopher://")]+"localhost:"+strconv.Itoa(gopherPort)+"/1/posts/2020-02-02-second/\r\n") {
		t.Errorf("text does not point at its menu:\n%s", text)
	}

	// The h item's selector answers with a page that redirects.
	page := servetest.GopherGet(t, d, "URL:https://example.com/a?b=1&c=2\r\n")
	if !strings.Contains(page, `<meta http-equiv="refresh" content="0; url=https://example.com/a?b=1&amp;c=2">`) {
		t.Errorf("URL: page:\n%s", page)
	}
	if page2 := servetest.GopherGet(t, d, "/URL:https://example.com/a?b=1&c=2\r\n"); page2 != page {
		t.Error("/URL: differs from URL:")
	}
	if page := servetest.GopherGet(t, d, "URL:javascript:alert(1)\r\n"); strings.Contains(page, "refresh") {
		t.Errorf("javascript: redirected:\n%s", page)
	}
}

func TestGopherCapsAndPlus(t *testing.T) {
	d := servetest.Start(t, nil)
	caps := servetest.GopherGet(t, d, "/caps.txt\r\n")
	if !strings.HasPrefix(caps, "CAPS\r\n") || !strings.Contains(caps, "\r\nCapsVersion=1\r\n") ||
		!strings.Contains(caps, "\r\nPathDelimeter=/\r\n") || !strings.Contains(caps, "\r\nServerDefaultEncoding=UTF-8\r\n") {
		t.Errorf("caps.txt:\n%s", caps)
	}
	if first := strings.Index(caps, "="); first < 0 || !strings.HasPrefix(caps[strings.LastIndex(caps[:first], "\n")+1:], "CapsVersion=") {
		t.Errorf("CapsVersion is not the first key:\n%s", caps)
	}

	root := servetest.GopherGet(t, d, "\r\n")
	plus := servetest.GopherGet(t, d, "\t$\r\n")
	wantSize := "<" + strconv.Itoa((len(root)+1023)/1024) + "k>"
	if !strings.HasPrefix(plus, "+-1\r\n+INFO: 1_・)Keep Smiling\t\tlocalhost\t") || !strings.Contains(plus, wantSize) || !strings.HasSuffix(plus, "\r\n.\r\n") {
		t.Errorf("gopher+ root (root menu %d bytes):\n%q", len(root), plus)
	}
	// Other Gopher+ requests get Gopher0 answers.
	if got := servetest.GopherGet(t, d, "/\t+\r\n"); got != root {
		t.Error("root with \\t+ is not the plain root menu")
	}
	post := readSamplePosts(t)[0]
	sel := "/posts/" + post.slug + ".txt"
	if got, want := servetest.GopherGet(t, d, sel+"\t+\r\n"), servetest.GopherGet(t, d, sel+"\r\n"); got != want {
		t.Error("post with \\t+ is not the plain text")
	}
}

func TestGopherMenusWithLynx(t *testing.T) {
	lynx := servetest.NeedTool(t, "lynx")
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "testdata/links" })
	cmd := exec.Command(lynx, "-dump", "-nonumbers", "-assume_charset=utf-8", "-display_charset=utf-8", "-width=200",
		"gopher://"+d.GopherAddr().String()+"/1/posts/2020-02-02-second/")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LANG=C.UTF-8")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	ja := messages.Japanese // the test site's lang is ja
	for _, want := range []string{"(FILE) " + messages.Format(ja.Read, "title", "二番目"), "(FILE) [1] 前の記事", "(HTML) [3] 公式サイト",
		"(DIR) #テスト", "(DIR) " + messages.Format(ja.Home, "site", "テスト")} {
		if !strings.Contains(string(out), want) {
			t.Errorf("lynx shows no %q:\n%s", want, out)
		}
	}

	// Lynx follows a Japanese tag's link: the menu of that tag.
	cmd = exec.Command(lynx, "-dump", "-listonly", "-nonumbers", "gopher://"+d.GopherAddr().String()+"/1/tags/")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LANG=C.UTF-8")
	list, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var tagURL string
	for _, line := range strings.Fields(string(list)) {
		if strings.Contains(line, "/1/tags/%") {
			tagURL = line
		}
	}
	if tagURL == "" {
		t.Fatalf("lynx lists no tag link:\n%s", list)
	}
	cmd = exec.Command(lynx, "-dump", "-nonumbers", "-assume_charset=utf-8", "-display_charset=utf-8", tagURL)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LANG=C.UTF-8")
	tagPage, err := cmd.Output()
	if err != nil || !strings.Contains(string(tagPage), "テスト #テスト") || !strings.Contains(string(tagPage), "(DIR) 2020-02-02 二番目") {
		t.Errorf("lynx following %s: %v\n%s", tagURL, err, tagPage)
	}
}

// A post's Gopher text keeps the site's width to its last line: at 40
// cells, the pointer to the post's menu ("リンク・タグ・前後の記事はこの
// gopher メニューから:", 51 cells) is wrapped as the text is (found by a
// new user's trial). Only a line that cannot break (a URL) may be wider.
func TestGopherTextKeepsANarrowWidth(t *testing.T) {
	const width = 40
	c, err := content.Load(filepath.Join("..", "posts"), content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	site := &capsule.Site{SiteMeta: c.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70, GopherWidth: width}
	st, err := capsule.Build(context.Background(), site, c, capsule.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	texts := 0
	for _, r := range st.Routes() {
		if r.Protocol != "gopher" || !strings.HasPrefix(r.Address, "/posts/") || !strings.HasSuffix(r.Address, ".txt") {
			continue
		}
		text, _ := st.Gopher(r.Address)
		texts++
		for i, line := range strings.Split(strings.TrimSuffix(string(text), "\r\n"), "\r\n") {
			if displayWidth(line) > width && strings.ContainsAny(line, " 、。・") {
				t.Errorf("%s line %d is %d cells wide, over %d: %q", r.Address, i+1, displayWidth(line), width, line)
			}
		}
	}
	if texts < 7 {
		t.Errorf("%d posts' texts looked at, want the sample's 7", texts)
	}
}

// The page a gopher URL: selector answers is in the site's language: the
// sample blog's is Japanese, and it was English.
func TestGopherRedirectPageInTheSitesLanguage(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = "../posts" })
	page := servetest.GopherGet(t, d, "URL:https://example.com/\r\n")
	if !strings.Contains(page, `<html lang="ja">`) || !strings.Contains(page, messages.Japanese.LeavesGopher+` <a href="https://example.com/">`) {
		t.Errorf("URL: page of a Japanese site:\n%s", page)
	}
	// Its title too, which a browser shows in its tab: it was English
	// ("Redirect", "Not redirected") on a Japanese page.
	if title := htmlTitle(page); title != messages.Japanese.RedirectTitle {
		t.Errorf("URL: page of a Japanese site: title %q, want %q", title, messages.Japanese.RedirectTitle)
	}
	page = servetest.GopherGet(t, d, "URL:javascript:alert(1)\r\n")
	if !strings.Contains(page, messages.Japanese.NotRedirected) || strings.Contains(page, "refresh") {
		t.Errorf("URL:javascript: page of a Japanese site:\n%s", page)
	}
	if title := htmlTitle(page); title != messages.Japanese.RefusedTitle {
		t.Errorf("URL:javascript: page of a Japanese site: title %q, want %q", title, messages.Japanese.RefusedTitle)
	}
}

// htmlTitle is the text between a page's <title> and </title>.
func htmlTitle(page string) string {
	_, after, _ := strings.Cut(page, "<title>")
	title, _, _ := strings.Cut(after, "</title>")
	return title
}
