package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// An Astro site's posts are served where its pages' dynamic routes put
// them, not where their collection's folder is: akagenorobin's
// collection posts (src/content/posts) is served by
// src/pages/post/[...slug].astro at /post/<id>/, AstroPaper's blog
// (src/data/blog) by src/pages/posts/[...slug]/index.astro at
// /posts/<slug>/, under the configuration's base (/blog/posts/<slug>/),
// kenfdev-blog's by [lang]/posts/[slug].astro at /ja/posts/<slug>/,
// machu/diary's by posts/[date]/[part].astro at /posts/20040927/p03/.
// capsule runs none of it: a route is followed only when its file reads
// plainly, by a literal scan, as these do:
//
//   - it is a file of src/pages whose path's parts are each a folder's
//     name or a whole parameter ([lang], [...slug], at most
//     astroMaxParams of them, a rest one last), index.astro naming its
//     folder;
//   - it calls getCollection("<name>") of one collection alone, or,
//     calling none, the local modules it imports do (at most
//     astroMaxModules of them: machu/diary's getAllPosts of
//     @/lib/posts);
//   - its getStaticPaths's params give each parameter a value that
//     astroParamReader reads (astroparams.go): the entry's id, slug or
//     language, through literal string methods;
//   - the entries it takes are all its collection's, or those whose id
//     starts with one literal (a route per language, as
//     khides/website-boilerplate's ja/blog/[...slug].astro takes them:
//     getCollection('blog', ({ id }) => id.startsWith('ja/')), or
//     posts.filter((p) => p.id.startsWith('ja/'))), or those whose id
//     does not (!id.startsWith('fr/'), the default language's route); a
//     startsWith of the id or slug read otherwise (of a variable, two
//     literals) leaves the route;
//   - the collection's folder is the content folder capsule reads, or a
//     folder at its top (a section).
//
// The entry's id is the address capsule gives it without a route (its
// path, lower case, a bundle named by its folder). A route that renders
// an entry of such a collection but reads otherwise (a helper's
// parameter, a template string) leaves the address where the
// collection's folder puts it, with a warning that its posts' addresses
// on the web site are not known.

// astroRoute is where a section's entries are served: its path's parts
// under the configuration's base, each a folder's name or a parameter's
// value.
type astroRoute struct {
	parts []astroPart
	// prefix is what the id of each entry the route takes starts with
	// ("ja/"), or, notPrefix set, does not start with; "" when it takes
	// all.
	prefix    string
	notPrefix bool
}

type astroPart struct {
	lit  string      // a folder's name ("posts"), with the base's
	val  *astroValue // a parameter's value; nil for a name
	wind *astroWind  // AstroWind's permalink, filled (astrowind.go)
}

// Bounds of the scan of src/pages: astroMaxRouteFiles route files read
// (each at most maxConfigSize bytes), the first astroMaxImports imports
// of each read, of which astroMaxModules local modules looked into for
// its collection.
const (
	astroMaxRouteFiles = 256
	astroMaxImports    = 64
	astroMaxModules    = 4
)

