package content

import (
	"strings"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// Hugo's ref and relref look a page up in the language of the page that
// names it: from a Japanese page, "/posts/a" is posts/a/index.ja.md, as
// Hugo 0.111 builds it (/ja/posts/a/); a page with no Japanese version
// fails Hugo's build (REF_NOT_FOUND), where capsule leads to the page in
// the language it has. Found on a real blog (danicat/danicat.dev): its
// Japanese posts' refs led to the English posts, titled in English.
func TestRefsInTheLanguageOfThePage(t *testing.T) {
	const ref = "See [post A]({{< ref \"/posts/a\" >}}) and {{< ref \"/posts/a\" >}} and [relref]({{< relref \"../a/index.md\" >}}).\n"
	dir := testfs.Write(t, map[string]string{
		"hugo.toml":                   "baseURL = \"https://example.org/\"\ntitle = \"t\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
		"content/posts/a/index.md":    "---\ntitle: \"A\"\ndate: 2025-01-01\n---\nA.\n",
		"content/posts/a/index.ja.md": "---\ntitle: \"A.ja\"\ndate: 2025-01-01\n---\nA.ja.\n",
		"content/posts/b/index.md":    "---\ntitle: \"B\"\ndate: 2025-01-02\n---\n" + ref,
		"content/posts/b/index.ja.md": "---\ntitle: \"B.ja\"\ndate: 2025-01-02\n---\n" + ref,
		"content/posts/c/index.md":    "---\ntitle: \"C\"\ndate: 2025-01-03\n---\nC.\n",
		"content/posts/d.ja.md":       "---\ntitle: \"D.ja\"\ndate: 2025-01-04\n---\nSee {{< ref \"/posts/c\" >}}.\n",
		// lang= asks for a language; a file named with its language is
		// that one (Hugo 0.111: /posts/a/ for the first; the second fails
		// its build, REF_NOT_FOUND, where capsule takes the file named).
		"content/posts/e.ja.md": "---\ntitle: \"E.ja\"\ndate: 2025-01-05\n---\nSee {{< ref path=\"/posts/a\" lang=\"en\" >}} and [x]({{< relref path=\"/posts/a#top\" lang=\"en\" >}}).\n",
		"content/posts/f.md":    "---\ntitle: \"F\"\ndate: 2025-01-06\n---\nSee {{< ref \"/posts/a/index.ja.md\" >}} and {{< ref path=\"/posts/nowhere\" lang=\"ja\" >}}.\n",
	})
	c, err := Load(dir, LoadOptions{Settle: -1, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	body := map[string]string{}
	for _, p := range c.Posts {
		body[p.Title] = string(p.Body)
	}
	for title, want := range map[string]string{
		"B":    "See [post A](/posts/a/index.md) and [A](/posts/a/index.md) and [relref](/posts/a/index.md).",
		"B.ja": "See [post A](/posts/a/index.ja.md) and [A.ja](/posts/a/index.ja.md) and [relref](/posts/a/index.ja.md).",
		"D.ja": "See [C](/posts/c/index.md).",
		"E.ja": "See [A](/posts/a/index.md) and [x](/posts/a/index.md#top).",
		"F":    "See [A.ja](/posts/a/index.ja.md) and /posts/nowhere.",
	} {
		if got := strings.TrimSpace(body[title]); got != want {
			t.Errorf("%s: %q, want %q", title, got, want)
		}
	}
}
