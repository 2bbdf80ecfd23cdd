package content

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// What an Eleventy site's permalinks are computed from beyond a post's
// own data, read once a load as text (capsule runs none of its code):
// its layouts' front matter, its date filters, the template language
// its permalinks are written in, the zone its build runs in, and the
// template formats it builds.

// Bounds on what is read of a site's layouts (eleventyLayouts): files in
// its layouts folder (maxLayoutFiles, as of Astro's), its depth, the
// bytes read of each (its front matter, at most MaxFrontMatterSize),
// and the layouts a chain follows.
const (
	maxLayoutDepth = 4
	maxLayoutChain = 8
)

// eleventySite is what eleventyReadSite found, shared by the folder's
// posts; each post's def carries its part as eleventyPost (JSON), so
// that a change to a layout or the configuration is a change of the
// post's defaults.
type eleventySite struct {
	layouts map[string]eleventyLayout // by the names a layout key may give
	// filters are the date filters the configuration defines, by name:
	// one recognised formats in UTC (luxon's toFormat, zone "utc"); an
	// unrecognised one, or one of Eleventy's own it redefines (slug,
	// slugify), is there with Known false.
	filters map[string]eleventyFilter
	// mdEngine is markdownTemplateEngine, "liquid" by default; "html"
	// for false, which Eleventy reads as html: the text taken as it is,
	// no language run over it (Markdown.compile without a
	// preTemplateEngine).
	mdEngine string
	// htmlEngine is htmlTemplateEngine, "liquid" by default, "html" for
	// false.
	htmlEngine string
	// buildZone is the zone its build runs in, "" when unknown: UTC for
	// a site built by Netlify, Vercel or GitHub Actions (a TZ set there,
	// its zone).
	buildZone string
	// formats are the template formats it builds (md, html), nil when
	// the configuration sets none capsule reads: Eleventy's defaults.
	formats []string
}

// eleventyLayout is what a layout's front matter, and its own layout's,
// hand down to the templates using it.
type eleventyLayout struct {
	File      string `json:"f"`           // the layout's path in the input folder
	Permalink string `json:"p,omitempty"` // its permalink template
	NoPage    bool   `json:"n,omitempty"` // permalink: false
	Draft     bool   `json:"d,omitempty"`
}

// eleventyFilter is a filter of the site's configuration: Known when it
// formats a date in UTC with Format, a luxon format (or, Arg, the one it
// is given, Format being the default of its parameter); Text when it is
// a plain transformation of text (eleventyfilters.go).
type eleventyFilter struct {
	Known  bool                `json:"k,omitempty"`
	Format string              `json:"f,omitempty"`
	Arg    bool                `json:"a,omitempty"`
	Text   *eleventyTextFilter `json:"x,omitempty"`
}

// eleventyPost is what a post's def carries of its site (postDefaults'
// eleventy, as JSON).
type eleventyPost struct {
	Layouts   map[string]eleventyLayout `json:"l,omitempty"`
	DirLayout string                    `json:"y,omitempty"` // its folders' data's layout
	Filters   map[string]eleventyFilter `json:"f,omitempty"`
	Engine    string                    `json:"e,omitempty"` // its permalink's template language
	// MdEngine is the site's markdownTemplateEngine when it is not
	// Liquid: the language of a permalink whose templateEngineOverride
	// names md, whatever the file's extension.
	MdEngine string `json:"m,omitempty"`
	// DirOverride is its folders' data's templateEngineOverride (the
	// nearest folder's), which its own front matter's replaces.
	DirOverride string `json:"o,omitempty"`
	BuildZone   string `json:"z,omitempty"`
	NotBuilt    string `json:"b,omitempty"` // why Eleventy builds no page of it
}

// eleventyDefaultFormats are Eleventy's template formats when the
// configuration sets none.
var eleventyDefaultFormats = []string{"liquid", "ejs", "md", "hbs", "mustache", "haml", "pug", "njk", "html", "11ty.js"}

