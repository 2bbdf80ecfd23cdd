package capsule

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"capsule/capsule/content"
)

// blog is the content arranged for its index pages: posts newest first, and
// the same posts grouped by tag and by year.
type blog struct {
	site     *Site
	posts    []*content.Post // newest first
	pages    []*content.Post // standalone pages
	unlisted []*content.Post // posts and pages with a page but in no list
	// hidden are those of unlisted that some of b's lists have all the
	// same (content.Post.AlsoIn: hexo-hide-posts' allowlist), newest
	// first; group puts them in them.
	hidden []*content.Post
	// listed are the posts of the blog's lists (its home, archive, tags
	// and feeds), newest first, when they are more than its posts: a
	// jekyll-polyglot language's, with the posts polyglot copies into
	// it from other languages (listCopies); nil otherwise. tags and
	// years group them.
	listed []*content.Post
	// listedAt is where each of its posts is in listed, when listed is
	// set: its neighbours are there (see neighbours).
	listedAt []int
	tags     []postGroup
	years    []postGroup
	// pageLinks says which pages have links, and so a gopher menu worth
	// linking; set as each page is rendered.
	pageLinks []bool
	// parts are each post's render, once rendered (or taken from the
	// previous Store): its lines in lists of posts and its feed entry.
	// One map, looked up once per post in each list and feed.
	parts map[*content.Post]*renderedEntry
	// dir is where the blog's language is served in a multilingual
	// site ("/fr"): its home, tags, archive and feed are under it; ""
	// at the root.
	dir string
	// others are a multilingual site's other languages, linked from the
	// home.
	others []content.Language
	// langName is the name of a multilingual site's language of the
	// blog, in itself ("日本語"); "" on a site of one language.
	langName string
	// homeText is the text of the blog's home page (content.Post.Home), one
	// of its unlisted pages, and homeBody its gemtext as rendered:
	// drawn on the home page.
	homeText *content.Post
	homeBody []byte
	// copied are the pages of other languages that a jekyll-polyglot
	// site writes in the blog's language too, having none in it
	// (content.PolyglotCopies): its home links them after its own.
	copied []entryOwner
}

// postGroup is posts sharing a tag or a year, newest first.
type postGroup struct {
	Name  string
	Posts []*content.Post
	// feed are those of Posts in the tag's feed: nil when all are. An
	// unlisted post a tag's page lists (blog.hidden) is in no feed, as
	// Hexo's feed leaves out what hexo-hide-posts hides from it, unless
	// its allowlist gives it the site's feed (content.InFeed).
	feed []*content.Post
}

// feedPosts are the posts of g's feed: its posts but those
// hexo-hide-posts keeps out of feeds (feed) and those a Hugo theme does
// (inFeed).
func (g *postGroup) feedPosts() []*content.Post {
	if g.feed != nil {
		return inFeed(g.feed)
	}
	return inFeed(g.Posts)
}

// feedPosts are the posts of b's Atom feed: its list, with the hidden
// posts hexo-hide-posts gives the site's feed (content.InFeed), but for
// those a Hugo theme leaves out (inFeed).
func (b *blog) feedPosts() []*content.Post { return inFeed(b.withHiddenIn(b.list(), content.InFeed)) }

func newBlog(site *Site, posts, pages, unlisted []*content.Post) *blog {
	b := &blog{site: site, posts: posts, pages: pages, unlisted: unlisted, pageLinks: make([]bool, len(pages)), parts: make(map[*content.Post]*renderedEntry, len(posts))}
	for _, p := range unlisted {
		if p.AlsoIn != 0 {
			b.hidden = append(b.hidden, p)
		}
	}
	slices.SortFunc(b.hidden, newestFirst)
	b.group(posts)
	return b
}

// newestFirst is the order of a blog's posts (content's sortLists).
func newestFirst(a, b *content.Post) int {
	return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Slug, b.Slug))
}

// withHidden are posts, newest first, and among them, in their places,
// b's hidden posts that some list has (blog.hidden): what the lists are
// grouped from. posts when there are none.
func (b *blog) withHidden(posts []*content.Post) []*content.Post {
	if len(b.hidden) == 0 {
		return posts
	}
	return mergeNewestFirst(posts, b.hidden)
}

// withHiddenIn is posts, newest first, with b's hidden posts that list
// has (content.Post.AlsoIn) among them in their places: the home's and
// the feed's posts. posts when there are none.
func (b *blog) withHiddenIn(posts []*content.Post, list content.Lists) []*content.Post {
	var in []*content.Post
	for _, p := range b.hidden {
		if p.AlsoIn&list != 0 {
			in = append(in, p)
		}
	}
	if len(in) == 0 {
		return posts
	}
	return mergeNewestFirst(posts, in)
}

