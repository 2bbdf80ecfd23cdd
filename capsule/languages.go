package capsule

import (
	"slices"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/work"
	"capsule/capsule/messages"
	"capsule/gemtext"
	"capsule/gopher"
)

// A multilingual site (content.Content.Languages) is a capsule per
// language within the site: each language has its home, post list, tags,
// archive, feed and search under its folder ("/fr/", the default
// language's at the root unless the site puts it in a folder too), in its
// title and its messages, and its posts' neighbours are of its language.
// A language's search ("/fr/search") finds its posts only, the default
// language's at the root ("/search") too; when every language is in its
// folder, the root's search is the whole site's. (A jekyll-polyglot
// language's lists, neighbours and search have the posts copied into it
// from other languages too: see listCopies.)

// LanguageCount is what one language of a multilingual site has.
type LanguageCount struct {
	Lang  string // its language tag
	Home  string // its home: "/", "/fr/"
	Posts int
	Pages int
	Tags  int
}

// entryOwner is where an entry of the whole site is among its language's
// entries: the blog that renders it, and its index there.
type entryOwner struct {
	b *blog
	j int
}

// languageBlogs splits a multilingual site's posts, pages and unlisted
// ones by language, a blog each, in the languages' order; posts, pages
// and unlisted are the whole site's again, in that order (each list
// grouped by language), and owners says where each entry of their
// concatenation is. A site of one language is one blog, b, built on
// posts, pages and unlisted as they are.
func languageBlogs(site *Site, langs []content.Language, posts, pages, unlisted []*content.Post) (b *blog, blogs []*blog, owners []entryOwner, allPosts, allPages, allUnlisted []*content.Post) {
	if len(langs) == 0 {
		b = newBlog(site, posts, pages, unlisted)
		b.homeText = homeOf(unlisted)
		owners = make([]entryOwner, len(posts)+len(pages)+len(unlisted))
		for i := range owners {
			owners[i] = entryOwner{b, i}
		}
		return b, []*blog{b}, owners, posts, pages, unlisted
	}
	of := func(list []*content.Post, dir string) []*content.Post {
		var out []*content.Post
		for _, p := range list {
			if p.LangDir == dir {
				out = append(out, p)
			}
		}
		return out
	}
	for _, l := range langs {
		ls := *site
		ls.Lang = l.Tag
		if m := messages.For(l.Tag); m != messages.For(site.Lang) {
			// Another table (zh-TW beside zh-CN is one): the
			// overrides are the site's language's.
			ls.Messages = m
		}
		if l.Title != "" {
			ls.Title = l.Title
		}
		if l.Description != "" {
			ls.Description = l.Description
		}
		lb := newBlog(&ls, of(posts, l.Dir), of(pages, l.Dir), of(unlisted, l.Dir))
		lb.homeText = homeOf(lb.unlisted)
		lb.dir, lb.langName = l.Dir, l.Name
		for _, o := range langs {
			if o.Code != l.Code {
				lb.others = append(lb.others, o)
			}
		}
		blogs = append(blogs, lb)
		allPosts = append(allPosts, lb.posts...)
		allPages = append(allPages, lb.pages...)
		allUnlisted = append(allUnlisted, lb.unlisted...)
	}
	b = newBlog(site, allPosts, allPages, allUnlisted)
	for _, lb := range blogs {
		lb.parts = b.parts // one map: each post is in one language's lists
	}
	for phase := range 3 {
		for _, lb := range blogs {
			start, n := 0, len(lb.posts)
			switch phase {
			case 1:
				start, n = len(lb.posts), len(lb.pages)
			case 2:
				start, n = len(lb.posts)+len(lb.pages), len(lb.unlisted)
			}
			for j := range n {
				owners = append(owners, entryOwner{lb, start + j})
			}
		}
	}
	return b, blogs, owners, allPosts, allPages, allUnlisted
}

// linkCopies gives each language's blog (blogs, in the order of langs,
// as languageBlogs makes them) the pages polyglot copies into it
// (copies, by language code), each where it is rendered (owners, of
// languageBlogs' entries): its home links them, as the web site's menu
// does in every language.
func linkCopies(langs []content.Language, blogs []*blog, owners []entryOwner, copies map[string][]*content.Post) {
	if len(copies) == 0 || len(blogs) != len(langs) {
		return
	}
	at := make(map[*content.Post]entryOwner)
	for _, o := range owners {
		if o.b.isPage(o.j) {
			at[o.b.entry(o.j)] = o
		}
	}
	for i, l := range langs {
		for _, p := range copies[l.Code] {
			if o, ok := at[p]; ok && o.b != blogs[i] {
				blogs[i].copied = append(blogs[i].copied, o)
			}
		}
	}
}

