package content

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
)

// siteConfig is what a generator's configuration says that capsule
// uses. A file it cannot read gives nothing: the configuration is the
// generator's, and these are conveniences (the site file, the flags and
// capsule's configuration say the same for sure).
type siteConfig struct {
	file string // the file read, relative to the site's root
	// problems are the configuration files that could not be read
	// (readConfig): Load loads nothing when there is one, as the
	// generators build nothing.
	problems                 []*FileError
	title, description, lang string
	// author is the site's author's name (Hugo's params.author or
	// author, Jekyll's and Hexo's author): the feeds' author.
	author   string
	timezone string // Hugo's timeZone, Jekyll's timezone
	baseURL  string // Hugo's baseURL, Jekyll's url + baseurl: the blog's web address
	markup   Markup // what the site's Markdown reads beyond CommonMark and GFM
	// Hugo.
	contentDir   string   // "content" unless set
	staticDirs   []string // "static" unless set
	mainSections []string // params.mainSections: the sections of the blog's posts
	ignoreFiles  []string // regular expressions of files Hugo does not build
	permalinks   map[string]string
	// taxonomies are the front matter keys [taxonomies] declares
	// (topic = "topics": topics), lower case, each between commas
	// (",topics,series,"): Hugo's, known though only tags and
	// categories are served.
	taxonomies string
	// tagKeys are those of them that are a tag's or a category's
	// (tag = "FRtags"), besides tags and categories: read as tags.
	tagKeys string
	urls    urlConfig // the rest of what makes pages' addresses (addresses.go)
	// nameDates is set when [frontmatter] date lists ":filename": a
	// page named 2012-09-26-hello.md is dated 2012-09-26 and slugged
	// hello (dateFromName). nameFirst is set when the name comes before
	// the front matter's keys in that list: its date wins over theirs.
	nameDates, nameFirst bool
	languages            []Language // a multilingual site's, by weight (languages.go)
	// defaultLangHome is where a multilingual Hugo site whose default
	// language is at the top writes a redirect to the top ("/ja/"),
	// "" for none (DefaultLanguageHome).
	defaultLangHome string
	// hosts is what the languages' own baseURLs say (hugohosts.go).
	hosts hugoHosts
	// pager is how a Hugo site splits its lists into pages (HugoPager);
	// termPagers how a Zola site splits its taxonomies' terms' lists, by
	// taxonomy (TermPager).
	pager      Pager
	termPagers map[string]Pager
	// mounts is what capsule makes of Hugo's module.mounts of content
	// (mounts.go): the folders it follows, named as languages' content
	// folders (contentDir), and those it does not, named in warnings.
	mounts mountsRead
	// blockAttributes: Hugo's markup.goldmark.parser.attribute.block,
	// with which a line "{.note}" or "{ #id }" under a block is its
	// attributes, not text.
	blockAttributes bool
	// optionalFrontMatter: jekyll-optional-front-matter is among
	// Jekyll's plugins, which makes a page of Markdown without front
	// matter.
	optionalFrontMatter bool
	// vars are the strings of Jekyll's _config.yml a post's Liquid may
	// name ({{ site.repository }}), and of Hugo's [params] its param
	// shortcode may ("params.author"), each of at most maxSiteVar bytes.
	vars map[string]string
	// perLang: Eleventy's site data's title and description given per
	// language ({"en": "…", "ja": "…"}), none of which is title.
	perLang langTexts
	// Eleventy: the build's folder its command line names (--output),
	// which is no part of the site.
	jsOutput string
	// Hexo: render_drafts (its drafts published), root (the site's
	// folder on the web, "/" at the top) and pretty_urls.trailing_index
	// set false (/about/, not /about/index.html). Its permalink setting
	// is permalink, its include and exclude lists include and exclude
	// (hexoRules).
	hexoDrafts  bool
	hexoRoot    string
	hexoNoIndex bool
	// Hexo: post_asset_folder, which publishes the files of a post's
	// folder (_posts/hello/ beside _posts/hello.md) with it, and no
	// other file of _posts or _drafts (hexoUnbuilt).
	hexoAssetFolder bool
	// Hexo: skip_render, the paths in the source folder copied as they
	// are, never rendered (folder.copiedAsIs).
	hexoSkipRender []string
	// Hexo: ignore, what it does not read at all (hexoRules).
	hexoIgnore []string
	// Hexo: category_map and tag_map (a category's or tag's name to the
	// name its address is made of) and filename_case (1 lower case, 2
	// upper): the slugs of its terms (hexoTermSlug).
	hexoCategoryMap, hexoTagMap map[string]string
	hexoFilenameCase            int
	// Hexo: where its pages of tags and categories are (HexoTermPages).
	hexoTerms hexoTermDirs
	// Hexo: new_post_name, how its posts' files are named (hexoName);
	// the front matter keys its permalink names (hexoPermalinkKeys) and
	// permalink_defaults (with default_category).
	hexoPostName string
	hexoKeys     string
	hexoHide     hexoHide
	// Hugo: what LoveIt's, DoIt's and FixIt's configuration hides by
	// default (readHugoHidden).
	hugoHidden hugoHidden
	// Hugo: the configuration's cascade, as decoded (cascadeTables),
	// and each language's own ([languages.ja.cascade], by its code in
	// lower case), which Hugo 0.111 reads for that language instead.
	cascade     any
	langCascade map[string]any
	// Hugo: the lists of terms it writes (hugoTermLists).
	hugoTermLists []string
	hexoDefaults  map[string]string
	// Astro: i18n's locales, lower case; its defaultLocale is lang.
	locales []string
	// Zola: [slugify] paths, "on" unless set (zolaSlug), and [slugify]
	// taxonomies, how its terms' addresses are made (ZolaTermKey).
	zolaPaths, zolaTaxonomies string
	// Jekyll.
	jekyllLangs   []string // jekyll-polyglot's languages, lower case (jekylllang.go)
	jekyllDefault string   // and its default_lang
	// jekyllWritten is each of jekyllLangs as written (zh-CN): its
	// folder on the web site, and its tag.
	jekyllWritten map[string]string
	// langKey: the configuration's lang key names the site's language
	// (not a theme's locale, nor its layouts' <html lang>).
	langKey bool
	// homeLang is the language, lower case, the front matter of the page
	// Jekyll writes at the site's top (index.html, index.md) gives it,
	// or the configuration's defaults do: "es" of lang: Español
	// (jekyllHomeLang); "" for none.
	homeLang    string
	permalink   string   // the permalink style of posts
	collections []string // the collections beyond posts with output: true, "_" + name a folder each
	// collectionsDir is collections_dir: the folder (with slashes,
	// relative to the site) that holds _posts, _drafts and the
	// collections' folders instead of the top; "" for the top.
	collectionsDir string
	include        []string // files and folders starting with "_" or "." it builds anyway
	exclude        []string // those it does not
	// polyglot: jekyll-polyglot is among the plugins (or in the
	// Gemfile), which puts a language's pages under /<lang>/ on the web
	// site; languages and default_lang without it (GitHub Pages cannot
	// run it) move no address.
	polyglot bool
	// archives: what jekyll-archives makes of the site's terms' pages,
	// nil when it makes none (jekyllarchives.go); in each language's
	// folder too in a jekyll-polyglot site.
	archives *jekyllArchives
	paginate jekyllPaginate // jekyll-paginate's (jekyllpaginate.go)
	// futureKey is the setting that has the generator publish posts
	// dated in the future (Hugo's buildFuture, Jekyll's future) when it
	// is on, "" when it is not: capsule holds them all the same (see
	// futureWarning).
	futureKey string
}

