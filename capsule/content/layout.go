package content

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// layout is how a posts folder is arranged.
type layout int

const (
	// layoutFlat is capsule's own: posts and pages at the top, every
	// other file (Markdown in subfolders too) served as it is.
	layoutFlat layout = iota
	// layoutHugo is a Hugo content folder: posts in sections (subfolders,
	// at any depth), page bundles (section/slug/index.md), pages at the top.
	layoutHugo
	// layoutJekyll is a Jekyll site folder: _posts, _drafts, pages at the
	// top, and folders starting with "_" never served.
	layoutJekyll
)

// mdFile is a Markdown file found, to be read and parsed.
type mdFile struct {
	src    *source
	slug   string
	def    postDefaults
	nested bool // in a subfolder of a flat or Hugo folder: a Hugo section's post
	// warn and ferr are what inspecting a nested file found: reported only
	// if the folder is a Hugo one, where the file is a post.
	warn, ferr *FileError
	jpage      bool // a Jekyll page: left out when it has no front matter
}

// jekyllMarkers are what makes a folder a Jekyll site.
var jekyllMarkers = []string{"_posts", "_config.yml", "_config.yaml", "_config.toml"}

// jekyllSkipped are names at the top of a Jekyll site that are never
// served: its build, its tools and its templates' own pages.
var jekyllSkipped = []string{"vendor", "node_modules", "index.html", "404.html"}

// jekyllNotPages are Markdown files at the top of a Jekyll site that are
// not pages.
var jekyllNotPages = []string{"index.md", "index.markdown", "readme.md", "readme.markdown", "404.md", "404.markdown"}

// hugoRootMarkers, beside a content folder, make a folder the root of a
// Hugo site rather than its content folder.
var hugoRootMarkers = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json", "config", "archetypes", "layouts", "themes"}

