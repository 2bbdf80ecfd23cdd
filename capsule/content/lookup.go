package content

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// Index finds posts by the paths their authors write in links and in
// Hugo's ref and relref (and Jekyll's link and post_url): by their path
// in the posts folder, never by their file's name alone, which every page
// bundle shares (index.md). It follows Hugo's lookup of a page:
//
//   - a path starting with "/" is from the top of the posts folder:
//     "/posts/beta/index.md", "/posts/beta" (the bundle's folder, or
//     posts/beta.md), "/posts/beta/";
//   - another is first relative to the post that names it: to its folder
//     when it has an extension ("../beta/index.md" from
//     posts/alpha/index.md), else to its page's path as Hugo takes it,
//     which is its address on the web ("../beta/" from posts/alpha.md or
//     posts/alpha/index.md is posts/beta), then to its folder ("beta"
//     from posts/alpha.md); then from the top ("posts/beta/index.md" from
//     anywhere);
//   - a bare name ("beta", "2017-05-03-hello.md"; not "cover.png") is
//     last looked for among every post's name (its file's name without
//     the extension, a bundle's folder name), when exactly one post has
//     it: "index" is never one, and a name two posts share is ambiguous;
//   - a path in a Jekyll site's _posts folder is also one from that
//     folder, as Jekyll's post_url names a post ("2024/2024-4-8-hello",
//     "/2024/2024-4-8-hello" for _posts/2024/2024-4-8-hello.md);
//   - a path that names no file is looked for among the posts' addresses
//     on the web, their generator's and their old ones (Addresses and
//     Aliases: "/2014/09/02/hello.html", "/p/hello/"), with or without a
//     trailing slash or index.html; a relative one ("../beta/") from the
//     address of the post that names it, as a browser would.
type Index struct {
	byPath    map[string]*Post   // "posts/beta/index.md", "about.md"
	byPage    map[string]*Post   // without the extension, a bundle by its folder: "posts/beta", "about"
	byName    map[string]*Post   // the last part of byPage's keys: "beta", "about"
	shared    map[string][]*Post // names of byName more than one post has, and who has them
	byAddress map[string]*Post   // by addressKey: the first post to have it
	// byTranslation are the posts of a multilingual site by what their
	// translations share and their language (translationKey, langCode,
	// joined by a NUL): the first post to have them.
	byTranslation map[string]*Post
}

// NewIndex indexes the posts of lists.
func NewIndex(lists ...[]*Post) *Index {
	n := 0
	for _, list := range lists {
		n += len(list)
	}
	ix := &Index{byPath: make(map[string]*Post, n), byPage: make(map[string]*Post, n), byName: make(map[string]*Post, n),
		byAddress: make(map[string]*Post, n)}
	for _, list := range lists {
		for _, p := range list {
			for _, addrs := range [][]string{p.Aliases, p.Addresses} {
				for _, a := range addrs {
					if k := addressKey(decodedAddress(a)); ix.byAddress[k] == nil {
						ix.byAddress[k] = p
					}
				}
			}
			if p.translationKey != "" {
				if ix.byTranslation == nil {
					ix.byTranslation = make(map[string]*Post)
				}
				if k := p.translationKey + "\x00" + p.langCode; ix.byTranslation[k] == nil {
					ix.byTranslation[k] = p
				}
			}
			rel := p.Path()
			ix.byPath[rel] = p
			page := strings.TrimSuffix(rel, path.Ext(rel))
			if p.isBundle() {
				page = p.Dir
			}
			ix.byPage[page] = p
			name := path.Base(page)
			if strings.EqualFold(name, "index") || strings.EqualFold(name, "_index") {
				continue
			}
			if other, taken := ix.byName[name]; !taken {
				ix.byName[name] = p
				continue
			} else if ix.shared[name] == nil {
				if ix.shared == nil {
					ix.shared = make(map[string][]*Post)
				}
				ix.shared[name] = []*Post{other}
			}
			ix.shared[name] = append(ix.shared[name], p)
		}
	}
	return ix
}

