package capsule_test

import (
	"fmt"
	"log"
	"strconv"
	"strings"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/tlscert"
)

// startProblems starts a capsule on files and returns the problems it
// reports: what it left out. The start itself succeeds, serving the rest,
// and -check on the same folder fails.
func startProblems(t *testing.T, files map[string]string) content.ErrorList {
	t.Helper()
	cfg := servetest.Config(t)
	cfg.Posts = testfs.Write(t, files)
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	if _, err := daemon.Check(cfg); err == nil {
		t.Error("-check finds no problem")
	}
	return d.Store().Problems
}

func post(title, extra string) string {
	return "+++\ntitle = \"" + title + "\"\ndate = 2020-01-01\n" + extra + "+++\n本文\n"
}

// Slugs "a" and "a.txt" answered the same Gopher selector (/posts/a.txt:
// one post's text, the other's menu): one was unreachable, silently.
func TestSlugsCollidingOnGopher(t *testing.T) {
	list := startProblems(t, map[string]string{"a.md": post("A", ""), "a.txt.md": post("B", "")})
	if len(list) != 1 || !strings.Contains(list[0].Error(), "/posts/a.txt") ||
		!strings.Contains(list[0].Error(), "a.md") || !strings.Contains(list[0].Error(), "a.txt.md") {
		t.Errorf("problems %v; want one naming both files and the selector", list)
	}
}

// Pages named like the capsule's own pages were refused (or, before
// that, hidden by them). The capsule's pages keep their addresses; the
// author's page moves to /pages/, on both protocols, linked from the home
// page and the root menu, and -check is content.
func TestPagesNamedLikeBuiltins(t *testing.T) {
	plain := startSite(t, testfs.Write(t, map[string]string{"a.md": post("A", "")}))
	for _, slug := range []string{"archive", "tags", "caps", "search"} {
		d := startSite(t, testfs.Write(t, map[string]string{"a.md": post("A", ""), slug + ".md": "+++\ntitle = \"P\"\npage = true\n+++\n本文\n"}))
		if p := d.Store().Problems; len(p) > 0 {
			t.Errorf("page %q: problems %v", slug, p)
		}
		_, _, home := servetest.GeminiGet(t, d, "/")
		if !strings.Contains(home, "\n=> /pages/"+slug+".gmi P\n") {
			t.Errorf("page %q: home page does not link /pages/%s.gmi:\n%s", slug, slug, home)
		}
		if status, _, body := servetest.GeminiGet(t, d, "/pages/"+slug+".gmi"); status != 20 || !strings.Contains(body, "本文") {
			t.Errorf("page %q: /pages/%s.gmi: %d %q", slug, slug, status, body)
		}
		if root := servetest.GopherGet(t, d, "\r\n"); !strings.Contains(root, "0P\t/pages/"+slug+".txt\t") {
			t.Errorf("page %q: root menu has no item /pages/%s.txt:\n%s", slug, slug, root)
		}
		if text := servetest.GopherGet(t, d, "/pages/"+slug+".txt\r\n"); !strings.Contains(text, "本文") {
			t.Errorf("page %q: gopher /pages/%s.txt: %q", slug, slug, text)
		}
		// Capsule's own pages answer as on a site without the page (but
		// for the port in menus).
		port, plainPort := strconv.Itoa(servetest.Port(d.GopherAddr())), strconv.Itoa(servetest.Port(plain.GopherAddr()))
		for _, sel := range []string{"/archive", "/tags/", "/caps.txt", "/search", "/tags", "/archive.gmi"} {
			got, want := servetest.GopherGet(t, d, sel+"\r\n"), servetest.GopherGet(t, plain, sel+"\r\n")
			if strings.ReplaceAll(got, "\t"+port+"\r\n", "\t"+plainPort+"\r\n") != want {
				t.Errorf("page %q: gopher %s is not capsule's own: %q", slug, sel, got)
			}
		}
		for _, path := range []string{"/archive.gmi", "/tags/", "/atom.xml", "/robots.txt", "/caps.gmi", "/search.gmi", "/tags.gmi"} {
			_, meta, got := servetest.GeminiGet(t, d, path)
			_, wantMeta, want := servetest.GeminiGet(t, plain, path)
			got = strings.ReplaceAll(got, "localhost:"+strconv.Itoa(servetest.Port(d.GeminiAddr())), "localhost:"+strconv.Itoa(servetest.Port(plain.GeminiAddr())))
			if meta != wantMeta || got != want {
				t.Errorf("page %q: gemini %s is not capsule's own: %s %q", slug, path, meta, got)
			}
		}
		if status, meta, _ := servetest.GeminiGet(t, d, "/search"); status != 10 {
			t.Errorf("page %q: /search: %d %s", slug, status, meta)
		}
	}
}

