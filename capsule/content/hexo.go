package content

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"math"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Hexo's sites. Hexo keeps a _config.yml at the top, as Jekyll does, but
// its posts are in source/_posts (named as the author likes, dated by
// their front matter), its drafts in source/_drafts, its pages anywhere
// else in source/ (about/index.md), and what source/ holds besides is
// copied to the site as it is. Its themes/, scaffolds/ (templates of new
// posts), node_modules/ and package.json are the build's, never the
// site's. Read as Jekyll, a Hexo blog lost every post (none is named
// YYYY-MM-DD-title.md) and served its package.json and themes.
//
// The site is read as Hugo's content folder is (as Eleventy's and
// Astro's are, jssites.go), its source folder the content folder:
// source/_posts is the posts' section, source/_drafts the drafts'.

// LayoutHexo names a Hexo site, as LoadOptions.Layout takes it.
const LayoutHexo = "hexo"

// genHexo is a Hexo site's folder.gen.
const genHexo = "hexo"

// Hexo's folders of posts and of drafts in its source folder.
const (
	hexoPosts  = "_posts"
	hexoDrafts = "_drafts"
)

// hexoConfigKeys are keys of Hexo's _config.yml that Jekyll's has not:
// with a source/_posts folder, they tell a Hexo site whose package.json
// is not there.
var hexoConfigKeys = []string{"new_post_name", "post_asset_folder", "source_dir", "public_dir", "default_layout", "render_drafts", "permalink_defaults"}

// hexoSite says why dir is a Hexo site's root ("" if it is not): a
// _config.yml beside a package.json that depends on hexo, or beside a
// source/_posts folder and either scaffolds/ or Hexo's own keys in the
// configuration.
func hexoSite(dir string) string {
	if !exists(filepath.Join(dir, "_config.yml")) {
		return ""
	}
	if b, err := readSmall(filepath.Join(dir, "package.json")); err == nil {
		var pkg struct {
			Deps    map[string]any `json:"dependencies"`
			DevDeps map[string]any `json:"devDependencies"`
			Hexo    any            `json:"hexo"`
		}
		if json.Unmarshal(b, &pkg) == nil && (pkg.Deps["hexo"] != nil || pkg.DevDeps["hexo"] != nil || pkg.Hexo != nil) {
			return "Hexo's _config.yml and package.json (hexo)"
		}
	}
	if !isDir(filepath.Join(dir, "source", hexoPosts)) {
		// Only a source_dir of its own would put the posts elsewhere:
		// other sites (every Jekyll one, at every load) are told apart
		// without their configuration parsed for it.
		if b, err := readSmall(filepath.Join(dir, "_config.yml")); err != nil || !bytes.Contains(b, []byte("source_dir")) {
			return ""
		}
	}
	m := readConfigFile(filepath.Join(dir, "_config.yml"), false)
	src := "source"
	if s := str(m["source_dir"]); s != "" {
		src = s
	}
	if !isDir(filepath.Join(dir, src, hexoPosts)) {
		return ""
	}
	if isDir(filepath.Join(dir, "scaffolds")) {
		return "Hexo's _config.yml, " + filepath.ToSlash(filepath.Join(src, hexoPosts)) + " and scaffolds/"
	}
	for _, k := range hexoConfigKeys {
		if _, ok := m[k]; ok {
			return "Hexo's _config.yml (" + k + ") and " + filepath.ToSlash(filepath.Join(src, hexoPosts))
		}
	}
	return ""
}

// findHexo makes dir, a Hexo site's root, the folder; why says what
// told it.
func findHexo(dir, why string) folder {
	f := folder{layout: layoutHugo, gen: genHexo, root: dir, why: why}
	f.config = readHexoConfig(dir)
	f.content = filepath.Join(dir, f.config.contentDir)
	return f
}

// readHexoConfig reads what capsule uses of a Hexo site's _config.yml:
// the site's title, description, language, time zone and address, its
// source folder, and what makes its posts' addresses.
func readHexoConfig(dir string) siteConfig {
	c := siteConfig{contentDir: "source", file: "_config.yml", permalink: ":year/:month/:day/:title/", futureKey: "future: true", hexoTerms: readHexoTermDirs(nil)}
	m, ferr := readConfig(filepath.Join(dir, "_config.yml"), false)
	if ferr != nil {
		c.problems = []*FileError{ferr}
	}
	if m == nil {
		return c
	}
	if s := filepath.Clean(filepath.FromSlash(str(m["source_dir"]))); str(m["source_dir"]) != "" && !strings.HasPrefix(s, "..") && !filepath.IsAbs(s) && s != "." {
		c.contentDir = s
	}
	c.title = str(m["title"])
	c.author = oneLine(personName(m["author"]))
	c.description = plainTitle(oneLine(str(m["description"])), false)
	if c.description == "" {
		c.description = plainTitle(oneLine(str(m["subtitle"])), false)
	}
	// language: ja, or a list whose first is the default (zh-CN,
	// ja-JP: the first part is the interface's, but zh-TW's region too,
	// as themes have words in traditional characters for it).
	langs := strs(m["language"])
	if s := str(m["language"]); s != "" {
		langs = []string{s}
	}
	if len(langs) > 0 {
		if l := interfaceLang(langs[0]); l != "" && l != "default" {
			c.lang = l
		}
	}
	c.timezone = str(m["timezone"])
	if u := strings.TrimSuffix(str(m["url"]), "/"); u != "" {
		c.baseURL = u + "/"
	}
	if p := str(m["permalink"]); p != "" {
		c.permalink = p
	}
	if v, ok := m["future"].(bool); ok && !v {
		c.futureKey = ""
	}
	c.hexoDrafts, _ = m["render_drafts"].(bool)
	c.hexoAssetFolder = hexoTruthy(m["post_asset_folder"])
	c.hexoPostName = str(m["new_post_name"])
	if d := str(m["code_dir"]); d != "" && len(d) <= maxSiteVar {
		c.vars = map[string]string{"config.code_dir": d} // {% include_code %}'s folder
	}
	c.hexoRoot = "/" + strings.Trim(str(m["root"]), "/")
	c.include, c.exclude, c.hexoIgnore = strs(m["include"]), strs(m["exclude"]), strs(m["ignore"])
	c.hexoSkipRender = strs(m["skip_render"])
	if s := str(m["skip_render"]); s != "" {
		c.hexoSkipRender = []string{s}
	}
	c.hexoCategoryMap, c.hexoTagMap = hexoTermMap(m["category_map"]), hexoTermMap(m["tag_map"])
	c.hexoTerms = readHexoTermDirs(m)
	if n, ok := hexoInt(m["filename_case"]); ok {
		c.hexoFilenameCase = n
	}
	c.hexoKeys = hexoPermalinkKeys(c.permalink)
	if d, ok := m["permalink_defaults"].(map[string]any); ok {
		for k, v := range d {
			if s := fmt.Sprint(v); v != nil && len(s) <= maxHexoVal && len(c.hexoDefaults) < maxHexoKeys {
				if c.hexoDefaults == nil {
					c.hexoDefaults = map[string]string{}
				}
				c.hexoDefaults[k] = s
			}
		}
	}
	if s := str(m["default_category"]); s != "" && len(s) <= maxHexoVal {
		if c.hexoDefaults == nil {
			c.hexoDefaults = map[string]string{}
		}
		// As written: Hexo's :category is default_category itself
		// (filter/post_permalink.ts), where a category's is its slug.
		c.hexoDefaults["default_category"] = s
	}
	if pretty, ok := m["pretty_urls"].(map[string]any); ok {
		c.hexoNoIndex = pretty["trailing_index"] == false
	}
	c.markup.HardWraps = hexoBreaks(dir, m)
	c.hexoHide = readHexoHide(dir, m)
	return c
}

