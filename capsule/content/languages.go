package content

import (
	"cmp"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// A multilingual Hugo site: [languages] in its configuration, each
// language with its name, weight, title and, optionally, its own content
// folder (contentDir); a page's language is that of the content folder
// it is in, else the one its file's name ends in (hello.fr.md,
// index.fr.md), else the default one (defaultContentLanguage). Pages of
// one translation key (their path in their language's content, without
// the language: posts/hello), or of one translationKey, are translations
// of each other. The default
// language is served at the root, the others under /<code>/, and all of
// them there when defaultContentLanguageInSubdir says so.

// Language is one language of a multilingual site.
type Language struct {
	Code   string // as [languages] names it, lower case: "ja", "pt-br"
	Tag    string // its languageCode ("en-US"), else Code: what lang= says
	Name   string // its label or languageName ("日本語"), else a known name, else Code
	Weight int    // its order among the languages (then by code)
	Title  string // the site's title in it; "" for the site's own
	// Description is the site's description in it; "" for the site's own.
	Description string
	ContentDir  string // its content folder, relative to the site's root, with slashes; "" for the site's
	// Dir is where its pages are served: "" at the root, "/ja" else.
	Dir string
}

// langFolders are the language codes a folder's name (ja/ beside
// _posts, an Eleventy site's fr/) or a file name's ending (hello.en.md)
// is taken for in a site that configures no languages: common ones
// alone, since each makes more folders and names count as languages
// (MrGreen's tr/ was no language before tr was among them). What a
// language is called is languageName's, for many more.
var langFolders = map[string]bool{
	"en": true, "ja": true, "fr": true, "de": true, "es": true, "it": true, "pt": true, "pt-br": true,
	"zh": true, "zh-cn": true, "zh-tw": true, "ko": true, "ru": true, "fa": true, "ar": true, "nl": true,
	"tr": true, "pl": true, "sv": true, "fi": true, "da": true, "nb": true, "cs": true, "uk": true,
	"vi": true, "th": true, "id": true, "hi": true, "he": true, "el": true, "hu": true, "ro": true,
}

// languageAutonyms are the names of languages in themselves, as a list of
// languages shows them, for a language whose configuration gives no
// name: those of ISO 639-1 a blog is likely written in (jekyll-polyglot
// sites list Swahili and Amharic: yunseo-kim.github.io's twelve), and
// regional forms whose name differs. Lower-case codes; capitalised as
// the start of an item is.
var languageAutonyms = map[string]string{
	"af": "Afrikaans", "am": "አማርኛ", "ar": "العربية", "as": "অসমীয়া", "az": "Azərbaycan", "be": "Беларуская",
	"bg": "Български", "bn": "বাংলা", "bo": "བོད་སྐད་", "br": "Brezhoneg", "bs": "Bosanski", "ca": "Català",
	"cs": "Čeština", "cy": "Cymraeg", "da": "Dansk", "de": "Deutsch", "dz": "རྫོང་ཁ", "el": "Ελληνικά",
	"en": "English", "eo": "Esperanto", "es": "Español", "et": "Eesti", "eu": "Euskara", "fa": "فارسی",
	"fi": "Suomi", "fo": "Føroyskt", "fr": "Français", "fy": "Frysk", "ga": "Gaeilge", "gd": "Gàidhlig",
	"gl": "Galego", "gu": "ગુજરાતી", "ha": "Hausa", "he": "עברית", "hi": "हिन्दी", "hr": "Hrvatski",
	"ht": "Kreyòl ayisyen", "hu": "Magyar", "hy": "Հայերեն", "id": "Bahasa Indonesia", "ig": "Igbo",
	"is": "Íslenska", "it": "Italiano", "ja": "日本語", "jv": "Basa Jawa", "ka": "ქართული", "kk": "Қазақ тілі",
	"km": "ខ្មែរ", "kn": "ಕನ್ನಡ", "ko": "한국어", "ku": "Kurdî", "ky": "Кыргызча", "la": "Latina",
	"lb": "Lëtzebuergesch", "lo": "ລາວ", "lt": "Lietuvių", "lv": "Latviešu", "mg": "Malagasy", "mi": "Māori",
	"mk": "Македонски", "ml": "മലയാളം", "mn": "Монгол", "mr": "मराठी", "ms": "Bahasa Melayu", "mt": "Malti",
	"my": "မြန်မာ", "nb": "Norsk bokmål", "ne": "नेपाली", "nl": "Nederlands", "nn": "Norsk nynorsk", "no": "Norsk",
	"oc": "Occitan", "or": "ଓଡ଼ିଆ", "pa": "ਪੰਜਾਬੀ", "pl": "Polski", "ps": "پښتو", "pt": "Português",
	"qu": "Runasimi", "rm": "Rumantsch", "ro": "Română", "ru": "Русский", "rw": "Kinyarwanda", "sa": "संस्कृतम्",
	"sd": "سنڌي", "si": "සිංහල", "sk": "Slovenčina", "sl": "Slovenščina", "so": "Soomaali", "sq": "Shqip",
	"sr": "Српски", "su": "Basa Sunda", "sv": "Svenska", "sw": "Kiswahili", "ta": "தமிழ்", "te": "తెలుగు",
	"tg": "Тоҷикӣ", "th": "ไทย", "ti": "ትግርኛ", "tk": "Türkmen", "tl": "Tagalog", "tr": "Türkçe",
	"tt": "Татар", "ug": "ئۇيغۇرچە", "uk": "Українська", "ur": "اردو", "uz": "Oʻzbek", "vi": "Tiếng Việt",
	"xh": "isiXhosa", "yi": "ייִדיש", "yo": "Èdè Yorùbá", "zh": "中文", "zu": "isiZulu",
	// Regional forms named apart.
	"pt-br": "Português", "zh-cn": "简体中文", "zh-sg": "简体中文", "zh-hans": "简体中文",
	"zh-tw": "繁體中文", "zh-hk": "繁體中文", "zh-hant": "繁體中文",
	// Chinese languages of their own code.
	"yue": "粵語", "lzh": "文言",
}

// languageName is the name of the language tag code in itself (a
// region's form the language's: "Deutsch" of de-AT), "" when
// languageAutonyms has none.
func languageName(code string) string {
	code = strings.ToLower(code)
	if name, ok := languageAutonyms[code]; ok {
		return name
	}
	return languageAutonyms[LangBase(code)]
}

// readHugoLanguages reads [languages] of a Hugo configuration (keys
// lower-cased): none when it names fewer than two, a one-language site
// being served as any other.
func readHugoLanguages(m map[string]any) []Language {
	langs, _ := m["languages"].(map[string]any)
	if len(langs) < 2 {
		return nil
	}
	def := strings.ToLower(cmp.Or(str(m["defaultcontentlanguage"]), "en"))
	inSubdir, _ := m["defaultcontentlanguageinsubdir"].(bool)
	var out []Language
	for code, v := range langs {
		code = strings.ToLower(code)
		if !langPattern.MatchString(code) {
			continue
		}
		lm, _ := v.(map[string]any)
		l := Language{Code: code, Tag: code, Name: cmp.Or(str(lm["label"]), str(lm["languagename"]), languageName(code), code), Title: str(lm["title"])}
		if l.Title == "" && code != def {
			// A language with no title has the top level's, as Hugo's
			// .Site.Title, not the default language's, which titles the
			// site (a Japanese capsule was titled in English).
			l.Title = str(m["title"])
		}
		params, _ := lm["params"].(map[string]any)
		l.Description = cmp.Or(str(lm["description"]), str(params["description"]))
		if tag := langTag(str(lm["languagecode"])); tag != "" {
			l.Tag = tag
		}
		switch w := lm["weight"].(type) {
		case int64:
			l.Weight = int(w)
		case int:
			l.Weight = w
		case uint64:
			l.Weight = int(w)
		case float64:
			l.Weight = int(w)
		}
		if d := str(lm["contentdir"]); d != "" && !filepath.IsAbs(d) && !strings.Contains(d, "..") {
			l.ContentDir = path.Clean(filepath.ToSlash(d))
		}
		if code != def || inSubdir {
			l.Dir = "/" + code
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b Language) int { return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Code, b.Code)) })
	return out
}

