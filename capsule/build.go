package capsule

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"capsule/gemtext"
	"capsule/gopher"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/capsule/internal/work"
	"capsule/capsule/messages"
	"capsule/capsule/search"
)

// dateLayout is how dates appear everywhere: in gemfeed lines, phlog menus
// and post headers.
const dateLayout = "2006-01-02"

// BuildOptions adjusts a Build.
type BuildOptions struct {
	// PostBudget is how long one post may take to render; a post over it
	// fails the build. 0 means DefaultPostBudget.
	PostBudget time.Duration
	// Slow, when set, is told of a post still rendering after the budget,
	// while it is, so that a slow build says what it is waiting for.
	Slow func(file string, elapsed time.Duration)
	// Previous, when set, is the Store being served, built from an
	// earlier state of the same folder: posts whose rendering cannot have
	// changed are taken from it (see renderCache).
	Previous *Store
	// PreviousContent, when set with Previous, is the Content Previous
	// was built from (after its Forget, as the daemon keeps it). When the
	// content is the same (content.Same), the site too, and Previous was
	// built in one pass, nothing is built: Previous is what a build would
	// give, and Build returns it again (Rendered 0). A reload that finds
	// nothing changed costs its Load.
	PreviousContent *content.Content
}

// Build renders every post of c and every index page into a new Store.
// Posts are rendered on all cores; the Store is complete before it is
// returned and is never modified afterwards. It keeps no AST: only bytes
// and what search results need.
//
// A post, page or draft that cannot be built (over its time budget, an
// address another already answers) is left out and named in
// Store.Problems, with c's own problems, and the rest is built without
// it: one bad post never takes the blog down. On a reload
// (opts.Previous), it keeps the version served until then.
//
// When ctx ends, the posts not yet started are left and Build returns
// ctx's error; a post being rendered cannot be interrupted, which is why
// each has a time budget.
func Build(ctx context.Context, site *Site, c *content.Content, opts BuildOptions) (*Store, error) {
	start := time.Now()
	siteDefaults(site)
	if prev := opts.Previous; prev != nil && !prev.retried && prev.sameSettings(site, c) && content.Same(opts.PreviousContent, c) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st := *prev // what it holds is never changed: shared
		st.Rendered, st.Retitled, st.Rewrapped, st.BuildTime, st.Kept = 0, 0, 0, time.Since(start), true
		return &st, nil
	}
	problems := slices.Clone(c.Problems)
	renders := opts.Previous
	kept := make(map[string]bool) // files whose last good version was taken
	for pass := 0; ; pass++ {
		st, failed, err := build(ctx, site, c, opts, renders)
		if err != nil {
			return nil, err
		}
		if len(failed) == 0 {
			st.Problems = append(problems, st.Problems...)
			content.SortFileErrors(st.Problems)
			st.BuildTime = time.Since(start)
			// A post that failed (over its budget) may not fail again:
			// the next reload builds, whatever changed.
			st.retried = pass > 0
			return st, nil
		}
		// Again without what failed (each pass leaves out or takes back
		// at least one more file: the loop ends), taking what this pass
		// rendered.
		instead := make(map[string]*content.Post, len(failed))
		for _, e := range failed {
			old := opts.Previous.lastGood(e.File)
			if old != nil && !kept[e.File] {
				kept[e.File] = true
				still := *e // a copy, Words and all
				still.Msg += content.StillServedNote
				e = &still
			} else {
				old = nil
			}
			if _, dup := instead[e.File]; !dup || old != nil {
				instead[e.File] = old
			}
			problems = append(problems, e)
		}
		c = c.Instead(instead)
		renders = st
	}
}

