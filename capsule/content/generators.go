package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Which generator's folder a posts folder is, and where its parts lie.
// Strong signals decide, never a guess from the posts: a Hugo
// configuration in the folder or above it (hugo.toml, config.yaml,
// config/_default/…), Jekyll's _config.yml or _posts in the folder. The
// decision is reported (Content.Layout) and LoadOptions.Layout overrides
// it.

// Layout names, as LoadOptions.Layout takes them and Content.Layout tells
// them.
const (
	LayoutHugo   = "hugo"
	LayoutJekyll = "jekyll"
	LayoutFlat   = "flat"
	// LayoutEleventy and LayoutAstro are read as Hugo's content folder
	// is, with their own rules (jssites.go).
	LayoutEleventy = "eleventy"
	LayoutAstro    = "astro"
)

// folder is a posts folder once its generator is known.
type folder struct {
	layout  layout
	content string // where the Markdown is: Hugo's content folder, Jekyll's site, capsule's folder
	root    string // the site's root: where its configuration and static files are; "" for capsule's own
	why     string // what said so, for Content.Layout
	config  siteConfig
	gen     string      // genEleventy or genAstro: a JavaScript site read as a Hugo one (jssites.go)
	static  []staticDir // a JavaScript site's folders served as they are
	zola    bool        // a Zola site, read as a Hugo content folder but as zola.go says
	// sibling is set for a Hugo site whose content is its languages'
	// folders at its root, beside no content folder: content is the
	// root, whose other files and folders are no part of the site.
	sibling bool
	// dirData is what each folder's Eleventy data files hand down,
	// read once a load (eleventyDirData: every post asked for it).
	dirData map[string]eleventyDirFacts
	// eleventy is what an Eleventy site's permalinks are computed
	// from beyond a post's own data (eleventyReadSite), nil for others.
	eleventy *eleventySite
	// astroRoutes are where an Astro site's routes serve each section's
	// entries (astroroutes.go); astroFileFormat, at x.html, not x/.
	astroRoutes     map[string][]astroRoute
	astroFileFormat bool
	astroRouteWarns []*FileError // the routes of its posts not followed
	// astroIDs are the ids a collection's generateId gives its
	// entries, by section, where it is read (astroids.go).
	astroIDs map[string]astroGenID
	// astroMDX is set for an Astro site that builds MDX: its .mdx
	// entries and pages are read (mdx.go).
	astroMDX bool
	// astroUnrouted are the collections no page of the site takes, by
	// folder (astrounrouted.go): not served.
	astroUnrouted map[string]string
	// astroPages is an Astro site's src/pages when its Markdown pages
	// there are read beside the content collections (astropages.go),
	// "" when src/pages is the content folder or the site no Astro one;
	// astroBase the configuration's base they are built under, and
	// astroBaseKnown false when it writes several.
	astroPages     string
	astroBase      string
	astroBaseKnown bool
}

// hugoConfigNames are the names of a Hugo site's configuration file, in
// the order Hugo takes them.
var hugoConfigNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json"}

// hugoConfigAbove is how many folders above the posts folder a Hugo
// configuration is looked for: content/, content/en/ (a language's
// content folder), content/en/posts/ given by mistake.
const hugoConfigAbove = 3