// DefaultLanguageHome is the address at which a multilingual Hugo site
// whose default language is at its top (no
// defaultContentLanguageInSubdir) writes a page that redirects to the
// top: "/ja/" of defaultContentLanguage = "ja", which a reader may have
// kept or a link written (yzwbeast's blog links /zh/). Hugo writes none
// with disableDefaultLanguageRedirect, nor for a site of one language,
// nor a Zola site; "" then.
func (c *Content) DefaultLanguageHome() string { return c.defaultLangHome }

// HugoPager is how a Hugo site splits its lists into pages (its home's,
// its sections', its terms'), which readers keep and sites link
// (/page/3/); the zero value for other sites.
func (c *Content) HugoPager() Pager { return c.hugoPager }

// HugoSections are the folders of a Hugo site's sections that have an
// _index.md (or a translation of one, _index.fr.md), relative to the
// posts folder as Post.Dir is ("posts/tech", "en/posts/tech"), sorted:
// Hugo writes a list of each at its folder's address (/posts/tech/),
// a folder below a section's being a section of its own only so, even
// when it holds no page or drafts only. A section whose _index.md is a
// draft, headless or never rendered (build.render) is left out: Hugo 0.111
// writes no list of it. As many as the folders found; nil for other
// sites.
func (c *Content) HugoSections() []string { return c.hugoSections }

