package capsule

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"capsule/capsule/content"
)

// A Hugo site's lists beyond those of its top sections (folderindex.go)
// and its terms (termpages.go), as Hugo 0.111 writes them:
//
//   - a nested section, a folder below a section that has an _index.md
//     (content/posts/tech/_index.md), has a list of its own at its
//     folder's address, /posts/tech/, split into pages as the others
//     (/posts/tech/page/2/);
//   - the lists of a section of pages (/captures/page/2/) and of a
//     taxonomy's terms (/tags/page/2/) are split as well;
//   - each list is also at index.html in its folder (/index.html,
//     /posts/index.html), which a reader or a site may name.
//
// capsule has no page per section. A nested section of posts leads to
// the archive, as its top section does (servePostsFolders): the archive
// lists every post of it, in the order of their dates, as Hugo's list
// does by default; a tag would not hold the same posts, and its _index.md
// text is not served for a section of posts (content's warning says so),
// so there is no page of its own to lead to. A nested section of pages
// leads to the blog's home, which lists the pages, unless its _index.md
// has text: then it is a page of its own at the section's address
// (content's section pages, with the list of its pages below its text),
// which keeps the address, and the pages of its list lead to it.

//
// A section whose _index.md Hugo publishes (content.HugoSections) has
// its list even with no page in it, or drafts only (peperon4141's
// post/Varnish/, of one draft): Hugo 0.111 writes /post/varnish/ and its
// page 1, /post/varnish/page/1/. A nested one leads where its top
// section does (the archive for a section of posts, else the home); a
// top section of none leads to the home, which lists the site's pages;
// one named as one of capsule's own pages, or whose _index.md names the
// template of one (a theme's search page written as a section,
// content/search/_index.md, layout: search, which Hugo writes at
// /search/), leads to that page: capsule's search, archive. Hugo
// writes no list of a folder with no _index.md and no page (a folder of
// drafts only), nor of a section whose _index.md is a draft: neither
// does capsule.

// hugoList is a nested section's list in a blog (see above), or the list
// of a section, top or nested, with no page of the blog in it.
type hugoList struct {
	path  string // its address: "/posts/tech/", in the blog's folder ("/fr/posts/tech/")
	posts bool   // it holds posts (it leads to the archive), else pages (the home)
	n     int    // the posts and pages in it, at any depth: at least what Hugo's list holds
	ugly  bool   // its site writes it at /posts/tech.html (hugougly.go)
	// builtin is the name (in stubNames) of the capsule's page an empty
	// section stands for ("search"), "" for none.
	builtin string
}

// pages is how many pages Hugo's list of l is split into, as pg says:
// ceil(n/size), and one for a list of none (its page 1, which Hugo
// writes all the same); none for the list of a capsule's page (a
// theme's search page lists nothing).
func (l hugoList) pages(pg content.Pager) int {
	if pg.Size <= 0 || l.builtin != "" {
		return 0
	}
	return max(1, (l.n+pg.Size-1)/pg.Size)
}

// hugoNestedLists are the lists of b's nested sections: each folder of
// content.Content.HugoSections below a top section that holds one of
// b's posts or pages (at any depth), at its address as Hugo writes it
// (in lower case), and at its folder's own name too when that has
// capitals (a reader may write it so), sorted. At most twice as many as
// the sections, each counted once for each of b's posts and pages above
// which it is: O(posts × depth).
func hugoNestedLists(c *content.Content, b *blog) []hugoList {
	dirs := c.HugoSections()
	if len(dirs) == 0 {
		return nil
	}
	count := make(map[string]int)
	posts := make(map[string]bool)
	for i, list := range [][]*content.Post{b.posts, b.pages} {
		for _, p := range list {
			dir := p.Dir
			if isBundleIndex(p.File) {
				dir = path.Dir(dir) // a leaf bundle's folder is no section
			}
			root := p.LangRoot()
			for dir != "" && dir != "." && dir != root {
				rel := strings.TrimPrefix(dir, root+"/")
				if root == "" {
					rel = dir
				}
				if !strings.Contains(rel, "/") {
					break // a top section: servePostsFolders'
				}
				if _, ok := slices.BinarySearch(dirs, dir); ok && !strings.HasPrefix(rel, "_") {
					count[rel]++
					posts[rel] = posts[rel] || i == 0
				}
				dir = path.Dir(dir)
			}
		}
	}
	var out []hugoList
	add := func(l hugoList, rel string) {
		l.path = b.dir + "/" + strings.ToLower(rel) + "/"
		out = append(out, l)
		if low := strings.ToLower(rel); low != rel {
			l.path = b.dir + "/" + rel + "/"
			out = append(out, l)
		}
	}
	for rel, n := range count {
		first, _, _ := strings.Cut(rel, "/")
		add(hugoList{posts: posts[rel], n: n, ugly: c.HugoUglyList(first)}, rel)
	}
	for _, e := range hugoEmptySections(c, b, dirs, count) {
		add(e.list, e.rel)
	}
	slices.SortFunc(out, func(a, b hugoList) int { return strings.Compare(a.path, b.path) })
	return out
}

// emptySection is a section with no page in a blog: its folder in the
// blog's content folder, and its list but for the address.
type emptySection struct {
	rel  string
	list hugoList
}

