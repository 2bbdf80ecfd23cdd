package content

import (
	"cmp"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Hugo's module.mounts may give the site its content from other folders
// than its contentDir, each, with lang, for one language:
//
//	[[module.mounts]]
//	source = "content/ja"   # or "content_ja"
//	target = "content"
//	lang = "ja"
//
// a way of giving each language its own folder, as [languages.ja]
// contentDir = "content/ja" does, which capsule reads the same way: a
// folder mounted at content for one language is that language's
// content folder. Hugo then reads no folder that is not mounted (the
// default mount of contentDir is left out once a content mount is
// configured). A mount capsule cannot read so is named in a warning:
// the same folder mounted for several languages (Hugo publishes a file
// there whose name says no language in each of them, capsule once, in
// one, where its addresses in the others lead: mountedAddresses),
// a folder mounted under content (content/docs, filling a language's
// missing pages with another's), two folders for one language, a mount
// filtered by includeFiles or excludeFiles.

// contentMount is one of module.mounts whose target is the content.
type contentMount struct {
	source, target, lang string // source and target cleaned, with slashes; lang lower case, "" for none
	filtered             bool   // includeFiles or excludeFiles
}

// name is how a warning names a mount: "content_ja as ja", "content/en
// at content/docs as zh".
func (m contentMount) name() string {
	s := m.source
	if m.target != "content" {
		s += " at " + m.target
	}
	if m.lang != "" {
		s += " as " + m.lang
	}
	return s
}

// maxMounts bounds the entries of module.mounts read: those after it
// are named, as a count, in a warning.
const maxMounts = 100

// maxMountNames bounds the mounts a warning names.
const maxMountNames = 8

// mountsRead is what capsule makes of a site's content mounts.
type mountsRead struct {
	// followed: a folder of the site, by language code, read as that
	// language's content folder (the default language's, for a site of
	// one language, is its content folder).
	followed map[string]string
	// shared are the mounts of a folder mounted for several languages,
	// owner the language it is read in; others the mounts not followed
	// for another reason; over the entries of module.mounts past
	// maxMounts, not read.
	shared, others []string
	owner          string
	sharedDirs     []string // the folders of shared
	// also are, for the language a folder mounted for several is read
	// in, the others it is mounted for: a page there whose name says
	// no language has its addresses in them too (mountedAddresses).
	also map[string][]string
	over int
	// none is set when no mount is followed because one of them cannot
	// be (filtered, or its folder out of capsule's reach): the content
	// folder is read as it would be without mounts.
	none bool
}

// hugoContentMounts reads the content mounts of module.mounts in m (a
// Hugo configuration, keys lower-cased), at most maxMounts entries; over
// is the count of entries past them.
func hugoContentMounts(m map[string]any) (mounts []contentMount, over int) {
	var list []map[string]any
	switch v := section(m, "module")["mounts"].(type) {
	case []map[string]any: // TOML's [[module.mounts]]
		list = v
	case []any:
		for _, e := range v {
			mt, _ := e.(map[string]any)
			list = append(list, mt)
		}
	}
	if len(list) > maxMounts {
		list, over = list[:maxMounts], len(list)-maxMounts
	}
	for _, entry := range list {
		mt := make(map[string]any, len(entry))
		for k, v := range entry {
			mt[strings.ToLower(k)] = v // an array's tables keep their keys' case: excludeFiles
		}
		target := path.Clean("/" + filepath.ToSlash(str(mt["target"])))[1:]
		if target != "content" && !strings.HasPrefix(target, "content/") {
			continue
		}
		source := filepath.ToSlash(str(mt["source"]))
		if source != "" && !filepath.IsAbs(source) && !path.IsAbs(source) {
			source = path.Clean(source)
		}
		mounts = append(mounts, contentMount{source: source, target: target, lang: strings.ToLower(str(mt["lang"])),
			filtered: mt["includefiles"] != nil || mt["excludefiles"] != nil})
	}
	return mounts, over
}

// followMounts reads mounts (of hugoContentMounts) into c: each folder
// mounted at content for one language becomes that language's content
// folder (a mount without lang gives it to the default language, whose
// are the files whose names say no other), and contentDir the folder
// holding them all, or the root when they are beside one another. The
// mounts it cannot follow are kept for mountsWarnings.
func (c *siteConfig) followMounts(mounts []contentMount, over int, def string, codes []string) {
	r := &c.mounts
	r.over = over
	known := func(code string) bool { return code == def || slices.Contains(codes, code) }
	// A folder out of the site, filtered or of an unknown language: the
	// content folder is read as without mounts.
	for _, m := range mounts {
		if m.filtered || m.source == "" || path.IsAbs(m.source) || m.source == ".." || strings.HasPrefix(m.source, "../") || m.source == "." || !known(cmp.Or(m.lang, def)) {
			r.none = true
		}
	}
	if r.none {
		for _, m := range mounts {
			r.others = append(r.others, m.name())
		}
		return
	}
	// The folders mounted at content, each for the languages it is
	// mounted for; a folder mounted under content is not followed.
	type folder struct {
		source string
		langs  []string
		names  []string
	}
	var folders []*folder
	for _, m := range mounts {
		if m.target != "content" {
			r.others = append(r.others, m.name())
			continue
		}
		i := slices.IndexFunc(folders, func(f *folder) bool { return f.source == m.source })
		if i < 0 {
			folders = append(folders, &folder{source: m.source})
			i = len(folders) - 1
		}
		if lang := cmp.Or(m.lang, def); !slices.Contains(folders[i].langs, lang) {
			folders[i].langs = append(folders[i].langs, lang)
		}
		folders[i].names = append(folders[i].names, m.name())
	}
	followed := map[string]string{}
	for _, f := range folders {
		// A folder mounted for several languages is read in the default
		// one when it is among them (capsule's reading of a file whose
		// name says no language), else in the first.
		lang := f.langs[0]
		if slices.Contains(f.langs, def) {
			lang = def
		}
		if len(f.langs) > 1 {
			r.shared, r.owner, r.sharedDirs = append(r.shared, f.names...), lang, append(r.sharedDirs, f.source)
		}
		if _, taken := followed[lang]; taken {
			r.others = append(r.others, f.names...) // a second folder for one language
			continue
		}
		followed[lang] = f.source
		if len(f.langs) > 1 {
			if r.also == nil {
				r.also = map[string][]string{}
			}
			r.also[lang] = slices.DeleteFunc(slices.Clone(f.langs), func(l string) bool { return l == lang })
		}
	}
	if len(followed) == 0 {
		return
	}
	// The folder holding them all is the content folder; when they are
	// beside one another at the root (content for en, content_ja for
	// ja), the root is read, only those folders of it, as hugo-book's
	// content.en and content.zh are (siblingContent), contentDir being
	// the default language's.
	var sources []string
	for _, s := range followed {
		sources = append(sources, s)
	}
	holder, siblings := sources[0], false
	for _, s := range sources[1:] {
		for holder != "." && s != holder && !strings.HasPrefix(s, holder+"/") {
			holder = path.Dir(holder)
		}
	}
	if holder == "." {
		for _, s := range sources {
			if strings.Contains(s, "/") {
				// content/en beside posts_ja: not read as folders at the
				// root are.
				r.none, r.shared, r.sharedDirs, r.others, r.also = true, nil, nil, nil, nil
				for _, m := range mounts {
					r.others = append(r.others, m.name())
				}
				return
			}
		}
		siblings = true
		holder = cmp.Or(followed[def], slices.Min(sources))
	}
	r.followed = followed
	c.contentDir = filepath.FromSlash(holder)
	if len(c.languages) == 0 {
		return // a site of one language: its content folder is holder
	}
	for i := range c.languages {
		l := &c.languages[i]
		// Hugo reads no folder but those mounted: a language given none
		// has no content folder of its own (its pages are those whose
		// names say its language).
		l.ContentDir = followed[l.Code]
		if l.Code == def && l.ContentDir == holder && !siblings {
			l.ContentDir = "" // the site's content folder, as without mounts
		}
		if c.urls.languages != nil {
			c.urls.languages[l.Code] = l.ContentDir
		}
	}
}

// mountsWarnings names the content mounts capsule does not follow (see
// followMounts), root the site's root: none when it follows them all.
func (c siteConfig) mountsWarnings(root string) []*FileError {
	r := c.mounts
	file := filepath.Join(root, c.file)
	names := func(list []string) string {
		if len(list) > maxMountNames {
			return strings.Join(list[:maxMountNames], ", ") + " and " + strconv.Itoa(len(list)-maxMountNames) + " more"
		}
		return strings.Join(list, ", ")
	}
	var out []*FileError
	if len(r.shared) > 0 {
		out = append(out, &FileError{File: file, Kind: "content mount not followed",
			Msg: "module.mounts mounts " + names(r.shared) + ": Hugo publishes a file there whose name says no language (hello.md, not hello.ja.md) in each language it is mounted for; " +
				"capsule reads " + strings.Join(r.sharedDirs, ", ") + " once and serves such a file once, in " + r.owner + ", where its addresses in the other languages lead, but in " + r.owner + "'s lists only: " +
				"name a file for its language (hello.ja.md) to list it in another, or give each language a folder of its own"})
	}
	if len(r.others) > 0 {
		read := "the content folder (" + filepath.ToSlash(c.contentDir) + ") as if there were no mounts"
		if !r.none {
			var dirs []string
			for _, d := range r.followed {
				dirs = append(dirs, d)
			}
			slices.Sort(dirs)
			read = "the folders mounted at content, one for each language (" + strings.Join(dirs, ", ") + ")"
		}
		out = append(out, &FileError{File: file, Kind: "content mount not followed",
			Msg: "module.mounts mounts " + names(r.others) + ", which capsule does not follow (it follows a folder of the site mounted at content for one language, without includeFiles or excludeFiles): " +
				"it reads " + read + ", and serves a page of these mounts only if it is there, once"})
	}
	if r.over > 0 {
		out = append(out, &FileError{File: file, Kind: "content mount not followed",
			Msg: "module.mounts has " + strconv.Itoa(r.over) + " more entries than the " + strconv.Itoa(maxMounts) + " capsule reads: those are not followed"})
	}
	return out
}

// mountedAddresses gives each page of posts read from a folder mounted
// for several languages, whose file's name says no language, its
// addresses in the others too: Hugo publishes such a page in each
// language the folder is mounted for (/ja/blog/hello/ beside
// /blog/hello/), capsule once, in the language it reads the folder in
// (followMounts), and answers those addresses with it, as Hugo's
// addresses of a page. An address another page has (its translation,
// hello.ja.md, or a page of that language's own folder, which Hugo
// publishes there instead) stays that page's. A page whose url front
// matter sets its address, and a language's home page text, have none
// more. A post of kept, an earlier load's (a file broken now), is left
// as it was made: an earlier Content, served still, has it. Bounded by
// the posts and the languages a folder is mounted for (at most
// maxMounts).
func (f folder) mountedAddresses(posts []*Post, hasIndex func(dir string) bool, kept map[*Post]bool) {
	r := f.config.mounts
	contentPath := f.contentPath()
	if len(r.also) == 0 || f.layout != layoutHugo || f.gen != "" || contentPath == "" {
		return
	}
	taken := make(map[string]bool)
	for _, p := range posts {
		for _, a := range p.Addresses {
			taken[addressKey(decodedAddress(a))] = true
		}
		for _, a := range p.Aliases {
			taken[addressKey(decodedAddress(a))] = true
		}
	}
	for _, p := range posts {
		langs := r.also[p.langCode]
		if len(langs) == 0 || p.Home || p.ownKey == "url" || kept[p] {
			continue
		}
		folder, full := r.followed[p.langCode], path.Join(contentPath, p.Dir)
		if folder != "." && full != folder && !strings.HasPrefix(full, folder+"/") {
			continue
		}
		name := path.Base(filepath.ToSlash(p.File))
		if _, lang := f.config.langSuffix(strings.TrimSuffix(name, path.Ext(name))); lang != "" {
			continue // hello.ja.md: Japanese's only, wherever it is mounted
		}
		for _, code := range langs {
			if f.config.language(code) == nil {
				continue
			}
			addr, ok := f.config.hugoAddressIn(p, contentPath, hasIndex, code)
			if !ok || addr == "" || addr == "/" || len(addr) > MaxAliasBytes || taken[addressKey(addr)] {
				continue
			}
			taken[addressKey(addr)] = true
			p.Addresses = append(p.Addresses, (&url.URL{Path: addr}).EscapedPath())
		}
	}
}
