package content

// Zola sites: a content folder beside a config.toml (or zola.toml) that
// sets base_url, read as Zola means it. Sections are folders with an
// _index.md (its sort_by, paginate_by, extra… are the section's, not a
// post's); pages are the other Markdown files, a page bundle's index.md
// among them; a page's date may come from its file or bundle name
// (2024-01-02-slug.md, 2024-01-02_slug); front matter is TOML between
// "+++" lines, after blank lines if any; "@/section/page.md" links name
// a page by its file; {{ name(args) }} and {% name(args) %}…{% end %} are
// shortcodes. A Zola site is read as a Hugo content folder is, with these
// differences, which this file holds.

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// LayoutZola names a Zola site, as LoadOptions.Layout takes it.
const LayoutZola = "zola"

// zolaConfigNames are the names of a Zola site's configuration, in the
// order Zola takes them.
var zolaConfigNames = []string{"zola.toml", "config.toml"}

// zolaConfigIn is the name of the Zola configuration in dir: a file that
// sets base_url, which Zola requires (Hugo's is baseURL), or a zola.toml;
// "" if none.
func zolaConfigIn(dir string) string {
	for _, name := range zolaConfigNames {
		m, ferr := readConfig(filepath.Join(dir, name), false)
		if _, ok := m["base_url"].(string); ok || ferr != nil && name == "zola.toml" {
			// (zola.toml is Zola's name alone: one that does not
			// parse is still Zola's, and said to be broken.)
			return name
		}
	}
	return ""
}

// findZolaRoot is the root of the Zola site dir is (dir itself) or whose
// content folder holds dir (up to hugoConfigAbove folders above it), and
// its configuration's name; "" when there is none.
func findZolaRoot(dir string) (root, file string) {
	return findSiteRoot(dir, zolaConfigIn, func(string, string) []string { return []string{"content"} })
}

// zolaFolder is f made the Zola site at root (its configuration file),
// dir the posts folder given; root "" when forced without a configuration.
func zolaFolder(f folder, dir, root, file string) folder {
	f.layout, f.zola, f.root = layoutHugo, true, root
	f.config = siteConfig{contentDir: "content", staticDirs: []string{"static"}}
	if root == "" {
		f.why = "layout = \"zola\""
		return f
	}
	f.why = "Zola's " + file
	f.config = readZolaConfig(root, file)
	if dir == root {
		f.content = filepath.Join(root, "content")
	}
	return f
}

// readZolaConfig reads what capsule uses of a Zola configuration: title,
// description, base_url, default_language, and the languages of
// translations (languages.fr: name.fr.md), served as Hugo's are.
func readZolaConfig(root, file string) siteConfig {
	c := siteConfig{file: file, contentDir: "content", staticDirs: []string{"static"}}
	m, ferr := readConfig(filepath.Join(root, file), false)
	if ferr != nil {
		c.problems = []*FileError{ferr}
	}
	c.title, c.description = str(m["title"]), str(m["description"])
	c.baseURL = strings.TrimSuffix(str(m["base_url"]), "/")
	c.lang = str(m["default_language"])
	defCode := cmp.Or(strings.ToLower(c.lang), "en")
	// The default language's own table ([languages.en] beside
	// default_language = "en") sets its title and description where the
	// top level does not, as Zola (0.16 and later) reads it.
	def := section(section(m, "languages"), defCode)
	c.title, c.description = cmp.Or(c.title, str(def["title"])), cmp.Or(c.description, str(def["description"]))
	c.zolaPaths = cmp.Or(strings.ToLower(str(section(m, "slugify")["paths"])), "on")
	c.zolaTaxonomies = cmp.Or(strings.ToLower(str(section(m, "slugify")["taxonomies"])), "on")
	c.termPagers = zolaTermPagers(m)
	// Zola builds every page whatever its date: its future posts are held
	// here, said as Hugo's buildFuture is.
	c.futureKey = "Zola publishes pages dated in the future"
	c.languages, c.urls.languages, c.urls.defaultLang = zolaLanguages(m, defCode)
	return c
}

// zolaTermPagers are the Pagers of the taxonomies of a Zola site's
// configuration m that split their terms' lists (taxonomies = [{name =
// "tags", paginate_by = 5}], paginate_path "page" unless written), by
// name: tags and categories, the taxonomies capsule serves.
func zolaTermPagers(m map[string]any) map[string]Pager {
	list, _ := m["taxonomies"].([]any)
	var pagers map[string]Pager
	for _, t := range list {
		tm, ok := t.(map[string]any)
		name := str(tm["name"])
		size := int(frontInt(tm["paginate_by"]))
		if !ok || (name != "tags" && name != "categories") || size <= 0 {
			continue
		}
		dir := "page"
		if pp, ok := tm["paginate_path"].(string); ok {
			// Written empty: the pages are at /tags/go/2/.
			dir = pagerPath(pp, "")
		}
		if pagers == nil {
			pagers = make(map[string]Pager)
		}
		pagers[name] = Pager{Size: size, Path: dir}
	}
	return pagers
}

