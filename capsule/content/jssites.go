package content

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"
	"unicode"
)

// Eleventy's and Astro's sites: their configuration is JavaScript, which
// capsule never runs. What a simple scan of it tells is read (Eleventy's
// input folder, its passthrough copies); the rest is Eleventy's and
// Astro's defaults. Their content folder is then read as a Hugo one is,
// sections and all, with no page bundles: an index.md is a page of its
// folder, not the owner of the Markdown beside it.

// Generator names of a JavaScript site (folder.gen).
const (
	genEleventy = "eleventy"
	genAstro    = "astro"
)

// eleventyConfigNames and astroConfigNames are the files that make a
// folder an Eleventy or an Astro site, in the order their tools take them.
var (
	eleventyConfigNames = []string{"eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js"}
	astroConfigNames    = []string{"astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts", "astro.config.cjs"}
)

// staticDir is a folder served as it is, at target ("" for the top).
type staticDir struct {
	dir, target string
}

// findJSSite says whether dir is the root of an Eleventy or an Astro site
// (or forced names one), and makes it the folder; ok is false when it is
// neither.
func findJSSite(dir, forced string) (f folder, ok bool) {
	gen, file := "", ""
	var cli eleventyArgs
	if forced == "" || forced == LayoutEleventy {
		cli = eleventyCommand(dir)
		if file = firstExisting(dir, eleventyConfigNames); file != "" {
			gen = genEleventy
		} else if cli.config != "" {
			gen, file = genEleventy, cli.config
		} else if b, err := os.ReadFile(filepath.Join(dir, "package.json")); err == nil && bytes.Contains(b, []byte(`"@11ty/eleventy"`)) {
			gen, file = genEleventy, "package.json (@11ty/eleventy)"
		} else if cli.runs {
			gen, file = genEleventy, "package.json (a script runs eleventy)"
		}
	}
	if gen == "" && (forced == "" || forced == LayoutAstro) {
		if file = firstExisting(dir, astroConfigNames); file != "" {
			gen = genAstro
		}
	}
	switch {
	case gen == "" && forced == LayoutEleventy:
		gen = genEleventy
	case gen == "" && forced == LayoutAstro:
		gen = genAstro
	case gen == "":
		return folder{}, false
	}
	f = folder{layout: layoutHugo, gen: gen, root: dir, content: dir, dirData: make(map[string]eleventyDirFacts)}
	f.config = siteConfig{contentDir: ".", file: file}
	names := map[string]string{genEleventy: "Eleventy", genAstro: "Astro"}
	f.why = names[gen] + "'s " + file
	if forced != "" {
		f.why = "layout = \"" + gen + "\""
	}
	switch gen {
	case genEleventy:
		cfg, _ := os.ReadFile(filepath.Join(dir, cmp.Or(cli.config, firstExisting(dir, eleventyConfigNames))))
		f.config.jsOutput = cli.output
		if in := cmp.Or(eleventyInput(cfg), cli.input); in != "" {
			f.config.contentDir = in
		} else if isDir(filepath.Join(dir, "content")) && !isDir(filepath.Join(dir, "posts")) {
			// eleventy-base-blog's: `input: "content"` in an exported
			// object the scan may miss.
			f.config.contentDir = "content"
		}
		f.static = eleventyPassthrough(cfg)
		for i, s := range f.static {
			// A path inside the input folder is written without it
			// (src/js at /js/), unless given its own target.
			if in := filepath.ToSlash(f.config.contentDir); s.target == filepath.ToSlash(s.dir) && in != "." {
				if rest, ok := strings.CutPrefix(s.target, in+"/"); ok {
					f.static[i].target = rest
				}
			}
		}
		// markdown-it's breaks (setLibrary("md", markdownIt({ breaks:
		// true }))): a line break where the Markdown breaks a line.
		f.config.markup.HardWraps = markdownItBreaks.Match(cfg)
		f.config.title, f.config.description, f.config.lang, f.config.perLang = eleventyMeta(dir, f.config.contentDir, cfg)
		f.eleventy = eleventyReadSite(dir, f.config.contentDir, cmp.Or(cli.config, firstExisting(dir, eleventyConfigNames)), cfg)
		if f.config.lang == "" {
			f.config.lang = eleventyLayoutLang(dir, f.config.contentDir, cfg)
		}
	case genAstro:
		cfg, _ := os.ReadFile(filepath.Join(dir, firstExisting(dir, astroConfigNames)))
		f.config.lang, f.config.locales = astroI18n(dir, cfg)
		if w, ok := readAstroWind(dir); ok && f.config.lang == "" && len(f.config.locales) == 0 {
			// AstroWind's layouts write lang={language}, its
			// src/config.yaml's i18n.language.
			f.config.lang = w.lang
		}
		f.config.title, f.config.description = astroMeta(dir, cfg)
		f.astroMDX = astroReadsMDX(dir, cfg)
		f.config.contentDir = filepath.Join("src", "pages")
		// (MDX entries alone make it the posts' folder too: each is
		// named in a warning there, not lost behind src/pages.)
		if isDir(filepath.Join(dir, "src", "content")) && hasFileWith(filepath.Join(dir, "src", "content"), ".md", ".markdown", ".mdx") {
			f.config.contentDir = filepath.Join("src", "content")
		} else if base := astroGlobBase(dir); base != "" {
			f.config.contentDir = base
		}
		f.astroRoutes, f.astroFileFormat, f.astroRouteWarns = astroRoutes(dir, f.config.contentDir, cfg)
		var idWarns []*FileError
		f.astroIDs, idWarns = astroGeneratedIDs(dir, f.config.contentDir, f.astroRoutes)
		f.astroRouteWarns = append(f.astroRouteWarns, idWarns...)
		folders, all := astroCollectionFoldersAll(dir)
		if all {
			folders = astroAutoCollections(dir, folders)
		}
		f.astroUnrouted = astroUnrouted(dir, f.config.contentDir, cfg, folders)
		if pages := filepath.Join("src", "pages"); f.config.contentDir != pages {
			f.astroPages = filepath.Join(dir, pages)
			f.astroBase, f.astroBaseKnown = astroSiteBase(dir, cfg)
			f.astroFileFormat = f.astroFileFormat || astroFileFormat.Match(cfg)
		}
		f.static = []staticDir{{dir: "public"}}
		if bytes.Contains(cfg, []byte("remark-math")) || bytes.Contains(cfg, []byte("remarkMath")) {
			// remark-math reads "$…$" as math (fuwari's), as written,
			// before any Markdown escape: so does the site's Markdown
			// here ("$a*b*c$" was emphasis, "$\{1, 2\}$" lost its "\").
			f.config.markup.Dollar = true
		}
	}
	f.content = filepath.Join(dir, f.config.contentDir)
	return f, true
}

// Astro's i18n, as its configuration writes it: i18n: { defaultLocale:
// "en", locales: ["en", "ja"] }. Sites following Astro's i18n recipe
// without the routing keep the default in their own code instead: a
// defaultLocale, defaultLanguage or defaultLang constant.
var (
	defaultLocalePattern = regexp.MustCompile(`\bdefault(?:Locale|Language|Lang)\s*(?::\s*[A-Za-z_.]+\s*)?[=:]\s*["']([A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*)["']`)
	localesPattern       = regexp.MustCompile(`\blocales\s*:\s*\[([^\]]*)\]`)
	jsStringPattern      = regexp.MustCompile(`["']([^"'\n]*)["']`)
)

// astroI18n is the default language (lower case, "" if none is found)
// and the locales of an Astro site, by a scan of its configuration cfg
// and, for the default, of the files its i18n recipes keep it in.
func astroI18n(dir string, cfg []byte) (def string, locales []string) {
	if m := localesPattern.FindSubmatch(cfg); m != nil {
		for _, l := range jsStringPattern.FindAllSubmatch(m[1], -1) {
			if code := strings.ToLower(string(l[1])); langPattern.MatchString(code) {
				locales = append(locales, code)
			}
		}
	}
	srcs := [][]byte{cfg}
	for _, pattern := range []string{"src/consts.*", "src/config.*", "src/i18n.*", "src/config/*", "src/i18n/*"} {
		files, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
		for _, file := range files {
			if hasExt(file, ".ts", ".js", ".mjs") {
				if b, err := readSmall(file); err == nil {
					srcs = append(srcs, b)
				}
			}
		}
	}
	for _, b := range srcs {
		if m := defaultLocalePattern.FindSubmatch(b); m != nil {
			return strings.ToLower(strings.ReplaceAll(string(m[1]), "_", "-")), locales
		}
	}
	if len(locales) == 0 {
		if lang := astroLayoutLang(dir); lang != "" {
			return lang, nil
		}
		return astroConstLang(dir, srcs[1:]), nil
	}
	return "", locales
}

