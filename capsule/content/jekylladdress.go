package content

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Jekyll's addresses. A post's address is the site's permalink setting
// filled in for it: a style ("date", the default, is
// /:categories/:year/:month/:day/:title:output_ext, so
// _posts/2014-09-02-hello.md with categories [blog] is
// /blog/2014/09/02/hello.html; "pretty", "ordinal", "weekdate", "none")
// or a pattern of placeholders (/:year/:title/). A post's own permalink
// replaces it, placeholders filled in too, and so does a permalink the
// configuration's defaults give the post's folder or type (Chirpy's
// /posts/:title/). A page's address is its path, /about.html, or
// /about/ when the setting ends with a slash; a collection's documents
// follow the collection's permalink, else /<collection>/<path>.

// jekyllStyles are the permalink styles Jekyll names, as patterns.
var jekyllStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

// jekyllOutputExt is what a Markdown file becomes.
const jekyllOutputExt = ".html"

// jekyllPlaceholder is a placeholder of a pattern: Jekyll takes
// underscores into names (":i_month"), so ":month_:day" is ":month_"
// when there is such a placeholder, else ":month" and "_".
var jekyllPlaceholder = regexp.MustCompile(`:([a-z_]+)`)

// jekyllDatedName is a post's file name: its date, then its slug.
var jekyllDatedName = regexp.MustCompile(`^\d{2,4}-\d{1,2}-\d{1,2}-(.*)$`)

// jekyllAddress is the address Jekyll gives p, "" when none; ok is false
// when p's own permalink has a placeholder Jekyll does not know (Jekyll
// refuses to build the site).
func (c siteConfig) jekyllAddress(p *Post) (addr string, ok bool) {
	file := path.Base(strings.ReplaceAll(p.File, "\\", "/"))
	docDir, kind := c.jekyllDoc(p.Dir)
	rel := path.Join(docDir, file)
	folderCats, _ := jekyllPostFolder(docDir)
	own := p.own != "" && p.ownKey == "permalink"
	pattern := ""
	switch {
	case own:
		pattern = p.own
	default:
		pattern = c.jekyllDefaultPermalink(rel, kind)
	}
	if kind == "pages" {
		return c.jekyllPageAddress(p, file, pattern, own)
	}
	if pattern == "" {
		pattern = c.urls.collections[kind]
	}
	if pattern == "" && kind == "posts" {
		pattern = jekyllStyle(c.permalink)
	}
	if pattern == "" {
		pattern = withStyleEnding("/:collection/:path", c.permalink)
	}
	addr, known := expandJekyll(pattern, func(name string) (string, bool) { return c.jekyllValue(name, p, kind, rel, file, folderCats) })
	if !known {
		return "", !own // a site's own pattern Jekyll refuses: it builds nothing
	}
	return addr, true
}

// jekyllPostFolder says whether dir, a file's folder relative to the
// site, is a _posts or _drafts folder (or one below it), and the
// categories Jekyll gives its posts for the folders above it: ja of
// ja/_posts, none of _posts/ja.
func jekyllPostFolder(dir string) (cats []string, ok bool) {
	parts := strings.Split(dir, "/")
	for i, part := range parts {
		if part == "_posts" || part == "_drafts" {
			return parts[:i], true
		}
	}
	return nil, false
}

// jekyllStyle is the pattern of a permalink setting: a style's, or the
// setting itself.
func jekyllStyle(setting string) string {
	if pattern, ok := jekyllStyles[setting]; ok {
		return pattern
	}
	return setting
}

// withStyleEnding ends template as the permalink setting ends: with a
// slash ("pretty" and patterns ending in "/"), with the output's
// extension ("date", "ordinal", "none" and patterns ending in
// ":output_ext"), or not at all.
func withStyleEnding(template, setting string) string {
	switch setting {
	case "pretty":
		return template + "/"
	case "date", "ordinal", "none":
		return template + ":output_ext"
	}
	if strings.HasSuffix(setting, "/") {
		template += "/"
	}
	if strings.HasSuffix(setting, ":output_ext") {
		template += ":output_ext"
	}
	return template
}

