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
//   - a folder named by the newest's date (Hugo's post/2026/01/02/) is
//     named by today's instead;
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
	dir = strings.TrimSuffix(dir, "/")
	ext := path.Ext(base)
	name := strings.TrimSuffix(base, ext)
	switch {
	case name == "index" || strings.HasPrefix(name, "index."):
		// index.md, or a translation's index.ja.md: a new bundle
		// beside the newest one, in the site's main language.
		return path.Join(datedFolder(path.Dir(dir), now), slug, "index"+ext)
	case jekyll && path.Base(dir) == "_posts":
		return path.Join(dir, today+"-"+slug+ext)
	}
	return path.Join(datedFolder(dir, now), slug+ext)
}

// datedFolder is dir with the date it ends in, when it does (Hugo sites
// filed by date: post/2026/01/02, post/2026/01, post/2026), made now's.
func datedFolder(dir string, now time.Time) string {
	parts := strings.Split(dir, "/")
	date := []string{now.Format("2006"), now.Format("01"), now.Format("02")}
	for n := 3; n >= 1; n-- {
		if len(parts) < n {
			continue
		}
		tail := parts[len(parts)-n:]
		ok := true
		for i, p := range tail {
			if len(p) != len(date[i]) || !allDigits(p) {
				ok = false
			}
		}
		if ok {
			copy(tail, date[:n])
			return strings.Join(parts, "/")
		}
	}
	return dir
}

func allDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
