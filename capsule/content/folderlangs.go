package content

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// A Jekyll site in several languages has no one shape: Jekyll itself
// knows no languages, and its plugins and recipes each give one. Those
// read here are the common ones that cannot be mistaken for a site of one
// language with a post in another:
//
//   - jekyll-polyglot's: languages and default_lang in _config.yml, a
//     page's language in its front matter (lang), translations sharing a
//     permalink, the default language at the top and the others under
//     /<lang>/ on the web site;
//   - a folder per language: ja/_posts (whose posts Jekyll files under
//     the category ja), _posts/ja, and pages in ja/;
//   - front matter alone: lang and a ref (or lang_ref) that translations
//     share, the recipe most multilingual Jekyll blogs follow.
//
// A post of a site of one language that says lang: en is none of these:
// it keeps its language, on a site of one (see Post.Lang).
//
// Eleventy's and Astro's sites in several languages are read the same
// way, their shapes being the same recipes: a folder per language at the
// top of the content folder (en/blog) or in a collection's
// (src/content/articles/en, Astro's i18n recipe), lang and a
// translationKey in front matter.

// folderLanguages finds the languages of a Jekyll, Eleventy or Astro
// site written in several and gives each of posts its language, the
// folder of its addresses and its translation key; none when the site is
// of one language. siteLang is the site's language: the default one,
// unless _config.yml's default_lang says otherwise; chosen says the
// operator or the site file set it. An Eleventy or Astro site whose
// posts all sit in language folders, with no default named (Astro's
// i18n.defaultLocale), has the language of the most posts for default.
func (f folder) folderLanguages(posts []*Post, siteLang string, chosen bool) []Language {
	configured := f.gen == "" && len(f.config.jekyllLangs) >= 2
	isCode := func(s string) bool {
		s = strings.ToLower(s)
		if configured {
			return slices.Contains(f.config.jekyllLangs, s)
		}
		return f.isLangFolder(s)
	}
	// folderCode is the language a post's folder gives it: ja of
	// ja/_posts, _posts/ja and ja/about.md; of an Eleventy or Astro
	// site's ja/blog and articles/ja (a collection's).
	folderCode := func(p *Post) (code, rest string) {
		parts := strings.Split(p.Dir, "/")
		for i, part := range parts {
			if i > 1 || part == "" {
				break
			}
			if i == 1 && parts[0] != "_posts" && parts[0] != "_drafts" && f.gen == "" {
				break
			}
			if isCode(part) {
				return strings.ToLower(part), path.Join(slices.Concat(parts[:i], parts[i+1:])...)
			}
		}
		return "", p.Dir
	}
	// What each post's language is, and which languages the site
	// surely has: those of folders, of posts with a ref, or configured.
	codes := make([]string, len(posts))
	rests := make([]string, len(posts))
	sure := make(map[string]int) // posts per language found surely
	// A folder named as a language may be a category (it/_posts: IT):
	// it is a language's when the site has two such folders, or when a
	// post in it says that language (lang: it on a site in English).
	said := make(map[string]bool) // by folder code: whether a post there says it
	// The language an Eleventy or Astro file's name ends in
	// (alpha/index.ja.md), taken as surely as a folder's.
	nameCode := func(p *Post) string {
		if f.gen == "" {
			return ""
		}
		stem := path.Base(filepath.ToSlash(p.File))
		_, code := f.langSuffix(strings.TrimSuffix(stem, path.Ext(stem)))
		return code
	}
	named := make([]bool, len(posts))
	// The language at the top: the site's, or its home page's (see
	// jekyllHomeDefault).
	home := cmp.Or(f.jekyllHomeDefault(chosen), strings.ToLower(siteLang))
	for i, p := range posts {
		if codes[i], rests[i] = folderCode(p); codes[i] != "" {
			said[codes[i]] = said[codes[i]] || LangBase(p.Lang) == codes[i] && codes[i] != LangBase(home)
		} else if code := nameCode(p); code != "" {
			codes[i], named[i] = code, true
		}
	}
	langFolder := func(code string) bool {
		s, ok := said[code]
		// An Astro site's i18n locales name its languages: their
		// folders are theirs (sylvhama/ffvii's books/fr, a route
		// taking the entries whose id starts with fr/ to /fr/books/).
		astroLocale := f.gen == genAstro && slices.Contains(f.config.locales, code)
		return configured || ok && (len(said) >= 2 || s || astroLocale)
	}
	loose := 0 // posts in no language's folder
	for i, p := range posts {
		code := codes[i]
		if code != "" && !named[i] && !langFolder(code) {
			code, rests[i] = "", p.Dir
		}
		if code == "" {
			loose++
		}
		switch {
		case code != "":
			sure[code]++
		case p.Lang != "":
			code = strings.ToLower(p.Lang)
			if configured && !isCode(code) {
				code = LangBase(code) // en-US in a site of en and ja
			}
			if configured || p.fmTranslationKey != "" {
				sure[code]++
			}
		}
		codes[i] = code
	}
	if configured {
		sure = make(map[string]int)
		for _, code := range f.config.jekyllLangs {
			sure[code] = 1
		}
	}
	def := home
	switch {
	case configured:
		def = cmp.Or(f.config.jekyllDefault, f.config.jekyllLangs[0])
	case f.gen != "" && !chosen && f.config.lang == "" && loose == 0:
		// Every post in a language's folder, none named the default:
		// the one of the most posts (on a tie, the site's, else the
		// first by code).
		site, best := def, -1
		for _, code := range slices.Sorted(maps.Keys(sure)) {
			if n := sure[code]; n > best || n == best && code == site {
				def, best = code, n
			}
		}
	}
	if _, ok := sure[def]; !ok && !configured {
		// The site's language is the default one even when no folder
		// names it (ja/_posts beside _posts): it has the posts at the top.
		sure[def] = 0
	}
	if len(sure) < 2 {
		return nil
	}
	var langs []Language
	for code := range sure {
		written := cmp.Or(f.config.jekyllWritten[code], code)
		l := Language{Code: code, Tag: written, Name: cmp.Or(languageName(code), written)}
		if code != def {
			l.Dir, l.Weight = "/"+written, 1
		}
		langs = append(langs, l)
	}
	slices.SortFunc(langs, func(a, b Language) int { return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Code, b.Code)) })
	for i, p := range posts {
		code := codes[i]
		if _, ok := sure[code]; !ok {
			// A post in a language of its own stays in the default
			// one's lists, answered in its language.
			code = def
		} else if p.Lang == "" || LangBase(p.Lang) != LangBase(code) {
			p.Lang = cmp.Or(f.config.jekyllWritten[code], code)
		}
		l := langs[slices.IndexFunc(langs, func(l Language) bool { return l.Code == code })]
		p.LangDir, p.langCode = l.Dir, l.Code
		switch {
		case p.fmTranslationKey != "":
			p.translationKey = "\x00" + p.fmTranslationKey
		case configured && len(p.Addresses) > 0:
			// Polyglot's page id: the page's address without its
			// language's folder, so that /en/2024/01/01/hello/ and
			// /2024/01/01/hello/ are one page (realcoding2003's
			// ko/en/ja triples), as is one permalink shared.
			a := p.Addresses[0]
			if rest, ok := strings.CutPrefix(a, "/"+cmp.Or(f.config.jekyllWritten[code], code)+"/"); ok {
				a = "/" + rest
			}
			p.translationKey = "\x00url " + addressKey(a)
		case configured && p.own != "" && p.ownKey == "permalink":
			p.translationKey = "\x00permalink " + p.own // polyglot's: one permalink
		default:
			p.translationKey = path.Join(rests[i], p.Slug)
		}
		if configured && f.config.polyglot && l.Dir != "" {
			// Polyglot puts a language's pages under its folder on the
			// web site: their old addresses are there.
			for j, a := range p.Addresses {
				if !strings.HasPrefix(a, l.Dir+"/") {
					p.Addresses[j] = l.Dir + a
				}
			}
			// Its redirect_from too, as polyglot 1.12 scopes it: a
			// translation's /posts/old/ is /ja/posts/old/, the default
			// language's keeping /posts/old/.
			aliases := slices.Clone(p.Aliases) // the list may be a kept decoding's
			for j, a := range aliases {
				if !strings.HasPrefix(a, l.Dir+"/") {
					aliases[j] = l.Dir + a
				}
			}
			p.Aliases = aliases
		}
	}
	return langs
}