// mergeNewestFirst is a and b, each newest first, merged newest first.
func mergeNewestFirst(a, b []*content.Post) []*content.Post {
	out := make([]*content.Post, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j == len(b) || i < len(a) && newestFirst(a[i], b[j]) <= 0 {
			out, i = append(out, a[i]), i+1
		} else {
			out, j = append(out, b[j]), j+1
		}
	}
	return out
}

// list is the posts of b's lists: listed, else its posts.
func (b *blog) list() []*content.Post {
	if b.listed != nil {
		return b.listed
	}
	return b.posts
}

// homeList is the posts of b's home page: its list, with the hidden
// posts hexo-hide-posts gives the site's home (content.InHome), but for
// those a Hugo theme leaves off its home page (Post.NotHome).
func (b *blog) homeList() []*content.Post {
	list := b.withHiddenIn(b.list(), content.InHome)
	if !slices.ContainsFunc(list, func(p *content.Post) bool { return p.NotHome }) {
		return list
	}
	return slices.DeleteFunc(slices.Clone(list), func(p *content.Post) bool { return p.NotHome })
}

// ownsNothing reports whether b's home page has nothing of b's own to
// show: no home text, no page, no other language's post copied in (its
// list of posts aside, which the caller knows).
func (b *blog) ownsNothing() bool {
	return b.homeText == nil && len(b.homeBody) == 0 && len(b.pages) == 0 && len(b.copied) == 0
}

// inFeed is posts, a list of b's, without those a Hugo theme leaves
// out of its feeds (Post.NotFeed): the posts of its Atom feed.
func inFeed(posts []*content.Post) []*content.Post {
	if !slices.ContainsFunc(posts, func(p *content.Post) bool { return p.NotFeed }) {
		return posts
	}
	return slices.DeleteFunc(slices.Clone(posts), func(p *content.Post) bool { return p.NotFeed })
}

// owns reports whether p, a post of b's lists, is one of b's posts (not
// a copy polyglot makes of another language's: listed).
func (b *blog) owns(p *content.Post) bool { return b.listed == nil || p.LangDir == b.dir }

// group sets b's tags and years of posts, newest first.
func (b *blog) group(posts []*content.Post) {
	b.tags, b.years = nil, nil
	byTag := map[string]*postGroup{}
	lastYear := 0
	hidden := false // a tag's page has a hidden post
	for _, p := range b.withHidden(posts) {
		// A hidden post is in the pages of the tags its allowlist
		// gives it to, and the archive if it gives it that.
		for _, tag := range p.ListedTags() {
			g := byTag[tag]
			if g == nil {
				g = &postGroup{Name: tag}
				byTag[tag] = g
			}
			if len(g.Posts) == 0 || g.Posts[len(g.Posts)-1] != p { // a tag given twice
				g.Posts = append(g.Posts, p)
				hidden = hidden || p.Unlisted
			}
		}
		if p.Unlisted && p.AlsoIn&content.InArchive == 0 {
			continue
		}
		// The year as Format writes it, made once a year, not a post.
		if y := p.Date.Year(); len(b.years) == 0 || y != lastYear {
			lastYear = y
			if year := p.Date.Format("2006"); len(b.years) == 0 || b.years[len(b.years)-1].Name != year {
				b.years = append(b.years, postGroup{Name: year})
			}
		}
		last := &b.years[len(b.years)-1]
		last.Posts = append(last.Posts, p)
	}
	notInFeed := func(p *content.Post) bool { return p.Unlisted && p.AlsoIn&content.InFeed == 0 }
	for _, g := range byTag {
		if hidden && slices.ContainsFunc(g.Posts, notInFeed) {
			g.feed = slices.DeleteFunc(slices.Clone(g.Posts), notInFeed)
			if g.feed == nil {
				g.feed = []*content.Post{} // none, not all
			}
		}
		b.tags = append(b.tags, *g)
	}
	// Most used tags first, then by name, so that the order is stable.
	slices.SortFunc(b.tags, func(x, y postGroup) int {
		return cmp.Or(cmp.Compare(len(y.Posts), len(x.Posts)), cmp.Compare(x.Name, y.Name))
	})
}

// entry is post i, or after the posts, page i-len(posts), then the
// unlisted ones: what Build renders one by one.
func (b *blog) entry(i int) *content.Post {
	switch {
	case i < len(b.posts):
		return b.posts[i]
	case i < len(b.posts)+len(b.pages):
		return b.pages[i-len(b.posts)]
	}
	return b.unlisted[i-len(b.posts)-len(b.pages)]
}

// isPage reports whether entry i is one of the pages linked from the
// home page: pageLinks has its place.
func (b *blog) isPage(i int) bool { return i >= len(b.posts) && i < len(b.posts)+len(b.pages) }