// findFolder decides what dir is: forced names a layout (LayoutHugo…) or
// is "" for the signals to decide.
func findFolder(dir, forced string, top *topDir) folder {
	f := folder{layout: layoutFlat, content: dir, why: "no Hugo or Jekyll configuration found"}
	if zolaRoot, zolaFile := findZolaRoot(dir); forced == LayoutZola || forced == "" && zolaRoot != "" {
		return zolaFolder(f, dir, zolaRoot, zolaFile)
	}
	hugoRoot, hugoFile := findHugoRoot(dir)
	jekyll := slices.ContainsFunc(jekyllMarkers, func(m string) bool { return exists(filepath.Join(dir, m)) })
	// A _posts folder alone, with no _config.yml, does not make an
	// Eleventy or Astro site's root a Jekyll one: zachleat.com keeps its
	// Eleventy posts in _posts (Eleventy builds an "_" folder as any
	// other), and was read as Jekyll, its posts at Jekyll's addresses.
	jekyllConfig := slices.ContainsFunc(jekyllMarkers, func(m string) bool { return m != "_posts" && exists(filepath.Join(dir, m)) })
	hexo := "" // why dir is a Hexo site's root, asked before Jekyll's: its _config.yml is Hexo's too
	if forced == "" && hugoRoot == "" {
		hexo = hexoSite(dir)
	}
	switch {
	case forced == LayoutFlat:
		f.why = "layout = \"flat\""
		return f
	case forced == LayoutHexo:
		return findHexo(dir, "layout = \"hexo\"")
	case hexo != "":
		return findHexo(dir, hexo)
	case (forced == "" && !jekyllConfig && hugoRoot == "" || forced == LayoutEleventy || forced == LayoutAstro) && jsSite(dir, forced):
		js, _ := findJSSite(dir, forced)
		return js
	case forced == LayoutJekyll || forced == "" && jekyll:
		f.layout, f.root = layoutJekyll, dir
		f.why = "Jekyll's " + firstExisting(dir, jekyllMarkers)
		if forced != "" {
			f.why = "layout = \"jekyll\""
		}
		f.config = readJekyllConfig(dir)
		return f
	case hugoRoot != "" && (forced == "" || forced == LayoutHugo):
		f.layout, f.root = layoutHugo, hugoRoot
		f.config = readHugoConfig(hugoRoot, hugoFile)
		f.why = "Hugo's " + hugoFile
		switch {
		case dir == hugoRoot && f.config.siblingContent(hugoRoot):
			// Its languages' folders beside one another, and no
			// content folder: the posts folder is the root, of which
			// only those folders are read (excludes).
			f.sibling = true
		case dir == hugoRoot:
			// The site's root given: its posts are in its content folder.
			f.content = filepath.Join(hugoRoot, f.config.contentDir)
		case len(f.config.contentDirs()) == 1 && holds(dir, filepath.Join(hugoRoot, f.config.contentDir)):
			// A folder between the root and its only content folder
			// given (content/, the site's contentDir content/ja): the
			// same. (Languages' folders apart are read from the root.)
			f.content = filepath.Join(hugoRoot, f.config.contentDir)
		}
		return f
	case forced == LayoutHugo:
		f.layout, f.why = layoutHugo, "layout = \"hugo\""
		return f
	case forced == "":
		if marker := hugoMarker(dir, top); marker != "" {
			f.layout, f.why = layoutHugo, marker+", no Hugo configuration found"
		}
	}
	return f
}

