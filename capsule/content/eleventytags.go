package content

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// An Eleventy site's pages of tags. Eleventy makes a collection of each
// tag its templates give (collections.<tag>), and a site makes a page of
// each with a template that paginates the collections object one key at
// a time under an alias, leaving out the collections that are no tags
// (eleventy-base-blog's tag-pages.njk, eleventy-high-performance-blog's
// tags.njk):
//
//	pagination:
//	  data: collections
//	  size: 1
//	  alias: tag
//	  filter: [all, posts]
//	permalink: /tags/{{ tag | slugify }}/
//
// Paginating an object, Eleventy paginates its keys; its filter drops the
// keys it names. Each tag's page is at the permalink filled in with the
// tag. capsule reads such a template (TagTemplate) and answers each of
// those addresses with its own page of that tag, which lists the tag's
// posts (capsule's serveGeneratorTerms), as readers and other sites
// link them; a post's link to one leads there too. The permalink is
// read when it names the alias alone, through no filter, Eleventy's
// slugify or slug, url (which leaves an address from the site's top as
// it is), or one of the site's own plain filters of text
// (eleventyfilters.go); a JavaScript front matter's computed permalink
// when it is a function returning one template literal of the alias,
// data.tag or this.slugify(data.tag). Any other (a collection of the
// site's code, collections.tagList; a size over one; a permalink of
// other data) is left out as the template it is, in a warning.

// TagTemplate is an Eleventy template that makes a page of each tag.
type TagTemplate struct {
	// File and Line are the template's, as warnings name them.
	File string
	Line int
	// Permalink is its permalink, in Nunjucks' syntax whatever it was
	// written in ("/tags/{{ tag | slugify }}/"), Alias the name it gives
	// each key.
	Permalink, Alias string
	// Filter is the keys its pagination leaves out, each followed by
	// "\n".
	Filter string
	// site is what the template's site says of filters (postDefaults'
	// eleventy).
	site string
}

// Static is the start of the template's addresses, up to the first tag
// ("/tags/", "/ja/tags/").
func (t TagTemplate) Static() string {
	s, _, _ := strings.Cut(t.Permalink, "{{")
	return s
}

// Filtered reports whether the pagination leaves tag out: no page of it.
func (t TagTemplate) Filtered(tag string) bool {
	return strings.Contains("\n"+t.Filter, "\n"+tag+"\n")
}

// Address is the address, from the site's top and decoded, where
// Eleventy writes tag's page ("/tags/go-lang/"); ok is false when capsule
// cannot spell it as Eleventy does (slugify of letters outside ASCII,
// which it spells by tables of its own; a character HTML would escape,
// or a tag that makes no folder of its own: "..", "a/../b"), or when
// the pagination leaves the tag out.
func (t TagTemplate) Address(tag string) (string, bool) {
	return t.Addresses()(tag)
}

// Addresses is Address as a function, the site's filters read once for
// all the tags it is given.
func (t TagTemplate) Addresses() func(tag string) (string, bool) {
	ep := eleventyPostData(t.site)
	return func(tag string) (string, bool) { return t.address(tag, ep) }
}

// address is Address, ep the site's filters.
func (t TagTemplate) address(tag string, ep eleventyPost) (string, bool) {
	if t.Filtered(tag) {
		return "", false
	}
	ok := true
	out := eleventyTag.ReplaceAllStringFunc(t.Permalink, func(m string) string {
		expr, filters, _ := strings.Cut(eleventyTag.FindStringSubmatch(m)[1], "|")
		if strings.TrimSpace(expr) != t.Alias {
			ok = false
			return ""
		}
		v := tag
		if filters == "" && strings.ContainsAny(v, `<>&"'`+"?#%\\") {
			// As written into a path: what Nunjucks may escape, or
			// what no folder's name is on the web.
			ok = false
			return ""
		}
		for f := range strings.SplitSeq(filters, "|") {
			f = strings.TrimSpace(f)
			if filters == "" {
				break
			}
			fine := true
			if own, redefined := ep.Filters[f]; redefined {
				if own.Text == nil {
					ok = false
					return ""
				}
				v, fine = own.Text.apply(v)
			} else {
				switch f {
				case "slugify":
					v, fine = eleventySlugify(v)
				case "slug":
					v, fine = eleventySlug(v)
				case "url":
					// From the site's top, the address as it is
					// (its pathPrefix is the web host's, not the
					// output's).
				default:
					fine = false
				}
			}
			if !fine {
				ok = false
				return ""
			}
		}
		return v
	})
	if !ok || out == "" || strings.ContainsAny(out, "{}") || strings.ContainsFunc(out, unicode.IsControl) {
		return "", false
	}
	out = "/" + strings.TrimLeft(strings.TrimSuffix(out, "index.html"), "/")
	if !strings.HasSuffix(out, "/") || path.Clean(out)+"/" != out || out == "/" || len(out) > MaxAliasBytes {
		return "", false
	}
	return out, true
}