// zolaLanguages are the languages of a Zola configuration with
// translations ([languages.fr], beside default_language, def): the
// default one at the top of the site, the others under /<code>/, as Zola
// serves them, each with its title and description; none when there is
// no other language. byCode is the same as urlConfig.languages has it.
func zolaLanguages(m map[string]any, def string) (langs []Language, byCode map[string]string, defCode string) {
	others := section(m, "languages")
	if len(others) == 0 || len(others) == 1 && others[def] != nil {
		return nil, nil, ""
	}
	langs = []Language{{Code: def, Tag: def, Name: cmp.Or(languageName(def), def)}}
	byCode = map[string]string{def: ""}
	for code, v := range others {
		code = strings.ToLower(code)
		if code == def || !langPattern.MatchString(code) {
			continue
		}
		lm, _ := v.(map[string]any)
		langs = append(langs, Language{Code: code, Tag: code, Name: cmp.Or(languageName(code), code),
			Title: str(lm["title"]), Description: str(lm["description"]), Weight: 1, Dir: "/" + code})
		byCode[code] = ""
	}
	slices.SortFunc(langs, func(a, b Language) int { return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Code, b.Code)) })
	return langs, byCode, def
}

// zolaSection is a Zola section: a folder of the content folder with an
// _index.md.
type zolaSection struct {
	sortBy      string
	transparent bool
	redirectTo  string // where its address leads: a section without a page of its own in capsule
	baseURL     string // the root section's: the site's base_url, for links to sections
}

// zolaSectionFile is what capsule reads of one of a Zola section's files,
// _index.md or a translation's _index.fr.md: what Zola's section of that
// language lists and where.
type zolaSectionFile struct {
	dir      string // its section's folder: "" the top, "blog", "docs/intro"
	lang     string // its language's folder: "" for the default one, "/fr"
	title    string
	weight   int    // orders it among its parent's subsections (Zola's is 0 unless written)
	paginate int    // paginate_by: its list split into pages of so many, 0 when not
	pagePath string // paginate_path: where those pages are, "page" unless written
	unlisted bool   // render = false, redirect_to or draft: no list at its address
}

// zolaSections reads the sections of content: "" for the content folder
// itself, then "blog", "docs/intro"… with slashes; and each of their
// files, by its path in content (with slashes), in its language
// (langDir: the folder of a language code, "" for the default language).
func zolaSections(content string, files []string, langDir func(stem string) string) (map[string]zolaSection, map[string]zolaSectionFile) {
	out := map[string]zolaSection{}
	byFile := make(map[string]zolaSectionFile, len(files))
	for _, file := range files {
		s := &source{path: file, limit: DefaultMaxPostSize, what: "one post"}
		if s.read(); s.err != nil {
			continue
		}
		src, _ := trimBlankStart(NormalizeSource(s.data))
		var sec zolaSection
		sf := zolaSectionFile{dir: relDir(content, file), pagePath: "page",
			lang: langDir(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))}
		if front, _, _, start, format, ferr := splitFront(src); ferr == nil {
			if m, _, _, ferr := decodeFrontAs(format, front, start, defaultFrontLimits); ferr == nil {
				sec.sortBy, sec.transparent = str(m["sort_by"]), m["transparent"] == true
				sec.redirectTo = str(m["redirect_to"])
				sf.title = str(m["title"])
				sf.weight, sf.paginate = int(frontInt(m["weight"])), int(frontInt(m["paginate_by"]))
				if pp, ok := m["paginate_path"].(string); ok {
					sf.pagePath = strings.Trim(pp, "/")
				}
				sf.unlisted = m["render"] == false || sec.redirectTo != "" || m["draft"] == true
			}
		}
		out[sf.dir] = sec
		byFile[filepath.ToSlash(relPath(content, file))] = sf
	}
	return out, byFile
}

// frontInt is a front matter value read as a whole number, within what
// a Zola section's weight or paginate_by can hold (Zola's usize, kept
// below 2^31): 0 for another value.
func frontInt(v any) int64 {
	var n int64
	switch v := v.(type) {
	case int64:
		n = v
	case int:
		n = int64(v)
	case uint64:
		n = int64(min(v, math.MaxInt32))
	default:
		return 0
	}
	return max(0, min(n, math.MaxInt32))
}

// zolaSorting is how the pages in section dir are sorted, which says
// whether they are the blog's posts: "date" (or "update_date"), Zola's
// blog convention; "permalink", a blog's whose addresses start with their
// dates (zolaPathDate); else they are pages. A transparent section's
// pages are its parent's, sorted as those are, unless it sorts them
// itself by one of these.
func zolaSorting(sections map[string]zolaSection, dir string) string {
	for {
		s, ok := sections[dir]
		switch {
		case ok && (s.sortBy == "date" || s.sortBy == "update_date" || s.sortBy == "permalink"):
			return s.sortBy
		case ok && !s.transparent:
			return ""
		case dir == "":
			return ""
		}
		if dir = path.Dir(dir); dir == "." {
			dir = ""
		}
	}
}

// zolaPathDated matches the address of a Zola page whose path says its
// date: the three folders before its last, /2014/12/12/1.0-Timeline/,
// /inside-rust/2019/10/03/slug/.
var zolaPathDated = regexp.MustCompile(`^/(?:[^/]+/)*(\d{4})/(\d{2})/(\d{2})/[^/]+/$`)

