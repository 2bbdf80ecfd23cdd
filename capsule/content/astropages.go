package content

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// An Astro site's Markdown pages in src/pages, beside the content
// collections capsule reads (src/content, a glob loader's folder): Astro
// builds each as a page at the address its path gives it, by its
// file-based routing (src/pages/about.md at /about/, src/pages/docs/
// index.md at /docs/, under the configuration's base; at /about.html
// with build: { format: 'file' }), and builds nothing of a file or
// folder whose name starts with "_". capsule serves each as a page, its
// address on the web site an old address of it; an index.md at the top
// is the home page's text. chronicle (junichiro), an AstroPaper blog,
// keeps its about page so (src/pages/about.md, at /about/), which was
// not served. When src/pages is itself the folder read (a site with no
// collections), its Markdown is read as the content folder's.

// astroPageFiles are the Markdown pages of f's src/pages (f.astroPages),
// each a page (an index.md at the top the home page's text), and the
// warnings for what is not read there: an MDX page (as in the content
// folder, not read), a page whose path names a parameter ([slug].md,
// which Astro builds only from a route's code). Each file is inspected
// as the posts are (a regular file, a link that stays in src/pages) and
// read at most maxPost bytes; the operator's exclusions apply from
// src/pages as from the posts folder.
func (f folder) astroPageFiles(opts *LoadOptions, maxPost int64, loc *time.Location) (found []*mdFile, warns, errs []*FileError) {
	dir := f.astroPages
	if dir == "" || !isDir(dir) {
		return nil, nil, nil
	}
	root, ferr := postsRoot(dir)
	if ferr != nil {
		return nil, []*FileError{ferr}, nil
	}
	ex, exWarns, err := newExcluder(dir, root, opts.Secrets, opts.Exclude, nil)
	if err != nil {
		return nil, []*FileError{{File: dir, Msg: err.Error()}}, nil
	}
	warns = append(warns, exWarns...)
	var at []fileAt
	var rels []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		name, rel := d.Name(), relPath(dir, p)
		switch {
		case strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".") || ex.skip(rel, d.IsDir()):
			// Astro builds no page of them; nor of what is hidden.
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		case hasExt(name, ".mdx") && !f.astroMDX:
			warns = append(warns, &FileError{File: p, Line: 1, Kind: "MDX not read",
				Msg: "MDX (Markdown with components) is not read: not served; as .md, without its imports and components, it would be"})
			return nil
		case !isMarkdown(name) && !hasExt(name, ".mdx"):
			return nil // .astro, .ts…: code
		case strings.Contains(filepath.ToSlash(rel), "["):
			warns = append(warns, &FileError{File: p, Line: 1, Kind: "Astro page not read",
				Msg: "a Markdown page whose path names a parameter, which Astro builds only from a route's code: not served"})
			return nil
		}
		at = append(at, fileAt{path: p, name: name, folder: filepath.Dir(p)})
		rels = append(rels, filepath.ToSlash(rel))
		return nil
	})
	srcs := make([]source, len(at))
	for i, in := range inspectAll(at, srcs, root, maxPost) {
		src := in.take(&errs, &warns)
		if src == nil {
			continue
		}
		rel := rels[i]
		if rel == "index.md" || rel == "index.markdown" {
			found = append(found, homeFile(src, ""))
			continue
		}
		stem := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
		folder := path.Dir(rel)
		if folder == "." {
			folder = ""
		}
		if strings.EqualFold(stem, "index") {
			stem = path.Base(folder) // docs/index.md: docs
		}
		m := &mdFile{src: src, slug: stem, def: postDefaults{dir: folder, page: true, bare: true}}
		f.jsDefaults(m, loc)
		found = append(found, m)
	}
	if len(found) > 0 && !f.astroBaseKnown {
		warns = append(warns, &FileError{File: found[0].src.path, Line: 1, Kind: "Astro address unknown",
			Msg: "the Astro configuration writes several bases: the web addresses of the Markdown pages in src/pages are not known, and old links to them are not redirected"})
	}
	return found, warns, errs
}

// astroPageAddress is the address Astro builds the Markdown page file
// (a path, of f.astroPages) at, by its file-based routing; "" when file
// is no such page, or its address is not known.
func (f folder) astroPageAddress(file string) (addr string, ok bool) {
	if f.astroPages == "" {
		return "", false
	}
	rel, found := strings.CutPrefix(file, f.astroPages+string(filepath.Separator))
	if !found {
		return "", false
	}
	if !f.astroBaseKnown {
		return "", true
	}
	rel = filepath.ToSlash(rel)
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	if rel == "index" || strings.HasSuffix(rel, "/index") {
		rel = strings.TrimSuffix(strings.TrimSuffix(rel, "index"), "/")
	}
	addr = path.Join("/", f.astroBase, rel)
	switch {
	case addr == "/":
	case f.astroFileFormat:
		addr += ".html"
	default:
		addr += "/"
	}
	return addr, true
}