// jekyllPageAddress is the address of a page: its folder and name, or
// its permalink (own when its front matter's), whose only placeholders
// are :path, :basename and :output_ext.
func (c siteConfig) jekyllPageAddress(p *Post, file, pattern string, own bool) (string, bool) {
	base := strings.TrimRight(strings.TrimSuffix(file, path.Ext(file)), ".")
	if pattern == "" {
		pattern = withStyleEnding("/:path/:basename", c.permalink)
		if base == "index" {
			pattern = "/:path/"
		}
	}
	values := map[string]string{"path": "/" + p.Dir, "basename": base, "output_ext": jekyllOutputExt}
	addr, _ := expandJekyll(pattern, func(name string) (string, bool) {
		v, ok := values[name]
		if !ok {
			return ":" + name, true // Jekyll leaves it as it is
		}
		return v, true
	})
	if isPattern(addr) {
		return "", !own
	}
	return addr, true
}

// jekyllDefaultPermalink is the permalink the configuration's defaults
// give the file at rel, of kind ("posts", "pages" or a collection): the
// most specific default whose scope holds it (the longest path, then one
// naming a type), the last of equals.
func (c siteConfig) jekyllDefaultPermalink(rel, kind string) string {
	best, bestRank := "", -1
	for _, d := range c.urls.defaults {
		if rank := d.rank(rel, kind); d.permalink != "" && rank >= 0 && rank >= bestRank {
			best, bestRank = d.permalink, rank
		}
	}
	return best
}

// rank is how specific d is for the file at rel, of kind: -1 when its
// scope does not hold it; else the longer its path, the higher, and a
// type named above none.
func (d jekyllDefault) rank(rel, kind string) int {
	if d.typ != "" && d.typ != kind {
		return -1
	}
	if d.path != "" && rel != d.path && !strings.HasPrefix(rel, d.path+"/") && !globScope(d.path, rel) {
		return -1
	}
	rank := 2 * len(d.path)
	if d.typ != "" {
		rank++
	}
	return rank
}

// jekyllKind is the type, as defaults' scopes name it, of the documents
// in folder dir (relative to the site, with slashes): "posts" (in
// _posts and _drafts), a collection's name, else "pages"; the first two
// within collections_dir (see jekyllcollections.go).
func (c siteConfig) jekyllKind(dir string) string {
	rest, in := c.inCollectionsDir(dir)
	first, _, _ := strings.Cut(rest, "/")
	switch _, inPosts := jekyllPostFolder(rest); {
	case !in:
		// Outside collections_dir: no document, and its "_" folders
		// unread.
	case inPosts:
		return "posts"
	case c.isCollection(first):
		return first[1:]
	}
	return "pages"
}