// hexoHide is what hexo-hide-posts does to a Hexo site's posts: the
// front matter key that hides one, then after a tab the generators of
// lists it still gives hidden posts to (comma apart); "" when the site
// does not use the plugin. A hidden post (or page) keeps its page, as
// the plugin's post generator renders it, and capsule lists it nowhere:
// the plugin takes it from the posts every other generator is given
// (its home, archive, tags, categories, feed, search), unless its
// allowlist lets one have it.
type hexoHide string

func (h hexoHide) key() string   { k, _, _ := strings.Cut(string(h), "\t"); return k }
func (h hexoHide) lists() string { _, l, _ := strings.Cut(string(h), "\t"); return l }

// hexoListGenerators are the Hexo generators whose lists capsule has:
// hexo-generator-index's (the home), -archive's, -tag's, -category's.
// The site's feed is hexo-generator-feed's (hexoFeedGenerators).
var hexoListGenerators = []string{"index", "archive", "tag", "category"}

// hexoGeneratorLists are the capsule's lists standing for each of
// hexoListGenerators, and for "feed": the generator of the site's feed
// capsule's Atom feed stands for (hexoHide's name for it).
var hexoGeneratorLists = map[string]Lists{"index": InHome, "archive": InArchive, "tag": InTags, "category": InCategories, "feed": InFeed}

// in are the lists of capsule a hidden post is in as h's allowlist
// gives it to their generators, and those generators of it whose lists
// capsule does not give it (a second feed of the site's, rss2 beside
// atom, whose list capsule's one feed is not).
func (h hexoHide) in() (in Lists, missed []string) {
	l := h.lists()
	if l == "" {
		return 0, nil
	}
	for _, g := range strings.Split(l, ", ") {
		if hexoGeneratorLists[g] == 0 {
			missed = append(missed, g)
		}
		in |= hexoGeneratorLists[g]
	}
	return in, missed
}

// hexoFeedGenerators are the names of the generators of a Hexo site's
// feeds, as hexo-generator-feed registers them, deps its package.json's
// dependencies and m its _config.yml; ours is the one capsule's Atom
// feed stands for: its atom feed's, else its only one's. Up to 2.0
// (2019-09) the plugin registered one generator, "feed"; from 2.1 on,
// one for each feed type of its configuration (feed.type: atom, rss2,
// or both; atom unless it names one of them), and 3.0 reads
// feed.enable. The version is the lowest the dependency's range allows
// (npm installs the newest it allows: "^2.0.0" is 2.1 and later, "~2.0.0"
// 2.0); a range it cannot read ("latest") is taken for a new one. None
// without the plugin.
func hexoFeedGenerators(deps map[string]any, m map[string]any) (names []string, ours string) {
	spec, ok := deps["hexo-generator-feed"].(string)
	if !ok {
		return nil, ""
	}
	cfg := section(m, "feed")
	if v, ok := cfg["enable"]; ok && !hexoTruthy(v) {
		return nil, ""
	}
	spec = strings.TrimSpace(spec)
	ver := strings.TrimLeft(spec, "^~>=v ")
	var major, minor int
	if n, _ := fmt.Sscanf(ver, "%d.%d", &major, &minor); n >= 1 {
		// The newest version the range allows: any (">="), the
		// major's ("^2.0.0", "2"), or the minor's ("~2.0.0", "2.0.1").
		newest := strings.HasPrefix(spec, ">")
		sameMajor := strings.HasPrefix(spec, "^") || n == 1
		if !newest && (major < 2 || major == 2 && minor == 0 && !sameMajor) {
			return []string{"feed"}, "feed"
		}
	}
	var types []string
	add := func(t string) {
		if t = strings.ToLower(strings.TrimSpace(t)); (t == "atom" || t == "rss2") && !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	for _, t := range strs(cfg["type"]) {
		add(t)
	}
	if len(types) == 0 {
		types = []string{"atom"}
	}
	ours = types[0]
	if slices.Contains(types, "atom") {
		ours = "atom"
	}
	return types, ours
}

// Lists is a set of a blog's lists: what an unlisted post is in all
// the same (Post.AlsoIn).
type Lists uint8

const (
	// InArchive is the archive (and Hexo's pages of years, months and
	// days).
	InArchive Lists = 1 << iota
	// InTags is the pages of the post's tags (its tags key's).
	InTags
	// InCategories is the pages of its categories.
	InCategories
	// InHome is the home page.
	InHome
	// InFeed is the blog's Atom feed (and its tags' feeds, of the tags
	// whose pages list it).
	InFeed
)

// said is where a post unlisted but in l is listed, for a warning.
func (l Lists) said() string {
	var where []string
	for _, x := range []struct {
		in   Lists
		name string
	}{{InHome, "the home page"}, {InArchive, "the archive"}, {InTags, "its tags' pages"}, {InCategories, "its categories' pages"}, {InFeed, "the feed"}} {
		if l&x.in != 0 {
			where = append(where, x.name)
		}
	}
	if len(where) == 0 {
		return "served at its address only"
	}
	return "listed in " + strings.Join(where, " and ") + " only"
}

// ListedTags are the tags of p whose pages list it: all of them for a
// listed post; for an unlisted one, those of its tags key with InTags
// and its categories with InCategories (AlsoIn). Hexo's tag pages are
// its tags', its category pages its categories': capsule's tag of both
// a name has the post if either has it.
func (p *Post) ListedTags() []string {
	if !p.Unlisted {
		return p.Tags
	}
	if p.AlsoIn&(InTags|InCategories) == 0 || p.Page {
		return nil
	}
	var out []string
	for i, t := range p.Tags {
		category := i >= p.keyTags || slices.ContainsFunc(p.categories, func(raw string) bool { return oneLine(html.UnescapeString(raw)) == t })
		if i < p.keyTags && p.AlsoIn&InTags != 0 || category && p.AlsoIn&InCategories != 0 {
			out = append(out, t)
		}
	}
	return out
}

// readHexoHide reads hexo-hide-posts' settings from a Hexo site's
// _config.yml m (hide_posts), when the site's package.json depends on
// it: enable (true unless false), filter (hidden unless set), and the
// generators given hidden posts all the same, as its
// isGeneratorAllowed decides from allowlist_generators (or, before
// 0.2, public_generators) and blocklist_generators (["*"] unless set).
// Its JavaScript functions (allowlist_function, acl_function_per_post),
// which a script sets, are not read.
func readHexoHide(dir string, m map[string]any) hexoHide {
	b, err := readSmall(filepath.Join(dir, "package.json"))
	if err != nil {
		return ""
	}
	var pkg struct {
		Deps    map[string]any `json:"dependencies"`
		DevDeps map[string]any `json:"devDependencies"`
	}
	if json.Unmarshal(b, &pkg) != nil || pkg.Deps["hexo-hide-posts"] == nil && pkg.DevDeps["hexo-hide-posts"] == nil {
		return ""
	}
	cfg := section(m, "hide_posts")
	if v, ok := cfg["enable"]; ok && !hexoTruthy(v) {
		return ""
	}
	key := "hidden"
	if s := str(cfg["filter"]); s != "" && len(s) <= maxHexoVal && !strings.ContainsAny(s, "\t,") {
		key = s
	}
	names := func(k string) []string {
		if s := str(cfg[k]); s != "" {
			return []string{s} // one name, as the plugin makes it a list
		}
		return strs(cfg[k])
	}
	allow := names("allowlist_generators")
	if _, ok := cfg["allowlist_generators"]; !ok {
		allow = names("public_generators")
	}
	block := []string{"*"}
	if _, ok := cfg["blocklist_generators"]; ok {
		block = names("blocklist_generators")
	}
	allowed := func(g string) bool {
		return slices.Contains(allow, g) || slices.Contains(allow, "*") && (!slices.Contains(block, g) || slices.Contains(block, "*"))
	}
	var lists []string
	for _, g := range hexoListGenerators {
		if allowed(g) {
			lists = append(lists, g)
		}
	}
	feeds, ours := hexoFeedGenerators(pkg.Deps, m)
	if feeds == nil {
		feeds, ours = hexoFeedGenerators(pkg.DevDeps, m)
	}
	for _, g := range feeds {
		switch {
		case !allowed(g):
		case g == ours:
			lists = append(lists, "feed") // capsule's feed (hexoGeneratorLists)
		default:
			lists = append(lists, g)
		}
	}
	return hexoHide(key + "\t" + strings.Join(lists, ", "))
}

// hexoBreaks is whether the Markdown renderer a Hexo site's package.json
// names keeps each line break inside a paragraph (<br>), m its
// _config.yml. Both renderers Hexo's own project publishes turn
// breaks on unless the configuration turns it off:
// hexo-renderer-marked (what hexo init installs) merges _config.yml's
// marked: over its defaults, breaks: true among them (and reads it only
// with gfm, as marked does); hexo-renderer-markdown-it merges
// markdown: over its own, render: {breaks: true …} among them, so a
// render: of the site's own without breaks has none. A value counts as
// JavaScript takes it ("no" is a string, so true). Another renderer
// (pandoc, kramed…), or none named, keeps CommonMark's soft breaks.
func hexoBreaks(dir string, m map[string]any) bool {
	b, err := readSmall(filepath.Join(dir, "package.json"))
	if err != nil {
		return false
	}
	var pkg struct {
		Deps    map[string]any `json:"dependencies"`
		DevDeps map[string]any `json:"devDependencies"`
	}
	if json.Unmarshal(b, &pkg) != nil {
		return false
	}
	has := func(name string) bool { return pkg.Deps[name] != nil || pkg.DevDeps[name] != nil }
	switch {
	case has("hexo-renderer-marked"):
		marked := section(m, "marked")
		if v, ok := marked["gfm"]; ok && !hexoTruthy(v) {
			return false
		}
		if v, ok := marked["breaks"]; ok {
			return hexoTruthy(v)
		}
		return true
	case has("hexo-renderer-markdown-it"):
		// (a key set counts, null too, as Object.assign takes it)
		md := section(m, "markdown")
		if v, ok := md["render"]; ok {
			render, _ := v.(map[string]any)
			return hexoTruthy(render["breaks"])
		}
		return true
	}
	return false
}

// hexoTermMap reads Hexo's category_map or tag_map, v: each name to the
// name its address is made of ("前端: frontend"), strings or numbers; at
// most maxHexoTerms of them, each of at most maxHexoVal bytes.
func hexoTermMap(v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := make(map[string]string, min(len(m), maxHexoTerms))
	for k, v := range m {
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case int, int64, uint64, float64:
			s = fmt.Sprint(v)
		}
		if len(out) < maxHexoTerms && len(k) <= maxHexoVal && len(s) <= maxHexoVal {
			out[k] = s
		}
	}
	return out
}

