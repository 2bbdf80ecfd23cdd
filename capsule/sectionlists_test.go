package capsule_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A Hugo site publishes the list of each section's pages at the
// section's address: readers and posts link them (noborus.github.io's
// home links /trdsql/ and /ov/, 46 links warned dead and answered 51).
// The posts' section's list (/blog/) leads to the archive, a section
// of pages' (/docs/, whose _index.md has no text) to the home, which
// lists its pages: on Gemini a redirect, on Gopher that menu; a post's
// link to either is offered and not warned dead.
func TestHugoSectionListsLead(t *testing.T) {
	d := servetest.Start(t, func(cfg *config.Config) {
		cfg.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":               "baseURL = \"https://blog.example/\"\ntitle = \"Site\"\n",
			"content/blog/a.md":       "---\ntitle: A\ndate: 2024-01-01\n---\nSee [the docs](/docs/) and [the blog](/blog/).\n",
			"content/blog/b.md":       "---\ntitle: B\ndate: 2024-01-02\n---\nb\n",
			"content/docs/_index.md":  "---\ntitle: Docs\n---\n",
			"content/docs/install.md": "---\ntitle: Install\n---\nInstall it.\n",
		})
	})
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	for _, c := range []struct{ path, target, gopherSel string }{
		{"/blog/", "/archive.gmi", "/archive"},
		{"/docs/", "/", "/"},
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, c.path); status != 31 || meta != base+c.target {
			t.Errorf("gemini %s answers %d %q, want 31 to %s", c.path, status, meta, c.target)
		}
		menu := servetest.GopherGet(t, d, c.path+"\r\n")
		if want := servetest.GopherGet(t, d, c.gopherSel+"\r\n"); menu != want || strings.HasPrefix(menu, "3") {
			t.Errorf("gopher %s:\n%s\nwant the menu of %s:\n%s", c.path, menu, c.gopherSel, want)
		}
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "Install") {
		t.Errorf("the home does not list the section's page:\n%s", home)
	}
	_, _, post := servetest.GeminiGet(t, d, "/posts/a.gmi")
	for _, want := range []string{"=> / the docs", "=> /archive.gmi the blog"} {
		if !strings.Contains(post, want) {
			t.Errorf("the post has no line %q:\n%s", want, post)
		}
	}
	if w := fmt.Sprint(d.Store().Warnings); strings.Contains(w, "does not exist") {
		t.Errorf("warned: %s", w)
	}
}