var (
	eleventyFormatsList  = regexp.MustCompile(`\b(?:templateFormats\s*:|setTemplateFormats\s*\()\s*(?:\[([^\]]*)\]|["']([^"'\n]*)["'])`)
	eleventyFormatsSet   = regexp.MustCompile(`\b(?:templateFormats\s*:|setTemplateFormats\s*\()`)
	eleventyFormatsAdded = regexp.MustCompile(`\b(?:addTemplateFormats|addExtension)\s*\(\s*(?:\[([^\]]*)\]|["']([^"'\n]*)["'])`)
	eleventyEngine       = regexp.MustCompile(`\b(?:(markdown|html)TemplateEngine\s*:|set(Markdown|Html)TemplateEngine\s*\()\s*(?:["']([A-Za-z0-9]+)["']|(false)\b)`)
	eleventyLayoutAlias  = regexp.MustCompile(`\baddLayoutAlias\s*\(\s*["']([^"'\n]+)["']\s*,\s*["']([^"'\n]+)["']\s*\)`)
	eleventyFilterDef    = regexp.MustCompile(`\badd(?:Nunjucks|Liquid|JavaScript)?Filter\s*\(\s*["']([\w$]+)["']\s*,`)
	// luxonUTCFilter is a filter formatting its date in UTC with luxon
	// and nothing else: (d) => DateTime.fromJSDate(d, { zone: "utc"
	// }).toFormat("y/MM"), as an arrow function or a function, its
	// format a literal (group 4) or its second parameter (group 2, its
	// default group 3, named again in group 5), up to the closing of
	// the addFilter call.
	luxonUTCFilter = regexp.MustCompile(`^\s*(?:(?:async\s+)?function\s*[\w$]*\s*)?\(?\s*([\w$]+)\s*(?:,\s*([\w$]+)\s*(?:=\s*(?:"([^"\n]*)"|'([^'\n]*)'))?\s*)?\)?\s*(?:=>)?\s*\{?\s*(?:return\s+)?DateTime\s*\.\s*fromJSDate\s*\(\s*([\w$]+)\s*,\s*\{\s*zone\s*:\s*["'](?i:utc)["']\s*,?\s*\}\s*\)\s*\.\s*toFormat\s*\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|([\w$]+))\s*\)\s*;?\s*\}?\s*\)`)
	buildTZ        = regexp.MustCompile(`\bTZ\s*[=:]\s*["']?([A-Za-z_]+(?:/[A-Za-z_+-]+)*)`)
)

// eleventyReadSite reads what an Eleventy site's permalinks are
// computed from: its configuration cfg, its layouts, its build's files.
// in is the input folder, relative to dir.
func eleventyReadSite(dir, in, cfgFile string, cfg []byte) *eleventySite {
	cfgDir := path.Dir(filepath.ToSlash(cfgFile))
	s := &eleventySite{mdEngine: "liquid", htmlEngine: "liquid", filters: make(map[string]eleventyFilter)}
	for _, m := range eleventyEngine.FindAllSubmatch(cfg, -1) {
		e := string(m[3])
		if m[4] != nil {
			e = "html" // false: no language, the text as it is
		}
		if strings.EqualFold(string(m[1])+string(m[2]), "markdown") {
			s.mdEngine = e
		} else {
			s.htmlEngine = e
		}
	}
	words := func(m [][]byte) []string {
		var out []string
		for _, w := range strings.FieldsFunc(string(m[1])+string(m[2]), func(r rune) bool { return strings.ContainsRune(" \t\r\n,\"'`", r) }) {
			out = append(out, strings.ToLower(strings.TrimPrefix(w, ".")))
		}
		return out
	}
	if m := eleventyFormatsList.FindSubmatch(cfg); m != nil {
		s.formats = words(m)
	} else if !eleventyFormatsSet.Match(cfg) {
		s.formats = slices.Clone(eleventyDefaultFormats)
	} // else set in a way the scan does not read: every format capsule reads
	if s.formats != nil {
		for _, m := range eleventyFormatsAdded.FindAllSubmatch(cfg, -1) {
			s.formats = append(s.formats, words(m)...)
		}
	}
	for _, m := range eleventyFilterDef.FindAllSubmatchIndex(cfg, -1) {
		name := string(cfg[m[2]:m[3]])
		f := eleventyFilter{}
		if l := luxonUTCFilter.FindSubmatch(cfg[m[1]:min(len(cfg), m[1]+600)]); l != nil && string(l[1]) == string(l[5]) {
			switch {
			case l[6] != nil || l[7] != nil:
				f = eleventyFilter{Known: true, Format: string(l[6]) + string(l[7])}
			case l[2] != nil && string(l[2]) == string(l[8]):
				f = eleventyFilter{Known: true, Arg: true, Format: string(l[3]) + string(l[4])}
			}
		}
		if !f.Known {
			// One of text (mamezou-tech-site's blogPage).
			if t, ok := readTextFilter(dir, cfgDir, cfg, cfg[m[1]:]); ok {
				f.Text = t
			}
		}
		if _, twice := s.filters[name]; twice {
			f = eleventyFilter{} // which one wins is the code's order: not guessed
		}
		s.filters[name] = f
	}
	s.buildZone = eleventyBuildZone(dir)
	s.layouts = eleventyLayouts(dir, in, cfg)
	return s
}

