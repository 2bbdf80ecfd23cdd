package content

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Hugo's addresses. A page's address is its file's path in the content
// folder: posts/hello.md is /posts/hello/, the bundle posts/hello/index.md
// too, about.md /about/; front matter slug replaces the last part, url
// replaces it all (an alias already), and the site's [permalinks] give a
// section's pages a pattern (posts = "/:year/:month/:slug/", :slug being
// the title when there is no slug). uglyURLs makes /posts/hello.html of
// them. Hugo lower-cases the address (unless disablePathToLower) and
// keeps letters, digits, marks and ._-~+# of it, a space becoming "-":
// so does capsule. A multilingual site's languages other than the
// default one are under /<language>/, a multihost site's each under its
// baseURL's path (hugoLangDir).

// hugoURLPrefix is the language folder Hugo puts p's url under, "" for
// none: in a multilingual site, a url written without a leading slash
// is under its page's language's folder (zatoima's English "url:
// what-is-duckdb" at /en/what-is-duckdb/), one with a leading slash at
// the root, as written; the default language's folder is the root
// unless defaultContentLanguageInSubdir. A multihost site's url is under
// its language's baseURL either way (hugohosts.go).
func (c siteConfig) hugoURLPrefix(p *Post, contentPath string) string {
	if p.ownKey != "url" || p.own == "" || strings.HasPrefix(p.own, "/") && c.urls.langDirs == nil || strings.Contains(p.own, "://") || isPattern(p.own) {
		return ""
	}
	lang, _, _, _ := c.hugoLanguage(p, contentPath)
	return c.urls.hugoLangDir(lang)
}

// hugoAddress is the address Hugo gives p, a page of the posts folder at
// contentPath in the site ("content"; "" when unknown), or "" when it
// gives none capsule can compute; ok is false when p's url is a
// pattern, which Hugo does not follow.
func (c siteConfig) hugoAddress(p *Post, contentPath string, hasIndex func(dir string) bool) (addr string, ok bool) {
	return c.hugoAddressIn(p, contentPath, hasIndex, "")
}

// hugoAddressIn is hugoAddress in the language of code, "" for p's own:
// where Hugo publishes a page of a folder mounted for several languages
// in each of them (mountedAddresses).
func (c siteConfig) hugoAddressIn(p *Post, contentPath string, hasIndex func(dir string) bool, code string) (addr string, ok bool) {
	if p.own != "" && p.ownKey == "url" {
		// Its url is its address, as written (Hugo keeps its case, and
		// links it with a trailing slash): an alias already.
		return "", !isPattern(p.own)
	}
	lang, root, dir, stem := c.hugoLanguage(p, contentPath)
	if code != "" {
		lang = code
	}
	if isSectionStem(stem) && dir != "" {
		// A section's text that is a page (sectionTextPages): at the
		// section's address, where Hugo lists its pages below it.
		return c.hugoPath(c.urls.hugoLangDir(lang) + "/" + dir + "/"), true
	}
	if strings.EqualFold(stem, "index") && dir != "" {
		// A page bundle is named by its folder.
		stem, dir = path.Base(dir), path.Dir(dir)
		if dir == "." {
			dir = ""
		}
	}
	section := strings.ToLower(topSection(dir))
	if pattern, found := c.permalinkOf(section); found {
		expanded, known := c.expandHugo(pattern, hugoPage{p: p, sections: hugoSections(dir, func(d string) bool { return hasIndex(path.Join(root, d)) }), section: section, base: stem})
		if !known {
			return "", true // a token Hugo does not know: Hugo itself stops there
		}
		addr = expanded
	} else {
		name := stem
		if p.fmSlug != "" {
			name = p.fmSlug
		}
		addr = path.Join("/", dir, name)
	}
	if addr = strings.Trim(addr, "/"); c.isUgly(section) {
		addr = addr + ".html"
	} else {
		addr = addr + "/"
	}
	return c.hugoPath(c.urls.hugoLangDir(lang) + "/" + addr), true
}