// A page no client can ask for (its URL over the 1,024 bytes a Gemini
// request may have) is an error, not a dead link.
func TestURLsOverTheRequestLimit(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.Hostname = strings.Repeat("h", 950) + ".example"
	cfg.Certs = t.TempDir()
	if _, err := tlscert.Create(cfg.Certs, "localhost"); err != nil {
		t.Fatal(err)
	}
	cfg.CertFile, cfg.KeyFile = tlscert.Paths(cfg.Certs, "localhost") // the host name is too long for a file name
	cfg.Posts = testfs.Write(t, map[string]string{strings.Repeat("s", 100) + ".md": post("A", "")})
	_, err := daemon.Check(cfg)
	if err == nil || !strings.Contains(err.Error(), "over the 1024 a request may have") {
		t.Errorf("check: %v", err)
	}
}

// Files whose names need escaping in a URL are linked escaped, and every
// link to them answers with the file.
func TestFileNamesEscaped(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"a.md":      post("A", "") + "[one](%2541.txt) [two](q%3Fx%23y.txt)\n",
			"%41.txt":   "percent\n",
			"q?x#y.txt": "query\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	links := 0
	for _, line := range strings.Split(page, "\n") {
		target, ok := strings.CutPrefix(line, "=> ")
		if !ok || strings.HasPrefix(target, "/posts/") || strings.HasPrefix(target, "/tags/") || strings.HasPrefix(target, "/ ") {
			continue
		}
		target, _, _ = strings.Cut(target, " ")
		links++
		status, _, body := servetest.GeminiGet(t, d, target)
		if status != 20 || (body != "percent\n" && body != "query\n") {
			t.Errorf("link %s: %d %q", target, status, body)
		}
	}
	if links != 2 {
		t.Errorf("%d file links in %q", links, page)
	}
	menu := servetest.GopherGet(t, d, "/posts/a/\r\n")
	items := 0
	for _, line := range strings.Split(menu, "\r\n") {
		fields := strings.Split(line, "\t")
		if len(fields) == 4 && line[0] == '0' && !strings.HasPrefix(fields[1], "/posts/") {
			items++
			if body := servetest.GopherGet(t, d, fields[1]+"\r\n"); body != "percent\n" && body != "query\n" {
				t.Errorf("menu item %q: %q", fields[1], body)
			}
		}
	}
	if items != 2 {
		t.Errorf("%d file items in %q", items, menu)
	}
}

// javascript:, data:, vbscript: and file: links are not offered to readers
// on either protocol; their text stays and the author is warned with the
// file and line.
func TestUnsafeLinksNotOffered(t *testing.T) {
	var logged servetest.LogBuffer
	d := servetest.Start(t, func(c *config.Config) {
		c.Log = log.New(&logged, "", 0)
		c.Posts = testfs.Write(t, map[string]string{
			"a.md": post("A", "") + "\n[スクリプト](javascript:alert(1)) and [v](VBScript:msgbox) and\n" +
				"[f](file:///etc/passwd) ![画像](data:image/png;base64,AAAA) <vbscript:x> [ok](https://example.org/)\n",
		})
	})
	pages := servetest.Crawl(t, d, 50)
	for addr, body := range pages {
		// Offered: a gemtext link line, a gopher menu item, a numbered
		// reference under gopher text. (An autolink's text is its URL,
		// and stays as text.)
		for _, line := range strings.FieldsFunc(body, func(r rune) bool { return r == '\n' || r == '\r' }) {
			offered := strings.HasPrefix(line, "=>") || strings.Count(line, "\t") >= 3 || strings.HasPrefix(line, "[")
			lower := strings.ToLower(line)
			for _, bad := range []string{"javascript:", "vbscript:", "file:", "data:"} {
				if offered && strings.Contains(lower, bad) {
					t.Errorf("%s offers %s: %q", addr, bad, line)
				}
			}
		}
	}
	if page := pages["gemini:/posts/a.gmi"]; !strings.Contains(page, "スクリプト") || !strings.Contains(page, "=> https://example.org/") {
		t.Errorf("post lost its text or its safe link: %q", page)
	}
	if n := strings.Count(fmt.Sprint(d.Store().Warnings), "a.md:7: link not offered to readers"); n < 3 {
		t.Errorf("%d warnings at line 7 in %v", n, d.Store().Warnings)
	}
	if !strings.Contains(logged.String(), "warning: 5 × unsafe link, first ") {
		t.Errorf("the log does not count the unsafe links:\n%s", logged.String())
	}
}