// astroHTMLLangConst is a layout's <html lang> computed from a constant's
// lang field, as AstroPaper writes it: lang={`${SITE.lang ?? "en"}`}
// (version 5, its src/config.ts's SITE), LOCALE.lang in version 4.
var astroHTMLLangConst = regexp.MustCompile(`<html\b[^>]*?\slang\s*=\s*\{?\s*` + "`?" + `\s*(?:\$\{)?\s*([A-Za-z_$][\w$]*)\.lang\b`)

// astroConstLang is the language an Astro site's layouts compute from a
// constant's lang field (astroHTMLLangConst), when every layout that
// computes one names the same constant and one of srcs (the files
// astroI18n reads: src/config.ts…) defines it as an object literal
// whose own lang is a literal: export const SITE = { …, lang: "ja" }.
// chronicle (junichiro), an AstroPaper blog of 19 Japanese posts, was
// served as English. A field left empty, or computed, says nothing: "".
func astroConstLang(dir string, srcs [][]byte) string {
	name := layoutsAgree(astroHTMLFiles(dir), astroHTMLLangConst, func(name string) string { return name })
	if name == "" {
		return ""
	}
	def := regexp.MustCompile(`\b(?:const|let|var)\s+` + regexp.QuoteMeta(name) + `\b[^=;{]*=\s*\{`)
	for _, b := range srcs {
		loc := def.FindIndex(b)
		if loc == nil {
			continue
		}
		code := objectStringField(b[loc[1]:], "lang")
		if langPattern.MatchString(strings.ToLower(code)) {
			return strings.ToLower(strings.ReplaceAll(code, "_", "-"))
		}
		return ""
	}
	return ""
}

// astroFieldValue is a field's string literal, at the start of a field.
var astroFieldValue = regexp.MustCompile(`^([A-Za-z_$][\w$]*)\s*:\s*(?:"([^"\n]*)"|'([^'\n]*)')`)

// objectStringField is the string literal of field key of the object
// literal whose body src starts (after its "{"), its own field, not a
// nested object's: "" when it has none, or not as a literal. It reads
// src once, skipping strings and comments (jsSkipLiteral) and nested
// braces, up to the object's end.
func objectStringField(src []byte, key string) string {
	depth := 0
	for i := 0; i < len(src); i++ {
		if j := jsSkipLiteral(src, i, len(src)); j < 0 {
			return ""
		} else if j > i {
			i = j
			continue
		}
		switch src[i] {
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			if depth == 0 {
				return "" // the object's end
			}
			depth--
		default:
			if depth != 0 || (i > 0 && isIdentByte(src[i-1])) {
				continue
			}
			if m := astroFieldValue.FindSubmatch(src[i:]); m != nil && string(m[1]) == key {
				return string(m[2]) + string(m[3])
			}
		}
	}
	return ""
}

// isIdentByte says whether c may be part of a JavaScript name (ASCII).
func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// astroHTMLLang is a layout's <html lang="ja">, the language written as
// a literal (not lang={lang}, which a page computes).
var astroHTMLLang = regexp.MustCompile(`<html\b[^>]*?\slang\s*=\s*["']([A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*)["']`)

// maxLayoutFiles bounds the layouts astroLayoutLang reads, each at most
// readSmall's megabyte: a site has a handful.
const maxLayoutFiles = 64

// maxAstroFiles bounds the .astro files under src/ that astroHTMLFiles
// reads to find those writing <html, each at most readSmall's megabyte:
// the real Astro blogs seen have at most 79 (astrowind).
const maxAstroFiles = 256

// astroLayoutLang is the language an Astro site's layouts write in
// their <html lang="…">, when they all write the same one; "" when none
// does, or they differ. A Japanese blog often says its language nowhere
// else (machu/diary's 1,507 posts were served as English, with English
// labels). Astro has no fixed layouts folder: the layouts are the .astro
// files under src/ that write <html (astroHTMLFiles).
func astroLayoutLang(dir string) string {
	return layoutLang(astroHTMLFiles(dir))
}

// astroHTMLPattern is the start of an <html element.
var astroHTMLPattern = regexp.MustCompile(`<html\b`)

// astroHTMLFiles are the .astro files under dir's src/ that write an
// <html element: the site's layouts, in src/layouts/ by convention but
// wherever the site keeps them (homimemo's are in src/layout/, abta's in
// src/components/, and some pages write their own). Those of
// src/layouts/ come first; at most maxAstroFiles .astro files are read,
// and at most maxLayoutFiles returned. Folders named by a dot or
// node_modules are not entered.
func astroHTMLFiles(dir string) []string {
	src := filepath.Join(dir, "src")
	layouts := filepath.Join(src, "layouts")
	files, _ := filepath.Glob(filepath.Join(layouts, "*.astro"))
	files = files[:min(len(files), maxAstroFiles)]
	_ = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path != src && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if len(files) >= maxAstroFiles {
			return filepath.SkipAll
		}
		if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".astro") && filepath.Dir(path) != layouts {
			files = append(files, path)
		}
		return nil
	})
	var out []string
	for _, file := range files {
		if len(out) == maxLayoutFiles {
			break
		}
		if b, err := readSmall(file); err == nil && astroHTMLPattern.Match(b) {
			out = append(out, file)
		}
	}
	return out
}

// layoutLang is the language the layouts files write in their <html
// lang="…">, lower case, when they all write the same one; "" when none
// does, or they differ. At most maxLayoutFiles are read.
func layoutLang(files []string) string {
	return layoutsAgree(files, astroHTMLLang, func(code string) string { return strings.ToLower(strings.ReplaceAll(code, "_", "-")) })
}

// layoutsAgree is what re's first group matches in the layout files
// that it matches in, put through norm, when they all agree; "" when it
// matches in none, or they differ: which is the site's is not capsule's
// to guess. At most maxLayoutFiles are read.
func layoutsAgree(files []string, re *regexp.Regexp, norm func(string) string) string {
	found := ""
	for i, file := range files {
		if i == maxLayoutFiles {
			break
		}
		b, err := readSmall(file)
		if err != nil {
			continue
		}
		m := re.FindSubmatch(b)
		if m == nil {
			continue
		}
		v := norm(string(m[1]))
		if found != "" && v != found {
			return ""
		}
		found = v
	}
	return found
}

// astroGlobPattern finds the folder of an Astro content collection's
// glob loader: glob({ pattern: "**/*.{md,mdx}", base: "./src/data/blog" }),
// a brace of the pattern, in its quotes, not taken for the object's end.
//
// The base may also be a constant of the same file, as AstroPaper's is
// (export const BLOG_PATH = "src/data/blog"; … base: `./${BLOG_PATH}`,
// or base: BLOG_PATH): its literal is followed, nothing further.
var astroGlobPattern = regexp.MustCompile(`\bglob\s*\(\s*\{(?:[^}"'` + "`" + `]|"[^"\n]*"|'[^'\n]*'|` + "`[^`\\n]*`" + `)*?\bbase\s*:\s*(?:["']([^"'\n]+)["']|` + "`" + `([^` + "`" + `\n]*)` + "`" + `|([A-Za-z_$][\w$]*))`)

// astroGlobConst is a template literal's one constant: `./${BLOG_PATH}`.
var astroGlobConst = regexp.MustCompile(`\$\{\s*([A-Za-z_$][\w$]*)\s*\}`)

// maxGlobBase bounds the folder a glob's base names with its constants
// put in: PATH_MAX, more than any folder a site has.
const maxGlobBase = 4096

// astroGlobBaseValue is the folder a glob loader's base match m names:
// its string, or its template literal or name with the constants of
// lits (the configuration's) put in; "" when one is not a literal there.
func astroGlobBaseValue(lits *jsConsts, m [][]byte) string {
	unquote := func(lit string) string {
		if len(lit) >= 2 && (lit[0] == '"' || lit[0] == '\'') {
			return lit[1 : len(lit)-1]
		}
		return ""
	}
	switch {
	case m[1] != nil:
		return string(m[1])
	case m[2] != nil:
		// A folder's name is short: one of constants put in again and
		// again (${A}${A}…, each a long string) is none, and is not made
		// (a megabyte's configuration made gigabytes).
		ok, n := true, 0
		out := astroGlobConst.ReplaceAllStringFunc(string(m[2]), func(ref string) string {
			v := unquote(lits.of(astroGlobConst.FindStringSubmatch(ref)[1]))
			if n += len(v); n > maxGlobBase {
				v = ""
			}
			ok = ok && v != ""
			return v
		})
		if !ok || strings.Contains(out, "${") {
			return ""
		}
		return out
	case m[3] != nil:
		return unquote(lits.of(string(m[3])))
	}
	return ""
}