// languageHomes makes the index.md at the top of a language's folder
// (Eleventy's src/ja/index.md, Jekyll's ja/index.md; Eleventy's
// index.njk or index.liquid there, or a page there whose permalink is
// the language's home, /ja/) that language's home page text, as the one at the top of the site is the site's
// (isHomeIndex): the generator writes it at /ja/, where capsule lists the
// language's posts, and served as a page it took that address over, the
// list then reached from nowhere. Its addresses there (a permalink: /ja/)
// are the home page's. A language with a home page text already keeps
// it. title is the site's, for a text without one (as Load gives).
func languageHomes(posts []*Post, langs []Language, title string) {
	has := make(map[string]bool)
	for _, p := range posts {
		if p.Home {
			has[p.langCode] = true
		}
	}
	for _, p := range posts {
		if !p.Page || p.Home || p.Draft || has[p.langCode] {
			continue
		}
		i := slices.IndexFunc(langs, func(l Language) bool { return l.Code == p.langCode })
		if i < 0 || !strings.EqualFold(p.Dir, strings.TrimPrefix(langs[i].Dir, "/")) && !(langs[i].Dir == "" && strings.EqualFold(p.Dir, langs[i].Code)) {
			continue
		}
		home := func(a string) bool {
			return strings.EqualFold(strings.TrimSuffix(strings.TrimSuffix(a, "index.html"), "/"), langs[i].Dir)
		}
		// Its index.md; or Eleventy's index.njk (index.liquid), which
		// Eleventy writes at the folder's address as it does an
		// index.md; or another page whose permalink is the language's
		// home (src/ja/welcome.njk at /ja/).
		name := path.Base(filepath.ToSlash(p.File))
		stem, ext, _ := strings.Cut(name, ".")
		if !isHomeIndex(name) && !(p.NoMarkdown && strings.EqualFold(stem, "index") && slices.Contains(eleventyTextTemplates, "."+strings.ToLower(ext))) &&
			!(langs[i].Dir != "" && (slices.ContainsFunc(p.Addresses, home) || slices.ContainsFunc(p.Aliases, home))) {
			continue
		}
		has[p.langCode] = true
		p.Home, p.Unlisted, p.Slug = true, true, "index"
		if langs[i].Dir != "" {
			// Its address is the language's home (/ja/), capsule's own.
			// The default language's (/en/ of src/en/index.md) is no
			// page of capsule's: it stays, a redirect to the text.
			// Copies: the lists may be a kept decoding's too.
			p.Addresses = slices.DeleteFunc(slices.Clone(p.Addresses), home)
			p.Aliases = slices.DeleteFunc(slices.Clone(p.Aliases), home)
		}
		if p.Title == "" {
			p.Title = cmp.Or(langs[i].Title, title)
		}
	}
}