// eleventyBuildZone is the zone an Eleventy site's build runs in, when
// the site says who builds it: Netlify's, Vercel's and GitHub Actions'
// machines run in UTC, unless a TZ is set there (its zone, when Go knows
// it). "" when unknown: a date formatted in the building machine's zone
// (Liquid's date filter, getFullYear()) is then not known.
func eleventyBuildZone(dir string) string {
	var files []string
	for _, name := range []string{"netlify.toml", "vercel.json"} {
		if exists(filepath.Join(dir, name)) {
			files = append(files, filepath.Join(dir, name))
		}
	}
	workflows, _ := filepath.Glob(filepath.Join(dir, ".github", "workflows", "*.y*ml"))
	for i, w := range workflows {
		if b, err := readSmall(w); err == nil && i < 32 && (strings.Contains(string(b), "eleventy") || strings.Contains(string(b), "npm run build")) {
			files = append(files, w)
		}
	}
	if len(files) == 0 {
		return ""
	}
	for _, file := range files {
		b, _ := readSmall(file)
		if m := buildTZ.FindSubmatch(b); m != nil {
			if _, err := time.LoadLocation(string(m[1])); err != nil {
				return ""
			}
			return string(m[1])
		}
	}
	return "UTC"
}

// eleventyLayouts reads the front matter of an Eleventy site's layouts:
// those in its layouts folder (dir.layouts, else dir.includes, else
// _includes, in the input folder), at most maxLayoutFiles down to
// maxLayoutDepth. Each is listed under the names a layout key gives it
// ("layouts/post.njk", "layouts/post", an alias of addLayoutAlias), with
// the permalink, permalink: false or draft its front matter, or its own
// layout's, gives; only those that give one.
func eleventyLayouts(dir, in string, cfg []byte) map[string]eleventyLayout {
	name := "_includes"
	if m := eleventyDirPatterns[2].FindSubmatch(cfg); m != nil {
		name = string(m[1])
	} else if m := eleventyDirPatterns[1].FindSubmatch(cfg); m != nil {
		name = string(m[1])
	}
	folder := filepath.Join(dir, in, filepath.FromSlash(name))
	if rel, err := filepath.Rel(dir, folder); err != nil || strings.HasPrefix(rel, "..") {
		return nil
	}
	type front struct {
		permalink   any
		layout      string
		draft, seen bool
	}
	fronts := make(map[string]front) // by path in the layouts folder
	byName := make(map[string]string)
	n := 0
	filepath.WalkDir(folder, func(p string, d fs.DirEntry, err error) error {
		if err != nil || n >= maxLayoutFiles {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(folder, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && strings.Count(rel, "/") >= maxLayoutDepth-1 {
				return filepath.SkipDir
			}
			return nil
		}
		n++
		var fr front
		if b := readHead(p, MaxFrontMatterSize+64); startsFront(b) {
			if fm, _, _, start, format, ferr := splitFront(NormalizeSource(b)); ferr == nil {
				if m, _, _, ferr := decodeFrontAs(format, fm, start, defaultFrontLimits); ferr == nil {
					fr.permalink = m["permalink"]
					fr.layout, _ = m["layout"].(string)
					fr.draft = m["draft"] == true
				}
			}
		}
		fronts[rel] = fr
		byName[rel] = rel
		if stem := strings.TrimSuffix(rel, path.Ext(rel)); stem != rel {
			if _, taken := byName[stem]; !taken {
				byName[stem] = rel // the first by name: .html before .njk, as the folder lists them
			}
		}
		return nil
	})
	for _, m := range eleventyLayoutAlias.FindAllSubmatch(cfg, -1) {
		if target, ok := byName[string(m[2])]; ok {
			byName[string(m[1])] = target
		}
	}
	out := make(map[string]eleventyLayout)
	for key, file := range byName {
		l := eleventyLayout{File: filepath.ToSlash(filepath.Join(name, file))}
		for i, at := 0, file; i < maxLayoutChain; i++ {
			fr, ok := fronts[at]
			if !ok {
				break
			}
			l.Draft = l.Draft || fr.draft
			if l.Permalink == "" && !l.NoPage {
				switch p := fr.permalink.(type) {
				case string:
					l.Permalink = p
				case bool:
					l.NoPage = !p
				}
			}
			if at, ok = byName[fr.layout]; !ok {
				break
			}
		}
		if l.Permalink != "" || l.NoPage || l.Draft {
			out[key] = l
		}
	}
	return out
}

// eleventyPostOf is what m's def carries of its site: the layouts, the
// filters, the template language of its permalink, and whether Eleventy
// builds it at all.
func (s *eleventySite) postOf(file string, facts eleventyDirFacts) string {
	if s == nil {
		return ""
	}
	p := eleventyPost{Layouts: s.layouts, DirLayout: facts.vars["layout"], DirOverride: facts.vars["templateEngineOverride"], BuildZone: s.buildZone}
	for name, f := range s.filters {
		if p.Filters == nil {
			p.Filters = make(map[string]eleventyFilter)
		}
		p.Filters[name] = f
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(file), "."))
	switch ext {
	case "md":
		p.Engine = s.mdEngine
	case "html", "htm":
		p.Engine = s.htmlEngine
	case "njk", "liquid":
		p.Engine = ext // its own language, and no Markdown (noMarkdown)
	}
	if s.mdEngine != "liquid" {
		p.MdEngine = s.mdEngine
	}
	if s.formats != nil && !slices.Contains(s.formats, ext) {
		p.NotBuilt = "its extension ." + ext + " is none of the template formats Eleventy builds (" + strings.Join(s.formats, ", ") + ")"
		if slices.Equal(s.formats, eleventyDefaultFormats) {
			p.NotBuilt = "its extension ." + ext + " is none of the template formats Eleventy builds (md is Markdown's)"
		}
	}
	b, _ := json.Marshal(p)
	return string(b)
}

