package content

import (
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Markup is what a site's configuration turns on of the Markdown it
// writes beyond CommonMark and GFM (see package markup). Math in "$$…$$",
// "\[…\]" and "\(…\)" is always read; these are the readings a site must
// ask for, since they change what plain text means.
type Markup struct {
	// Dollar: "$…$" is inline math, as the site's math extension reads
	// it: Hugo's passthrough extension with "$" among its inline
	// delimiters, or a theme's math switch (params.math, params.katex,
	// params.mathjax = true), which loads KaTeX or MathJax with "$"
	// configured. A post's own front matter (math, katex or mathjax:
	// true) turns it on for that post (Post.Math). Jekyll's kramdown
	// never reads "$…$".
	Dollar bool
	// DollarEscaped: the site's Markdown reads "$…$" before its math
	// script does (a theme's or post's switch, not Hugo's passthrough),
	// so its backslash escapes are resolved: "$\\{x\\}$" is "$\{x\}$".
	DollarEscaped bool
	// DisplayEscaped: the site's Markdown reads "$$" blocks before its
	// math script does (Hugo without "$$" among its passthrough
	// extension's block delimiters: a paragraph to goldmark), so their
	// backslash escapes are resolved too.
	DisplayEscaped bool
	// Emoji: ":tada:" is 🎉, as Hugo's enableEmoji and Jekyll's jemoji
	// plugin make it.
	Emoji bool
	// Kramdown: the site is written for kramdown (Jekyll's Markdown,
	// unless _config.yml names another; without its parse_block_html),
	// which reads an HTML block to its first element's end tag, blank
	// lines included (see markup.KramdownHTML).
	Kramdown bool
	// HardWraps: a line break inside a paragraph is a hard one (Hugo's
	// markup.goldmark.renderer.hardWraps, kramdown's hard_wrap).
	HardWraps bool
	// Alerts: a quote whose first line is an alert's marker ("> [!NOTE]",
	// "> [!tip]+ A title") is drawn as one, its title first (see
	// markup.Alerts): Hugo (0.132 on) reads the marker for a blockquote
	// render hook, which FixIt (0.3.13 on) and DoIt (0.4.1 on) have, and
	// a site's or a theme's own layouts may (hugoAlertHook). Without a
	// hook Hugo writes the marker as text, as kramdown, Hexo's, Zola's
	// and the JavaScript generators' Markdown do.
	Alerts bool
	// ThemeIcons: ":(fas fa-campground):" is a Font Awesome icon, as
	// LoveIt's, FixIt's and DoIt's (before 0.4.1) function/fontawesome.html
	// partial makes it of a page's HTML, unless the site's
	// params.fontawesome (FixIt 1.0) or params.page.fontawesome is
	// false (see markup.ThemeText; hugoThemeText).
	ThemeIcons bool
	// ThemeEscapes: "{?X}" is X, as those themes' function/escape.html
	// makes it of every page's HTML (their documentation writes
	// "{?:}(fas fa-campground):" to show the syntax as typed).
	ThemeEscapes bool
}

// alertThemes are the Hugo themes whose blockquote render hook draws
// alerts, by hugoTheme.name, with the first version that has it
// (fixit-bundle imports FixIt's newest).
var alertThemes = map[string]string{"fixit": "v0.3.13", "fixit-bundle": "", "doit": "v0.4.1"}

// A hugoTheme is a theme a Hugo site uses, as Hugo finds it.
type hugoTheme struct {
	// dir is its folder when it is on disk (it has layouts/): what it
	// does is read from its own files there, whatever the folder's name.
	dir string
	// name, when it is not on disk, is what it is: lower case, the last
	// part of the URL of the git submodule its folder is (.gitmodules:
	// a clone without its submodules has the folder empty), else of its
	// module path or theme name.
	name string
	// path is the theme name or module path the configuration gives
	// (go.mod's version of it is its version).
	path string
}

// hugoThemes are the themes a Hugo site at root (configuration m) names
// by theme or module.imports, at most maxConfigFiles of each: on disk in
// _vendor/ (a module path) or the themes folder (themesDir, themes/
// unless set), else named.
func hugoThemes(root string, m map[string]any) []hugoTheme {
	var names []string
	if s := str(m["theme"]); s != "" {
		names = append(names, s)
	}
	names = append(names, strs(m["theme"])...)
	imports, _ := section(m, "module")["imports"].([]any)
	if len(imports) > maxConfigFiles {
		imports = imports[:maxConfigFiles]
	}
	for _, im := range imports {
		if t, ok := im.(map[string]any); ok && str(t["path"]) != "" {
			names = append(names, str(t["path"]))
		}
	}
	if t, ok := section(m, "module")["imports"].([]map[string]any); ok {
		for _, im := range t[:min(len(t), maxConfigFiles)] {
			names = append(names, str(im["path"]))
		}
	}
	themesDir := filepath.Join(root, "themes")
	if d := str(m["themesdir"]); d != "" && !filepath.IsAbs(d) {
		themesDir = filepath.Join(root, filepath.FromSlash(d))
	}
	var submodules map[string]string
	var themes []hugoTheme
	for _, name := range names {
		name = strings.TrimRight(name, "/")
		t := hugoTheme{name: strings.ToLower(path.Base(name)), path: name}
		if name == "" || strings.Contains(name, "..") {
			themes = append(themes, t)
			continue
		}
		folder := filepath.Join(themesDir, filepath.FromSlash(name))
		dirs := []string{folder}
		if strings.Contains(name, "/") {
			dirs = []string{filepath.Join(root, "_vendor", filepath.FromSlash(name)), folder}
		}
		for _, dir := range dirs {
			if isDir(filepath.Join(dir, "layouts")) {
				t.dir = dir
				break
			}
		}
		if t.dir == "" {
			if submodules == nil {
				submodules = gitSubmodules(root)
			}
			if rel, err := filepath.Rel(root, folder); err == nil {
				if url := submodules[filepath.ToSlash(rel)]; url != "" {
					t.name = strings.ToLower(strings.TrimSuffix(path.Base(strings.TrimRight(url, "/")), ".git"))
				}
			}
		}
		themes = append(themes, t)
	}
	return themes
}

// gitSubmodules are the submodules .gitmodules at root names, their
// URLs by their paths (slash-separated, from root).
func gitSubmodules(root string) map[string]string {
	data, _ := readSmall(filepath.Join(root, ".gitmodules"))
	out := make(map[string]string)
	var p, u string
	flush := func() {
		if p != "" && u != "" {
			out[path.Clean(p)] = u
		}
		p, u = "", ""
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			flush()
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		switch v = strings.Trim(strings.TrimSpace(v), `"`); strings.ToLower(strings.TrimSpace(k)) {
		case "path":
			p = v
		case "url":
			u = v
		}
	}
	flush()
	return out
}

// hugoAlertHook reports whether a Hugo site at root (configuration m)
// has a blockquote render hook: layouts/_markup/render-blockquote.html
// or render-blockquote-alert.html (or under _default/) of its own or of
// a theme on disk, or a theme of alertThemes that is not on disk (named
// so, or the git submodule of that name its folder is), at or after the
// version go.mod requires when it names one.
func hugoAlertHook(root string, m map[string]any) bool {
	hook := func(dir string) bool {
		for _, sub := range []string{"_markup", "_default/_markup"} {
			for _, name := range []string{"render-blockquote.html", "render-blockquote-alert.html"} {
				if exists(filepath.Join(dir, "layouts", filepath.FromSlash(sub), name)) {
					return true
				}
			}
		}
		return false
	}
	if hook(root) {
		return true
	}
	var gomod []byte
	for _, t := range hugoThemes(root, m) {
		if t.dir != "" {
			if hook(t.dir) {
				return true
			}
			continue
		}
		since, known := alertThemes[t.name]
		if !known {
			continue
		}
		if gomod == nil {
			gomod, _ = readSmall(filepath.Join(root, "go.mod"))
		}
		if v := requiredVersion(gomod, t.path); since != "" && v != "" && semverLess(v, since) {
			continue
		}
		return true
	}
	return false
}

// themeTextThemes are the Hugo themes whose templates read ":(…):" as a
// Font Awesome icon and "{?X}" as X in a page's HTML (their
// function/fontawesome.html and function/escape.html partials), by
// hugoTheme.name, with the first version that no longer reads the icons
// ("" for none: DoIt 0.4.1 made the syntax an error).
var themeTextThemes = map[string]string{"loveit": "", "fixit": "", "fixit-bundle": "", "doit": "v0.4.1"}

// hugoThemeText reports whether a Hugo site at root (configuration m)
// reads Markup.ThemeIcons and Markup.ThemeEscapes: by the partial of
// the site's own layouts (layouts/_partials/function/, or partials/
// before Hugo 0.146), else of its first theme on disk that has one, else
// of a theme of themeTextThemes not on disk, at the version go.mod
// requires. Icons are on unless the site's params turn them off: the
// themes' own configuration has them on.
func hugoThemeText(root string, m map[string]any) (icons, escapes bool) {
	partial := func(dir, name string) bool {
		return exists(filepath.Join(dir, "layouts", "_partials", "function", name)) ||
			exists(filepath.Join(dir, "layouts", "partials", "function", name))
	}
	iconsKnown, escapesKnown := false, false
	if partial(root, "fontawesome.html") {
		icons, iconsKnown = true, true
	}
	if partial(root, "escape.html") {
		escapes, escapesKnown = true, true
	}
	var gomod []byte
	for _, t := range hugoThemes(root, m) {
		if iconsKnown && escapesKnown {
			break
		}
		if t.dir != "" {
			if !iconsKnown && partial(t.dir, "fontawesome.html") {
				icons, iconsKnown = true, true
			}
			if !escapesKnown && partial(t.dir, "escape.html") {
				escapes, escapesKnown = true, true
			}
			continue
		}
		until, known := themeTextThemes[t.name]
		if !known {
			continue
		}
		if !escapesKnown {
			escapes, escapesKnown = true, true
		}
		if iconsKnown {
			continue
		}
		if gomod == nil {
			gomod, _ = readSmall(filepath.Join(root, "go.mod"))
		}
		if v := requiredVersion(gomod, t.path); until == "" || v != "" && semverLess(v, until) {
			icons, iconsKnown = true, true
		}
	}
	params := section(m, "params")
	for _, v := range []any{params["fontawesome"], section(params, "page")["fontawesome"]} {
		if v != nil {
			icons = icons && isTrue(v)
			break
		}
	}
	return icons, escapes
}

// requiredVersion is the version go.mod requires of module path, "" when
// it names none.
func requiredVersion(gomod []byte, module string) string {
	for line := range strings.SplitSeq(string(gomod), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && strings.EqualFold(f[0], module) {
			return f[1]
		}
	}
	return ""
}

// semverLess reports whether version a ("v0.3.12", "v1.0.0-alpha…")
// comes before b, by their numbers.
func semverLess(a, b string) bool {
	num := func(v string) [3]int {
		var n [3]int
		v, _, _ = strings.Cut(strings.TrimPrefix(v, "v"), "-")
		for i, p := range strings.SplitN(v, ".", 3) {
			n[i], _ = strconv.Atoi(p)
		}
		return n
	}
	x, y := num(a), num(b)
	return slices.Compare(x[:], y[:]) < 0
}

// hugoMarkup reads Markup from a Hugo configuration m (keys lower case,
// config/_default/markup.toml merged in as its markup section).
func hugoMarkup(m map[string]any) Markup {
	var mk Markup
	mk.Emoji = isTrue(m["enableemoji"])
	markup := section(m, "markup")
	pass := section(section(section(markup, "goldmark"), "extensions"), "passthrough")
	mk.DisplayEscaped = true
	if isTrue(pass["enable"]) {
		inline, _ := section(pass, "delimiters")["inline"].([]any)
		for _, pair := range inline {
			if p, ok := pair.([]any); ok && len(p) == 2 && str(p[0]) == "$" && str(p[1]) == "$" {
				mk.Dollar = true
			}
		}
		block, _ := section(pass, "delimiters")["block"].([]any)
		for _, pair := range block {
			if p, ok := pair.([]any); ok && len(p) == 2 && str(p[0]) == "$$" && str(p[1]) == "$$" {
				mk.DisplayEscaped = false
			}
		}
	}
	mk.HardWraps = isTrue(section(section(markup, "goldmark"), "renderer")["hardwraps"])
	params := section(m, "params")
	for _, k := range []string{"math", "katex", "mathjax"} {
		if isTrue(params[k]) && !mk.Dollar {
			mk.Dollar, mk.DollarEscaped = true, true
		}
	}
	return mk
}

// jekyllMarkup reads Markup from a Jekyll _config.yml m.
func jekyllMarkup(m map[string]any) Markup {
	var mk Markup
	switch md := strings.ToLower(strings.TrimSpace(str(m["markdown"]))); md {
	case "", "kramdown":
		// parse_block_html: kramdown reads HTML blocks' content as
		// Markdown, as CommonMark does after a blank line.
		mk.Kramdown = !isTrue(section(m, "kramdown")["parse_block_html"])
		// hard_wrap is an option of kramdown's GFM input, Jekyll's
		// default; kramdown's own input has none.
		kd := section(m, "kramdown")
		if in := strings.ToLower(str(kd["input"])); in == "" || in == "gfm" {
			mk.HardWraps = isTrue(kd["hard_wrap"])
		}
	}
	for _, key := range []string{"plugins", "gems"} {
		for _, p := range strs(m[key]) {
			if p == "jemoji" {
				mk.Emoji = true
			}
		}
	}
	return mk
}

// frontMath is whether front matter m turns "$…$" math on for its post
// (see Markup.Dollar).
func frontMath(m map[string]any) bool {
	for _, k := range []string{"math", "katex", "mathjax", "Math", "KaTeX", "MathJax"} {
		if isTrue(m[k]) {
			return true
		}
	}
	return false
}