// hugoMarker says what makes dir a Hugo content folder without a
// configuration: a file only Hugo's content folders hold, in a subfolder
// (a section's _index.md, a page bundle's index.md, within two levels),
// or Markdown in sections and none at the top (capsule's own folder has
// its posts at the top); "" if nothing does.
func hugoMarker(dir string, top *topDir) string {
	entries, _ := top.read(dir)
	// Its folders are among the entries besides Markdown files: a folder
	// of 10,000 posts is not looked at name by name, but until its first
	// post.
	folders := top.besides(dir, entries)
	hidden := func(name string) bool { return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") }
	topMarkdown := slices.ContainsFunc(entries, func(e fs.DirEntry) bool {
		return !e.IsDir() && !hidden(e.Name()) && isMarkdown(e.Name())
	})
	sectionMarkdown := ""
	for _, i := range folders {
		if e := entries[i]; e.IsDir() && !hidden(e.Name()) {
			if n, _ := countNestedMarkdown(filepath.Join(dir, e.Name()), nil, nil); n > 0 {
				sectionMarkdown = e.Name() + "/"
				break
			}
		}
	}
	for _, i := range folders {
		e := entries[i]
		if !e.IsDir() || hidden(e.Name()) {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		inner, _ := os.ReadDir(sub)
		for _, i := range inner {
			switch {
			case !i.IsDir() && (i.Name() == SiteFile || i.Name() == "index.md"):
				return filepath.Join(e.Name(), i.Name())
			case i.IsDir() && exists(filepath.Join(sub, i.Name(), "index.md")):
				return filepath.Join(e.Name(), i.Name(), "index.md")
			}
		}
	}
	if sectionMarkdown != "" && !topMarkdown {
		return "Markdown in " + sectionMarkdown + " and none at the top"
	}
	return ""
}

// findHugoRoot is the folder of the Hugo site dir belongs to: the one
// holding a Hugo configuration (its file named in file), dir itself or
// up to hugoConfigAbove folders above it, whose content folder holds dir.
// "" when there is none.
func findHugoRoot(dir string) (root, file string) {
	return findSiteRoot(dir, hugoConfigIn, func(root, name string) []string { return readHugoConfig(root, name).contentDirs() })
}

// contentDirs are the content folders of a Hugo site, relative to its
// root: its contentDir, and each language's (hugo-book's content.en and
// content.zh, beside the site's content, which it has none of).
func (c siteConfig) contentDirs() []string {
	dirs := []string{c.contentDir}
	for _, l := range c.languages {
		if l.ContentDir != "" && !slices.Contains(dirs, filepath.FromSlash(l.ContentDir)) {
			dirs = append(dirs, filepath.FromSlash(l.ContentDir))
		}
	}
	return dirs
}

// siblingContent reports whether the content of a Hugo site whose root
// is root lives in its languages' folders alone, beside one another:
// the site's contentDir is not there (hugo-book's content.en,
// content.zh), or is a language's, beside another's (content for en,
// content_ja for ja).
func (c siteConfig) siblingContent(root string) bool {
	if isDir(filepath.Join(root, c.contentDir)) && !slices.ContainsFunc(c.languages, func(l Language) bool {
		return filepath.Clean(filepath.FromSlash(l.ContentDir)) == filepath.Clean(c.contentDir)
	}) {
		return false
	}
	for _, d := range c.contentDirs()[1:] {
		if isDir(filepath.Join(root, d)) && !within(d, c.contentDir) {
			return true
		}
	}
	return false
}

// within reports whether folder d is dir or in it (both relative to one
// root).
func within(d, dir string) bool {
	return strings.HasPrefix(filepath.Clean(d)+string(filepath.Separator), filepath.Clean(dir)+string(filepath.Separator))
}

// claimContentDir gives the site's contentDir to the default language
// when it has no folder of its own and another language's is beside it
// ([languages.ja] contentDir = "content_ja", English's content in
// content): Hugo reads it for the languages without one, and capsule,
// which then reads the folders beside one another (siblingContent),
// needs it named as a language's.
func (c *siteConfig) claimContentDir(def string) {
	l := c.language(def)
	if l == nil || l.ContentDir != "" || !slices.ContainsFunc(c.languages, func(o Language) bool {
		return o.ContentDir != "" && !within(filepath.FromSlash(o.ContentDir), c.contentDir)
	}) {
		return
	}
	l.ContentDir = filepath.ToSlash(c.contentDir)
	if c.urls.languages != nil {
		c.urls.languages[def] = l.ContentDir
	}
}

// findSiteRoot is the folder of the generator's site dir belongs to: the
// one, dir itself or up to hugoConfigAbove folders above it, where
// configIn finds the generator's configuration (its file named in file),
// and whose content folder (contentDir of that configuration) is dir,
// holds dir, or, when it is the configuration's only content folder, is
// in dir (content/ given, of a site whose one language reads content/ja:
// [languages.ja] contentDir = "content/ja"). "" when there is none.
func findSiteRoot(dir string, configIn func(dir string) string, contentDirs func(root, file string) []string) (root, file string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", ""
	}
	candidate := abs
	for range hugoConfigAbove + 1 {
		if name := configIn(candidate); name != "" {
			dirs := contentDirs(candidate, name)
			for _, d := range dirs {
				content := filepath.Join(candidate, d)
				if candidate == abs && isDir(content) || abs == content || strings.HasPrefix(abs, content+string(filepath.Separator)) ||
					len(dirs) == 1 && candidate != abs && isDir(content) && strings.HasPrefix(content, abs+string(filepath.Separator)) {
					return relativeLike(dir, abs, candidate), name
				}
			}
		}
		parent := filepath.Dir(candidate)
		if parent == candidate {
			break
		}
		candidate = parent
	}
	return "", ""
}

// hugoConfigIn is the name of the Hugo configuration in dir (a file, or
// config/_default/ with a file in it), "" if none.
func hugoConfigIn(dir string) string {
	for _, name := range hugoConfigNames {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && info.Mode().IsRegular() {
			return name
		}
	}
	def := filepath.Join("config", "_default")
	for _, name := range hugoConfigNames {
		if info, err := os.Stat(filepath.Join(dir, def, name)); err == nil && info.Mode().IsRegular() {
			return filepath.Join(def, name)
		}
	}
	return ""
}

// holds reports whether folder dir holds folder d, below it (not d
// itself).
func holds(dir, d string) bool {
	a, errA := filepath.Abs(dir)
	b, errB := filepath.Abs(d)
	return errA == nil && errB == nil && strings.HasPrefix(b, a+string(filepath.Separator))
}

// relativeLike is target, an ancestor of abs (the absolute form of dir),
// written as dir is: relative when dir is, so that messages name files
// as the operator named the folder.
func relativeLike(dir, abs, target string) string {
	if filepath.IsAbs(dir) {
		return target
	}
	up, err := filepath.Rel(abs, target)
	if err != nil {
		return target
	}
	return filepath.Join(dir, up)
}

// firstExisting is the first of names that exists in dir.
func firstExisting(dir string, names []string) string {
	for _, n := range names {
		if exists(filepath.Join(dir, n)) {
			return n
		}
	}
	return ""
}

// excludes are the paths the generator's configuration keeps out of the
// site: Jekyll's exclude list (Gemfile, node_modules, vendor…), as
// .gitignore-style patterns.
func (f folder) excludes() []string {
	if f.gen == genHexo {
		return f.hexoExcludes()
	}
	if f.gen != "" {
		return f.jsExcludes()
	}
	if f.sibling {
		// Everything at the root but the languages' folders: the
		// configuration, layouts/, assets/, themes/ are the site's
		// own (its static folders are served apart, as they are).
		var out []string
		entries, _ := os.ReadDir(f.root)
		for _, e := range entries {
			if !slices.Contains(f.config.contentDirs(), e.Name()) {
				out = append(out, "/"+e.Name())
			}
		}
		return out
	}
	if f.layout != layoutJekyll {
		return nil
	}
	var out []string
	for _, e := range f.config.exclude {
		if e = strings.TrimSpace(e); e != "" && !strings.HasPrefix(e, "!") {
			out = append(out, "/"+strings.TrimPrefix(e, "/"))
		}
	}
	return out
}

// sectionOf is the section m belongs to: its first folder, but none
// for a page bundle at the top (2021-08-26-welcome/index.md), a page of
// no section in Hugo (section "", type page), as a page at the top is.
func (f folder) sectionOf(m *mdFile) string {
	if f.topIndex(m) {
		return ""
	}
	return topSection(f.langRel(m.def.dir))
}

// pageSectionFiles are those of sectionFiles (the _index.md of folders
// below dir) of sections of pages: neither a language's home nor below
// one of main, the sections of the posts, whose lists are the archive.
func (f folder) pageSectionFiles(dir string, sectionFiles, main []string) []string {
	var out []string
	for _, file := range sectionFiles {
		if rel := f.langRel(relDir(dir, file)); rel != "" && !slices.Contains(main, topSection(rel)) {
			out = append(out, file)
		}
	}
	return out
}

// topIndex reports whether m is the index.md of a folder at the top of
// the content folder (of its language's).
func (f folder) topIndex(m *mdFile) bool {
	rel := f.langRel(m.def.dir)
	return rel != "" && !strings.Contains(rel, "/") && isHomeIndex(filepath.Base(m.src.path))
}

// topSection is the section a file in folder dir (relative to the
// content folder, with slashes) belongs to: its first folder.
func topSection(dir string) string {
	first, _, _ := strings.Cut(dir, "/")
	return first
}

// mainSections are the sections whose dated pages are the blog's posts:
// Hugo's mainSections as the configuration sets them, else, as Hugo
// does, the section with the most pages. In capsule's own folder, every
// section is.
func (f folder) mainSections(nested []*mdFile) []string {
	count := make(map[string]int)
	var order []string
	for _, m := range nested {
		if f.gen != "" && f.topIndex(m) {
			// An Eleventy or Astro folder's own index.md is its page,
			// no entry of it (dollplayer2501's contents/index.md, the
			// home page, outnumbered its one post 1 to 1).
			continue
		}
		if f.gen == genEleventy {
			if f.eleventyDirData(m.def.dir).noPage != "" {
				// Written nowhere (permalink: false in its folder's
				// data): eleventy-excellent's 22 docs outnumbered its
				// 14 posts, and the blog had none.
				continue
			}
		}
		s := f.sectionOf(m)
		if count[s] == 0 {
			order = append(order, s)
		}
		count[s]++
	}
	switch {
	case f.layout != layoutHugo:
		return order
	case f.gen == genHexo:
		// source/_posts, whatever the other folders hold; and the
		// drafts, each one a draft (hexoDefaults).
		return []string{hexoPosts, hexoDrafts}
	case f.gen == genAstro:
		// An Astro site's collections are each a kind of entry, with its
		// own pages and feed: every one is posts, its undated entries
		// (an about, authors) pages (jsDefaults), as capsule's own
		// folder has them. (Its largest alone, as Hugo's mainSections,
		// left the dated articles of the others undated pages.)
		return order
	case len(f.config.mainSections) > 0:
		return f.config.mainSections
	}
	// The pages at the top of a language's content folder (content/ja/
	// about.md, "" here) are no section: yzwbeast's about and search
	// pages, as many as its posts, won over the posts section and left
	// every language without posts. Hugo takes the largest section.
	var main string
	for _, s := range order {
		if s != "" && (main == "" || count[s] > count[main] || count[s] == count[main] && s < main) {
			main = s
		}
	}
	if f.config.file == "" || isYear(main) {
		// Folders of years (2023/, 2024/…: arika0093's articles, with
		// no configuration; aokiplayer's, with one, the largest year
		// Hugo's main section): a folder of posts sorted by year, not
		// sections, of which the largest year alone was the posts and
		// the others' posts pages, out of the feed and the archive.
		var years []string
		for _, s := range order {
			if isYear(s) {
				years = append(years, s)
			}
		}
		if len(years) >= 2 {
			return years
		}
	}
	if main == "" {
		return nil
	}
	return []string{main}
}

// isYear says whether a section's name is a year (2024).
func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && strings.Trim(s, "0123456789") == ""
}