// hugoEmptySections are the sections of dirs (content.HugoSections) in
// b's content folder that hold none of b's posts and pages (listed:
// the nested sections that do, by folder), each with where it leads
// (see above). b's content folder is its posts' and pages' (their
// LangRoot); on a multilingual site whose languages share the content
// folder (translations by file name, _index.fr.md), none: which
// languages Hugo writes such a list for is not looked into. O(sections +
// posts).
func hugoEmptySections(c *content.Content, b *blog, dirs []string, listed map[string]int) []emptySection {
	root, shared := "", false
	tops := make(map[string]bool) // the top sections with pages: servePostsFolders'
	topPosts := make(map[string]bool)
	for i, list := range [][]*content.Post{b.posts, b.pages} {
		for _, p := range list {
			if root != "" && p.LangRoot() != root {
				shared = true // several folders: not a language's own
			}
			root = p.LangRoot()
			if first := topFolder(p); first != "" {
				tops[first] = true
				topPosts[first] = topPosts[first] || i == 0
			}
		}
	}
	if len(b.posts)+len(b.pages) == 0 || shared || root == "" && len(c.Languages) > 0 {
		return nil
	}
	var out []emptySection
	for _, dir := range dirs {
		rel := dir
		if root != "" {
			var ok bool
			if rel, ok = strings.CutPrefix(dir, root+"/"); !ok {
				continue
			}
		}
		first, _, nested := strings.Cut(rel, "/")
		if listed[rel] > 0 || tops[rel] || strings.HasPrefix(rel, "_") || strings.Contains(rel, "/_") {
			continue
		}
		if c.HugoTaxonomy(first) {
			continue // a taxonomy's or a term's page (content/tags/_index.md), no section
		}
		l := hugoList{posts: nested && topPosts[first], ugly: c.HugoUglyList(first)}
		if !nested {
			for _, name := range []string{strings.ToLower(rel), c.HugoSectionLayout(dir)} {
				if _, ok := stubNames[name]; ok && name != "" {
					l.builtin = name
					break
				}
			}
		}
		out = append(out, emptySection{rel, l})
	}
	return out
}

// hugoListLeads notes where a post's link to a Hugo site's lists leads
// that sectionList does not read from the sections' names (zolaLists):
// the nested sections' lists (/posts/tech/), and the pages every list of
// posts or pages is split into (/page/2/ the home, /posts/page/2/ the
// archive, /docs/page/2/ the home, /posts/tech/page/2/), at their .html
// addresses too with uglyURLs (/posts/page/2.html). A list whose address
// is a page's (a section's _index.md with text) is that page's, with its
// pages: not here. As many as serveHugoPagers answers, but for the
// forms: ceil(n/size) for a list of n.
func (l *postLinks) hugoListLeads(blogs []*blog) {
	pg := l.c.HugoPager()
	if !l.c.SectionLists() {
		return
	}
	page := func(addr string) bool {
		p, _, _ := l.resolve(nil, addr)
		return p != nil
	}
	add := func(dir, list, addr string, pages int, ugly, pagers bool) {
		if page(addr) {
			return
		}
		if l.zolaLists == nil {
			l.zolaLists = make(map[string]listLead)
		}
		at := []string{addr}
		if pagers && pg.Size > 0 {
			for i := 1; i <= pages; i++ {
				at = append(at, addr+pg.Path+"/"+strconv.Itoa(i)+"/")
			}
		}
		for _, a := range at {
			if _, ok := l.zolaLists[a]; !ok {
				l.zolaLists[a] = listLead{dir, list}
			}
			if ugly {
				if _, ok := l.zolaLists[uglyAddress(a)]; !ok && a != addr {
					l.zolaLists[uglyAddress(a)] = listLead{dir, list}
				}
			}
		}
	}
	for _, b := range blogs {
		for _, hl := range l.hugoLists[b.dir] {
			list := homeTag
			switch {
			case hl.builtin != "":
				list = builtinTag(hl.builtin)
			case hl.posts:
				list = archiveTag
			}
			// The list's own address, and its .html one: sectionList
			// reads a folder's address only, uglyList the rest.
			add(b.dir, list, hl.path, hl.pages(pg), hl.ugly, true)
			if hl.ugly {
				add(b.dir, list, uglyAddress(hl.path), 0, false, false)
			}
		}
		if pg.Size <= 0 {
			continue
		}
		// The home's pages (its own address is the capsule's home).
		home := b.dir + "/"
		for i := 1; i <= (len(b.posts)+len(b.pages)+pg.Size-1)/pg.Size; i++ {
			a := home + pg.Path + "/" + strconv.Itoa(i) + "/"
			if !page(a) {
				if l.zolaLists == nil {
					l.zolaLists = make(map[string]listLead)
				}
				l.zolaLists[a] = listLead{b.dir, homeTag}
				if l.c.HugoUglyList("") {
					l.zolaLists[uglyAddress(a)] = listLead{b.dir, homeTag}
				}
			}
		}
		for _, sec := range sortedSections(l.sections[b.dir]) {
			add(b.dir, archiveTag, b.dir+"/"+sec+"/", hugoList{n: sectionCount(l.sections[b.dir], sec)}.pages(pg), l.c.HugoUglyList(sec), true)
		}
		for _, sec := range sortedSections(l.pageSections[b.dir]) {
			add(b.dir, homeTag, b.dir+"/"+sec+"/", hugoList{n: sectionCount(l.pageSections[b.dir], sec)}.pages(pg), l.c.HugoUglyList(sec), true)
		}
	}
}

// sectionCount is the count secs has for sec, or for the section whose
// name sec is in lower case (sortedSections).
func sectionCount(secs map[string]int, sec string) int {
	if n, ok := secs[sec]; ok {
		return n
	}
	for s, n := range secs {
		if strings.ToLower(s) == sec {
			return n
		}
	}
	return 0
}