// hexoTermDirs is where a Hexo site's pages of its tags and categories
// are (hexo-generator-tag, hexo-generator-category): tag_dir and
// category_dir ("" at the top), without slashes at their ends;
// pagination_dir, the folder of a list's later pages (/tags/go/page/2/);
// and how many posts a page lists, tag_generator's and
// category_generator's per_page, else per_page (0: one page); tagIndex
// is tag_generator's enable_index_page (hexo-generator-tag 0.2 on),
// which makes tag_dir's own page, the index of the tags, whatever the
// posts' tags (hexo-generator-category has no such setting).
type hexoTermDirs struct {
	tags, categories, pages string
	tagsPer, categoriesPer  int
	tagIndex                bool
	// archive is hexo-generator-archive's: archive_dir ("" at the
	// top), its pages' length (archive_generator's per_page, else
	// per_page; 0 with archive: 1), its yearly, monthly and daily
	// lists, and archiveOff its enabled: false.
	archives                                    string
	archivesPer                                 int
	archiveYearly, archiveMonthly, archiveDaily bool
	archiveOff                                  bool
}

// readHexoTermDirs reads hexoTermDirs of Hexo's _config.yml, m: Hexo's
// defaults for what it leaves out (tags, categories, page, 10 posts).
func readHexoTermDirs(m map[string]any) hexoTermDirs {
	d := hexoTermDirs{tags: "tags", categories: "categories", pages: "page", tagsPer: 10, categoriesPer: 10,
		archives: "archives", archivesPer: 10, archiveYearly: true, archiveMonthly: true}
	dir := func(key string, to *string) {
		// A folder in the site, "/" or "" its top; none that leaves it.
		if s, ok := m[key].(string); ok && len(s) <= maxHexoVal {
			s = strings.Trim(path.Clean("/"+s), "/")
			if !slices.Contains(strings.Split(s, "/"), "..") {
				*to = s
			}
		}
	}
	dir("tag_dir", &d.tags)
	dir("category_dir", &d.categories)
	if s := str(m["pagination_dir"]); s != "" { // Hexo's: pagination_dir || "page"
		dir("pagination_dir", &d.pages)
	}
	per := func(v any, to *int) {
		if n, ok := hexoInt(v); ok {
			*to = max(n, 0)
		}
	}
	per(m["per_page"], &d.tagsPer)
	per(m["per_page"], &d.categoriesPer)
	if g, ok := m["tag_generator"].(map[string]any); ok {
		per(g["per_page"], &d.tagsPer)
		d.tagIndex = hexoTruthy(g["enable_index_page"])
	}
	if g, ok := m["category_generator"].(map[string]any); ok {
		per(g["per_page"], &d.categoriesPer)
	}
	// hexo-generator-archive's index.js: archive: 1 is one page, else
	// per_page; archive_generator's own settings over them.
	dir("archive_dir", &d.archives)
	per(m["per_page"], &d.archivesPer)
	if n, ok := hexoInt(m["archive"]); ok && n == 1 {
		d.archivesPer = 0
	}
	if g, ok := m["archive_generator"].(map[string]any); ok {
		d.archiveOff = g["enabled"] == false
		per(g["per_page"], &d.archivesPer)
		for key, to := range map[string]*bool{"yearly": &d.archiveYearly, "monthly": &d.archiveMonthly, "daily": &d.archiveDaily} {
			if v, ok := g[key]; ok {
				*to = hexoTruthy(v)
			}
		}
	}
	return d
}

// hexoInt is v, a number of _config.yml, as an int: YAML's whole
// numbers are read as int, int64 or uint64, JSON's as float64; ok is
// false for anything else and beyond ±2³¹.
func hexoInt(v any) (int, bool) {
	var f float64
	switch v := v.(type) {
	case int:
		f = float64(v)
	case int64:
		f = float64(v)
	case uint64:
		f = float64(v)
	case float64:
		f = v
	default:
		return 0, false
	}
	if f != float64(int64(f)) || f > math.MaxInt32 || f < math.MinInt32 {
		return 0, false
	}
	return int(f), true
}

// maxHexoTerms bounds the names of category_map and of tag_map read.
const maxHexoTerms = 4096

// hexoTermSlug is the slug Hexo gives a category (category true) or tag
// named name, which its address is made of (/categories/<slug>/,
// :category): the name category_map or tag_map gives it ("前端:
// frontend"; an empty one is the name's own), slugized, upper- or
// lower-cased as filename_case says (lib/models/category.ts, tag.ts).
func hexoTermSlug(name string, category bool, categories, tags map[string]string, fileCase int) string {
	m := tags
	if category {
		m = categories
	}
	if to := m[name]; to != "" {
		name = to
	}
	s := hexoSlugize(name)
	switch fileCase {
	case 1:
		s = strings.ToLower(s)
	case 2:
		s = strings.ToUpper(s)
	}
	return s
}

