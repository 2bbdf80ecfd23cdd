package capsule

import (
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"capsule/capsule/content"
	"capsule/capsule/markup"
	"capsule/gopher"

	"github.com/yuin/goldmark/ast"
)

// postLinks finds which link destinations name another post, a page or a
// file beside the posts. Authors write links to posts by their path in
// the posts folder, relative to the post or from its top
// (`2017-05-03-hello-again.md`, `../beta/index.md`, `/posts/beta/`; see
// content.Index), or as the capsule shows them (`/posts/hello-again`,
// `/posts/hello-again.gmi`), and links to files by their path
// (`images/aikido.jpg`, `cover.jpg` beside a bundle's index.md). A link
// to a post or file that is not published (a draft, a scheduled or
// expired post, one without a page, a file of their bundles) is no link
// at all: its text is kept, and the link check warns.
//
// Links written as the blog's generator made them lead to the post too:
// its address on the web ("/posts/hello/", "/2014/09/02/hello.html"; see
// content.Index), and absolute links to the blog's own web address
// (content.Content.BaseURL: "https://example.org/posts/hello/"), which
// lead to the capsule's page or file when there is one, and stay links
// to the web when there is none (a section's page, the web's home page).
// Links to the generator's pages of tags and categories ("/tags/go-lang/",
// content.TermLink) lead to the capsule's page of that tag.
type postLinks struct {
	site *Site
	c    *content.Content
	// index is every post, published or not, made when a link is first
	// resolved (indexOnce): an edit's reload of a blog whose posts link
	// to no other post makes none (4.8 ms at 10,000 posts).
	index     *content.Index
	indexOnce sync.Once
	lists     [][]*content.Post        // what index is made of
	bySlug    map[string]*content.Post // every post, by slug
	published map[*content.Post]bool   // the posts and pages served, and stubs
	// stubs are themes' layout pages left out (layoutStubs): links to
	// them lead to the capsule's page that serves them.
	stubs map[*content.Post]builtinPage
	// redirects are the redirect pages (redirectpages.go): links to
	// them lead to their targets, a URL off the site when the page's
	// gopherType is TypeHTML.
	redirects map[*content.Post]builtinPage
	files     map[string]fileKind // the files beside the posts, by path
	// tags are the tags of each blog by language folder ("" at the
	// top, "/ja"), by content.TermKey: links to the generator's pages of
	// tags lead to the capsule's (termTag).
	tags map[string]map[string]string
	// zolaTags are the same by content.ZolaTermKey, in a Zola site
	// that makes its terms' addresses so (content.Content.ZolaTerms:
	// /tags/revisio-d-article/ for "revisió d'article"), looked in when
	// tags has no such term; nil in other sites.
	zolaTags map[string]map[string]string
	// hexoTerms are the addresses of a Hexo blog's pages of its tags
	// and categories and the tag each stands for ("" for their index:
	// hexoTermPages), looked in first (tag_dir and category_dir may be
	// any folder); nil in other sites.
	hexoTerms map[string]string
	// hexoMarks are what every link to them has (the last folder of
	// tag_dir and of category_dir): others are not parsed again. nil
	// when one of them is the site's top.
	hexoMarks []string
	// archives are the addresses of the pages jekyll-archives makes of
	// a Jekyll blog's tags and categories, in the forms a link gives
	// them (/tag/go/, /tag/go, /tag/go/index.html), and the blog's
	// folder and tag each stands for (jekyllArchivePages: a
	// jekyll-polyglot language's under its folder, /ja/tag/go/); nil
	// in other sites.
	// archiveMarks are what every link to them has
	// (content.Content.JekyllArchiveMarks), nil when there is none to
	// check.
	archives     map[string]listLead
	archiveMarks []string
	// sections are the folders of each blog's posts, by language folder
	// (the content folder's first: "posts"), with how many posts each
	// holds: a link to the generator's list of one (/posts/) leads to the
	// capsule's archive (sectionList), and so do its pages (/posts/page/2/,
	// hugopagers.go).
	sections map[string]map[string]int
	// pageSections are the same of each blog's listed pages in
	// sections of their own (Hugo's docs/, of docs/install.md), with
	// how many pages each holds: a link
	// to the generator's list of one leads to the blog's home, which
	// lists the pages, unless the section's text is a page of its own
	// (content's section pages), which its address names.
	pageSections map[string]map[string]int
	// hugoLists are a Hugo site's nested sections' lists (/posts/tech/,
	// hugolists.go) by blog folder.
	hugoLists map[string][]hugoList
	// zolaLists are a Zola site's sections' list addresses (and those
	// of their pages, /blog/page/2/), each with the blog's folder and
	// the capsule's list it leads to (content.ZolaList): nested ones
	// (/docs/intro/) too. A section that is a page is not here: its
	// address is its page's. And a Hexo site's archives
	// (content.HexoArchivePages) and jekyll-archives' of dates
	// (content.JekyllArchiveDatePages), leading to the capsule's archive.
	zolaLists map[string]listLead
	// templates are an Eleventy site's list templates capsule leaves out
	// (content.ListTemplate) by their files' paths, from the input
	// folder and from the site's top ("blog.njk", "content/blog.njk"),
	// with where a link to one leads (templateLink); nil in other sites.
	// The archive's are in zolaLists by their addresses too.
	templates map[string]listLead
	// ugly: the blog is a Hugo site that writes some of its lists at
	// addresses ending in .html (uglyURLs: uglyList, uglyTermPath).
	ugly     bool
	web      *url.URL // the blog's web address, with a host; nil when it has none
	basePath string   // its path, without the final slash: "/blog", or ""
}

// fileKind is who a file beside the posts is served to.
type fileKind byte

const (
	fileNone     fileKind = iota // no such file
	filePublic                   // everyone
	fileDraft                    // the author, at /drafts/<path>: its bundle's post is not published yet
	fileWithheld                 // no one: its bundle's post publishes none
)