// maxConfigSize bounds a generator's configuration file read: a blog's is
// a few kilobytes.
const maxConfigSize = 1 << 20

// readConfigFile is readConfig without its problem: for files whose
// settings are a nicety (a theme's data), or read again by readConfig
// where they matter.
func readConfigFile(path string, fold bool) map[string]any {
	m, _ := readConfig(path, fold)
	return m
}

// readConfig reads a generator's configuration file, TOML, JSON or YAML
// by its extension, its keys lower-cased if fold. A file that is not there
// (or not a regular file) is nil and no problem. One over maxConfigSize,
// or that does not parse, is a problem at its line, said in the author's
// words where the mistake is a common one: Hugo, Jekyll, Hexo and Zola
// build nothing from a site whose configuration they cannot read, and
// capsule, reading the site without it, would serve what it excludes and
// lose its title, language and addresses. A key set twice takes its last
// value, as Ruby's YAML (Jekyll's) and Hugo take it.
func readConfig(path string, fold bool) (map[string]any, *FileError) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return nil, nil
	}
	if info.Size() > maxConfigSize {
		return nil, &FileError{File: path, Msg: fmt.Sprintf("configuration: %d bytes, over the %d a configuration may have: not read", info.Size(), maxConfigSize)}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{File: path, Msg: "configuration: " + err.Error()}
	}
	var m map[string]any
	var ferr *FileError
	switch strings.ToLower(filepath.Ext(path)) {
	case ".toml":
		if _, err := toml.Decode(string(src), &m); err != nil {
			ferr = TOMLFileProblem(src, err)
		}
	case ".json":
		if err := json.Unmarshal(src, &m); err != nil {
			line := 1
			var serr *json.SyntaxError
			if errors.As(err, &serr) {
				line += bytes.Count(src[:min(int(serr.Offset), len(src))], []byte("\n"))
			}
			ferr = &FileError{Line: line, Msg: strings.TrimPrefix(err.Error(), "json: ")}
		}
	default:
		// (An empty item never takes the keys after it.)
		if err := yaml.UnmarshalWithOptions(nullEmptyItems(src), &m, yaml.AllowDuplicateMapKey()); err != nil {
			ferr = yamlError(err, src, 1)
			ferr.Msg = strings.TrimPrefix(ferr.Msg, "front matter: ")
		}
	}
	if ferr != nil {
		ferr.File, ferr.Msg, ferr.Words = path, "configuration: "+ferr.Msg, Words{}
		return nil, ferr
	}
	if m == nil {
		return nil, nil
	}
	if fold {
		m = foldKeys(m, 0).(map[string]any)
	}
	return m, nil
}

