package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// PaperMod's documentation gives a post template that blogs copy whole
// (ki1989's NOM技術ブログ, a Japanese Hugo blog): its keys are the
// theme's, quiet, and its searchHidden: true leaves the post out of the
// theme's search index (index.json's "if not .Params.searchHidden"),
// not off its lists. capsule warned of six unknown keys in the one post
// and its search found the post. hiddenInHomeList, which capsule does
// not read, is still said to be ignored.
func TestPaperModTemplateKeys(t *testing.T) {
	template := "showToc: true\nTocOpen: false\nhidemeta: false\ncomments: false\ndisableHLJS: false\ndisableShare: false\n" +
		"hideSummary: false\nShowReadingTime: true\nShowBreadCrumbs: true\nShowPostNavLinks: true\nShowWordCount: true\n" +
		"ShowRssButtonInSectionTermList: true\nUseHugoToc: true\nShowCodeCopyButtons: true\ndisableAnchoredHeadings: false\n" +
		"editPost:\n  URL: \"https://github.com/example/blog/content\"\n  Text: \"Suggest Changes\"\n  appendFilePath: true\n"
	d := startSite(t, testfs.Write(t, map[string]string{
		"hugo.yaml":                 "title: 技術ブログ\nlanguageCode: ja\ntheme: [PaperMod]\n",
		"content/posts/shown.md":    "---\ntitle: 抹茶の話\ndate: 2024-06-17\n" + template + "searchHidden: false\n---\n京都の抹茶\n",
		"content/posts/hidden.md":   "---\ntitle: 隠れた抹茶\ndate: 2024-06-18\n" + template + "searchHidden: true\n---\n京都の抹茶\n",
		"content/posts/inparams.md": "---\ntitle: 表の抹茶\ndate: 2024-06-19\nparams:\n  searchHidden: true\n---\n京都の抹茶\n",
		"content/posts/offhome.md":  "---\ntitle: 家の抹茶\ndate: 2024-06-20\nhiddenInHomeList: true\n---\n京都の抹茶\n",
	}))
	_, _, found := servetest.GeminiGet(t, d, "/search?"+"%E6%8A%B9%E8%8C%B6")
	gfound := servetest.GopherGet(t, d, "/search\t抹茶\r\n")
	for _, title := range []string{"隠れた抹茶", "表の抹茶"} {
		if strings.Contains(found, title) || strings.Contains(gfound, title) {
			t.Errorf("search finds %s, hidden from it:\n%s\n%s", title, found, gfound)
		}
	}
	if !strings.Contains(found, "抹茶の話") || !strings.Contains(gfound, "抹茶の話") {
		t.Errorf("search does not find the post not hidden from it:\n%s\n%s", found, gfound)
	}
	_, _, home := servetest.GeminiGet(t, d, "/")
	for _, title := range []string{"抹茶の話", "隠れた抹茶", "表の抹茶"} {
		if !strings.Contains(home, title) {
			t.Errorf("the home page does not list %s:\n%s", title, home)
		}
	}
	unknown := 0
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "hiddenInHomeList") {
			unknown++
			continue
		}
		if strings.Contains(w.Msg, "unknown front matter key") {
			t.Errorf("warning: %v", w)
		}
	}
	if unknown != 1 {
		t.Errorf("%d warnings of hiddenInHomeList, want it said to be ignored once", unknown)
	}
}