// Find returns the post that target names, written in the post from
// (nil: at the top of the posts folder), or nil. ambiguous lists the
// posts a bare name could mean, when it is more than one. target is a
// path, maybe percent-encoded, maybe with a #fragment or ?query.
func (ix *Index) Find(from *Post, target string) (p *Post, ambiguous []*Post) {
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return nil, nil
	}
	t := u.Path
	if strings.HasPrefix(t, "/") {
		if p := ix.at(t); p != nil {
			return p, nil
		}
		if from != nil && from.langRoot != "" {
			if p := ix.at(path.Join("/", from.langRoot, t)); p != nil {
				return p, nil
			}
		}
		if p := ix.byAddress[addressKey(t)]; p != nil {
			return p, nil
		}
		return ix.at("/_posts" + t), nil
	}
	if from != nil {
		bases := []string{from.Dir}
		if path.Ext(strings.TrimSuffix(t, "/")) == "" && !from.isBundleText() {
			// A page's path, as Hugo takes it: "../beta" from
			// posts/alpha.md is posts/beta, as on the web, where alpha's
			// address is /posts/alpha/. A bundle's path is its folder.
			self := path.Base(from.Path())
			bases = []string{path.Join(from.Dir, strings.TrimSuffix(self, path.Ext(self))), from.Dir}
		} else if from.isBundleText() {
			// From a bundle, its section too, as Hugo looks a ref up:
			// "beta/index.md" from blog/alpha/index.md is
			// blog/beta/index.md (linkup's 12 refs to sibling bundles);
			// from its translation (index.ja.md) alike.
			bases = append(bases, path.Dir(from.Dir))
		}
		for _, base := range bases {
			if p := ix.at(path.Join("/", base, t)); p != nil {
				return p, nil
			}
		}
	}
	if p := ix.at("/" + t); p != nil {
		return p, nil
	}
	if from != nil && from.langRoot != "" {
		// From the language's content folder (contentDir =
		// "content/ja"), where Hugo looks a ref's path up.
		if p := ix.at(path.Join("/", from.langRoot, t)); p != nil {
			return p, nil
		}
	}
	if p := ix.at("/_posts/" + t); p != nil {
		return p, nil
	}
	webAddress := ""
	if from != nil && len(from.Addresses) > 0 {
		webAddress = from.Addresses[0]
	} else if from != nil && from.Home {
		webAddress = from.LangDir + "/" // a home page's text: at its language's home
	}
	if webAddress != "" {
		// Relative to the page's address on the web, as a browser reads it.
		if base, err := url.Parse(webAddress); err == nil {
			if p := ix.byAddress[addressKey(base.ResolveReference(&url.URL{Path: t}).Path)]; p != nil {
				return p, nil
			}
		}
	}
	name := strings.TrimSuffix(t, "/")
	if strings.Contains(name, "/") || path.Ext(name) != "" && !isMarkdown(name) {
		return nil, nil // a path, or a file's name ("cover.png"): not a post's name
	}
	name = strings.TrimSuffix(name, path.Ext(name))
	if shared := ix.shared[name]; shared != nil {
		return nil, shared
	}
	return ix.byName[name], nil
}

// InLanguageOf is p, which target names (a ref's path), in the language
// Hugo's ref and relref look it up in: the one target asks for ("?lang=ja",
// refInLanguage), else the language of from, the page naming it ("/posts/a"
// from a Japanese page is posts/a/index.ja.md). It is p itself when p has
// no version in that language (Hugo fails the build there: the link
// leads to the page in the language it has), when target names p's very
// file by its language (index.ja.md), or outside a multilingual site.
func (ix *Index) InLanguageOf(p, from *Post, target string) *Post {
	if p == nil || p.translationKey == "" {
		return p
	}
	u, err := url.Parse(target)
	if err != nil {
		return p
	}
	lang := ""
	if from != nil {
		lang = from.langCode
	}
	if asked := strings.ToLower(u.Query().Get("lang")); asked != "" {
		lang = asked
	} else if name := path.Base(u.Path); p.langCode != "" && strings.EqualFold(name, path.Base(filepath.ToSlash(p.File))) &&
		strings.Contains(strings.ToLower(name), "."+p.langCode+".") {
		return p // its language named with its file
	}
	if lang == "" || p.langCode == lang {
		return p
	}
	if t := ix.byTranslation[p.translationKey+"\x00"+lang]; t != nil {
		return t
	}
	return p
}

// at is the post at the path t, from the top of the posts folder: a file
// ("/posts/beta/index.md") or a page ("/posts/beta", "/posts/beta/").
func (ix *Index) at(t string) *Post {
	clean := strings.TrimPrefix(path.Clean(t), "/")
	if clean == "" || clean == "." {
		return nil
	}
	if isMarkdown(clean) {
		if p := ix.byPath[clean]; p != nil {
			return p
		}
		clean = strings.TrimSuffix(clean, path.Ext(clean))
	}
	return ix.byPage[clean]
}