// astroGlobBase is the folder of an Astro site's content collections
// kept outside src/content, as its content configuration's glob loaders
// name them (literally): the one folder, or the folder holding them all,
// a collection a section; "" when the scan finds none with Markdown.
func astroGlobBase(dir string) string {
	var cfg []byte
	for _, name := range []string{"src/content.config.ts", "src/content.config.js", "src/content.config.mjs", "src/content/config.ts", "src/content/config.js", "src/content/config.mjs"} {
		if b, err := readSmall(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			cfg = b
			break
		}
	}
	var bases []string
	lits := &jsConsts{src: cfg}
	for _, m := range astroGlobPattern.FindAllSubmatch(cfg, -1) {
		value := astroGlobBaseValue(lits, m)
		base := filepath.Clean(filepath.FromSlash(strings.TrimPrefix(value, "./")))
		if value == "" || base == "." || strings.HasPrefix(base, "..") || filepath.IsAbs(base) || !hasMarkdown(filepath.Join(dir, base)) {
			continue
		}
		bases = append(bases, base)
	}
	if len(bases) == 0 {
		return ""
	}
	common := bases[0]
	for _, b := range bases[1:] {
		for common != "." && b != common && !strings.HasPrefix(b, common+string(filepath.Separator)) {
			common = filepath.Dir(common)
		}
	}
	if common == "." || common == "src" {
		// Collections far apart: the folder of all would be the site's
		// code too. The first is read.
		return bases[0]
	}
	return common
}

// The site's title and description, where Eleventy's and Astro's starters
// keep them: Eleventy's global data (_data/metadata.js, as the base blog
// has it, or site.json…), Astro's src/consts.ts (SITE_TITLE and
// SITE_DESCRIPTION, as its blog template has them), else the host of
// astro.config's site. A literal scan, as for the configuration: the
// site file and -title say it surely, and come first (applyMeta).
var (
	eleventyDataPattern = regexp.MustCompile(`\bdata\s*:\s*["']([^"'\n]+)["']`)
	// SITE_TITLE = "…", or an object's TITLE: "…" (astro-micro's
	// export const SITE = { TITLE: "…", DESCRIPTION: "…" }).
	astroConstPattern = regexp.MustCompile(`\b(?:SITE_|SITE\.)?(TITLE|DESCRIPTION)\s*(?::\s*[A-Za-z]+\s*)?[=:]\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|` + "`([^`$\\n]*)`" + `)`)
	// export const SITE: Site = { … }, and its NAME or TITLE.
	astroSiteObject  = regexp.MustCompile(`\bSITE\s*(?::\s*[A-Za-z]+\s*)?=\s*\{([^{}]*)\}`)
	astroNamePattern = regexp.MustCompile(`\b(?:NAME|TITLE)\s*:\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')`)
	exampleHost      = regexp.MustCompile(`(?i)(^|\.)(example\.(com|org|net)|localhost)$`)
	astroSitePattern = regexp.MustCompile(`\bsite\s*:\s*["']https?://([^/"'\n:]+)`)
)

// eleventyMeta reads the title and description of an Eleventy site from
// its global data folder: dir.data of the configuration, relative to
// the input folder in, else its _data.
func eleventyMeta(dir, in string, cfg []byte) (title, description, lang string, perLang langTexts) {
	data := "_data"
	if m := eleventyDataPattern.FindSubmatch(cfg); m != nil {
		data = string(m[1])
	}
	folder := filepath.Join(dir, in, filepath.FromSlash(data))
	if rel, err := filepath.Rel(dir, folder); err != nil || strings.HasPrefix(rel, "..") {
		return "", "", "", langTexts{} // outside the site
	}
	// The title is "title" or "siteName" (mamezou-tech-site's
	// _data/site.json), or in site data "name" (the Hylia starter's
	// _data/site.json: "name": "INITTO"); the description "description",
	// "shortDesc" or "siteDescription". The description is text: the
	// HTML a template prints it as (a "<br />") is left out. The
	// language is "language", "lang" or "locale" ("ja", "ja-JP").
	//
	// A title or description may be given per language, as an object
	// of language codes ("title": {"en": "…", "ja": "…"}, which the
	// site's templates print as site.title[lang]): each language's is
	// its own (perLang), none the site's whatever its language.
	type texts struct {
		title, description, lang string
		perLang                  langTexts
	}
	meta := func(name string, v func(string) string, byLang func(string) map[string]string) texts {
		var out texts
		titleKeys := []string{"title", "siteName", "siteTitle"}
		if name == "site" {
			titleKeys = append(titleKeys, "name")
		}
		for _, k := range titleKeys {
			if out.title = v(k); out.title != "" {
				break
			}
			if out.perLang.titles = byLang(k); out.perLang.titles != nil {
				break
			}
		}
		for _, k := range []string{"description", "shortDesc", "siteDescription"} {
			if out.description = plainTitle(oneLine(v(k)), false); out.description != "" {
				break
			}
			if d := byLang(k); d != nil {
				for code, text := range d {
					d[code] = plainTitle(text, false)
				}
				out.perLang.descriptions = d
				break
			}
		}
		for _, k := range []string{"language", "lang", "locale"} {
			if code := strings.ToLower(LangBase(v(k))); code != "" && langPattern.MatchString(code) {
				out.lang = code
				break
			}
		}
		return out
	}
	found := func(t texts) bool { return t.title != "" || t.perLang.titles != nil }
	for _, name := range []string{"metadata", "site"} {
		for _, ext := range []string{".json", ".yaml", ".yml"} {
			if m := readConfigFile(filepath.Join(folder, name+ext), true); m != nil {
				t := meta(name, func(k string) string { return str(m[strings.ToLower(k)]) }, func(k string) map[string]string { return langObject(m[strings.ToLower(k)]) })
				if found(t) {
					return t.title, t.description, t.lang, t.perLang
				}
			}
		}
		for _, ext := range []string{".js", ".cjs", ".mjs"} {
			if b, err := readSmall(filepath.Join(folder, name+ext)); err == nil {
				v := jsLiterals(b)
				t := meta(name, func(k string) string { return v[k] }, func(k string) map[string]string { return jsLangObject(b, k) })
				if found(t) {
					return t.title, t.description, t.lang, t.perLang
				}
			}
		}
	}
	return "", "", "", langTexts{}
}

// langTexts are a site's title and description given per language, by
// language code (lower case, "ja", "pt-br"); nil when given as one text.
type langTexts struct {
	titles, descriptions map[string]string
}

// langObject is v as texts by language: a map whose keys are all
// language codes (two or three letters, a region or script after them:
// not AstroWind's {default, template}) and whose values are all text,
// nil for anything else (one text, a map of other keys).
func langObject(v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		code := strings.ToLower(strings.ReplaceAll(k, "_", "-"))
		s, ok := v.(string)
		if !ok || !langCodePattern.MatchString(code) || oneLine(s) == "" {
			return nil
		}
		out[code] = oneLine(s)
	}
	return out
}

var langCodePattern = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// jsLangKey finds an object given to a name in JavaScript data (title:
// { en: "…", "ja": '…' }), at a line's start or after "{" or ",": its
// name (group 1), its entries (group 2).
var (
	jsLangKey   = regexp.MustCompile(`(?m)(?:^|[{,])\s*["']?([A-Za-z_$][\w$]*)["']?\s*:\s*\{([^{}]*)\}`)
	jsLangEntry = regexp.MustCompile(`^\s*["']?([A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*)["']?\s*:\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')\s*(?:,|$)`)
)

// jsLangObject is the object of language codes and literal texts a
// JavaScript data file src gives name (the first object it gives it),
// nil when it gives none or one with anything else in it.
func jsLangObject(src []byte, name string) map[string]string {
	for _, m := range jsLangKey.FindAllSubmatch(src, -1) {
		if string(m[1]) != name {
			continue
		}
		out := make(map[string]any)
		rest := withoutLineComments(string(m[2]))
		for strings.TrimSpace(rest) != "" {
			e := jsLangEntry.FindStringSubmatch(rest)
			if e == nil {
				return nil
			}
			rest = rest[len(e[0]):]
			text := e[2] + e[3]
			if strings.Contains(text, "\\") {
				// Its escapes, as JSON's are: \' and \" of either quote.
				var s string
				q := strings.NewReplacer(`\'`, `'`, `"`, `\"`, `\"`, `\"`).Replace(text)
				if json.Unmarshal([]byte(`"`+q+`"`), &s) != nil {
					return nil
				}
				text = s
			}
			out[e[1]] = text
		}
		return langObject(out)
	}
	return nil
}