var (
	// astroRoutePart is a whole parameter of a route's path, [slug] or
	// [...slug]: whether a rest one (group 1), its name (group 2).
	astroRoutePart = regexp.MustCompile(`^\[(\.\.\.)?([A-Za-z_$][\w$]*)\]$`)
	// astroGetCollection is a getCollection("name") call.
	astroGetCollection = regexp.MustCompile(`\bgetCollection\s*\(\s*["'` + "`" + `]([^"'` + "`" + `\n]+)["'` + "`" + `]`)
	// astroDefine is a collection's definition, `const blog =
	// defineCollection(`: its variable.
	astroDefine = regexp.MustCompile(`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*defineCollection\s*\(`)
	// astroCollections is the configuration's export of them: export
	// const collections = { blog, "docs": docs, posts: postCollection }.
	astroCollections = regexp.MustCompile(`\bcollections\s*=\s*\{([^{}]*)\}`)
	astroExportEntry = regexp.MustCompile(`^\s*(?:["']([^"']+)["']|([A-Za-z_$][\w$]*))\s*(?::\s*([A-Za-z_$][\w$]*))?\s*$`)
	// astroBasePattern is the configuration's base: '/blog/', at a
	// line's start (a key of the exported object, not of a plugin's).
	astroBasePattern = regexp.MustCompile(`(?m)^\s*base\s*:\s*["']([^"'\n]*)["']`)
	// astroFileFormat is build: { format: 'file' }: /posts/x.html, not
	// /posts/x/.
	astroFileFormat = regexp.MustCompile(`\bformat\s*:\s*["']file["']`)
	// astroLoader is a collection's loader: one that is no glob of a
	// folder (file(), a feed's) names no folder of entries.
	astroLoader = regexp.MustCompile(`\bloader\s*:`)
	// astroParams is the start of getStaticPaths's params object.
	astroParams = regexp.MustCompile(`\bparams\s*:\s*\{`)
	// astroParamKey is an entry of it: its key, then its value or none
	// (shorthand: { lang, slug }).
	astroParamKey = regexp.MustCompile(`^\s*["']?([A-Za-z_$][\w$]*)["']?\s*(?::\s*([\s\S]*))?$`)
	// astroRenders is how a route renders an entry: Astro 5's
	// render(entry), Astro 4's entry.render(), <Content />.
	astroRenders = regexp.MustCompile(`\brender\s*\(|<Content\b`)
	// astroImport is a module imported by name: import { a, b } from "m".
	astroImport = regexp.MustCompile(`\bimport\s*(?:type\s+)?\{[^{}]{0,400}\}\s*from\s*["']([^"'\n]+)["']`)
	// astroLangParam is a route parameter named for a language.
	astroLangParam = regexp.MustCompile(`^(?i:lang|language|locale)$`)
)