func newPostLinks(site *Site, entries []*content.Post, stubs map[*content.Post]builtinPage, c *content.Content) *postLinks {
	l := &postLinks{site: site, c: c, bySlug: make(map[string]*content.Post, len(entries)+len(c.Drafts)+len(c.Scheduled)+len(c.Expired)+len(c.NoPage)), published: make(map[*content.Post]bool, len(entries)), stubs: stubs,
		files: make(map[string]fileKind, len(c.Files)+len(c.DraftFiles)+len(c.Withheld)), ugly: c.HugoUgly()}
	all := [][]*content.Post{c.Posts, c.Pages, c.Unlisted, c.Drafts, c.Scheduled, c.Expired, c.NoPage}
	l.lists = all
	for _, list := range all {
		for _, p := range list {
			l.bySlug[p.Slug] = p
		}
	}
	for _, p := range entries {
		l.published[p] = true
	}
	for p := range stubs {
		l.published[p] = true
	}
	for _, f := range c.Files {
		l.files[f.Path] = filePublic
	}
	for _, f := range c.DraftFiles {
		l.files[f.Path] = fileDraft
	}
	for _, f := range c.Withheld {
		l.files[f] = fileWithheld
	}
	if u, err := url.Parse(c.BaseURL()); err == nil && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
		l.web, l.basePath = u, strings.TrimSuffix(u.Path, "/")
	}
	return l
}

// onSite is dest, when it is an absolute link to the blog's own web
// address (http or https, with or without "www."), as a path from the
// top of the site, percent-encoded ("/posts/hello/"); ok is false for
// any other link.
func (l *postLinks) onSite(dest string) (local string, ok bool) {
	if l.web == nil || !strings.Contains(dest, "://") {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || !sameHost(u.Host, l.web.Host) {
		return "", false
	}
	p := u.EscapedPath()
	if l.basePath != "" {
		rest, under := strings.CutPrefix(p, l.basePath)
		if !under || rest != "" && rest[0] != '/' {
			return "", false
		}
		p = rest
	}
	if p == "" {
		p = "/"
	}
	return p, true
}

// sameHost reports whether two hosts are one site: case aside, and
// "www." aside, which blogs write or leave out.
func sameHost(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	return strings.TrimPrefix(a, "www.") == strings.TrimPrefix(b, "www.")
}

// underBase is the path p, from the top of the web server, taken from
// the top of the site: a blog at "https://example.org/blog/" links its
// posts as "/blog/posts/hello/". ok is false when p is not under it.
func (l *postLinks) underBase(p string) (string, bool) {
	if l.basePath == "" || !strings.HasPrefix(p, "/") {
		return "", false
	}
	rest, under := strings.CutPrefix(p, l.basePath)
	if !under || rest == "" || rest[0] != '/' {
		return "", false
	}
	return rest, true
}

// resolveFile reports whether dest is a relative reference and, if it names
// a file beside the posts, which (its path in the posts folder) and who
// it is served to. A relative path is looked for beside the post first
// (dir: a Hugo page bundle's images, "cover.jpg"), then from the top of
// the posts folder ("images/aikido.jpg", as capsule's own posts write
// it).
func (l *postLinks) resolveFile(dest string, from *content.Post) (file string, kind fileKind, relative bool) {
	dir := from.Dir
	if local, ok := l.onSite(dest); ok {
		dest = local
	}
	u, ok := sitePath(dest)
	if !ok {
		return "", fileNone, false
	}
	if f := l.c.AstroSrcFile(dir, u.Path); f != "" && l.files[f] != fileNone {
		return f, l.files[f], true // an Astro site's image in src/ (content.Content.AstroSrcFile)
	}
	if rest, ok := l.underBase(u.Path); ok {
		if f := strings.TrimPrefix(path.Clean(rest), "/"); l.files[f] != fileNone {
			return f, l.files[f], true
		}
	}
	if assets := l.c.HexoAssetFolder(from); assets != "" && !strings.HasPrefix(u.Path, "/") {
		// A Hexo post's asset folder, published at its address.
		if p := strings.TrimPrefix(path.Clean("/"+assets+"/"+u.Path), "/"); l.files[p] != fileNone {
			return p, l.files[p], true
		}
	}
	if dir != "" && !strings.HasPrefix(u.Path, "/") {
		p := strings.TrimPrefix(path.Clean("/"+dir+"/"+u.Path), "/")
		if l.files[p] != fileNone {
			return p, l.files[p], true
		}
		if f, k := l.folderIndex(u.Path, p); k != fileNone {
			return f, k, true // a folder beside the post (./demo/): its index.html
		}
	}
	if !strings.HasPrefix(u.Path, "/") && len(from.Addresses) > 0 && strings.HasSuffix(from.Addresses[0], "/") {
		// From the post's address on the web site, a folder, as a
		// browser reads it there: ../format.png from /blog/summary/
		// (blog/summary.md) is /blog/format.png.
		p := strings.TrimPrefix(path.Clean(from.Addresses[0]+u.Path), "/")
		if l.files[p] != fileNone {
			return p, l.files[p], true
		}
	}
	p := strings.TrimPrefix(path.Clean("/"+u.Path), "/")
	if k := l.files[p]; k != fileNone {
		return p, k, true
	}
	if root := from.LangRoot(); root != "" && strings.HasPrefix(u.Path, "/") {
		// From the top of the post's language's content folder, as
		// Hugo writes its files (content/ja/entry/a.json at
		// /entry/a.json when ja is the language at the root).
		if f := path.Join(root, p); l.files[f] != fileNone {
			return f, l.files[f], true
		}
	}
	if f := l.c.HexoAssetFile(u.Path); f != "" && l.files[f] != fileNone {
		// A Hexo post's asset at the address Hexo publishes it at
		// (/android/06-screen/cat.png: content.Content.HexoAssetFile).
		return f, l.files[f], true
	}
	if f, k := l.folderIndex(u.Path, p); k != fileNone {
		return f, k, true
	}
	return "", fileNone, true
}

// folderIndex is the index.html of folder p (a path in the posts folder)
// when the link's path written ends in "/", a folder's address, as on the
// web (serveFolderIndexes); kind fileNone when it has none.
func (l *postLinks) folderIndex(written, p string) (file string, kind fileKind) {
	if !strings.HasSuffix(written, "/") || p == "" {
		return "", fileNone
	}
	for _, index := range []string{"index.html", "index.htm"} {
		if k := l.files[path.Join(p, index)]; k != fileNone {
			return path.Join(p, index), k
		}
	}
	return "", fileNone
}

// sitePath parses dest, a link after onSite, as a path on the site: not
// a URL with a scheme or a host, not empty. Most links of most posts are
// to the web: those are told by their scheme, without parsing them (at
// 3,000 posts, parsing every link twice was 4% of a start).
func sitePath(dest string) (*url.URL, bool) {
	if hasScheme(dest) {
		return nil, false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return nil, false
	}
	return u, true
}

// hasScheme reports whether url.Parse finds a scheme in s, or fails on
// an empty one (":x"): a letter, then letters, digits, "+", "-" or ".",
// then ":" (RFC 3986, section 3.1).
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return false
			}
		case c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// resolve reports whether dest, written in the post from, is meant as a