// zolaPathDate is the date the address of a page of a section sorted by
// permalink gives it (zolaPathDated), at midnight in loc. Zola gives such
// a page no date, but lists the section in the order of its addresses:
// by date, when they start with it, as a blog's are (blog.rust-lang.org:
// path = "2014/12/12/1.0-Timeline", which its templates show as the
// post's date and, reversed, list newest first). ok is false when the
// address holds no date, or no real one (2024/13/45).
func zolaPathDate(addr string, loc *time.Location) (d time.Time, ok bool) {
	g := zolaPathDated.FindStringSubmatch(addr)
	if g == nil {
		return time.Time{}, false
	}
	d, err := time.ParseInLocation("2006/01/02", g[1]+"/"+g[2]+"/"+g[3], loc)
	return d, err == nil
}

// zolaSlug is s made a path as Zola's [slugify] paths makes a page's slug
// (its name's, or its front matter's slug). "on", the default, lower-cases
// ASCII letters and writes each run of anything but letters and digits
// as one "-", none at either end: the page 2017-09-17-Use minpac.vim.md
// is at /use-minpac-vim/, first_post.md at /first-post/. "safe" takes out
// only what a file name cannot hold (<>:"/\|?*, and spaces and dots at
// its end); "off" leaves it as it is. (Zola's "on" also spells other
// letters in ASCII, "日本" ri-ben, from a table capsule does not have: it
// keeps them, lower-cased, so a link written as such an address is a
// dead link, warned about.)
func zolaSlug(s, paths string) string {
	switch paths {
	case "off":
		return s
	case "safe":
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune(`<>:"/\|?*`, r) {
				return -1
			}
			return r
		}, strings.TrimRight(s, " ."))
	}
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)):
			r = unicode.ToLower(r)
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// zolaDated matches a file or bundle name that starts with a date, as
// Zola takes a page's date from it: 2024-01-02-slug, 2024-01-02_slug.
var zolaDated = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?[-_](.+)$`)

// zolaArrange makes posts (the content folder's Markdown, top and nested)
// Zola's: their sections decide which are posts, their file names give
// dates and slugs. It returns the sections whose pages are posts, for
// the layout line.
func (f folder) zolaArrange(posts []*mdFile, sectionFiles []string, loc *time.Location) ([]string, map[string]zolaSection, map[string]zolaSectionFile) {
	var files []string
	if site := filepath.Join(f.content, SiteFile); exists(site) {
		files = append(files, site)
	}
	langDir := func(stem string) string {
		if _, code := f.config.langSuffix(stem); code != "" {
			if l := f.config.language(code); l != nil {
				return l.Dir
			}
		}
		return ""
	}
	sections, byFile := zolaSections(f.content, append(files, sectionFiles...), langDir)
	var homes []string // other languages' root sections: their lists, not the root's sort_by
	for _, l := range f.config.languages {
		if home := filepath.Join(f.content, "_index."+l.Code+".md"); l.Dir != "" && exists(home) {
			homes = append(homes, home)
		}
	}
	_, homeFiles := zolaSections(f.content, homes, langDir)
	maps.Copy(byFile, homeFiles)
	root := sections[""]
	root.baseURL = f.config.baseURL
	sections[""] = root
	var main []string
	for _, m := range posts {
		m.def.zola, m.def.bare, m.def.zolaPaths = true, true, f.config.zolaPaths
		dir := m.def.dir
		name, _ := f.config.langSuffix(strings.TrimSuffix(filepath.Base(m.src.path), filepath.Ext(m.src.path)))
		section := m.nested && isSectionStem(name)
		if m.nested && strings.EqualFold(name, "index") || section {
			name = path.Base(dir) // a bundle, or a section that is a page: named by its folder
			if dir = path.Dir(dir); dir == "." {
				dir = ""
			}
		}
		slug := name
		if g := zolaDated.FindStringSubmatch(name); g != nil && !section {
			if d, err := time.ParseInLocation("2006-01-02", g[1], loc); err == nil {
				m.def.date, m.def.hasDate = d, true
				slug = g[2]
			}
		}
		if s := zolaSlug(slug, f.config.zolaPaths); s != "" {
			m.slug = s
			m.def.nameSlug = s // its address's, as Zola makes it (capsule's own slug may differ: makeSlug)
		} else {
			m.slug = slug // no letter or digit ("!!!"): makeSlug names it, and says so
		}
		sorting := zolaSorting(sections, dir)
		isMain := (sorting == "date" || sorting == "update_date") && !section // a section has no date: never a post
		// A page of a section sorted by permalink is a page, unless its
		// path dates it (zolaPathDate): a post then.
		byPath := sorting == "permalink" && !section
		m.def.page, m.def.undatedPage, m.def.zolaPathDate = !isMain, true, byPath
		if (isMain || byPath) && !slices.Contains(main, dir) {
			main = append(main, dir)
		}
	}
	slices.Sort(main)
	return main, sections, byFile
}

// sectionTextPages are the sections of a Zola or Hugo site that are
// pages: a section's _index.md (sectionFiles, of the folders below dir)
// with text of its own, which Zola and Hugo render at the section's
// address, /about/, with that text (serene's and tabi's About page),
// above the list of the section's pages if it has any (tabi's
// notes/_index.md, noborus.github.io's ov/_index.ja.md). Each is a page
// of its folder's name, at the address capsule gives pages, its
// generator's address a redirect (zolaAddress, hugoAddress); the list
// of its pages is added to its text once the posts are made
// (sectionLists). A Zola section that redirects (redirect_to) or is not
// rendered (render = false) is none; a Hugo section's build options and
// headless are read as a page's. made holds their files.
func sectionTextPages(dir, root string, sectionFiles []string, maxPost int64) (pages []*mdFile, made map[string]bool) {
	var at []fileAt
	for _, file := range sectionFiles {
		rel := relDir(dir, file)
		if rel == "" {
			continue
		}
		s := &source{path: file, limit: maxPost, what: "one post"}
		if s.read(); s.err != nil {
			continue // its problem is said when it is loaded as a section's
		}
		src, _ := trimBlankStart(NormalizeSource(s.data))
		front, body, _, start, format, ferr := splitFront(src)
		if ferr != nil || len(bytes.TrimSpace(body)) == 0 {
			continue
		}
		if m, _, _, ferr := decodeFrontAs(format, front, start, defaultFrontLimits); ferr != nil || str(m["redirect_to"]) != "" || m["render"] == false {
			continue
		}
		at = append(at, fileAt{path: file, name: filepath.Base(file), folder: filepath.Dir(file)})
	}
	if len(at) == 0 {
		return nil, nil
	}
	made = make(map[string]bool, len(at))
	srcs := make([]source, len(at))
	for i, in := range inspectAll(at, srcs, root, maxPost) {
		rel := relDir(dir, at[i].path)
		pages = append(pages, &mdFile{src: in.src, warn: in.warn, ferr: in.ferr, nested: true, slug: path.Base(rel),
			def: postDefaults{dir: rel, bare: true}})
		made[at[i].path] = true
	}
	return pages, made
}

// isSectionStem reports whether stem, a Zola or Hugo page's file name without its
// extension and language, is a section's own (_index): a section that is
// a page (sectionTextPages).
func isSectionStem(stem string) bool { return stem == "_index" }

// zolaDescribe is describe for a Zola site whose sections of posts are
// main, of sections (a section sorted by permalink dates its pages by
// their paths: zolaPathDate).
func (f folder) zolaDescribe(main []string, sections map[string]zolaSection) string {
	s := "a Zola site (" + f.why + ")"
	if len(main) == 0 {
		return s + ": no section sorts by date, every page a page"
	}
	var byDate, byPath []string
	for _, m := range main {
		if zolaSorting(sections, m) == "permalink" {
			byPath = append(byPath, cmp.Or(m, "the top"))
		} else {
			byDate = append(byDate, cmp.Or(m, "the top"))
		}
	}
	var from []string
	if len(byDate) > 0 {
		from = append(from, "the dated pages of sections sorting by date ("+someNames(byDate)+")")
	}
	if len(byPath) > 0 {
		from = append(from, "the pages dated by their path of sections sorting by permalink ("+someNames(byPath)+")")
	}
	return s + ": posts from " + strings.Join(from, " and ") + ", other pages as pages"
}

// namedSections is the most sections zolaDescribe names in a list.
const namedSections = 10

// someNames joins the first namedSections of names, then says how many
// more there are: a site may keep its posts in a section a day
// (ousttrue.github.io's posts/2013/05/14/), and the line that says what
// the folder was taken for, written at every start and reload, would
// name thousands.
func someNames(names []string) string {
	if len(names) <= namedSections {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:namedSections], ", "), len(names)-namedSections)
}

// zolaAddress is p's address on the Zola site: its path, else
// /<section path>/<slug>/; a section's that is a page (section), its
// folder's path, /about/.
func zolaAddress(p *Post, bundle, section bool) string {
	if section {
		return "/" + p.Dir + "/" // its folder's path, as written: Zola slugifies no section's
	}
	if p.own != "" {
		return "/" + strings.Trim(p.own, "/") + "/"
	}
	dir := p.Dir
	if bundle {
		if dir = path.Dir(dir); dir == "." {
			dir = ""
		}
	}
	slug := p.Slug
	if p.fmSlug != "" {
		slug = p.fmSlug // as Zola made it (zolaSlug), before capsule's own slug is made of it
	}
	return path.Join("/", dir, slug) + "/"
}

// zolaFoldedAddress is p's address on the Zola site as Zola spells its
// slug with [slugify] paths = "on": Latin letters without their
// diacritics (càrrega carrega, ß ss), as ZolaTermKey spells a term; ""
// when p has its own path (Zola slugifies none) or its slug has no
// Latin letter to fold. Letters of other scripts, which Zola spells in
// ASCII from a table capsule lacks (日記 ri-ji), are kept: that address
// capsule does not know.
func zolaFoldedAddress(p *Post, bundle bool) string {
	if p.own != "" {
		return ""
	}
	slug := p.Slug
	if p.fmSlug != "" {
		slug = p.fmSlug
	}
	folded := ZolaTermKey(slug)
	if folded == "" || folded == slug {
		return ""
	}
	dir := p.Dir
	if bundle {
		dir = parentDir(dir)
	}
	return path.Join("/", dir, folded) + "/"
}

// zolaPageKeys are the keys of a Zola page's front matter capsule leaves
// to Zola's templates, without a warning.
var zolaPageKeys = []string{"extra", "template", "weight", "in_search_index", "render", "path",
	"sort_by", "paginate_by", "paginate_path", "paginate_reversed", "transparent", "redirect_to",
	"page_template", "insert_anchor_links", "generate_feeds", "generate_feed", "authors"}

// zolaFront makes a Zola page's front matter capsule's: taxonomies.tags
// and taxonomies.categories become tags and categories, path its own
// address.
func zolaFront(m map[string]any, lines map[string]int) {
	if tax, ok := m["taxonomies"].(map[string]any); ok {
		for _, k := range []string{"tags", "categories"} {
			if v, ok := tax[k]; ok {
				if _, has := m[k]; !has {
					m[k], lines[k] = v, keyFileLine(lines, "taxonomies", k)
				}
			}
		}
		delete(m, "taxonomies")
	}
	if p, ok := m["path"].(string); ok && strings.Trim(p, "/") != "" && m["url"] == nil {
		m["url"], lines["url"] = "/"+strings.Trim(p, "/")+"/", lines["path"]
	}
}

// trimBlankStart drops the blank lines a Zola or Hugo page may start
// with before its front matter; n is how many.
func trimBlankStart(src []byte) (out []byte, n int) {
	for {
		line, rest, ok := bytes.Cut(src, []byte("\n"))
		if !ok || len(bytes.TrimSpace(line)) > 0 {
			return src, n
		}
		src, n = rest, n+1
	}
}

// Zola shortcodes: {{ name(args) }} inline, {% name(args) %}…{% end %}
// around a body.
var (
	zolaInline  = regexp.MustCompile(`\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\(((?:[^()"']|"[^"]*"|'[^']*')*)\)\s*\}\}`)
	zolaBodyTag = regexp.MustCompile(`\{%\s*([A-Za-z_][A-Za-z0-9_]*)\(((?:[^()"']|"[^"]*"|'[^']*')*)\)\s*%\}`)
	zolaEnd     = regexp.MustCompile(`\{%\s*end\s*%\}`)
	zolaArg     = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,\s]+)`)
	zolaEscaped = regexp.MustCompile(`\{\{/\*\s*(.*?)\s*\*/\}\}|\{%/\*\s*(.*?)\s*\*/%\}`)
	zolaLink    = regexp.MustCompile(`\]\(\s*<?@/([^)\s>]*)>?`)
	zolaRefDef  = regexp.MustCompile(`(?m)^( {0,3}\[[^\]]+\]:\s*)<?@/([^\s>]+)>?`)
)

// zolaBody rewrites the Zola parts of a page's Markdown into what capsule
// reads: the common shortcodes into Hugo's (expanded after), others
// dropped (a body shortcode's body kept), "@/" links into the target's
// path in the content folder. Fenced code is left alone but for Zola's
// escapes ({{/* name() */}} shows {{ name() }}). dropped counts the
// shortcodes dropped, by name, with the first line of each.
func zolaBody(body []byte, line int, sections map[string]zolaSection) (out []byte, dropped, images map[string]int) {
	dropped, images = map[string]int{}, map[string]int{}
	lines := bytes.SplitAfter(body, []byte("\n"))
	// The fence open, as CommonMark reads one: its character and length;
	// only a line of as many or more of it, and nothing else, closes it
	// (a "```rust" inside "````" is code: tabi's shortcodes after one were
	// shown as written).
	var fenceCh byte
	fenceN := 0
	var bodies []string // the body shortcodes open, a diagram's by name
	for i, l := range lines {
		trimmed := bytes.TrimLeft(l, " \t>")
		if fenceCh != 0 {
			if scClosesFence(bytes.TrimRight(trimmed, "\r\n"), fenceCh, fenceN) {
				fenceCh = 0
			}
			lines[i] = zolaUnescape(l)
			continue
		}
		if ch, n := scFenceOpen(bytes.TrimRight(trimmed, "\r\n")); n > 0 {
			fenceCh, fenceN = ch, n
			lines[i] = zolaUnescape(l)
			continue
		}
		// A diagram's body shortcode on its own lines ({% mermaid() %}
		// … {% end %}: tabi's) is Hugo's, a fenced block of its
		// source; its end is told from the other bodies' ends.
		if t := bytes.TrimSpace(l); zolaBodyTag.Match(t) && len(zolaBodyTag.Find(t)) == len(t) {
			name := string(zolaBodyTag.FindSubmatch(t)[1])
			if diagramShortcodes[name] != "" {
				bodies = append(bodies, name)
				lines[i] = []byte("{{< " + name + " >}}\n")
				continue
			}
			bodies = append(bodies, "")
		} else if zolaEnd.Match(t) && len(zolaEnd.Find(t)) == len(t) && len(bodies) > 0 {
			name := bodies[len(bodies)-1]
			bodies = bodies[:len(bodies)-1]
			if name != "" {
				lines[i] = []byte("{{< /" + name + " >}}\n")
				continue
			}
		}
		if n := zolaCallLines(lines[i:]); n > 1 {
			// A call whose arguments go on over the next lines, as
			// Zola's grammar allows: read as one line, its other lines
			// left blank (so that the lines after keep their numbers).
			joined := bytes.Join(lines[i:i+n], nil)
			l = append(bytes.ReplaceAll(bytes.TrimRight(joined, "\n"), []byte("\n"), []byte(" ")), '\n')
			for j := i + 1; j < i+n; j++ {
				lines[j] = []byte("\n")
			}
		}
		lines[i] = zolaOutsideCode(l, func(part []byte) []byte { return zolaLine(part, line+i, dropped, images, sections) })
	}
	return bytes.Join(lines, nil), dropped, images
}

