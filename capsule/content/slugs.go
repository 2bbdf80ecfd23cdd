package content

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// uniqueSlugs gives every post of posts a slug of its own, as the
// generators' addresses are: the same file name in two sections, or on
// two dates (Jekyll's 2011-06-08-index.md and 2013-05-24-index.md), is
// two posts at two addresses there. Of the posts that share a slug, the
// published before drafts, the oldest (then the first by file) keeps
// it, so that a post added later never moves one already served; the
// others take their folders before it (fr-contact) or their date
// (2013-05-24-index), else a number, each with a warning saying where it
// is served.
//
// In a multilingual site, each language has its slugs: hello.md and
// hello.fr.md are /posts/hello and /fr/posts/hello.
func uniqueSlugs(posts []*Post) []*FileError {
	// Each slug's first post, and the posts after it of the slugs that
	// have several, in the order of their first: a slug is one map
	// entry, and a post one lookup (the slugs shared are few).
	first := make(map[slugKey]int, len(posts))
	var shared map[slugKey][]*Post
	var order []slugKey
	for i, p := range posts {
		key := slugKey{p.LangDir, p.Slug}
		j, ok := first[key]
		if !ok {
			first[key] = i
			continue
		}
		if shared == nil {
			shared = make(map[slugKey][]*Post)
		}
		if len(shared[key]) == 0 {
			order = append(order, key)
			shared[key] = []*Post{posts[j]}
		}
		shared[key] = append(shared[key], p)
	}
	slices.SortFunc(order, func(a, b slugKey) int { return cmp.Compare(first[a], first[b]) })
	taken := func(dir, slug string) bool {
		_, ok := first[slugKey{dir, slug}]
		return ok
	}
	var warns []*FileError
	for _, key := range order {
		g := shared[key]
		slug := g[0].Slug
		// A home page's text (Post.Home, named index) yields to a post
		// or page of that name, without a word: its address is the
		// home page's link, not one its author chose. A draft yields
		// to what is published: an author's draft never moves a post
		// readers have. Once published, an older one takes the slug
		// back, as a build from nothing gives it (what a reload gives
		// depends on the files alone); the warning says so, and how
		// to choose.
		slices.SortFunc(g, func(a, b *Post) int {
			return cmp.Or(cmpBool(a.Home, b.Home), cmpBool(a.Draft, b.Draft), a.Date.Compare(b.Date), cmp.Compare(a.File, b.File))
		})
		for _, p := range g[1:] {
			next := qualifiedSlug(p, p.Dir != g[0].Dir, taken)
			first[slugKey{p.LangDir, next}] = -1 // taken, after the others
			if !p.Home {
				warns = append(warns, &FileError{File: p.File, Line: 1,
					Msg: fmt.Sprintf("slug %q is also %s's: served as %q (give it a slug of its own in its front matter to choose)", slug, g[0].File, next), Kind: "duplicate slug"})
			}
			p.Slug = next
		}
	}
	return warns
}

// slugKey is a slug in a language's folder (Post.LangDir).
type slugKey struct{ dir, slug string }

// qualifiedSlug is a slug for p no post has (taken): p's slug after its
// folders (first, when byFolder: it shares the slug with a post of
// another folder, as Hugo's sections), or after its date (Jekyll's
// posts of several dates), else with a number.
func qualifiedSlug(p *Post, byFolder bool, taken func(dir, slug string) bool) string {
	var dated, foldered string
	if p.HasDate {
		dated = p.Date.Format("2006-01-02") + "-" + p.Slug
	}
	if folders := strings.Trim(strings.TrimSuffix(p.Dir, p.Slug), "/"); folders != "" { // a bundle's folder is its slug
		foldered = strings.ReplaceAll(folders, "/", "-") + "-" + p.Slug
	}
	tries := []string{dated, foldered}
	if byFolder {
		tries = []string{foldered, dated}
	}
	for _, t := range tries {
		if t != "" && !taken(p.LangDir, t) && len(t) <= MaxSlugBytes {
			return t
		}
	}
	for n := 2; ; n++ {
		if t := p.Slug + "-" + strconv.Itoa(n); !taken(p.LangDir, t) {
			return t
		}
	}
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