// overrideEngine is the template language Eleventy renders the page's
// permalink with when its front matter's templateEngineOverride is e;
// "html" when it names none (html alone), the permalink's text being
// taken as it is. Eleventy reads
// the override as its TemplateRender.parseEngineOverrides does (names
// split at commas, in lower case; html is no language, md goes first)
// and renders the permalink as the page's text but without Markdown
// (setEngineOverride with bypassMarkdown): an override naming md keeps
// the language Markdown is preprocessed with, the site's
// markdownTemplateEngine (mamezou-tech-site's "md" posts, their
// folders' "{{ page.date | date: '%Y/%m/%d' }}" Liquid), not the md
// alone its text is rendered with; one without md, its language.
// Two languages besides md, which Eleventy refuses, are reported as a
// language capsule does not follow ("?").
func (ep eleventyPost) overrideEngine(e string) string {
	var langs []string
	md := false
	for _, name := range strings.Split(e, ",") {
		switch name = strings.ToLower(strings.TrimSpace(name)); name {
		case "", "html":
		case "md":
			md = true
		default:
			if !slices.Contains(langs, name) {
				langs = append(langs, name)
			}
		}
	}
	switch {
	case len(langs) > 1:
		return "?"
	case md:
		return cmp.Or(ep.MdEngine, "liquid")
	case len(langs) == 1:
		return langs[0]
	}
	return "html"
}

// bodyEngine is the template language Eleventy runs over the post's
// text before its Markdown, "html" for none (its text as it is), when
// its data's templateEngineOverride is e (has: when it has one; false
// is ""). Eleventy's setEngineOverride, not bypassing Markdown: an
// override whose first language is md has its text preprocessed with
// the language named beside it, or none, not the site's
// markdownTemplateEngine; one without md, with its language alone; one
// of html alone, or empty, with none. Without an override, its file's
// language (ep.Engine: markdownTemplateEngine for Markdown). Two
// languages besides md, which Eleventy refuses, are "?".
func (ep eleventyPost) bodyEngine(e string, has bool) string {
	if !has {
		return ep.Engine
	}
	var langs []string
	for _, name := range strings.Split(e, ",") {
		switch name = strings.ToLower(strings.TrimSpace(name)); name {
		case "", "html", "md":
		default:
			if !slices.Contains(langs, name) {
				langs = append(langs, name)
			}
		}
	}
	switch len(langs) {
	case 0:
		return "html"
	case 1:
		return langs[0]
	}
	return "?"
}

