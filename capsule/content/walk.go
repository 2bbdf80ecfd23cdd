package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Looking at the posts folder once. A Load looks at the posts folder's
// entries several times (what kind of folder it is, its posts, Markdown in
// subfolders, the files beside the posts): in a folder of 10,000 posts,
// each reading of it is 10,000 entries read from the kernel and sorted,
// which on a reload is more than all else the Load does. So the folder is
// read once per Load (topDir), and walked from that reading (walkTop),
// giving each entry's path relative to the folder without computing it
// from its full path.

// topDir is the posts folder's entries, read once by a Load for all that
// looks at them. A nil topDir reads anew each time.
type topDir struct {
	dir     string
	entries []fs.DirEntry
	err     error
	done    bool
}

// read returns dir's entries, sorted by name, as os.ReadDir does: the
// first reading's, when dir is the folder read first.
func (t *topDir) read(dir string) ([]fs.DirEntry, error) {
	if t == nil || t.done && t.dir != dir {
		return os.ReadDir(dir)
	}
	if !t.done {
		t.dir, t.done = dir, true
		t.entries, t.err = readDirSorted(dir)
	}
	return t.entries, t.err
}

// readDirSorted is os.ReadDir, sorting by names read once each: a
// folder of 10,000 posts is sorted in half the time, without a method
// call per comparison.
func readDirSorted(dir string) ([]fs.DirEntry, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	type named struct {
		name  string
		entry fs.DirEntry
	}
	byName := make([]named, len(entries))
	for i, e := range entries {
		byName[i] = named{e.Name(), e}
	}
	slices.SortFunc(byName, func(a, b named) int { return strings.Compare(a.name, b.name) })
	for i := range byName {
		entries[i] = byName[i].entry
	}
	return entries, err
}

// joiner returns filepath.Join(dir, name) for names read from dir
// (neither "." nor ".." nor holding a separator), without cleaning each
// path again when dir is clean.
func joiner(dir string) func(name string) string {
	if dir == "" || dir == "." || dir == string(filepath.Separator) || filepath.Clean(dir) != dir {
		return func(name string) string { return filepath.Join(dir, name) }
	}
	prefix := dir + string(filepath.Separator)
	return func(name string) string { return prefix + name }
}

// walkTop is filepath.WalkDir(dir) with the folder's own entries as top
// read them, calling fn with each path and the path relative to dir ("."
// for dir itself, with the system's separators). As for WalkDir, fn
// returning filepath.SkipDir for a folder skips it, and for a file skips
// the rest of its folder; fn is called for dir itself only when it cannot
// be read, with the error.
func walkTop(dir string, top *topDir, fn func(p, rel string, d fs.DirEntry, err error) error) error {
	entries, err := top.read(dir)
	if err != nil {
		if err := fn(dir, ".", nil, err); err != nil && err != filepath.SkipDir {
			return err
		}
		return nil
	}
	sep, join := string(filepath.Separator), joiner(dir)
	for _, d := range entries {
		name := d.Name()
		p := join(name)
		if !d.IsDir() {
			switch err := fn(p, name, d, nil); err {
			case nil:
			case filepath.SkipDir:
				return nil
			default:
				return err
			}
			continue
		}
		err := filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
			rel := name
			if q != p && strings.HasPrefix(q, p+sep) {
				rel = name + sep + q[len(p)+1:]
			} else if q != p {
				rel = relPath(dir, q)
			}
			return fn(q, rel, e, err)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