// markdownItBreaks finds markdown-it's breaks option set in an Eleventy
// configuration, by a literal scan as eleventyInput's.
var markdownItBreaks = regexp.MustCompile(`\bbreaks\s*:\s*true\b`)

// jsLiterals are the first literal strings a JavaScript file gives each
// name to (title: "…", const title = "…"), one line each.
func jsLiterals(src []byte) map[string]string {
	out := make(map[string]string)
	for _, p := range jsFrontPair.FindAllSubmatch(src, -1) {
		var m map[string]any
		json.Unmarshal(jsFrontJSON(p[0]), &m)
		for k, v := range m {
			if s, ok := v.(string); ok && out[k] == "" {
				out[k] = oneLine(s)
			}
		}
	}
	return out
}

// astroMeta reads the title and description of an Astro site: its
// src/consts.ts, else its configuration's site address, whose host is a
// title.
func astroMeta(dir string, cfg []byte) (title, description string) {
	for _, name := range []string{"consts.ts", "consts.js", "consts.mjs"} {
		b, err := readSmall(filepath.Join(dir, "src", name))
		if err != nil {
			continue
		}
		if site := astroSiteObject.FindSubmatch(b); site != nil {
			// The SITE object's NAME or TITLE, before any other object's
			// TITLE (astro-nano's HOME = { TITLE: "Home" } titled the
			// site "Home").
			for _, m := range astroNamePattern.FindAllSubmatch(site[1], -1) {
				title = cmp.Or(title, oneLine(string(m[1])+string(m[2])))
			}
		}
		for _, m := range astroConstPattern.FindAllSubmatch(b, -1) {
			v := string(m[2]) + string(m[3]) + string(m[4])
			v = oneLine(strings.NewReplacer(`\'`, `'`, `\"`, `"`, `\\`, `\`).Replace(v))
			if string(m[1]) == "TITLE" && title == "" {
				title = v
			} else if string(m[1]) == "DESCRIPTION" && description == "" {
				description = v
			}
		}
		break
	}
	if title == "" {
		// A theme's site configuration object (fuwari's src/config.ts,
		// cactus' src/site.config.ts: siteConfig = { title: "…" }).
		for _, name := range []string{"config.ts", "site.config.ts", "config.js", "site.config.js", "config.mjs"} {
			if b, err := readSmall(filepath.Join(dir, "src", name)); err == nil {
				v := jsLiterals(b)
				if t := v["title"]; t != "" {
					title, description = t, cmp.Or(description, v["description"])
					break
				}
			}
		}
	}
	if title == "" {
		// example.com, as starters leave it, names no site.
		if m := astroSitePattern.FindSubmatch(cfg); m != nil && !exampleHost.MatchString(string(m[1])) {
			title = string(m[1])
		}
	}
	return title, description
}

// eleventyLayoutFiles are the extensions of the templates an Eleventy
// layout may be written in, whose <html lang="…"> eleventyLayoutLang
// reads.
var eleventyLayoutFiles = []string{".njk", ".liquid", ".html", ".webc", ".hbs", ".ejs", ".11ty.js", ".11ty.cjs", ".11ty.mjs"}

// eleventyLayoutLang is the language an Eleventy site's layouts write in
// their <html lang="ja">, as a literal, its base language ("ja" of
// "ja-JP"), when they all write the same one: those in its includes and
// layouts folders (dir.includes and dir.layouts of the configuration cfg,
// else _includes, in the input folder in) and the folders just below
// them (_includes/layouts/base.njk). A Japanese site often says its
// language nowhere else (mamezou-tech-site's 469 Japanese posts were
// served as English, with English labels); a computed one (lang="{{
// metadata.language }}") is none.
func eleventyLayoutLang(dir, in string, cfg []byte) string {
	var files []string
	for i, name := range []string{"_includes", "_layouts"} {
		if m := eleventyDirPatterns[i+1].FindSubmatch(cfg); m != nil {
			name = string(m[1])
		}
		folder := filepath.Join(dir, in, filepath.FromSlash(name))
		if rel, err := filepath.Rel(dir, folder); err != nil || strings.HasPrefix(rel, "..") {
			continue // outside the site
		}
		for _, pattern := range []string{"*", filepath.Join("*", "*")} {
			found, _ := filepath.Glob(filepath.Join(folder, pattern))
			for _, file := range found {
				isLayout := slices.ContainsFunc(eleventyLayoutFiles, func(e string) bool { return strings.HasSuffix(strings.ToLower(file), e) })
				if isLayout && !slices.Contains(files, file) {
					files = append(files, file)
				}
			}
		}
	}
	return strings.ToLower(LangBase(layoutLang(files)))
}

// readSmall reads a file of a site's code or data scanned for literals,
// none over maxConfigSize.
func readSmall(path string) ([]byte, error) {
	return readUpTo(path, maxConfigSize)
}

// readUpTo reads the regular file at path if it holds at most limit
// bytes, os.ErrInvalid if it holds more or is no regular file. The read
// itself is bounded (limit+1 bytes, the one more telling "too large"):
// a file that grows after its stat, or whose stat says less than it
// holds (0, as some file systems say), is refused, not read whole. It
// opens non-blocking and checks the open file, so a named pipe swapped
// in after a look cannot stall it.
func readUpTo(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > limit {
		return nil, os.ErrInvalid
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, os.ErrInvalid
	}
	return b, nil
}

// eleventyInputPattern finds `input: "src"` in an Eleventy configuration.
var eleventyInputPattern = regexp.MustCompile(`\binput\s*:\s*["']([^"'\n]+)["']`)

// eleventyInput is the input folder an Eleventy configuration names, ""
// if the scan finds none.
func eleventyInput(cfg []byte) string {
	m := eleventyInputPattern.FindSubmatch(cfg)
	if m == nil {
		return ""
	}
	in := filepath.Clean(strings.TrimPrefix(string(m[1]), "./"))
	if strings.HasPrefix(in, "..") || filepath.IsAbs(in) {
		return ""
	}
	return in
}

// Eleventy's passthrough copies: addPassthroughCopy("dir"),
// addPassthroughCopy({ "from": "to" }), and either given by a name
// (addPassthroughCopy(list)) that a literal in the file is given to.
var (
	passthroughCall = regexp.MustCompile(`addPassthroughCopy\(\s*(\{[^}]*\}|"[^"\n]*"|'[^'\n]*'|[A-Za-z_$][\w$]*\s*[,)])`)
	passthroughPair = regexp.MustCompile(`(?:["']([^"'\n]+)["']|([A-Za-z_$][\w$]*))\s*:\s*["']([^"'\n]*)["']`)
	jsIdentifier    = regexp.MustCompile(`^[A-Za-z_$][\w$]*`)
)

// jsConsts are the literal objects, arrays and strings a JavaScript
// file gives its names (const, let or var name = {…}, […] or "…"), the
// first for each, found by one scan of src at the first lookup. A scan
// for each name looked up took the file's size times the names a
// configuration refers to: a glob's base of 4,000 ${…} (31 KB) took 3 s,
// one of a megabyte an hour, at every load.
type jsConsts struct {
	src []byte
	lit map[string]string // by name; nil until the first lookup
}

// jsDeclaration is a name given a literal: its name and the literal.
var jsDeclaration = regexp.MustCompile(`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(\{[^}]*\}|\[[^\]]*\]|"[^"\n]*"|'[^'\n]*')`)

// of is the literal the file gives name, "" when the scan finds none.
func (j *jsConsts) of(name string) string {
	if j.lit == nil {
		j.lit = make(map[string]string)
		for _, m := range jsDeclaration.FindAllSubmatch(j.src, -1) {
			if _, ok := j.lit[string(m[1])]; !ok {
				j.lit[string(m[1])] = string(m[2])
			}
		}
	}
	return j.lit[name]
}

// eleventyPassthrough reads the folders an Eleventy configuration copies
// as they are, by a scan of its text for literal paths: globs, files and
// paths outside the site are passed over. capsule runs no JavaScript: a
// name given to addPassthroughCopy is followed to its literal in the
// same file, nothing further.
func eleventyPassthrough(cfg []byte) []staticDir {
	var out []staticDir
	add := func(from, to string) {
		from = filepath.Clean(strings.TrimPrefix(from, "./"))
		to = strings.Trim(filepath.ToSlash(filepath.Clean("/"+to)), "/")
		if strings.ContainsAny(from, "*?{[") || strings.HasPrefix(from, "..") || filepath.IsAbs(from) || from == "." {
			return
		}
		out = append(out, staticDir{dir: from, target: to})
	}
	lits := &jsConsts{src: cfg}
	for _, call := range passthroughCall.FindAllSubmatch(cfg, -1) {
		arg := string(call[1])
		if name := jsIdentifier.FindString(arg); name != "" {
			arg = lits.of(name)
		}
		switch {
		case arg == "":
		case strings.HasPrefix(arg, "{"):
			for _, p := range passthroughPair.FindAllStringSubmatch(arg, -1) {
				add(p[1]+p[2], p[3])
			}
		case strings.HasPrefix(arg, "["):
			for _, p := range jsStringPattern.FindAllStringSubmatch(arg, -1) {
				add(p[1], p[1])
			}
		default:
			path := arg[1 : len(arg)-1]
			add(path, path)
		}
	}
	return out
}

// jsExcludes are the paths of an Eleventy or Astro site that are neither
// posts nor files: its build, its tools, its templates and code, and what
// .eleventyignore lists.
func (f folder) jsExcludes() []string {
	out := []string{"node_modules/", "/_site/", "/dist/", "package.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock",
		"*.js", "*.mjs", "*.cjs", "*.ts", "*.mts", "*.tsx", "*.jsx", "*.astro", "*.11tydata.json", "*.vue", "*.svelte",
		// Eleventy's components, and the sources of stylesheets a build
		// compiles (src/scss/_config.scss): neither generator writes
		// them to its site.
		"*.webc", "*.scss", "*.sass", "*.less", "*.styl",
		"/README.md", "/LICENSE", "/netlify.toml", "/vercel.json", "/tsconfig.json", "/components.json",
		"/tests/", "404.md", "/screenshots/", "/playwright.config.ts", "/docker-compose.yml", "/renovate.json",
		// Notes and data beside the entries, which neither generator
		// publishes (Eleventy writes templates and passthrough copies,
		// Astro what an entry imports; its passthrough folders and
		// public/ are served apart, as they are): an author's notes/
		// todo.txt or data.json is not the readers'.
		"*.txt", "*.json", "*.yaml", "*.yml", "*.toml", "*.csv", "*.tsv", "*.ini", "*.log", "*.sql", "*.db", "*.sqlite"}
	// (Directory data files, posts/posts.json beside posts/*.md, are
	// among those: not a pattern a folder, which a site of a folder of
	// images per post took past maxSiteExcludes.)
	if f.gen == genEleventy {
		out = append(out, f.eleventyExcludes()...)
	} else {
		// Templates of Eleventy's languages in an Astro site: its
		// tools', never written to the site. (In an Eleventy site they
		// are pages: excluder.templates.)
		out = append(out, "*.njk", "*.liquid", "*.hbs", "*.pug", "*.ejs", "*.haml", "*.mustache")
	}
	if f.config.jsOutput != "" {
		out = append(out, "/"+filepath.ToSlash(f.config.jsOutput)+"/") // the build, committed (docs/ for GitHub Pages)
	}
	return out
}

// eleventyArgs are what an Eleventy site's package.json passes eleventy on
// its command line, when its configuration or folders are not Eleventy's
// defaults: `eleventy --config=Eleventy.js --input=src --output=docs`.
// Each is a path relative to the site's root, "" when not given (or one
// that leaves the site).
type eleventyArgs struct {
	config, input, output string
	runs                  bool // a script runs eleventy
}

// eleventyCommand reads the eleventy command of dir's package.json: its
// build script's, else the first script (by name) that runs eleventy. The
// config file is kept only when it exists.
func eleventyCommand(dir string) (a eleventyArgs) {
	b, err := readSmall(filepath.Join(dir, "package.json"))
	if err != nil {
		return a
	}
	var pkg struct {
		Scripts map[string]string `json:"scripts"`
	}
	if json.Unmarshal(b, &pkg) != nil {
		return a
	}
	names := slices.Sorted(maps.Keys(pkg.Scripts))
	if i := slices.Index(names, "build"); i > 0 {
		names[0], names[i] = names[i], names[0]
	}
	for _, name := range names {
		words := strings.Fields(pkg.Scripts[name])
		at := slices.IndexFunc(words, func(w string) bool { return w == "eleventy" || w == "@11ty/eleventy" })
		if at < 0 {
			continue
		}
		a.runs = true
		for i := at + 1; i < len(words) && words[i] != "&&" && words[i] != ";" && words[i] != "|"; i++ {
			flag, value, inline := strings.Cut(words[i], "=")
			if !inline && i+1 < len(words) && !strings.HasPrefix(words[i+1], "-") {
				value = words[i+1]
			}
			value = strings.Trim(value, `"'`)
			if value = filepath.Clean(strings.TrimPrefix(value, "./")); value == "." || strings.HasPrefix(value, "..") || filepath.IsAbs(value) {
				continue
			}
			switch flag {
			case "--config":
				if exists(filepath.Join(dir, value)) {
					a.config = value
				}
			case "--input":
				a.input = value
			case "--output":
				a.output = value
			}
		}
		return a
	}
	return a
}

// eleventyDirPatterns find the folders an Eleventy configuration names
// beside its input (dir: { data: "_data", includes: "_includes",
// layouts: "_layouts" }), by a literal scan as eleventyInput's.
var eleventyDirPatterns = []*regexp.Regexp{
	eleventyDataPattern,
	regexp.MustCompile(`\bincludes\s*:\s*["']([^"'\n]+)["']`),
	regexp.MustCompile(`\blayouts\s*:\s*["']([^"'\n]+)["']`),
}

// eleventyNoGitIgnore finds eleventyConfig.setUseGitIgnore(false): the
// project's .gitignore is then no list of what Eleventy ignores.
var eleventyNoGitIgnore = regexp.MustCompile(`\bsetUseGitIgnore\s*\(\s*false\s*\)`)

// eleventyExcludes are what Eleventy reads but never writes out, relative
// to the input folder: its global data, includes and layouts folders
// (_data/secrets.json is not a file of the site), and what its ignore
// files list: the project's .eleventyignore and .gitignore (their paths
// from the project's folder, each line a path or glob there, as Eleventy
// reads both, not git's names at any depth; the .gitignore unless the
// configuration says setUseGitIgnore(false)) and the input folder's
// .eleventyignore (from that one). Those other folders starting with "_"
// are built as any other (zachleat.com's _posts). A line that is no
// pattern capsule reads is passed over, not the load's failure.
func (f folder) eleventyExcludes() []string {
	cfg, _ := os.ReadFile(filepath.Join(f.root, firstExisting(f.root, eleventyConfigNames)))
	var out []string
	for i, name := range []string{"_data", "_includes", "_layouts"} {
		if m := eleventyDirPatterns[i].FindSubmatch(cfg); m != nil {
			name = string(m[1])
		}
		if d := path.Clean(filepath.ToSlash(name)); d != "." && !strings.HasPrefix(d, "..") {
			out = append(out, "/"+strings.TrimPrefix(d, "/")+"/")
		}
	}
	in := path.Clean(filepath.ToSlash(f.config.contentDir))
	for i, ignore := range []struct{ file, from string }{
		{filepath.Join(f.root, ".eleventyignore"), in},
		{filepath.Join(f.content, ".eleventyignore"), "."},
		{filepath.Join(f.root, ".gitignore"), in},
	} {
		switch {
		case i == 1 && in == ".":
			continue // the same file
		case i == 2 && eleventyNoGitIgnore.Match(cfg):
			continue
		}
		b, _ := readSmall(ignore.file)
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "!") {
				continue
			}
			l = strings.TrimPrefix(strings.TrimPrefix(l, "./"), "/")
			var p string
			switch {
			case ignore.from == "." || strings.HasPrefix(l, "**"):
				p = "/" + l
			case strings.HasPrefix(l, ignore.from+"/"):
				p = "/" + strings.TrimPrefix(l, ignore.from+"/")
			default:
				continue // outside the input folder: nothing of the site
			}
			if _, err := readPatterns([]string{p}, 1); err == nil && len(out) < maxSiteExcludes/2 {
				out = append(out, p)
			}
		}
	}
	return out
}

// eleventyIgnoredHint says, for an Eleventy site with nothing to serve,
// which line of the ignore files Eleventy reads leaves its Markdown out
// (jin-11ty-template's .gitignore: "posts/*", then "!posts/", a line
// Eleventy does not read): Eleventy builds none of it either, and the
// author is told why, not left with an empty site. "" when no line
// does. Each line is looked for as a glob from the project's folder
// (the .eleventyignore of the input folder from there), the first
// maxIgnoredLines of each file.
func (f folder) eleventyIgnoredHint() string {
	const maxIgnoredLines = 256
	cfg, _ := readSmall(filepath.Join(f.root, firstExisting(f.root, eleventyConfigNames)))
	for i, ignore := range []struct{ file, from string }{
		{".eleventyignore", f.root},
		{".eleventyignore", f.content},
		{".gitignore", f.root},
	} {
		if i == 1 && f.content == f.root || i == 2 && eleventyNoGitIgnore.Match(cfg) {
			continue
		}
		b, _ := readSmall(filepath.Join(ignore.from, ignore.file))
		for n, l := range strings.Split(string(b), "\n") {
			if n == maxIgnoredLines {
				break
			}
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "!") || strings.Contains(l, "**") {
				continue
			}
			pattern := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(l, "./"), "/"), "/")
			matches, _ := filepath.Glob(filepath.Join(ignore.from, filepath.FromSlash(pattern)))
			for _, m := range matches {
				if name := filepath.Base(m); name == "node_modules" || name == "_site" || name == "dist" || strings.EqualFold(name, "README.md") {
					continue // never posts: the hint would mislead
				}
				info, err := os.Stat(m)
				if err == nil && (info.IsDir() && hasMarkdown(m) || !info.IsDir() && hasExt(m, ".md", ".markdown")) {
					rel, _ := filepath.Rel(f.root, filepath.Join(ignore.from, ignore.file))
					return fmt.Sprintf("the line %q of %s leaves out its Markdown (%s), as Eleventy does, which builds none of it (and reads no line starting with \"!\")", clip(l), filepath.ToSlash(rel), filepath.ToSlash(strings.TrimPrefix(m, f.root+string(filepath.Separator))))
				}
			}
		}
	}
	return ""
}

