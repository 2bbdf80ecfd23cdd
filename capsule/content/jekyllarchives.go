package content

import (
	"bufio"
	"bytes"
	"html"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The jekyll-archives plugin's pages of tags and categories, and of
// dates (JekyllArchiveDatePages). A Jekyll
// site that lists the plugin (in _config.yml's plugins or gems, or in its
// Gemfile; or whose theme is Chirpy, which depends on it) and enables its tags or categories archives (jekyll-archives:
// enabled: [tags, categories], or all, or true) has a page for each of
// its posts' tags at permalinks.tag (/tag/:name/ unless set) and each
// category at permalinks.category (/category/:name/), :name the term
// slugified as Jekyll's Utils.slugify does in the plugin's slug_mode
// (lib/jekyll-archives/archive.rb). Without the plugin a Jekyll site's
// pages of terms are a theme's, which capsule cannot know.
//
// A jekyll-polyglot site builds the site once per language, and in each
// build the plugin's generator runs on that build's site.posts (its
// posts and those polyglot copies into it: polyglot coordinates the
// documents after reading, before generating), writing its pages under
// the language's folder: /ja/tags/go/ for the Japanese build's tag go.
// The generated pages are not coordinated, so every language has its
// own.

// jekyllArchives is what a Jekyll site's jekyll-archives settings make
// of its terms' pages; nil when the plugin makes none of them.
type jekyllArchives struct {
	// tag and category are the permalinks of a tag's and a category's
	// page, "" when that kind is not enabled; year, month and day those
	// of the lists of a year's, a month's and a day's posts.
	tag, category    string
	year, month, day string
	// slugMode is slug_mode, "default" when unset.
	slugMode string
	// collectionsDir is the site's collections_dir (siteConfig's), to
	// find which posts are in _posts.
	collectionsDir string
}

// readJekyllArchives reads the jekyll-archives settings of a Jekyll
// site, m its _config.yml, dir its folder (whose Gemfile may list the
// plugin); nil when the plugin is not listed (nor Chirpy the theme),
// its settings are not a mapping (it then makes nothing), or neither
// tags nor categories are enabled. The plugin's defaults are its DEFAULTS
// (lib/jekyll-archives.rb).
func readJekyllArchives(m map[string]any, dir, collectionsDir string) *jekyllArchives {
	// Chirpy's sites set the plugin's permalinks alone.
	if !jekyllPluginOn(m, dir, "jekyll-archives") {
		return nil
	}
	settings := map[string]any{}
	if v, ok := m["jekyll-archives"]; ok && v != nil {
		if settings, ok = v.(map[string]any); !ok {
			return nil // "Archives will not be generated for this site."
		}
	}
	enabled := func(kind string) bool {
		switch e := settings["enabled"].(type) {
		case bool:
			return e
		case string:
			return e == "all"
		case []any:
			return slices.ContainsFunc(e, func(v any) bool { s, _ := v.(string); return s == kind })
		}
		return false
	}
	a := &jekyllArchives{slugMode: "default", collectionsDir: collectionsDir}
	if s, ok := settings["slug_mode"].(string); ok && s != "" {
		a.slugMode = s
	}
	permalinks, _ := settings["permalinks"].(map[string]any)
	permalink := func(kind, def string) string {
		if v, set := permalinks[kind]; set {
			s, _ := v.(string)
			return s // one not a string: Jekyll stops at the page
		}
		return def
	}
	if enabled("tags") {
		a.tag = permalink("tag", "/tag/:name/")
	}
	if enabled("categories") {
		a.category = permalink("category", "/category/:name/")
	}
	if enabled("year") {
		a.year = permalink("year", "/:year/")
	}
	if enabled("month") {
		a.month = permalink("month", "/:year/:month/")
	}
	if enabled("day") {
		a.day = permalink("day", "/:year/:month/:day/")
	}
	if a.tag == "" && a.category == "" && a.year == "" && a.month == "" && a.day == "" {
		return nil
	}
	return a
}

// jekyllPluginOn reports whether the Jekyll site in dir, m its
// _config.yml, loads plugin: listed in its plugins (gems, before Jekyll
// 3.5) or its Gemfile, or a dependency of the Chirpy theme, whose gem
// depends on jekyll-archives and jekyll-paginate
// (jekyll-theme-chirpy.gemspec, 4.x to 7.x): Jekyll requires a theme
// gem's runtime dependencies with it.
func jekyllPluginOn(m map[string]any, dir, plugin string) bool {
	if strings.EqualFold(str(m["theme"]), "jekyll-theme-chirpy") && (plugin == "jekyll-archives" || plugin == "jekyll-paginate") {
		return true
	}
	for _, key := range []string{"plugins", "gems"} {
		if slices.Contains(strs(m[key]), plugin) {
			return true
		}
	}
	b, err := readSmall(filepath.Join(dir, "Gemfile"))
	return err == nil && gemfileHas(b, plugin)
}

// gemfileHas reports whether a Gemfile, b, has a gem line naming gem
// (gem "jekyll-archives"), not a comment.
func gemfileHas(b []byte, gem string) bool {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "gem "); ok {
			name := strings.Trim(strings.TrimSpace(strings.SplitN(rest, ",", 2)[0]), `"'`)
			if name == gem {
				return true
			}
		}
	}
	return false
}