// listCopies gives each language's blog (blogs, in the order of langs)
// the posts jekyll-polyglot copies into it (copies, by language code:
// content.Content.PolyglotCopies of the posts), as its build's
// site.posts has them: its home, archive, tags and feeds list them
// among its own, in the order of posts (the site's, newest first),
// where each stays rendered by its own language's blog; its posts'
// neighbours (blog.neighbours) and its search (newSearches) are among
// them too, as the language's page.previous, page.next and a theme's
// search index of site.posts are. As many as the copies, which
// PolyglotCopies bounds.
func listCopies(langs []content.Language, blogs []*blog, posts []*content.Post, copies map[string][]*content.Post) {
	if len(copies) == 0 || len(blogs) != len(langs) {
		return
	}
	for i, l := range langs {
		if len(copies[l.Code]) == 0 {
			continue
		}
		copied := make(map[*content.Post]bool, len(copies[l.Code]))
		for _, p := range copies[l.Code] {
			copied[p] = true
		}
		lb := blogs[i]
		lb.listed = make([]*content.Post, 0, len(lb.posts)+len(copied))
		lb.listedAt = make([]int, 0, len(lb.posts))
		for _, p := range posts {
			if p.LangDir == lb.dir {
				lb.listedAt = append(lb.listedAt, len(lb.listed)) // lb.posts are in this order too
			}
			if p.LangDir == lb.dir || copied[p] {
				lb.listed = append(lb.listed, p)
			}
		}
		lb.group(lb.listed)
	}
}

// homeOf is the home page's text among a blog's unlisted pages, or nil.
func homeOf(unlisted []*content.Post) *content.Post {
	for _, p := range unlisted {
		if p.Home {
			return p
		}
	}
	return nil
}

// languagesGemtext is the root of a site whose every language is in its
// folder: a link to each language's home.
func languagesGemtext(site *Site, blogs []*blog) []byte {
	var pg gemtext.Page
	pg.Heading(1, site.Title)
	pg.Blank()
	for _, lb := range blogs {
		pg.Link(lb.dir+"/", languageLabel(lb))
	}
	return pg.Bytes()
}

// languagesMenu is languagesGemtext's gopher menu.
func languagesMenu(site *Site, blogs []*blog) []byte {
	m := gopher.NewMenu(site.Hostname, site.GopherPort)
	m.Info(site.Title)
	m.Info("")
	for _, lb := range blogs {
		m.Item(gopher.TypeMenu, languageLabel(lb), lb.dir+"/")
	}
	return m.Bytes()
}

// languageLabel is a language's home in a list of languages: its title
// and its language's name, which a reader picks by ("サイト (日本語)").
func languageLabel(lb *blog) string { return lb.site.Title + " (" + lb.langName + ")" }

// serveLanguageRoot answers a language's home without its trailing slash
// too ("/fr"), on both protocols.
func (st *Store) serveLanguageRoot(lb *blog) {
	if lb.dir == "" {
		return
	}
	st.gemini[lb.dir] = gemini.NewResponse(gemini.StatusPermanentRedirect, lb.site.GeminiURL(lb.dir+"/"), nil)
	st.gopher[lb.dir] = st.gopher[lb.dir+"/"]
}

