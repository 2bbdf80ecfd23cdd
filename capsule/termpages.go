package capsule

import (
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
)

// The pages of a Hugo or Zola site's terms. Hugo and Zola make a page for
// each tag (/tags/<term>/) and each category (/categories/<term>/), in a
// language's folder in a multilingual site (/ja/tags/<term>/): readers
// keep their addresses and other sites link them. Each leads to the
// capsule's page of that tag (capsule's tags hold both tags and
// categories), as a post's link to them does (postLinks.termTag): a
// redirect on Gemini, the tag's menu on Gopher. Hexo's are hexoterms.go's,
// and Jekyll's those of the jekyll-archives plugin (serveGeneratorTerms);
// without it they depend on a theme and are left alone.

// serveTermPages answers the addresses of the pages of b's terms, b a
// blog of a Hugo or Zola site (content.Content.SectionLists): a tag at
// /tags/<term>/, a category at /categories/<term>/, the term spelled as
// the generator spells it in an address (Hugo's urlize,
// content.TermKey; Zola's slugify, content.ZolaTermKey), and the pages
// its list is split into (/tags/go/page/2/: hugopagers.go). Last, after
// everything else: an address that a page,
// a file, an old address or a folder's index has keeps it. Then each
// tag's folder as the capsule spells the tag (/tags/CI%2FCD/, below).
// At most three addresses for each of b's tags and each page of its
// list (as many as its posts fill; twice that for a Hugo term with an
// underscore, in both spellings), and the list of
// categories (/categories/, the capsule's list of tags), in three forms
// each; one more of each with uglyURLs (/tags/go.html, hugougly.go), and
// /tags.html.
func (st *Store) serveTermPages(c *content.Content, b *blog) {
	if !c.SectionLists() || c.Hexo() {
		return
	}
	key := content.TermKey
	if c.ZolaTerms() {
		key = content.ZolaTermKey
	}
	tags, categories := content.TaxonomyTerms(b.posts, key)
	pageTags, pageCategories := content.TaxonomyTerms(b.pages, key)
	redirects := make(map[string]*gemini.Response)
	// With uglyURLs, Hugo writes each at its address with .html:
	// /tags/go.html, /tags.html (hugougly.go).
	uglyTags, uglyCategories := c.HugoUglyList("tags"), c.HugoUglyList("categories")
	// A Hugo site's lists of terms are written even with no term in
	// them (content.HugoTermLists): /categories/ leads to the list of
	// tags, which has none.
	if len(categories)+len(pageCategories) > 0 || slices.Contains(c.HugoTermLists(), "categories") {
		st.serveTermAddress(b, b.dir+"/categories/", "", redirects) // their list: the capsule's of tags
		if uglyCategories {
			st.serveTermAddress(b, uglyAddress(b.dir+"/categories/"), "", redirects)
		}
	}
	hugoTags := slices.Contains(c.HugoTermLists(), "tags")
	if uglyTags && (len(tags)+len(pageTags) > 0 || hugoTags) {
		st.serveTermAddress(b, uglyAddress(b.dir+"/tags/"), "", redirects)
	}
	if len(tags)+len(pageTags) > 0 || hugoTags {
		// /tags/index.html, /tags: the capsule's /tags/ keeps its own.
		st.serveTermAddress(b, b.dir+"/tags/", "", redirects)
	}
	// Hugo splits the list of a taxonomy's terms into pages too
	// (/tags/page/2/, a term a line), which lead where the list does:
	// ceil(terms/size) pages (Zola splits none: no Pager for it).
	if pg := c.HugoPager(); pg.Size > 0 {
		st.serveListPages(pg, b.dir+"/tags/", len(joinTerms(tags, pageTags)), uglyTags)
		st.serveListPages(pg, b.dir+"/categories/", len(joinTerms(categories, pageCategories)), uglyCategories)
	}
	for _, g := range b.tags {
		k := key(g.Name)
		if k == "" || c.ZolaTerms() && !isASCII(k) {
			// Zola spells other scripts in Latin letters ("日記" as
			// ri-ji, see content.TermKey): an address it never made.
			continue
		}
		// Hugo keeps a term's underscores in its address (/categories/
		// my_cat/), which the key, made to match links, spells as
		// hyphens: both are answered, the key's as it was before.
		spellings := []string{k}
		if h := content.HugoTermPath(g.Name); !c.ZolaTerms() && h != k {
			spellings = append(spellings, h)
		}
		for _, s := range spellings {
			if tags[k] || pageTags[k] {
				st.serveTermAddress(b, b.dir+"/tags/"+s+"/", g.Name, redirects)
				if uglyTags {
					st.serveTermAddress(b, uglyAddress(b.dir+"/tags/"+s+"/"), g.Name, redirects)
				}
				st.serveListPages(c.TermPager("tags"), b.dir+"/tags/"+s+"/", len(g.Posts), uglyTags)
			}
			if categories[k] || pageCategories[k] {
				st.serveTermAddress(b, b.dir+"/categories/"+s+"/", g.Name, redirects)
				if uglyCategories {
					st.serveTermAddress(b, uglyAddress(b.dir+"/categories/"+s+"/"), g.Name, redirects)
				}
				st.serveListPages(c.TermPager("categories"), b.dir+"/categories/"+s+"/", len(g.Posts), uglyCategories)
			}
		}
	}
	// A tag's page is a folder on these sites: a reader who writes the
	// tag as the capsule shows and links it ("#CI/CD", /tags/CI%2FCD.gmi)
	// in that form, /tags/CI%2FCD/, means it too (a new user's trial:
	// 51, where Hugo's /tags/ci/cd/ led there); Zola's Café Crème at
	// /tags/Café Crème/ and 日記 at /tags/日記/ as well. After every
	// term's address of the generator's, which keep theirs: one more
	// address (in three forms) for each of b's tags, but for a path a
	// request never is (a ".." or empty segment, which servers resolve).
	for _, g := range b.tags {
		addr := b.dir + "/tags/" + g.Name + "/"
		if strings.Trim(g.Name, ".") == "" || path.Clean(addr)+"/" != addr {
			continue
		}
		st.serveTermAddress(b, addr, g.Name, redirects)
	}
}

// joinTerms is the set of terms of a and of b.
func joinTerms(a, b map[string]bool) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
