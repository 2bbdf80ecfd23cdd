package capsule_test

import (
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// The folder of the posts' pages, /posts/, is what a reader's client
// asks for when it goes up from a post (Kristall's "Parent" button on
// gemini://…/posts/hello.gmi, and on gopher://…/1/posts/hello/): it
// leads to the archive, as a post's link to the generator's list of the
// posts does, on both protocols, in each language's folder too; it was
// 51 Not found, and a "not found" menu on Gopher.
func TestPostsFolderLeadsToTheArchive(t *testing.T) {
	for _, c := range []struct {
		name, posts, dir string
	}{
		{"flat", "", ""},
		{"a language's folder", "testdata/hugo-multilingual/content", "/en"},
		{"the default language", "testdata/hugo-multilingual/content", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := servetest.Start(t, func(cfg *config.Config) {
				if c.posts != "" {
					cfg.Posts = c.posts
					return
				}
				cfg.Posts = testfs.Write(t, map[string]string{
					"_index.md":           "+++\ntitle = \"ブログ\"\nlang = \"ja\"\n+++\n",
					"2024-01-01-hello.md": "+++\ntitle = \"やあ\"\ndate = 2024-01-01\n+++\nこんにちは。\n",
				})
			})
			status, meta, _ := servetest.GeminiGet(t, d, c.dir+"/posts/")
			if want := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr())) + c.dir + "/archive.gmi"; status != 31 || meta != want {
				t.Errorf("gemini %s/posts/ answers %d %q, want 31 to %s/archive.gmi", c.dir, status, meta, c.dir)
			} else if status, _, archive := servetest.GeminiGetURL(t, d, meta); status != 20 || !strings.Contains(archive, "=> "+c.dir+"/posts/") {
				t.Errorf("the redirect leads to %d:\n%s", status, archive)
			}
			menu := servetest.GopherGet(t, d, c.dir+"/posts/\r\n")
			if want := servetest.GopherGet(t, d, c.dir+"/archive\r\n"); menu != want {
				t.Errorf("gopher %s/posts/:\n%s\nwant the archive's menu:\n%s", c.dir, menu, want)
			}
		})
	}
}

// The folder's address is answered last: a folder index there (a file
// posts/index.html, which the web served at /posts/) keeps it.
func TestPostsFolderKeepsAFolderIndex(t *testing.T) {
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Posts = testfs.Write(t, map[string]string{
			"2024-01-01-hello.md": "+++\ntitle = \"Hello\"\ndate = 2024-01-01\n+++\nHello.\n",
			"posts/index.html":    "<html><body>My own list</body></html>\n",
		})
	})
	if status, meta, _ := servetest.GeminiGet(t, d, "/posts/"); status != 31 || !strings.HasSuffix(meta, "/posts/index.html") {
		t.Errorf("/posts/ answers %d %s, want a redirect to /posts/index.html", status, meta)
	}
	if got := servetest.GopherGet(t, d, "/posts/\r\n"); !strings.Contains(got, "My own list") {
		t.Errorf("gopher /posts/: %q", got)
	}
}
