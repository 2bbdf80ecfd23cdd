package capsule

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"capsule/capsule/content"
	"capsule/gopher"
)

// Layout stubs. Hugo and Jekyll themes have their search, archive and tag
// pages made by a template, from a file that says little more than which
// (content/search.md: title = "Search", layout = "search", and no text).
// Capsule has those pages of its own; such a file, with no text, is left
// out, and links to it lead to capsule's page; so is one whose front
// matter names one of those templates (layout: archive, Hugo's type:
// "archive"), and a Hugo section's _index.md naming it with a short line
// of text at most (ShintaroOba's archive/_index.md: "archive page";
// busitora's: "記事履歴"), which the theme's list template draws above
// its list: its words are in the warning that says so. With text
// otherwise, it is the author's page, served as pages are (under
// pagesDir when its name is one of capsule's pages: see pageMoved).

// builtinPage is one of the capsule's own pages, as a stub would have
// stood for it: its name in messages, and its addresses.
type builtinPage struct {
	name       string // "capsule's archive"
	gemini     string // its link
	gopherType gopher.ItemType
	gopher     string // its selector
}

// stubNames are the slugs a theme gives its layout pages, and the
// capsule's page that serves what they would (in a multilingual site,
// the stub's language's: layoutStubs puts its folder before them).
var stubNames = map[string]builtinPage{
	"search":   {"capsule's search", searchPath, gopher.TypeSearch, searchPath},
	"archive":  {"capsule's archive", archivePath, gopher.TypeMenu, archiveSel},
	"archives": {"capsule's archive", archivePath, gopher.TypeMenu, archiveSel},
	"tags":     {"capsule's tag index", tagsPath, gopher.TypeMenu, tagsPath},
	// A theme's page of the categories (Hexo's source/categories/index.md,
	// type: categories; Chirpy's _tabs/categories.md, layout:
	// categories): capsule's tags hold the posts' categories.
	"categories": {"capsule's tag index", tagsPath, gopher.TypeMenu, tagsPath},
}

// layoutStubs finds the layout stubs among lists (posts, pages, unlisted)
// and returns the lists without them, which stubs maps to the capsule's
// pages that stand for them, with a warning for each.
func layoutStubs(lists ...[]*content.Post) (out [][]*content.Post, stubs map[*content.Post]builtinPage, warns []*content.FileError) {
	out = lists
	for i, list := range lists {
		for _, p := range list {
			page, ok := stubPage(p, stubNames)
			if !ok {
				page, ok = termStub(p, lists[0])
			}
			if !ok {
				continue
			}
			if stubs == nil {
				stubs = make(map[*content.Post]builtinPage)
				out = slices.Clone(lists)
			}
			// A language's archive, tags and search are its own.
			page.gemini, page.gopher = p.LangDir+page.gemini, p.LangDir+page.gopher
			stubs[p] = page
			msg := "no text: a theme's layout page, which " + page.name + " (" + page.gemini + ") serves; not served, and links to it lead there (give it text to publish it at " + postGeminiPath(p) + ")"
			if !p.Blank {
				msg = fmt.Sprintf("a theme's layout page (its template %q) whose only text is %q, which %s (%s) serves; not served, and links to it lead there (give it more than a line of text, or no layout or type, to publish it at %s)",
					p.Layout, p.Brief, page.name, page.gemini, postGeminiPath(p))
			}
			warns = append(warns, &content.FileError{File: p.File, Line: 1, Msg: msg})
		}
		if stubs != nil {
			out[i] = slices.DeleteFunc(slices.Clone(list), func(p *content.Post) bool { _, stub := stubs[p]; return stub })
		}
	}
	return out, stubs, warns
}

// termStub is the capsule's page that stands for p when p is a theme's
// page of the posts of one category or tag, with no text
// (minimal-mistakes' _pages/category-investment.md: layout: category,
// taxonomy: investment), which its template fills with the posts that
// have the term: the term's page, in p's language, of posts (capsule's
// tags hold the posts' categories), or the tag index when no post of
// posts has it, as the theme's page lists none.
func termStub(p *content.Post, posts []*content.Post) (builtinPage, bool) {
	if p.Term == "" || !p.Blank {
		return builtinPage{}, false
	}
	for _, q := range posts {
		if q.LangDir == p.LangDir && slices.Contains(q.Tags, p.Term) {
			return builtinPage{"capsule's page of the tag " + p.Term, tagGeminiLink("", p.Term), gopher.TypeMenu, tagSelectorLink("", p.Term)}, true
		}
	}
	return stubNames["tags"], true
}

// stubPage is the capsule's page that stands for p when p is a layout
// stub: with no text, by its slug, or by its file's name when the slug
// was made unique (a theme's archive.md in two folders: b/archive.md is
// b-archive), or by the template its front matter names (Post.Layout);
// and a Hugo section's _index.md by that template with a short line of
// text (Post.Brief), which the theme's list draws as a heading: a page's
// line under its template (search.md, layout: search, "How to search
// this blog") is the author's own. names are the slugs and templates
// read (stubNames).
func stubPage(p *content.Post, names map[string]builtinPage) (builtinPage, bool) {
	if p.Blank {
		if page, ok := names[p.Slug]; ok {
			return page, true
		}
		name := path.Base(filepath.ToSlash(p.File))
		if page, ok := names[strings.ToLower(strings.TrimSuffix(name, path.Ext(name)))]; ok {
			return page, true
		}
	}
	page, ok := names[p.Layout]
	return page, ok && p.Layout != "" && (p.Blank || strings.HasPrefix(strings.ToLower(path.Base(filepath.ToSlash(p.File))), "_index."))
}