// link to a post and, if so, which post (nil when it does not exist,
// or when its name is one several posts share: ambiguous lists them).
// The post may be one that is not published. Destinations with a scheme
// or a host are never post links.
func (l *postLinks) resolve(from *content.Post, dest string) (p *content.Post, ambiguous []*content.Post, isPostLink bool) {
	if local, ok := l.onSite(dest); ok {
		dest = local
	}
	u, ok := sitePath(dest)
	if !ok {
		return nil, nil, false
	}
	l.indexOnce.Do(func() { l.index = content.NewIndex(l.lists...) })
	if p, ambiguous = l.index.Find(from, dest); p != nil || len(ambiguous) > 0 {
		if p != nil && (!strings.HasPrefix(u.Path, "/") || l.c.LocalizesLink(from, u.Path)) {
			// Relative: read from the translation's address on the web
			// site (/ja/blog/a/ + ../b/), it is the translation of the
			// page it names, not the file beside it in the default
			// language. So is a link to the site's /blog/b/ from a
			// translation in a jekyll-polyglot site, which rewrites it
			// to /ja/blog/b/.
			p = l.index.InLanguageOf(p, from, dest)
		}
		return p, ambiguous, true
	}
	if rest, ok := l.underBase(u.Path); ok {
		if p, ambiguous = l.index.Find(from, rest); p != nil || len(ambiguous) > 0 {
			return p, ambiguous, true
		}
	}
	if l.c.BareHTML() && path.Ext(u.Path) == "" && strings.TrimSuffix(u.Path, "/") != "" && !strings.HasSuffix(u.Path, "//") {
		// A Jekyll site's page at /about.html, named /about or /about/,
		// which jekyll serve answers with about.html (as the capsule
		// does: oldAddresses' withoutHTML). One lookup more, of a link
		// nothing else found.
		html := *u
		html.Path = strings.TrimSuffix(u.Path, "/") + ".html"
		html.RawPath = ""
		if p, ambiguous = l.index.Find(from, html.String()); p != nil || len(ambiguous) > 0 {
			if p != nil && (!strings.HasPrefix(u.Path, "/") || l.c.LocalizesLink(from, u.Path)) {
				p = l.index.InLanguageOf(p, from, html.String()) // as above
			}
			return p, ambiguous, true
		}
	}
	clean := path.Clean(u.Path)
	base := path.Base(clean)
	switch {
	case strings.HasSuffix(strings.ToLower(base), ".md"):
		// A post named by its slug: hello.md for 2017-05-03-hello.md,
		// in a folder the link names, if it names one: a path whose
		// folder holds no such post ("posts/tech/2099/15.md", a wrong
		// ref) is not the post of that slug elsewhere (it led a blog's
		// link to the very post it was in, also named 15.md).
		if slug := strings.TrimSuffix(base, path.Ext(base)); !strings.EqualFold(slug, "index") {
			p = l.bySlug[content.MakeSlug(slug)]
		}
		if p != nil && !inNamedFolder(p, path.Dir(clean)) {
			p = nil
		}
		return p, nil, true
	case strings.HasPrefix(clean, "/posts/") && !strings.Contains(clean[len("/posts/"):], "/"):
		// The capsule's own address of a post (decoded: /posts/中文.gmi),
		// or its file's name as a slug is made of it (/posts/Markdown
		// Syntax); a slug holds no "/", and /posts/later/cover.png is a
		// file of a Hugo section.
		slug := strings.TrimPrefix(clean, "/posts/")
		for _, ext := range []string{".gmi", ".txt"} {
			slug = strings.TrimSuffix(slug, ext)
		}
		return l.bySlug[content.MakeSlug(slug)], nil, true
	}
	return nil, nil, false
}

// inNamedFolder reports whether p's file is in dir, a link's folder
// (".", "/" or ".." alone name none; "../_posts" names _posts), as far
// as the link names it: its last folders are p's.
func inNamedFolder(p *content.Post, dir string) bool {
	dir = strings.TrimLeft(dir, "./")
	for strings.HasPrefix(dir, "../") {
		dir = dir[len("../"):]
	}
	if dir == "" || dir == ".." {
		return true
	}
	return strings.HasSuffix(strings.ToLower("/"+p.Dir), strings.ToLower("/"+dir))
}