// HexoTermSlugs are the slugs a Hexo site gives the term name (a tag's
// or a category's: capsule's tags hold both) in its addresses
// (/tags/<slug>/, /categories/<slug>/) that differ from name: what
// category_map and tag_map, and filename_case, make of it. nil for any
// other site.
func (c *Content) HexoTermSlugs(name string) []string {
	if c == nil || !c.hexo {
		return nil
	}
	var out []string
	for _, category := range []bool{false, true} {
		if s := hexoTermSlug(name, category, c.hexoCategoryMap, c.hexoTagMap, c.hexoFilenameCase); s != "" && s != name && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Hexo reports whether the site is Hexo's.
func (c *Content) Hexo() bool { return c != nil && c.hexo }

// HexoTermDirs are a Hexo site's tag_dir and category_dir, "" for the
// site's top; nil for another site.
func (c *Content) HexoTermDirs() []string {
	if !c.Hexo() {
		return nil
	}
	return []string{c.hexoTerms.tags, c.hexoTerms.categories}
}

// HexoTermPage is the address of one of the pages a Hexo site makes of
// its posts' tags and categories, and capsule's tag that lists its
// posts.
type HexoTermPage struct {
	// Path is the page's address from the top of the site, decoded,
	// ending in "/": "/tags/go/", "/categories/web/frontend/page/2/";
	// and the index of the tags or categories, "/tags/".
	Path string
	// Tag is the capsule's tag, "" for an index (capsule's /tags/).
	Tag string
}

// HexoTermPages are the pages a Hexo site's tags and categories have
// (hexo-generator-tag and hexo-generator-category) of the posts served,
// posts; nil for another site: a tag's at tag_dir/<slug>/, a
// category's at category_dir/<its parents' slugs>/<slug>/
// (lib/models/tag.ts, category.ts), under the site's root; then each
// one's later pages (<pagination_dir>/2/, …), as per_page makes them
// of its posts; then tag_dir and category_dir themselves, the index a
// theme makes of them. An address is the first term's that has it.
// There are at most as many pages as the posts have tags and
// categories, and two indexes.
func (c *Content) HexoTermPages(posts []*Post) []HexoTermPage {
	if c == nil || !c.hexo {
		return nil
	}
	d := c.hexoTerms
	type term struct {
		tag      string
		posts    int
		category bool
	}
	terms := make(map[string]*term)
	var order []string
	add := func(addr, tag string, category bool) {
		t := terms[addr]
		if t == nil {
			t = &term{tag: tag, category: category}
			terms[addr] = t
			order = append(order, addr)
		}
		if t.tag == tag {
			t.posts++
		}
	}
	tagDir := path.Join(c.hexoRoot, d.tags) + "/"
	catDir := path.Join(c.hexoRoot, d.categories) + "/"
	for _, p := range posts {
		if p.Page {
			continue // a page has no terms in Hexo
		}
		// A hidden post (hexo-hide-posts) is in the pages of the terms
		// its allowlist gives it to (Post.AlsoIn), and no other.
		tags, categories := !p.Unlisted || p.AlsoIn&InTags != 0, !p.Unlisted || p.AlsoIn&InCategories != 0
		seen := make(map[string]bool, len(p.Tags))
		for _, t := range p.Tags[:min(p.keyTags, len(p.Tags))] {
			if !tags {
				break
			}
			if s := hexoTermSlug(t, false, c.hexoCategoryMap, c.hexoTagMap, c.hexoFilenameCase); s != "" && !seen[tagDir+s] {
				seen[tagDir+s] = true
				add(tagDir+s+"/", t, false)
			}
		}
		// Categories are one in the other: [Web, Frontend] is Frontend
		// in Web, at categories/web/frontend/, and the post is Web's too.
		// An empty name starts another path ([[Web, Frontend], [Go]]).
		chain := ""
		for _, raw := range p.categories {
			if !categories {
				break
			}
			if raw == "" {
				chain = ""
				continue
			}
			s := hexoTermSlug(raw, true, c.hexoCategoryMap, c.hexoTagMap, c.hexoFilenameCase)
			if s == "" {
				continue
			}
			chain += s + "/"
			if tag := oneLine(html.UnescapeString(raw)); slices.Contains(p.Tags, tag) && !seen[catDir+chain] {
				seen[catDir+chain] = true
				add(catDir+chain, tag, true)
			}
		}
	}
	out := make([]HexoTermPage, 0, len(order)+2)
	for _, addr := range order {
		out = append(out, HexoTermPage{Path: addr, Tag: terms[addr].tag})
	}
	// Later pages after every term's first: a term's own page is never
	// another's page 2.
	for _, addr := range order {
		t := terms[addr]
		per := d.tagsPer
		if t.category {
			per = d.categoriesPer
		}
		for n := 2; per > 0 && (n-1)*per < t.posts; n++ {
			out = append(out, HexoTermPage{Path: path.Join(addr, d.pages, strconv.Itoa(n)) + "/", Tag: t.tag})
		}
	}
	// The indexes: of the tags, when a post has one (a theme's page) or
	// enable_index_page makes it, and of the categories; never the
	// site's top (a category_dir of "/").
	for _, dir := range []struct {
		addr     string
		category bool
		made     bool
	}{{tagDir, false, d.tagIndex}, {catDir, true, false}} {
		if dir.addr != "/" && (dir.made || slices.ContainsFunc(order, func(a string) bool { return terms[a].category == dir.category })) {
			out = append(out, HexoTermPage{Path: dir.addr})
		}
	}
	return out
}

// HexoArchivePages are the addresses of the pages hexo-generator-archive
// makes of a Hexo site's posts, posts, from the top of the site
// (decoded, ending in "/"); nil for another site, or with no post:
// archive_dir's (/archives/), each year's (/archives/2020/), each
// month's (/archives/2020/07/) and, with daily, each day's, under root,
// and each one's later pages (<pagination_dir>/2/) as per_page makes
// them; never the site's top (nor its later pages, the home's). At most
// the posts' days, months and years and the pages of their lists: a few
// for each post.
//
// A post's year, month and day are its date's as written (Post.Date in
// its own offset: a date without one is read in the site's timezone,
// else UTC), the day of its address too (hexoExpand's :year/:month/:day).
// Hexo's are the date's in the zone of the machine that builds the site
// (the generator's date.year(), month() and date() of a moment in local
// time; the same moment makes the permalink's :day): the site's
// timezone only says how a date without an offset is read, and a date
// 05:00 in Tokyo is the day before built on a UTC machine (Hexo's
// issues #3282, #2063). capsule cannot know that machine: the day as
// written is Hexo's whenever the build runs in the date's zone, and
// always for a date without an offset on a site without a timezone, and
// the archive's day is the post's address's, as on the web site.
func (c *Content) HexoArchivePages(posts []*Post) []string {
	if c == nil || !c.hexo || c.hexoTerms.archiveOff || len(posts) == 0 {
		return nil
	}
	d := c.hexoTerms
	counts := make(map[string]int)
	var order []string
	add := func(addr string) {
		if counts[addr] == 0 {
			order = append(order, addr)
		}
		counts[addr]++
	}
	dir := path.Join(c.hexoRoot, d.archives) + "/"
	for _, p := range posts {
		if p.Page || p.Unlisted && p.AlsoIn&InArchive == 0 {
			continue
		}
		add(dir)
		if !d.archiveYearly {
			continue
		}
		t := p.Date
		year := path.Join(dir, strconv.Itoa(t.Year())) + "/"
		add(year)
		if d.archiveMonthly {
			add(path.Join(year, fmt.Sprintf("%02d", int(t.Month()))) + "/")
		}
		if d.archiveDaily {
			// Hexo makes the days only with the years' lists, and
			// whether or not it makes the months'.
			add(path.Join(year, fmt.Sprintf("%02d/%02d", int(t.Month()), t.Day())) + "/")
		}
	}
	var out []string
	for _, addr := range order {
		if addr != "/" {
			out = append(out, addr)
		}
	}
	for _, addr := range order {
		for n := 2; addr != "/" && d.archivesPer > 0 && (n-1)*d.archivesPer < counts[addr]; n++ {
			out = append(out, path.Join(addr, d.pages, strconv.Itoa(n))+"/")
		}
	}
	return out
}

// HexoTermLink reads p, a path from the top of a Hexo site (decoded),
// as the address of one of its pages of a tag or category, in any form
// a link gives it ("/tags/go", "/tags/go/index.html", a later page
// beyond the last): pages are HexoTermPages' addresses and their tags.
// tag is the capsule's ("" for an index), and ok false when p is no
// page's; isTerm reports whether p is one or is under tag_dir or
// category_dir.
func (c *Content) HexoTermLink(p string, pages map[string]string) (tag string, isTerm, ok bool) {
	if c == nil || !c.hexo || len(pages) == 0 {
		return "", false, false
	}
	p = strings.TrimSuffix(p, "index.html")
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	// With its root or without: a link's path may be from the site's
	// address (url: https://example.org/blog).
	for _, p := range []string{p, path.Join(c.hexoRoot, p) + "/"} {
		if tag, ok := pages[p]; ok {
			return tag, true, true
		}
		// A later page than the last Hexo made is its term's too.
		if rest := strings.TrimSuffix(p, "/"); path.Base(path.Dir(rest)) == c.hexoTerms.pages && isDigits(path.Base(rest)) {
			if tag, ok := pages[path.Dir(path.Dir(rest))+"/"]; ok {
				return tag, true, true
			}
		}
		for _, dir := range []string{c.hexoTerms.tags, c.hexoTerms.categories} {
			if d := path.Join(c.hexoRoot, dir) + "/"; d != "/" && strings.HasPrefix(p, d) {
				return "", true, false
			}
		}
		if c.hexoRoot == "/" {
			break
		}
	}
	return "", false, false
}

// hexoExcludes are the files of a Hexo site's source folder that Hexo
// does not publish and no rule of hexoRules leaves out.
func (f folder) hexoExcludes() []string {
	// (404.md is a theme's page for the web server's misses: capsule
	// answers those itself, as for Eleventy's.)
	return []string{"/404.md"}
}

// copiedAsIs are the patterns of the files the site's generator copies
// as they are (excluder.copied): a Hexo site's skip_render, read as Hexo
// matches it (micromatchPatterns).
func (f folder) copiedAsIs() []copiedPattern {
	if f.gen != genHexo {
		return nil
	}
	n := 0
	return micromatchPatterns(f.config.hexoSkipRender, &n)
}

// micromatchPatterns reads Hexo's lists of paths in the source folder
// (skip_render, include, exclude) as Hexo matches them (micromatch's
// isMatch, against a file's path in the source folder, with slashes):
// "README.md" and "*.html" are files at the top of the source folder,
// "books/**" all that books/ holds, "{a,b}/*" either folder's; "*", "?"
// and "[a-z]" match within a name, and neither they nor "**" a name
// starting with "." ("**/*" is no ".nojekyll", ".well-known/*" is). A
// negated pattern matches every file the rest does not, as micromatch
// matches it with the others (any one that matches): "!**/*.md" is
// every file but Markdown, "!{a,b}/*" every file of neither folder ("!!"
// is no negation). A pattern capsule cannot read (an extglob, "!(…)")
// is left out. At most maxSiteExcludes patterns are kept, counted in
// *n across a site's lists, braces expanded (expandBraces).
func micromatchPatterns(list []string, n *int) []copiedPattern {
	var out []copiedPattern
	for _, raw := range list {
		p := strings.TrimSpace(raw)
		var c copiedPattern
		for strings.HasPrefix(p, "!") && !strings.HasPrefix(p, "!(") {
			c.negated, p = !c.negated, p[1:]
		}
		if strings.HasPrefix(p, "!(") {
			continue
		}
		if *n >= maxSiteExcludes {
			break // the bound reached: no more patterns read
		}
		alts := expandBraces(strings.TrimPrefix(p, "./"), maxSiteExcludes-*n)
		for _, alt := range alts {
			if alt == "" || strings.HasPrefix(alt, "!") || *n >= maxSiteExcludes {
				continue
			}
			// "/" first: a path from the top of the source folder, as
			// micromatch matches a pattern with no "/" (a name at the
			// top, never at any depth).
			if pats, err := readPatterns([]string{"/" + strings.TrimPrefix(alt, "/")}, 1); err == nil {
				pats[0].noDot = true
				c.pats = append(c.pats, pats...)
				*n++
			}
		}
		// A negated pattern read in part would match what its unread
		// part leaves out: read whole, or not at all.
		if len(c.pats) > 0 && (!c.negated || len(c.pats) == len(alts)) {
			out = append(out, c)
		}
	}
	return out
}

// expandBraces is pattern with its braces expanded as micromatch expands
// them: "{a,b}/*.md" is "a/*.md" and "b/*.md"; braces within braces, and
// a brace with no comma, are left as they are, with all that follows
// them. At most limit patterns come out (the rest are left out), the
// first ones micromatch would give, the last brace's alternatives
// turning fastest.
//
// Bound: the patterns are made one at a time, counting in each brace
// which alternative it is at, never a brace's expansions of what
// follows it: at most limit patterns of at most len(pattern) bytes
// each, however many braces pattern has ("{a,b}" 20,000 times over is
// 1,024 patterns made, not the 2^20,000 a brace's expansions of the
// rest would start making).
func expandBraces(pattern string, limit int) []string {
	// The pattern in parts: text, then a brace's alternatives, turn
	// about (the last part text, maybe "").
	var texts []string
	var groups [][]string
	rest := pattern
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			break
		}
		end += open
		inner := rest[open+1 : end]
		if strings.ContainsAny(inner, "{") || !strings.Contains(inner, ",") {
			break
		}
		texts = append(texts, rest[:open])
		groups = append(groups, strings.Split(inner, ","))
		rest = rest[end+1:]
	}
	texts = append(texts, rest)
	if len(groups) == 0 {
		return []string{pattern}
	}
	var out []string
	at := make([]int, len(groups)) // each brace's alternative
	var b strings.Builder
	for len(out) < limit {
		b.Reset()
		b.Grow(len(pattern))
		for i, g := range groups {
			b.WriteString(texts[i])
			b.WriteString(g[at[i]])
		}
		b.WriteString(texts[len(groups)])
		out = append(out, b.String())
		i := len(groups) - 1
		for ; i >= 0; i-- {
			if at[i]++; at[i] < len(groups[i]) {
				break
			}
			at[i] = 0
		}
		if i < 0 {
			break // every one made
		}
	}
	return out
}