// TagTemplates are the site's templates of tag pages (TagTemplate), by
// file; nil for a site with none.
func (c *Content) TagTemplates() []TagTemplate { return c.tagTemplates }

var (
	// jsPagination is JavaScript front matter's pagination object, of
	// literals alone: const pagination = { data: "collections", … }.
	jsPagination = regexp.MustCompile(`(?m)^\s*(?:(?:const|let|var)\s+)?pagination\s*[:=]\s*\{([^{}]*)\}`)
	jsObjString  = regexp.MustCompile(`(?m)(?:^|[{,])\s*["']?(data|alias)["']?\s*:\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')`)
	jsObjSize    = regexp.MustCompile(`(?m)(?:^|[{,])\s*["']?size["']?\s*:\s*(\d+)\s*(?:,|$)`)
	jsObjFilter  = regexp.MustCompile(`(?m)(?:^|[{,])\s*["']?filter["']?\s*:\s*(?:\[([^\[\]]*)\]|"([^"\\\n]*)"|'([^'\\\n]*)')`)
	jsStringItem = regexp.MustCompile(`^\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')\s*$`)
	// jsComputedPermalink is a permalink computed by a function returning
	// one template literal, in eleventyComputed: permalink:
	// function(data) { return `/tags/${this.slugify(data.tag)}/`; }, or
	// an arrow function of it. Comments of whole lines before the
	// return are skipped.
	jsComputedPermalink = regexp.MustCompile("(?s)\\bpermalink\\s*:\\s*(?:function\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\)\\s*\\{\\s*((?://[^\\n]*\\n\\s*)*)return\\s*`([^`$]*(?:\\$\\{[^`{}]*\\}[^`$]*)*)`\\s*;?\\s*\\}|\\(?\\s*([A-Za-z_$][\\w$]*)\\s*\\)?\\s*=>\\s*`([^`$]*(?:\\$\\{[^`{}]*\\}[^`$]*)*)`)")
	jsLiteralPart       = regexp.MustCompile(`\$\{\s*([^{}]*?)\s*\}`)
)