// TOMLFileProblem is the problem of a TOML file (a configuration, not
// front matter) the parser refused with err, at its line: tomlProblem's
// words, but for YAML written in a TOML file, which is no front matter to
// open with "---". Its File is the caller's to set.
func TOMLFileProblem(src []byte, err error) *FileError {
	var perr toml.ParseError
	if !errors.As(err, &perr) {
		return &FileError{Line: 1, Msg: DecodeMessage(err)}
	}
	line, msg, w := tomlProblem(src, map[string]int{}, perr.Position.Line, perr.Message, func(n int) int { return n })
	if w.Key == wordsYAMLInTOML {
		msg = fmt.Sprintf(`"%s: …" is YAML (key: value), but the file is TOML: write %s = "…"`, w.Args[1], w.Args[1])
	}
	return &FileError{Line: line, Msg: msg}
}

// foldKeys lower-cases every key of v's maps, to a bounded depth.
func foldKeys(v any, depth int) any {
	m, ok := v.(map[string]any)
	if !ok || depth > MaxFrontMatterDepth {
		return v
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = foldKeys(v, depth+1)
	}
	return out
}

func str(v any) string { s, _ := v.(string); return oneLine(s) }

// isTrue is whether a configuration value is true, as YAML's true or
// Ruby's reading of a quoted "true".
func isTrue(v any) bool { b, ok := v.(bool); return b && ok || str(v) == "true" }

// strs is v as a list of strings: a list, or one string.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, s := range v {
			if s, ok := s.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// personName is a configuration's author as a name: a string, or the
// name of a table (Hugo's [params.author] name = …, Jekyll's author:
// {name: …}, as jekyll-feed and jekyll-seo-tag read it); "" for anything
// else (a list of authors names none of them the site's).
func personName(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		return str(v["name"])
	}
	return ""
}

// section is m[key] as a map, or nil.
func section(m map[string]any, key string) map[string]any {
	s, _ := m[key].(map[string]any)
	return s
}