// hugoLanguage is the language of p in a multilingual site ("" in
// another), from the language's content folder it is in (contentDir of
// [languages.fr]) or its file's name (about.fr.md); dir is p's folder
// in its language's content, root that content folder in the posts
// folder ("" when it is the posts folder), stem p's file's name without
// the language and the extension.
func (c siteConfig) hugoLanguage(p *Post, contentPath string) (lang, root, dir, stem string) {
	file := path.Base(strings.ReplaceAll(p.File, "\\", "/"))
	stem = strings.TrimSuffix(file, path.Ext(file))
	dir = p.Dir
	full := path.Join(contentPath, p.Dir)
	best := ""
	for code, cdir := range c.urls.languages {
		if cdir != "" && cdir != "." && len(cdir) > len(best) && contentPath != "" && (full == cdir || strings.HasPrefix(full, cdir+"/")) {
			lang, best = code, cdir
		}
	}
	if best != "" {
		dir = strings.TrimPrefix(strings.TrimPrefix(full, best), "/")
		root = strings.TrimSuffix(strings.TrimSuffix(p.Dir, dir), "/")
	}
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		if _, known := c.urls.languages[strings.ToLower(stem[i+1:])]; known {
			lang, stem = strings.ToLower(stem[i+1:]), stem[:i]
		}
	}
	if lang == "" && len(c.urls.languages) > 0 {
		lang = c.urls.defaultLang
	}
	return lang, root, dir, stem
}

// permalinkOf is the [permalinks] pattern of a section ("" for the pages
// at the top, which "/" names).
func (c siteConfig) permalinkOf(section string) (string, bool) {
	for k, pattern := range c.permalinks {
		if strings.EqualFold(strings.Trim(k, " /"), section) {
			return pattern, true
		}
	}
	return "", false
}

// isUgly reports whether the pages of section have addresses ending in
// .html (uglyURLs).
func (c siteConfig) isUgly(section string) bool {
	if ugly, ok := c.urls.uglySections[section]; ok {
		return ugly
	}
	return c.urls.ugly
}

// hugoPage is what Hugo's permalink tokens are made of.
type hugoPage struct {
	p        *Post
	sections []string // the path of its section: ["posts", "tech"]
	section  string   // its first section, "" at the top
	base     string   // its file's name without the extension; a bundle's folder's
}

// hugoSections is the path of the section of a page in folder dir
// (relative to its content folder): to Hugo, a folder at the top is a
// section, and a folder below it one when it has an _index.md (hasIndex
// says); a page's section is the nearest.
func hugoSections(dir string, hasIndex func(dir string) bool) []string {
	if dir == "" {
		return nil
	}
	parts := strings.Split(dir, "/")
	for n := len(parts); n > 1; n-- {
		if hasIndex(strings.Join(parts[:n], "/")) {
			return parts[:n]
		}
	}
	return parts[:1]
}

// hugoToken is a token of a [permalinks] pattern: ":slug", ":year",
// ":sections[1:]"; "\:" is a colon.
var hugoToken = regexp.MustCompile(`:\w+(\[[^\]]*\])?`)

// hugoDateProbe tells a Go date layout used as a token (":2006") from a
// word: formatting this time by a layout changes it, by a word not.
var hugoDateProbe = time.Date(2019, time.November, 9, 23, 1, 42, 1, time.UTC)

// expandHugo fills pattern's tokens for page h; known is false when one
// of them is no token of Hugo's.
func (c siteConfig) expandHugo(pattern string, h hugoPage) (out string, known bool) {
	const colon = "\x00"
	pattern = strings.ReplaceAll(pattern, `\:`, colon)
	known = true
	out = hugoToken.ReplaceAllStringFunc(pattern, func(tok string) string {
		v, ok := c.hugoToken(tok[1:], h)
		known = known && ok
		return v
	})
	return strings.ReplaceAll(out, colon, ":"), known
}