// geminiLink is the Gemini link to a published post or page, or to the
// capsule's page that serves a stub.
func (l *postLinks) geminiLink(p *content.Post) string {
	if page, ok := l.redirects[p]; ok {
		return page.gemini
	}
	if page, ok := l.stubs[p]; ok {
		return page.gemini
	}
	return postGeminiLink(p)
}

// gopherURL is the gopher:// URL of a published post's or page's text, or
// of the capsule's page that serves a stub.
func (l *postLinks) gopherURL(p *content.Post) string {
	site := l.site
	if page, ok := l.redirects[p]; ok && page.gopherType == gopher.TypeHTML {
		return page.gopher // a URL off the site
	} else if ok {
		return site.GopherURL(page.gopherType, page.gopher)
	}
	if page, ok := l.stubs[p]; ok {
		return site.GopherURL(page.gopherType, page.gopher)
	}
	return site.GopherURL(gopher.TypeText, postGopherSelector(p))
}

// unsafeSchemes are link schemes a reader's client may act on by itself:
// scripts (javascript:, vbscript:), inline documents that can carry
// scripts (data:), and files on the reader's own machine (file:). A Gopher
// "URL:" item or a Gemini link to one would hand it to a browser.
var unsafeSchemes = []string{"javascript", "vbscript", "data", "file"}

// unsafeLink reports whether dest uses one of unsafeSchemes. Browsers drop
// whitespace and control characters inside a scheme ("java\tscript:"), so
// this looks at the scheme without them, in any case.
func unsafeLink(dest string) bool {
	scheme := linkScheme(dest)
	for _, s := range unsafeSchemes {
		if strings.EqualFold(scheme, s) {
			return true
		}
	}
	return false
}

// linkScheme is the scheme of dest, with the bytes a browser would drop
// from it left out; empty for a relative reference.
func linkScheme(dest string) string {
	// The scheme's bytes are kept as a part of dest while none is left
	// out between them (every scheme but a hostile one): a link's
	// destination is asked for its scheme by each renderer and the check.
	var b []byte
	start, n := -1, 0 // dest[start:start+n] is the scheme so far, unless b has it
	for i := 0; i < len(dest) && n < 16; i++ {
		switch c := dest[i]; {
		case c <= ' ' || c == 0x7f:
			if start >= 0 && b == nil {
				b = append(b, dest[start:start+n]...)
			}
			continue
		case c == ':':
			if b != nil {
				return string(b)
			}
			if start < 0 {
				return ""
			}
			return dest[start : start+n]
		case 'a' <= c|0x20 && c|0x20 <= 'z', n > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
			if start < 0 {
				start = i
			}
			if b != nil {
				b = append(b, c)
			}
			n++
		default:
			return ""
		}
	}
	return ""
}

// rewriter returns a link rewriter for a renderer of post from: links to
// published posts and pages become target(post), links to files served
// to all fileTarget(path); links to what is not published, unsafe links
// and ambiguous ones "" (the renderer keeps their text and offers no
// link); everything else is kept. In the author's view of drafts
// (draftView), links to drafts and to their files lead to their pages
// and files under /drafts/.
func (l *postLinks) rewriter(from *content.Post, target func(*content.Post) string, fileTarget func(string) string, tagTarget func(dir, tag string) string, draftView bool) func(string) string {
	return func(dest string) string {
		if unsafeLink(dest) {
			return "" // not offered; check warns
		}
		if strings.HasPrefix(dest, "#") {
			return "" // a place on the same web page: nothing to follow here
		}
		p, ambiguous, _ := l.resolve(from, dest)
		switch {
		case p != nil && l.published[p]:
			return target(p)
		case p != nil && draftView && l.c.DraftView(p):
			return draftGeminiLink(p)
		case p != nil, len(ambiguous) > 0:
			return "" // not published, or not one post: check warns
		}
		f, kind, _ := l.resolveFile(dest, from)
		switch {
		case kind == filePublic:
			return fileTarget(f)
		case kind == fileDraft && draftView:
			return draftFileLink(f)
		case kind != fileNone:
			return "" // not published: check warns
		}
		if dir, tag, ok := l.termTag(from, dest); ok {
			return tagTarget(dir, tag)
		}
		if dir, list, ok := l.sectionList(dest); ok {
			return tagTarget(dir, list)
		}
		if dir, list, ok := l.templateLink(from, dest); ok {
			return tagTarget(dir, list)
		}
		return dest
	}
}

// archiveTag stands, for a rewriter's tagTarget, for the blog's archive,
// homeTag for its home and searchTag for its search: no tag is named so
// (a tag's name has no NUL).
const (
	archiveTag = "\x00archive"
	homeTag    = "\x00home"
	searchTag  = "\x00search"
)

// builtinTag is the tag that stands for the capsule's page of name, in
// stubNames: searchTag, archiveTag, or "" (the list of tags).
func builtinTag(name string) string {
	switch stubNames[name].gemini {
	case searchPath:
		return searchTag
	case archivePath:
		return archiveTag
	}
	return ""
}

// sectionList reads dest as a link to the generator's list of a section
// (Hugo's /posts/, written as a ref to "posts" too), and returns the
// language folder of the blog that lists its posts or pages, and the
// capsule's list that does: archiveTag for a section of posts, homeTag
// for a section of pages (whose home lists them).
func (l *postLinks) sectionList(dest string) (dir, list string, ok bool) {
	if l.ugly && strings.HasSuffix(dest, ".html") {
		return l.uglyList(dest)
	}
	if !strings.HasSuffix(dest, "/") || strings.Count(dest, "/") > 5 && len(l.zolaLists) == 0 || strings.ContainsAny(dest, "?#.") && !strings.Contains(dest, "://") {
		return "", "", false // most links: not parsed again (a post may hold 140,000)
	}
	if local, ok := l.onSite(dest); ok {
		dest = local
	}
	u, ok := sitePath(dest)
	if !ok || !strings.HasPrefix(u.Path, "/") || !strings.HasSuffix(u.Path, "/") {
		return "", "", false
	}
	p := u.Path
	if rest, ok := l.underBase(p); ok {
		p = rest
	}
	for d, secs := range l.sections {
		if rest, ok := strings.CutPrefix(p, d+"/"); ok && secs[strings.TrimSuffix(rest, "/")] > 0 {
			return d, archiveTag, true
		}
	}
	for d, secs := range l.pageSections {
		if rest, ok := strings.CutPrefix(p, d+"/"); ok && secs[strings.TrimSuffix(rest, "/")] > 0 {
			return d, homeTag, true
		}
	}
	if to, ok := l.zolaLists[p]; ok {
		return to.dir, to.list, true
	}
	return "", "", false
}