// readHugoConfig reads a Hugo site's configuration: file (relative to
// root) merged with the files of config/_default/, as Hugo merges them.
func readHugoConfig(root, file string) siteConfig {
	c := siteConfig{file: file, contentDir: "content", staticDirs: []string{"static"}}
	m, problems := readHugoConfigMap(root, file)
	c.problems = problems
	defaultLang := strings.ToLower(cmp.Or(str(m["defaultcontentlanguage"]), "en"))
	// The default language's own table ([languages.ja] title, a site of
	// one language written so: k-kaz-git's) titles the site, over the
	// top level, as Hugo's .Site.Title is the language's (0shim4's).
	defLang := section(section(m, "languages"), defaultLang)
	langParams := section(defLang, "params")
	params := section(m, "params")
	c.title = cmp.Or(str(defLang["title"]), str(m["title"]))
	c.description = cmp.Or(str(langParams["description"]), str(defLang["description"]), str(params["description"]))
	c.author = oneLine(cmp.Or(personName(langParams["author"]), personName(params["author"]), personName(m["author"])))
	for _, key := range []string{"languagecode", "defaultcontentlanguage"} {
		if lang := strings.ToLower(langTag(str(m[key]))); lang != "" {
			c.lang = lang
			break
		}
	}
	c.timezone = str(m["timezone"])
	c.baseURL = str(m["baseurl"])
	if b, _ := m["buildfuture"].(bool); b {
		c.futureKey = "buildFuture = true"
	}
	if d := str(m["contentdir"]); d != "" && !filepath.IsAbs(d) && !strings.Contains(d, "..") {
		c.contentDir = filepath.Clean(d)
	}
	if langs, _ := m["languages"].(map[string]any); len(langs) == 1 {
		// Its baseURL, when it has one, is the site's, over the top
		// level's (Hugo gives every page that address).
		c.baseURL = cmp.Or(str(defLang["baseurl"]), c.baseURL)
		// A site of one language whose table names its content folder
		// ([languages.ja] contentDir = "content/ja"): the site's, as
		// Hugo reads it (with two or more, each is its language's).
		if d := str(defLang["contentdir"]); d != "" && !filepath.IsAbs(d) && !strings.Contains(d, "..") {
			c.contentDir = filepath.Clean(d)
		}
	}
	if dirs := strs(m["staticdir"]); len(dirs) > 0 {
		c.staticDirs = nil
		for _, d := range dirs {
			if !filepath.IsAbs(d) && !strings.Contains(d, "..") {
				c.staticDirs = append(c.staticDirs, filepath.Clean(d))
			}
		}
	}
	c.ignoreFiles = strs(m["ignorefiles"])
	// For the param shortcode ("params.author"), as Jekyll's strings
	// are for Liquid's site.author.
	c.vars = hugoParamVars(c.vars, "params.", params, 0)
	c.hugoHidden = readHugoHidden(params)
	c.cascade = m["cascade"]
	for code, v := range section(m, "languages") {
		lm, _ := v.(map[string]any)
		if lc := mapValue(lm, "cascade"); lc != nil {
			if c.langCascade == nil {
				c.langCascade = make(map[string]any)
			}
			c.langCascade[strings.ToLower(code)] = lc
		}
	}
	themes := hugoThemes(root, m) // found once, for PaperMod's keys and the themes' Markdown below
	for _, t := range themes {
		if strings.Contains(t.name, "papermod") { // PaperMod, hugo-PaperMod, on disk or a module
			c.hugoHidden += hugoHidden(paperModHome) // its home list reads hiddenInHomeList
			break
		}
	}
	c.mainSections = strs(params["mainsections"])
	if len(c.mainSections) == 0 {
		c.mainSections = strs(m["mainsections"])
	}
	if len(c.mainSections) == 0 {
		c.mainSections = strs(langParams["mainsections"]) // the default language's
	}
	c.permalinks = map[string]string{}
	perm := section(m, "permalinks")
	if page := section(perm, "page"); page != nil {
		perm = page // Hugo 0.112's form: [permalinks.page]
	}
	for k, v := range perm {
		if s := str(v); s != "" {
			c.permalinks[k] = s
		}
	}
	c.urls = readHugoURLConfig(m)
	// The site's taxonomies, and each language's (PaperMod's example
	// gives French pages FRtags): a tag's or a category's key is read
	// as tags are.
	var taxonomies, tagKeys []string
	declare := func(tax map[string]any) {
		for k, v := range tax {
			s := strings.ToLower(str(v))
			if s == "" || strings.Contains(s, ",") {
				continue
			}
			taxonomies = append(taxonomies, s)
			if k := strings.ToLower(k); (k == "tag" || k == "category") && s != "tags" && s != "categories" && s != "category" {
				tagKeys = append(tagKeys, s)
			}
		}
	}
	declare(section(m, "taxonomies"))
	c.hugoTermLists = hugoTermLists(m)
	if langs, ok := m["languages"].(map[string]any); ok {
		for _, l := range langs {
			if lm, ok := l.(map[string]any); ok {
				declare(section(lm, "taxonomies"))
			}
		}
	}
	// The same text for the same configuration: postDefaults are
	// compared.
	c.taxonomies, c.tagKeys = commaSet(taxonomies), commaSet(tagKeys)
	c.languages = readHugoLanguages(m)
	if c.hosts = readHugoHosts(m, c.languages); c.hosts.dirs != nil {
		// Each language at its baseURL's path (hugohosts.go), the
		// site's web address the part they share.
		for i := range c.languages {
			c.languages[i].Dir = c.hosts.dirs[c.languages[i].Code]
		}
		c.urls.langDirs = c.hosts.dirs
		c.baseURL = c.hosts.base
	}
	if redirect, set := m["disabledefaultlanguageredirect"].(bool); !(set && redirect) && c.hosts.dirs == nil {
		for _, l := range c.languages {
			if l.Code == defaultLang && l.Dir == "" {
				c.defaultLangHome = "/" + l.Code + "/"
			}
		}
	}
	c.pager = readHugoPager(m)
	c.claimContentDir(defaultLang)
	mounts, over := hugoContentMounts(m)
	var codes []string
	for code := range section(m, "languages") {
		codes = append(codes, strings.ToLower(code))
	}
	c.followMounts(mounts, over, defaultLang, codes)
	c.markup = hugoMarkup(m)
	version := moduleVersions(root)
	c.markup.Alerts, c.markup.AlertTheme = hugoAlertHook(root, themes, version)
	c.markup.ThemeIcons, c.markup.ThemeEscapes = hugoThemeText(root, m, themes, version)
	c.blockAttributes = isTrue(section(section(section(section(m, "markup"), "goldmark"), "parser"), "attribute")["block"])
	c.nameDates, c.nameFirst = hugoNameDates(section(m, "frontmatter"))
	return c
}

// Pager is how a generator splits a list into pages: Size to a page,
// page n from 1 at the list's address joined with Path and n (/page/2/,
// /posts/page/2/). Hugo's: pagination.pagerSize, the older paginate, 10
// unless set; pagination.path, the older paginatePath, "page" unless set;
// page 1 an alias Hugo writes of the list's own address. Zola's, of a
// taxonomy's terms: the taxonomy's paginate_by and paginate_path.
type Pager struct {
	Size int
	Path string
}

// maxPagerPath bounds the pagination.path read: a folder's name or two.
const maxPagerPath = 64