// noMarkdown reports whether Eleventy renders the post at file, of
// front matter m, with no Markdown: a page of Nunjucks or Liquid
// (eleventyTextTemplates), or one whose templateEngineOverride names no
// md (TemplateRender.setEngineOverride: its first language is its
// engine, Markdown only when that is md; an override of html alone, or
// false, is the text as it is).
func (ep eleventyPost) noMarkdown(file string, m map[string]any) bool {
	e, has := ep.override(m)
	if !has {
		return hasExt(file, eleventyTextTemplates...)
	}
	for name := range strings.SplitSeq(e, ",") {
		if strings.ToLower(strings.TrimSpace(name)) == "md" {
			return false
		}
	}
	return true
}

// eleventyListTemplate finds in body, the text of an Eleventy page of
// Nunjucks or Liquid, what makes it a template of lists: a loop ({% for
// %}), or the site's collections named in a tag or an output ({{
// collections.posts | length }}); its offset and the tag, -1 for none.
// Such a page shows what Eleventy makes from data capsule does not have
// (eleventy-base-blog's index.njk, blog.njk, tags.njk): not the page's
// own text. One pass of two regular expressions over the body.
func eleventyListTemplate(body []byte) (int, string) {
	for _, m := range eleventyTemplateTag.FindAllSubmatchIndex(body, -1) {
		name := ""
		if m[2] >= 0 {
			name = string(body[m[2]:m[3]])
		}
		if name == "for" || eleventyCollections.Match(body[m[0]:m[1]]) {
			return m[0], clip(string(body[m[0]:m[1]]))
		}
	}
	return -1, ""
}

// A ListTemplate is an Eleventy page that is a template of a list of
// the site's collections (eleventyListTemplate: eleventy-base-blog's
// blog.njk, tags.njk), left out: where Eleventy writes it, and its file, which a link may name (its
// InputPathToUrl plugin makes such a link the page's address).
type ListTemplate struct {
	// Address is the page's: its permalink when that is written out
	// ("/archive/"), else the one its path in the input folder makes
	// (/blog/ of blog.njk).
	Address string
	// Posts: its text names a collection of posts (eleventyPostsCollection).
	Posts bool
	// Input is its file's path in the input folder ("blog.njk"), Dir
	// the input folder's from the site's top ("src"; "" for the top
	// itself), with slashes: its path from the top is Dir joined with
	// Input.
	Input, Dir string
}

// eleventyListAt is the ListTemplate of file, an Eleventy list template
// of front matter m (read from front, as written) and text body in the post folder
// def.dir; nil when its text names none of the site's collections (a
// loop over other data: no list of posts), or its address is one
// capsule does not know: a permalink filled in from data, its folder's
// data's permalink, one its front matter computes or paginates
// (JavaScript front matter's eleventyComputed, whose keys are not read:
// eleventy-base-blog's tag-pages.njk).
func eleventyListAt(file string, def postDefaults, m map[string]any, body, front []byte) *ListTemplate {
	_, literal := m["permalink"]
	if !eleventyCollections.Match(body) || !literal && (bytes.Contains(front, []byte("permalink")) || bytes.Contains(front, []byte("pagination"))) {
		return nil
	}
	t := &ListTemplate{Input: path.Join(def.dir, baseName(file)), Posts: eleventyPostsCollection.Match(body)}
	switch v, set := m["permalink"]; {
	case !set && def.dirPermalink == "":
		t.Address = eleventyFolderIndex(eleventyDefaultAddress(&Post{File: file, Dir: def.dir}))
	case set:
		s, ok := v.(string)
		if !ok || strings.ContainsAny(s, "{}%") || s == "" || strings.Contains(s, "..") {
			return nil
		}
		s = "/" + strings.TrimLeft(strings.TrimSuffix(s, "index.html"), "/")
		if !strings.HasSuffix(s, "/") {
			return nil // a file of its own (/_redirects, /feed.xml)
		}
		t.Address = s
	default:
		return nil
	}
	return t // its Dir is Load's
}

