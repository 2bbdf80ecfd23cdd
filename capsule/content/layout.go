package content

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
	// layoutStatic is a Hugo site's static folder: every file served as
	// it is, at its path in the folder.
	layoutStatic
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
	// jredirect is a Jekyll page of HTML, read in case it is a redirect
	// page (source.redirectPage): left out when it is not.
	jredirect bool
	// lastGood says to take the last load's post of the file whatever it
	// reads now (a broken site file's home page text).
	lastGood bool
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// hasExt reports whether name ends in one of exts, in any case.
// markdownExts are the extensions Hugo and Jekyll read as Markdown
// (Hugo's md, markdown and mdown; Jekyll's markdown_ext).
var markdownExts = []string{".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mkdown"}

// isMarkdown says whether name is a Markdown file's, by its extension.
func isMarkdown(name string) bool { return hasExt(name, markdownExts...) }

// eleventyTextTemplates are the extensions of the template languages
// Eleventy builds pages of whose syntax capsule reads as it reads the
// Liquid and Nunjucks of Eleventy's Markdown (includes and shortcodes
// followed, the rest dropped with a warning): a page written in them
// is its text as the language leaves it, HTML, with no Markdown run
// over it (Post.NoMarkdown).
var eleventyTextTemplates = []string{".njk", ".liquid"}

// eleventyOtherTemplates are the extensions of the template languages
// Eleventy 2 builds pages of (Eleventy 3 with a plugin) that capsule
// does not read at all: a page written in one is warned of, not served
// (see eleventyTemplate).
var eleventyOtherTemplates = map[string]string{".ejs": "EJS", ".hbs": "Handlebars", ".mustache": "Mustache", ".haml": "Haml", ".pug": "Pug"}

// eleventyTemplate says whether name, in an Eleventy site's input
// folder, is a page of one of its template languages besides Markdown
// and HTML (eleventyTextTemplates, eleventyOtherTemplates): loaded as
// a page, never served as a file.
func eleventyTemplate(name string) bool {
	return hasExt(name, eleventyTextTemplates...) || eleventyOtherTemplates[strings.ToLower(filepath.Ext(name))] != ""
}

// htmlContent says whether the file at p, named name, is a page of HTML
// its generator renders (Hugo's content formats, a Jekyll post): an
// .html or .htm file that starts with front matter. One without is a
// file, copied as it is.
func htmlContent(top *topDir, p, name string) bool {
	return hasExt(name, ".html", ".htm") && top.startsFrontFile(p)
}

// startsFrontFile says whether the file at p starts with front matter
// (startsFront), reading its first bytes alone.
func startsFrontFile(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [64]byte
	n, _ := io.ReadFull(f, head[:])
	return startsFront(head[:n])
}

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

// skipFile reports whether findFiles leaves out the file or folder at rel
// (relative to the posts folder, with the system's separators) in a
// folder of layout l; reading is the load's of the folder.
func (l layout) skipFile(reading *topDir, p, rel string, d fs.DirEntry) bool {
	name := d.Name()
	if l == layoutStatic {
		return false // Hugo copies a static folder whole
	}
	if !d.IsDir() && (isMarkdown(name) || l == layoutHugo && htmlContent(reading, p, name)) {
		// Markdown is never served as it is, wherever it lies: it may be
		// a draft (a Hugo site's root given for its content folder).
		return true
	}
	top := !strings.Contains(rel, string(filepath.Separator))
	switch l {
	case layoutJekyll:
		return strings.HasPrefix(name, "_") ||
			top && (strings.HasPrefix(name, "Gemfile") || slices.Contains(jekyllSkipped, name) ||
				!d.IsDir() && isMarkdown(name))
	case layoutHugo:
		return !d.IsDir() && top && strings.HasPrefix(name, "_")
	}
	return !d.IsDir() && top && strings.HasPrefix(name, "_")
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
func hasMarkdown(dir string) bool { return hasFileWith(dir, ".md", ".markdown") }

// hasFileWith reports whether dir holds, at any depth, a file whose name
// ends in one of exts, outside hidden folders.
func hasFileWith(dir string, exts ...string) bool {
	found := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || found:
			return filepath.SkipDir
		case p != dir && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return filepath.SkipDir
			}
		case !d.IsDir() && hasExt(d.Name(), exts...):
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
