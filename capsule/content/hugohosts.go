package content

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
)

// A Hugo site whose every language has a baseURL of its own
// ([languages.ja] baseURL = "https://example.org/ja/") is "multihost" to
// Hugo: it writes each language's pages in public/<code>/, and gives
// each page its language's baseURL followed by its path, with no
// language folder of Hugo's own (/ja/ of "https://example.org/ja/" is
// the baseURL's; defaultContentLanguageInSubdir no longer matters), a
// url or an alias of a page under that baseURL too. Hugo 0.111 builds
// nothing when only some languages have one ("baseURL must be set on
// all or none of the languages"); capsule then reads none of them.
//
// capsule serves one site. When the languages' baseURLs share their
// host (the site at https://example.org/site/, its languages at
// /site/ja/ and /site/en/), each language is served at the path its
// baseURL adds to the part they share (/ja/, /en/; the one whose
// baseURL is that part itself, at the top), so every address Hugo gave
// a page, taken from the site's top as a single baseURL's path is, is
// the page's. Languages on hosts of their own (https://example.de/,
// https://example.org/) have no path that tells them apart: each is
// served under /<code>/, as Hugo's public/ holds them. So is every
// language when a baseURL's path would make a folder capsule cannot
// use (two levels deep, one of capsule's own names, a name shared).
//
// A baseURL may hold a placeholder a deploy script fills in
// ("{{BASE_URL}}/ja/", replaced by sed before hugo runs): the path
// after it is read as the path, and the placeholder as a host that
// cannot be read, which the warnings say once (languageHostWarnings).

// hugoHosts is what the languages' own baseURLs say (readHugoHosts).
type hugoHosts struct {
	// dirs are the folders the languages are served in, by code ("/ja",
	// "" for the top); nil when the site is no multihost one.
	dirs map[string]string
	// base is the site's web address the languages share
	// ("https://example.org/site/"), "" when they share none that can
	// be read.
	base string
	// unread is the first baseURL (in the languages' order) whose host
	// cannot be read, and unreadLang its language's code: "" for none.
	unread, unreadLang string
}

// maxLangDirBytes bounds a language's folder taken from its baseURL's
// path: a longer one is served under /<code>/.
const maxLangDirBytes = 64

// capsuleNames are the names of capsule's own pages and folders at the
// top of a site (blog.go's tagsPath, archivePath, postsDir…), which no
// language's folder may take.
var capsuleNames = map[string]bool{
	"tags": true, "archive": true, "archive.gmi": true, "search": true, "atom.xml": true, "robots.txt": true,
	"favicon.txt": true, "caps.txt": true, "posts": true, "pages": true, "drafts": true,
}

// readHugoHosts reads the baseURL of each of langs (a multilingual
// site's, readHugoLanguages') in m, a Hugo configuration with its keys
// lower-cased. O(languages × path length).
func readHugoHosts(m map[string]any, langs []Language) hugoHosts {
	var h hugoHosts
	if len(langs) < 2 {
		return h
	}
	tables := make(map[string]map[string]any, len(langs))
	for code, v := range section(m, "languages") {
		lm, _ := v.(map[string]any)
		tables[strings.ToLower(code)] = lm
	}
	origins := make([]string, len(langs))
	paths := make([][]string, len(langs))
	for i, l := range langs {
		base := str(tables[l.Code]["baseurl"])
		if base == "" {
			return hugoHosts{} // Hugo builds no such site
		}
		origin, p, readable := splitBaseURL(base)
		if !readable && h.unread == "" {
			h.unread, h.unreadLang = base, l.Code
		}
		origins[i] = origin
		for _, s := range strings.Split(p, "/") {
			if s != "" {
				paths[i] = append(paths[i], s)
			}
		}
	}
	h.dirs = make(map[string]string, len(langs))
	byCode := func() {
		for _, l := range langs {
			h.dirs[l.Code] = "/" + l.Code
		}
	}
	shared := 0 // the path segments every language's baseURL begins with
	for i := range origins {
		if !strings.EqualFold(origins[i], origins[0]) {
			byCode()
			return h
		}
	}
	for ; shared < len(paths[0]); shared++ {
		same := true
		for _, p := range paths {
			if len(p) <= shared || p[shared] != paths[0][shared] {
				same = false
				break
			}
		}
		if !same {
			break
		}
	}
	taken := make(map[string]bool, len(langs))
	for i, l := range langs {
		rest := paths[i][shared:]
		dir := ""
		switch {
		case len(rest) > 1 || len(rest) == 1 && !usableLangDir(rest[0]):
			byCode()
			return h
		case len(rest) == 1:
			dir = "/" + strings.ToLower(rest[0]) // as Hugo lower-cases the paths of pages
		}
		if taken[strings.ToLower(dir)] {
			byCode()
			return h
		}
		taken[strings.ToLower(dir)] = true
		h.dirs[l.Code] = dir
	}
	if h.unread == "" && origins[0] != "" {
		h.base = origins[0] + "/" + strings.Join(paths[0][:shared], "/")
		if shared > 0 {
			h.base += "/"
		}
	}
	return h
}