// readHugoPager reads a Hugo site's pagination settings, m its
// configuration (keys lower-cased), the newer [pagination] over the older
// top-level keys, as Hugo reads them. A size not a positive number, or a
// path that is no plain folder path, is Hugo's default.
func readHugoPager(m map[string]any) Pager {
	pg := section(m, "pagination")
	size := int(frontInt(pg["pagersize"]))
	if size <= 0 {
		size = int(frontInt(m["paginate"]))
	}
	if size <= 0 {
		size = 10
	}
	return Pager{Size: size, Path: pagerPath(cmp.Or(str(pg["path"]), str(m["paginatepath"])), "page")}
}

// pagerPath is dir, the folder of a list's pages as a configuration
// writes it, without slashes around it; empty when it is empty,
// Hugo's and Zola's default, "page", when it is longer than
// maxPagerPath or no plain folder path ("..", "a//b", a "?").
func pagerPath(dir, empty string) string {
	dir = strings.Trim(dir, "/")
	switch {
	case dir == "":
		return empty
	case len(dir) > maxPagerPath || strings.ContainsAny(dir, "?#\\") || path.Clean(dir) != dir || strings.HasPrefix(dir, ".."):
		return "page"
	}
	return dir
}

// hugoNameDates reads Hugo's [frontmatter] date: the handlers that date a
// page, the first that gives a date winning. ":filename" is a date from
// the file's name (2012-09-26-hello.md). It is first when no front
// matter key (a name, or ":default": date, publishDate, lastmod) comes
// before it. ":git" is passed over (capsule reads no history); after
// ":fileModTime", which always gives a date, Hugo never reaches it.
func hugoNameDates(fm map[string]any) (nameDates, nameFirst bool) {
	keyFirst := false
	for _, h := range strs(fm["date"]) {
		switch h := strings.ToLower(strings.TrimSpace(h)); h {
		case ":filename":
			return true, !keyFirst
		case ":filemodtime":
			return false, false // always a date: Hugo never reaches a :filename after it
		case ":git":
		default:
			keyFirst = true
		}
	}
	return false, false
}

// hugoConfigDir is Hugo's configuration folder for every environment.
var hugoConfigDir = filepath.Join("config", "_default")

// maxConfigFiles bounds the files of config/_default/ read: a theme's
// layout has a dozen.
const maxConfigFiles = 100

// readHugoConfigMap is a Hugo site's configuration, keys lower-cased:
// file when it is at the root (hugo.toml, config.yaml…), then the files
// of config/_default/ in the order of their names, each merged into what
// came before and winning over it for a key set in both, as Hugo does.
// There hugo.toml and config.toml are the top level, params.toml is
// [params], menus.en.toml [languages.en.menus], params.en.toml
// [languages.en.params] and languages.en.toml [languages.en] (Blowfish's
// layout: a file per language).
func readHugoConfigMap(root, file string) (map[string]any, []*FileError) {
	m := map[string]any{}
	var problems []*FileError
	read := func(path string) map[string]any {
		item, ferr := readConfig(path, true)
		if ferr != nil {
			problems = append(problems, ferr)
		}
		return item
	}
	if filepath.Dir(file) == "." {
		mergeConfig(m, read(filepath.Join(root, file)), 0)
	}
	entries, _ := os.ReadDir(filepath.Join(root, hugoConfigDir)) // sorted by name
	for i, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if i >= maxConfigFiles || !slices.Contains([]string{".toml", ".yaml", ".yml", ".json"}, ext) {
			continue
		}
		item := read(filepath.Join(root, hugoConfigDir, e.Name()))
		if item == nil {
			continue
		}
		name := strings.ToLower(strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())))
		var keys []string
		if key, lang, ok := cutLast(name, "."); ok {
			keys = []string{"languages", lang}
			switch key {
			case "menu", "menus":
				keys = append(keys, "menus")
			case "params":
				keys = append(keys, "params")
			}
		} else if name != "hugo" && name != "config" {
			keys = []string{name}
		}
		var v any = item
		for j := len(keys) - 1; j >= 0; j-- {
			v = map[string]any{keys[j]: v}
		}
		mergeConfig(m, v.(map[string]any), 0)
	}
	return m, problems
}

// cutLast is strings.Cut at the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// mergeConfig merges src into dst: tables merged key by key, any other
// value of src replacing dst's.
func mergeConfig(dst, src map[string]any, depth int) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok && depth < MaxFrontMatterDepth {
			if dm, ok := dst[k].(map[string]any); ok {
				mergeConfig(dm, sm, depth+1)
				continue
			}
		}
		dst[k] = v
	}
}

// maxParamDepth bounds how deep in the tables of Hugo's [params] the
// param shortcode finds a value ("docs.min_hugo_version" is two deep).
const maxParamDepth = 4