// jekyllDefaultValues are the values the configuration's defaults give
// the file at rel, of kind, as Jekyll merges them (a more specific
// scope's over another's, the last of equals), as JSON for
// postDefaults.cascade: handed down where its front matter has none of
// its own (a folder's published: false, lang: ja), as Hugo's cascade is.
// "" for none.
func (c siteConfig) jekyllDefaultValues(rel, kind string) string {
	type ranked struct {
		rank   int
		values map[string]any
	}
	var in []ranked
	for _, d := range c.urls.defaults {
		if r := d.rank(rel, kind); r >= 0 && len(d.values) > 0 {
			in = append(in, ranked{r, d.values})
		}
	}
	if len(in) == 0 {
		return ""
	}
	slices.SortStableFunc(in, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	merged := make(map[string]any)
	for _, r := range in {
		maps.Copy(merged, r.values)
	}
	b, err := json.Marshal(merged) // sorted keys: the same values, the same string
	if err != nil {
		return ""
	}
	return string(b)
}

// globScope reports whether rel is in the scope of a defaults' glob path
// ("*/_posts"): as Jekyll globs the pattern and takes every file under
// what it finds, the file itself or one of its folders matches it.
func globScope(pattern, rel string) bool {
	if !strings.ContainsAny(pattern, "*?[") {
		return false
	}
	for p := rel; p != "." && p != "/" && p != ""; p = path.Dir(p) {
		if matched, _ := path.Match(pattern, p); matched {
			return true
		}
	}
	return false
}

// expandJekyll fills pattern's placeholders with value's answers and
// cleans the result as Jekyll does (no "..", no "./", no "//"); known is
// false when a placeholder has no value.
func expandJekyll(pattern string, value func(name string) (string, bool)) (string, bool) {
	known := true
	out := jekyllPlaceholder.ReplaceAllStringFunc(pattern, func(m string) string {
		name := m[1:]
		if v, ok := value(name); ok {
			return v
		}
		if trimmed, found := strings.CutSuffix(name, "_"); found {
			if v, ok := value(trimmed); ok {
				return v + "_"
			}
		}
		known = false
		return ""
	})
	out = strings.ReplaceAll("/"+out, "..", "/")
	out = strings.ReplaceAll(out, "./", "")
	for strings.Contains(out, "//") {
		out = strings.ReplaceAll(out, "//", "/")
	}
	return out, known
}

// jekyllValue is the value of placeholder name for the document p of
// collection kind, at rel in the site, in file.
func (c siteConfig) jekyllValue(name string, p *Post, kind, rel, file string, folderCats []string) (string, bool) {
	stem := strings.TrimSuffix(file, path.Ext(file))
	slug := p.fmSlug
	if slug == "" {
		slug = stem
		if m := jekyllDatedName.FindStringSubmatch(stem); m != nil {
			slug = m[1]
		}
		slug = strings.TrimRight(slug, ".")
	}
	d := p.Date
	switch name {
	case "collection":
		return kind, true
	case "path":
		// Jekyll's cleaned_relative_path: the collection's folder taken
		// out where it first is (blog/_posts/a.md is blog//a, then
		// blog/a once the address is cleaned).
		return strings.TrimRight(strings.Replace(strings.TrimSuffix(rel, path.Ext(rel)), "_"+kind, "", 1), "."), true
	case "name":
		return jekyllSlugify(stem, jekyllSlugDefault, false), true
	case "title":
		return jekyllSlugify(slug, jekyllSlugPretty, true), true
	case "slug":
		return jekyllSlugify(slug, jekyllSlugDefault, false), true
	case "categories", "slugified_categories":
		var cats []string
		for _, cat := range slices.Concat(folderCats, p.categories) {
			if name == "categories" {
				cat = strings.ToLower(cat)
			} else {
				cat = jekyllSlugify(cat, jekyllSlugDefault, false)
			}
			if !slices.Contains(cats, cat) {
				cats = append(cats, cat)
			}
		}
		return strings.Join(cats, "/"), true
	case "output_ext":
		return jekyllOutputExt, true
	case "year":
		return fmt.Sprintf("%04d", d.Year()), true
	case "short_year":
		return fmt.Sprintf("%02d", d.Year()%100), true
	case "month":
		return fmt.Sprintf("%02d", int(d.Month())), true
	case "i_month":
		return fmt.Sprint(int(d.Month())), true
	case "short_month":
		return d.Format("Jan"), true
	case "long_month":
		return d.Format("January"), true
	case "day":
		return fmt.Sprintf("%02d", d.Day()), true
	case "i_day":
		return fmt.Sprint(d.Day()), true
	case "hour":
		return fmt.Sprintf("%02d", d.Hour()), true
	case "minute":
		return fmt.Sprintf("%02d", d.Minute()), true
	case "second":
		return fmt.Sprintf("%02d", d.Second()), true
	case "y_day":
		return fmt.Sprintf("%03d", d.YearDay()), true
	case "w_year":
		y, _ := d.ISOWeek()
		return fmt.Sprint(y), true
	case "week":
		_, w := d.ISOWeek()
		return fmt.Sprintf("%02d", w), true
	case "w_day":
		return fmt.Sprint((int(d.Weekday())+6)%7 + 1), true // Monday is 1, Sunday 7
	case "short_day":
		return d.Format("Mon"), true
	case "long_day":
		return d.Format("Monday"), true
	}
	return "", false
}

// Jekyll's slug modes: what a slug keeps of a name, every other run of
// characters becoming one "-".
var (
	jekyllSlugDefault = regexp.MustCompile(`[^\p{M}\p{L}\p{Nd}]+`)
	jekyllSlugPretty  = regexp.MustCompile(`[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+`)
)

// jekyllSlugify is s as a slug of mode: runs of what the mode does not
// keep become "-", none at either end; lower-cased unless cased.
func jekyllSlugify(s string, mode *regexp.Regexp, cased bool) string {
	s = strings.Trim(mode.ReplaceAllString(s, "-"), "-")
	if !cased {
		s = strings.ToLower(s)
	}
	return s
}