// neighbours returns the posts before and after entry i in time: older is
// nil for the first post ever written, newer for the latest, both for a
// page and for an unlisted post, which no list has. They are those of
// the blog's lists: a jekyll-polyglot language's posts have the posts
// copied into it among theirs (listed), as Jekyll's page.previous and
// page.next of that language's build are the documents around it in
// site.posts, the copies too; a copy, rendered once by its own
// language's blog, has that blog's neighbours.
func (b *blog) neighbours(i int) (older, newer *content.Post) {
	if i >= len(b.posts) {
		return nil, nil
	}
	list := b.posts
	if b.listed != nil {
		list, i = b.listed, b.listedAt[i]
	}
	if i+1 < len(list) {
		older = list[i+1]
	}
	if i > 0 {
		newer = list[i-1]
	}
	return older, newer
}

// Where pages live. Gemini paths are stored decoded (as go-gemini hands
// them to the handler); links to them are percent-encoded.
const (
	tagsPath        = "/tags/"
	archivePath     = "/archive.gmi"
	searchPath      = "/search"
	atomPath        = "/atom.xml"
	robotsPath      = "/robots.txt"
	faviconPath     = "/favicon.txt"
	archiveSel      = "/archive"
	capsSel         = "/caps.txt"
	atomMediaType   = "application/atom+xml"
	robotsMediaType = "text/plain; charset=utf-8"
)

// Posts live under /posts/; standalone pages at the top: /about.gmi, or
// under /pages/ when capsule's own pages have their addresses (see
// pageMoved). Each has a key, decoded, under which the Store holds it
// (requests are decoded before they are looked up), and a link,
// percent-encoded, which menus and pages offer: a slug may be Japanese,
// and Lynx garbles a selector in UTF-8.
func postGeminiPath(p *content.Post) string     { return postDir(p) + p.Slug + ".gmi" }
func postGopherSelector(p *content.Post) string { return postDir(p) + p.Slug + ".txt" }
func postMenuSelector(p *content.Post) string   { return postDir(p) + p.Slug + "/" }
func postGeminiLink(p *content.Post) string     { return postDir(p) + escapeSlug(p.Slug) + ".gmi" }
func postGopherLink(p *content.Post) string     { return postDir(p) + escapeSlug(p.Slug) + ".txt" }
func postMenuLink(p *content.Post) string       { return postDir(p) + escapeSlug(p.Slug) + "/" }

// escapeSlug is a slug percent-encoded: its ASCII characters ("-", ".",
// "_", "~", letters and digits) stay, the bytes of the others are
// encoded (content.MakeSlug).
func escapeSlug(slug string) string { return url.PathEscape(slug) }

const (
	postsDir = "/posts/"
	pagesDir = "/pages/" // pages named like one of capsule's own
)

func postDir(p *content.Post) string {
	switch {
	case !p.Page:
		return p.LangDir + postsDir
	case pageMoved(p.Slug):
		return p.LangDir + pagesDir
	}
	return p.LangDir + "/"
}

// translationPost is what a link to a translation is made of.
func translationPost(t content.Translation) *content.Post {
	return &content.Post{Slug: t.Slug, Page: t.Page, LangDir: t.Dir}
}

// Tags' pages: their keys hold the tag as it is (a "/" in it too: the
// Gemini server decodes an escaped "/" as part of its segment, the Gopher
// server decodes the selector whole), their links escape it.
// dir is the language's folder of a multilingual site ("/fr"), "" at the
// root.
func tagGeminiPath(dir, tag string) string { return dir + tagsPath + tag + ".gmi" }
func tagGeminiLink(dir, tag string) string { return dir + tagsPath + escapeTag(tag) + ".gmi" }
func tagSelector(dir, tag string) string   { return dir + tagsPath + tag }
func tagFeedPath(dir, tag string) string   { return dir + tagsPath + tag + ".xml" }
func tagFeedLink(dir, tag string) string   { return dir + tagsPath + escapeTag(tag) + ".xml" }

// tagSelectorLink is the selector menus use for a tag: percent-encoded, so
// that it is ASCII. Lynx garbles UTF-8 selectors; every client sends an
// ASCII one intact, and the server decodes it (as Gophernicus does).
func tagSelectorLink(dir, tag string) string { return dir + tagsPath + escapeTag(tag) }

// escapeTag is a tag percent-encoded as one segment of a path: "/"
// becomes %2F, and a tag that is all dots ("." or "..") has them encoded
// too, since a client would resolve /tags/.. to the root before asking.
func escapeTag(tag string) string {
	if strings.Trim(tag, ".") == "" {
		return strings.Repeat("%2E", len(tag))
	}
	return url.PathEscape(tag)
}