// zolaWholeCall is a line that is one shortcode call and nothing else.
var zolaWholeCall = regexp.MustCompile(`^[ \t]*\{[{%]-?\s*[A-Za-z_][A-Za-z0-9_]*\(.*\)\s*-?[}%]\}[ \t]*\r?\n?$`)

// zolaCallOpen is the start of a shortcode call, "{{ name(" or "{% name(".
var zolaCallOpen = regexp.MustCompile(`\{[{%]\s*[A-Za-z_][A-Za-z0-9_]*\(`)

// maxZolaCallLines bounds the lines a shortcode call's arguments may take
// (a figure's src, alt and caption, one a line, take four): a "{{ name("
// never closed costs a look at this many lines, not at the rest of the
// page.
const maxZolaCallLines = 16

// zolaCallLines is how many of lines, from the first, a shortcode call
// opened on the first one and not closed there takes, its closing "}}"
// or "%}" included; 1 when there is none such, or when it does not close
// within maxZolaCallLines. The close is looked for first, a byte search
// of each line; the call's pattern is matched once, on the lines up to
// it: a post of calls never closed costs a search of 16 lines each.
func zolaCallLines(lines [][]byte) int {
	loc := zolaCallOpen.FindIndex(lines[0])
	if loc == nil {
		return 1
	}
	closer := []byte("}}")
	if lines[0][loc[0]+1] == '%' {
		closer = []byte("%}")
	}
	if bytes.Contains(lines[0][loc[1]:], closer) {
		return 1 // closed on its line, or not a call: the line's rewriting sees
	}
	for n := 2; n <= len(lines) && n <= maxZolaCallLines; n++ {
		l := lines[n-1]
		if len(bytes.TrimSpace(l)) == 0 {
			return 1 // a blank line: the call ended unclosed
		}
		if !bytes.Contains(l, closer) {
			continue
		}
		flat := bytes.ReplaceAll(bytes.Join(lines[:n], nil)[loc[0]:], []byte("\n"), []byte(" "))
		if zolaInline.Match(flat) || zolaBodyTag.Match(flat) {
			return n
		}
		return 1
	}
	return 1
}