// uglyList is sectionList of dest, a link to a list of a Hugo site with
// uglyURLs as Hugo writes its address (hugougly.go): a section's
// /posts.html leads where /posts/ does, the home's /index.html to the
// home.
func (l *postLinks) uglyList(dest string) (dir, list string, ok bool) {
	p, ok := l.linkPath(dest)
	if !ok {
		return "", "", false
	}
	for d, secs := range l.sections {
		rest, ok := strings.CutPrefix(p, d+"/")
		if !ok {
			continue
		}
		if rest == "index.html" && l.c.HugoUglyList("") {
			return d, homeTag, true
		}
		if sec := strings.TrimSuffix(rest, ".html"); secs[sec] > 0 && l.c.HugoUglyList(sec) {
			return d, archiveTag, true
		} else if l.pageSections[d][sec] > 0 && l.c.HugoUglyList(sec) {
			return d, homeTag, true
		}
	}
	if to, ok := l.zolaLists[p]; ok { // a nested section's, a list's page (/posts/page/2.html: hugoListLeads)
		return to.dir, to.list, true
	}
	return "", "", false
}

// uglyTermPath is p, the path of a link, as a link to the page of a term
// (content.TermLink) reads it: a term's page as a Hugo site with
// uglyURLs writes its address (/tags/go.html, /fr/tags/go/page/2.html,
// /tags.html: hugougly.go) in the form it has without (/tags/go/); p
// itself when it is no such address.
func (l *postLinks) uglyTermPath(p string) string {
	trimmed, ok := strings.CutSuffix(p, ".html")
	if !ok || !l.ugly || !strings.HasPrefix(p, "/") {
		return p
	}
	// The taxonomy: the first folder, or the second after a language's.
	segs := strings.SplitN(trimmed[1:], "/", 3)
	if l.c.HugoUglyList(segs[0]) || len(segs) > 1 && l.c.HugoUglyList(segs[1]) {
		return trimmed + "/"
	}
	return p
}

// listLead is where a generator's list of a section leads in the
// capsule: the blog of folder dir, its list (archiveTag, homeTag).
type listLead struct{ dir, list string }

// zolaLeads are the addresses of a Zola site's lists, lists, each with
// where it leads (see postLinks.zolaLists): a list of posts to the
// archive of its language's blog, of pages to its home; of the blogs'
// folders (withPosts: those with posts). pages are the addresses of
// pages (content's sections that are pages): theirs. As many as the
// lists and their pages (ZolaList.Pagers: no more than the pages
// listed).
func zolaLeads(lists []content.ZolaList, withPosts map[string]bool, taken func(addr string) bool) map[string]listLead {
	if len(lists) == 0 {
		return nil
	}
	out := make(map[string]listLead)
	for _, zl := range lists {
		has, ok := withPosts[zl.Dir]
		if !ok || taken(zl.Path) {
			continue // no blog of its language; or the address of a page, the section's
		}
		to := listLead{zl.Dir, homeTag}
		if zl.Posts && has {
			to.list = archiveTag
		}
		out[zl.Path] = to
		for n := 1; n <= zl.Pagers; n++ {
			out[zl.PagerAddress(n)] = to
		}
	}
	return out
}

// templateLead is where an Eleventy list template t (content.ListTemplate)
// leads in the capsule: to the home of the blog whose folder its address
// is under when it is that home's address (index.njk at /), to its list
// of tags when it is a list of terms' (tags.njk at /tags/), else to its
// archive when it lists posts (blog.njk at /blog/: collections.posts);
// ok is false for any other (a page made of a collection of sections).
func templateLead(t content.ListTemplate, blogs []*blog) (to listLead, ok bool) {
	dir := ""
	for _, b := range blogs {
		if b.dir != "" && strings.HasPrefix(t.Address, b.dir+"/") {
			dir = b.dir
		}
	}
	rest := strings.TrimPrefix(t.Address, dir)
	if rest == "/" {
		return listLead{dir, homeTag}, true
	}
	if _, term, ok := content.TermLink(rest); ok && term == "" {
		return listLead{dir, ""}, true
	}
	return listLead{dir, archiveTag}, t.Posts
}

// templateArchives are the addresses of the Eleventy list templates
// that lead to b's archive (templateLead).
func templateArchives(c *content.Content, b *blog, blogs []*blog) []string {
	var out []string
	for _, t := range c.ListTemplates() {
		if to, ok := templateLead(t, blogs); ok && to.dir == b.dir && to.list == archiveTag {
			out = append(out, t.Address)
		}
	}
	return out
}

// templateLink reads dest, a link in from, as one to the file of an
// Eleventy list template (templates), as Eleventy's InputPathToUrl
// plugin reads it: a path from the input folder, from the linking
// post's folder, or from the site's top. It returns where the template
// leads.
func (l *postLinks) templateLink(from *content.Post, dest string) (dir, list string, ok bool) {
	if l.templates == nil || strings.Contains(dest, "://") || !strings.Contains(dest, ".") {
		return "", "", false
	}
	p, _, _ := strings.Cut(dest, "#")
	p, _, _ = strings.Cut(p, "?")
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if !l.templateNamed(path.Base(p)) {
		return "", "", false
	}
	cands := []string{strings.TrimPrefix(p, "/")} // from the input folder, or the site's top
	if from != nil && !strings.HasPrefix(p, "/") {
		cands = append(cands, path.Join(from.Dir, p)) // from the post's folder
	}
	for _, c := range cands {
		if c = path.Clean(c); c == ".." || strings.HasPrefix(c, "../") {
			continue // above the input folder: no file of the site's
		}
		if to, ok := l.templates[c]; ok {
			return to.dir, to.list, true
		}
	}
	return "", "", false
}