// hugoParamVars adds to vars the values of params under prefix, as the
// param shortcode names them: a string, or a number or truth value as
// its text (hugoScalarText), at its key in lower case, a table's keys
// after its own and a dot ({{< param docs.min_hugo_version >}} is
// [params.docs] min_hugo_version, as Hugo's Param looks it up), at most
// maxParamDepth tables deep; a value over maxSiteVar bytes is not. It
// returns vars, made when it was nil and a value is added.
func hugoParamVars(vars map[string]string, prefix string, params map[string]any, depth int) map[string]string {
	for k, v := range params {
		key := prefix + strings.ToLower(k)
		if t, ok := v.(map[string]any); ok {
			if depth+1 < maxParamDepth {
				vars = hugoParamVars(vars, key+".", t, depth+1)
			}
			continue
		}
		s, ok := v.(string)
		if !ok {
			s, ok = hugoScalarText(v)
		}
		if ok && len(s) <= maxSiteVar {
			if vars == nil {
				vars = make(map[string]string)
			}
			vars[key] = s
		}
	}
	return vars
}

// maxSiteVar bounds a variable of the site a post's Liquid output takes
// ({{ site.repository }}): an address or a name, not a page; a longer
// value is dropped with the output. (What variables add to one post is
// bounded by scExpander.varRoom.)
const maxSiteVar = 128

// readJekyllConfig reads a Jekyll site's _config.yml.
func readJekyllConfig(dir string) siteConfig {
	c := siteConfig{permalink: "date"}
	var m map[string]any
	// The first of these that is there, as Jekyll takes it, even empty.
	for _, name := range []string{"_config.yml", "_config.yaml", "_config.toml"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			continue
		}
		var ferr *FileError
		if m, ferr = readConfig(filepath.Join(dir, name), false); ferr != nil {
			c.problems = []*FileError{ferr}
		}
		c.file = name
		break
	}
	if m == nil {
		c.homeLang = jekyllHomeLang(dir, c)
		c.lang = c.homeLang
		return c
	}
	for k, v := range m {
		if s, ok := v.(string); ok && len(s) <= maxSiteVar && k != "url" && k != "baseurl" {
			if c.vars == nil {
				c.vars = make(map[string]string)
			}
			c.vars[k] = s
		}
	}
	for _, key := range []string{"plugins", "gems"} {
		c.optionalFrontMatter = c.optionalFrontMatter || slices.Contains(strs(m[key]), "jekyll-optional-front-matter")
	}
	// jekyll-feed and jekyll-seo-tag title a site without a title by
	// its name.
	// A description is text: the HTML a theme prints it as (Lanyon's
	// <a href>) is left out.
	c.title, c.description = cmp.Or(str(m["title"]), str(m["name"])), plainTitle(oneLine(str(m["description"])), false)
	c.author = oneLine(personName(m["author"]))
	if lang := strings.ToLower(langTag(str(m["lang"]))); lang != "" {
		c.lang, c.langKey = lang, true
	} else if lang := interfaceLang(str(m["locale"])); lang != "" {
		// minimal-mistakes' (and its kin's) locale: "ja-JP", whose
		// first two letters are the page's lang in its layout; its
		// ui-text has zh-TW's words in traditional characters.
		c.lang = lang
	} else if lang := jekyllLayoutLang(dir); lang != "" {
		c.lang = lang
	}
	if b, _ := m["future"].(bool); b {
		c.futureKey = "future: true"
	}
	c.timezone = str(m["timezone"])
	if url := strings.TrimSuffix(str(m["url"]), "/"); url != "" {
		c.baseURL = url + "/" + strings.Trim(str(m["baseurl"]), "/")
	}
	if p := str(m["permalink"]); p != "" {
		c.permalink = p
	}
	// Jekyll renders a collection's documents only when the collection
	// says output: true; the others are data for templates, unpublished.
	// A list of names has no output setting, so none of them is served.
	if cols, ok := m["collections"].(map[string]any); ok {
		for name, settings := range cols {
			if s, ok := settings.(map[string]any); ok && isTrue(s["output"]) {
				c.collections = append(c.collections, name)
			}
		}
	}
	c.include, c.exclude = strs(m["include"]), strs(m["exclude"])
	c.setJekyllLangs(strs(m["languages"]), str(m["default_lang"]))
	c.collectionsDir = jekyllCollectionsDir(str(m["collections_dir"]))
	c.urls = readJekyllURLConfig(m, c.collectionsDir)
	c.homeLang = jekyllHomeLang(dir, c)
	if c.lang == "" {
		// Named nowhere else (no lang, locale or layout's <html lang>):
		// the site's language is its home page's, or the one the
		// defaults give it and the posts, as its layouts write it on
		// every page.
		c.lang = c.homeLang
	}
	c.markup = jekyllMarkup(m)
	for _, key := range []string{"plugins", "gems"} {
		c.polyglot = c.polyglot || slices.Contains(strs(m[key]), "jekyll-polyglot")
	}
	if !c.polyglot && len(c.jekyllLangs) > 0 {
		if b, err := readSmall(filepath.Join(dir, "Gemfile")); err == nil {
			c.polyglot = bytes.Contains(b, []byte("jekyll-polyglot"))
		}
	}
	if len(c.jekyllLangs) == 0 {
		c.readMrGreenLangs(dir, str(m["data_dir"]))
	}
	c.archives = readJekyllArchives(m, dir, c.collectionsDir)
	c.paginate = readJekyllPaginate(m, dir)
	return c
}

