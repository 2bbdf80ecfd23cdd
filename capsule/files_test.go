package capsule_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"

	gogopher "git.mills.io/prologic/go-gopher"
	"git.sr.ht/~adnano/go-gemini"
	"github.com/mmcdole/gofeed"
)

const filesPosts = "testdata/files"

func TestFilesServedAsTheyAre(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = filesPosts })
	for _, f := range []struct{ path, mime string }{
		{"images/pic.png", "image/png"},
		{"files/doc.pdf", "application/pdf"},
		{"files/notes.txt", "text/plain; charset=utf-8"},
	} {
		want, err := os.ReadFile(filepath.Join(filesPosts, f.path))
		if err != nil {
			t.Fatal(err)
		}
		status, meta, body := servetest.GeminiGet(t, d, "/"+f.path)
		if status != gemini.StatusSuccess || meta != f.mime || body != string(want) {
			t.Errorf("gemini %s: %d %q, %d bytes (want %q, %d bytes)", f.path, status, meta, len(body), f.mime, len(want))
		}
		if got := servetest.GopherGet(t, d, "/"+f.path+"\r\n"); got != string(want) {
			t.Errorf("gopher %s: %d bytes, want the file's %d", f.path, len(got), len(want))
		}
	}
	for _, hidden := range []string{"/.hidden.png", "/.secret/key.txt", "/_index.md", "/about.md"} {
		if status, _, _ := servetest.GeminiGet(t, d, hidden); status != gemini.StatusNotFound {
			t.Errorf("%s served over Gemini: %d", hidden, status)
		}
		if menu := servetest.GopherGet(t, d, hidden+"\r\n"); !strings.HasPrefix(menu, "3") {
			t.Errorf("%s served over Gopher: %.30q", hidden, menu)
		}
	}
}

func TestLinksToFiles(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = filesPosts })
	port := strconv.Itoa(servetest.Port(d.GopherAddr()))

	_, _, page := servetest.GeminiGet(t, d, "/posts/2020-03-03-photo.gmi")
	for _, want := range []string{"\n=> /images/pic.png 写真\n", "\n=> /files/doc.pdf 資料\n", "\n=> /files/notes.txt メモ\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("post page lacks %q:\n%s", want, page)
		}
	}
	text := servetest.GopherGet(t, d, "/posts/2020-03-03-photo.txt\r\n")
	for _, want := range []string{"gopher://localhost:" + port + "/I/images/pic.png", "gopher://localhost:" + port + "/9/files/doc.pdf", "gopher://localhost:" + port + "/0/files/notes.txt"} {
		if !strings.Contains(text, want) {
			t.Errorf("gopher text lacks %q:\n%s", want, text)
		}
	}
	resp, err := gogopher.Get("gopher://" + d.GopherAddr().String() + "/1/posts/2020-03-03-photo/")
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]gogopher.ItemType{}
	for _, it := range resp.Dir.Items {
		types[it.Selector] = it.Type
	}
	if types["/images/pic.png"] != gogopher.IMAGE || types["/files/doc.pdf"] != gogopher.BINARY || types["/files/notes.txt"] != gogopher.FILE {
		t.Errorf("post menu item types: %v", types)
	}

	var warned bool
	for _, w := range d.Capsule().Store().Warnings {
		if w.Error() == filepath.Join(filesPosts, "2020-03-03-photo.md")+":11: link to a file that does not exist: images/none.png" {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning for the missing image: %v", d.Capsule().Store().Warnings)
	}
}

func TestPagesAndFavicon(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) { c.Posts = filesPosts })
	status, _, page := servetest.GeminiGet(t, d, "/about.gmi")
	if status != gemini.StatusSuccess || !strings.HasPrefix(page, "# このサイトについて\n") || !strings.Contains(page, "ファイルのテストです。") {
		t.Errorf("/about.gmi: %d\n%s", status, page)
	}
	if text := servetest.GopherGet(t, d, "/about.txt\r\n"); !strings.Contains(text, "ファイルのテストです。") {
		t.Errorf("/about.txt:\n%s", text)
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	if !strings.Contains(home, "\n=> /about.gmi このサイトについて\n") {
		t.Errorf("home does not link the page:\n%s", home)
	}
	if entries := feedEntries(home); len(entries) != 1 {
		t.Errorf("home lists %d dated entries, want only the post: %q", len(entries), entries)
	}
	if !strings.Contains(servetest.GopherGet(t, d, "\r\n"), "\r\n0このサイトについて\t/about.txt\t") {
		t.Error("root menu does not link the page")
	}
	_, _, atom := servetest.GeminiGet(t, d, "/atom.xml")
	feed, err := gofeed.NewParser().ParseString(atom)
	if err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 1 || feed.Items[0].Title != "写真の記事" {
		t.Errorf("feed has %d entries; the page must not be one", len(feed.Items))
	}
	if _, _, archive := servetest.GeminiGet(t, d, "/archive.gmi"); strings.Contains(archive, "about") {
		t.Errorf("archive lists the page:\n%s", archive)
	}
	status, meta, body := servetest.GeminiGet(t, d, "/favicon.txt")
	if status != gemini.StatusSuccess || !strings.HasPrefix(meta, "text/plain") || strings.TrimSpace(body) != "📷" {
		t.Errorf("/favicon.txt: %d %q %q", status, meta, body)
	}
}
