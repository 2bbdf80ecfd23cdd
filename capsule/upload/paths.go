package upload

import (
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxPath bounds the length of a path an upload names, in bytes.
const MaxPath = 512

// CheckPath checks a path an upload names, relative to the posts folder
// with slashes, by the loader's rules for what it reads: clean (no "."
// or ".." segment, no empty one), no segment starting with "." (the
// loader never reads a dot file, and dot files hold a site's secrets:
// .git, .env), nothing but printable characters. Which paths are a
// post's, or beside one, is the caller's to say.
func CheckPath(rel string) error {
	switch {
	case rel == "" || len(rel) > MaxPath:
		return refused("a path of 1 to %d bytes is needed", MaxPath)
	case !utf8.ValidString(rel) || strings.ContainsFunc(rel, func(r rune) bool { return !unicode.IsPrint(r) || r == '\\' }):
		return refused("%q has a character no file name of a post may have", rel)
	case path.IsAbs(rel) || path.Clean(rel) != rel:
		return refused("%s is not a clean path in the posts folder", rel)
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == ".." || strings.HasPrefix(seg, ".") {
			return refused("%s: names starting with \".\" are never read or written", rel)
		}
	}
	return nil
}

// NewPostPath is where a new post of slug goes, laid out as the folder's
// newest post is (newest, slash-separated in the posts folder; "" when
// there is none), dated now, and named so that its slug is slug:
//   - a page bundle (posts/hello/index.md): posts/<slug>/index.md;
//   - in a Jekyll site (jekyll), a post of a _posts folder:
//     _posts/<today>-<slug> with the newest's extension (Jekyll takes
//     the date off the slug);
//   - any other file: the same folder, <slug> and the same extension
//     (a flat folder's date-prefixed names keep their dates in their
//     slugs, so a new name has none unless slug has);
//   - no post yet: _posts/<today>-<slug>.md in a Jekyll site, else
//     <slug>.md at the top.
func NewPostPath(newest, slug string, now time.Time, jekyll bool) string {
	today := now.Format("2006-01-02")
	if newest == "" {
		if jekyll {
			return "_posts/" + today + "-" + slug + ".md"
		}
		return slug + ".md"
	}
	dir, base := path.Split(newest)
	ext := path.Ext(base)
	name := strings.TrimSuffix(base, ext)
	switch {
	case name == "index" || strings.HasPrefix(name, "index."):
		// index.md, or a translation's index.ja.md: a new bundle
		// beside the newest one, in the site's main language.
		return path.Join(path.Dir(strings.TrimSuffix(dir, "/")), slug, "index"+ext)
	case jekyll && path.Base(dir) == "_posts":
		return path.Join(dir, today+"-"+slug+ext)
	}
	return path.Join(dir, slug+ext)
}