// templateNamed reports whether a template's file is named name.
func (l *postLinks) templateNamed(name string) bool {
	for k := range l.templates {
		if path.Base(k) == name {
			return true
		}
	}
	return false
}

// termTag reads dest as a link to the generator's page of a tag, or of
// the list of tags (content.TermLink: "/tags/go-lang/", absolute or under
// the site's base too), and returns the capsule's tag it stands for, in
// the blog of the language folder dir: tag is "" for the list. ok is
// false when dest is no such link, or when no post of that blog has the
// tag.
func (l *postLinks) termTag(from *content.Post, dest string) (dir, tag string, ok bool) {
	if tag, _, ok := l.hexoTerm(dest); ok {
		return "", tag, true
	}
	if dir, tag, ok := l.archive(from, dest); ok {
		return dir, tag, true
	}
	dir, term, isTerm := l.termLink(dest)
	if !isTerm {
		return "", "", false
	}
	tags, ok := l.tags[dir]
	if !ok || term == "" {
		return dir, "", ok
	}
	if tag, ok = tags[content.TermKey(term)]; !ok && l.zolaTags != nil {
		tag, ok = l.zolaTags[dir][content.ZolaTermKey(term)]
	}
	return dir, tag, ok
}

// termLink is content.TermLink of dest, a link on the site.
func (l *postLinks) termLink(dest string) (dir, term string, ok bool) {
	if !strings.Contains(dest, "/tags") && !strings.Contains(dest, "/categories") {
		return "", "", false // most links: not parsed again (a post may hold 140,000)
	}
	p, ok := l.linkPath(dest)
	if !ok {
		return "", "", false
	}
	return content.TermLink(l.uglyTermPath(p))
}

// hexoTerm is content.Content.HexoTermLink of dest, a link on a Hexo
// site (hexoTerms): the tag of the page it names, or isTerm alone when
// it is under tag_dir or category_dir but names no page.
func (l *postLinks) hexoTerm(dest string) (tag string, isTerm, ok bool) {
	if l.hexoTerms == nil || l.hexoMarks != nil && !slices.ContainsFunc(l.hexoMarks, func(m string) bool { return strings.Contains(dest, m) }) {
		return "", false, false
	}
	p, ok := l.linkPath(dest)
	if !ok {
		return "", false, false
	}
	return l.c.HexoTermLink(p, l.hexoTerms)
}

// archive is the blog's folder and the tag of the page of
// jekyll-archives that dest, a link on the site written in from, names
// (archives); ok is false when it names none. A translation's link to
// the site's /tags/go/, which jekyll-polyglot rewrites to its
// language's /ja/tags/go/ (content.Content.LocalizesLink), names that
// language's page when there is one, else the page as written.
func (l *postLinks) archive(from *content.Post, dest string) (dir, tag string, ok bool) {
	if l.archives == nil || l.archiveMarks != nil && !slices.ContainsFunc(l.archiveMarks, func(m string) bool { return strings.Contains(dest, m) }) {
		return "", "", false
	}
	p, ok := l.linkPath(dest)
	if !ok {
		return "", "", false
	}
	if l.c.LocalizesLink(from, p) {
		if lead, ok := l.archives[from.LangDir+p]; ok {
			return lead.dir, lead.list, true
		}
	}
	lead, ok := l.archives[p]
	return lead.dir, lead.list, ok
}

// linkPath is the path of dest, a link on the site, from the site's top
// (decoded; under its base, or by its web address, too).
func (l *postLinks) linkPath(dest string) (string, bool) {
	if local, ok := l.onSite(dest); ok {
		dest = local
	}
	u, ok := sitePath(dest)
	if !ok {
		return "", false
	}
	p := u.Path
	if rest, ok := l.underBase(p); ok {
		p = rest
	}
	return p, true
}

// servesItself reports whether dest, a link on the site, names a page the
// capsule makes itself, which a theme's page or post may link as its own
// (/atom.xml, the home, /robots.txt, /archive.gmi), in a blog's folder.
func (l *postLinks) servesItself(dest string) bool {
	if !strings.HasPrefix(dest, "/") || len(dest) > 64 {
		return false // linked from the top, and short: not parsed again
	}
	u, ok := sitePath(dest)
	if !ok {
		return false
	}
	p := u.Path
	for dir := range l.tags { // every blog's folder
		rest, ok := strings.CutPrefix(p, dir)
		if !ok {
			continue
		}
		switch rest {
		case "", "/", atomPath, robotsPath, archivePath, searchPath, faviconPath, tagsPath:
			return true
		}
	}
	return false
}