// A post dated in year 1 keeps its date (the zero time.Time once meant
// "no date").
func TestYearOneDateShown(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{"a.md": "+++\ntitle = \"古い\"\ndate = 0001-01-01\n+++\n本文\n"})
	})
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "=> /posts/a.gmi 0001-01-01 古い") {
		t.Errorf("home page: %q", home)
	}
	if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "\n0001-01-01\n") {
		t.Errorf("post page: %q", page)
	}
	if text := servetest.GopherGet(t, d, "/posts/a.txt\r\n"); !strings.Contains(text, "0001-01-01") {
		t.Errorf("gopher text: %q", text)
	}
}

// A scheduled post whose addresses collide was accepted by -check and the
// start, then failed at its date, every time the daemon tried to publish
// it. Its addresses are claimed at every build now, so -check and the
// start say what it will not have at its date: an alias another page
// answers (named as an alias, not as a slug to change), a slug another
// post has (it takes another, said).
func TestScheduledCollisionsFoundNow(t *testing.T) {
	next := time.Now().AddDate(1, 0, 0).Format("2006-01-02")
	scheduled := func(extra string) string {
		return "+++\ntitle = \"予約\"\ndate = " + next + "\n" + extra + "+++\n本文\n"
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"alias on robots.txt", map[string]string{"a.md": post("A", ""), "later.md": scheduled("aliases = [\"/robots.txt\"]\n")},
			[]string{"later.md:1: ", "old address /robots.txt", "capsule's own robots.txt's: not served there"}},
		{"alias on a post", map[string]string{"a.md": post("A", ""), "later.md": scheduled("aliases = [\"/posts/a.gmi\"]\n")},
			[]string{"later.md:1: ", "old address /posts/a.gmi", "a.md"}},
		{"slug of a post", map[string]string{"a.md": post("A", ""), "later.md": scheduled("slug = \"a\"\n")},
			[]string{"later.md:1: ", "slug \"a\" is also", "a.md's: served as"}},
	} {
		cfg := servetest.Config(t)
		cfg.Posts = testfs.Write(t, c.files)
		sum, err := daemon.Check(cfg)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		warns := content.ErrorList(sum.Warnings).Error()
		for _, w := range c.want {
			if !strings.Contains(warns, w) {
				t.Errorf("%s: warnings %q do not say %q", c.name, warns, w)
			}
		}
	}
}

// A file beside the posts at the address of one of capsule's own pages
// is named as that page, capsule's: "robots.txt: has the address of
// robots.txt" (an Astro site's public/robots.txt) said nothing.
func TestFileAtCapsulesOwnAddressSaysWhose(t *testing.T) {
	d := startSite(t, testfs.Write(t, map[string]string{
		"a.md":       "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\nText.\n",
		"robots.txt": "User-agent: *\n",
	}))
	var saw bool
	for _, w := range d.Store().Warnings {
		if w.File == "robots.txt" {
			saw = true
			if w.Msg != "has the address of capsule's own robots.txt: not served" {
				t.Errorf("warning %q", w.Msg)
			}
		}
	}
	if !saw {
		t.Errorf("no warning of robots.txt: %v", d.Store().Warnings)
	}
}
