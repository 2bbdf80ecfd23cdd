package content

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// AstroWind (onwidget/astrowind), the most forked Astro theme, serves its
// posts by one catch-all route, src/pages/[...blog]/index.astro, whose
// parameter is no field of the entry but a permalink its code makes from
// src/config.yaml's apps.blog.post.permalink ('/%slug%', the theme's;
// '/blog/%slug%', its default; '/%year%/%month%/%slug%'…). capsule runs
// none of it: the configuration is read as YAML data, and the pattern
// filled as the theme's generatePermalink fills it (src/utils/blog.ts):
//
//   - %slug% is the entry's id, its file's path without the extension,
//     each folder's name slugified by limax: taken only when that leaves
//     it as it is (lower-case ASCII letters, digits, "_", single "-"),
//     a transliteration of other scripts being limax's own;
//   - %category% is the front matter's category slugified the same way
//     (spaces become "-"), "" without one;
//   - %year%, %month%, %day%, %hour%, %minute%, %second% are the
//     publishDate's, as the build machine's clock reads it: UTC, the
//     date as written for a date without a time;
//   - each variable's first occurrence is replaced, as JavaScript's
//     replace of a string does, and the empty folders dropped.
//
// %id% (undocumented, and the file's name with its extension in Astro
// 4's AstroWind) and any other variable leave the route not followed,
// said in a warning, as does a post whose slug or category limax would
// change. The blog not enabled (apps.blog.isEnabled, false by default)
// or its post route disabled (apps.blog.post.isEnabled) builds no post
// page: no route.

// astroWind is an AstroWind site's configuration, as far as the posts'
// addresses need it.
type astroWind struct {
	permalink string // the pattern, without its outer slashes
	base      string // site.base, without its slashes
	lang      string // i18n.language, lower case
	blog      bool   // whether the post pages are built
}

var (
	// astroWindVar is a variable of the permalink pattern.
	astroWindVar = regexp.MustCompile(`%[A-Za-z]+%`)
	// astroWindCall is the route's call of the theme's getStaticPaths.
	astroWindCall = regexp.MustCompile(`\bgetStaticPathsBlogPost\s*\(`)
	// limaxSame is a folder's name that limax slugifies to itself.
	limaxSame = regexp.MustCompile(`^[a-z0-9_]+(?:-[a-z0-9_]+)*$`)
	// astroWindSpaces are the runs of spaces limax makes one "-".
	astroWindSpaces = regexp.MustCompile(`\s+`)
)

// astroWindVars are the variables generatePermalink fills, in its order.
var astroWindVars = []string{"%slug%", "%category%", "%year%", "%month%", "%day%", "%hour%", "%minute%", "%second%"}

// readAstroWind reads an AstroWind site's src/config.yaml (at most
// maxConfigSize bytes, as every configuration); ok is false when there is
// none, or it is not AstroWind's (no apps.blog).
func readAstroWind(dir string) (w astroWind, ok bool) {
	m := readConfigFile(filepath.Join(dir, "src", "config.yaml"), true)
	if m == nil {
		return w, false
	}
	apps := section(m, "apps")
	blog := section(apps, "blog")
	if blog == nil {
		return w, false
	}
	post := section(blog, "post")
	enabled, given := post["isenabled"]
	w.blog = isTrue(blog["isenabled"]) && (!given || isTrue(enabled))
	// configBuilder's default, merged under the file's: a permalink
	// given empty (or null) is the list's pathname and the slug.
	permalink, given := post["permalink"]
	switch {
	case !given:
		w.permalink = "/blog/%slug%"
	case str(permalink) == "":
		list := strings.Trim(str(section(blog, "list")["pathname"]), "/ ")
		if _, has := section(blog, "list")["pathname"]; !has {
			list = "blog"
		}
		w.permalink = list + "/%slug%"
	default:
		w.permalink = str(permalink)
	}
	w.permalink = strings.Trim(w.permalink, "/ ")
	w.base = strings.Trim(path.Clean("/"+str(section(m, "site")["base"])), "/")
	if code := strings.ToLower(str(section(m, "i18n")["language"])); langPattern.MatchString(code) {
		w.lang = code
	}
	return w, true
}

