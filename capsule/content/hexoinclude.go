package content

import (
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// hexoRules are what a Hexo site's source folder publishes of its files
// by their paths, read from Hexo's own (box/index.ts, its
// processor/common.ts isExcludedFile, processor/post.ts):
//
//   - ignore's patterns are matched against the absolute path of every
//     file and folder (micromatch), posts too: what they match is not
//     read at all ("**/node_modules/**");
//   - in _posts and _drafts, a name starting with "." anywhere below
//     leaves the file out (the post processor's pattern, and hexo-fs'
//     listDir, which lists a post's asset folder, never gives one); so
//     does one starting with "_", but in a post's asset folder, where
//     include takes such a file back as it matches its path in the
//     folder ("_data.json", "sub/_x.png": scanAssetDir's
//     isExcludedFile), an HTML file as it is (as Hexo's plain renderer
//     writes it), never Markdown (which Hexo renders to a bare HTML
//     file, capsule does not: warned of, assetMarkdown), never a
//     draft's (assetIncluded);
//     in a post's asset folder, exclude's patterns are matched against
//     a file's path in the folder, and a name ending with "%" or "~" is
//     left out (assetExcluded);
//   - elsewhere (its pages and files), a file is left out when its name
//     ends with "%" or "~" (an editor's), when exclude matches its path,
//     or when a name of its path starts with "_" or "." and include does
//     not match it: include is what takes such a file back
//     ("_redirects", ".well-known/**"), exclude wins over it.
//
// include and exclude are read as micromatchPatterns; a folder whose
// name starts with "_" or "." is looked into only when an include
// pattern could match below it.
type hexoRules struct {
	include, exclude, ignore []copiedPattern
	absDir                   []string // the source folder's absolute path, in parts
}

// hexoRules reads the rules of a Hexo site whose source folder is dir.
func (f folder) hexoRules(dir string) *hexoRules {
	if f.gen != genHexo {
		return nil
	}
	n := 0
	h := &hexoRules{include: micromatchPatterns(f.config.include, &n), exclude: micromatchPatterns(f.config.exclude, &n)}
	if len(f.config.hexoIgnore) > 0 {
		if abs, err := filepath.Abs(dir); err == nil {
			h.absDir = strings.Split(strings.Trim(filepath.ToSlash(abs), "/"), "/")
			h.ignore = micromatchPatterns(f.config.hexoIgnore, &n)
		}
	}
	return h
}

// anyMatches reports whether one of pats matches the path parts name.
func anyMatches(pats []copiedPattern, name []string) bool {
	for _, c := range pats {
		if slices.ContainsFunc(c.pats, func(p excludePattern) bool { return p.matches(name, false) }) != c.negated {
			return true
		}
	}
	return false
}

// hexoHiddenName is a name Hexo takes for hidden (isHiddenFile).
func hexoHiddenName(name string) bool {
	return strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".")
}

// skip reports whether Hexo leaves out the file or folder of path parts
// name (in the source folder).
func (h *hexoRules) skip(name []string, isDir bool) bool {
	if len(h.ignore) > 0 && anyMatches(h.ignore, append(slices.Clip(h.absDir), name...)) {
		return true
	}
	if name[0] == hexoPosts || name[0] == hexoDrafts {
		return slices.ContainsFunc(name[1:], hexoHiddenName) && !h.assetIncluded(name, isDir)
	}
	if isDir {
		return slices.ContainsFunc(name, hexoHiddenName) && !h.includedBelow(name)
	}
	last := name[len(name)-1]
	switch {
	case strings.HasSuffix(last, "%"), strings.HasSuffix(last, "~"):
		return true
	case anyMatches(h.exclude, name):
		return true
	}
	return slices.ContainsFunc(name, hexoHiddenName) && !anyMatches(h.include, name)
}

// assetIncluded reports whether the file or folder of path parts name
// (in the source folder), in _posts, with a name starting with "_" and
// none with ".", may be in a post's asset folder and taken back by
// include there: include matches the file's path from a folder above
// its first "_" name (a folder its subfolders' files may match, for a
// folder). Which folder is the post's is known later (assetExcluded
// checks it). Never Markdown (assetMarkdown), never in _drafts. An HTML
// file is served as it is, as Hexo's asset generator writes it (its
// renderer for .html, plain, gives the file's text). As many tries as
// the path's folders.
func (h *hexoRules) assetIncluded(name []string, isDir bool) bool {
	if !isDir && isMarkdown(name[len(name)-1]) {
		return false
	}
	return h.assetTakenBack(name, isDir)
}