// HugoSectionLayout is the template the _index.md of the Hugo section
// in folder dir (one of HugoSections) names by its layout (else its
// type), in lower case: "search" for a theme's search page written as a
// section (content/search/_index.md, layout: search); "" for none.
func (c *Content) HugoSectionLayout(dir string) string { return c.hugoSectionLayouts[dir] }

// HugoTermLists are the taxonomies of tags and categories ("tags",
// "categories") whose lists of terms a Hugo site has Hugo write even
// with no term in them (/categories/ of a site whose pages have no
// category), sorted; nil for other sites.
func (c *Content) HugoTermLists() []string { return c.hugoTermLists }

// HugoTaxonomy reports whether name, a folder of a Hugo site's content
// folder (of a language's), is a taxonomy's (its [taxonomies], tags and
// categories by default): content/collections/go/_index.md is the
// page of a term, no section.
func (c *Content) HugoTaxonomy(name string) bool {
	name = strings.ToLower(name)
	return strings.Contains(c.hugoTaxonomies, ","+name+",") || name == "tags" || name == "categories"
}

// hugoSectionDirs are the folders, relative to dir, of the section files
// files (found in dir), sorted and once each, but for those Hugo
// publishes no list of: a section whose every file is unpublished
// (hugoSectionRead), and a section below one (a draft section's and its
// cascade's draft reach every page and section below it); and the
// templates their files name (HugoSectionLayout). Each file is read
// once, its first maxPost bytes (a post's cap) at most: O(files), then
// O(sections × depth) to look up the folders above each.
func hugoSectionDirs(dir string, files []string, maxPost int64) ([]string, map[string]string) {
	var dirs []string
	var layouts map[string]string
	published := make(map[string]bool, len(files))
	for _, file := range files {
		rel := relDir(dir, file)
		pub, layout := hugoSectionRead(file, maxPost)
		published[rel] = published[rel] || pub
		if layout != "" {
			if layouts == nil {
				layouts = make(map[string]string)
			}
			layouts[rel] = layout
		}
	}
	for rel, pub := range published {
		for up := rel; pub && up != "" && up != "."; up = path.Dir(up) {
			if p, ok := published[up]; ok && !p {
				pub = false
			}
		}
		if pub {
			dirs = append(dirs, rel)
		} else {
			delete(layouts, rel)
		}
	}
	slices.Sort(dirs)
	return dirs, layouts
}