// setTags notes the tags of blogs, for termTag, and the folders of their
// posts and pages, for sectionList.
func (l *postLinks) setTags(blogs []*blog) {
	l.tags = make(map[string]map[string]string, len(blogs))
	l.zolaTags = nil
	l.hexoTerms, l.hexoMarks = nil, nil
	l.archives, l.archiveMarks = nil, l.c.JekyllArchiveMarks()
	if ts := l.c.TagTemplates(); len(ts) > 0 {
		l.archiveMarks = eleventyTagMarks(ts)
	}
	if l.c.ZolaTerms() {
		l.zolaTags = make(map[string]map[string]string, len(blogs))
	}
	l.sections = make(map[string]map[string]int, len(blogs))
	l.pageSections = make(map[string]map[string]int, len(blogs))
	l.hugoLists = make(map[string][]hugoList, len(blogs))
	withPosts := make(map[string]bool, len(blogs))
	for _, b := range blogs {
		withPosts[b.dir] = len(b.posts) > 0
	}
	l.zolaLists = zolaLeads(l.c.ZolaLists(), withPosts, func(addr string) bool {
		p, _, _ := l.resolve(nil, addr)
		return p != nil
	})
	for _, b := range blogs {
		// Hexo's and jekyll-archives' archives, of the site's top (and
		// of a jekyll-polyglot language's folder).
		for _, addr := range generatorArchives(l.c, b, blogs) {
			if l.zolaLists == nil {
				l.zolaLists = make(map[string]listLead)
			}
			// With root, and without the web address' path, as a
			// link is read (sectionList).
			l.zolaLists[addr] = listLead{dir: b.dir, list: archiveTag}
			if rest, ok := l.underBase(addr); ok {
				l.zolaLists[rest] = listLead{dir: b.dir, list: archiveTag}
			}
		}
	}
	l.templates = nil
	for _, t := range l.c.ListTemplates() {
		if l.templates == nil {
			l.templates = make(map[string]listLead)
		}
		to, ok := templateLead(t, blogs)
		if !ok {
			continue
		}
		l.templates[t.Input] = to
		if t.Dir != "" {
			l.templates[t.Dir+"/"+t.Input] = to
		}
	}
	for _, b := range blogs {
		secs := make(map[string]int)
		for _, p := range b.posts {
			if first := topFolder(p); first != "" {
				secs[first]++
			}
		}
		l.sections[b.dir] = secs
		if l.c.SectionLists() {
			pageSecs := make(map[string]int)
			for _, p := range b.pages {
				if first := topFolder(p); first != "" && secs[first] == 0 {
					pageSecs[first]++
				}
			}
			l.pageSections[b.dir] = pageSecs
			l.hugoLists[b.dir] = hugoNestedLists(l.c, b)
		}
		tags := make(map[string]string, len(b.tags))
		for _, g := range b.tags {
			if k := content.TermKey(g.Name); tags[k] == "" {
				tags[k] = g.Name
			}
		}
		// A Hexo site's addresses of terms by the slugs its
		// category_map and tag_map give them (/categories/frontend/ for
		// 前端), after every term's own: a slug never takes a term's
		// own address.
		for _, g := range b.tags {
			for _, s := range l.c.HexoTermSlugs(g.Name) {
				if k := content.TermKey(s); tags[k] == "" {
					tags[k] = g.Name
				}
			}
		}
		l.tags[b.dir] = tags
		if pages := hexoTermPages(l.c, b); len(pages) > 0 {
			l.hexoTerms = make(map[string]string, len(pages))
			for _, tp := range pages {
				l.hexoTerms[tp.Path] = tp.Tag
			}
			for _, d := range l.c.HexoTermDirs() {
				if d == "" {
					l.hexoMarks = nil
					break
				}
				l.hexoMarks = append(l.hexoMarks, path.Base(d))
			}
		}
		if pages := slices.Concat(jekyllArchivePages(l.c, b), eleventyTagPages(l.c, b, blogs)); len(pages) > 0 {
			// Each page's address, then the other forms of each: a
			// form never takes another page's address. A
			// jekyll-polyglot site's languages each have theirs,
			// under their folders.
			if l.archives == nil {
				l.archives = make(map[string]listLead, 3*len(pages))
			}
			for _, tp := range pages {
				l.archives[tp.Path] = listLead{b.dir, tp.Tag}
			}
			for _, tp := range pages {
				for _, a := range addressForms(tp.Path) {
					if _, ok := l.archives[a]; !ok {
						l.archives[a] = listLead{b.dir, tp.Tag}
					}
				}
			}
		}
		if l.zolaTags != nil {
			zt := make(map[string]string, len(b.tags))
			for _, g := range b.tags {
				if k := content.ZolaTermKey(g.Name); zt[k] == "" {
					zt[k] = g.Name
				}
			}
			l.zolaTags[b.dir] = zt
		}
	}
	l.hugoListLeads(blogs)
}

// eleventyTagMarks are what every address of an Eleventy site's tag
// pages has, and a relative link to one too (the last folder of
// content.TagTemplate.Static: "tags/" of /ja/tags/), for a link's quick
// check, as JekyllArchiveMarks are; nil when one has none to check by
// (/{{ tag }}/).
func eleventyTagMarks(ts []content.TagTemplate) []string {
	var marks []string
	for _, t := range ts {
		mark := strings.TrimLeft(t.Static(), "/")
		if i := strings.LastIndex(strings.TrimSuffix(mark, "/"), "/"); i >= 0 {
			mark = mark[i+1:]
		}
		if mark == "" || !isASCII(mark) {
			return nil
		}
		marks = append(marks, mark)
	}
	return marks
}

// topFolder is the first folder of p's file in its language's content
// folder ("posts" of posts/hello.md, of posts/hello/index.md), its
// section's; "" at the top, for a page bundle at the top (hello/index.md
// is a post named hello, in no section: Zola's rust-blog has 400), and
// for a folder Hugo or Jekyll publish no list of (_posts).
func topFolder(p *content.Post) string {
	dir := strings.TrimPrefix(strings.TrimPrefix(p.Dir, p.LangRoot()), "/")
	first, _, below := strings.Cut(dir, "/")
	if !below && isBundleIndex(p.File) || strings.HasPrefix(first, "_") {
		return ""
	}
	return first
}

// isBundleIndex reports whether file is a page bundle's index.md (or
// index.<lang>.md, index.markdown): named index before its extensions.
func isBundleIndex(file string) bool {
	name := path.Base(strings.ReplaceAll(file, "\\", "/"))
	stem, _, _ := strings.Cut(name, ".")
	return strings.EqualFold(stem, "index")
}