// followable says whether every variable of w's pattern is one capsule
// fills; bad names the first that is not.
func (w astroWind) followable() (bad string, ok bool) {
	for _, v := range astroWindVar.FindAllString(w.permalink, -1) {
		known := false
		for _, k := range astroWindVars {
			known = known || strings.EqualFold(v, k)
		}
		if !known {
			return v, false
		}
	}
	return "", true
}

// limaxSlug is text slugified as limax slugifies it, when capsule can be
// sure of the result: ok is false when text has a character limax would
// transliterate, drop or turn into a word.
func limaxSlug(text string) (string, bool) {
	s := strings.ToLower(astroWindSpaces.ReplaceAllString(strings.TrimSpace(text), "-"))
	return s, limaxSame.MatchString(s)
}

// eval is the address (without slashes around it, under the base) the
// AstroWind route gives post p of id id; why says, when there is none,
// what capsule could not fill.
func (w astroWind) eval(id string, p *Post) (addr, why string) {
	slugParts := strings.Split(strings.Trim(id, "/"), "/")
	for _, s := range slugParts {
		if _, ok := limaxSlug(s); !ok || s == "" {
			return "", fmt.Sprintf("its id %q is slugified by limax, which capsule does not reproduce", id)
		}
	}
	out := w.permalink
	fill := func(v, value string) { out = strings.Replace(out, v, value, 1) }
	fill("%slug%", strings.Join(slugParts, "/"))
	if strings.Contains(out, "%category%") {
		category := ""
		switch len(p.categories) {
		case 0:
		case 1:
			c, ok := limaxSlug(p.categories[0])
			if !ok {
				return "", fmt.Sprintf("its category %q is slugified by limax, which capsule does not reproduce", clip(p.categories[0]))
			}
			category = c
		default:
			return "", "it has several categories, and AstroWind's address takes one"
		}
		fill("%category%", category)
	}
	if strings.Contains(out, "%year%") || strings.Contains(out, "%month%") || strings.Contains(out, "%day%") ||
		strings.Contains(out, "%hour%") || strings.Contains(out, "%minute%") || strings.Contains(out, "%second%") {
		if !p.HasDate {
			return "", "it has no publishDate, and AstroWind dates it when the site is built"
		}
		d := p.Date
		if d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			d = d.UTC() // a time: the build machine's clock's
		} else {
			d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC) // a date as written
		}
		fill("%year%", fmt.Sprintf("%04d", d.Year()))
		fill("%month%", fmt.Sprintf("%02d", int(d.Month())))
		fill("%day%", fmt.Sprintf("%02d", d.Day()))
		fill("%hour%", fmt.Sprintf("%02d", d.Hour()))
		fill("%minute%", fmt.Sprintf("%02d", d.Minute()))
		fill("%second%", fmt.Sprintf("%02d", d.Second()))
	}
	var parts []string
	for _, s := range strings.Split(out, "/") {
		if s = strings.Trim(strings.TrimSpace(s), "/"); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "", "its address would be the site's top"
	}
	return strings.Join(parts, "/"), ""
}

// astroWindRoute is the route of an AstroWind site's post pages, rel its
// path from src/pages and src its text: folders' names, then a rest
// parameter that getStaticPathsBlogPost fills with the permalink; ok is
// false when rel or src is not that.
func astroWindRoute(rel string, src []byte, w *astroWind) (r astroRoute, ok bool) {
	if w == nil || !w.blog || !astroWindCall.Match(src) {
		return r, false
	}
	segs := strings.Split(strings.TrimSuffix(rel, ".astro"), "/")
	if segs[len(segs)-1] == "index" {
		segs = segs[:len(segs)-1]
	}
	if len(segs) == 0 {
		return r, false
	}
	for i, s := range segs {
		m := astroRoutePart.FindStringSubmatch(s)
		switch {
		case i < len(segs)-1 && strings.ContainsAny(s, "[]"):
			return r, false
		case i < len(segs)-1:
			r.parts = append(r.parts, astroPart{lit: s})
		case m == nil || m[1] == "":
			return r, false
		default:
			r.parts = append(r.parts, astroPart{wind: w})
		}
	}
	return r, true
}