// zolaOutsideCode applies rewrite to the parts of l outside code spans,
// and only Zola's escapes inside them.
func zolaOutsideCode(l []byte, rewrite func([]byte) []byte) []byte {
	if !bytes.Contains(l, []byte("`")) || zolaWholeCall.Match(l) {
		// (A line that is one call is the call's, backticks in its
		// arguments too: tabi's aside(text="set `x = true`") was
		// shown as written.)
		return rewrite(l)
	}
	var out []byte
	start := 0
	for i := 0; i < len(l); {
		if l[i] != '`' {
			i++
			continue
		}
		n := 0
		for i+n < len(l) && l[i+n] == '`' {
			n++
		}
		fence := bytes.Repeat([]byte("`"), n)
		end := -1
		for j := i + n; j < len(l); {
			k := bytes.Index(l[j:], fence)
			if k < 0 {
				break
			}
			k += j
			m := 0
			for k+m < len(l) && l[k+m] == '`' {
				m++
			}
			if m == n {
				end = k
				break
			}
			j = k + m
		}
		if end < 0 {
			i += n
			continue
		}
		out = append(out, rewrite(l[start:i])...)
		out = append(out, zolaUnescape(l[i:end+n])...)
		i, start = end+n, end+n
	}
	return append(out, rewrite(l[start:])...)
}