// build is one pass of Build (which gave site its defaults), taking
// unchanged renders from renders' records (opts.Previous's, or an
// earlier pass's). It returns the Store and, when a post, page or draft
// failed, what failed: the Store is then
// incomplete, and only its render records are of use.
func build(ctx context.Context, site *Site, c *content.Content, opts BuildOptions, renders *Store) (*Store, []*content.FileError, error) {
	// A theme's layout page with no text (search.md) is left out: the
	// capsule's own page serves it.
	// A page that redirects (redirect_to) has no page of its own
	// either: its addresses lead to its target (redirectpages.go).
	lists, redirecting := redirectPages(c.Posts, c.Pages, c.Unlisted)
	lists, stubs, stubWarns := layoutStubs(lists...)
	// A multilingual site is a blog per language (languages.go); owners
	// says which renders each entry.
	b, blogs, owners, posts, pages, unlisted := languageBlogs(site, c.Languages, lists[0], lists[1], lists[2])
	linkCopies(c.Languages, blogs, owners, c.PolyglotCopies(lists[1]))
	listCopies(c.Languages, blogs, lists[0], c.PolyglotCopies(lists[0]))
	entries := slices.Concat(posts, pages, unlisted)
	st := &Store{
		Site:   *site,
		gemini: make(map[string]*gemini.Response, len(posts)+len(b.tags)+8),
		gopher: make(map[string][]byte, 3*len(posts)+len(b.tags)+8),
		Posts:  len(posts),
		Tags:   len(b.tags),
	}
	st.Warnings = append(st.Warnings, c.Warnings...)
	if len(c.Languages) > 0 {
		st.Tags = 0
		for _, lb := range blogs {
			st.Languages = append(st.Languages, LanguageCount{Lang: lb.site.Lang, Home: lb.dir + "/", Posts: len(lb.posts), Pages: len(lb.pages), Tags: len(lb.tags)})
			st.Tags += len(lb.tags)
		}
	}
	st.Warnings = append(st.Warnings, stubWarns...)

	links := newPostLinks(site, entries, stubs, c)
	links.setTags(blogs)
	links.setRedirects(redirecting)
	gopherPost := links.gopherURL
	gopherFile := func(f string) string { return site.GopherURL(fileItemType(f), "/"+f) }

	var cache, draftCache renderCache
	retitled := false  // cache's posts may have another title of the site: retitle what is taken
	rewrapped := false // cache's posts have another Gopher width: rewrap what is taken
	var nRetitled, nRewrapped atomic.Int64
	if prev := renders; prev != nil && prev.sameSettings(site, c) {
		cache, draftCache = prev.renders, prev.draftRenders
	} else if prev != nil && prev.sameBodySettings(site, c) {
		cache, retitled = prev.renders, true // drafts are few: rendered anew
	} else if prev != nil && prev.sameBodiesButTexts(site, c) {
		cache, retitled, rewrapped = prev.renders, true, true
	}
	out := make([]renderedEntry, len(entries))
	traces := make([]linkTrace, len(entries))
	reused := make([]*renderRecord, len(entries))
	// Drafts and scheduled posts, for their author's eyes, are rendered
	// as posts are: on every core, within the budget, taken from the
	// previous Store when unchanged.
	drafts := slices.Concat(c.Drafts, c.Scheduled, c.Expired)
	expired := make(map[*content.Post]bool, len(c.Expired))
	for _, p := range c.Expired {
		expired[p] = true
	}
	scheduled := make(map[*content.Post]bool, len(c.Scheduled))
	for _, p := range c.Scheduled {
		scheduled[p] = true
	}
	// A draft's byline: expired and scheduled posts are told from drafts,
	// a scheduled one with the minute it publishes, in the blog's zone.
	mark := func(p *content.Post) string {
		switch {
		case expired[p]:
			return site.Messages.ExpiredMark
		case scheduled[p]:
			return messages.Format(site.Messages.ScheduledMark, "time", publishesAt(p.PublishTime(), c.Location))
		case p.DraftSection != "":
			return messages.Format(site.Messages.DraftSectionMark, "section", p.DraftSection)
		}
		return site.Messages.DraftMark
	}
	draftOut := make([]renderedEntry, len(drafts))
	draftTraces := make([]linkTrace, len(drafts))
	draftReused := make([]*renderRecord, len(drafts))
	md := newDialects(c.Markup) // goldmark's parser is safe for concurrent use
	// Each post's responses are packed into arenas as it is rendered
	// (arena.go), after what the previous Store filled.
	var prevPacker *packer
	if renders != nil {
		prevPacker = renders.packer
	}
	pk := newPacker(prevPacker)
	if rewrapped {
		// Every text is made anew: none into the free room of the
		// previous texts' last arena, which then dies whole with them
		// (and would otherwise fall under half live, and be repacked).
		pk.curText = nil
	}
	watch := newPostWatch(opts.PostBudget, opts.Slow)
	work.ForEach(len(entries)+len(drafts), func(i int) {
		if ctx.Err() != nil {
			return
		}
		if i >= len(entries) {
			i -= len(entries)
			p := drafts[i]
			if r := draftCache.lookup(p, nil, nil, links); r != nil && r.mark == mark(p) {
				draftReused[i], draftOut[i] = r, r.renderedEntry
				return
			}
			draftOut[i] = watch.render(p, func() renderedEntry {
				return pk.pack(b.renderDraft(p, mark(p), md.of(p), links.rewriter(p, links.geminiLink, fileLink, geminiTag, true), &draftTraces[i]))
			})
			c.ForgetPost(p) // rendered: its Markdown is not held to the build's end
			return
		}
		p := entries[i]
		lb, j := owners[i].b, owners[i].j
		older, newer := lb.neighbours(j)
		if r := cache.lookup(p, older, newer, links); r != nil {
			if retitled {
				if r.disk != nil {
					r = r.fromDisk(p)
				}
				e, same := pk.retitle(r, lb, j)
				if !same {
					nRetitled.Add(1)
				}
				if rewrapped {
					if e = pk.rewrap(e, lb, j, p, md.of(p), links.rewriter(p, gopherPost, gopherFile, links.gopherTag, false), watch); e.err != nil {
						out[i] = e
						return
					}
					c.ForgetPost(p)
					nRewrapped.Add(1)
					same = false
				}
				if !same {
					made := *r // r is the previous Store's: never changed
					made.renderedEntry = e
					r = &made
				}
			}
			reused[i], out[i] = r, r.renderedEntry
			if (i < len(posts) || p.AlsoIn&content.InFeed != 0) && out[i].atom == nil {
				// Its feed entry is held by the Store the record is
				// from (not by the record: Store.atoms); made again
				// when that Store has none (a failed pass's).
				if out[i].atom = renders.atoms[p.File]; out[i].atom == nil {
					out[i].atom = lb.atomEntry(p, out[i].summary, nil)
				}
			}
			if p.AlsoIn != 0 && out[i].lines.gemini == nil {
				out[i].lines = lb.listLines(p) // a hidden post some list has, rendered when none did
			}
			if lb.isPage(j) {
				lb.pageLinks[j-len(lb.posts)] = r.hasLinks
			}
			return
		}
		out[i] = watch.render(p, func() renderedEntry {
			scratch := scratchPool.Get().(*renderScratch)
			defer scratchPool.Put(scratch) // once packed (copied), below
			trace := &traces[i]
			// The one parse of the post; its AST is dropped when this returns.
			var lowering content.Warnings
			doc := parsePost(md.of(p), p, &lowering, lb.site)
			gmi, searchable, tailAt, err := lb.postGemtext(j, scratch, func(w io.Writer) error {
				return gemtext.Render(w, doc.Source, doc.Root, gemtext.Options{Link: trace.wrap(links.rewriter(p, links.geminiLink, fileLink, geminiTag, false))})
			})
			if err != nil {
				return renderedEntry{err: err}
			}
			txt, menu, homeAt := lb.postGopher(j, doc, scratch, trace.wrap(links.rewriter(p, gopherPost, gopherFile, links.gopherTag, false)))
			e := renderedEntry{
				gmi: gmi, txt: txt, menu: menu, searchable: searchable, tailAt: tailAt, homeAt: homeAt,
				summary: summary(p, doc), warns: append(lowering.List(), links.check(p, doc, trace.add)...),
			}
			if i < len(posts) {
				e.atom = lb.atomEntry(p, e.summary, nil)
				e.lines = lb.listLines(p)
			} else if p.AlsoIn != 0 {
				e.lines = lb.listLines(p) // a hidden post the archive, a tag, the home or the feed lists
				if p.AlsoIn&content.InFeed != 0 {
					e.atom = lb.atomEntry(p, e.summary, nil)
				}
			} else if lb.isPage(j) {
				e.hasLinks = lb.pageLinks[j-len(lb.posts)]
			}
			return pk.pack(e)
		})
		// Rendered: its Markdown is not held to the build's end (what a
		// start holds at its peak is then the responses made so far and
		// the Markdown not yet rendered, not both whole).
		c.ForgetPost(p)
	})
	watch.stop()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	// Posts taken from the previous Store in arenas now under half live
	// move to fresh space (the repack rule: arena.go).
	pk.repack([][]renderedEntry{out, draftOut}, [][]*renderRecord{reused, draftReused})
	var errs content.ErrorList
	routes := newRoutes(site, len(entries))
	routes.bareHTML = c.BareHTML()
	for _, lb := range blogs {
		if lb.dir != "" { // a language's search, in its folder
			routes.gemini[lb.searchPath()] = builtinSearch
			routes.gopher[lb.searchPath()] = builtinSearch
		}
	}
	docs := make([]search.Doc, len(posts))
	feed := feedParts{text: site.FeedContent}
	served := make([]*content.Post, 0, len(entries)) // whose old addresses are answered, last (see oldaddresses.go)
	for i, p := range entries {
		if out[i].err != nil {
			errs = append(errs, &content.FileError{File: p.File, Msg: out[i].err.Error()})
			continue
		}
		if out[i].at.gemini == "" {
			out[i].at = addressesOf(p)
		}
		at, ok := routes.postAt(p, out[i].at)
		if !ok {
			continue
		}
		served = append(served, p)
		st.gemini[at.gemini] = out[i].gmi
		st.gopher[at.gopher] = out[i].txt
		// The post's menu answers with and without its trailing slash.
		st.gopher[at.menu] = out[i].menu
		st.gopher[strings.TrimSuffix(at.menu, "/")] = out[i].menu
		st.Warnings = append(st.Warnings, out[i].warns...)
		if i < len(posts) {
			if !p.NotSearch { // one a Hugo theme leaves out of its search stays a zero Doc, which matches nothing
				docs[i] = search.Doc{Title: p.Title, Body: out[i].searchable}
			}
			b.parts[p] = &out[i]
		} else if p.AlsoIn != 0 {
			b.parts[p] = &out[i] // its lines, in the lists that have it
		}
	}
	st.Retitled, st.Rewrapped = int(nRetitled.Load()), int(nRewrapped.Load())
	st.renders = make(renderCache, len(entries))
	st.markup, st.languages = c.Markup, c.Languages
	st.packer = pk
	for i, p := range entries {
		older, newer := owners[i].b.neighbours(owners[i].j)
		st.Rendered += st.renders.keep(p, older, newer, out[i], reused[i], traces[i].answers(links, p))
	}
	st.draftRenders = make(renderCache, len(drafts))
	for i, p := range drafts {
		if draftOut[i].err != nil {
			errs = append(errs, &content.FileError{File: p.File, Msg: draftOut[i].err.Error()})
		}
		if st.draftRenders.keep(p, nil, nil, draftOut[i], draftReused[i], draftTraces[i].answers(links, p)) > 0 {
			st.Rendered++
			st.draftRenders[p.File].mark = mark(p)
		}
	}
	out, traces, reused, draftTraces, draftReused = nil, nil, nil, nil, nil
	routes.scheduled(c.Scheduled, blogs)
	if errs = append(errs, routes.errs...); len(errs) > 0 {
		return st, errs, nil
	}
	// A tag's address no client can ask for (over a request's length) is
	// a problem of the tag, not of its posts: its pages are not reached.
	for _, lb := range blogs {
		for _, g := range lb.tags {
			routes.tag(lb.dir, g.Name, g.Posts[0].File)
		}
	}
	st.Problems = routes.errs

	var prevTags map[string]*tagPages
	var prevBlogs map[string]*blogPages
	var prevAtoms map[string][]byte
	if prev := opts.Previous; prev != nil && prev.sameSettings(site, c) {
		prevTags, prevBlogs, prevAtoms = prev.tagPages, prev.blogPages, prev.atoms
	}
	st.atoms = make(map[string][]byte, len(posts))
	st.tagPages = make(map[string]*tagPages, len(b.tags))
	st.blogPages = make(map[string]*blogPages, len(blogs))
	for _, lb := range blogs {
		if lb.homeText != nil && st.renders[lb.homeText.File] != nil {
			lb.homeBody = st.renders[lb.homeText.File].searchable // its gemtext body, as its own page holds it
		}
		lb.indexPages(st, feed, prevTags, prevBlogs[lb.dir], prevAtoms)
	}
	// A jekyll-polyglot language's feeds list the posts copied from
	// other languages, whose entries their own blogs hold (maybe after
	// it made its pieces): their pieces are made again of those bytes.
	for _, lb := range blogs {
		if lb.listed == nil {
			continue
		}
		tags := make([]*tagPages, len(lb.tags))
		for i, g := range lb.tags {
			tags[i] = st.tagPages[tagPagesKey(lb.dir, g.Name)]
		}
		lb.entriesHeld(st.blogPages[lb.dir], tags, feed)
	}
	// The records keep no feed entry: st.atoms has them, in the feeds.
	// A record with one is this build's (rendered, or a cache's): those
	// of a Store served never have one, and are never written here.
	for _, r := range st.renders {
		if r.atom != nil {
			r.atom = nil
		}
	}
	b.parts = nil // the Store keeps b (its search): not what it was built of
	for _, lb := range blogs {
		lb.parts = nil
	}
	st.gemini[robotsPath] = gemini.NewResponse(gemini.StatusSuccess, robotsMediaType, robotsTxt(blogs))
	// The site's own answers (not found, the drafts' certificate, slow
	// down) speak the language served at the root: in a multilingual
	// site it may not be the configured one (a Hugo site whose default
	// language's folder is not the root).
	rootBlog := b
	if i := slices.IndexFunc(blogs, func(lb *blog) bool { return lb.dir == "" }); i >= 0 {
		rootBlog = blogs[i]
	}
	msg := rootBlog.site.Messages
	if msg != site.Messages {
		// The operator's [messages] are written for the site's
		// language: what they replace is replaced at the root too.
		msg, _ = msg.Override(site.Messages.Changed(messages.For(site.Lang)))
	}
	st.messages = msg
	st.geminiWrongHost = gemini.NewResponse(gemini.StatusProxyRequestRefused, messages.Format(msg.WrongHost, "url", site.GeminiURL("/")), nil)
	st.geminiNotFound = gemini.NewResponse(gemini.StatusNotFound, msg.NotFound, nil)

	if !slices.ContainsFunc(blogs, func(lb *blog) bool { return lb.dir == "" }) {
		// Every language in its folder: the root leads to them.
		st.gemini["/"] = geminiPage(site.Lang, languagesGemtext(site, blogs))
		st.gopher["/"] = languagesMenu(site, blogs)
	}
	for _, lb := range blogs {
		st.serveLanguageRoot(lb)
	}
	root := st.gopher["/"]
	st.gopherPlusRoot = gopher.PlusRootResponse(site.Title, site.Hostname, site.GopherPort, len(root))
	st.gopher[capsSel] = gopher.Caps{Software: "capsule", Version: Version, Description: site.Title}.Bytes()
	// Scheduled and expired posts wait with the drafts, for their
	// author's eyes, and so do their page bundles' files.
	if site.Titan {
		st.sources = sourcesOf(c)
	}
	st.drafts = b.draftPages(drafts, draftOut, st.sources, func(p *content.Post) string {
		if expired[p] || scheduled[p] {
			return mark(p)
		}
		return "" // a draft, as all the index's are
	})
	st.Drafts = len(c.Drafts)
	for _, p := range c.Scheduled {
		st.Scheduled = append(st.Scheduled, ScheduledPost{File: p.File, Title: p.Title, At: p.PublishTime()})
	}
	st.nextChange = c.NextChange
	for _, f := range c.DraftFiles {
		if n := len(site.GeminiLinkURL(draftFileLink(f.Path))); n > geminiRequestLimit {
			st.Warnings = append(st.Warnings, &content.FileError{File: f.Path, Msg: fmt.Sprintf("its Gemini URL among the drafts would be %d bytes, over the %d a request may have: not served", n, geminiRequestLimit), Kind: kindAddressTooLong})
			continue
		}
		st.drafts[draftFilePath(f.Path)] = gemini.NewSharedResponse(gemini.StatusSuccess, fileMediaType(f.Path), f.Data)
	}
	st.draftsCertRequired = gemini.NewResponse(gemini.StatusCertificateRequired, msg.AuthorCertificate, nil)
	st.draftsNotAuthorized = gemini.NewResponse(gemini.StatusCertificateNotAuthorized, msg.NotAuthor, nil)
	st.draftsRedirect = gemini.NewResponse(gemini.StatusPermanentRedirect, site.GeminiURL(draftsPath), nil)
	st.gopherNotFound = rootBlog.errorMenu(msg.NotFound)
	st.redirectWords = gopher.RedirectWords{Lang: site.Lang, Leaves: msg.LeavesGopher, Refused: msg.NotRedirected,
		Title: msg.RedirectTitle, RefusedTitle: msg.RefusedTitle}
	st.langNotFound = languagesNotFound(blogs, msg.NotFound)
	st.gopherSlowDown = rootBlog.errorMenu(msg.SlowDown)

	if site.Favicon != "" {
		st.gemini[faviconPath] = gemini.NewResponse(gemini.StatusSuccess, "text/plain; charset=utf-8", []byte(site.Favicon+"\n"))
	}
	// Files last: a file whose path a page already has is not served.
	for _, f := range c.Files {
		if w := routes.file(f); w != nil {
			st.Warnings = append(st.Warnings, w)
			continue
		}
		key := "/" + f.Path
		// Both protocols serve the bytes the load read: one copy in
		// memory, kept by a reload that keeps the file.
		st.gemini[key] = gemini.NewSharedResponse(gemini.StatusSuccess, fileMediaType(f.Path), f.Data)
		st.gopher[key] = f.Data[:len(f.Data):len(f.Data)]
	}
	// Old addresses last: one that a page, a tag, a file or capsule
	// itself answers is theirs.
	// Searches before old addresses: a theme's search stub leads to its
	// language's.
	st.results = b.withoutContent(st.renders)
	st.searches = st.newSearches(b, blogs)
	routes.languagePages(blogs, st)
	st.serveOldAddresses(routes, served, c.Scheduled, stubs)
	pendingRedirects := st.claimRedirectPages(routes, redirecting)
	st.Warnings = append(st.Warnings, routes.warns...)
	st.serveFolderIndexes(c.Files)
	st.serveHexoAssets(c.HexoAssetAddresses())
	st.servePostsFolders(blogs, links)
	st.serveDefaultLanguageHome(c)
	st.serveHomeIndexes(c, blogs)
	st.serveJekyllPaginator(c, blogs)
	for _, lb := range blogs {
		// Last: what anything else answers is its.
		st.serveGeneratorTerms(c, lb, blogs) // Hexo's, jekyll-archives', Eleventy's list templates
		st.serveTermPages(c, lb)             // Hugo's and Zola's
	}
	st.serveHugoPagers(c, blogs, links)            // after the terms' pages: they lead where those do
	st.serveRedirectPages(links, pendingRedirects) // last: they lead to what the others answer

	var prevSearch *search.Index
	if opts.Previous != nil {
		prevSearch = opts.Previous.search
	}
	st.search = search.Update(prevSearch, docs)

	content.SortFileErrors(st.Warnings)
	slices.SortFunc(st.OldAddresses, func(a, b Redirect) int { return strings.Compare(a.From, b.From) })
	st.Held = st.held()
	return st, nil, nil
}

