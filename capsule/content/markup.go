package content

import (
	"path/filepath"
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
	// AlertTheme is the theme whose hook draws the alerts, when it is
	// FixIt's ("fixit", fixit-bundle's too) or DoIt's ("doit"), which
	// title them in their own words (markup.Alerts.Theme); "" for
	// another's or the site's own.
	AlertTheme string
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

// hugoAlertHook reports whether a Hugo site at root, using themes
// (hugoThemes; version is go.mod's of a module, moduleVersions), has a
// blockquote render hook: layouts/_markup/render-blockquote.html
// or render-blockquote-alert.html (or under _default/) of its own or of
// a theme on disk, or a theme of alertThemes that is not on disk (named
// so, or the git submodule of that name its folder is), at or after the
// version go.mod requires when it names one; theme is the one of
// alertThemes that has it (Markup.AlertTheme), by its name.
func hugoAlertHook(root string, themes []hugoTheme, version func(module string) string) (hook bool, theme string) {
	has := func(dir string) bool {
		for _, sub := range []string{"_markup", "_default/_markup"} {
			for _, name := range []string{"render-blockquote.html", "render-blockquote-alert.html"} {
				if exists(filepath.Join(dir, "layouts", filepath.FromSlash(sub), name)) {
					return true
				}
			}
		}
		return false
	}
	if has(root) {
		return true, ""
	}
	for _, t := range themes {
		since, known := alertThemes[t.name]
		if t.dir != "" {
			if has(t.dir) {
				return true, alertThemeWords(t.name, known)
			}
			continue
		}
		if !known {
			continue
		}
		if v := version(t.path); since != "" && v != "" && semverLess(v, since) {
			continue
		}
		return true, alertThemeWords(t.name, known)
	}
	return false, ""
}

// alertThemeWords is Markup.AlertTheme for a theme named name, known
// when it is of alertThemes.
func alertThemeWords(name string, known bool) string {
	switch {
	case !known:
		return ""
	case strings.HasPrefix(name, "fixit"):
		return "fixit"
	}
	return name
}

// themeTextThemes are the Hugo themes whose templates read ":(…):" as a
// Font Awesome icon and "{?X}" as X in a page's HTML (their
// function/fontawesome.html and function/escape.html partials), by
// hugoTheme.name, with the first version that no longer reads the icons
// ("" for none: DoIt 0.4.1 made the syntax an error).
var themeTextThemes = map[string]string{"loveit": "", "fixit": "", "fixit-bundle": "", "doit": "v0.4.1"}

// hugoThemeText reports whether a Hugo site at root (configuration m,
// themes and version as for hugoAlertHook) reads Markup.ThemeIcons and Markup.ThemeEscapes: by the partial of
// the site's own layouts (layouts/_partials/function/, or partials/
// before Hugo 0.146), else of its first theme on disk that has one, else
// of a theme of themeTextThemes not on disk, at the version go.mod
// requires. Icons are on unless the site's params turn them off: the
// themes' own configuration has them on.
func hugoThemeText(root string, m map[string]any, themes []hugoTheme, version func(module string) string) (icons, escapes bool) {
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
	for _, t := range themes {
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
		if v := version(t.path); until == "" || v != "" && semverLess(v, until) {
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