// inLanguageFolders is main, the sections of an Eleventy or Astro
// site's posts, as the start's line names them: each in the language
// folders that hold it ("{en,ja,pt}/posts" for initto's src/en/posts…,
// which said "src/posts", a folder that is not there).
func (f folder) inLanguageFolders(main []string, nested []*mdFile) []string {
	if f.gen == "" {
		return main
	}
	langs := make(map[string][]string) // by section
	for _, m := range nested {
		first, _, _ := strings.Cut(m.def.dir, "/")
		sec := topSection(f.langRel(m.def.dir))
		if first != "" && f.isLangFolder(first) && slices.Contains(main, sec) && !slices.Contains(langs[sec], first) {
			langs[sec] = append(langs[sec], first)
		}
	}
	if len(langs) == 0 {
		return main
	}
	out := slices.Clone(main)
	for i, sec := range out {
		switch l := langs[sec]; len(l) {
		case 0:
		case 1:
			out[i] = l[0] + "/" + sec
		default:
			slices.Sort(l)
			out[i] = "{" + strings.Join(l, ",") + "}/" + sec
		}
	}
	return out
}

// describe says what the folder was taken for, and why, for the first
// line of -check and of the log.
func (f folder) describe(main []string) string {
	switch {
	case f.gen == genHexo:
		return f.hexoDescribe()
	case f.gen != "":
		return f.describeJS(main)
	case f.zola:
		return f.zolaDescribe(main, nil) // (Load describes a Zola site's sections of posts itself)
	}
	switch f.layout {
	case layoutHugo:
		s := "a Hugo site (" + f.why + ")"
		switch {
		case len(main) == 0:
			return s + ": posts at the top of " + f.content
		case len(f.config.mainSections) > 0:
			return s + ": posts from mainSections " + strings.Join(main, ", ") + ", other sections' pages as pages"
		case len(main) > 1:
			return s + ": posts from the folders of years " + strings.Join(main, ", ") + ", other folders' pages as pages"
		}
		return s + ": posts from section " + main[0] + " (the one with the most pages; set params.mainSections to choose), other sections' pages as pages"
	case layoutJekyll:
		return "a Jekyll site (" + f.why + "): posts from _posts, pages from the other Markdown files"
	}
	return "capsule's own folder (" + f.why + "): dated posts at the top, undated ones as pages"
}

// countNestedMarkdown counts the Markdown files in dir's subfolders (not
// hidden, not in folders starting with "_", not excluded), and names the
// first. With a nil ex, files at dir's top count too (dir is a section).
func countNestedMarkdown(dir string, ex *excluder, top *topDir) (n int, first string) {
	walkTop(dir, top, ex == nil, func(p, rel string, d fs.DirEntry, err error) error { // files at the top are not counted but with a nil ex
		if err != nil || rel == "." {
			return nil
		}
		if ex != nil && !d.IsDir() && !strings.Contains(rel, string(filepath.Separator)) {
			return nil // a file at the top: not counted
		}
		if strings.HasPrefix(d.Name(), ".") || ex.skip(rel, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), "_") {
			return filepath.SkipDir // never posts in capsule's own folder, nor served
		}
		if !d.IsDir() && (ex == nil || strings.Contains(rel, string(filepath.Separator))) && isMarkdown(d.Name()) {
			if n++; n == 1 {
				first = p
			}
		}
		return nil
	})
	return n, first
}

// count is "1 post", "7 posts".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