// setJekyllLangs takes a site's languages (codes, as written) and its
// default one: the first is the default when it names none in the list.
func (c *siteConfig) setJekyllLangs(list []string, def string) {
	for _, l := range list {
		written := strings.TrimSpace(l)
		if l = strings.ToLower(written); langPattern.MatchString(l) && !slices.Contains(c.jekyllLangs, l) {
			c.jekyllLangs = append(c.jekyllLangs, l)
			if c.jekyllWritten == nil {
				c.jekyllWritten = make(map[string]string)
			}
			c.jekyllWritten[l] = written
		}
	}
	if d := strings.ToLower(strings.TrimSpace(def)); slices.Contains(c.jekyllLangs, d) {
		c.jekyllDefault = d
		if c.lang == "" {
			// A polyglot site's page that names no language is in the
			// default one (realcoding2003's privacy page was put in the
			// English capsule).
			c.lang = c.jekyllWritten[d]
		}
	}
}

// readMrGreenLangs reads the languages of a site of the MrGreen theme,
// which its _data/conf/main.yml names (jekyll-polyglot's languages being
// in _config.yml): language_switch_lang_list, and default_lng, the
// language of the pages whose address starts with none of the others
// (/en/… is English, the rest Japanese), which are at the top of the
// site, the others in the folder of their code (en/_posts, en/tabs).
// Translations share a lng_pair (see translationKeys). A list of one
// language is the site's language (its language switch is off). The file
// is read as _config.yml is, at most maxConfigSize bytes (readConfigFile).
func (c *siteConfig) readMrGreenLangs(dir, dataDir string) {
	dataDir = cmp.Or(filepath.FromSlash(strings.Trim(dataDir, "/")), "_data")
	if !filepath.IsLocal(dataDir) {
		return
	}
	m := readConfigFile(filepath.Join(dir, dataDir, "conf", "main.yml"), false)
	if m == nil {
		return
	}
	def := strings.TrimSpace(str(m["default_lng"]))
	list := strs(m["language_switch_lang_list"])
	if !slices.ContainsFunc(list, func(l string) bool { return strings.EqualFold(strings.TrimSpace(l), def) }) {
		// The theme's default is its language whether listed or not.
		list = append([]string{def}, list...)
	}
	c.setJekyllLangs(list, def)
	if len(c.jekyllLangs) < 2 {
		c.jekyllLangs, c.jekyllDefault = nil, ""
	}
}

// applyMeta fills what meta lacks from the configuration; setLang is
// false when the operator chose the language.
func (c siteConfig) applyMeta(meta *SiteMeta, setLang bool) {
	if setLang && c.lang != "" {
		meta.Lang = c.lang
	}
	// A title given per language: the site's language's.
	if meta.Title == "" {
		meta.Title = cmp.Or(c.title, c.perLang.titles[strings.ToLower(meta.Lang)], c.perLang.titles[LangBase(meta.Lang)])
	}
	if meta.Description == "" {
		meta.Description = cmp.Or(c.description, c.perLang.descriptions[strings.ToLower(meta.Lang)], c.perLang.descriptions[LangBase(meta.Lang)])
	}
	if meta.Author == "" {
		meta.Author = c.author
	}
}

// languageTexts gives each of langs its title and description where the
// site's data gives them per language, meta's (the site's) being its
// default language's, langs[0]: the site file's and -title's say it
// surely and stay, a title of the language meta was thought to be in
// before (was) is replaced.
func (c siteConfig) languageTexts(meta *SiteMeta, langs []Language, was string) {
	if c.perLang.titles == nil && c.perLang.descriptions == nil {
		return
	}
	of := func(m map[string]string, code string) string { return cmp.Or(m[code], m[LangBase(code)]) }
	for i := range langs {
		l := &langs[i]
		if i == 0 {
			if t := of(c.perLang.titles, l.Code); t != "" && c.title == "" && meta.Title == of(c.perLang.titles, strings.ToLower(was)) {
				meta.Title = t
			}
			if d := of(c.perLang.descriptions, l.Code); d != "" && c.description == "" && meta.Description == of(c.perLang.descriptions, strings.ToLower(was)) {
				meta.Description = d
			}
			continue
		}
		l.Title = cmp.Or(l.Title, of(c.perLang.titles, l.Code))
		l.Description = cmp.Or(l.Description, of(c.perLang.descriptions, l.Code))
	}
}