// siteDefaults fills in what site leaves to the defaults.
func siteDefaults(site *Site) {
	if site.GopherWidth <= 0 {
		site.GopherWidth = gopher.DefaultTextWidth
	}
	if site.Messages == (messages.Messages{}) {
		site.Messages = messages.For(site.Lang)
	}
}

// withoutContent is b with its posts as their render records keep them
// (see renderRecord): what result pages show, without the rest of b,
// which holds the content loaded.
func (b *blog) withoutContent(renders renderCache) *blog {
	posts := make([]*content.Post, len(b.posts))
	for i, p := range b.posts {
		posts[i] = renders[p.File].post
	}
	return &blog{site: b.site, posts: posts}
}

// postByline is the date and tags of a post, as its pages show them.
func postByline(p *content.Post) string {
	s := postDate(p)
	if len(p.Tags) > 0 {
		if s != "" {
			s += " · "
		}
		s += strings.Join(p.Tags, ", ")
	}
	return s
}

// postDate is a post's date as shown, empty for a page without one.
func postDate(p *content.Post) string {
	if !p.HasDate {
		return ""
	}
	return p.Date.Format(dateLayout)
}

// publishesAt is the minute a scheduled post publishes, as its author
// reads it: in the blog's zone if one is set (the operator's or the
// generator's), else in the zone its date was written in ("+09:00" as
// written, not the UTC it was a blog of no zone's).
func publishesAt(t time.Time, blog *time.Location) string {
	if blog != nil {
		t = t.In(blog)
	}
	if name, _ := t.Zone(); name == "" || name[0] == '+' || name[0] == '-' {
		// An offset with no name (time.FixedZone's, or a zone database
		// entry's "+09"): as an author writes it.
		return t.Format("2006-01-02 15:04 -07:00")
	}
	return t.Format("2006-01-02 15:04 MST")
}