// eleventyDirData reads what the directory data files of folder rel (of
// the content folder, with slashes) and of the folders above it hand
// down: `"draft": true` in its <name>.json or <name>.11tydata.json, or
// `draft: true` in its <name>.11tydata.js, and permalink: false, for
// which noPage names the file that says it ("" when none does).
func (f folder) eleventyDirData(rel string) eleventyDirFacts {
	if got, ok := f.dirData[rel]; ok {
		return got
	}
	var facts eleventyDirFacts
	defer func() {
		if f.dirData != nil {
			f.dirData[rel] = facts
		}
	}()
	permalinkSet := false // by a nearer folder: a farther one's is not the post's
	for d := rel; d != "" && d != "."; d = pathDir(d) {
		base := filepath.Join(f.content, filepath.FromSlash(d), filepath.Base(d))
		for _, ext := range []string{".json", ".11tydata.json"} {
			var data map[string]any
			if b, err := readSmall(base + ext); err == nil && json.Unmarshal(b, &data) == nil {
				facts.draft = facts.draft || data["draft"] == true
				if data["permalink"] == false && facts.noPage == "" {
					facts.noPage = filepath.ToSlash(filepath.Join(d, filepath.Base(d)+ext))
				}
				if s, ok := data["permalink"].(string); ok && !permalinkSet {
					facts.permalink, permalinkSet = s, true
				}
				for k, v := range data {
					if s, ok := v.(string); ok && len(s) <= maxDataVar {
						if facts.vars == nil {
							facts.vars = make(map[string]string)
						}
						if _, nearer := facts.vars[k]; !nearer {
							facts.vars[k] = s
						}
					}
				}
			}
		}
		if b, err := readSmall(base + ".11tydata.js"); err == nil {
			facts.draft = facts.draft || jsDraftPattern.Match(b)
			if facts.noPage == "" && jsNoPermalinkPattern.Match(b) {
				facts.noPage = filepath.ToSlash(filepath.Join(d, filepath.Base(d)+".11tydata.js"))
			}
			if tmpl := jsDataPermalink(b); tmpl != "" && !permalinkSet {
				facts.permalink = tmpl
			}
			permalinkSet = permalinkSet || bytes.Contains(b, []byte("permalink")) // else computed: not capsule's to guess
		}
	}
	return facts
}