// jekyllSlugModes are the characters Jekyll's slug modes make "-" of
// (Utils::SLUGIFY_*_REGEXP); "latin" is "default" after transliterating.
var jekyllSlugModes = map[string]*regexp.Regexp{
	"raw":     regexp.MustCompile(`\s+`),
	"default": jekyllSlugDefault,
	"pretty":  jekyllSlugPretty,
	"ascii":   regexp.MustCompile(`[^A-Za-z0-9]+`),
	"latin":   jekyllSlugDefault,
}

// archiveSlug is the :name jekyll-archives gives the term name, as
// Jekyll's Utils.slugify in mode makes it (lower-cased; a mode it does
// not know lower-cases the name alone); ok is false when capsule cannot
// spell it ("latin" of a Latin letter it does not know how
// I18n.transliterate writes).
func archiveSlug(name, mode string) (string, bool) {
	re, known := jekyllSlugModes[mode]
	if !known {
		return strings.ToLower(name), true
	}
	if mode == "latin" {
		var b strings.Builder
		for _, r := range name {
			switch {
			case r < utf8.RuneSelf:
				b.WriteRune(r)
			case unicode.Is(unicode.Latin, r):
				a := latinASCII(r)
				if a == "" {
					return "", false
				}
				b.WriteString(a)
			default:
				b.WriteByte('?') // what I18n writes of other scripts
			}
		}
		name = b.String()
	}
	return jekyllSlugify(name, re, false), true
}

// archiveAddress is the address of the page of permalink for the term
// slugged slug, of kind (tag, category), decoded, as Jekyll's URL makes
// it: the placeholders replaced, "/" first, ".." a "/", "./" taken out,
// runs of "/" one.
func archiveAddress(permalink, slug, kind string) string {
	return archiveURL(strings.ReplaceAll(strings.ReplaceAll(permalink, ":name", slug), ":type", kind))
}

// archiveURL is s, a permalink with its placeholders replaced, as
// Jekyll's URL sanitizes it.
func archiveURL(s string) string {
	s = "/" + s
	s = strings.ReplaceAll(strings.ReplaceAll(s, "..", "/"), "./", "")
	for strings.Contains(s, "//") {
		s = strings.ReplaceAll(s, "//", "/")
	}
	return s
}

