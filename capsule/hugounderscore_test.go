package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"

	"git.sr.ht/~adnano/go-gemini"
)

// Hugo publishes content in folders named with "_" (Hugo 0.111 builds
// /blog/_misc/m/ and /_top/t/ from this fixture): a post there and a page
// there are served, their Hugo addresses leading to them. They were left
// out without a word (huanlin.github.io's blog/_misc/).
func TestHugoUnderscoreFoldersServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"hugo.toml":               "baseURL = \"https://example.org/\"\ntitle = \"t\"\n",
			"content/blog/a.md":       "---\ntitle: first\ndate: 2024-01-01\n---\nfirst\n",
			"content/blog/_misc/m.md": "---\ntitle: in misc\ndate: 2024-01-02\n---\nmisc text\n",
			"content/_top/t.md":       "---\ntitle: top page\n---\ntop text\n",
		})
	})
	for addr, text := range map[string]string{"/blog/_misc/m/": "misc text", "/_top/t/": "top text"} {
		status, meta, _ := servetest.GeminiGet(t, d, addr)
		if status != gemini.StatusPermanentRedirect {
			t.Errorf("%s: %d %s, want a redirect to its page", addr, status, meta)
			continue
		}
		_, u, _ := strings.Cut(strings.TrimPrefix(meta, "gemini://"), "/")
		u = "/" + u
		if status, _, body := servetest.GeminiGet(t, d, u); status != gemini.StatusSuccess || !strings.Contains(body, text) {
			t.Errorf("%s → %s: %d\n%s", addr, u, status, body)
		}
	}
	if _, _, home := servetest.GeminiGet(t, d, "/"); !strings.Contains(home, "in misc") {
		t.Errorf("the post in blog/_misc is not on the home page:\n%s", home)
	}
}