// hugoSectionRead reads the front matter of a section's _index.md:
// whether Hugo publishes the section's list (not when it is a draft,
// headless, or build.render (or _build.render) says never, link or
// false, itself or in the cascade it hands down, which reaches the
// section too: Hugo 0.111 builds none of them), and the template its
// layout (else its type) names, in lower case. A cascade's table with a
// _target (target) is not read (it may not reach the section). A file it cannot
// read or decode is published, with no template: its problem is said
// where it is loaded.
func hugoSectionRead(file string, maxPost int64) (published bool, layout string) {
	s := &source{path: file, limit: maxPost, what: "one post"}
	if s.read(); s.err != nil {
		return true, ""
	}
	src, _ := trimBlankStart(NormalizeSource(s.data))
	front, _, _, start, format, ferr := splitFront(src)
	if ferr != nil || front == nil {
		return true, ""
	}
	m, _, _, ferr := decodeFrontAs(format, front, start, defaultFrontLimits)
	if ferr != nil {
		return true, ""
	}
	tables := []map[string]any{m}
	switch c := mapValue(m, "cascade").(type) {
	case map[string]any:
		tables = append(tables, c)
	case []any:
		for _, t := range c {
			if t, ok := t.(map[string]any); ok && mapValue(t, "_target") == nil && mapValue(t, "target") == nil {
				tables = append(tables, t)
			}
		}
	}
	for _, t := range tables {
		if !hugoRendered(t) {
			return false, ""
		}
	}
	layout = strings.ToLower(str(mapValue(m, "layout")))
	if layout == "" {
		layout = strings.ToLower(str(mapValue(m, "type")))
	}
	return true, layout
}

// hugoRendered reports whether front matter m (or a cascade's table)
// lets Hugo render its page: not a draft, not headless, and no build
// (or _build, build winning) whose render is never, link or false.
func hugoRendered(m map[string]any) bool {
	if mapValue(m, "draft") == true || mapValue(m, "headless") == true {
		return false
	}
	build := mapValue(m, "build")
	if build == nil {
		build = mapValue(m, "_build")
	}
	t, _ := build.(map[string]any)
	switch mapValue(t, "render") {
	case "never", "link", false:
		return false
	}
	return true
}