// indexPages puts b's home, tags, archive and feed into st, under b's
// folder; prevTags are the tag pages of the Store being served, and prev
// its pages of b, taken when their posts' pieces are the same.
func (b *blog) indexPages(st *Store, feed feedParts, prevTags map[string]*tagPages, prev *blogPages, prevAtoms map[string][]byte) {
	site, lang, d := b.site, b.site.Lang, b.dir
	// What is not kept is made on every core: the pages are independent
	// of each other, and each one of a large blog (its feed, its home,
	// its archive) is long to make.
	var jobs []func()
	feedPosts := b.feedPosts()
	lists, entries := b.pieces(b.list(), feed)
	// The hidden posts the archive or a tag lists: their lines too.
	lists = append(lists, b.linePieces(b.hidden)...)
	if !slices.Equal(feedPosts, b.list()) { // Hugo's NotFeed left out, hexo-hide-posts' InFeed put in
		entries = b.entryPieces(feedPosts, feed)
	}
	all := &blogPages{lists: lists, entries: entries, others: b.othersKey()}
	if prev != nil && prev.others == all.others && samePieces(prev.lists, all.lists) {
		all.home, all.tags, all.tagsMenu, all.archive, all.archiveMenu, all.root = prev.home, prev.tags, prev.tagsMenu, prev.archive, prev.archiveMenu, prev.root
		all.keep = prev.keep
	} else {
		jobs = append(jobs,
			func() { all.home = b.homeGemtext() },
			func() { all.tags, all.tagsMenu = geminiPage(lang, b.tagsGemtext()), b.tagsMenu() },
			func() { all.archive = b.archiveGemtext() },
			func() { all.archiveMenu = b.archiveMenu() },
			func() { all.root = b.rootMenu() })
	}
	var prevRuns []feedRun
	var prevEntries []piece
	if prev != nil {
		prevRuns, prevEntries = prev.runs, prev.entries
	}
	if prev != nil && prev.feed != nil && samePieces(prev.entries, all.entries) && runsFit(prev.runs, len(feedPosts), feed) {
		all.feed, all.runs = prev.feed, prev.runs
	} else {
		jobs = append(jobs, func() {
			all.feed, all.runs = b.atomXML(site.Title, d+atomPath, d+"/", feedPosts, feed, all.entries, prevRuns, prevEntries)
		})
	}
	tags := make([]*tagPages, len(b.tags))
	keys := make([]string, len(b.tags))
	for i, g := range b.tags {
		key := tagPagesKey(d, g.Name)
		keys[i] = key
		tagFeed := g.feedPosts()
		lists, entries := b.pieces(g.Posts, feed)
		if len(tagFeed) != len(g.Posts) {
			entries = b.entryPieces(tagFeed, feed)
		}
		pages := &tagPages{lists: lists, entries: entries}
		tags[i] = pages
		old := prevTags[key]
		if old != nil && samePieces(old.lists, lists) {
			pages.gemini, pages.gopher, pages.keep = old.gemini, old.gopher, old.keep
		} else {
			jobs = append(jobs,
				func() { pages.gemini = b.tagGemtext(g) },
				func() { pages.gopher = b.tagMenu(g) })
		}
		if old != nil && old.feed != nil && samePieces(old.entries, entries) && runsFit(old.runs, len(tagFeed), feed) {
			pages.feed, pages.runs = old.feed, old.runs
		} else {
			var oldRuns []feedRun
			var oldEntries []piece
			if old != nil {
				oldRuns, oldEntries = old.runs, old.entries
			}
			jobs = append(jobs, func() {
				pages.feed, pages.runs = b.atomXML(site.Title+" #"+g.Name, tagFeedLink(d, g.Name), tagGeminiLink(d, g.Name), tagFeed, feed, entries, oldRuns, oldEntries)
			})
		}
	}
	work.ForEach(len(jobs), func(i int) { jobs[i]() })
	b.holdFeedEntries(st, all, tags, feed, prevRuns, prevAtoms)
	st.blogPages[d] = all
	st.gemini[d+"/"] = all.home
	st.gemini[d+tagsPath] = all.tags
	st.gopher[d+tagsPath] = all.tagsMenu
	st.gemini[d+archivePath] = all.archive
	st.gopher[d+archiveSel] = all.archiveMenu
	st.gemini[d+atomPath] = all.feed
	st.gopher[d+"/"] = all.root
	for i, g := range b.tags {
		pages := tags[i]
		st.tagPages[keys[i]] = pages
		st.gemini[tagGeminiPath(d, g.Name)] = pages.gemini
		st.gopher[tagSelector(d, g.Name)] = pages.gopher
		st.gemini[tagFeedPath(d, g.Name)] = pages.feed
	}
}

// tagPagesKey is where Store.tagPages holds the pages of the tag name of
// the blog of folder dir.
func tagPagesKey(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "\x00" + name
}

// serveDefaultLanguageHome answers the address at which a multilingual
// Hugo site writes a redirect to its top, its default language's folder
// when that language is at the top (content.DefaultLanguageHome:
// yzwbeast's /zh/), in the forms a reader gives it (with and without
// the trailing slash, with index.html): on Gemini a redirect to the
// home, on Gopher the home's menu, as Hugo leads there. Last, after
// everything else: an address that a page or a file has keeps it.
func (st *Store) serveDefaultLanguageHome(c *content.Content) {
	addr := c.DefaultLanguageHome()
	if addr == "" {
		return
	}
	st.serveGeneratorAddress(addr, "/", "/", make(map[string]*gemini.Response, 1))
}
