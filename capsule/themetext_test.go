package capsule_test

import (
	"strings"
	"testing"

	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// iconPost writes LoveIt's and FixIt's Font Awesome syntax, ":(classes):",
// in text, a table, a link and code, and the themes' "{?X}" escape.
const iconPost = "---\ntitle: A\ndate: 2024-01-01\n---\n" +
	"Gone camping! :(fas fa-campground): Be back soon.\n\n" +
	"| lang | done |\n| --- | --- |\n| en | :(far fa-check-square): |\n| fr | :(fa-regular fa-square fa-fw): |\n\n" +
	"[LoveIt :(far fa-heart):](https://example.com/) is a theme.\n\n" +
	"Sad :( but not an icon.\n\n" +
	"```markdown\nGone camping! {?:}(fas fa-campground): Be back soon.\n```\n"

// LoveIt, FixIt and DoIt before 0.4.1 make ":(fas fa-campground):" of a
// page's HTML an icon (function/fontawesome.html), and "{?X}" X
// (function/escape.html): capsule showed both as typed. An icon with a
// character of the same meaning (the check boxes of a table of what is
// supported) is that character; another is dropped, with a warning and
// one of its spaces. Other themes keep the text. (Found on LoveIt's and
// FixIt's documentation, ZhaoqiangCn's LoveIt blog, Lruihao's blog.)
func TestThemeIconsAndEscapes(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"LoveIt by name":  {"hugo.toml": "title = \"t\"\ntheme = \"LoveIt\"\n"},
		"FixIt by module": {"hugo.toml": "title = \"t\"\n[module]\n[[module.imports]]\npath = \"github.com/hugo-fixit/FixIt\"\n"},
		// A renamed folder on disk: its own files say.
		"theme's partial": {"hugo.toml": "title = \"t\"\ntheme = \"my-theme\"\n",
			"themes/my-theme/layouts/_partials/function/fontawesome.html": "x",
			"themes/my-theme/layouts/_partials/function/escape.html":      "x"},
	} {
		files["content/posts/a.md"] = iconPost
		d := startSite(t, testfs.Write(t, files))
		_, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi")
		text := servetest.GopherGet(t, d, "/posts/a.txt\r\n")
		for _, got := range []string{page, text} {
			for _, want := range []string{"Gone camping! Be back soon.", "☑", "☐", "LoveIt ♡", "Sad :( but not an icon."} {
				if !strings.Contains(got, want) {
					t.Errorf("%s: no %q:\n%s", name, want, got)
				}
			}
			// The code shows the syntax, the text not.
			if strings.Count(got, "Gone camping! :(fas fa-campground): Be back soon.") != 1 || strings.Contains(got, "{?") || strings.Contains(got, "fa-check-square") || strings.Contains(got, "fa-heart") {
				t.Errorf("%s: the syntax is shown:\n%s", name, got)
			}
		}
		dropped := 0
		for _, w := range d.Store().Warnings {
			if w.Kind == "icon dropped" && strings.Contains(w.Msg, "fa-campground") {
				dropped++
			}
		}
		if dropped != 1 {
			t.Errorf("%s: %d warnings of the dropped icon, want 1: %v", name, dropped, d.Store().Warnings)
		}
	}

	// Icons off in the site's params; another theme; DoIt 0.4.1 on (the
	// syntax an error there): the icons stay as typed.
	for name, files := range map[string]map[string]string{
		"params off": {"hugo.toml": "title = \"t\"\ntheme = \"LoveIt\"\n[params.page]\nfontawesome = false\n"},
		"PaperMod":   {"hugo.toml": "title = \"t\"\ntheme = \"PaperMod\"\n"},
		"DoIt 0.4.1": {"hugo.toml": "title = \"t\"\n[module]\n[[module.imports]]\npath = \"github.com/HEIGE-PCloud/DoIt\"\n", "go.mod": "module x\n\nrequire github.com/HEIGE-PCloud/DoIt v0.4.1\n"},
	} {
		files["content/posts/a.md"] = iconPost
		d := startSite(t, testfs.Write(t, files))
		if _, _, page := servetest.GeminiGet(t, d, "/posts/a.gmi"); !strings.Contains(page, ":(fas fa-campground):") || !strings.Contains(page, ":(far fa-check-square):") {
			t.Errorf("%s: the icons should stay as typed:\n%s", name, page)
		}
	}
}