// commaSet is keys sorted, without repeats, each between commas
// (",a,b,"), or "" for none.
func commaSet(keys []string) string {
	if len(keys) == 0 {
		return ""
	}
	slices.Sort(keys)
	return "," + strings.Join(slices.Compact(keys), ",") + ","
}

// jekyllHomeNames are the files Jekyll writes at the top of the site
// (/index.html), the first there being the one read.
var jekyllHomeNames = []string{"index.html", "index.md", "index.markdown", "index.htm"}

// jekyllHomeLang is the language, lower case, of the page a Jekyll site
// has at its top (jekyllHomeNames): its front matter's lang (or
// language), else the one the configuration's defaults give its path,
// else the one they give the posts at the top (_posts), which its home
// lists. A language's name ("Español", "English", "日本語") is its
// code, as languageCode knows it; any other value is none. Themes that
// write <html lang="{{ page.lang }}"> make that the home's language
// (horminka.github.io's index.html, lang: Español, is the Spanish home
// of a site whose configuration names no language). Only the first
// maxConfigSize bytes of a regular file are read (readSmall), and its
// front matter within defaultFrontLimits. "" for none.
func jekyllHomeLang(dir string, c siteConfig) string {
	lang := ""
	for _, name := range jekyllHomeNames {
		file := filepath.Join(dir, name)
		if info, err := os.Lstat(file); err != nil || !info.Mode().IsRegular() {
			continue
		}
		if b, err := readSmall(file); err == nil {
			src, _ := trimBlankStart(NormalizeSource(b))
			if front, _, _, start, format, ferr := splitFront(src); ferr == nil && front != nil {
				if m, _, _, ferr := decodeFrontAs(format, front, start, defaultFrontLimits); ferr == nil {
					lang = cmp.Or(str(m["lang"]), str(m["language"]))
				}
			}
		}
		lang = cmp.Or(lang, c.jekyllDefaultLang(name, "pages"))
		break
	}
	if lang == "" {
		docDir, kind := c.jekyllDoc(path.Join(c.collectionsDir, "_posts"))
		lang = c.jekyllDefaultLang(path.Join(docDir, "post.md"), kind)
	}
	return strings.ToLower(languageCode(lang))
}

// jekyllDefaultLang is the lang the configuration's defaults give the
// file at rel, of kind (the most specific scope's, as
// jekyllDefaultPermalink chooses), "" for none.
func (c siteConfig) jekyllDefaultLang(rel, kind string) string {
	lang, bestRank := "", -1
	for _, d := range c.urls.defaults {
		v := cmp.Or(str(d.values["lang"]), str(d.values["language"]))
		if rank := d.rank(rel, kind); v != "" && rank >= 0 && rank >= bestRank {
			lang, bestRank = v, rank
		}
	}
	return lang
}

// jekyllHomeDefault is the language a Jekyll site in several languages
// (found by folderLanguages, not configured by jekyll-polyglot's
// languages) has at its top: its home page's (homeLang), unless the
// operator or the site file chose the site's (chosen) or the
// configuration's lang names it; a theme's locale names its interface's
// words, not the home's language (lazyjobseeker.github.io: locale en-US,
// index.html lang: ko, its Korean posts at the top and the English ones
// under /en/). "" when none of these applies.
func (f folder) jekyllHomeDefault(chosen bool) string {
	if f.gen != "" || chosen || f.config.langKey || len(f.config.jekyllLangs) >= 2 {
		return ""
	}
	return f.config.homeLang
}

// jekyllLayoutLang is the language a Jekyll site's own layouts
// (_layouts/*.html) write in their <html lang="ja">, as a literal, its
// base language (a Chinese one whole: interfaceLang), when they all write the same one; "" when none does
// (a theme's layout, or lang="{{ site.lang }}", which the configuration
// gives), or they differ. A Japanese site whose _config.yml says no lang
// often says it there alone (fumokmm's notes site: 384 Japanese pages
// served as English, with English labels). At most maxLayoutFiles read.
func jekyllLayoutLang(dir string) string {
	files, _ := filepath.Glob(filepath.Join(dir, "_layouts", "*.html"))
	return interfaceLang(layoutLang(files)) // zh-TW kept whole, as the locale is
}

// hugoTermLists are the taxonomies, of tags and categories, whose list of
// terms a Hugo site's configuration m has Hugo 0.111 write (/tags/,
// /categories/) even when no page has a term: those [taxonomies] names
// (tags and categories when it has no such table), none when
// disableKinds has "taxonomy" (or its older name, "taxonomyTerm").
func hugoTermLists(m map[string]any) []string {
	for _, k := range strs(m["disablekinds"]) {
		if k := strings.ToLower(k); k == "taxonomy" || k == "taxonomyterm" {
			return nil
		}
	}
	tax, ok := m["taxonomies"].(map[string]any)
	if !ok {
		return []string{"categories", "tags"}
	}
	var out []string
	for _, v := range tax {
		if s := strings.ToLower(str(v)); s == "tags" || s == "categories" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