// jekyllPostName is a Jekyll post's file name: its date, month and day
// padded or not, then its slug.
var jekyllPostName = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$`)

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

func isJekyll(dir string) bool {
	return slices.ContainsFunc(jekyllMarkers, func(m string) bool { return exists(filepath.Join(dir, m)) })
}

func isHugoRoot(dir string) bool {
	return isDir(filepath.Join(dir, "content")) &&
		slices.ContainsFunc(hugoRootMarkers, func(m string) bool { return exists(filepath.Join(dir, m)) })
}

// hasExt reports whether name ends in one of exts, in any case.
func hasExt(name string, exts ...string) bool {
	return slices.ContainsFunc(exts, func(e string) bool { return strings.EqualFold(filepath.Ext(name), e) })
}

// relDir is the folder of p relative to dir, with slashes; "" at the top.
func relDir(dir, p string) string {
	rel, _ := filepath.Rel(dir, filepath.Dir(p))
	if rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}

// relPath is p relative to dir, with the system's separators.
func relPath(dir, p string) string {
	rel, _ := filepath.Rel(dir, p)
	return rel
}

// findNested lists the Markdown files in the subfolders of a flat or Hugo
// folder: the posts of Hugo sections. Hidden folders and folders starting
// with "_" are passed over, and so are each section's _index.md (its
// metadata) and the Markdown files a page bundle holds beside its
// index.md (its resources). What ex leaves out is not looked at.
// sections are the sections' _index.md files, whose cascade Load checks.
func findNested(dir, root string, ex *excluder, maxPost int64) (found []*mdFile, sections []string) {
	bundles := make(map[string]bool)
	var all []*mdFile
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
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
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			return nil
		case rel != "" && name == SiteFile && d.Type().IsRegular():
			sections = append(sections, p)
			return nil
		case rel == "", strings.HasPrefix(name, "."), !hasExt(name, ".md"), name == SiteFile:
			return nil
		}
		m := &mdFile{src: &source{path: p, limit: maxPost, what: "one post"}, nested: true,
			slug: strings.TrimSuffix(name, filepath.Ext(name)), def: postDefaults{dir: rel}}
		m.warn, m.ferr = inspectPost(m.src, root)
		if strings.EqualFold(name, "index.md") {
			m.slug = path.Base(rel)
			bundles[rel] = true
		}
		all = append(all, m)
		return nil
	})
	for _, m := range all {
		inBundle := false
		for d := m.def.dir; d != "." && d != "/" && d != ""; d = path.Dir(d) {
			if bundles[d] && !(d == m.def.dir && strings.EqualFold(filepath.Base(m.src.path), "index.md")) {
				inBundle = true
				break
			}
		}
		if inBundle {
			continue
		}
		found = append(found, m)
	}
	return found, sections
}

// findJekyll lists a Jekyll site's posts (_posts, at any depth) and drafts
// (_drafts). A post's date and slug come from its file name; one not
// named YYYY-MM-DD-slug is left out with a warning, as Jekyll leaves it
// out. What ex leaves out is not looked at.
func findJekyll(dir, root string, ex *excluder, maxPost int64, loc *time.Location) (found []*mdFile, warns, errs []*FileError) {
	for _, folder := range []string{"_posts", "_drafts"} {
		base := filepath.Join(dir, folder)
		if !isDir(base) {
			continue
		}
		filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
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
			if d.IsDir() || !hasExt(name, ".md", ".markdown") {
				return nil
			}
			src := &source{path: p, limit: maxPost, what: "one post"}
			warn, ferr := inspectPost(src, root)
			switch {
			case ferr != nil:
				errs = append(errs, ferr)
				return nil
			case warn != nil:
				warns = append(warns, warn)
				return nil
			}
			stem := strings.TrimSuffix(name, filepath.Ext(name))
			m := &mdFile{src: src, slug: stem,
				def: postDefaults{dir: relDir(dir, p)}}
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
			if folder == "_drafts" {
				m.def.draft, m.def.date, m.def.hasDate = true, time.Time{}, false
			} else if parts == nil {
				warns = append(warns, &FileError{File: p, Msg: "not named YYYY-MM-DD-title.md, as a post in _posts must be: not loaded", Kind: "misnamed post"})
				return nil
			}
			found = append(found, m)
			return nil
		})
	}
	return found, warns, errs
}

// skipFile reports whether findFiles leaves out the file or folder at rel
// (relative to the posts folder, with the system's separators) in a
// folder of layout l.
func (l layout) skipFile(rel string, d fs.DirEntry) bool {
	name := d.Name()
	if !d.IsDir() && hasExt(name, ".md", ".markdown") {
		// Markdown is never served as it is, wherever it lies: it may be
		// a draft (a Hugo site's root given for its content folder).
		return true
	}
	top := !strings.Contains(rel, string(filepath.Separator))
	switch l {
	case layoutJekyll:
		return strings.HasPrefix(name, "_") ||
			top && (strings.HasPrefix(name, "Gemfile") || slices.Contains(jekyllSkipped, name) ||
				!d.IsDir() && hasExt(name, ".md", ".markdown"))
	case layoutHugo:
		return !d.IsDir() && (hasExt(name, ".md") || top && strings.HasPrefix(name, "_"))
	}
	return !d.IsDir() && top && (hasExt(name, ".md") || strings.HasPrefix(name, "_"))
}

// emptyHint says, for a folder with no post and no page, where the posts
// may be: the content folder of a Hugo site's root, or a folder holding
// Markdown that was not loaded.
func emptyHint(dir string, l layout) string {
	content := filepath.Join(dir, "content")
	if isDir(content) && hasMarkdown(content) {
		return "did you mean content? " + content + " holds Markdown files: give that folder, a Hugo site's content folder, as the posts folder"
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		switch {
		case l == layoutJekyll && (name == "_posts" || name == "_drafts" || !strings.HasPrefix(name, "_")),
			l == layoutHugo && !strings.HasPrefix(name, "_"):
			continue // loaded: its posts are drafts
		}
		if hasMarkdown(filepath.Join(dir, name)) {
			return name + "/ holds Markdown files that are not posts in a layout capsule knows (posts at the top, in Hugo sections, or in Jekyll's _posts): did you mean " + filepath.Join(dir, name) + "?"
		}
	}
	return ""
}

// hasMarkdown reports whether a Markdown file is anywhere under dir, out
// of hidden folders.
func hasMarkdown(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || found:
			return filepath.SkipDir
		case p != dir && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return filepath.SkipDir
			}
		case !d.IsDir() && hasExt(d.Name(), ".md", ".markdown"):
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
