package capsule_test

import (
	"strconv"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
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

// Hugo's aliases are placed as Hugo 0.165 writes them: one written
// relative is beside the page (in its address's folder), one from the
// root of a page in another language than the default one is under the
// language's folder, and also, where no other page's alias is, as
// written, where Hugo before 0.155 put it. Each leads to its own
// translation, on both protocols, with no warning: the French page's
// relative alias is no longer a root address taken from the English one.
func TestHugoAliasesOfTranslations(t *testing.T) {
	cfg := servetest.Config(t)
	cfg.Posts = testfs.Write(t, map[string]string{
		"hugo.toml":                     "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/blog/libs/index.md":    "---\ntitle: Libs\ndate: 2024-01-01\naliases: [old-libs, /abs-en/, /shared/]\n---\nEnglish text\n",
		"content/blog/libs/index.fr.md": "---\ntitle: Bibliothèques\ndate: 2024-01-01\naliases: [old-libs, /abs-fr/, /fr/written/, /shared/]\n---\nTexte français\n",
	})
	if _, err := daemon.Check(cfg); err != nil {
		t.Errorf("-check: %v", err)
	}
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	if w := content.ErrorList(d.Store().Warnings).Error(); strings.Contains(w, "taken") || strings.Contains(w, "not served") {
		t.Errorf("warnings: %s", w)
	}
	base := "gemini://localhost:" + strconv.Itoa(servetest.Port(d.GeminiAddr()))
	for old, to := range map[string]string{
		"/blog/old-libs/": "/posts/libs.gmi", "/abs-en/": "/posts/libs.gmi", "/shared/": "/posts/libs.gmi",
		"/fr/blog/old-libs/": "/fr/posts/libs.gmi", "/fr/abs-fr/": "/fr/posts/libs.gmi", "/fr/written/": "/fr/posts/libs.gmi",
		"/fr/shared/": "/fr/posts/libs.gmi", "/abs-fr/": "/fr/posts/libs.gmi",
	} {
		if status, meta, _ := servetest.GeminiGet(t, d, old); status != gemini.StatusPermanentRedirect || meta != base+to {
			t.Errorf("gemini %s: %d %q, want 31 %s", old, status, meta, base+to)
		}
		text := servetest.GopherGet(t, d, old+"\r\n")
		if want := map[bool]string{false: "English text", true: "Texte français"}[strings.HasPrefix(to, "/fr/")]; !strings.Contains(text, want) {
			t.Errorf("gopher %s: %q, want %q", old, text, want)
		}
	}
	for _, gone := range []string{"/old-libs", "/fr/fr/written/"} {
		if status, _, _ := servetest.GeminiGet(t, d, gone); status == gemini.StatusPermanentRedirect {
			t.Errorf("gemini %s: still a redirect", gone)
		}
	}
}
