package content

import (
	"path"
	"path/filepath"
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
// that asks for it by its own settings, is not read.

// jekyllPaginate is a Jekyll site's jekyll-paginate settings; the zero
// value when the plugin makes no pages.
type jekyllPaginate struct {
	per   int    // paginate: posts a page, 0 for none
	path  string // paginate_path, with a leading slash and ":num"
	first string // the template page's address: "/", "/tabs/blog/"
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
		return jekyllPaginate{}
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

// JekyllPaginator is the addresses of the pages jekyll-paginate makes of
// a Jekyll site's list of posts: first, the template page's ("/",
// "/tabs/blog/"), and later, pages 2 to the last, as many as the posts
// published and not hidden fill (so never more than there are posts);
// "" and none for a site without the plugin's pages.
func (c *Content) JekyllPaginator() (first string, later []string) {
	pg := c.jekyllPaginate
	if pg.per <= 0 {
		return "", nil
	}
	n := 0
	for _, p := range c.Posts {
		if !p.hidden {
			n++
		}
	}
	for i := 2; i <= (n+pg.per-1)/pg.per; i++ {
		later = append(later, strings.Replace(pg.path, ":num", strconv.Itoa(i), 1))
	}
	return pg.first, later
}