// jsPermalinkFunc finds a folder's JavaScript data's permalink that is
// a function of the page alone returning one template literal, as
// zachleat.com's _posts/_posts.11tydata.js has it: permalink:
// function({page}) { return `/web/${ page.fileSlug }/` }, or an arrow
// function, or a method; or a literal string. Its parameter is group 1
// (a name, or "{page}"), its template groups 2 and 3, its string 4.
var jsPermalinkFunc = regexp.MustCompile(`(?m)(?:^|[{,])\s*["']?permalink["']?\s*(?::\s*(?:(?:function\s*)?\(\s*(\{\s*page\s*\}|[A-Za-z_$][\w$]*)\s*\)\s*(?:=>\s*)?(?:\{\s*return\s+` + "`([^`]*)`" + `\s*;?\s*\}|` + "`([^`]*)`" + `)|["']([^"'\n]*)["']\s*(?:[,}]|$))|\(\s*(\{\s*page\s*\}|[A-Za-z_$][\w$]*)\s*\)\s*\{\s*return\s+` + "`([^`]*)`" + `\s*;?\s*\})`)

// jsTemplateExpr is a ${ … } of a template literal.
var jsTemplateExpr = regexp.MustCompile(`\$\{\s*([^{}]*?)\s*\}`)

// jsDataPermalink is the permalink template (Eleventy's {{ page.fileSlug
// }}) of a folder's JavaScript data b, when jsPermalinkFunc finds it and
// each ${ … } of its template is the page's fileSlug or filePathStem; ""
// for any other (one computed from other data, a filter, a condition):
// not capsule's to guess.
func jsDataPermalink(b []byte) string {
	m := jsPermalinkFunc.FindSubmatch(b)
	if m == nil {
		return ""
	}
	if m[4] != nil {
		return string(m[4])
	}
	param, tmpl := string(m[1])+string(m[5]), string(m[2])+string(m[3])+string(m[6])
	page := "page."
	if !strings.HasPrefix(param, "{") {
		page = param + ".page."
	}
	ok := true
	out := jsTemplateExpr.ReplaceAllStringFunc(tmpl, func(e string) string {
		switch field := strings.TrimPrefix(jsTemplateExpr.FindStringSubmatch(e)[1], page); field {
		case "fileSlug", "filePathStem":
			return "{{ page." + field + " }}"
		}
		ok = false
		return ""
	})
	if !ok || strings.Contains(out, "${") || tmpl == "" {
		return ""
	}
	return out
}

// maxDataVar bounds a folder data value a permalink may take in: an
// address is at most MaxAliasBytes.
const maxDataVar = MaxAliasBytes

// eleventyDirFacts are eleventyDirData's answers for a folder.
type eleventyDirFacts struct {
	draft  bool
	noPage string
	// permalink is the nearest folder's permalink template, "" for
	// none; vars are the folders' values of text it may name ({{
	// locale }}), the nearest's.
	permalink string
	vars      map[string]string
}

// eleventyTag is one {{ expression }} of an Eleventy permalink.
var eleventyTag = regexp.MustCompile(`\{\{-?\s*(.*?)\s*-?\}\}`)

