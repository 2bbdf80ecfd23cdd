package capsule_test

import (
	"net/url"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
	"capsule/capsule/search"

	"git.sr.ht/~adnano/go-gemini"
)

// Search looks at what a reader reads: never at link URLs or gemtext
// syntax; it folds width and case; a query over the limit gets a clear
// refusal on both protocols.
func TestSearchReadsWhatReadersRead(t *testing.T) {
	d := servetest.Start(t, func(c *config.Config) {
		c.Posts = testfs.Write(t, map[string]string{
			"a.md": "+++\ntitle = \"道場の写真\"\ndate = 2020-01-01\ntags = [\"稽古\"]\n+++\n" +
				"今日はOpenStackとラズパイの話。\n\n![写真](images/dojo.jpg)\n\n[リンク](https://example.org/gmi/tags/)\n",
			"images/dojo.jpg": "jpeg",
		})
	})
	found := func(query string) bool {
		t.Helper()
		_, _, page := servetest.GeminiGet(t, d, "/search?"+url.QueryEscape(query))
		return strings.Contains(page, "=> /posts/a.gmi")
	}
	for _, q := range []string{"gmi", "/tags/", "DOJO", "example.org", "=>", "https"} {
		if found(q) {
			t.Errorf("search %q matched link or page syntax", q)
		}
	}
	for _, q := range []string{"道場", "ＯｐｅｎＳｔａｃｋ", "ｏｐｅｎｓｔａｃｋ", "OPENSTACK", "ﾗｽﾞﾊﾟｲ"} {
		if !found(q) {
			t.Errorf("search %q did not find the post", q)
		}
	}
	_, _, page := servetest.GeminiGet(t, d, "/search?"+url.QueryEscape("ｏｐｅｎｓｔａｃｋ"))
	if !strings.Contains(page, "OpenStack") {
		t.Errorf("excerpt does not show the match as written: %q", page)
	}

	long := strings.Repeat("の", search.MaxQueryRunes+1)
	status, meta, _ := servetest.GeminiGet(t, d, "/search?"+url.QueryEscape(long))
	if status != gemini.StatusBadRequest || !strings.Contains(meta, "too long") {
		t.Errorf("query of %d characters: %d %q", search.MaxQueryRunes+1, status, meta)
	}
	if menu := servetest.GopherGet(t, d, "/search\t"+long+"\r\n"); !strings.HasPrefix(menu, "3") || !strings.Contains(menu, "too long") {
		t.Errorf("Gopher query too long: %q", menu)
	}
}
