package content

import (
	"fmt"
	"slices"
	"testing"

	"capsule/capsule/internal/testfs"
)

// jekyll-paginate's template page is the index.html, with front matter,
// of paginate_path's folder or the nearest above it; none without the
// plugin, without paginate, without ":num", or without such a page (an
// index.html without front matter is a file Jekyll copies, no page).
func TestJekyllPaginatorTemplate(t *testing.T) {
	post := "---\ntitle: P\n---\nx\n"
	page := "---\nlayout: home\n---\n"
	for _, c := range []struct {
		name   string
		files  map[string]string
		first  string
		pagers []string
	}{
		{"default path", map[string]string{"_config.yml": "plugins: [jekyll-paginate]\npaginate: 1\n", "index.html": page}, "/", []string{"/page2", "/page3"}},
		{"nearest above", map[string]string{"_config.yml": "plugins: [jekyll-paginate]\npaginate: 2\npaginate_path: /blog/list/p:num/\n", "index.html": page, "blog/index.html": page}, "/blog/", []string{"/blog/list/p2/"}},
		{"chirpy", map[string]string{"_config.yml": "theme: jekyll-theme-chirpy\npaginate: 2\n", "index.html": page}, "/", []string{"/page2"}},
		{"gemfile", map[string]string{"_config.yml": "paginate: \"2\"\n", "Gemfile": "group :jekyll_plugins do\n  gem \"jekyll-paginate\"\nend\n", "index.html": page}, "/", []string{"/page2"}},
		{"no plugin", map[string]string{"_config.yml": "paginate: 1\n", "index.html": page}, "", nil},
		{"no num", map[string]string{"_config.yml": "plugins: [jekyll-paginate]\npaginate: 1\npaginate_path: /page/\n", "index.html": page}, "", nil},
		{"no front matter", map[string]string{"_config.yml": "plugins: [jekyll-paginate]\npaginate: 1\n", "index.html": "<p>hi</p>\n"}, "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, name := range []string{"_posts/2024-01-01-a.md", "_posts/2024-01-02-b.md", "_posts/2024-01-03-c.md"} {
				c.files[name] = post
			}
			ct, err := Load(testfs.Write(t, c.files), LoadOptions{Settle: -1})
			if err != nil {
				t.Fatal(err)
			}
			var first string
			var later []string
			if pgs := ct.JekyllPaginators(); len(pgs) == 1 {
				first, later = pgs[0].First, pgs[0].Later
			} else if len(pgs) > 1 {
				t.Fatalf("%d lists of pages in a site of one language", len(pgs))
			}
			if first != c.first || !slices.Equal(later, c.pagers) {
				t.Errorf("pages %q %q, want %q %q", first, later, c.first, c.pagers)
			}
		})
	}
}

// A site of many jekyll-paginate-v2 templates, each one post a page,
// answers at most maxPaginatedPerPost later pages a post, all lists
// together: 40 templates over 30 posts were 32 × 29 addresses (each
// template's own bound, 32 lists), 928, where the bound is 120. The
// first lists keep all their pages, in the order of their addresses.
func TestJekyllPaginatorsBoundedByPosts(t *testing.T) {
	files := map[string]string{"_config.yml": "plugins: [jekyll-paginate-v2]\npagination:\n  enabled: true\n  per_page: 1\n  permalink: /page/:num/\n"}
	const posts, templates = 30, 40
	for i := range posts {
		files[fmt.Sprintf("_posts/2024-01-%02d-p.md", i+1)] = "---\ntitle: P\n---\nx\n"
	}
	for i := range templates {
		files[fmt.Sprintf("l%02d/index.md", i)] = "---\ntitle: L\npagination:\n  enabled: true\n---\n"
	}
	ct, err := Load(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	pgs := ct.JekyllPaginators()
	total := 0
	for _, pg := range pgs {
		total += len(pg.Later)
	}
	if total > maxPaginatedPerPost*posts {
		t.Errorf("%d later pages over %d lists, over the bound of %d a post (%d)", total, len(pgs), maxPaginatedPerPost, maxPaginatedPerPost*posts)
	}
	if len(pgs) == 0 || pgs[0].First != "/l00/" || len(pgs[0].Later) != posts-1 {
		t.Fatalf("the first list is not whole: %+v", pgs[:min(1, len(pgs))])
	}
}
