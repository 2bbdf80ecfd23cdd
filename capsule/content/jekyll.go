package content

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// jekyllMarkers are what makes a folder a Jekyll site.
var jekyllMarkers = []string{"_posts", "_config.yml", "_config.yaml", "_config.toml"}

// jekyllSkipped are names at the top of a Jekyll site that are never
// served: its build, its tools and its templates' own pages.
var jekyllSkipped = []string{"vendor", "node_modules", "index.html", "404.html"}

// jekyllNotPages are Markdown files at the top of a Jekyll site that are
// not pages.
var jekyllNotPages = []string{"index.md", "index.markdown", "readme.md", "readme.markdown", "404.md", "404.markdown"}

// jekyllPostName is a Jekyll post's file name: its date, month and day
// padded or not, then its slug.
var jekyllPostName = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$`)

// findJekyll lists a Jekyll site's posts (_posts, and the _posts of its
// folders: ja/_posts, whose posts have the category ja, as Jekyll reads
// them) and drafts (_drafts, the same), and the pages beyond those at the
// top: Markdown with front
// matter in its other folders, in its collections (_<name> of the
// configuration's collections) and in the folders its include list names
// (minimal-mistakes' _pages). A post's date and slug come from its file
// name; one not named YYYY-MM-DD-slug is left out with a warning, as
// Jekyll leaves it out. What ex leaves out is not looked at.
func findJekyll(dir, root string, ex *excluder, top *topDir, recs *loadRecords, maxPost int64, loc *time.Location, config siteConfig) (found []*mdFile, warns, errs []*FileError) {
	var nested []string
	found, nested, warns, errs = findJekyllPages(dir, root, ex, top, maxPost, config)
	// The posts' files, then each looked at on every core, relative to
	// its folder (inspectAll), as Hugo's sections' are: a _posts folder
	// of thousands is most of a reload with nothing changed.
	var files []fileAt
	var drafts []bool // of files: found in a _drafts folder
	folders := []string{path.Join(config.collectionsDir, "_posts"), path.Join(config.collectionsDir, "_drafts")}
	for _, n := range nested {
		if !slices.Contains(folders, n) {
			folders = append(folders, n)
		}
	}
	if config.collectionsDir != "" {
		// As Jekyll's doctor: _posts outside collections_dir are
		// not read, which an author who moved the posts may not know.
		folders = append([]string{"_posts", "_drafts"}, folders...)
	}
	for _, folder := range folders {
		base := filepath.Join(dir, filepath.FromSlash(folder))
		if !isDir(base) {
			continue
		}
		unread := 0 // Markdown files Jekyll does not read: outside collections_dir
		read := config.jekyllReadsPosts(path.Dir(folder))
		top.walk(base, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &FileError{File: p, Msg: readProblem(err, false)})
				return nil
			}
			name := d.Name()
			if p != base && strings.HasPrefix(name, ".") || ex.skip(relPath(dir, p), d.IsDir()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !isMarkdown(name) && !hasExt(name, ".html", ".htm") {
				// A post in another format (Textile, a site's own
				// converter's .htn), which Jekyll reads and capsule
				// cannot: named, not lost in silence.
				if stem := strings.TrimSuffix(name, filepath.Ext(name)); read && filepath.Ext(name) != "" && jekyllPostName.MatchString(stem) && top.startsFrontFile(p) {
					warns = append(warns, &FileError{File: p, Line: 1, Kind: "post format not read",
						Msg: fmt.Sprintf("a post in a format capsule does not read (%s): not loaded (capsule reads Markdown and HTML posts)", filepath.Ext(name))})
				}
				return nil
			}
			if !read {
				unread++
				return nil
			}
			files = append(files, fileAt{path: p, name: name, folder: filepath.Dir(p)})
			drafts = append(drafts, filepath.Base(folder) == "_drafts")
			return nil
		})
		if unread > 0 {
			warns = append(warns, &FileError{File: base, Kind: "outside collections_dir",
				Msg: fmt.Sprintf("%s outside collections_dir %q, where Jekyll reads %s: not loaded", count(unread, "Markdown file"), config.collectionsDir, path.Base(folder))})
		}
	}
	mds, srcs := recs.nested(len(files))
	for i, in := range inspectAll(files, srcs, root, maxPost) {
		src := in.take(&errs, &warns)
		if src == nil {
			continue
		}
		p, name := files[i].path, files[i].name
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		m := &mds[i]
		*m = mdFile{src: src, slug: stem, def: postDefaults{dir: relDir(dir, p), bare: true}}
		parts := jekyllPostName.FindStringSubmatch(stem)
		if parts != nil {
			y, _ := strconv.Atoi(parts[1])
			mo, _ := strconv.Atoi(parts[2])
			da, _ := strconv.Atoi(parts[3])
			date := time.Date(y, time.Month(mo), da, 0, 0, 0, 0, loc)
			if date.Month() != time.Month(mo) || date.Day() != da {
				parts = nil // 2014-13-40: not a date
			} else {
				m.slug = parts[4]
				m.def.date, m.def.hasDate = date, true
			}
		}
		if drafts[i] {
			m.def.draft, m.def.date, m.def.hasDate = true, time.Time{}, false
		} else if parts == nil {
			warns = append(warns, &FileError{File: p, Msg: "not named YYYY-MM-DD-title.md, as a post in _posts must be: not loaded", Kind: "misnamed post"})
			continue
		}
		found = append(found, m)
	}
	return found, warns, errs
}

// jekyllPageFolders are the folders whose Markdown Jekyll makes pages:
// every folder not starting with "_" or ".", and of those, the
// collections of the configuration and the folders its include names.
func jekyllPageFolder(rel string, config siteConfig) bool {
	if rest, in := config.inCollectionsDir(rel); in && config.collectionsDir != "" {
		// In collections_dir, its "_" folders are the collections'.
		if first, _, _ := strings.Cut(rest, "/"); strings.HasPrefix(first, "_") {
			return first != "_posts" && first != "_drafts" && config.isCollection(first)
		}
	}
	first, _, _ := strings.Cut(rel, "/")
	switch {
	case first == "_posts" || first == "_drafts":
		return false // findJekyll's own
	case strings.HasPrefix(first, "_"):
		if config.collectionsDir == "" && config.isCollection(first) {
			return true
		}
		for _, inc := range config.include {
			if strings.Trim(inc, "/") == first {
				return true
			}
		}
		return false
	case strings.HasPrefix(first, "."):
		return false
	}
	return !slicesContainsFold(jekyllSkipped, first)
}

func slicesContainsFold(list []string, s string) bool {
	for _, l := range list {
		if strings.EqualFold(l, s) {
			return true
		}
	}
	return false
}

// findJekyllPages lists the Markdown of a Jekyll site's subfolders that
// Jekyll makes pages (see jekyllPageFolder): a page each when it starts
// with front matter (checked once read, as at the top).
func findJekyllPages(dir, root string, ex *excluder, top *topDir, maxPost int64, config siteConfig) (found []*mdFile, postDirs []string, warns, errs []*FileError) {
	top.walk(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel := filepath.ToSlash(relPath(dir, p))
		if ex.skip(relPath(dir, p), d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if config.aboveCollectionsDir(rel) {
				return nil // to collections_dir's folders; its own files are no pages unless jekyllPageFolder says so
			}
			if rest, in := config.inCollectionsDir(rel); in && config.collectionsDir != "" && rest == d.Name() && config.isCollection(rest) {
				return nil // a collection's folder, in collections_dir
			}
			if strings.Contains(rel, "/") && strings.HasPrefix(d.Name(), "_") {
				// Below the top, Jekyll reads a folder's _posts and
				// _drafts (findJekyll's) and no other "_" folder.
				if d.Name() == "_posts" || d.Name() == "_drafts" {
					postDirs = append(postDirs, rel)
				}
				return filepath.SkipDir
			}
			if strings.HasPrefix(d.Name(), ".") || !jekyllPageFolder(rel, config) {
				return filepath.SkipDir
			}
			return nil
		}
		html := redirectHTMLCandidate(d)
		if !strings.Contains(rel, "/") || !isMarkdown(d.Name()) && !html || strings.HasPrefix(d.Name(), ".") {
			return nil // the top's are Load's
		}
		if config.aboveCollectionsDir(path.Dir(rel)) && !jekyllPageFolder(path.Dir(rel), config) {
			return nil // in a folder walked through only to reach collections_dir's
		}
		if stem := strings.ToLower(strings.TrimSuffix(d.Name(), filepath.Ext(d.Name()))); stem == "404" {
			return nil // a theme's not-found page (en/404.md), as the top's is: not content
		}
		src := postSource(p, root, maxPost, &errs, &warns)
		if src == nil {
			return nil
		}
		stem := strings.TrimSuffix(d.Name(), filepath.Ext(d.Name()))
		if strings.EqualFold(stem, "index") {
			stem = filepath.Base(filepath.Dir(p)) // about/index.md is about's page
		}
		m := &mdFile{src: src, slug: stem, jpage: true, jredirect: html, def: postDefaults{dir: relDir(dir, p), page: true}}
		found = append(found, m)
		return nil
	})
	return found, postDirs, warns, errs
}

// jekyllOtherConfigs warns of the configuration files beside the one read
// (_config.ja.yml beside _config.yml): a site built with jekyll build
// --config _config.yml,_config.ja.yml merges them, which its build
// command says and capsule cannot know; their settings are not applied.
func jekyllOtherConfigs(dir, read string) []*FileError {
	var out []*FileError
	for _, pattern := range []string{"_config*.yml", "_config*.yaml", "_config*.toml"} {
		names, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, n := range names {
			if filepath.Base(n) != read {
				out = append(out, &FileError{File: n, Kind: "configuration not read",
					Msg: "a configuration beside " + cmp.Or(read, "_config.yml") + ", which Jekyll reads only when its build names it (--config): not read, its settings not applied"})
			}
		}
	}
	return out
}

// maxRedirectHTML bounds the size of the .html files beside the posts
// read as pages in case they are redirect pages (redirectHTML): one is a
// few lines of front matter (Jekyll's docs/pages/redirects/github.html,
// 83 bytes), and a larger file, a template, is read once, as a file.
const maxRedirectHTML = 4 << 10

// redirectHTMLCandidate says whether d, a file beside a Jekyll site's
// posts, may be a redirect page of HTML: a regular .html or .htm file of
// at most maxRedirectHTML bytes.
func redirectHTMLCandidate(d fs.DirEntry) bool {
	if d.IsDir() || !d.Type().IsRegular() || !hasExt(d.Name(), ".html", ".htm") {
		return false
	}
	info, err := d.Info()
	return err == nil && info.Size() <= maxRedirectHTML
}

// redirectHTML says whether data, an .html file's beside a Jekyll site's
// posts, is a redirect page of jekyll-redirect-from: YAML front matter
// with a redirect_to (and whatever else: the plugin writes the redirect
// in place of all the page would be) and no text after it. Jekyll
// writes a redirect at its addresses, as for a Markdown page with one
// (Post.RedirectTo); an HTML page with text is a template, not served.
func redirectHTML(data []byte) bool {
	if !jekyllTemplate(data) {
		return false
	}
	front, body, _, start, format, ferr := splitFront(NormalizeSource(data))
	if ferr != nil || format != formatYAML || len(bytes.TrimSpace(body)) > 0 {
		return false
	}
	m, _, _, ferr := decodeFrontAs(format, front, start, defaultFrontLimits)
	to, why := redirectTo(m["redirect_to"])
	return ferr == nil && (to != "" || why != "") // why: warned of when read as a page
}