func zolaUnescape(l []byte) []byte {
	return zolaEscaped.ReplaceAllFunc(l, func(s []byte) []byte {
		g := zolaEscaped.FindSubmatch(s)
		if g[1] != nil || bytes.HasPrefix(s, []byte("{{")) {
			return []byte("{{ " + string(g[1]) + " }}")
		}
		return []byte("{% " + string(g[2]) + " %}")
	})
}

// zolaLine rewrites one line outside fenced code.
func zolaLine(l []byte, n int, dropped, images map[string]int, sections map[string]zolaSection) []byte {
	if !bytes.Contains(l, []byte("{")) && !bytes.Contains(l, []byte("@/")) {
		return l
	}
	// Escaped ones are text: set aside while the others are rewritten.
	var escaped [][]byte
	l = zolaEscaped.ReplaceAllFunc(l, func(s []byte) []byte {
		escaped = append(escaped, zolaUnescape(s))
		return []byte(fmt.Sprintf("\x00%d\x00", len(escaped)-1))
	})
	l = zolaLink.ReplaceAllFunc(l, func(s []byte) []byte {
		return []byte("](" + zolaTarget(string(zolaLink.FindSubmatch(s)[1]), sections))
	})
	l = zolaRefDef.ReplaceAllFunc(l, func(s []byte) []byte {
		g := zolaRefDef.FindSubmatch(s)
		return []byte(string(g[1]) + zolaTarget(string(g[2]), sections))
	})
	drop := func(name string) {
		if _, ok := dropped[name]; !ok {
			dropped[name] = n
		}
	}
	l = zolaInline.ReplaceAllFunc(l, func(s []byte) []byte {
		g := zolaInline.FindSubmatch(s)
		name, args := string(g[1]), zolaArgs(string(g[2]))
		if h := zolaHugo(name, args); h != "" {
			return []byte(h)
		}
		if h := zolaImage(args); h != "" {
			// A theme's image (tabi's dual_theme_image(light_src=…,
			// dark_src=…, alt=…), full_width_image(src=…)): an image
			// of its src, as Hugo's unknown shortcodes with a src are,
			// rather than nothing.
			if _, ok := images[name]; !ok {
				images[name] = n
			}
			return []byte(h)
		}
		drop(name)
		// Its words for readers, when it has some (tabi's
		// aside(text="…")), are kept, as a body shortcode's body is.
		for _, k := range []string{"text", "body", "content", "quote"} {
			if v := strings.TrimSpace(args[k]); v != "" {
				return []byte(v)
			}
		}
		return nil
	})
	l = zolaBodyTag.ReplaceAllFunc(l, func(s []byte) []byte {
		drop(string(zolaBodyTag.FindSubmatch(s)[1]))
		return nil
	})
	l = zolaEnd.ReplaceAll(l, nil)
	if len(escaped) > 0 {
		for i, e := range escaped {
			l = bytes.Replace(l, []byte(fmt.Sprintf("\x00%d\x00", i)), e, 1)
		}
	}
	return l
}

