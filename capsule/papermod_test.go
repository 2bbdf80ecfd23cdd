package capsule_test

import (
	"maps"
	"slices"
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
// and its search found the post. hiddenInHomeList is PaperMod's too
// (TestPaperModHiddenInHomeList): not said to be ignored.
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
	for _, w := range d.Store().Warnings {
		if strings.Contains(w.Msg, "unknown front matter key") {
			t.Errorf("warning: %v", w)
		}
	}
}

// PaperMod's list.html keeps on its home page only the posts for which
// where "Params.hiddenInHomeList" "!=" "true" holds: those without the
// key and those whose value is a string other than "true"; a boolean,
// false too, or a number leaves the post off (as Hugo 0.111 builds a
// fixture of each), which stays in the archive and its section. capsule
// listed them all on the home page and said the key was ignored. On
// another theme's site the key is nothing: said to be ignored, the post
// listed.
func TestPaperModHiddenInHomeList(t *testing.T) {
	posts := map[string]string{
		"content/posts/none.md":     "---\ntitle: Keyless\ndate: 2024-06-01\n---\nx\n",
		"content/posts/true.md":     "---\ntitle: BoolTrue\ndate: 2024-06-02\nhiddenInHomeList: true\n---\nx\n",
		"content/posts/false.md":    "---\ntitle: BoolFalse\ndate: 2024-06-03\nhiddenInHomeList: false\n---\nx\n",
		"content/posts/strtrue.md":  "---\ntitle: StringTrue\ndate: 2024-06-04\nhiddeninhomelist: \"true\"\n---\nx\n",
		"content/posts/strfalse.md": "---\ntitle: StringFalse\ndate: 2024-06-05\nhiddenInHomeList: \"false\"\n---\nx\n",
		"content/posts/strTrue.md":  "---\ntitle: StringCapital\ndate: 2024-06-06\nhiddenInHomeList: \"True\"\n---\nx\n",
		"content/posts/one.md":      "---\ntitle: NumberOne\ndate: 2024-06-07\nhiddenInHomeList: 1\n---\nx\n",
		"content/posts/params.md":   "---\ntitle: InParams\ndate: 2024-06-08\nparams:\n  hiddenInHomeList: true\n---\nx\n",
	}
	shown := []string{"Keyless", "StringFalse", "StringCapital"}
	hidden := []string{"BoolTrue", "BoolFalse", "StringTrue", "NumberOne", "InParams"}
	for _, site := range []struct{ name, config string }{
		{"PaperMod", "theme: [PaperMod]\n"},
		{"PaperMod module", "module:\n  imports:\n    - path: github.com/adityatelange/hugo-PaperMod\n"},
		{"Ananke", "theme: ananke\n"},
	} {
		files := map[string]string{"hugo.yaml": "title: t\n" + site.config}
		maps.Copy(files, posts)
		d := startSite(t, testfs.Write(t, files))
		_, _, home := servetest.GeminiGet(t, d, "/")
		gHome := servetest.GopherGet(t, d, "\r\n")
		_, _, archive := servetest.GeminiGet(t, d, "/archive.gmi")
		paperMod := site.name != "Ananke"
		for _, title := range append(shown, hidden...) {
			want := !paperMod || slices.Contains(shown, title)
			if strings.Contains(home, title) != want || strings.Contains(gHome, title) != want {
				t.Errorf("%s: %s on the home page: %v, want %v:\n%s\n%s", site.name, title, !want, want, home, gHome)
			}
			if !strings.Contains(archive, title) {
				t.Errorf("%s: %s not in the archive:\n%s", site.name, title, archive)
			}
		}
		said := false
		for _, w := range d.Store().Warnings {
			said = said || strings.Contains(w.Msg, "hiddenInHomeList")
		}
		if said == paperMod {
			t.Errorf("%s: hiddenInHomeList said to be ignored: %v, want %v", site.name, said, !paperMod)
		}
	}
}
