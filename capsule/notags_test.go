package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// A blog whose posts have no tags still has its index of tags, linked
// from every page: it was a heading and nothing, which reads as a page
// that failed. It says there are none, in the site's language, on both
// protocols.
func TestTagsIndexOfABlogWithoutTags(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "No post has a tag yet."},
		{"ja", "タグの付いた記事はまだありません。"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			d := serveDir(t, testfs.Write(t, map[string]string{
				"_index.md":         "---\ntitle: Plain\nlang: " + c.lang + "\n---\n",
				"2020-01-02-one.md": "---\ntitle: One\n---\nNo tags here.\n",
			}))
			if status, meta, body := servetest.GeminiGet(t, d, "/tags/"); status != 20 || !strings.Contains(body, "\n"+c.want+"\n") {
				t.Errorf("Gemini /tags/: %d %s, no %q line:\n%s", status, meta, c.want, body)
			}
			if menu := servetest.GopherGet(t, d, "/tags/\r\n"); !strings.Contains(menu, "i"+c.want+"\t") {
				t.Errorf("Gopher /tags/: no %q line:\n%s", c.want, menu)
			}
		})
	}
}