// splitBaseURL splits a language's baseURL into the site it is on (its
// scheme and host: "https://example.org"; "" for a path alone, "/ja/")
// and its path ("/ja/"); readable is false when the host part is no
// host: a placeholder ("{{BASE_URL}}/ja/": the path is what follows its
// last "}}") or text before the first "/" that is no URL.
func splitBaseURL(s string) (origin, p string, readable bool) {
	if i := strings.LastIndex(s, "}}"); i >= 0 {
		return s[:i+2], s[i+2:], false
	}
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return "", s, true
	}
	if u, err := url.Parse(s); err == nil && u.Host != "" && u.Scheme != "" {
		host := strings.ToLower(u.Host)
		return strings.ToLower(u.Scheme) + "://" + strings.TrimPrefix(host, "www."), u.Path, true
	}
	if i := strings.IndexByte(s, '/'); i >= 0 {
		return s[:i], s[i:], false
	}
	return s, "", false
}

// usableLangDir reports whether name, one segment of a baseURL's path,
// can be a language's folder in the capsule: letters, digits and
// "-_.~", not starting with a dot, at most maxLangDirBytes, not one of
// capsuleNames.
func usableLangDir(name string) bool {
	if name == "" || len(name) > maxLangDirBytes || name[0] == '.' || capsuleNames[strings.ToLower(name)] {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_.~", r) {
			return false
		}
	}
	return true
}

// languageHostWarnings is the warning that a language's baseURL names
// no host capsule can read (a placeholder a deploy script fills), once
// for the site: its pages' addresses are read from the path after it,
// and links to the site's web address are not known as the site's.
func (c siteConfig) languageHostWarnings(root string) []*FileError {
	if c.hosts.unread == "" {
		return nil
	}
	var where []string
	for _, l := range c.languages {
		where = append(where, c.hosts.dirs[l.Code]+"/")
	}
	return []*FileError{{File: filepath.Join(root, c.file), Kind: "language baseURL without a host",
		Msg: "[languages." + c.hosts.unreadLang + "] baseURL = \"" + c.hosts.unread + "\" names no host capsule can read (a placeholder filled in when the site is deployed?): " +
			"capsule serves each language at the path its baseURL gives (" + strings.Join(where, ", ") + "), as Hugo writes them, " +
			"but cannot tell links to the site's own web address from links to other sites"}}
}

// hugoLangDir is the folder Hugo writes the pages of language code
// under, from the top of the site: "/fr", "" for none. A multihost
// site's are its languages' baseURLs' (readHugoHosts); another's
// default language is at the top unless defaultContentLanguageInSubdir.
func (u urlConfig) hugoLangDir(code string) string {
	if code == "" {
		return ""
	}
	if u.langDirs != nil {
		if d, ok := u.langDirs[code]; ok {
			return d
		}
	}
	if code == u.defaultLang && !u.defaultInSubdir {
		return ""
	}
	return "/" + code
}
