package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// kramdown's {::comment} … {:/comment} hides its text from the page
// Jekyll builds; authors keep there what readers must not see yet. It is
// in neither the Gemini page, the Gopher text nor a search's results.
func TestKramdownCommentsAreNotServed(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"_config.yml": "title: Blog\n",
			"_posts/2020-01-01-hello.md": "---\ntitle: Hello\n---\nVisible text.\n\n" +
				"{::comment}\nTODO: do not publish the client's name (ACME Corp) yet\n{:/comment}\n\n" +
				"More text, {::comment}ACME inline{:/comment}here.\n",
		})
	})
	_, _, page := servetest.GeminiGet(t, d, "/posts/hello.gmi")
	text := servetest.GopherGet(t, d, "/posts/hello.txt\r\n")
	_, _, found := servetest.GeminiGet(t, d, "/search?ACME")
	if !strings.Contains(found, "No post contains") {
		t.Errorf("a search finds the comment's text:\n%s", found)
	}
	for name, got := range map[string]string{"gemtext": page, "gopher text": text} {
		if strings.Contains(got, "ACME") || strings.Contains(got, "comment}") {
			t.Errorf("%s shows the comment:\n%s", name, got)
		}
	}
	for name, got := range map[string]string{"gemtext": page, "gopher text": text} {
		if !strings.Contains(got, "Visible text.") || !strings.Contains(got, "More text, here.") {
			t.Errorf("%s lost the text around the comment:\n%s", name, got)
		}
	}
}