// expandEleventyPermalink is the address the permalink template tmpl of
// a folder's data gives the file at rel (in the input folder, with
// slashes), as Eleventy writes it, "" when it names what capsule does not
// know (a filter, a value computed by code, a tag): page.fileSlug (the
// file's name without its date, or its folder's for an index),
// page.filePathStem and the folders' text values.
func expandEleventyPermalink(tmpl, rel string, vars map[string]string, pd pageDate) string {
	// Eleventy takes a date off the name (2020-01-01-hello.md) in both,
	// and off the folder's name of an index.md in fileSlug.
	stem := eleventyUndated(strings.TrimSuffix(path.Base(rel), path.Ext(rel)))
	pathStem := "/" + path.Join(path.Dir(rel), stem)
	if stem == "index" && path.Dir(rel) != "." {
		stem = eleventyUndated(path.Base(path.Dir(rel)))
	}
	known := !strings.Contains(tmpl, "{%")
	out := eleventyTag.ReplaceAllStringFunc(tmpl, func(tag string) string {
		inner := eleventyTag.FindStringSubmatch(tag)[1]
		if rest, ok := strings.CutPrefix(inner, "page.date"); ok && (rest == "" || strings.ContainsAny(rest[:1], " |.")) {
			// The post's date, formatted by a filter capsule can
			// follow exactly, or unknown.
			v, ok := "", false
			if pd.ok {
				v, ok = eleventyDateValue(rest, pd.t, pd.ep)
			}
			if !ok {
				known = false
			}
			return v
		}
		expr, filters, _ := strings.Cut(inner, "|")
		var v string
		switch expr = strings.TrimSpace(expr); expr {
		case "page.fileSlug":
			v = stem
		case "page.filePathStem":
			v = pathStem
		default:
			var ok bool
			if v, ok = vars[expr]; !ok {
				known = false
				return ""
			}
		}
		// Eleventy's own slug filters, on text they are sure of.
		for _, filter := range strings.Split(filters, "|") {
			ok := true
			if f, redefined := pd.ep.Filters[strings.TrimSpace(filter)]; redefined {
				// The site's own: a plain change of text
				// (mamezou-tech-site's blogPage) is made, any other is
				// its code (its slug).
				if f.Text == nil {
					known = false
					return ""
				}
				if v, ok = f.Text.apply(v); !ok {
					known = false
					return ""
				}
				continue
			}
			switch strings.TrimSpace(filter) {
			case "":
				ok = filters == ""
			case "slugify":
				v, ok = eleventySlugify(v)
			case "slug":
				v, ok = eleventySlug(v)
			default:
				ok = false
			}
			if !ok {
				known = false
				return ""
			}
		}
		return v
	})
	if !known || strings.ContainsAny(out, "{}") || strings.ContainsFunc(out, unicode.IsControl) {
		return ""
	}
	// A file's name with a space (initto's "…Dapp- Starter…") is an
	// address with "%20" on the web site, not an author's slip.
	out = strings.ReplaceAll(out, " ", "%20")
	out = "/" + strings.TrimLeft(strings.TrimSuffix(out, "index.html"), "/")
	return path.Clean(out) + map[bool]string{true: "/", false: ""}[strings.HasSuffix(out, "/") && out != "/"]
}

// pageDate is an Eleventy post's page.date (t, in UTC, when ok) and
// what its site says of the filters and the zone that format it.
type pageDate struct {
	t  time.Time
	ok bool
	ep eleventyPost
}

// eleventySlugify is what Eleventy's slugify filter makes of s
// (@sindresorhus/slugify, Eleventy's options: its apostrophes dropped, no
// decamelizing): lower case, "&" an "and", each run of other characters
// than letters and digits one "-", none at the ends. Only for ASCII text:
// ok is false for other letters, which it spells in ASCII by tables
// capsule does not have.
func eleventySlugify(s string) (string, bool) {
	for _, r := range s {
		if r > unicode.MaxASCII || unicode.IsControl(r) {
			return "", false
		}
	}
	s = strings.ToLower(strings.NewReplacer("&", " and ", "'", "").Replace(s))
	var b strings.Builder
	for _, r := range s {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-"), true
}

// eleventySlug is what Eleventy's older slug filter (the slugify
// package, lower case) makes of s: its spaces and hyphens, each run one
// "-", none at the ends. Only for letters, digits, "_", spaces and
// hyphens: ok is false for others, which it spells out or drops by
// tables of its own.
func eleventySlug(s string) (string, bool) {
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' || r == ' ' || r == '-') {
			return "", false
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "-", " ")), "-")), true
}

// jsNoPermalinkPattern and jsDraftPattern find a key of an object
// literal in a folder's JavaScript data: at a line's start or after "{"
// or ",", so that the "permalink : false" of a computed ternary (cond ?
// data.permalink : false, false for drafts alone) is not taken for it.
var jsNoPermalinkPattern = regexp.MustCompile(`(?m)(?:^|[{,])\s*["']?permalink["']?\s*:\s*false\b`)

var jsDraftPattern = regexp.MustCompile(`(?m)(?:^|[{,])\s*["']?draft["']?\s*:\s*true\b`)

func pathDir(d string) string {
	i := strings.LastIndex(d, "/")
	if i < 0 {
		return ""
	}
	return d[:i]
}

// jsFrontPair is a literal string, number or boolean given a name in
// JavaScript front matter: `title: "…"`, `const date = "…";`.
var jsFrontPair = regexp.MustCompile(`(?m)^\s*(?:(?:const|let|var)\s+)?["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*[:=]\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|true|false|-?[0-9]+(?:\.[0-9]+)?)\s*[,;]?\s*$`)

// jsFrontKeys are the keys read from JavaScript front matter.
var jsFrontKeys = map[string]bool{"title": true, "date": true, "draft": true, "description": true,
	"permalink": true, "slug": true, "lang": true, "summary": true}

// jsFrontJSON turns JavaScript front matter into the JSON object of what
// it names literally, of jsFrontKeys: capsule runs no JavaScript.
func jsFrontJSON(front []byte) []byte {
	m := make(map[string]any)
	for _, p := range jsFrontPair.FindAllSubmatch(front, -1) {
		key, val := string(p[1]), string(p[2])
		if !jsFrontKeys[key] {
			continue
		}
		switch {
		case val == "true" || val == "false":
			m[key] = val == "true"
		case strings.HasPrefix(val, "'"):
			m[key] = strings.ReplaceAll(val[1:len(val)-1], `\'`, `'`)
		case strings.HasPrefix(val, `"`):
			var s string
			if json.Unmarshal([]byte(val), &s) == nil {
				m[key] = s
			}
		default:
			m[key] = json.Number(val)
		}
	}
	b, _ := json.Marshal(m)
	return b
}

// isJSFront reports whether src opens with JavaScript front matter.
func isJSFront(src []byte) bool {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	s := strings.TrimRight(string(first), " \t")
	return s == "---js" || s == "---javascript"
}

// describeJS says what an Eleventy or Astro folder was taken for.
func (f folder) describeJS(main []string) string {
	s := "an Eleventy site (" + f.why + ")"
	if f.gen == genAstro {
		s = "an Astro site (" + f.why + ")"
	}
	rel := filepath.ToSlash(f.config.contentDir)
	switch len(main) {
	case 0:
		return s + ": posts at the top of " + rel
	case 1:
		return s + ": posts from " + strings.TrimPrefix(rel+"/", "./") + main[0] + ", other folders' pages as pages"
	}
	if f.gen == genAstro {
		return s + ": posts from the dated entries of its collections (" + strings.Join(main, ", ") + " in " + rel + "), the undated ones as pages"
	}
	return s + ": posts from " + strings.Join(main, ", ") + " in " + rel
}

// jsSite reports whether dir is an Eleventy or Astro site's root, or
// forced names one.
func jsSite(dir, forced string) bool {
	_, ok := findJSSite(dir, forced)
	return ok
}