// ListTemplates are the Eleventy list templates capsule leaves out
// (ListTemplate), by file; nil for other sites.
func (c *Content) ListTemplates() []ListTemplate { return c.listTemplates }

var (
	// eleventyTemplateTag is a tag, its name (group 1), or an output.
	eleventyTemplateTag = regexp.MustCompile(`(?s)\{%-?\s*([A-Za-z_]*).*?%\}|\{\{.*?\}\}`)
	eleventyCollections = regexp.MustCompile(`\bcollections\b`)
	// eleventyPostsCollection is a collection of posts named:
	// collections.all, collections.posts (eleventy-base-blog's), or one
	// whose name says posts, a blog or articles (collections.blogPosts,
	// collections["articles"]); not collections.whoAmISections.
	eleventyPostsCollection = regexp.MustCompile(`\bcollections\s*(?:\.\s*|\[\s*["'])(?:all\b|\w*(?i:post|blog|article)\w*)`)
)

// override is the post's templateEngineOverride, its front matter's
// m else its folders' data's, as Eleventy reads it: a string, or false
// or null, which it reads as "" (no language). has is false when it has
// none, or one of another kind (which Eleventy refuses).
func (ep eleventyPost) override(m map[string]any) (e string, has bool) {
	v, set := m["templateEngineOverride"]
	switch v := v.(type) {
	case string:
		return v, true
	case bool:
		return "", !v
	case nil:
		if set {
			return "", true
		}
		return ep.DirOverride, ep.DirOverride != ""
	}
	return "", false
}

// eleventyPostData reads back what postOf wrote.
func eleventyPostData(s string) eleventyPost {
	p := eleventyPost{Engine: "liquid"}
	if s != "" {
		json.Unmarshal([]byte(s), &p)
	}
	return p
}