// hexoDraftFile reports whether the file at rel (in the source folder,
// with slashes) is in a Hexo site's drafts folder, whose drafts are not
// published (no render_drafts: true): a draft's asset folder, which Hexo
// publishes with its post alone (processor/post.ts, shouldSkipAsset). It
// is the author's, as the draft is: its post's state says so already
// (hexoAssetDir); this holds whatever that post became.
func (f folder) hexoDraftFile(rel string) bool {
	return f.gen == genHexo && !f.config.hexoDrafts && strings.HasPrefix(rel, hexoDrafts+"/")
}

// hexoAssetDir is the asset folder of the post m of a Hexo site's
// _posts or _drafts, with post_asset_folder: true, its file's path
// without its extension (_posts/hello for _posts/hello.md), whose files
// Hexo publishes with the post, at any depth (processor/post.ts,
// scanAssetDir), and when it publishes the post (shouldSkipAsset): the
// post owns them as a page bundle's index.md does its files (owners).
// "" without post_asset_folder: Hexo publishes none.
func (f folder) hexoAssetDir(m *mdFile) string {
	if !f.config.hexoAssetFolder {
		return ""
	}
	name := filepath.Base(m.src.path)
	return path.Join(m.def.dir, strings.TrimSuffix(name, filepath.Ext(name)))
}

// maxAssetNames bounds the names hexoAssetNames reads of one folder,
// its subfolders' counted with their files.
const maxAssetNames = 4096

