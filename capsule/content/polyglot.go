package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// jekyll-polyglot builds a site once per language, the default one at the
// top and each other under /<lang>/, and in each build every page the site
// has: a page (or post) with no version in the language is written there
// all the same, in the language it has (its "fallback": the default
// language's version, else the one read last). Polyglot also rewrites, in
// every build but the default one, each link to an address of the site
// (href="/posts/a/", or the site's url) to that address in the build's
// language (/ja/posts/a/), unless it names a language's folder already.
// Read here: where those copies are (polyglotFallbacks), and which links
// it rewrites (LocalizesLink). Its redirect_from of a page in another
// language than the default one is under that language's folder
// (folderLanguages), as polyglot 1.12 puts it.

// maxFallbackAddresses bounds the addresses polyglotFallbacks adds to a
// site's posts (each a redirect held in memory, in three forms): a page
// times a language each. A site of 12 languages and 700 posts has 3,000.
const maxFallbackAddresses = 200_000

// polyglotFallbacks gives each published post and page of a jekyll-polyglot
// site, in its Addresses, the addresses polyglot writes it at in the
// languages it has no version in: /sw/posts/hello/ of the English
// /posts/hello/ when there is no Swahili one, and /posts/hola/ of a
// Spanish post with no English one. Versions are the posts of one
// translationKey (polyglot's page id, or one permalink); the one copied is
// the default language's, else the one polyglot reads last (by date, then
// file). Language homes are capsule's own pages, and have none.
func polyglotFallbacks(langs []Language, lists ...[]*Post) *FileError {
	if len(langs) < 2 {
		return nil
	}
	groups, order := polyglotVersions(lists...)
	added := 0
	for _, key := range order {
		g := groups[key]
		has := make(map[string]bool, len(g))
		for _, p := range g {
			has[p.langCode] = true
		}
		if len(has) == len(langs) {
			continue
		}
		src := polyglotFallback(g)
		// Its addresses, and its permalink (an alias of capsule's), as
		// they are in the default language.
		var bases []string
		own, _ := normaliseAlias(src.own)
		for i, a := range slices.Concat(src.Addresses, src.Aliases) {
			if src.LangDir != "" {
				rest, ok := strings.CutPrefix(a, src.LangDir+"/")
				if !ok {
					continue
				}
				a = "/" + rest
			}
			if i >= len(src.Addresses) && (src.ownKey != "permalink" || own == "" || addressKey(a) != addressKey(own)) {
				continue // redirect_from: the page's own, not copied
			}
			if !slices.Contains(bases, a) {
				bases = append(bases, a)
			}
		}
		var extra []string
		for _, l := range langs {
			if has[l.Code] {
				continue
			}
			for _, a := range bases {
				if added+len(extra) >= maxFallbackAddresses {
					return &FileError{File: src.File, Line: 0, Kind: "polyglot copies not served",
						Msg: fmt.Sprintf("the addresses jekyll-polyglot copies pages to in the languages they are not written in (/%s/… of a page in another language) stop here: capsule answers at most %d of them", l.Tag, maxFallbackAddresses)}
				}
				extra = append(extra, l.Dir+a)
			}
		}
		if len(extra) > 0 {
			// A new list: the post's may be a kept decoding's too.
			src.Addresses = slices.Concat(src.Addresses, extra)
			added += len(extra)
		}
	}
	return nil
}

// polyglotVersions groups the posts and pages of lists (homes left out)
// by what they are versions of: their translationKey, else each alone;
// order is the keys as first met.
func polyglotVersions(lists ...[]*Post) (groups map[string][]*Post, order []string) {
	groups = make(map[string][]*Post)
	for _, l := range lists {
		for _, p := range l {
			if p.Home {
				continue
			}
			key := p.translationKey
			if key == "" {
				key = "\x00file " + p.File // alone
			}
			if groups[key] == nil {
				order = append(order, key)
			}
			groups[key] = append(groups[key], p)
		}
	}
	return groups, order
}

// polyglotFallback is the version of g (the versions of one page) that
// polyglot writes in a language g has none in: the default language's,
// else the one it reads last (by date, then file).
func polyglotFallback(g []*Post) *Post {
	if i := slices.IndexFunc(g, func(p *Post) bool { return p.LangDir == "" }); i >= 0 {
		return g[i]
	}
	src := g[0]
	for _, p := range g[1:] {
		if c := cmp.Or(p.Date.Compare(src.Date), cmp.Compare(p.File, src.File)); c > 0 {
			src = p
		}
	}
	return src
}

// LocalizesLink reports whether a link to the site's address target (a
// path from its top: "/posts/a/"), written in from, names from's
// language's version of the page there, as jekyll-polyglot rewrites it:
// in a polyglot site, from in another language than the default one, and
// target under no language's folder.
func (c *Content) LocalizesLink(from *Post, target string) bool {
	if !c.polyglot || from == nil || from.LangDir == "" || !strings.HasPrefix(target, "/") {
		return false
	}
	first, _, _ := strings.Cut(target[1:], "/")
	for _, l := range c.Languages {
		if first == l.Tag || first == l.Code {
			return false
		}
	}
	return true
}

// PolyglotCopies is, by language code, the pages of list (a
// jekyll-polyglot site's pages, as served) that polyglot writes in a
// language from another one's version, since they have none in it
// (polyglotFallback's choice): a theme's about page written once is in
// every language's menu of the web site. Nil for another site. At most
// maxFallbackAddresses in all, as the copies' addresses are bounded.
func (c *Content) PolyglotCopies(list []*Post) map[string][]*Post {
	if !c.polyglot || len(c.Languages) < 2 {
		return nil
	}
	groups, order := polyglotVersions(list)
	copies := make(map[string][]*Post)
	n := 0
	for _, key := range order {
		g := groups[key]
		for _, l := range c.Languages {
			if slices.ContainsFunc(g, func(p *Post) bool { return p.langCode == l.Code }) {
				continue
			}
			if n >= maxFallbackAddresses {
				return copies
			}
			copies[l.Code] = append(copies[l.Code], polyglotFallback(g))
			n++
		}
	}
	return copies
}