// assetMarkdown reports whether the file of path parts name is a Markdown
// file include takes back into a post's asset folder (assetIncluded but
// for its kind). Hexo's asset generator renders it with the site's
// Markdown renderer to a file of the same name ending in .html, the
// Markdown's HTML alone: no theme, no title, its front matter as text.
// capsule serves pages of posts, not of a post's files: it is left out,
// with a warning (findFiles).
func (h *hexoRules) assetMarkdown(name []string) bool {
	return isMarkdown(name[len(name)-1]) && h.assetTakenBack(name, false)
}

// assetTakenBack is assetIncluded whatever the file's kind.
func (h *hexoRules) assetTakenBack(name []string, isDir bool) bool {
	if len(h.include) == 0 || name[0] != hexoPosts || slices.ContainsFunc(name, func(n string) bool { return strings.HasPrefix(n, ".") }) {
		return false
	}
	first := slices.IndexFunc(name[1:], hexoHiddenName) + 1 // the first "_" name
	for k := 2; k <= first; k++ {
		if isDir && h.includedBelow(name[k:]) || !isDir && anyMatches(h.include, name[k:]) {
			return true
		}
	}
	return false
}

// assetExcluded reports whether the file at rel (in the source folder,
// with slashes) is in a post's asset folder (bundles, hexoAssetDir)
// and Hexo leaves it out of it: scanAssetDir (processor/post.ts) lists
// the folder and drops what isExcludedFile says of each file's path in
// it, "cat.psd" or "raw/cat.psd" (not "_posts/hello/cat.psd"): a name
// ending with "%" or "~", or one exclude matches there, or a path with
// a name starting with "_" that include does not match there (the walk
// left out those starting with ".", and those include could match from
// no folder: skip).
func (h *hexoRules) assetExcluded(rel string, bundles owners) bool {
	if h == nil || hexoSection(path.Dir(rel)) == "" {
		return false
	}
	dir, _ := bundles.owner(rel)
	if dir == "" {
		return false
	}
	name := strings.Split(strings.TrimPrefix(rel, dir+"/"), "/")
	last := name[len(name)-1]
	return strings.HasSuffix(last, "%") || strings.HasSuffix(last, "~") || anyMatches(h.exclude, name) ||
		slices.ContainsFunc(name, hexoHiddenName) && !anyMatches(h.include, name)
}

// includedBelow reports whether an include pattern could match a file
// below the folder of path parts name. (A negated one matches nearly
// everything: yes.)
func (h *hexoRules) includedBelow(name []string) bool {
	for _, c := range h.include {
		if c.negated || slices.ContainsFunc(c.pats, func(p excludePattern) bool { return p.matchesBelow(name) }) {
			return true
		}
	}
	return false
}

// reincluded reports whether the file or folder at rel (relative to the
// posts folder, with the system's separators), whose path has a name
// starting with "_" or ".", is one a Hexo site's include takes back (or a folder it may take
// some of back): never one of _posts or _drafts. Whether it is then left
// out otherwise is skip's to say.
func (e *excluder) reincluded(rel string, isDir bool) bool {
	if e == nil || e.hexo == nil || len(e.hexo.include) == 0 {
		return false
	}
	name := strings.Split(filepath.ToSlash(rel), "/")
	if name[0] == hexoPosts || name[0] == hexoDrafts {
		return e.hexo.assetIncluded(name, isDir)
	}
	if isDir {
		return e.hexo.includedBelow(name)
	}
	return anyMatches(e.hexo.include, name)
}

// includedMarkdown reports whether the file at rel (relative to the
// posts folder, with the system's separators) is Markdown a Hexo site's
// include takes back into a post's asset folder (hexoRules.assetMarkdown).
func (e *excluder) includedMarkdown(rel string) bool {
	if e == nil || e.hexo == nil || len(e.hexo.include) == 0 {
		return false
	}
	return e.hexo.assetMarkdown(strings.Split(filepath.ToSlash(rel), "/"))
}