// eleventyPageDate is a post's page.date as Eleventy makes it, in UTC:
// its front matter's date (a YAML date, or a string Eleventy reads as
// ISO 8601, in UTC when it names no zone), else its name's date at
// midnight UTC; ok is false for any other (Last Modified, a file's
// creation).
func eleventyPageDate(m map[string]any, def postDefaults) (time.Time, bool) {
	if v, has := m["date"]; has {
		s, _ := v.(string)
		s = strings.TrimSpace(s)
		if len(s) < 10 || !isISODay(s[:10]) {
			return time.Time{}, false
		}
		t, ok := parseISODate(s, time.UTC)
		return t.UTC(), ok
	}
	if def.hasDate {
		return time.Date(def.date.Year(), def.date.Month(), def.date.Day(), 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

func isISODay(s string) bool {
	for i, r := range s {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// eleventyDateFilter is a filter applied to page.date: its name and
// argument as written (Liquid's date: "%Y", Nunjucks' date("y")).
var eleventyDateFilter = regexp.MustCompile(`^\s*([\w$]+)\s*(?::\s*(?:"([^"]*)"|'([^']*)')|\(\s*(?:(?:"([^"]*)"|'([^']*)')\s*)?\))?\s*$`)

// eleventyDateValue is what {{ page.date … }} writes, expr being what
// follows page.date ("| date: '%Y/%m/%d'", ".getFullYear()"): "" with
// ok false for anything capsule cannot write exactly as Eleventy does.
func eleventyDateValue(expr string, date time.Time, ep eleventyPost) (string, bool) {
	expr = strings.TrimSpace(expr)
	local := func() (time.Time, bool) { // the building machine's zone
		if ep.BuildZone == "" {
			return time.Time{}, false
		}
		loc, err := time.LoadLocation(ep.BuildZone)
		if err != nil {
			return time.Time{}, false
		}
		return date.In(loc), true
	}
	switch expr {
	case ".getUTCFullYear()":
		return strconv.Itoa(date.Year()), ep.Engine == "njk"
	case ".getFullYear()":
		t, ok := local()
		return strconv.Itoa(t.Year()), ok && ep.Engine == "njk"
	}
	rest, ok := strings.CutPrefix(expr, "|")
	if !ok || strings.Contains(rest, "|") {
		return "", false
	}
	m := eleventyDateFilter.FindStringSubmatch(rest)
	if m == nil {
		return "", false
	}
	name, arg, hasArg := m[1], m[2]+m[3]+m[4]+m[5], strings.ContainsAny(rest, "\"'")
	liquidArgs, njkArgs := strings.Contains(rest, ":"), strings.Contains(rest, "(")
	if liquidArgs && ep.Engine != "liquid" || njkArgs && ep.Engine != "njk" {
		return "", false
	}
	if f, defined := ep.Filters[name]; defined {
		switch {
		case !f.Known:
			return "", false
		case f.Arg && hasArg:
			return luxonFormat(date, arg)
		case f.Arg && f.Format != "":
			return luxonFormat(date, f.Format)
		case !f.Arg && !hasArg:
			return luxonFormat(date, f.Format)
		}
		return "", false
	}
	if name == "date" && ep.Engine == "liquid" && hasArg {
		// Liquid's own date filter, strftime's format, in the building
		// machine's zone.
		t, ok := local()
		if !ok {
			return "", false
		}
		if !numericDateFormat(arg) {
			return "", false
		}
		return strftime(t, arg)
	}
	return "", false
}

// luxonFormat is what luxon's toFormat writes of t (in UTC) for the
// numeric tokens of a date (y, yy, yyyy, M, MM, L, LL, d, dd) and text
// between them, quoted text ('at') as it is; ok is false for any other
// letter (a month's name, a time), which capsule does not write.
func luxonFormat(t time.Time, format string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		if c == '\'' {
			end := strings.IndexByte(format[i+1:], '\'')
			if end < 0 {
				return "", false
			}
			b.WriteString(format[i+1 : i+1+end])
			i += end + 2
			continue
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(format) && format[j] == c {
			j++
		}
		run := format[i:j]
		i = j
		switch run {
		case "y":
			b.WriteString(strconv.Itoa(t.Year()))
		case "yy":
			b.WriteString(pad2(t.Year() % 100))
		case "yyyy":
			b.WriteString(leftPad(strconv.Itoa(t.Year()), 4))
		case "M", "L":
			b.WriteString(strconv.Itoa(int(t.Month())))
		case "MM", "LL":
			b.WriteString(pad2(int(t.Month())))
		case "d":
			b.WriteString(strconv.Itoa(t.Day()))
		case "dd":
			b.WriteString(pad2(t.Day()))
		default:
			return "", false
		}
	}
	return b.String(), true
}

// numericDateFormat reports whether format's directives are the numeric
// ones of a date (%Y, %y, %m, %d, %-m, %-d, %%), the text between them
// aside: those whose output capsule knows is LiquidJS's own (strftime).
func numericDateFormat(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		d := format[i+1:]
		switch {
		case strings.HasPrefix(d, "-m"), strings.HasPrefix(d, "-d"):
			i += 2
		case d != "" && strings.ContainsRune("Yymd%", rune(d[0])):
			i++
		default:
			return false
		}
	}
	return true
}

func pad2(n int) string { return leftPad(strconv.Itoa(n), 2) }

func leftPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// eleventyNotPageExts are the extensions of what an Eleventy template
// whose permalink names them makes: a feed, data, a manifest, a
// stylesheet, no page (LJWatson/tink's rss.html at /feed.xml).
var eleventyNotPageExts = []string{".xml", ".rss", ".atom", ".json", ".jsonld", ".txt", ".webmanifest", ".css", ".js", ".mjs",
	".svg", ".ics", ".csv", ".tsv", ".yml", ".yaml", ".toml", ".xsl", ".xslt", ".vtt", ".ini"}

// eleventyNotPage is the extension of a file that is no page the
// permalink s names ("/feed.xml"), "" for a page's.
func eleventyNotPage(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "/") {
		return ""
	}
	ext := strings.ToLower(path.Ext(s))
	if slices.Contains(eleventyNotPageExts, ext) || strings.HasPrefix(path.Base(s), ".") {
		return ext // or a hidden file's name: a server's configuration (feed/.htaccess)
	}
	return ""
}

// readHead is the first n bytes of the file at p (fewer when it is
// shorter), nil when it cannot be read.
func readHead(p string, n int) []byte {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil
	}
	b := make([]byte, n)
	k, _ := io.ReadFull(f, b)
	return b[:k]
}
