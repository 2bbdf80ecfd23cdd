package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// alertPost has GitHub's alerts and FixIt's forms of them.
const alertPost = "---\ntitle: A\ndate: 2024-01-01\n---\n" +
	"> [!NOTE]\n> Plain note.\n\n" +
	"> [!tip]+ My **own** title\n> Folded open.\n\n" +
	"> [!WARNING]- \n> Folded shut.\n\n" +
	"> [!TIP]~\n> No title.\n\n" +
	"> [!bug]\n> Other type.\n\n" +
	"> [!CAUTION]\n>\n> Own paragraph.\n\n" +
	"> Not [!NOTE] an alert.\n"

// Hugo (0.132 on) gives a quote whose first line is an alert's marker to
// the theme's blockquote render hook, which FixIt and DoIt have, and
// which draws it with a title: the given one, else the type's name in
// the site's language; FixIt's "~" draws none. capsule drew the marker
// as text. Without a hook Hugo writes the marker, as Jekyll's kramdown
// does: capsule keeps it there. (Found on hugo-fixit's docs, Lruihao's
// FixIt blog and DoIt's exampleSite.)
func TestAlertsDrawnWhereTheGeneratorDoes(t *testing.T) {
	hook := map[string]string{
		"hugo.toml":                              "title = \"t\"\n",
		"layouts/_markup/render-blockquote.html": "{{ .Text }}",
		"content/posts/a.md":                     alertPost,
	}
	d := startSite(t, testfs.Write(t, hook))
	_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
	menu := servetest.GopherGet(t, d, "/posts/a.txt\r\n")
	for _, want := range []string{"> Note\n> Plain note.", "> My own title\n> Folded open.", "> Warning\n> Folded shut.",
		"> No title.", "> Bug\n> Other type.", "> Caution\n", "Own paragraph.", "Not [!NOTE] an alert."} {
		if !strings.Contains(page, want) {
			t.Errorf("Gemini: no %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "[!") && strings.Count(page, "[!") != 1 || strings.Contains(page, "~") || strings.Contains(menu, "[!tip]") || strings.Contains(menu, "[!WARNING]") {
		t.Errorf("a marker is drawn:\n%s\n%s", page, menu)
	}
	if !strings.Contains(menu, "Note") || !strings.Contains(menu, "My own title") {
		t.Errorf("Gopher: no titles:\n%s", menu)
	}

	// In Japanese, by FixIt as a module.
	d = startSite(t, testfs.Write(t, map[string]string{
		"hugo.toml":          "title = \"t\"\nlanguageCode = \"ja\"\n[module]\n[[module.imports]]\npath = \"github.com/hugo-fixit/FixIt\"\n",
		"content/posts/a.md": alertPost,
	}))
	if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "> 注意\n> Plain note.") || !strings.Contains(page, "> 警告\n") {
		t.Errorf("Japanese: no 注意, 警告 (FixIt's ja.toml):\n%s", page)
	}

	// No hook (LoveIt), an old FixIt, Jekyll: the markers stay.
	for name, files := range map[string]map[string]string{
		"LoveIt":    {"hugo.toml": "title = \"t\"\ntheme = \"LoveIt\"\n", "content/posts/a.md": alertPost},
		"FixIt 0.2": {"hugo.toml": "title = \"t\"\n[module]\n[[module.imports]]\npath = \"github.com/hugo-fixit/FixIt\"\n", "go.mod": "module x\n\nrequire github.com/hugo-fixit/FixIt v0.2.18 // indirect\n", "content/posts/a.md": alertPost},
		"Jekyll":    {"_config.yml": "title: t\n", "_posts/2024-01-01-a.md": alertPost},
	} {
		d := startSite(t, testfs.Write(t, files))
		if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, "> [!NOTE]") || !strings.Contains(page, "[!tip]+ My own title") {
			t.Errorf("%s: the markers should stay:\n%s", name, page)
		}
	}
}

// Hugo uses a theme by its folder, whatever the folder's name: a FixIt
// pinned as a git submodule under another name (themes/FixIt-0.3, as
// .gitmodules says, the folder empty in a clone without its submodules)
// draws alerts, and a folder named fixit that is LoveIt's submodule does
// not; capsule went by the folder's name. A renamed theme on disk is
// read by its own layouts.
func TestAlertsThemeKnownByItsFiles(t *testing.T) {
	for name, c := range map[string]struct {
		files map[string]string
		drawn bool
	}{
		"FixIt submodule renamed": {map[string]string{"hugo.toml": "title = \"t\"\ntheme = \"FixIt-0.3\"\n",
			".gitmodules":            "[submodule \"themes/FixIt-0.3\"]\n\tpath = themes/FixIt-0.3\n\turl = https://github.com/hugo-fixit/FixIt.git\n",
			"themes/FixIt-0.3/.keep": ""}, true},
		"LoveIt submodule named fixit": {map[string]string{"hugo.toml": "title = \"t\"\ntheme = \"fixit\"\n",
			".gitmodules": "[submodule \"fixit\"]\n\tpath = themes/fixit\n\turl = git@github.com:dillonzq/LoveIt.git\n"}, false},
		"renamed folder with the hook": {map[string]string{"hugo.toml": "title = \"t\"\ntheme = \"loveit-custom\"\n",
			"themes/loveit-custom/theme.toml":                                   "name = \"LoveIt\"\n",
			"themes/loveit-custom/layouts/_markup/render-blockquote-alert.html": "{{ .Text }}"}, true},
		"FixIt on disk without the hook": {map[string]string{"hugo.toml": "title = \"t\"\ntheme = \"FixIt\"\n",
			"themes/FixIt/theme.toml": "name = \"FixIt\"\n", "themes/FixIt/layouts/single.html": "{{ .Content }}"}, false},
	} {
		c.files["content/posts/a.md"] = alertPost
		d := startSite(t, testfs.Write(t, c.files))
		_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
		if drawn := strings.Contains(page, "> Note\n> Plain note.") && !strings.Contains(page, "[!NOTE]\n"); drawn != c.drawn {
			t.Errorf("%s: alerts drawn %v, want %v:\n%s", name, drawn, c.drawn, page)
		}
	}
}

// FixIt titles an alert that gives none in its own i18n words: the basic
// syntax ("> [!NOTE]") by its [alert] table, any other (a sign, another
// type) by its [admonition] table, of the type its aliases make of it
// (hint is tip, caution warning); DoIt titles it with its type
// capitalised, in any language. capsule used its own table's words
// (备注 for 注意, 提示 for 技巧, Hint, Caution). Words the operator gives
// ([messages] alert_note) are still the operator's.
func TestAlertsInTheThemesWords(t *testing.T) {
	post := "---\ntitle: A\ndate: 2024-01-01\n---\n" +
		"> [!NOTE]\n> One.\n\n> [!tip]+\n> Two.\n\n> [!hint]\n> Three.\n\n" +
		"> [!caution]-\n> Four.\n\n> [!CAUTION]\n> Five.\n\n> [!center] Given\n> Six.\n"
	fixit := "[module]\n[[module.imports]]\npath = \"github.com/hugo-fixit/FixIt\"\n"
	for _, c := range []struct {
		name, config string
		messages     map[string]string
		want         []string
	}{
		{"FixIt zh-CN", "languageCode = \"zh-CN\"\n" + fixit, nil,
			[]string{"> 注意\n> One.", "> 技巧\n> Two.", "> 技巧\n> Three.", "> 警告\n> Four.", "> 小心\n> Five.", "> Six."}},
		{"FixIt ja", "languageCode = \"ja\"\n" + fixit, nil,
			[]string{"> 注意\n> One.", "> ヒント\n> Two.", "> 警告\n> Four.", "> 慎重\n> Five."}},
		{"FixIt en", fixit, nil,
			[]string{"> Note\n> One.", "> Tip\n> Three.", "> Warning\n> Four.", "> Caution\n> Five."}},
		{"FixIt zh-CN, the operator's word", "languageCode = \"zh-CN\"\n" + fixit, map[string]string{"alert_note": "留意"},
			[]string{"> 留意\n> One.", "> 提示\n> Two.", "> Hint\n> Three."}},
		{"DoIt zh-CN", "languageCode = \"zh-CN\"\ntheme = \"DoIt\"\n", nil,
			[]string{"> Note\n> One.", "> Tip\n> Two.", "> Hint\n> Three.", "> Caution\n> Four.", "> Caution\n> Five.", "> Given\n> Six."}},
	} {
		posts := testfs.Write(t, map[string]string{"hugo.toml": "title = \"t\"\n" + c.config, "content/posts/a.md": post})
		d := servetest.Start(t, func(cfg *config.Config) { cfg.Posts, cfg.Messages = posts, c.messages })
		_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
		for _, want := range c.want {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %q:\n%s", c.name, want, page)
			}
		}
		if c.name != "DoIt zh-CN" && strings.Contains(page, "Given") {
			t.Errorf("%s: FixIt's center type draws no title:\n%s", c.name, page)
		}
	}
}