// astroRoutes reads where an Astro site's collections' entries are
// served, by the section of the content folder content (relative to the
// site's root dir, "" for the entries at its top); nil when no route
// reads plainly. cfg is the site's configuration. warns name the routes
// that serve such entries but read otherwise.
func astroRoutes(dir, content string, cfg []byte) (routes map[string][]astroRoute, fileFormat bool, warns []*FileError) {
	folders := astroCollectionFolders(dir)
	if len(folders) == 0 {
		return nil, false, nil
	}
	base, ok := astroSiteBase(dir, cfg)
	if !ok {
		return nil, false, nil // which is the site's is not capsule's to guess
	}
	var wind *astroWind
	if w, ok := readAstroWind(dir); ok {
		wind = &w
	}
	content = path.Clean(filepath.ToSlash(content))
	pages := filepath.Join(dir, "src", "pages")
	var aliases []astroAlias
	aliasesRead := false
	read := 0
	filepath.WalkDir(pages, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel := filepath.ToSlash(relPath(pages, p))
		if d.IsDir() {
			if p != pages && (strings.HasPrefix(d.Name(), "_") || strings.HasPrefix(d.Name(), ".") || strings.Count(rel, "/") >= 8) {
				return filepath.SkipDir // not routes, in Astro's own rule
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".astro") || !strings.Contains(rel, "[") || strings.HasPrefix(d.Name(), "_") {
			return nil
		}
		if read++; read > astroMaxRouteFiles {
			return filepath.SkipAll
		}
		src, err := readSmall(p)
		if err != nil {
			return nil
		}
		names := astroCollectionNames(src)
		if len(names) == 0 && !aliasesRead {
			aliases, aliasesRead = astroAliases(dir), true
		}
		var helper []byte // the getStaticPaths of a helper module's function
		if len(names) == 0 {
			if h, ok := astroHelperRoute(dir, p, src, aliases); ok {
				names, helper = []string{h.collection}, h.body
			} else if names = astroImportedCollections(dir, p, src, aliases); len(names) > 1 {
				if c, ok := astroCalledCollection(dir, p, src, aliases); ok {
					names = []string{c} // the one of the functions getStaticPaths calls
				}
			}
		}
		if len(names) != 1 {
			return nil // none, or several: which the parameters are of is not plain
		}
		folder, ok := folders[names[0]]
		if !ok {
			return nil
		}
		section := ""
		switch {
		case folder == content:
		case path.Dir(folder) == content:
			section = path.Base(folder)
		default:
			return nil
		}
		r, ok := readAstroRoute(rel, src, helper)
		if !ok {
			r, ok = astroWindRoute(rel, src, wind)
			if ok {
				if v, can := wind.followable(); !can {
					warns = append(warns, &FileError{File: p, Kind: "Astro route not followed", Msg: fmt.Sprintf(
						"AstroWind's permalink %q of src/config.yaml has %s, which capsule does not fill: the addresses of the posts of %s on the web site are not known, and old links to them are not redirected (aliases in their front matter can give them)", wind.permalink, v, folder)})
					return nil
				}
			}
		}
		if !ok {
			// A route that renders the entries, or AstroWind's post
			// route at a path its permalink reading does not take
			// (kafkiano/astrowind-i18n's [locale]/[...blog], whose
			// language comes from a loop over the locales).
			if astroRenders.Match(src) || wind != nil && wind.blog && astroWindCall.Match(src) {
				warns = append(warns, &FileError{File: p, Kind: "Astro route not followed", Msg: fmt.Sprintf(
					"the address this route gives each post of %s is computed in a way capsule does not read without running the site's code: those posts' addresses on the web site are not known, and old links to them are not redirected (aliases in their front matter can give them)", folder)})
			}
			return nil
		}
		if base != "" {
			r.parts = append([]astroPart{{lit: base}}, r.parts...)
		}
		if routes == nil {
			routes = make(map[string][]astroRoute)
		}
		routes[section] = append(routes[section], r)
		return nil
	})
	for _, r := range routes {
		// The shortest first (/post before /en/post): the address the
		// post is known by, the others redirecting too.
		slices.SortStableFunc(r, func(a, b astroRoute) int {
			return a.depth() - b.depth()
		})
	}
	return routes, astroFileFormat.Match(cfg), warns
}

// depth is how many folders deep r puts an entry, its id counted as one.
func (r astroRoute) depth() int {
	n := 0
	for _, p := range r.parts {
		n += strings.Count(p.lit, "/") + 1
	}
	return n
}

// astroCollectionNames are the collections src calls getCollection of,
// up to two (two are enough to leave it: a list of every name called,
// asked of each, took the square of their number, 1.5 s for a route
// file of a megabyte of them).
func astroCollectionNames(src []byte) []string {
	var names []string
	for _, c := range astroGetCollection.FindAllSubmatch(src, -1) {
		if n := string(c[1]); !slices.Contains(names, n) {
			if names = append(names, n); len(names) > 1 {
				break
			}
		}
	}
	return names
}