// eleventyTagTemplate reads the template file of front matter m (lines
// its keys' lines; src the file as read) as a template of tag pages;
// nil when it is none. why, when it paginates the collections but
// capsule cannot read how (its permalink, a size over one), says what.
func eleventyTagTemplate(file string, def postDefaults, m map[string]any, lines map[string]int, src []byte) (t *TagTemplate, why string) {
	var data, alias, permalink string
	var size int
	var filter []string
	line := max(lines["pagination"], 1)
	if p, ok := m["pagination"].(map[string]any); ok {
		data, _ = p["data"].(string)
		alias, _ = p["alias"].(string)
		switch n := p["size"].(type) {
		case int:
			size = n
		case int64:
			size = int(n)
		case uint64:
			size = int(min(n, 1<<20))
		case float64:
			if n == float64(int(n)) {
				size = int(n)
			}
		}
		switch f := p["filter"].(type) {
		case string:
			filter = []string{f}
		case []any:
			for _, v := range f {
				s, ok := v.(string)
				if !ok {
					return nil, "its pagination's filter is not a list of names"
				}
				filter = append(filter, s)
			}
		}
		permalink, _ = m["permalink"].(string)
		if c, ok := m["eleventyComputed"].(map[string]any); ok && permalink == "" {
			permalink, _ = c["permalink"].(string)
		}
	} else if isJSFront(src) {
		front := src
		if i := strings.Index(string(src[3:]), "\n---"); i >= 0 {
			front = src[:3+i]
		}
		pm := jsPagination.FindSubmatch(front)
		if pm == nil {
			return nil, ""
		}
		line = 1 + strings.Count(string(front[:strings.Index(string(front), string(pm[0]))]), "\n")
		obj := pm[1]
		for _, kv := range jsObjString.FindAllSubmatch(obj, -1) {
			v := string(kv[2]) + string(kv[3])
			if string(kv[1]) == "data" {
				data = v
			} else {
				alias = v
			}
		}
		if s := jsObjSize.FindSubmatch(obj); s != nil && len(s[1]) < 4 {
			fmt.Sscan(string(s[1]), &size)
		}
		if f := jsObjFilter.FindSubmatch(obj); f != nil {
			if f[1] == nil {
				filter = []string{string(f[2]) + string(f[3])}
			} else {
				for item := range strings.SplitSeq(string(f[1]), ",") {
					if strings.TrimSpace(item) == "" {
						continue
					}
					im := jsStringItem.FindStringSubmatch(item)
					if im == nil {
						return nil, "its pagination's filter is not a list of names"
					}
					filter = append(filter, im[1]+im[2])
				}
			}
		}
		permalink, _ = m["permalink"].(string)
		if cm := jsComputedPermalink.FindSubmatch(front); cm != nil && permalink == "" {
			param, lit := string(cm[1]), string(cm[3])
			if cm[4] != nil {
				param, lit = string(cm[4]), string(cm[5])
			}
			permalink = jsTagLiteral(lit, param, alias)
			if permalink == "" {
				return nil, fmt.Sprintf("its computed permalink `%s` is one capsule does not follow", clip(lit))
			}
		}
	} else {
		return nil, ""
	}
	if strings.TrimSpace(data) != "collections" {
		return nil, "" // other data: its pages are no tags'
	}
	switch {
	case size != 1 || alias == "":
		return nil, "its pagination of the collections is not one tag a page under an alias"
	case permalink == "":
		return nil, "it has no permalink capsule reads"
	case strings.Contains(permalink, "{%"):
		return nil, fmt.Sprintf("its permalink %q is one capsule does not follow", clip(permalink))
	}
	for _, tag := range eleventyTag.FindAllStringSubmatch(permalink, -1) {
		expr, _, _ := strings.Cut(tag[1], "|")
		if strings.TrimSpace(expr) != alias {
			return nil, fmt.Sprintf("its permalink %q names other data than the tag", clip(permalink))
		}
	}
	if !strings.Contains(permalink, "{{") {
		return nil, fmt.Sprintf("its permalink %q names no tag", clip(permalink))
	}
	t = &TagTemplate{File: file, Line: line, Permalink: permalink, Alias: alias, site: def.eleventy}
	for _, f := range filter {
		t.Filter += f + "\n"
	}
	return t, ""
}

// jsTagLiteral is the template literal lit, of a function of parameter
// param, as a Nunjucks permalink: ${param.alias} as {{ alias }},
// ${this.slugify(param.alias)} (and slug) as {{ alias | slugify }}; ""
// for any other.
func jsTagLiteral(lit, param, alias string) string {
	ok := true
	out := jsLiteralPart.ReplaceAllStringFunc(lit, func(part string) string {
		expr := strings.TrimSpace(jsLiteralPart.FindStringSubmatch(part)[1])
		if expr == param+"."+alias {
			return "{{ " + alias + " }}"
		}
		for _, f := range []string{"slugify", "slug"} {
			if expr == "this."+f+"("+param+"."+alias+")" {
				return "{{ " + alias + " | " + f + " }}"
			}
		}
		ok = false
		return ""
	})
	if !ok || strings.Contains(out, "${") {
		return ""
	}
	return out
}

// eleventyTagWarnings warns, for each template of tag pages, of the tags
// of posts whose page's address capsule cannot spell (TagTemplate.Address):
// their pages are served at capsule's own addresses alone. One warning a
// template, naming at most three tags.
func eleventyTagWarnings(ts []TagTemplate, posts []*Post) []*FileError {
	var warns []*FileError
	for _, t := range ts {
		var bad []string
		seen := make(map[string]bool)
		address := t.Addresses()
		for _, p := range posts {
			for _, tag := range p.Tags {
				if seen[tag] {
					continue
				}
				seen[tag] = true
				if _, ok := address(tag); !ok && !t.Filtered(tag) {
					bad = append(bad, tag)
				}
			}
		}
		if len(bad) == 0 {
			continue
		}
		slices.Sort(bad)
		names := make([]string, 0, 3)
		for _, b := range bad[:min(3, len(bad))] {
			names = append(names, fmt.Sprintf("%q", clip(b)))
		}
		more := ""
		if len(bad) > 3 {
			more = fmt.Sprintf(" and %d more", len(bad)-3)
		}
		warns = append(warns, &FileError{File: t.File, Line: t.Line, Kind: "tag page address unknown",
			Msg: fmt.Sprintf("the pages its permalink %q makes of the tags %s%s are at addresses capsule cannot spell as Eleventy does: those tags' pages are at capsule's own addresses alone", clip(t.Permalink), strings.Join(names, ", "), more)})
	}
	return warns
}
