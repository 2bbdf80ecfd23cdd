package content

import (
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
// /posts/<slug>/, under the configuration's base (/blog/posts/<slug>/).
// capsule runs none of it: a route is followed only when its file reads
// plainly, by a literal scan, as these do:
//
//   - it is src/pages/<folders>/[slug].astro, [...slug].astro, or either
//     as a folder's index.astro, with no other parameter in its path;
//   - it calls getCollection("<name>") of one collection alone;
//   - its getStaticPaths gives the parameter the entry's id (params: {
//     slug: post.id }), or its slug (Astro 4's post.slug), or AstroPaper's
//     getPath(post.id, post.filePath, false), which is the id with the
//     folders starting with "_" left out;
//   - the collection's folder is the content folder capsule reads, or a
//     folder at its top (a section).
//
// The entry's id is the address capsule gives it without a route (its
// path, lower case, a bundle named by its folder): the route puts its
// folders in front of it. Any other route (a parameter computed, a
// language's folder as a parameter, pagination) leaves the address
// where the collection's folder puts it, as before.

// astroRoute is where a section's entries are served: prefix, with the
// configuration's base ("/blog/posts"), and whether AstroPaper's getPath
// leaves the id's "_" folders out.
type astroRoute struct {
	prefix     string
	underscore bool // the id's folders starting with "_" are dropped
}

var (
	// astroRouteFile is a route file of src/pages (its path from there,
	// with slashes): its folders (group 1) and its parameter (group 2).
	astroRouteFile = regexp.MustCompile(`^((?:[^\[\]/]+/)*)\[(?:\.\.\.)?([A-Za-z_$][\w$]*)\](?:/index)?\.astro$`)
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
)

// astroParamValue is the value a route's getStaticPaths gives its
// parameter param: its entry's id or slug (group 1), or AstroPaper's
// getPath of the id (group 2).
func astroParamValue(param string) *regexp.Regexp {
	p := regexp.QuoteMeta(param)
	return regexp.MustCompile(`\bparams\s*:\s*\{\s*["']?` + p + `["']?\s*:\s*(?:[A-Za-z_$][\w$]*\.(id|slug)|(getPath\s*\(\s*[A-Za-z_$][\w$]*\.id\s*,\s*[A-Za-z_$][\w$]*\.filePath\s*,\s*false\s*\)))\s*,?\s*\}`)
}

// astroRoutes reads where an Astro site's collections' entries are
// served, by the section of the content folder content (relative to the
// site's root dir, "" for the entries at its top); nil when no route
// reads plainly. cfg is the site's configuration.
func astroRoutes(dir, content string, cfg []byte) (routes map[string][]astroRoute, fileFormat bool) {
	folders := astroCollectionFolders(dir)
	if len(folders) == 0 {
		return nil, false
	}
	base := ""
	if m := astroBasePattern.FindAllSubmatch(cfg, -1); len(m) == 1 {
		base = strings.Trim(path.Clean("/"+string(m[0][1])), "/")
	} else if len(m) > 1 {
		return nil, false // which is the site's is not capsule's to guess
	}
	content = path.Clean(filepath.ToSlash(content))
	pages := filepath.Join(dir, "src", "pages")
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
		m := astroRouteFile.FindStringSubmatch(rel)
		if m == nil {
			return nil
		}
		src, err := readSmall(p)
		if err != nil {
			return nil
		}
		// Two names are enough to leave it (a list of every name
		// called, asked of each, took the square of their number: 1.5 s
		// for a route file of a megabyte of them).
		var names []string
		for _, c := range astroGetCollection.FindAllSubmatch(src, -1) {
			if n := string(c[1]); !slices.Contains(names, n) {
				if names = append(names, n); len(names) > 1 {
					break
				}
			}
		}
		if len(names) != 1 {
			return nil // none, or several: which the parameter is of is not plain
		}
		v := astroParamValue(m[2]).FindSubmatch(src)
		folder, ok := folders[names[0]]
		if v == nil || !ok {
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
		prefix := "/" + strings.Trim(path.Join(base, strings.TrimSuffix(m[1], "/")), "/")
		if routes == nil {
			routes = make(map[string][]astroRoute)
		}
		routes[section] = append(routes[section], astroRoute{prefix: strings.TrimSuffix(prefix, "/"), underscore: v[2] != nil})
		return nil
	})
	for _, r := range routes {
		// The shortest first (/post before /en/post): the address the
		// post is known by, the others redirecting too.
		slices.SortStableFunc(r, func(a, b astroRoute) int {
			return strings.Count(a.prefix, "/") - strings.Count(b.prefix, "/")
		})
	}
	return routes, astroFileFormat.Match(cfg)
}

// astroCollectionFolders are the folders (from the site's root, with
// slashes) of an Astro site's collections of Markdown, by name: a glob
// loader's base, as its content configuration writes it (astroGlobBase),
// or, with no loader, src/content/<name> (Astro's legacy collections,
// and every folder there when there is no configuration).
func astroCollectionFolders(dir string) map[string]string {
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
		return out
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
		return nil
	}
	for _, entry := range strings.Split(string(exp[1]), ",") {
		m := astroExportEntry.FindStringSubmatch(entry)
		if m == nil {
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
		case folder == "":
			out[name] = "src/content/" + name
		case folder != "." && !strings.HasPrefix(folder, "..") && !path.IsAbs(folder):
			out[name] = folder
		}
	}
	return out
}

// astroContentConfigs are the names of an Astro site's content
// configuration, in the order Astro takes them.
var astroContentConfigs = []string{"src/content.config.ts", "src/content.config.js", "src/content.config.mjs", "src/content/config.ts", "src/content/config.js", "src/content/config.mjs"}

// astroAddress is the address an Astro post p is served at by its
// collection's route, addr being the one its collection's folder gives
// it (its section's folders and its id: /posts/2019-07-12/); more are
// the other routes' ("" and nil when no route serves its section).
func (f folder) astroAddress(p *Post, addr string) (routed string, more []string) {
	if len(f.astroRoutes) == 0 || f.langRel(p.Dir) != p.Dir {
		return "", nil
	}
	section := topSection(p.Dir)
	routes, ok := f.astroRoutes[section]
	if !ok {
		return "", nil
	}
	id, found := strings.CutPrefix(addr, "/"+strings.ToLower(section))
	if section == "" {
		id, found = addr, true
	}
	id = strings.Trim(id, "/")
	if !found || id == "" || id == "index" {
		return "", nil
	}
	for i, r := range routes {
		rid := id
		if r.underscore {
			parts := strings.Split(rid, "/")
			rid = strings.Join(slices.DeleteFunc(parts[:len(parts)-1], func(s string) bool { return strings.HasPrefix(s, "_") }), "/")
			rid = strings.TrimPrefix(rid+"/"+parts[len(parts)-1], "/")
		}
		a := r.prefix + "/" + rid + "/"
		if f.astroFileFormat {
			a = r.prefix + "/" + rid + ".html"
		}
		if i == 0 {
			routed = a
		} else if a != routed && !slices.Contains(more, a) {
			more = append(more, a)
		}
	}
	return routed, more
}