// JekyllArchivePages are the pages jekyll-archives makes of the tags and
// categories of posts, the posts served (those of _posts folders:
// Jekyll's site.tags and site.categories are of its posts alone) in the
// build of the language of folder dir ("" at the top), each with the
// capsule's tag of its term; nil for a site with no such pages (not
// Jekyll's, no plugin, neither enabled), or none under dir (a folder of
// a site that polyglot does not build per language). A jekyll-polyglot
// language's are under its folder (/ja/tags/go/), posts being those its
// build has. An address is the first term's that has it; none of a term
// whose slug is empty (Jekyll puts every such page at one address) or
// that capsule cannot spell. At most as many as the posts have tags and
// categories.
func (c *Content) JekyllArchivePages(posts []*Post, dir string) []HexoTermPage {
	a := c.jekyllArchives
	if a == nil || dir != "" && !c.polyglot {
		return nil
	}
	var out []HexoTermPage
	seen := make(map[string]bool)
	add := func(permalink, kind, tag string) {
		if permalink == "" {
			return
		}
		slug, ok := archiveSlug(tag, a.slugMode)
		if !ok || slug == "" {
			return
		}
		addr := dir + archiveAddress(permalink, slug, kind)
		if !seen[addr] {
			seen[addr] = true
			out = append(out, HexoTermPage{Path: addr, Tag: tag})
		}
	}
	for _, p := range posts {
		if p.Page {
			continue
		}
		if _, ok := jekyllPostFolder(stripCollectionsDir(p.Dir, a.collectionsDir)); !ok {
			continue // another collection's document: not in site.tags
		}
		for _, t := range p.Tags[:min(p.keyTags, len(p.Tags))] {
			add(a.tag, "tag", t)
		}
		for _, raw := range p.categories {
			if tag := oneLine(html.UnescapeString(raw)); slices.Contains(p.Tags, tag) {
				add(a.category, "category", tag)
			}
		}
	}
	return out
}

// JekyllArchiveDatePages are the addresses of the lists jekyll-archives
// makes of a year's, a month's and a day's posts (when its enabled
// names year, month, day, or is all), of the posts served that are in
// _posts folders, by their dates in the site's zone (as Jekyll's
// strftime("%Y"), "%m", "%d" make them): /2020/, /2020/01/,
// /2020/01/02/ at the plugin's permalinks, or the site's. Decoded, from
// the top of the site, under dir for a jekyll-polyglot language's build
// (JekyllArchivePages); nil for a site with none (not Jekyll's, no
// plugin, none enabled, a folder polyglot does not build). At most three
// for each post.
func (c *Content) JekyllArchiveDatePages(posts []*Post, dir string) []string {
	a := c.jekyllArchives
	if a == nil || a.year == "" && a.month == "" && a.day == "" || dir != "" && !c.polyglot {
		return nil
	}
	var out []string
	seen := make(map[string]bool)
	for _, p := range posts {
		if p.Page {
			continue
		}
		if _, ok := jekyllPostFolder(stripCollectionsDir(p.Dir, a.collectionsDir)); !ok {
			continue // another collection's document: not in site.posts
		}
		y, m, d := p.Date.Format("2006"), p.Date.Format("01"), p.Date.Format("02")
		for _, kind := range [][2]string{{a.year, "year"}, {a.month, "month"}, {a.day, "day"}} {
			if kind[0] == "" {
				continue
			}
			s := kind[0]
			switch kind[1] { // the placeholders of its date alone (url_placeholders)
			case "day":
				s = strings.ReplaceAll(s, ":day", d)
				fallthrough
			case "month":
				s = strings.ReplaceAll(s, ":month", m)
				fallthrough
			case "year":
				s = strings.ReplaceAll(s, ":year", y)
			}
			addr := archiveURL(strings.ReplaceAll(s, ":type", kind[1]))
			if !seen[addr] && addr != "/" {
				seen[addr] = true
				out = append(out, dir+addr)
			}
		}
	}
	return out
}

// same reports whether a and b are the same settings (either nil).
func (a *jekyllArchives) same(b *jekyllArchives) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// JekyllArchiveMarks are what every address of a page JekyllArchivePages
// gives has, the part of each permalink before its first placeholder
// without its leading "/" ("tag/" of /tag/:name/), for a link's quick
// check; nil when one has none to check by (/:name/), or for a site
// without such pages.
func (c *Content) JekyllArchiveMarks() []string {
	a := c.jekyllArchives
	if a == nil {
		return nil
	}
	var marks []string
	for _, p := range []string{a.tag, a.category} {
		if p == "" {
			continue
		}
		mark, _, _ := strings.Cut(strings.TrimLeft(p, "/"), ":")
		if mark == "" || !isASCII(mark) {
			return nil
		}
		marks = append(marks, mark)
	}
	return marks
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
