package content

import (
	"cmp"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The jekyll-paginate plugin's pages. A Jekyll site that lists the
// plugin (in _config.yml's plugins or gems, or in its Gemfile; or whose
// theme is Chirpy, which depends on it) and sets
// paginate (the posts a page lists) splits its list of posts into
// pages: the first is the template page, the index.html (a page, with
// front matter) of the folder of paginate_path, or else of the nearest
// folder above it; page n, from 2, is at paginate_path with :num
// replaced by n (/page2/ of the default "/page:num/"; /tabs/blog/2/ of
// "/tabs/blog/:num"). There are as many pages as the posts fill,
// ceil(posts / paginate), the posts being all that Jekyll publishes but
// those whose front matter (or defaults) says hidden
// (lib/jekyll-paginate/pagination.rb, pager.rb). Without the template
// page, the plugin makes none. jekyll-paginate-v2, which pages any page
// that asks for it by its own settings, is read below.

// jekyllPaginate is a Jekyll site's jekyll-paginate settings; the zero
// value when the plugin makes no pages.
type jekyllPaginate struct {
	per   int    // paginate: posts a page, 0 for none
	path  string // paginate_path, with a leading slash and ":num"
	first string // the template page's address: "/", "/tabs/blog/"
	// v2 is jekyll-paginate-v2's site settings (readJekyllPaginateV2),
	// whose templates are pages (Post.pagination) and HTML templates
	// (Content.templatesV2).
	v2     paginationV2
	v2home paginationV2 // the site's index.html's, when it is a template of the plugin's
}

// defaultPaginatePath is jekyll-paginate's paginate_path unless set.
const defaultPaginatePath = "/page:num"

// readJekyllPaginate reads the jekyll-paginate settings of the Jekyll
// site in dir, m its _config.yml.
func readJekyllPaginate(m map[string]any, dir string) jekyllPaginate {
	listed := jekyllPluginOn(m, dir, "jekyll-paginate")
	per := int(frontInt(m["paginate"]))
	if s, ok := m["paginate"].(string); ok {
		per, _ = strconv.Atoi(strings.TrimSpace(s)) // Ruby's to_i, of a number written as a string
	}
	if !listed || per <= 0 {
		pg := jekyllPaginate{v2: readJekyllPaginateV2(m, dir)}
		if pg.v2.enabled {
			// The site's index.html, a template not among the files
			// (jekyllSkipped), may be one of the plugin's.
			if b, err := readSmall(filepath.Join(dir, "index.html")); err == nil && jekyllTemplate(b) {
				pg.v2home = htmlTemplateV2(b, "index.html")
			}
		}
		return pg
	}
	pp := defaultPaginatePath
	if s := str(m["paginate_path"]); s != "" {
		pp = s
	}
	if !strings.Contains(pp, ":num") || strings.Contains(pp, "..") {
		return jekyllPaginate{} // Jekyll stops at it; capsule makes none
	}
	pp = "/" + strings.TrimLeft(pp, "/")
	// The template: the index.html nearest to paginate_path's folder,
	// in it or above it, that is a page (its front matter).
	for d := path.Dir(strings.TrimSuffix(pp, "/")); ; d = path.Dir(d) {
		if startsFrontFile(filepath.Join(dir, filepath.FromSlash(d), "index.html")) {
			first := d + "/"
			if d == "/" {
				first = "/"
			}
			return jekyllPaginate{per: per, path: pp, first: first}
		}
		if d == "/" || d == "." {
			return jekyllPaginate{}
		}
	}
}

// Paginator is the addresses of the pages a Jekyll plugin makes of a
// list of posts: First, page 1's, the template's ("/", "/tabs/blog/",
// "/ja/"), and Later, pages 2 to the last, as many as the posts
// published and not hidden fill (so never more than there are posts),
// and all lists' together at most maxPaginatedPerPost a post.
type Paginator struct {
	First string
	Later []string
}

// JekyllPaginators is the lists of posts in pages that jekyll-paginate
// (one, the site's) and jekyll-paginate-v2 (one a template page) make of
// a Jekyll site's posts; none for a site without the plugins' pages. A
// jekyll-polyglot site has jekyll-paginate's in each language, the
// default one's at the top and each other's under its folder
// (/ja/page2/), since polyglot builds the site, paginator and all, once
// per language: in each, the posts are one version of each post, the
// language's or else the one polyglot copies there (polyglotFallback),
// so each language lists as many posts as the site has posts in any
// language.
func (c *Content) JekyllPaginators() []Paginator {
	pg := c.jekyllPaginate
	if pg.per <= 0 && !pg.v2.enabled {
		return nil
	}
	n := 0
	for _, p := range c.Posts {
		if !p.hidden {
			n++
		}
	}
	budget := maxPaginatedPerPost * n // the bound: see maxPaginatedPerPost
	pages := func(dir string, n int) Paginator {
		p := Paginator{First: dir + pg.first}
		for i := 2; i <= (n+pg.per-1)/pg.per && budget > 0; i++ {
			p.Later = append(p.Later, dir+strings.Replace(pg.path, ":num", strconv.Itoa(i), 1))
			budget--
		}
		return p
	}
	var out []Paginator
	switch {
	case pg.per <= 0:
	case !c.polyglot || len(c.Languages) < 2:
		out = append(out, pages("", n))
	default:
		groups, order := polyglotVersions(c.Posts)
		for _, l := range c.Languages {
			n := 0
			for _, key := range order {
				g := groups[key]
				v := polyglotFallback(g)
				if i := slices.IndexFunc(g, func(p *Post) bool { return p.langCode == l.Code }); i >= 0 {
					v = g[i]
				}
				if !v.hidden {
					n++
				}
			}
			out = append(out, pages(l.Dir, n))
		}
	}
	if pg.v2.enabled {
		// The templates: pages (the home's index.md among the unlisted),
		// and templates of HTML, which capsule does not serve.
		templates := slices.Clone(c.templatesV2)
		if pg.v2home.enabled {
			templates = append(templates, pg.v2home)
		}
		for _, list := range [][]*Post{c.Pages, c.Unlisted, c.NoPage} {
			for _, p := range list {
				if p.pagination.enabled {
					templates = append(templates, p.pagination)
				}
			}
		}
		templates = slices.DeleteFunc(templates, func(t paginationV2) bool { return t.first == "" || t.odd || pg.v2.odd })
		slices.SortStableFunc(templates, func(a, b paginationV2) int { return strings.Compare(a.first, b.first) })
		templates = slices.CompactFunc(templates, func(a, b paginationV2) bool { return a.first == b.first })
		for _, t := range templates[:min(len(templates), maxTemplatesV2)] {
			later := pagesV2(pg.v2, t, n, budget)
			out = append(out, Paginator{First: t.first, Later: later})
			budget -= len(later)
		}
	}
	return out
}

// jekyll-paginate-v2's pages (its generator/, as of 3.0). A Jekyll site
// that lists the plugin and enables it in _config.yml's pagination
// (without jekyll-paginate's paginate, which the plugin refuses beside
// it) pages the posts of every page whose own front matter's pagination
// says enabled: true, its template, with the site's settings under the
// page's own (per_page, 10 unless set; permalink, "/page:num/"; offset,
// limit). Page 1 is at the template's permalink, or its folder's
// address; page n, from 2, at that address joined with permalink, :num
// replaced by n (/blog/page/2/). There are ceil((posts - offset) /
// per_page) pages, at most limit when it is set, the posts being those
// published and not hidden. capsule reads the plain case alone: a page
// whose list has a filter (a collection other than posts, a category, a
// tag or a locale) or an index page name of its own (indexpage,
// extension) is left as it was, as is a permalink not ending in "/"
// (the plugin then names its pages otherwise), and a template that is
// neither a folder's index nor has a permalink (its address then
// depends on the site's permalink style).

// paginationV2 is a pagination block of jekyll-paginate-v2's settings:
// the site's (in _config.yml) or a template page's (in its front
// matter), where first is the address of its page 1. The zero value is
// none; unset numbers are -1 (0 is a value of offset and limit).
type paginationV2 struct {
	enabled       bool
	per           int    // per_page, -1 unset
	permalink     string // "" unset
	offset, limit int    // -1 unset
	odd           bool   // a filter or an index page name of its own: not read
	first         string // a template's page 1: "/", "/blog/"; "" for the site's, or one capsule cannot place
}

// maxTemplatesV2 bounds the templates of jekyll-paginate-v2's lists
// capsule answers the pages of (JekyllPaginators), each as many as the
// posts, in the order of their first pages' addresses: a blog has one
// or two (its home, its blog's page); past it, pages 2 on are not found.
const maxTemplatesV2 = 32

// maxPaginatedPerPost bounds the pages 2 on of all a site's lists of
// posts together (JekyllPaginators), a number a post published: a
// blog's list or two, each one post a page at most, are well within it;
// 32 templates of one post a page each were 32 addresses a post, each
// answered in several forms (20,000 posts: 1.3 GB and 13 s to check).
// Past it, the later lists' later pages are not found.
const maxPaginatedPerPost = 4

// maxPaginationNumber bounds the numbers of a pagination block capsule
// keeps (per_page, offset, limit): more than any blog's posts.
const maxPaginationNumber = 1 << 24

// readPaginationV2 reads a pagination block, v, as the plugin merges it:
// a mapping, with enabled true in Ruby's truth (neither nil nor false);
// the zero value for any other.
func readPaginationV2(v any) paginationV2 {
	m, ok := v.(map[string]any)
	if !ok || m["enabled"] == nil || m["enabled"] == false {
		return paginationV2{}
	}
	num := func(key string) int {
		switch x := m[key].(type) {
		case nil:
			return -1
		case string:
			n, _ := strconv.Atoi(strings.TrimSpace(x)) // Ruby's to_i
			return max(0, min(n, maxPaginationNumber))
		default:
			return min(int(frontInt(x)), maxPaginationNumber)
		}
	}
	pg := paginationV2{enabled: true, per: num("per_page"), offset: num("offset"), limit: num("limit")}
	if s, ok := m["permalink"].(string); ok {
		pg.permalink = strings.TrimSpace(s)
	}
	for _, key := range []string{"category", "tag", "locale"} {
		pg.odd = pg.odd || m[key] != nil
	}
	if c, set := m["collection"]; set && !strings.EqualFold(strings.TrimSpace(str(c)), "posts") {
		pg.odd = true
	}
	if s, set := m["indexpage"]; set && str(s) != "index" {
		pg.odd = true
	}
	if s, set := m["extension"]; set && strings.TrimPrefix(str(s), ".") != "html" {
		pg.odd = true
	}
	return pg
}

// templateV2 is the pagination of a Jekyll page whose front matter is m,
// its file at rel (slashes, from the site's folder): the zero value
// unless it is a template of jekyll-paginate-v2's, with the address of
// its page 1.
func templateV2(m map[string]any, rel string) paginationV2 {
	pg := readPaginationV2(m["pagination"])
	if !pg.enabled {
		return paginationV2{}
	}
	if s, ok := m["permalink"].(string); ok && strings.TrimSpace(s) != "" {
		pg.first = "/" + strings.TrimLeft(strings.TrimSpace(s), "/")
		if !strings.HasSuffix(pg.first, "/") {
			pg.first += "/" // the plugin's ensure_trailing_slash
		}
	} else if name := path.Base(rel); strings.EqualFold(strings.TrimSuffix(name, path.Ext(name)), "index") {
		pg.first = "/"
		if d := path.Dir(rel); d != "." {
			pg.first = "/" + d + "/"
		}
	}
	if strings.Contains(pg.first, "..") || strings.Contains(pg.first, ":") {
		pg.first = "" // a permalink of placeholders (/:title/), or leading out
	}
	return pg
}

// readJekyllPaginateV2 reads jekyll-paginate-v2's site settings of the
// Jekyll site in dir, m its _config.yml: the zero value when the plugin
// makes no pages.
func readJekyllPaginateV2(m map[string]any, dir string) paginationV2 {
	if !jekyllPluginOn(m, dir, "jekyll-paginate-v2") || m["paginate"] != nil {
		// With paginate, the plugin runs jekyll-paginate's settings,
		// which it refuses since 2018: the build stops.
		return paginationV2{}
	}
	return readPaginationV2(m["pagination"])
}

// pagesV2 is the addresses of pages 2 to the last of template t's list
// of n posts under site's settings, at most most of them; none for a
// template capsule does not read.
func pagesV2(site, t paginationV2, n, most int) []string {
	if !site.enabled || !t.enabled || site.odd || t.odd || t.first == "" {
		return nil
	}
	or := func(a, b, def int) int {
		if a >= 0 {
			return a
		}
		if b >= 0 {
			return b
		}
		return def
	}
	per, offset, limit := or(t.per, site.per, 10), or(t.offset, site.offset, 0), or(t.limit, site.limit, 0)
	link := cmp.Or(t.permalink, site.permalink, "/page:num/")
	if per <= 0 || !strings.Contains(link, ":num") || !strings.HasSuffix(link, "/") || strings.Contains(link, "..") {
		return nil
	}
	n = max(0, n-offset)
	last := (n + per - 1) / per
	if limit > 0 && limit < last {
		last = limit
	}
	var later []string
	for i := 2; i <= last && len(later) < most; i++ {
		a := t.first + strings.TrimLeft(link, "/")
		a = strings.Replace(strings.Replace(a, ":num", strconv.Itoa(i), 1), ":max", strconv.Itoa(last), 1) // the plugin's format_page_number
		later = append(later, a)
	}
	return later
}

// htmlTemplateV2 is the pagination of data, the HTML page at rel of a
// Jekyll site, when it is a template of jekyll-paginate-v2's (templateV2):
// its front matter decoded as a page's is, within the same limits.
func htmlTemplateV2(data []byte, rel string) paginationV2 {
	front, _, _, start, format, ferr := splitFront(NormalizeSource(data))
	if ferr != nil || format != formatYAML {
		return paginationV2{}
	}
	m, _, _, ferr := decodeFrontAs(format, front, start, defaultFrontLimits)
	if ferr != nil {
		return paginationV2{}
	}
	return templateV2(m, rel)
}
