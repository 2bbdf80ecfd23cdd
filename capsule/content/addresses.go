package content

import (
	"cmp"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// The generators' addresses. A blog brought from Hugo or Jekyll has been
// read on the web at the addresses its generator gave each page, and its
// posts link each other by them: capsule answers them too (Post.Addresses),
// as the generator computes them from the site's configuration, so that
// no old link and no link between posts is lost. hugoaddress.go and
// jekylladdress.go say how each generator makes them.

// urlConfig is what a generator's configuration says of its pages'
// addresses, beyond Hugo's [permalinks] (siteConfig.permalinks) and
// Jekyll's permalink style (siteConfig.permalink).
type urlConfig struct {
	// Hugo.
	ugly         bool            // uglyURLs: /posts/hello.html, not /posts/hello/
	uglySections map[string]bool // uglyURLs given per section
	keepCase     bool            // disablePathToLower
	// languages are a multilingual site's languages, by code (lower
	// case), each with its own content folder ("" when it shares the
	// site's); the default one is at the top of the site, the others
	// under /<code>/, unless defaultInSubdir puts all of them there.
	languages       map[string]string
	defaultLang     string
	defaultInSubdir bool
	// langDirs are a multihost site's languages' folders, by code
	// ("/ja", "" at the top: hugohosts.go); nil for another site.
	langDirs map[string]string
	// Jekyll.
	collections map[string]string // a collection's permalink pattern, by name ("posts" among them)
	defaults    []jekyllDefault   // front matter defaults
}

// jekyllDefault is an entry of Jekyll's defaults: the values it gives
// the documents of its scope (a folder, a glob, a type), permalink apart.
type jekyllDefault struct {
	path, typ, permalink string
	values               map[string]any // but permalink
}

// readHugoURLConfig reads uglyURLs and disablePathToLower from a Hugo
// configuration (keys lower-cased).
func readHugoURLConfig(m map[string]any) urlConfig {
	var u urlConfig
	switch v := m["uglyurls"].(type) {
	case bool:
		u.ugly = v
	case map[string]any:
		u.uglySections = make(map[string]bool)
		for k, b := range v {
			u.uglySections[strings.ToLower(k)], _ = b.(bool)
		}
	}
	u.keepCase, _ = m["disablepathtolower"].(bool)
	if langs, ok := m["languages"].(map[string]any); ok && len(langs) > 0 {
		u.languages = make(map[string]string, len(langs))
		for code, v := range langs {
			lang, _ := v.(map[string]any)
			dir := str(lang["contentdir"])
			if dir != "" {
				dir = path.Clean(filepath.ToSlash(dir))
			}
			u.languages[strings.ToLower(code)] = dir
		}
	}
	u.defaultLang = strings.ToLower(str(m["defaultcontentlanguage"]))
	if u.defaultLang == "" {
		u.defaultLang = "en"
	}
	u.defaultInSubdir, _ = m["defaultcontentlanguageinsubdir"].(bool)
	return u
}

// readJekyllURLConfig reads the permalinks of collections and defaults
// from a Jekyll configuration whose collections_dir is collectionsDir:
// a scope's path in it is taken as relative to it, as Jekyll takes it.
func readJekyllURLConfig(m map[string]any, collectionsDir string) urlConfig {
	var u urlConfig
	if cols, ok := m["collections"].(map[string]any); ok {
		for name, v := range cols {
			meta, _ := v.(map[string]any)
			if p := str(meta["permalink"]); p != "" {
				if u.collections == nil {
					u.collections = make(map[string]string)
				}
				u.collections[name] = p
			}
		}
	}
	defaults, _ := m["defaults"].([]any)
	for _, d := range defaults {
		entry, _ := d.(map[string]any)
		values := section(entry, "values")
		if len(values) == 0 {
			continue
		}
		rest := make(map[string]any, len(values))
		for k, v := range values {
			if k != "permalink" {
				rest[k] = v
			}
		}
		scope := section(entry, "scope")
		u.defaults = append(u.defaults, jekyllDefault{path: stripCollectionsDir(strings.Trim(str(scope["path"]), "/"), collectionsDir), typ: str(scope["type"]), permalink: str(values["permalink"]), values: rest})
	}
	return u
}

// address sets p.Addresses as p's generator makes them, for a post of
// folder f; it returns a warning when p's own address is a pattern that
// cannot be followed. hasIndex says whether a folder of the content
// folder (with slashes) has a section's _index.md (sectionIndexes).
func (f folder) address(p *Post, hasIndex func(dir string) bool) (warn *FileError) {
	p.Addresses = nil
	addr, ok := "", !isPattern(p.own)
	var older, more []string // more: an Astro post's other routes'
	defer func() { p.Addresses, p.hugoOlder = append(append(p.Addresses, more...), older...), older }()
	switch {
	case f.zola:
		code, _, dir, stem := f.config.hugoLanguage(p, f.contentPath())
		bundle, section := dir != "" && strings.EqualFold(stem, "index"), dir != "" && isSectionStem(stem)
		addr, ok = zolaAddress(p, bundle, section), true
		// Zola spells a slug's Latin letters in ASCII (càrrega.md at
		// /blog/carrega/): that address too, an old one, as capsule's
		// own keeps the letters (changed, it would break those given).
		folded := ""
		if f.config.zolaPaths == "on" && !section && !p.Home {
			folded = zolaFoldedAddress(p, bundle)
		}
		if code != "" {
			if l := f.config.language(code); l != nil {
				addr = l.Dir + addr // a translation's, under its language
				if folded != "" {
					folded = l.Dir + folded
				}
			}
		}
		if folded != "" && folded != addr && len(folded) <= MaxAliasBytes {
			more = append(more, (&url.URL{Path: folded}).EscapedPath())
		}
	case f.gen == genHexo:
		var missing string
		if addr, missing, ok = f.hexoAddress(p); !ok {
			return hexoUnknownAddress(p, f.config.permalink, missing)
		}
	case f.layout == layoutHugo:
		addr, ok = f.config.hugoAddress(p, f.contentPath(), hasIndex)
		page, isPage := f.astroPageAddress(p.File)
		switch {
		case isPage:
			addr, ok = page, true // Astro's file-based routing's, whatever its front matter says
		case f.gen == genEleventy && p.own == "":
			addr = eleventyFolderIndex(eleventyDefaultAddress(p))
		case f.gen == genEleventy && p.ownKey == "permalink":
			// Eleventy writes it at its permalink alone (an alias
			// already), not also where its path would put it.
			addr = ""
		case f.gen == genAstro && p.own == "":
			routed, others, w := f.astroAddress(p, addr)
			if routed != "" {
				addr, more = routed, others
			}
			if w != nil {
				defer func() { warn = cmp.Or(warn, w) }()
			}
		}
		f.placeHugoURL(p)
		older = f.placeHugoAliases(p, addr)
	case f.layout == layoutJekyll:
		addr, ok = f.config.jekyllAddress(p)
		if file := jekyllWrittenFile(addr); ok && !p.Home && file != "" && len(file) <= MaxAliasBytes {
			more = append(more, (&url.URL{Path: file}).EscapedPath())
		}
	}
	if !ok {
		return patternIgnored(p.File, p.ownLine, p.ownKey, p.own)
	}
	if p.Home {
		addr = "" // a home page's text is at the site's top, not at /_index/ or /index.html
	}
	if addr == "" || addr == "/" || len(addr) > MaxAliasBytes {
		return nil
	}
	key := addressKey(addr)
	for _, a := range p.Aliases {
		if addressKey(decodedAddress(a)) == key {
			return nil // the front matter says so already
		}
	}
	p.Addresses = []string{(&url.URL{Path: addr}).EscapedPath()}
	return nil
}

// jekyllWrittenFile is the file Jekyll writes for a page at addr when
// that is not addr itself: an address ending neither with "/" (an
// index.html there) nor with the output's extension is written with it
// appended (Jekyll's destination: /posts/2025-05-08-hello at
// /posts/2025-05-08-hello.html, which GitHub Pages serves at both).
func jekyllWrittenFile(addr string) string {
	if addr == "" || strings.HasSuffix(addr, "/") || strings.HasSuffix(addr, jekyllOutputExt) {
		return ""
	}
	return addr + jekyllOutputExt
}

// BareHTML reports whether the site's pages written at an address
// ending in .html are read without it too: a Jekyll site's, whose
// server (jekyll serve's servlet looks for "/file.html" when asked for
// "/file") and GitHub Pages answer /about with about.html. Hugo's
// server does not (uglyURLs' /posts/hello.html alone).
func (c *Content) BareHTML() bool {
	return c.bareHTML
}

// eleventyDefaultAddress is where Eleventy writes a page without a
// permalink: its path in the input folder, its extension made a folder
// (blog/First Post.md at /blog/First Post/, an index.md at its folder's
// address), each name as it is: Eleventy neither lowers its case nor
// makes its spaces hyphens, and keeps the date of a dated name
// (2020-01-01-hello.md at /2020-01-01-hello/), which only its fileSlug
// leaves out. Hugo's addresses (hugoPath) do all three.
func eleventyDefaultAddress(p *Post) string {
	file := path.Base(strings.ReplaceAll(p.File, "\\", "/"))
	stem := strings.TrimSuffix(file, path.Ext(file))
	if stem == "index" {
		stem = ""
	}
	addr := path.Join("/", p.Dir, stem)
	if addr == "/" {
		return addr
	}
	return addr + "/"
}

// eleventyFolderIndex is an Eleventy page's address when its file is
// named as its folder: blog/fourthpost/fourthpost.md is written at
// /blog/fourthpost/, as an index.md there would be.
func eleventyFolderIndex(addr string) string {
	trimmed := strings.TrimSuffix(addr, "/")
	dir, name := path.Split(trimmed)
	if name != "" && path.Base(strings.TrimSuffix(dir, "/")) == name {
		return dir
	}
	return addr
}

// placeHugoURL puts p's url, as an address, where Hugo writes it: under
// its language's folder when written without a leading slash in a
// multilingual site (siteConfig.hugoURLPrefix).
func (f folder) placeHugoURL(p *Post) {
	prefix := f.config.hugoURLPrefix(p, f.contentPath())
	if prefix == "" {
		return
	}
	written, _ := normaliseAlias(p.own)
	// A new slice: p's Aliases are shared with the parse cache's copy.
	placed := make([]string, 0, len(p.Aliases))
	for _, a := range p.Aliases {
		if a == written && len(prefix+a) <= MaxAliasBytes {
			a = prefix + a
		}
		if !slices.Contains(placed, a) {
			placed = append(placed, a)
		}
	}
	p.Aliases = placed
}

// placeHugoAliases places p's aliases as Hugo 0.165 writes them, p being
// at addr (its Hugo address; "" when its url gives it or it is unknown):
// one written relative ("old-name", "../old") is relative to the folder
// of p's address (/fr/blog/ for /fr/blog/hello/), and one written from
// the root ("/old/") of a page in another language than the default one
// is under that language's folder (/fr/old/). Hugo before 0.155 wrote
// that one at /old/, as written: older is those, as addresses on the web
// site, for a blog built with an older Hugo (served where no other page
// is). Hugo 0.165 puts even "/fr/old/" of a French page at /fr/fr/old/;
// capsule serves that one where its author evidently meant it, as Hugo
// 0.154 did.
func (f folder) placeHugoAliases(p *Post, addr string) (older []string) {
	if len(p.hugoAliases) == 0 {
		return nil
	}
	code, _, _, _ := f.config.hugoLanguage(p, f.contentPath())
	langDir := ""
	if l := f.config.language(code); l != nil {
		langDir = l.Dir
	}
	page := addr
	if p.own != "" && p.ownKey == "url" && !isPattern(p.own) {
		page = f.config.hugoURLPrefix(p, f.contentPath()) + "/" + strings.TrimPrefix(p.own, "/")
	}
	base := cmp.Or(langDir, "/")
	if page != "" {
		base = path.Dir(strings.TrimSuffix(decodedAddress(page), "/"))
	}
	// A new slice: p's Aliases are shared with the parse cache's copy.
	placed := make([]string, 0, len(p.Aliases))
	seen := make(map[string]bool, len(p.Aliases))
	for _, a := range p.Aliases {
		rel, hugo := p.hugoAliases[a]
		switch {
		case hugo && rel:
			joined := path.Join(base, a[1:]) // a is the relative one with a "/" put before it
			if strings.HasSuffix(a, "/") && joined != "/" {
				joined += "/"
			}
			a = joined
		case hugo && langDir != "" && a != langDir && !strings.HasPrefix(a, langDir+"/"):
			older = append(older, (&url.URL{Path: decodedAddress(a)}).EscapedPath())
			a = langDir + a
		}
		if !seen[a] {
			seen[a] = true
			placed = append(placed, a)
		}
	}
	p.Aliases = placed
	return older
}

// dropTakenOlder leaves out of each post's Addresses the places older
// Hugos gave its aliases (placeHugoAliases) that another post's front
// matter gives as an alias: since Hugo 0.155 translations may share an
// alias "/info/", each placed under its language, and the one written
// at /info/ is the default language's, not worth a warning.
func dropTakenOlder(posts []*Post) {
	aliases := make(map[string]*Post)
	for _, p := range posts {
		for _, a := range p.Aliases {
			aliases[addressKey(decodedAddress(a))] = p
		}
	}
	for _, p := range posts {
		if len(p.hugoOlder) == 0 {
			continue
		}
		p.Addresses = slices.DeleteFunc(slices.Clone(p.Addresses), func(a string) bool {
			owner, taken := aliases[addressKey(decodedAddress(a))]
			return taken && owner != p && slices.Contains(p.hugoOlder, a)
		})
	}
}

// contentPath is the posts folder's path in the site, with slashes
// ("content", "content/en"); "." for the root holding its languages'
// folders (sibling); "" when it is the site's root or unknown.
func (f folder) contentPath() string {
	if f.sibling {
		return "." // the root, its languages' folders in it
	}
	if f.root == "" {
		return ""
	}
	rel, err := filepath.Rel(f.root, f.content)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return ""
	}
	return filepath.ToSlash(rel)
}