// eleventyFileDate is Eleventy's date in a file's name (its
// TemplateFileSlug._stripDateFromSlug): YYYY-MM-DD and a hyphen anywhere
// in it, two digits for the month and the day; the name is what follows
// (my-2024-03-01-notes is notes), its fileSlug and the last part of its
// filePathStem. eleventyPathDate is the date of its path
// (getMappedDate): the first YYYY-MM-DD anywhere in it.
var (
	eleventyFileDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}-(.*)`)
	eleventyPathDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
)

// eleventyUndated is name without its date, as Eleventy's fileSlug
// takes it off (eleventyFileDate).
func eleventyUndated(name string) string {
	if m := eleventyFileDate.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	return name
}

// jsDefaults sets what an Eleventy post's place says of it: the date and
// slug of a file named YYYY-MM-DD-slug.md, as Eleventy takes them, and
// the draft its directory data makes it.
func (f folder) jsDefaults(m *mdFile, loc *time.Location) {
	if f.gen == "" {
		return
	}
	if f.gen == genHexo {
		f.hexoDefaults(m, loc)
		return
	}
	m.def.jsSite = true
	if f.gen != genEleventy {
		m.def.undatedPage = m.nested // an Astro collection's undated entry is a page (mainSections)
		if g, _, ok := f.astroGenIDOf(m.src.path, m.def.dir); ok {
			m.def.addressKeys = "," + g.key + "," // the front matter key its id is (astroids.go), kept in Post.addressVals
		}
		return
	}
	stem := strings.TrimSuffix(filepath.Base(m.src.path), filepath.Ext(m.src.path))
	if strings.EqualFold(stem, "index") && m.def.dir != "" {
		// Its folder's name, as Eleventy's fileSlug takes it:
		// _posts/2021-01-30-fluid-images/index.md is fluid-images
		// (zachleat.com's).
		stem = path.Base(m.def.dir)
	}
	if undated := eleventyUndated(stem); undated != stem && undated != "" {
		m.slug = undated
	}
	// Its date, when its front matter has none, is the first
	// YYYY-MM-DD of its path, in a folder's name too
	// (posts/2024-03-01/notes.md), as Eleventy's getMappedDate reads
	// it; a day that is none (2024-13-01) gives none.
	if d := eleventyPathDate.FindString(path.Join(m.def.dir, filepath.Base(m.src.path))); d != "" {
		if t, err := time.ParseInLocation("2006-01-02", d, loc); err == nil {
			m.def.date, m.def.hasDate = t, true
		}
	}
	facts := f.eleventyDirData(m.def.dir)
	if facts.draft {
		m.def.draft = true
	}
	m.def.dirNoPage = facts.noPage
	m.def.eleventy = f.eleventy.postOf(m.src.path, facts)
	if facts.permalink != "" {
		m.def.dirPermalink = expandEleventyPermalink(facts.permalink, path.Join(m.def.dir, filepath.Base(m.src.path)), facts.vars, pageDate{ep: eleventyPostData(m.def.eleventy)})
		if m.def.dirPermalink == "" {
			// One that names the post's own data ("/blog/{{ title |
			// slugify }}/"), filled in with its front matter
			// (eleventyOwnPermalink); else its address is unknown,
			// not the one of its path, where Eleventy writes nothing.
			m.def.dirPermalink = facts.permalink
		}
	}
}

func init() {
	// Eleventy's and Astro's keys capsule reads itself or has no use for.
	for _, k := range []string{"heroimage", "heroimagealt", "imagealt", "coverimage", "alt", "eleventyexcludefromcollections", "eleventynavigation", "eleventycomputed", "ogimage", "templateengineoverride", "permalinkbypassoutputdir"} {
		themeKeys[k] = true
	}
}

// jsFrontValues applies what an Eleventy or Astro post's front matter
// says beyond capsule's own keys: eleventyExcludeFromCollections makes it
// a page. (Its hero image is jsHero's: the body is read again from the
// file when it is rendered, and must be the file's.)
func jsFrontValues(m map[string]any, body []byte, page bool) ([]byte, bool) {
	if v, _ := m["eleventyExcludeFromCollections"].(bool); v {
		page = true
	}
	return body, page
}

// jsTemplatePage is the warning that leaves out an Eleventy or Astro
// page that is a template: one whose permalink is a template
// ("tags/{{ tag | slugify }}/"), or that paginates data (pagination);
// or that is written nowhere (permalink: false).
// Its generator makes its pages from data capsule does not have; its
// own text is no page. nil for any other.
func jsTemplatePage(file string, m map[string]any, lines map[string]int) *FileError {
	const kind = "template page"
	if _, ok := m["pagination"]; ok {
		return &FileError{File: file, Line: lines["pagination"], Kind: kind,
			Msg: "a template: its pagination makes pages from data, which capsule does not read; not served"}
	}
	if v, ok := m["permalink"].(bool); ok && !v {
		return &FileError{File: file, Line: lines["permalink"], Kind: "no page written",
			Msg: "permalink: false: its generator writes no page of it (data for other pages); not served"}
	}
	if s, ok := m["permalink"].(string); ok && (strings.Contains(s, "{{") || strings.Contains(s, "{%")) && !ownDataPermalink(s, m) {
		return &FileError{File: file, Line: lines["permalink"], Kind: kind,
			Msg: fmt.Sprintf("a template: its permalink %q is filled in from data, which capsule does not read; not served", clip(s))}
	}
	return nil
}

// eleventyTagHead is the name an expression of a {{ }} starts with
// (page of page.date | date: '%Y', publishedPath of publishedPath).
var eleventyTagHead = regexp.MustCompile(`^[A-Za-z_$][\w$]*`)

// ownDataPermalink reports whether every {{ }} of the permalink template
// s names the page (page.date, page.fileSlug) or a key of its own front
// matter m, filtered or not, and it has no {% %}: one page at an address
// Eleventy computes from its own data (mamezou-tech-site's "/blogs/{{
// page.date | date: '%Y/%m/%d' }}/{{ publishedPath }}/"), not a template
// of pages made from other data.
func ownDataPermalink(s string, m map[string]any) bool {
	if strings.Contains(s, "{%") {
		return false
	}
	for _, tag := range eleventyTag.FindAllStringSubmatch(s, -1) {
		head := eleventyTagHead.FindString(tag[1])
		if _, own := m[head]; head != "page" && !own {
			return false
		}
	}
	return true
}

// eleventyComputedPermalink stands for the permalink of an Eleventy page
// whose address its generator computes in a way capsule does not follow
// (a filter of its own, its date formatted, a value of other data): the
// page is served at capsule's address alone, none of the web site's
// claimed for it, not even the one of its path, where Eleventy writes
// nothing. A pattern (isPattern), so that it is no old address.
const eleventyComputedPermalink = "/:computed"

// baseName is the last element of a file's path, its folders written
// with either separator.
func baseName(file string) string {
	return path.Base(strings.ReplaceAll(file, "\\", "/"))
}

// eleventyOwnPermalink fills in the permalink template s of an
// Eleventy post (its own, or its folder's data's) at rel in the input
// folder with the page's values and its front matter's text m ("/blog/{{
// title | slugify }}/"); eleventyComputedPermalink when it names
// anything else (a filter of the site's, a date formatted), with the
// warning that says so (line is the permalink's in the file, 0 for a
// folder's).
func eleventyOwnPermalink(file, rel string, line int, s string, m map[string]any, pd pageDate, layout string) (string, *FileError) {
	vars := make(map[string]string)
	for k, v := range m {
		if t, ok := v.(string); ok && len(t) <= maxDataVar {
			vars[k] = t
		}
	}
	if a := expandEleventyPermalink(s, rel, vars, pd); a != "" {
		return a, nil
	}
	w := eleventyComputedAddress(file, max(line, 1), s)
	switch {
	case layout != "":
		w.Msg = "its layout's (" + layout + ") " + strings.TrimPrefix(w.Msg, "its ")
	case line == 0:
		w.Msg = "its folder's data's " + strings.TrimPrefix(w.Msg, "its ")
	}
	return eleventyComputedPermalink, w
}

// eleventyComputedAddress is the warning that a post's address on the
// web site is not known, its permalink being computed: links to it
// there are not answered.
func eleventyComputedAddress(file string, line int, permalink string) *FileError {
	return &FileError{File: file, Line: line, Kind: "web address unknown",
		Msg: fmt.Sprintf("its permalink %q is computed by its generator's code, which capsule does not run: served at capsule's address alone, the web site's not answered", clip(permalink))}
}

// eleventyFileDates are the dates Eleventy reads from the file rather
// than its front matter (date: Last Modified), lower case. Each is the
// file's modification time: so is Created, its birth time being
// neither portable nor kept by a copy or a checkout; git's dates
// would need the repository's history, which capsule does not read.
var eleventyFileDates = map[string]bool{"last modified": true, "git last modified": true, "created": true, "git created": true}

// jsHeroKeys are the front matter keys of an Eleventy or Astro post's
// hero image, in the order they are taken: Astro's blog starter's
// heroImage, then the image and cover of other themes.
var jsHeroKeys = []string{"heroImage", "heroimage", "image", "cover", "coverImage"}

// jsHero is the hero image an Eleventy or Astro post's front matter
// names: a path ("/images/hero.png"), or a map of one ({src, alt}, as
// Astro's image() schema and themes write it; url or path for src, and
// the front matter's imageAlt, heroImageAlt or image_alt for alt). A
// value of another shape, or one with a line break, is none.
func jsHero(m map[string]any) Hero {
	for _, k := range jsHeroKeys {
		v, ok := m[k]
		if !ok {
			continue
		}
		var h Hero
		switch v := v.(type) {
		case string:
			h.URL = v
		case map[string]any:
			for _, sk := range []string{"src", "url", "path"} {
				if s, ok := v[sk].(string); ok && s != "" {
					h.URL = s
					break
				}
			}
			h.Alt, _ = v["alt"].(string)
		}
		h.URL = strings.TrimSpace(h.URL)
		if h.URL == "" || strings.ContainsAny(h.URL, "\r\n") {
			continue
		}
		if h.Alt == "" {
			for _, ak := range []string{k + "Alt", "imageAlt", "image_alt", "alt"} {
				if s, ok := m[ak].(string); ok && s != "" {
					h.Alt = s
					break
				}
			}
		}
		h.Alt = oneLine(h.Alt)
		return h
	}
	return Hero{}
}