// hugoToken is the value of one token (without its colon) for h.
func (c siteConfig) hugoToken(tok string, h hugoPage) (string, bool) {
	p, date := h.p, h.p.Date
	title := p.Title
	if p.untitled {
		title = ""
	}
	slug := func(orElse string) string {
		if p.fmSlug != "" {
			return c.hugoPath(p.fmSlug)
		}
		return orElse
	}
	sections := slices.Clone(h.sections)
	name, cut, _ := strings.Cut(tok, "[")
	switch name {
	case "year":
		return strconv.Itoa(date.Year()), true
	case "month":
		return fmt.Sprintf("%02d", int(date.Month())), true
	case "monthname":
		return date.Month().String(), true
	case "day":
		return fmt.Sprintf("%02d", date.Day()), true
	case "weekday":
		return strconv.Itoa(int(date.Weekday())), true
	case "weekdayname":
		return date.Weekday().String(), true
	case "yearday":
		return strconv.Itoa(date.YearDay()), true
	case "section":
		return h.section, true
	case "sectionslug":
		return c.hugoPath(h.section), true
	case "sections", "sectionslugs":
		if cut != "" {
			sections = sliceSections(sections, strings.TrimSuffix(cut, "]"))
		}
		if name == "sectionslugs" {
			for i, s := range sections {
				sections[i] = c.hugoPath(s)
			}
		}
		return path.Join(sections...), true
	case "title":
		return c.hugoPath(title), true
	case "slug":
		return slug(c.hugoPath(title)), true
	case "filename", "contentbasename":
		return c.hugoPath(h.base), true
	case "slugorfilename", "slugorcontentbasename":
		return slug(c.hugoPath(h.base)), true
	}
	if hugoDateProbe.Format(tok) != tok {
		return date.Format(tok), true
	}
	return "", false
}

// sliceSections is the part of sections a token's "[1:]", "[0]",
// "[last]", "[:2]" names; nothing when it names none.
func sliceSections(sections []string, cut string) []string {
	index := func(s string, def int) (int, bool) {
		switch s = strings.TrimSpace(s); s {
		case "":
			return def, true
		case "last":
			return len(sections) - 1, true
		}
		n, err := strconv.Atoi(s)
		return max(n, 0), err == nil
	}
	lo, hi, isRange := strings.Cut(cut, ":")
	if !isRange {
		i, ok := index(lo, 0)
		if !ok || i < 0 || i >= len(sections) {
			return nil
		}
		return sections[i : i+1]
	}
	i, ok1 := index(lo, 0)
	j, ok2 := index(hi, len(sections))
	j = min(j, len(sections))
	if !ok1 || !ok2 || i < 0 || i > j {
		return nil
	}
	return append([]string(nil), sections[i:j]...)
}

// hugoPath is s as Hugo makes a path of it: letters, digits, marks,
// "./\_#+~-" and percent escapes kept, a run of spaces one "-" (none
// before the first kept character, nor beside a "-"), everything else
// left out; lower-cased unless disablePathToLower.
func (c siteConfig) hugoPath(s string) string {
	var b strings.Builder
	rs := []rune(s)
	pendingHyphen, lastHyphen := false, false
	for i, r := range rs {
		keep := strings.ContainsRune("./\\_#+~-", r) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			r == '%' && i+2 < len(rs) && isHex(rs[i+1]) && isHex(rs[i+2])
		switch {
		case keep:
			lastHyphen = r == '-'
			if pendingHyphen && !lastHyphen {
				b.WriteByte('-')
			}
			pendingHyphen = false
			b.WriteRune(r)
		case b.Len() > 0 && unicode.IsSpace(r) && !lastHyphen:
			pendingHyphen = true
		}
	}
	if c.urls.keepCase {
		return b.String()
	}
	return strings.ToLower(b.String())
}

func isHex(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
}