// hexoAssetNames are the paths of the files in a Hexo post's asset
// folder dir (on disk), relative to it with slashes ("cat.png",
// "sub/dir/cat.png"), the first maxAssetNames entries its walk meets:
// what {% asset_img %} looks its arguments up in (Hexo's PostAsset
// slugs: scanAssetDir lists the folder with its subfolders, hexo-fs'
// listDir, which leaves out names starting with "."); none if it cannot
// be read.
func hexoAssetNames(dir string) map[string]bool {
	names := make(map[string]bool)
	seen := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil // a folder it cannot read: what it read
		}
		if seen++; seen > maxAssetNames {
			return fs.SkipAll
		}
		if strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.Type().IsRegular() {
			if rel, err := filepath.Rel(dir, p); err == nil {
				names[filepath.ToSlash(rel)] = true
			}
		}
		return nil
	})
	return names
}

// hexoUnbuilt reports whether the file at rel (in the source folder,
// with slashes) is one of a Hexo site's _posts or _drafts that Hexo
// publishes nowhere: in no post's asset folder (bundles, hexoAssetDir),
// or any at all without post_asset_folder (processor/post.ts: a file
// there that is no post is a post's asset or nothing; the asset
// processor leaves out every path that starts with "_").
func (f folder) hexoUnbuilt(rel string, bundles owners) bool {
	if f.gen != genHexo || hexoSection(path.Dir(rel)) == "" {
		return false
	}
	dir, _ := bundles.owner(rel)
	return dir == ""
}

// hexoTabsIndent is Hexo's YAML front matter, front, as hexo-front-matter
// gives it to its YAML reader (escapeYAML): each tab that starts a line
// after the first made two spaces, so that a list indented with a tab
// ("tags:" then "\t- vant") is read, where YAML refuses tabs in its
// indentation (and capsule refused the post). At most twice front's
// bytes; front itself when it has no such tab.
func hexoTabsIndent(front []byte) []byte {
	if !bytes.Contains(front, []byte("\n\t")) {
		return front
	}
	out := make([]byte, 0, len(front)+bytes.Count(front, []byte("\t")))
	for i := 0; i < len(front); i++ {
		out = append(out, front[i])
		if front[i] != '\n' {
			continue
		}
		for i+1 < len(front) && front[i+1] == '\t' {
			out = append(out, ' ', ' ')
			i++
		}
	}
	return out
}

// hexoSection is the folder of Hexo's source a file in folder dir (of
// the source folder, with slashes) is in: hexoPosts, hexoDrafts or "".
func hexoSection(dir string) string {
	switch s := topSection(dir); s {
	case hexoPosts, hexoDrafts:
		return s
	}
	return ""
}

// hexoDefaults sets what a Hexo file's place says of it: a draft in
// source/_drafts (but when render_drafts publishes them), the date of
// the file for a post without one, as Hexo dates it; every other file
// is a page (mainSections).
//
// A post's name is read as new_post_name makes it, as Hexo reads it:
// with ":year-:month-:day-:title.md", 2014-06-14-hello.md is "hello"
// (its slug, and :title in its permalink), of 2014-06-14 unless its
// front matter gives a date.
func (f folder) hexoDefaults(m *mdFile, loc *time.Location) {
	m.def.jsSite, m.def.hexo = true, true
	m.def.addressKeys = f.config.hexoKeys
	m.def.hexoHide = f.config.hexoHide
	sec := hexoSection(m.def.dir)
	if sec == hexoDrafts && !f.config.hexoDrafts {
		m.def.draft = true
	}
	if sec == "" {
		return
	}
	rel := path.Join(m.def.dir, filepath.Base(m.src.path))
	info := f.config.hexoName(rel)
	if !info.matched {
		return
	}
	if info.title != "" {
		m.slug = path.Base(info.title)
	}
	if info.year != "" && info.month != "" && info.day != "" {
		if d, err := time.ParseInLocation("2006-1-2", info.year+"-"+info.month+"-"+info.day, loc); err == nil {
			m.def.date, m.def.hasDate = d, true
		}
	}
}

// hexoNameInfo is what Hexo reads of a post's path in its folder by its
// new_post_name setting (hexoName).
type hexoNameInfo struct {
	matched bool // the path is as the setting makes it
	// title is :title, the post's name in its permalink ("" when the
	// setting has none); year, month and day its date's, if named.
	title, year, month, day string
	// more are the other names' parts (:lang of ":lang/:title.md"),
	// each name then its value, which Hexo gives the post as if its
	// front matter's: its permalink's :lang.
	more []string
}

// hexoName reads rel, a post's path in the source folder
// (_posts/2014-06-14-hello.md), by new_post_name (":title.md" unless
// set): the parts it names, as Hexo's post processor takes them. A path
// the setting does not match is titled by its path, its separators and
// signs made "-" (Hexo's slugize); so is one whose setting names no
// :title.
func (c siteConfig) hexoName(rel string) hexoNameInfo {
	stem := strings.TrimSuffix(rel, path.Ext(rel))
	for _, sec := range []string{hexoPosts, hexoDrafts} {
		stem = strings.TrimPrefix(stem, sec+"/")
	}
	info := hexoNameInfo{title: hexoSlugize(stem)}
	re, names := c.hexoNamePattern()
	if re == nil {
		info.matched, info.title = true, stem
		return info
	}
	parts := re.FindStringSubmatch(stem)
	if parts == nil {
		return info
	}
	info.matched = true
	for i, n := range names {
		switch v := parts[i+1]; n {
		case "title":
			info.title = v
		case "year":
			info.year = v
		case "month", "i_month":
			info.month = v
		case "day", "i_day":
			info.day = v
		case "hash":
		default:
			info.more = append(info.more, n, v)
		}
	}
	return info
}

// hexoNamePattern is the regular expression new_post_name makes, its
// extension taken off, and the names of its parts in order; nil for
// ":title" (every path matches, whole). The setting is the author's and
// at most maxHexoPostName bytes (a longer one is not read); Go's
// expressions take a time linear in the path's length.
func (c siteConfig) hexoNamePattern() (*regexp.Regexp, []string) {
	rule := c.hexoPostName
	rule = strings.TrimSuffix(rule, path.Ext(rule))
	if rule == "" || rule == ":title" || len(rule) > maxHexoPostName {
		return nil, nil
	}
	var names []string
	expr := hexoParam.ReplaceAllStringFunc(regexp.QuoteMeta(rule), func(p string) string {
		n := p[1:]
		names = append(names, n)
		switch n {
		case "year":
			return `(\d{4})`
		case "month", "day":
			return `(\d{2})`
		case "i_month", "i_day":
			return `(\d{1,2})`
		case "hash":
			return `([0-9a-f]{12})`
		}
		return `(.+?)`
	})
	re, err := regexp.Compile("^" + expr + "$")
	if err != nil {
		return nil, nil
	}
	return re, names
}

// maxHexoPostName bounds the new_post_name setting read.
const maxHexoPostName = 256

// hexoParam is a part of Hexo's new_post_name, as its Permalink reads
// them: ":" and a name (":year").
var hexoParam = regexp.MustCompile(`:\w+`)

