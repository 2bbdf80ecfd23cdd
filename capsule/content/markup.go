package content

import (
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
