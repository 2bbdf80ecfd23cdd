package content

import (
	"path"
	"slices"
	"strings"
)

// Jekyll's collections_dir puts _posts, _drafts and every collection's
// folder in one folder of the site, instead of its top. Jekyll then reads
// posts only from the _posts folders in it (one outside it is left
// unread: jekyll doctor warns of it), collections only from it, and names
// a document (a post or a collection's) by its path in that folder: so
// my/_posts/2024-01-02-hello.md has no category "my", and a default's
// scope path "my/_posts" is "_posts".

// jekyllCollectionsDir is the collections_dir setting as a folder of the
// site, with slashes and no slash at either end: "" for the top, and for
// a setting that would leave the site ("../x", "/etc"), which Jekyll
// would not read either.
func jekyllCollectionsDir(setting string) string {
	setting = strings.Trim(strings.ReplaceAll(setting, "\\", "/"), "/")
	if setting == "" {
		return ""
	}
	clean := path.Clean(setting)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return ""
	}
	return clean
}

// stripCollectionsDir is rel (relative to the site, with slashes) as
// Jekyll names it from collections_dir cd when it is in it, else rel.
func stripCollectionsDir(rel, cd string) string {
	if rest, ok := strings.CutPrefix(rel, cd+"/"); ok && cd != "" {
		return rest
	}
	if rel == cd {
		return ""
	}
	return rel
}

// inCollectionsDir is rel, a folder of the site with slashes, as Jekyll
// names it from the collections' folder, and whether it is in that
// folder (every folder is, with no collections_dir).
func (c siteConfig) inCollectionsDir(rel string) (rest string, in bool) {
	if c.collectionsDir == "" {
		return rel, true
	}
	if rel == c.collectionsDir || strings.HasPrefix(rel, c.collectionsDir+"/") {
		return stripCollectionsDir(rel, c.collectionsDir), true
	}
	return rel, false
}

// jekyllReadsPosts says whether Jekyll reads the _posts and _drafts of
// folder dir (relative to the site, with slashes; "" the top): every
// one without collections_dir, else those of the folders whose path
// starts with it, as Jekyll's reader tests it (a string's prefix: with
// collections_dir "my", "my" and "myblog", not the top).
func (c siteConfig) jekyllReadsPosts(dir string) bool {
	return c.collectionsDir == "" || strings.HasPrefix("/"+dir, "/"+c.collectionsDir)
}

// isCollection says whether folder, a folder's name, is the folder of a
// collection with output ("_" and its name).
func (c siteConfig) isCollection(folder string) bool {
	name, ok := strings.CutPrefix(folder, "_")
	return ok && slices.Contains(c.collections, name)
}

// aboveCollectionsDir says whether rel, a folder of the site, is the
// collections' folder or one of the folders it is in: the walk goes
// through them even when Jekyll makes no pages of their files (a
// collections_dir "_my", which starts with "_").
func (c siteConfig) aboveCollectionsDir(rel string) bool {
	return c.collectionsDir != "" && (rel == c.collectionsDir || strings.HasPrefix(c.collectionsDir, rel+"/"))
}

// jekyllDoc is the kind of the files of folder dir (see jekyllKind) and
// the folder as Jekyll names them by in addresses and defaults' scopes:
// a document's (a post's or a collection's) from the collections'
// folder, a page's from the site.
func (c siteConfig) jekyllDoc(dir string) (docDir, kind string) {
	kind = c.jekyllKind(dir)
	if kind == "pages" {
		return dir, kind
	}
	return stripCollectionsDir(dir, c.collectionsDir), kind
}