// zolaTarget is where an "@/" link leads: a page's file, by its path in
// the content folder; a section's _index.md, to the page its redirect_to
// names (Zola's address of it), else the section's address on the web
// site (base_url): capsule has no page for a section, and keeps a link to
// the blog's web site it has no page for.
func zolaTarget(target string, sections map[string]zolaSection) string {
	file, anchor, _ := strings.Cut(target, "#")
	if anchor != "" {
		anchor = "#" + anchor
	}
	lang := "" // a translation's section: _index.ca.md, at /ca/projects/
	if m := zolaLangIndex.FindStringSubmatch(path.Base(file)); m != nil {
		lang = m[1] + "/"
	} else if path.Base(file) != SiteFile {
		return "/" + file + anchor
	}
	dir := strings.Trim(path.Dir(file), "/.")
	if to := strings.Trim(sections[dir].redirectTo, "/"); to != "" && !strings.Contains(to, "://") && lang == "" {
		return "/" + to + "/" + anchor
	}
	if dir != "" {
		dir += "/"
	}
	return sections[""].baseURL + "/" + lang + dir + anchor
}

// zolaLangIndex is the name of a section's file in another language.
var zolaLangIndex = regexp.MustCompile(`^_index\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.md$`)

// zolaArgs reads a shortcode's arguments: key=value, comma-separated.
func zolaArgs(s string) map[string]string {
	out := map[string]string{}
	for _, g := range zolaArg.FindAllStringSubmatch(s, -1) {
		v := g[2]
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
			v = v[1 : len(v)-1]
		}
		out[g[1]] = v
	}
	return out
}

// zolaHugo is the Hugo shortcode a common Zola shortcode means, "" for
// the others.
func zolaHugo(name string, a map[string]string) string {
	q := func(s string) string { return `"` + strings.NewReplacer(`"`, `'`, "\n", " ").Replace(s) + `"` }
	switch name {
	case "youtube", "vimeo":
		if a["id"] == "" {
			return ""
		}
		return "{{< " + name + " id=" + q(a["id"]) + " >}}"
	case "figure", "image", "img", "resize_image", "fit_image":
		src := cmp.Or(a["src"], cmp.Or(a["path"], a["url"]))
		if src == "" {
			return ""
		}
		if rest, ok := strings.CutPrefix(src, "@/"); ok {
			// Zola's path in the content folder, where capsule serves
			// the file too.
			src = "/" + rest
		}
		h := "{{< figure src=" + q(src)
		if c := cmp.Or(a["caption"], a["title"]); c != "" {
			h += " caption=" + q(c)
		}
		if alt := a["alt"]; alt != "" {
			h += " alt=" + q(alt)
		}
		return h + " >}}"
	case "gist":
		u := strings.TrimSuffix(a["url"], "/")
		parts := strings.Split(strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "gist.github.com/"), "/")
		if len(parts) != 2 {
			return ""
		}
		h := "{{< gist " + q(parts[0]) + " " + q(parts[1])
		if f := a["file"]; f != "" {
			h += " " + q(f)
		}
		return h + " >}}"
	}
	return ""
}

// zolaImage is the image (an HTML <img>, in a <figure> with its
// caption) an unknown shortcode names by its arguments,
// "" for none: its src, else the one of the image's sources its theme
// shows first (default_src, light_src, then any other "_src" argument,
// in the order of their names), described by its alt (or default_alt,
// light_alt, any other "_alt") and captioned by its caption.
func zolaImage(a map[string]string) string {
	pick := func(key string) string {
		if v := strings.TrimSpace(a[key]); v != "" {
			return v
		}
		for _, k := range []string{"default_" + key, "light_" + key} {
			if v := strings.TrimSpace(a[k]); v != "" {
				return v
			}
		}
		keys := slices.Sorted(maps.Keys(a))
		for _, k := range keys {
			if v := strings.TrimSpace(a[k]); strings.HasSuffix(k, "_"+key) && v != "" {
				return v
			}
		}
		return ""
	}
	src := pick("src")
	if src == "" || strings.ContainsAny(src, " \t\r\n") {
		return ""
	}
	if rest, ok := strings.CutPrefix(src, "@/"); ok {
		src = "/" + rest // the content folder's, as in figure's src
	}
	// HTML, as Zola's templates write it: an image also where Markdown's
	// would be text, in the link of an <a> around it (tabi's pages link
	// their screenshots so).
	img := `<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(pick("alt")) + `">`
	if c := strings.TrimSpace(a["caption"]); c != "" {
		return "<figure>" + img + "<figcaption>" + html.EscapeString(c) + "</figcaption></figure>"
	}
	return img
}