// isPattern reports whether an address has placeholders (":title").
func isPattern(a string) bool { return strings.Contains(a, "/:") }

// addressKey is an address (a decoded path) as lookups compare it: its
// dot segments resolved, without a trailing slash or a final
// index.html, so that "/posts/hello/", "/posts/hello" and
// "/posts/hello/index.html" are one.
func addressKey(a string) string {
	return path.Clean("/" + strings.TrimSuffix(a, "/index.html"))
}

// decodedAddress is an address as front matter or Addresses write it
// (percent-encoded or not), decoded as requests arrive.
func decodedAddress(a string) string {
	if u, err := url.Parse(a); err == nil {
		return u.Path
	}
	return a
}

// BaseURL is the blog's web address as its generator's configuration
// gives it (Hugo's baseURL, Jekyll's url and baseurl), "" when it gives
// none: links to it are links to the capsule's own pages.
func (c *Content) BaseURL() string { return c.baseURL }

// ZolaTerms reports whether the blog is a Zola site that makes its
// terms' addresses with [slugify] taxonomies = "on", Zola's default: a
// tag's page is then at /tags/<ZolaTermKey(tag)>/.
func (c *Content) ZolaTerms() bool { return c.zolaTerms }

// SectionLists reports whether the blog's generator publishes a list of
// the pages of each section at the section's address (/docs/ for
// docs/install.md): a Hugo or Zola site does; Jekyll, Eleventy, Astro
// and capsule's own folder publish none of a folder.
func (c *Content) SectionLists() bool { return c.sectionLists }

// sectionIndexes answers whether a folder of f's content folder has a
// section's _index.md, each folder looked at once, and keeps the
// answers: what the posts' addresses were made of, for a reload to
// look at again (postsKey.indexes).
type sectionIndexes struct {
	f       folder
	answers map[string]bool // by folder, with slashes
}

func (s *sectionIndexes) has(dir string) bool {
	if a, ok := s.answers[dir]; ok {
		return a
	}
	if s.answers == nil {
		s.answers = make(map[string]bool)
	}
	a := s.look(dir)
	s.answers[dir] = a
	return a
}

// look looks whether dir has its _index.md now.
func (s *sectionIndexes) look(dir string) bool {
	return exists(filepath.Join(s.f.content, filepath.FromSlash(dir), SiteFile))
}

// same reports whether every folder answered has its _index.md, or
// has none, as it had.
func (s *sectionIndexes) same() bool {
	for dir, a := range s.answers {
		if s.look(dir) != a {
			return false
		}
	}
	return true
}
