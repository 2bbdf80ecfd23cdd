package capsule_test

import (
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"

	"git.sr.ht/~adnano/go-gemini"
)

// Old links keep working: an old address of a post answers Gemini with a
// permanent redirect to the post, and Gopher with the post's text.
func TestOldAddressesRedirect(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hello.md": "+++\ntitle = \"やあ\"\ndate = 2017-05-03\naliases = [\"/2017/05/03/hello/\", \"old.html\"]\n+++\n本文です。\n",
		})
	})
	want := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr())) + "/posts/hello.gmi"
	for _, old := range []string{"/2017/05/03/hello/", "/old.html"} {
		if status, meta, _ := servetest.GeminiGet(t, d, old); status != gemini.StatusPermanentRedirect || meta != want {
			t.Errorf("gemini %s: %d %q, want 31 %s", old, status, meta, want)
		}
		if text := servetest.GopherGet(t, d, old+"\r\n"); !strings.Contains(text, "本文です。") {
			t.Errorf("gopher %s: %q", old, text)
		}
	}
}

// An old address that another post answers is the other post's: a
// warning names both, and both posts are served.
func TestOldAddressCollision(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.Posts = testfs.Write(t, map[string]string{
		"a.md": "+++\ntitle = \"A\"\ndate = 2020-01-01\naliases = [\"/posts/b.gmi\"]\n+++\nx\n",
		"b.md": "+++\ntitle = \"B\"\ndate = 2020-01-02\n+++\ny\n",
	})
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	warns := content.ErrorList(d.Store().Warnings).Error()
	if !strings.Contains(warns, "a.md:1: its old address /posts/b.gmi") || !strings.Contains(warns, "b.md's: not served there") {
		t.Errorf("warnings %v", warns)
	}
	if _, _, body := servetest.GeminiGet(t, d, "/posts/b.gmi"); !strings.Contains(body, "y") {
		t.Errorf("b's page: %q", body)
	}
}