// geminiTag is the Gemini link to a tag's page, or to the list of tags
// when tag is "", in the blog of language folder dir.
// (archiveTag: to the blog's archive; homeTag: to its home.)
func geminiTag(dir, tag string) string {
	switch tag {
	case "":
		return dir + tagsPath
	case archiveTag:
		return dir + archivePath
	case homeTag:
		return dir + "/"
	case searchTag:
		return dir + searchPath
	}
	return tagGeminiLink(dir, tag)
}

// gopherTag is geminiTag's Gopher URL.
func (l *postLinks) gopherTag(dir, tag string) string {
	switch tag {
	case "":
		return l.site.GopherURL(gopher.TypeMenu, dir+tagsPath)
	case archiveTag:
		return l.site.GopherURL(gopher.TypeMenu, dir+archiveSel)
	case homeTag:
		return l.site.GopherURL(gopher.TypeMenu, dir+"/")
	case searchTag:
		return l.site.GopherURL(gopher.TypeSearch, dir+searchPath)
	}
	return l.site.GopherURL(gopher.TypeMenu, tagSelectorLink(dir, tag))
}

// check warns, with file and line, about every link in p (parsed as doc)
// that names a post that does not exist or is not published, or a file
// that is not there or not published. seen is told of every destination
// looked at.
func (l *postLinks) check(p *content.Post, doc *markup.Document, seen func(dest string)) []*content.FileError {
	var warns content.Warnings // bounded per kind: a post may hold 140,000 dead links
	ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch n := n.(type) {
		case *ast.Link:
			dest = string(n.Destination)
		case *ast.Image:
			dest = string(n.Destination)
		case *ast.AutoLink:
			dest = string(n.URL(doc.Source))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				// An address (contact@example.com, <me@example.org>) is a
				// mailto: link, as the renderers write it: no file.
				dest = "mailto:" + dest
			}
		default:
			return ast.WalkContinue, nil
		}
		seen(dest)
		// The line is found only for a warning reported: a scan of the post.
		warn := func(kind string, msg func() string) {
			warns.Add(kind, p.File, func() int { return p.Line(doc.Offset(blockOffset(n))) }, msg)
		}
		if unsafeLink(dest) {
			warn("unsafe link", func() string {
				return "link not offered to readers (a " + linkScheme(dest) + ": link runs in or reads from the reader's machine; its text is kept): " + shownLink(dest)
			})
			return ast.WalkContinue, nil
		}
		target, ambiguous, isPost := l.resolve(p, dest)
		_, onSite := l.onSite(dest) // a link to the blog's web site, kept when the capsule has no such page
		switch {
		case len(ambiguous) > 0:
			warn("ambiguous post link", func() string {
				return "link to a post whose name " + postPaths(ambiguous) + " share: not offered (its text is kept); write its path: " + shownLink(dest)
			})
		case target != nil && !l.published[target]:
			warn("unpublished post link", func() string {
				return "link to " + l.c.Unpublished(target) + " (" + target.Path() + "): not offered (its text is kept): " + shownLink(dest)
			})
		case isPost && target == nil && !onSite:
			if _, _, ok := l.sectionList(dest); ok {
				break // a nested section's list, /posts/tech/ (hugolists.go): the archive, the home
			}
			warn("dead post link", func() string { return "link to a post that does not exist: " + shownLink(dest) })
		case !isPost:
			switch _, kind, relative := l.resolveFile(dest, p); {
			case kind == fileDraft:
				warn("unpublished file link", func() string {
					return "link to a file of a page bundle whose post is not published yet: not offered (its text is kept): " + shownLink(dest)
				})
			case kind == fileWithheld:
				warn("withheld file link", func() string {
					return "link to a file of a page bundle that publishes none (publishResources = false, or headless): not offered (its text is kept): " + shownLink(dest)
				})
			case kind != fileNone:
			case relative && !onSite:
				if _, _, ok := l.termTag(p, dest); ok {
					break // a tag's page
				}
				if _, _, ok := l.sectionList(dest); ok {
					break // a list of posts or pages: the archive, the home
				}
				if _, _, ok := l.templateLink(p, dest); ok {
					break // an Eleventy list template's file: the archive, the tags, the home
				}
				if l.servesItself(dest) {
					break // the capsule's own feed, robots.txt, archive
				}
				if _, isTerm, _ := l.hexoTerm(dest); isTerm {
					warn("dead tag link", func() string { return "link to the page of a tag no post has: " + shownLink(dest) })
					break
				}
				if _, _, isTerm := l.termLink(dest); isTerm {
					warn("dead tag link", func() string { return "link to the page of a tag no post has: " + shownLink(dest) })
					break
				}
				warn("dead file link", func() string { return "link to a file that does not exist: " + shownLink(dest) })
			}
		}
		return ast.WalkContinue, nil
	})
	return warns.List()
}

// shownLinkRunes is the most of a link's destination a warning shows.
const shownLinkRunes = 100

// shownLink is dest as a warning shows it: whole up to shownLinkRunes
// characters, else its first ones and "…". A data: link holds a whole
// file (a PNG of 600 KB in base64 in fjordllc/Lokka-inc), which a line of
// -check's report and of the log must not.
func shownLink(dest string) string {
	n := 0
	for i := range dest {
		if n == shownLinkRunes {
			return dest[:i] + "…"
		}
		n++
	}
	return dest
}

// postPaths names posts for a message: "posts/a/index.md and posts/b/index.md".
func postPaths(posts []*content.Post) string {
	names := make([]string, len(posts))
	for i, p := range posts {
		names[i] = p.Path()
	}
	slices.Sort(names)
	if len(names) > 2 {
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return strings.Join(names, " and ")
}

// blockOffset is the offset in the source of the block that holds n: inline
// nodes carry no position of their own.
func blockOffset(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}