// zolaPages rewrites the bodies of a Zola site's loaded pages, and warns
// once for each kind of shortcode dropped, and for each written as an
// image. A body unchanged since the last load (prev), the sections the
// same, is rewritten as that load rewrote it (zolaBodyMemo); next keeps
// this load's rewritings for the next.
func zolaPages(posts []*Post, sections map[string]zolaSection, prev, next *loadCache) []*FileError {
	// The last load's rewritings hold if it rewrote with the same
	// sections; kept with a copy of them (the load goes on to change its
	// sections: a section with text and no page becomes a page).
	from := prev
	if prev != nil && !maps.Equal(prev.zolaSections, sections) {
		from = nil
	}
	if next != nil {
		next.zolaSections = maps.Clone(sections)
	}
	type key struct {
		name  string
		image bool
	}
	type first struct {
		file      string
		line, num int
	}
	seen := map[key]*first{}
	var order []key
	note := func(p *Post, m map[string]int, image bool) {
		names := slices.Sorted(maps.Keys(m))
		for _, name := range names {
			k := key{name, image}
			if f := seen[k]; f != nil {
				f.num++
				continue
			}
			seen[k] = &first{p.File, m[name], 1}
			order = append(order, k)
		}
	}
	for _, p := range posts {
		if !bytes.Contains(p.Body, []byte("{")) && !bytes.Contains(p.Body, []byte("@/")) {
			continue
		}
		body, dropped, images := from.zolaBody(next, p, sections)
		if !bytes.Equal(body, p.Body) {
			// Not the file's text any more: kept by Forget, which
			// ReadBody could not give back, and hashed as it is (see
			// expandPost, which now runs on it too).
			p.plain = false
		}
		p.Body = body
		note(p, dropped, false)
		note(p, images, true)
	}
	var warns []*FileError
	for _, k := range order {
		f := seen[k]
		msg := fmt.Sprintf("Zola shortcode %q dropped: capsule knows youtube, vimeo, gist, figure and image (a body shortcode's text is kept, and a text argument)", k.name)
		kind := "Zola shortcode dropped"
		if k.image {
			msg = fmt.Sprintf("Zola shortcode %q written as an image of its src: capsule knows youtube, vimeo, gist, figure and image", k.name)
			kind = "Zola shortcode written as an image"
		}
		if f.num > 1 {
			msg += fmt.Sprintf(" (in %d pages)", f.num)
		}
		warns = append(warns, &FileError{File: f.file, Line: f.line, Msg: msg, Kind: kind})
	}
	return warns
}

// zolaLanguageHomes are the home page texts of a Zola site's other
// languages: the root section's _index.<code>.md with text, as the root
// _index.md is the default language's (vinidlidoo's _index.fr.md, _index.ja.md).
func (f folder) zolaLanguageHomes(langs []Language, maxPost int64, errs, warns *[]*FileError) []*mdFile {
	var homes []*mdFile
	for _, l := range langs {
		p := filepath.Join(f.content, "_index."+l.Code+".md")
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		src := postSource(p, cmp.Or(f.root, f.content), maxPost, errs, warns)
		if src == nil {
			continue
		}
		if src.read(); src.err == nil && hasText(src.data) {
			homes = append(homes, homeFile(src, ""))
		}
	}
	return homes
}

// zolaMemo is zolaBody's result for a page's body: the hash, length and
// first line of the body it was for, and the body rewritten, nil when
// rewriting changed nothing (it is then the body itself, whose file the
// load forgets: not kept here).
type zolaMemo struct {
	hash            uint64
	n, line         int
	out             []byte
	dropped, images map[string]int // read only
}

// zolaBody is zolaBody(p.Body, p.BodyLine, sections): prev's result for
// p's file when its body is the same (by its hash, the one a reload
// compares posts by: BodyHash, not yet changed by templates); else made
// now. prev is nil unless it rewrote with the same sections (zolaPages). A reload that makes the
// posts again rewrote every page (regular expressions over every line of
// those with a brace, as code has): 4.5 ms of an edit's 30 on
// blog.rust-lang.org, and the rewritten text, a new array at each load,
// then had its markup dropped again too (loadCache.dropped). next keeps
// it for the next load: one for each page with a brace or a link to a
// page.
func (prev *loadCache) zolaBody(next *loadCache, p *Post, sections map[string]zolaSection) (out []byte, dropped, images map[string]int) {
	var m *zolaMemo
	if prev != nil && p.BodyHash != 0 {
		if old := prev.zolaBodies[p.File]; old != nil && old.hash == p.BodyHash && old.n == len(p.Body) && old.line == p.BodyLine {
			m = old
		}
	}
	if m == nil {
		m = &zolaMemo{hash: p.BodyHash, n: len(p.Body), line: p.BodyLine}
		m.out, m.dropped, m.images = zolaBody(p.Body, p.BodyLine, sections)
		if bytes.Equal(m.out, p.Body) {
			m.out = nil
		}
	}
	if next != nil && p.BodyHash != 0 {
		if next.zolaBodies == nil {
			next.zolaBodies = make(map[string]*zolaMemo)
		}
		next.zolaBodies[p.File] = m
	}
	if m.out == nil {
		return p.Body, m.dropped, m.images
	}
	return m.out, m.dropped, m.images
}