// hexoSlugize is Hexo's slugize of a name: its control characters
// dropped, each run of spaces and signs (and "/") one "-", none at
// either end; its letters kept as they are.
func hexoSlugize(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range s {
		switch {
		case r < 0x20:
		case unicode.IsSpace(r) || strings.ContainsRune("~`!@#$%^&*()-_+=[]{}|\\;:\"'<>,.?/", r):
			sep = true
		default:
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hexoFileDates dates the posts of a Hexo site that have no date of
// their own by their file's modification time, as Hexo does, and its
// drafts too (processor/post.ts reads both alike): with render_drafts:
// true a draft without a date is a post, at its permalink, not a page.
func (f folder) hexoFileDates(posts []*mdFile) {
	for _, m := range posts {
		if m.nested && hexoSection(m.def.dir) != "" && !m.def.hasDate && !m.def.modTime.IsZero() {
			m.def.date, m.def.hasDate = m.def.modTime, true
		}
	}
}

// hexoDescribe says what a Hexo folder was taken for.
func (f folder) hexoDescribe() string {
	src := filepath.ToSlash(f.config.contentDir)
	drafts := ", drafts from " + src + "/" + hexoDrafts + " (its author's alone)"
	if f.config.hexoDrafts {
		drafts = ", and from " + src + "/" + hexoDrafts + " (render_drafts: true)"
	}
	return "a Hexo site (" + f.why + "): posts from " + src + "/" + hexoPosts + drafts + ", the other Markdown files as pages"
}

// hexoAddress is the address Hexo gives p on the web site: a post's
// from the permalink setting (:year/:month/:day/:title/), a page's from
// its path (about/index.md at /about/, links.md at /links.html), or
// the front matter's permalink. ok is false when the setting names what
// capsule does not know.
func (f folder) hexoAddress(p *Post) (addr, missing string, ok bool) {
	rel := filepath.ToSlash(p.rel)
	if !strings.HasPrefix(rel+"/", hexoPosts+"/") && !strings.HasPrefix(rel+"/", hexoDrafts+"/") || p.Page {
		if p.own != "" {
			return "", "", true // its own permalink: an alias already
		}
		stem := strings.TrimSuffix(rel, path.Ext(rel))
		if path.Base(stem) == "index" {
			addr = strings.TrimSuffix(stem, "index")
			if f.config.hexoNoIndex || addr == "" {
				return f.config.hexoRoot + "/" + addr, "", true
			}
			return path.Join(f.config.hexoRoot, addr, "index.html"), "", true
		}
		return path.Join(f.config.hexoRoot, stem+".html"), "", true
	}
	if p.own != "" {
		return "", "", true
	}
	info := f.config.hexoName(rel)
	return hexoExpand(f.config.permalink, f.config.hexoRoot, info.title, p, info.more, f.config.hexoDefaults, &f.config)
}

// hexoExpand fills in Hexo's permalink setting tmpl for the post p,
// whose path in its folder (without extension, as new_post_name reads
// it) is title. A name the setting gives that is no date's, title's or
// category's is the front matter's key of that name (hexo-abbrlink's
// :abbrlink, written there; :id), else permalink_defaults' (Hexo's
// rule); missing is the one neither gives, when ok is false. terms's
// category_map and filename_case make :category's slugs.
func hexoExpand(tmpl, root, title string, p *Post, named []string, defaults map[string]string, terms *siteConfig) (addr, missing string, ok bool) {
	d := p.Date
	// :category is the post's categories, each slugized, one in the other
	// (Hexo's category slug: its parent's, "/", its own). Of several
	// paths, the last one's: Hexo takes the last made of the post's
	// categories (categories.last(), in the order the site's categories
	// were made as it read its posts), which is the last path's deepest
	// when no post read before made it, and always of a single path.
	category := "uncategorized"
	if def := defaults["default_category"]; def != "" {
		category = def
	}
	if len(p.categories) > 0 {
		var parts []string
		last := p.categories
		for i, c := range p.categories {
			if c == "" {
				last = p.categories[i+1:]
			}
		}
		for _, c := range last {
			if c = hexoTermSlug(c, true, terms.hexoCategoryMap, nil, terms.hexoFilenameCase); c != "" {
				parts = append(parts, c)
			}
		}
		if len(parts) > 0 {
			category = strings.Join(parts, "/")
		}
	}
	vals := map[string]string{
		"year": d.Format("2006"), "month": d.Format("01"), "i_month": d.Format("1"),
		"day": d.Format("02"), "i_day": d.Format("2"), "hour": d.Format("15"),
		"minute": d.Format("04"), "second": d.Format("05"),
		"title": title, "name": path.Base(title), "post_title": hexoSlugize(strings.ToLower(p.Title)),
		"category": category, "timestamp": fmt.Sprint(d.Unix()),
		// Hexo's :hash: the SHA-1 of the title and the date's seconds.
		"hash": fmt.Sprintf("%x", sha1.Sum([]byte(title+fmt.Sprint(d.Unix()))))[:12],
	}
	for i := 0; i+1 < len(p.addressVals); i += 2 {
		if _, builtIn := vals[p.addressVals[i]]; !builtIn || p.addressVals[i] == "id" {
			vals[p.addressVals[i]] = p.addressVals[i+1]
		}
	}
	for i := 0; i+1 < len(named); i += 2 {
		// What the file's name gives (new_post_name's :lang), over the
		// front matter, as Hexo gives it.
		if !hexoBuiltIn[named[i]] {
			vals[named[i]] = named[i+1]
		}
	}
	if _, ok := vals["layout"]; !ok {
		vals["layout"] = "post" // a post's, unless its front matter says
	}
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		if tmpl[i] != ':' {
			b.WriteByte(tmpl[i])
			i++
			continue
		}
		j := i + 1
		for j < len(tmpl) && hexoNameByte(tmpl[j]) {
			j++
		}
		name := tmpl[i+1 : j]
		v, known := vals[name]
		if !known {
			v, known = defaults[name]
		}
		if !known {
			// The longest name known wins (:i_monthfoo is :i_month, then
			// "foo"), as capsule read the setting before.
			for k := j - 1; k > i+1 && !known; k-- {
				if v, known = vals[tmpl[i+1:k]]; known {
					j = k
				}
			}
		}
		if !known {
			if name == "" {
				b.WriteByte(':')
				i++
				continue
			}
			return "", name, false
		}
		b.WriteString(v)
		i = j
	}
	out := b.String()
	if strings.HasSuffix(out, "/") && len(out) > 1 {
		out += "index.html"
	}
	out = path.Join(root, out)
	if strings.HasSuffix(out, "/index.html") {
		out = strings.TrimSuffix(out, "index.html")
	}
	return out, "", true
}

// hexoNameByte is a byte of a name in Hexo's permalink (\w).
func hexoNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// hexoBuiltIn are the names of Hexo's permalink that the post's date,
// file and categories give; another is a front matter key's.
var hexoBuiltIn = map[string]bool{"year": true, "month": true, "i_month": true, "day": true, "i_day": true, "hour": true, "minute": true, "second": true,
	"title": true, "name": true, "post_title": true, "category": true, "timestamp": true, "hash": true}

// maxHexoKeys bounds the front matter keys a permalink names that are
// kept with each post (Post.addressVals), and maxHexoVal the bytes of each
// value kept.
const (
	maxHexoKeys = 8
	maxHexoVal  = 256
)

// hexoPermalinkKeys are the front matter keys permalink names (:abbrlink,
// :id), at most maxHexoKeys, each between commas: postDefaults.addressKeys.
func hexoPermalinkKeys(permalink string) string {
	var keys []string
	for _, m := range hexoPermalinkName.FindAllStringSubmatch(permalink, -1) {
		if n := m[1]; (!hexoBuiltIn[n] || n == "id") && !slices.Contains(keys, n) && len(keys) < maxHexoKeys {
			keys = append(keys, n)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	return "," + strings.Join(keys, ",") + ","
}

var hexoPermalinkName = regexp.MustCompile(`:(\w+)`)

// hexoFrontValues takes from m the values of keys (postDefaults.addressKeys)
// that are strings or numbers: key, value, … for Post.addressVals. They are
// read, not unknown keys; those capsule reads too (lang) stay in m.
func hexoFrontValues(m map[string]any, keys string) []string {
	var out []string
	for _, k := range strings.Split(strings.Trim(keys, ","), ",") {
		v, ok := m[k]
		if !ok || k == "" {
			continue
		}
		if !slices.Contains(postKeys, k) {
			delete(m, k) // read here, no unknown key; capsule's own (lang) stay its
		}
		var s string
		switch v := v.(type) {
		case string:
			s = strings.TrimSpace(v)
		case int, int64, uint64, float64, bool:
			s = fmt.Sprint(v)
		}
		if s != "" && len(s) <= maxHexoVal {
			out = append(out, k, s)
		}
	}
	return out
}

// HexoAssetFolder is the post asset folder of a Hexo site's post p (in
// the posts folder, with slashes): its file's path without extension,
// _posts/hello for _posts/hello.md, which Hexo publishes at the post's
// address, so that its text links its images by their names
// ("cat.png", {% asset_img cat.png %}). "" for any other post.
func (c *Content) HexoAssetFolder(p *Post) string {
	if c == nil || !c.hexo || p == nil || hexoSection(p.Dir) == "" {
		return ""
	}
	rel := p.Path()
	return strings.TrimSuffix(rel, path.Ext(rel))
}

// hexoUnknownAddress is the warning about a post whose address on the
// web site is not known: its site's permalink names a front matter key
// (missing) that it has not.
func hexoUnknownAddress(p *Post, permalink, missing string) *FileError {
	msg := fmt.Sprintf("_config.yml's permalink %q names :%s, which this post's front matter does not give: its address on the web site is not known, and does not lead here", clip(permalink), clip(missing))
	if missing == "abbrlink" {
		msg += " (hexo-abbrlink writes abbrlink: into the post when Hexo builds the site)"
	}
	return &FileError{File: p.File, Line: 1, Msg: msg, Kind: "Hexo address unknown"}
}

func init() {
	// hexo-abbrlink's key, read when the permalink names it (siteConfig.hexoKeys),
	// the plugin's own otherwise.
	themeKeys["abbrlink"] = true
}

// hexoAssetAddresses are the web addresses Hexo publishes the asset
// folders' files of the posts served at: each file of _posts/hello/ at
// the post's permalink (its first generated address), a folder, joined
// with the file's path in the folder (/2020/07/23/hello/cat.png), as
// Hexo joins them, without the permalink's ".html" or ".htm"
// (/2020/hello.html's at /2020/hello/cat.png, models/post_asset.ts).
// Keys are without their leading "/", and decoded, as requests and links
// are looked up (/2020/04/07/猫と犬/cat.png, where the permalink is
// percent-encoded as on the web). One pass over the files, each
// looking up the folders it is in: at most the files times their depth.
func (c *Content) hexoAssetAddresses() map[string]string {
	owners := make(map[string]*Post)
	for _, list := range [][]*Post{c.Posts, c.Pages, c.Unlisted} {
		for _, p := range list {
			if dir := c.HexoAssetFolder(p); dir != "" && len(p.Addresses) > 0 {
				owners[dir] = p
			}
		}
	}
	if len(owners) == 0 {
		return nil
	}
	out := make(map[string]string)
	for _, f := range c.Files {
		for dir := path.Dir(f.Path); dir != "." && dir != "/"; dir = path.Dir(dir) {
			if p := owners[dir]; p != nil {
				base := p.Addresses[0]
				if d, err := url.PathUnescape(base); err == nil {
					base = d // keyed as requests are looked up: decoded
				}
				if strings.HasSuffix(base, ".htm") || strings.HasSuffix(base, ".html") {
					base = base[:strings.LastIndexByte(base, '.')]
				}
				web := path.Join(base, strings.TrimPrefix(f.Path, dir+"/"))
				if _, taken := out[web[1:]]; !taken {
					out[web[1:]] = f.Path
				}
				break
			}
		}
	}
	return out
}

// HexoAssetAddresses are the web addresses of a Hexo site's posts' asset
// files (hexoAssetAddresses), without their leading "/", each to the
// file's path; nil for any other site.
func (c *Content) HexoAssetAddresses() map[string]string {
	if c == nil {
		return nil
	}
	return c.hexoAssets
}

// HexoAssetFile is the file of a Hexo post's asset folder that the web
// address p (a path from the top) names, with or without the site's root
// (an author writes /2020/07/23/hello/cat.png for a site at /blog/,
// Hexo adding the root): its path, "" when it names none.
func (c *Content) HexoAssetFile(p string) string {
	if c == nil || len(c.hexoAssets) == 0 || !strings.HasPrefix(p, "/") {
		return ""
	}
	p = path.Clean(p)
	if f, ok := c.hexoAssets[p[1:]]; ok {
		return f
	}
	if c.hexoRoot != "/" && c.hexoRoot != "" {
		if f, ok := c.hexoAssets[strings.TrimPrefix(path.Join(c.hexoRoot, p), "/")]; ok {
			return f
		}
	}
	return ""
}

// hexoFrontTerms reads a Hexo post's tags and categories as Hexo does
// (lib/plugins/processor/post.ts, lib/models/post.ts setTags and
// setCategories), making m's tags, tag, categories and category lists
// of names that the front matter reader takes as they are:
//
//   - one value (a string, a number) is one name: categories: "Web
//     Design" is the category "Web Design", not two, and "A, B" is one
//     category of that name;
//   - a list of names is one path of categories, each in the one before
//     it ([Web, Frontend]: Frontend in Web);
//   - a list holding lists is several paths, each inner list one of
//     them and each name alone a path of one ([[Diary, Life], Work]:
//     Life in Diary, and Work), Hexo's documented way to file a post in
//     two places.
//
// The names of every path are the post's tags (each once, as any tag).
// cats is the paths, one after the other, an empty name between two
// (Post.categories), from Hexo's categories key, else its category key:
// Hexo reads category only when categories gives nothing. Any other
// list in a list is text, as JavaScript makes it (its items joined by
// commas); a mapping, which is no name, is left out, and bad is the
// first key that had one. At most MaxTags names of the paths are kept,
// the most a post's tags hold.
func hexoFrontTerms(m map[string]any) (cats []string, bad string) {
	catKey := ""
	if hexoTruthy(m["categories"]) {
		catKey = "categories"
	} else if hexoTruthy(m["category"]) {
		catKey = "category"
	}
	names := 0 // in cats
	addPath := func(path []string) {
		if len(path) == 0 || names >= MaxTags {
			return
		}
		path = path[:min(len(path), MaxTags-names)]
		if len(cats) > 0 {
			cats = append(cats, "")
		}
		cats, names = append(cats, path...), names+len(path)
	}
	for _, k := range []string{"tags", "tag", "categories", "category"} {
		v, ok := m[k]
		if !ok {
			continue
		}
		items, isList := v.([]any)
		if !isList {
			items = []any{v}
		}
		paths := false // a list of paths, not one path
		for _, it := range items {
			if _, ok := it.([]any); ok && k == catKey {
				paths = true
			}
		}
		var out []any
		var flat []string
		for _, it := range items {
			if inner, ok := it.([]any); ok && paths {
				var path []string
				for _, x := range inner {
					if s, ok := hexoTermName(x, 0); !ok {
						bad = cmp.Or(bad, k)
					} else if s != "" {
						path, out = append(path, s), append(out, s)
					}
				}
				addPath(path)
				continue
			}
			s, ok := hexoTermName(it, 0)
			if !ok {
				bad = cmp.Or(bad, k)
				continue
			}
			if s == "" {
				continue // null, "": no name, as Hexo leaves them out
			}
			out = append(out, s)
			switch {
			case k != catKey:
			case paths:
				addPath([]string{s})
			default:
				flat = append(flat, s)
			}
		}
		addPath(flat)
		m[k] = out
	}
	return cats, bad
}

// hexoTermName is v as Hexo names a tag or category (JavaScript's
// `${v}`): "" for null, a list its items joined by commas (to a depth of
// four lists, then ""), ok false for a mapping.
func hexoTermName(v any, depth int) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", true
	case string:
		return v, true
	case []any:
		if depth >= 4 {
			return "", true
		}
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i], _ = hexoTermName(x, depth+1)
		}
		return strings.Join(parts, ","), true
	case map[string]any:
		return "", false
	}
	return fmt.Sprint(v), true
}

// hexoTruthy is whether JavaScript takes v as true: what Hexo asks of
// its categories key before it reads category instead.
func hexoTruthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return v != ""
	case bool:
		return v
	case int:
		return v != 0
	case int64:
		return v != 0
	case uint64:
		return v != 0
	case float64:
		return v != 0 && v == v
	}
	return true
}