// astroImportedCollections are the collections that the local modules
// a route file imports (file, at src) call getCollection of: a relative
// path or one of tsconfig.json's aliases, inside the project's src/, at
// most astroMaxModules of them among its first astroMaxImports imports,
// each read up to maxConfigSize bytes.
func astroImportedCollections(dir, file string, src []byte, aliases []astroAlias) []string {
	var names []string
	looked := 0
	for _, m := range astroImport.FindAllSubmatch(src, astroMaxImports) {
		target, ok := astroModulePath(dir, file, string(m[1]), aliases)
		if !ok {
			continue
		}
		if looked++; looked > astroMaxModules {
			break
		}
		for _, ext := range []string{"", ".ts", ".js", ".mjs", "/index.ts", "/index.js"} {
			b, err := readSmall(filepath.Join(dir, filepath.FromSlash(target+ext)))
			if err != nil {
				continue
			}
			for _, n := range astroCollectionNames(b) {
				if !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
			break
		}
		if len(names) > 1 {
			break
		}
	}
	return names
}

// astroModulePath is the path from the project's folder dir (with
// slashes, without its extension) of the local module that an import in
// file names by spec: a relative path or one of tsconfig.json's aliases,
// inside the project's src/. ok is false for any other (a package's).
func astroModulePath(dir, file, spec string, aliases []astroAlias) (target string, ok bool) {
	switch {
	case strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../"):
		r, err := filepath.Rel(dir, filepath.Join(filepath.Dir(file), filepath.FromSlash(spec)))
		if err != nil {
			return "", false
		}
		target = filepath.ToSlash(r)
	default:
		for _, al := range aliases {
			if t, ok := al.of(spec); ok {
				target = t
				break
			}
		}
	}
	if target == "" || !strings.HasPrefix(target, "src/") || strings.Contains(target, "..") {
		return "", false
	}
	return target, true
}

// readAstroRoute reads the route file rel (its path from src/pages,
// with slashes), of text src: its path's parts and what its
// getStaticPaths's params give its parameters; ok is false when either
// does not read plainly. helper, when set, is the body of the function
// of a local module that its getStaticPaths is (astrohelpers.go), read
// in its place.
func readAstroRoute(rel string, src, helper []byte) (r astroRoute, ok bool) {
	segs := strings.Split(strings.TrimSuffix(rel, ".astro"), "/")
	if segs[len(segs)-1] == "index" {
		segs = segs[:len(segs)-1]
	}
	type param struct {
		name string
		at   int
	}
	var params []param
	reader := astroParamReader{src: src}
	for i, s := range segs {
		if !strings.ContainsAny(s, "[]") {
			r.parts = append(r.parts, astroPart{lit: s})
			continue
		}
		m := astroRoutePart.FindStringSubmatch(s)
		if m == nil || m[1] != "" && i != len(segs)-1 {
			return r, false // [slug].html, post-[id], a rest parameter before others
		}
		params = append(params, param{m[2], i})
		r.parts = append(r.parts, astroPart{})
		reader.hasLang = reader.hasLang || astroLangParam.MatchString(m[2])
	}
	if len(params) == 0 || len(params) > astroMaxParams {
		return r, false
	}
	paths := src
	if helper != nil {
		paths = helper
		reader.src = helper
		r.prefix, r.notPrefix, ok = astroIDPrefixIn(helper)
	} else {
		r.prefix, r.notPrefix, ok = astroIDPrefix(src)
	}
	if !ok {
		return r, false
	}
	given := astroParamsObject(paths)
	if given == nil {
		return r, false
	}
	for _, p := range params {
		expr, found := given[p.name]
		if !found {
			return r, false
		}
		if expr == "" {
			expr = p.name // shorthand
		}
		v, array, ok := reader.value(expr, 0)
		if !ok || array {
			return r, false
		}
		r.parts[p.at].val = &v
	}
	return r, true
}

// astroStartsWith is a test of an entry's id or slug, as a filter of
// getStaticPaths writes it (({ id }) => id.startsWith('ja/'), (post) =>
// post.slug.startsWith("ja/")): what is before it (group 1: a "!" says
// it is negated, a "." that it is no entry's), its argument (group 2).
var astroStartsWith = regexp.MustCompile(`([!.]?)\s*(?:` + astroIdent + `\s*\.\s*)?\b(?:id|slug)\s*\.\s*startsWith\s*\(([^()\n]{0,256})\)`)

// astroStrOnly is a string literal alone.
var astroStrOnly = regexp.MustCompile(`^\s*` + astroStr + `\s*$`)

// astroMaxFilters bounds the startsWith tests of an entry's id that
// astroIDPrefix reads in a route file; a file with more leaves the
// route.
const astroMaxFilters = 16

// astroIDPrefix is what the route file src's getStaticPaths takes the
// entries whose id (or slug) starts with (or, not set, does not), read
// from its startsWith tests (between getStaticPaths and the end of the
// route's front matter): "" when it tests none; ok is false when it
// tests one that is not read plainly: of no literal string, two
// literals, one negated and one not, more than astroMaxFilters tests.
func astroIDPrefix(src []byte) (prefix string, not, ok bool) {
	at := bytes.Index(src, []byte("getStaticPaths"))
	if at < 0 {
		return "", false, true
	}
	body := src[at:]
	if end := bytes.Index(body, []byte("\n---")); end >= 0 {
		body = body[:end]
	}
	return astroIDPrefixIn(body)
}

// astroIDPrefixIn is astroIDPrefix's reading of the tests in body. A
// test inside a props value ({ params: …, props: { posts:
// all.filter((p) => p.slug.startsWith(entry.slug + "/")) } }: the
// entries a folder's page lists, tzzjp/bk.tzz.dev's
// [...slug]/index.astro) is none of which entries the route takes: what
// a page is given is not where it is.
func astroIDPrefixIn(body []byte) (prefix string, not, ok bool) {
	tests := astroStartsWith.FindAllSubmatchIndex(body, astroMaxFilters+1)
	if len(tests) > astroMaxFilters {
		return "", false, false
	}
	var props [][2]int
	if len(tests) > 0 {
		props = astroPropsValues(body)
	}
	for _, m := range tests {
		if slices.ContainsFunc(props, func(v [2]int) bool { return v[0] <= m[0] && m[1] <= v[1] }) {
			continue
		}
		before := string(body[m[2]:m[3]])
		if before == "." {
			continue // data.id.startsWith: a field of the front matter
		}
		arg := astroStrOnly.FindStringSubmatch(string(body[m[4]:m[5]]))
		if arg == nil {
			return "", false, false
		}
		p, neg := arg[1]+arg[2]+arg[3], before == "!"
		if p == "" || prefix != "" && (p != prefix || neg != not) {
			return "", false, false
		}
		prefix, not = p, neg
	}
	return prefix, not, true
}

// astroProps is a props key of the objects getStaticPaths returns, up
// to its value.
var astroProps = regexp.MustCompile(`\bprops\s*:\s*`)

// astroPropsValues are the spans of body's props values: of the first
// astroMaxFilters props keys, each read to its value's end within
// astroMaxHelper bytes (jsExprEnd), one inside another's value not read
// again.
func astroPropsValues(body []byte) [][2]int {
	var spans [][2]int
	for _, loc := range astroProps.FindAllIndex(body, astroMaxFilters) {
		if len(spans) > 0 && loc[0] < spans[len(spans)-1][1] {
			continue
		}
		if end := jsExprEnd(body, loc[1], astroMaxHelper); end > loc[1] {
			spans = append(spans, [2]int{loc[1], end})
		}
	}
	return spans
}

// jsExprEnd is the end of the expression that starts at src[at] (a
// value in an object literal, an argument): the index of the first ","
// or ";" or closing bracket outside its brackets, strings and comments;
// -1 when there is none within n bytes.
func jsExprEnd(src []byte, at, n int) int {
	depth := 0
	limit := min(len(src), at+n)
	for i := at; i < limit; i++ {
		if j := jsSkipLiteral(src, i, limit); j < 0 {
			return -1
		} else if j > i {
			i = j
			continue
		}
		switch src[i] {
		case '{', '(', '[':
			depth++
		case '}', ')', ']':
			if depth == 0 {
				return i
			}
			depth--
		case ',', ';':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// astroParamsObject is the first params object of src by its keys, each
// with its value's text ("" for a shorthand); nil when there is none or
// it holds an object (its first astroMaxExpr × astroMaxParams bytes are
// read).
func astroParamsObject(src []byte) map[string]string {
	loc := astroParams.FindIndex(src)
	if loc == nil {
		return nil
	}
	body := src[loc[1]:]
	if limit := astroMaxExpr * astroMaxParams; len(body) > limit {
		body = body[:limit]
	}
	out := make(map[string]string)
	depth, start := 0, 0
	for i, ch := range body {
		switch ch {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '{':
			return nil
		case ',', '}':
			if depth != 0 {
				continue
			}
			entry := withoutLineComments(string(body[start:i]))
			start = i + 1
			if strings.TrimSpace(entry) != "" {
				m := astroParamKey.FindStringSubmatch(entry)
				if m == nil {
					return nil
				}
				out[m[1]] = strings.TrimSpace(m[2])
			}
			if ch == '}' {
				return out
			}
		}
	}
	return nil
}

// astroCollectionFolders are the folders (from the site's root, with
// slashes) of an Astro site's collections of Markdown, by name: a glob
// loader's base, as its content configuration writes it (astroGlobBase),
// or, with no loader, src/content/<name> (Astro's legacy collections,
// and every folder there when there is no configuration).
func astroCollectionFolders(dir string) map[string]string {
	folders, _ := astroCollectionFoldersAll(dir)
	return folders
}

// astroCollectionFoldersAll is astroCollectionFolders, and whether
// every collection the configuration exports was read so (none written
// in a way capsule does not follow: a variable it does not find, a
// folder outside the site): only then are the folders of src/content
// it names none of known to be no collection's.
func astroCollectionFoldersAll(dir string) (map[string]string, bool) {
	var cfg []byte
	for _, name := range astroContentConfigs {
		if b, err := readSmall(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			cfg = b
			break
		}
	}
	out := make(map[string]string)
	if cfg == nil {
		entries, _ := os.ReadDir(filepath.Join(dir, "src", "content"))
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), "_") && !strings.HasPrefix(e.Name(), ".") {
				out[e.Name()] = "src/content/" + e.Name()
			}
		}
		return out, true
	}
	defs := astroDefine.FindAllSubmatchIndex(cfg, -1)
	byVar := make(map[string]string)
	lits := &jsConsts{src: cfg}
	for i, d := range defs {
		end := len(cfg)
		if i+1 < len(defs) {
			end = defs[i+1][0]
		}
		name, body := string(cfg[d[2]:d[3]]), cfg[d[1]:end]
		if m := astroGlobPattern.FindSubmatch(body); m != nil {
			if base := astroGlobBaseValue(lits, m); base != "" {
				byVar[name] = path.Clean(strings.TrimPrefix(filepath.ToSlash(base), "./"))
			}
		} else if !astroLoader.Match(body) {
			byVar[name] = "" // legacy: src/content/<its name>
		}
	}
	exp := astroCollections.FindSubmatch(cfg)
	if exp == nil {
		return nil, false
	}
	all := true
	for _, entry := range strings.Split(string(exp[1]), ",") {
		m := astroExportEntry.FindStringSubmatch(entry)
		if m == nil {
			if strings.TrimSpace(entry) != "" { // not the comma after the last
				all = false
			}
			continue
		}
		name := m[1] + m[2]
		v := m[3]
		if v == "" {
			v = name // shorthand: { blog }
		}
		folder, ok := byVar[v]
		switch {
		case !ok:
			all = false
		case folder == "":
			out[name] = "src/content/" + name
		case folder != "." && !strings.HasPrefix(folder, "..") && !path.IsAbs(folder):
			out[name] = folder
		default:
			all = false
		}
	}
	return out, all
}

// astroSiteBase is the base an Astro site's pages are built under, its
// configuration cfg's (base: '/blog/'), or AstroWind's (its
// src/config.yaml gives it to Astro), without the slashes around it: ""
// for the top. ok is false when the configuration writes several, of
// which the site's is not capsule's to guess.
func astroSiteBase(dir string, cfg []byte) (base string, ok bool) {
	if m := astroBasePattern.FindAllSubmatch(cfg, -1); len(m) == 1 {
		base = strings.Trim(path.Clean("/"+string(m[0][1])), "/")
	} else if len(m) > 1 {
		return "", false
	}
	if w, found := readAstroWind(dir); found && base == "" {
		base = w.base
	}
	return base, true
}

// astroContentConfigs are the names of an Astro site's content
// configuration, in the order Astro takes them.
var astroContentConfigs = []string{"src/content.config.ts", "src/content.config.js", "src/content.config.mjs", "src/content/config.ts", "src/content/config.js", "src/content/config.mjs"}

// astroAddress is the address an Astro post p is served at by its
// collection's route, addr being the one its collection's folder gives
// it (its section's folders and its id: /posts/2019-07-12/); more are
// the other routes' ("" and nil when no route serves its section).
func (f folder) astroAddress(p *Post, addr string) (routed string, more []string, warn *FileError) {
	if len(f.astroRoutes) == 0 {
		return "", nil, nil
	}
	// A language's folder at the top of the content folder is its own
	// collection's (src/content/ja of getCollection('ja'), a section),
	// else a folder of the collection that is the content folder (a
	// glob's base src/blog holding ja/ and en/): the entry's id starts
	// with the language, as Astro gives it.
	section := topSection(p.Dir)
	routes, ok := f.astroRoutes[section]
	if !ok && f.langRel(p.Dir) != p.Dir {
		section = ""
		routes, ok = f.astroRoutes[section]
	}
	if !ok {
		return "", nil, nil
	}
	id, found := strings.CutPrefix(addr, "/"+strings.ToLower(section))
	if section == "" {
		id, found = addr, true
	}
	id = strings.Trim(id, "/")
	if !found || id == "" || id == "index" {
		return "", nil, nil
	}
	ids := []string{id}
	if g, entry, ok := f.astroGenIDIn(section, p.File, p.Dir); ok {
		if gen, known := g.id(entry, p.addressVals); !known {
			warn = &FileError{File: p.File, Line: 1, Kind: "Astro id unknown", Msg: fmt.Sprintf(
				"its id on the web site, which the generateId of %s makes of its front matter's %s, is not known: it has none; it keeps the address of its file's name", g.config, g.key)}
		} else if gen = strings.Trim(gen, "/"); gen != "" && gen != id {
			ids = []string{gen, id} // the file name's address redirecting too: capsule served it there before
		}
	}
	for _, id := range ids {
		routed, more, warn = f.astroRouted(p, id, routes, routed, more, warn)
	}
	return routed, more, warn
}

// astroRouted adds to routed and more the addresses routes give the
// entry p of id.
func (f folder) astroRouted(p *Post, id string, routes []astroRoute, routed string, more []string, warn *FileError) (string, []string, *FileError) {
	for _, r := range routes {
		if r.prefix != "" && strings.HasPrefix(id, r.prefix) == r.notPrefix {
			continue // an entry the route does not take
		}
		parts := make([]string, 0, len(r.parts))
		for _, part := range r.parts {
			s := part.lit
			if part.wind != nil {
				v, why := part.wind.eval(id, p)
				if v == "" {
					warn = &FileError{File: p.File, Line: 1, Kind: "AstroWind address unknown", Msg: "its address on the web site, which AstroWind makes from the permalink " + fmt.Sprintf("%q", part.wind.permalink) + " of src/config.yaml, is not known: " + why + "; an old link to it is not redirected (aliases in its front matter can give it)"}
					parts = nil
					break
				}
				s = v
			}
			if part.val != nil {
				v, ok := part.val.eval(id, p.Lang)
				if !ok || strings.Trim(v, "/") == "" {
					parts = nil // no address of this route
					break
				}
				s = strings.Trim(v, "/")
			}
			parts = append(parts, s)
		}
		if parts == nil {
			continue
		}
		a := "/" + strings.Join(parts, "/") + "/"
		if f.astroFileFormat {
			a = strings.TrimSuffix(a, "/") + ".html"
		}
		if routed == "" {
			routed = a
		} else if a != routed && !slices.Contains(more, a) {
			more = append(more, a)
		}
	}
	return routed, more, warn
}