// mapValue is m's value at key, in any case (Hugo's keys are not
// case-sensitive); nil for none.
func mapValue(m map[string]any, key string) any {
	if v, ok := m[key]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

// HugoUglyList reports whether a Hugo site with uglyURLs writes the
// list of section (a section's name, a taxonomy's: "tags"; "" for the
// home) at an address ending in .html rather than in a folder: /posts.html
// for /posts/, /tags/go.html for /tags/go/, the pages it is split into at
// /posts/page/2.html, the home at /index.html (Hugo 0.111 builds them so).
// uglyURLs = true makes every list so; a table of sections
// ([uglyURLs] posts = true) those it names, the home none. False for
// other sites.
func (c *Content) HugoUglyList(section string) bool {
	if ugly, ok := c.hugoUglySections[strings.ToLower(section)]; ok {
		return ugly
	}
	return c.hugoUgly
}

// HugoUgly reports whether a Hugo site writes some of its lists at
// addresses ending in .html (HugoUglyList).
func (c *Content) HugoUgly() bool {
	for _, ugly := range c.hugoUglySections {
		if ugly {
			return true
		}
	}
	return c.hugoUgly
}

// TermPager is how a Hugo or Zola site splits the list of a term of
// taxonomy ("tags", "categories") into pages (/tags/go/page/2/): a Hugo
// site's lists all alike (HugoPager), a Zola taxonomy's as its
// paginate_by says; the zero value when they are not split.
func (c *Content) TermPager(taxonomy string) Pager {
	if pg, ok := c.termPagers[taxonomy]; ok {
		return pg
	}
	return c.hugoPager
}

// language is the language of code among c's, or nil.
func (c siteConfig) language(code string) *Language {
	for i := range c.languages {
		if c.languages[i].Code == code {
			return &c.languages[i]
		}
	}
	return nil
}

// langSuffix splits a file's name without its extension into its stem
// and the language it ends in (hello.fr: hello, fr), when that is one of
// c's languages; lang is "" when it is not.
func (c siteConfig) langSuffix(stem string) (base, lang string) {
	if i := strings.LastIndexByte(stem, '.'); i > 0 && c.language(strings.ToLower(stem[i+1:])) != nil {
		return stem[:i], strings.ToLower(stem[i+1:])
	}
	return stem, ""
}

// langSuffix is the configuration's langSuffix; on an Eleventy or Astro
// site, which configures no languages, the language a name ends in is
// one of a known code or an Astro locale (index.ja.md, as its language
// folder would be: see isLangFolder).
func (f folder) langSuffix(stem string) (base, lang string) {
	if f.gen == "" || len(f.config.languages) > 0 {
		return f.config.langSuffix(stem)
	}
	if i := strings.LastIndexByte(stem, '.'); i > 0 && f.isLangFolder(stem[i+1:]) {
		return stem[:i], strings.ToLower(stem[i+1:])
	}
	return stem, ""
}

// langRel is dir, a folder relative to the posts folder (with slashes),
// relative to its language's content folder instead, when it is in one:
// en/post is post when content/en is English's.
func (f folder) langRel(dir string) string {
	if f.gen != "" {
		// An Eleventy or Astro site's language folder at the top (en/blog)
		// is no section: its folders are (see folderLanguages).
		if first, rest, _ := strings.Cut(dir, "/"); f.isLangFolder(first) {
			return rest
		}
		return dir
	}
	if len(f.config.languages) == 0 {
		return dir
	}
	full := path.Join(f.contentPath(), dir)
	best := ""
	for _, l := range f.config.languages {
		if d := l.ContentDir; d != "" && d != "." && f.contentPath() != "" && len(d) > len(best) && (full == d || strings.HasPrefix(full, d+"/")) {
			best = d
		}
	}
	if best == "" {
		return dir
	}
	return strings.TrimPrefix(strings.TrimPrefix(full, best), "/")
}

// langSlug is the slug a file of a multilingual site takes from its name:
// without the language it ends in (hello.fr.md is hello).
func (f folder) langSlug(m *mdFile) string {
	name := filepath.Base(m.src.path)
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	base, lang := f.langSuffix(stem)
	if lang == "" || m.slug != stem {
		return m.slug // none, or one its name gave already (Zola's dated names)
	}
	if (strings.EqualFold(base, "index") || f.zola && isSectionStem(base)) && m.def.dir != "" {
		return path.Base(m.def.dir) // a bundle's translation, or a Zola section's: named by its folder
	}
	return base
}

// setLanguages gives each post of a multilingual site its language, the
// folder of its addresses and its translation key.
func (f folder) setLanguages(posts []*Post) {
	if len(f.config.languages) == 0 {
		return
	}
	for _, p := range posts {
		code, root, dir, stem := f.config.hugoLanguage(p, f.contentPath())
		l := f.config.language(code)
		if l == nil {
			continue
		}
		p.Lang, p.LangDir = l.Tag, l.Dir
		p.langCode, p.langRoot = l.Code, root
		switch {
		case p.fmTranslationKey != "":
			p.translationKey = "\x00" + p.fmTranslationKey // never a path
		case (strings.EqualFold(stem, "index") || f.zola && isSectionStem(stem)) && dir != "":
			p.translationKey = dir
		default:
			p.translationKey = path.Join(dir, stem)
		}
	}
}

// langHomeCandidates are the files that may be language l's home page
// (its _index.md), the first that is there being it: its content
// folder's _index.md, when that is not the posts folder, whose _index.md
// is the site file; _index.<code>.md at the top of the posts folder.
func (f folder) langHomeCandidates(l Language) []string {
	var candidates []string
	if d := l.ContentDir; d != "" && d != "." && f.root != "" {
		if p := filepath.Join(f.root, filepath.FromSlash(d), SiteFile); filepath.Dir(p) != filepath.Clean(f.content) {
			candidates = append(candidates, p)
		}
	}
	return append(candidates, filepath.Join(f.content, "_index."+l.Code+".md"))
}

// langHomes are the home pages' files of a multilingual Hugo site's
// languages, but the site file, that are in the posts folder dir: their
// cascades reach their language's pages. A stat per candidate.
func (f folder) langHomes(dir string) []string {
	var homes []string
	for _, l := range f.config.languages {
		for _, p := range f.langHomeCandidates(l) {
			if _, err := os.Lstat(p); err != nil {
				continue
			}
			if !strings.HasPrefix(relDir(dir, p), "..") && filepath.Clean(p) != filepath.Join(dir, SiteFile) {
				homes = append(homes, p)
			}
			break
		}
	}
	return homes
}

// linkTranslations gives each post of lists that has translations among
// them their list, in the order of the languages.
func (c *Content) linkTranslations(langs []Language, lists ...[]*Post) {
	if len(langs) == 0 {
		return
	}
	byKey := make(map[string][]*Post)
	for _, l := range lists {
		for _, p := range l {
			if p.translationKey != "" {
				byKey[p.translationKey] = append(byKey[p.translationKey], p)
			}
		}
	}
	order := func(code string) int {
		return slices.IndexFunc(langs, func(l Language) bool { return l.Code == code })
	}
	for _, g := range byKey {
		if len(g) < 2 {
			continue
		}
		slices.SortFunc(g, func(a, b *Post) int {
			return cmp.Or(cmp.Compare(order(a.langCode), order(b.langCode)), cmp.Compare(a.File, b.File))
		})
		for _, p := range g {
			p.Translations = nil
			for _, q := range g {
				if q != p && q.langCode != p.langCode {
					l := langs[order(q.langCode)]
					p.Translations = append(p.Translations, Translation{Lang: q.Lang, Name: l.Name, Dir: q.LangDir, Slug: q.Slug, Page: q.Page})
				}
			}
		}
	}
}

// Translation is another language's version of a post: what a link to it
// is made of.
type Translation struct {
	Lang string // its lang
	Name string // its language's name: "日本語"
	Dir  string // its language's folder: "/ja", "" at the root
	Slug string
	Page bool
}

// languageMeta reads each language's home page, as Hugo has it: the
// _index.md of its content folder (contentDir), else _index.<code>.md at
// the top of the site's; its title and description are the language's,
// over those of the configuration, as the site file's are the site's.
// langs is changed in place; the default language's _index.md at the top
// is the site file, read already. homes are the files with text, the
// languages' home pages' (see homeFile). last gives the last load's good
// reading of a file (Content.lastLangSite), which one broken now keeps;
// good are the readings this load keeps for the next.
func (f folder) languageMeta(langs []Language, maxPost int64, last func(path string) *siteSettings) (errs, warns []*FileError, homes []*mdFile, good []*siteSettings) {
	for i := range langs {
		l := &langs[i]
		for _, p := range f.langHomeCandidates(*l) {
			if _, err := os.Lstat(p); err != nil {
				continue
			}
			src := postSource(p, cmp.Or(f.root, f.content), maxPost, &errs, &warns) // a link leading out is not read
			if src == nil {
				break
			}
			src.what = "the site file"
			var meta SiteMeta
			var e, w []*FileError
			if src.read(); src.err != nil {
				e = []*FileError{src.err}
			} else {
				e, w, _ = parseSiteMeta(p, NormalizeSource(src.data), &meta)
			}
			warns = append(warns, w...)
			dir := relDir(f.content, p)
			home := len(e) == 0 && hasText(src.data) && !strings.HasPrefix(dir, "..")
			kept := false
			switch settings := last(p); {
			case len(e) == 0:
				good = append(good, &siteSettings{path: p, meta: meta, home: home})
			case settings != nil:
				// Broken on a reload: its last good title, description
				// and home page text stay until it is fixed, as the
				// site file's do (readSiteFile).
				good = append(good, settings)
				meta, home, kept, e = settings.meta, settings.home, true, stillServed(e)
			}
			errs = append(errs, e...)
			if home {
				m := homeFile(src, dir)
				m.lastGood = kept
				homes = append(homes, m)
			}
			l.Title = cmp.Or(meta.Title, l.Title)
			l.Description = cmp.Or(meta.Description, l.Description)
			break
		}
	}
	return errs, warns, homes, good
}
