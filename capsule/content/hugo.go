package content

import (
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// staticFiles are the files of a Hugo site's static folders
// (staticDir, "static" unless set), at their paths in the folder, save
// those whose path a file beside the posts has (besides). Secrets are
// never among them, and exclude patterns apply, as beside the posts.
func (f folder) staticFiles(opts LoadOptions, maxFile, maxTotal int64, total *int64, besides []besideFile) (found []besideFile, warns, errs []*FileError) {
	if f.layout != layoutHugo || f.root == "" {
		return nil, nil, nil
	}
	taken := make(map[string]bool, len(besides))
	for _, b := range besides {
		taken[b.rel] = true
	}
	dirs := f.static
	if f.gen == "" {
		for _, d := range f.config.staticDirs {
			dirs = append(dirs, staticDir{dir: d})
		}
	}
	for _, d := range dirs {
		dir := filepath.Join(f.root, d.dir)
		if !isDir(dir) {
			continue
		}
		root, ferr := postsRoot(dir)
		if ferr != nil {
			errs = append(errs, ferr)
			continue
		}
		ex, exWarns, err := newExcluder(dir, root, opts.Secrets, opts.Exclude, hostConfigFiles)
		if err != nil {
			continue // reported for the posts folder
		}
		warns = append(warns, exWarns...)
		public := func(string) fileState { return filePublic }
		fs, _, w, e := findFiles(dir, root, layoutStatic, ex, nil, public, maxFile, maxTotal, total)
		warns, errs = append(warns, w...), append(errs, e...)
		for _, file := range fs {
			if d.target != "" {
				file.rel = d.target + "/" + file.rel
			}
			if !taken[file.rel] {
				taken[file.rel] = true
				found = append(found, file)
			}
		}
	}
	slices.SortFunc(found, func(a, b besideFile) int {
		if a.rel < b.rel {
			return -1
		}
		return 1
	})
	return found, warns, errs
}

// hostConfigFiles are the files a static folder holds for the web host
// (Netlify's and Cloudflare Pages' redirects and headers), never for
// readers: not served.
var hostConfigFiles = []string{"_redirects", "_headers"}

// findNested lists the Markdown files in the subfolders of a flat or Hugo
// folder: the posts of Hugo sections. Hidden folders and folders starting
// with "_" are passed over (but with underscored set, a Hugo, Eleventy or
// Hexo site's: they build them, Eleventy's _data, _includes and layouts
// folders being left out by ex, as its output and ignore files are), and so are each
// section's _index.md (its metadata) and the Markdown files a page bundle
// holds beside its index.md (its resources). What ex leaves out is not
// looked at.
// sections are the sections' _index.md files, whose cascade Load checks.
// noBundles reads no page bundles (Eleventy, Astro: an index.md is its
// folder's page); langSuffix tells a translation of a bundle's index.md (index.fr.md) by
// the language its name ends in (see languages.go).
func findNested(dir, root string, ex *excluder, top *topDir, recs *loadRecords, maxPost int64, noBundles, underscored bool, langSuffix func(string) (string, string)) (found []*mdFile, sections []string) {
	// A leaf bundle's content file is index in any content format
	// (index.md, index.markdown, an index.html with front matter), or a
	// translation of one (index.fr.md): only content files are asked.
	isIndex := func(name string) bool {
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		if strings.EqualFold(stem, "index") {
			return true
		}
		base, lang := langSuffix(stem)
		return lang != "" && strings.EqualFold(base, "index")
	}
	// What the walk found of each file, made into its mdFile once all
	// are known: every file's records in one allocation, from recs.
	type walked struct {
		fileAt
		rel   string
		index bool
	}
	bundles := make(map[string]bool)
	var all []walked
	top.walk(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // findFiles reports it
		}
		name := d.Name()
		rel := relDir(dir, p)
		switch {
		case p == dir:
			return nil
		case ex.skip(relPath(dir, p), d.IsDir()):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir():
			if strings.HasPrefix(name, ".") && !ex.reincluded(relPath(dir, p), true) || strings.HasPrefix(name, "_") && !underscored {
				return filepath.SkipDir
			}
			return nil
		case rel != "" && isSectionFile(name) && d.Type().IsRegular():
			sections = append(sections, p)
			return nil
		case rel == "", strings.HasPrefix(name, ".") && !ex.reincluded(relPath(dir, p), false), !isMarkdown(name) && !ex.isMDX(name) && !htmlContent(top, p, name) && !ex.templatePage(name), isSectionFile(name), ex.copiedAsIs(relPath(dir, p)):
			return nil
		}
		w := walked{fileAt: fileAt{path: p, name: name, folder: filepath.Dir(p)}, rel: rel, index: isIndex(name)}
		if w.index {
			bundles[rel] = !noBundles
		}
		all = append(all, w)
		return nil
	})
	all = slices.DeleteFunc(all, func(w walked) bool {
		for d := w.rel; d != "." && d != "/" && d != ""; d = path.Dir(d) {
			if bundles[d] && !(d == w.rel && w.index) {
				return true // a bundle's resource
			}
		}
		return false
	})
	mds, srcs := recs.nested(len(all))
	found = make([]*mdFile, len(all))
	for i, w := range all {
		mds[i] = mdFile{nested: true, slug: strings.TrimSuffix(w.name, filepath.Ext(w.name)), def: postDefaults{dir: w.rel, bare: true}}
		if w.index {
			mds[i].slug = path.Base(w.rel)
		}
		found[i] = &mds[i]
	}
	// Each looked at (a stat: what a reload compares) on every core, as
	// the posts at the top are (a section of thousands of posts is most
	// of a reload with nothing changed).
	at := make([]fileAt, len(all))
	for i, w := range all {
		at[i] = w.fileAt
	}
	for i, in := range inspectAll(at, srcs, root, maxPost) {
		found[i].src, found[i].warn, found[i].ferr = in.src, in.warn, in.ferr
	}
	return found, sections
}

// isSectionFile reports whether name is a Hugo section's own front
// matter: _index.md, or a translation of it (_index.ja.md).
func isSectionFile(name string) bool {
	return name == SiteFile || strings.HasPrefix(name, "_index.") && isMarkdown(name)
}

// dateFromName dates m by its name where Hugo's [frontmatter] date lists
// ":filename" (c.nameDates): a name (a bundle's folder's, without its
// language) starting with a date, YYYY-MM-DD, gives the page that date,
// and what follows it (trimmed of spaces, "-" and "_") its slug unless
// its front matter sets one, when that date is taken (parsePostKeys: the
// front matter's is, where the list names a key first and the page has
// one): 2012-09-26-hatena-intern.md is dated 2012-09-26 at
// /posts/hatena-intern/, as Hugo does.
func (c siteConfig) dateFromName(m *mdFile, loc *time.Location) {
	if !c.nameDates || m.def.home || m.def.hasDate || len(m.slug) < len("2006-01-02") {
		return
	}
	d, err := time.ParseInLocation("2006-01-02", m.slug[:10], loc)
	if err != nil {
		return
	}
	m.def.date, m.def.hasDate, m.def.nameFirst = d, true, c.nameFirst
	m.def.nameSlug = strings.Trim(m.slug[10:], " -_")
}