// LangBase is a language tag's language, lower case: "pt" of "pt-BR".
func LangBase(tag string) string {
	b, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return b
}

// interfaceLang is the site's lang of a generator's setting that its
// themes read for their interface's words by the language alone (Hexo's
// language, minimal-mistakes' locale: ja of "ja-JP"), but for Chinese
// (zh, and Cantonese, Mandarin and Literary Chinese: yue, cmn, lzh) by
// the whole tag, "_" read as "-": zh-TW and zh-Hant have their own
// words, in traditional characters, zh-CN and zh-Hans theirs
// (messages.For). "" when s is no language tag.
func interfaceLang(s string) string {
	tag := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"))
	if !slices.Contains(chineseLanguages, LangBase(tag)) {
		tag = LangBase(tag)
	}
	if !langPattern.MatchString(tag) {
		return ""
	}
	return tag
}

// isLangFolder reports whether a folder's name is a language's: a known
// language's code, or one of Astro's i18n locales.
func (f folder) isLangFolder(name string) bool {
	name = strings.ToLower(name)
	return langFolders[name] || slices.Contains(f.config.locales, name)
}

// languageNames warns of the posts of capsule's own folder whose names end
// in a language's code (hello.en.md): in a Hugo, Eleventy or Astro site
// that is a translation of hello.md, but capsule's own folder has one
// language, so it is a post of its own, listed with the others, as Hugo
// publishes it when it has no such language. An author who named it so
// meant a translation.
func languageNames(posts []*Post) []*FileError {
	var warns []*FileError
	for _, p := range posts {
		stem := strings.TrimSuffix(filepath.Base(p.File), filepath.Ext(p.File))
		i := strings.LastIndexByte(stem, '.')
		if i <= 0 {
			continue
		}
		code := strings.ToLower(stem[i+1:])
		if !langFolders[code] {
			continue
		}
		warns = append(warns, &FileError{File: p.File, Line: 1, Kind: "language in a file name", Msg: fmt.Sprintf(
			"its name ends in a language's code (.%s), which makes a translation only in a site of several languages: capsule's own folder has one, so it is a post of its own, %q; for a site in two languages, lay the folder out as a Hugo site with two [languages] (the README's \"Languages\")",
			code, p.Slug)})
	}
	return warns
}

// chineseLanguages are the languages whose tags name the characters of
// their interface by more than the language (zh-TW, yue-Hans, cmn-Hant:
// messages.For).
var chineseLanguages = []string{"zh", "yue", "cmn", "lzh"}
