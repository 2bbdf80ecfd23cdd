package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Looking at the posts folder once. A Load looks at the posts folder's
// entries several times (what kind of folder it is, its posts, Markdown in
// subfolders, the files beside the posts): in a folder of 10,000 posts,
// each reading of it is 10,000 entries read from the kernel and sorted,
// which on a reload is more than all else the Load does. So the folder is
// read once per Load (topDir), and walked from that reading (walkTop),
// giving each entry's path relative to the folder without computing it
// from its full path. Each entry's full path too is made once per Load,
// for all that ask (topDir.paths): 10,000 strings, not one per walk. And
// a reload whose reading of the folder is the last load's, entry for
// entry in the kernel's order (names and kinds), takes that load's
// sorting and paths: a folder whose entries are the same sorts the same.
// The folders in it (a Hugo site's sections and bundles, a Jekyll
// site's _posts) are read the same way, once a Load for every walk
// (topDir.walk), and not read at all by a reload that finds them
// unchanged: at 2,800 posts in 60 folders (a real Hugo blog), the
// reload's Load went from 17 to 12 ms.

// topDir is the posts folder's entries, read once by a Load for all that
// looks at them. A nil topDir reads anew each time.
type topDir struct {
	dir string
	dirReading
	done   bool
	joined []string // the entries' paths, once asked for
	// besidesAt are the indexes of all but Markdown files among the
	// entries (folders, and files not named .md or .markdown), once
	// asked for: a walk that leaves Markdown alone (the files beside
	// the posts, Markdown in subfolders) looks at them, not at 10,000
	// posts' names each Load.
	besidesAt []int
	// prev is the last load's reading, until this one is made.
	prev *topDir
	// subs are the readings of the folders in it, by path, made as walks
	// come to them (walk): every folder is read once a Load for all
	// walks. They hold the entries of every folder walked, as many as
	// the walks visit. prevSubs are the last load's, until the Load is
	// done (Load clears it).
	subs, prevSubs map[string]*dirReading
	// fronts are the files whose first bytes a walk looked at, for front
	// matter (startsFront), by path; prevFronts the last load's, until
	// the Load is done.
	fronts, prevFronts map[string]frontSniff
	frontsMu           sync.Mutex
}

// frontSniff is whether a file's bytes started with front matter, as a
// load found them, with the file's stat then and when it looked.
type frontSniff struct {
	stamp fileStamp
	at    time.Time
	front bool
}

// startsFrontFile says whether the file at p starts with front matter,
// as the last load found if the file is unchanged since (its stat the
// same, and settled when it looked: see settled), else by reading its
// beginning. Whether an .html file is a page or a file, and whether a
// Jekyll post in another format is warned of, are asked of every such
// file at every load: 565 of tech.nitoyon.com's .htn posts were opened
// at every reload, half of one that found nothing changed.
func (t *topDir) startsFrontFile(p string) bool {
	if t == nil {
		return startsFrontFile(p)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return false
	}
	stamp, ok := stampOf(fi)
	if !ok {
		return startsFrontFile(p)
	}
	t.frontsMu.Lock()
	old, had := t.prevFronts[p]
	t.frontsMu.Unlock()
	sniff := old
	if !had || old.stamp != stamp || !settled(old.at, stamp.mtime) {
		sniff = frontSniff{stamp: stamp, at: time.Now()}
		sniff.front = startsFrontFile(p)
	}
	t.frontsMu.Lock()
	if t.fronts == nil {
		t.fronts = make(map[string]frontSniff)
	}
	t.fronts[p] = sniff
	t.frontsMu.Unlock()
	return sniff.front
}

// dirReading is a folder's entries, as one Load read them.
type dirReading struct {
	entries []fs.DirEntry // sorted by name
	err     error
	raw     []fs.DirEntry // the entries in the kernel's order
	stamp   *fileStamp    // the folder's stat when raw was read, if known
	readAt  time.Time     // when raw was read
}

// readFolder reads dir's entries, taking those of prev, the last load's
// reading of dir (nil for none), when the folder has not changed since
// (readDirRaw) or its entries are the same, in the same order: taken
// says so.
func readFolder(dir string, prev *dirReading) (r dirReading, taken bool) {
	if prev != nil && prev.err != nil {
		prev = nil
	}
	var same bool
	r.raw, r.stamp, r.readAt, same, r.err = readDirRaw(dir, prev)
	if prev != nil && r.err == nil && (same || sameReading(prev.raw, r.raw)) {
		r.entries, r.raw = prev.entries, prev.raw
		return r, true
	}
	r.entries = sortByName(slices.Clone(r.raw))
	return r, false
}

// holds reports whether entries are t's reading of dir, the folder read
// first: what is made of them once (paths, besides) is kept with it.
func (t *topDir) holds(dir string, entries []fs.DirEntry) bool {
	return t != nil && t.done && t.dir == dir && t.err == nil && len(entries) == len(t.entries)
}

// paths returns the paths of entries, dir's as read returned them: made
// once, when dir is the folder read first.
func (t *topDir) paths(dir string, entries []fs.DirEntry) []string {
	if !t.holds(dir, entries) {
		return joinAll(dir, entries)
	}
	if t.joined == nil {
		t.joined = joinAll(dir, entries)
	}
	return t.joined
}

// joinAll is the path of each of entries, read from dir.
func joinAll(dir string, entries []fs.DirEntry) []string {
	join := joiner(dir)
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = join(e.Name())
	}
	return out
}

// besides returns the indexes of dir's entries, as read returned them,
// that are not Markdown files (topDir.besidesAt): made once, when dir is
// the folder read first.
func (t *topDir) besides(dir string, entries []fs.DirEntry) []int {
	if !t.holds(dir, entries) {
		return besidesMarkdown(entries)
	}
	if t.besidesAt == nil {
		t.besidesAt = besidesMarkdown(entries)
	}
	return t.besidesAt
}

// besidesMarkdown are the indexes of the entries that are not Markdown
// files.
func besidesMarkdown(entries []fs.DirEntry) []int {
	out := []int{} // not nil: nil is a list not made (topDir.besidesAt)
	for i, e := range entries {
		if e.IsDir() || !isMarkdown(e.Name()) {
			out = append(out, i)
		}
	}
	return out
}

// read returns dir's entries, sorted by name, as os.ReadDir does: the
// first reading's, when dir is the folder read first.
func (t *topDir) read(dir string) ([]fs.DirEntry, error) {
	if t == nil || t.done && t.dir != dir {
		return os.ReadDir(dir)
	}
	if !t.done {
		t.dir, t.done = dir, true
		var prev *dirReading
		if p := t.prev; p != nil && p.done && p.dir == dir {
			prev = &p.dirReading
		}
		var taken bool
		if t.dirReading, taken = readFolder(dir, prev); taken {
			t.joined, t.besidesAt = t.prev.joined, t.prev.besidesAt
		}
		t.prev = nil
	}
	return t.entries, t.err
}

// sub returns the entries of dir, the posts folder or a folder in it, as
// read returns the posts folder's: read once a Load, and taken from the
// last load's reading when the folder has not changed since.
func (t *topDir) sub(dir string) ([]fs.DirEntry, error) {
	if t.done && dir == t.dir {
		return t.entries, t.err
	}
	if r := t.subs[dir]; r != nil {
		return r.entries, r.err
	}
	r := t.prevSubs[dir]
	if !r.unchanged(dir) {
		next, _ := readFolder(dir, r)
		r = &next
	}
	if t.subs == nil {
		t.subs = make(map[string]*dirReading)
	}
	t.subs[dir] = r
	return r.entries, r.err
}

// unchanged reports whether r, the last load's reading of the folder dir
// (nil for none), is still its entries, looking at the folder with one
// stat by its path: of a Hugo site's hundred folders, a hundred system
// calls a reload rather than five hundred (readDirRaw opens the folder
// and asks its file system's kind). It takes what readDirRaw takes: a
// reading made on a file system whose folders' times are trusted (it
// has a stamp: the same stamp, device and inode included, is the same
// folder on the same file system), not racy, and the folder's stat the
// same since.
func (r *dirReading) unchanged(dir string) bool {
	if r == nil || r.err != nil || r.stamp == nil {
		return false
	}
	var st syscall.Stat_t
	if syscall.Stat(dir, &st) != nil {
		return false
	}
	return r.stillFor(stampOfStat(&st))
}

// stillFor reports whether r, a reading with a stamp, is the entries of
// its folder, now stamped s: the folder's stat is the one r saw, and r
// was read RacyWindow or more after the folder last changed.
func (r *dirReading) stillFor(s fileStamp) bool {
	return s == *r.stamp && settled(r.readAt, s.mtime) && settled(r.readAt, s.ctime)
}

// walk is filepath.WalkDir(root, fn), for root the posts folder or a
// folder in it, each folder's entries as sub returns them: a reload
// with nothing changed reads no folder's entries from the kernel, and
// a Load's walks read each folder once. With a nil t it is
// filepath.WalkDir.
func (t *topDir) walk(root string, fn fs.WalkDirFunc) error {
	if t == nil {
		return filepath.WalkDir(root, fn)
	}
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = t.walkFrom(root, fs.FileInfoToDirEntry(info), fn)
	}
	if err == filepath.SkipDir || err == filepath.SkipAll {
		return nil
	}
	return err
}

// walkFrom is walk from p, whose entry d is known, as filepath.WalkDir
// walks each entry: fn is called for p; then, if p is a folder and fn
// did not return filepath.SkipDir, for its entries in turn (with the
// error, again for p, if they cannot all be read). filepath.SkipDir
// from a file's call skips the rest of its folder.
func (t *topDir) walkFrom(p string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(p, d, nil); err != nil || !d.IsDir() {
		if err == filepath.SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	entries, err := t.sub(p)
	if err != nil {
		if err = fn(p, d, err); err != nil {
			if err == filepath.SkipDir {
				err = nil
			}
			return err
		}
	}
	join := joiner(p)
	for _, e := range entries {
		if err := t.walkFrom(join(e.Name()), e, fn); err != nil {
			if err == filepath.SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// readDirRaw is dir's entries in the order the kernel gives them, with the
// folder's stat and when they were read. When prev, the last load's
// reading of dir, is still the folder's, its entries are taken (same is
// true) without reading them from the kernel again: 10,000 entries are a
// fifth of what a reload with nothing changed costs. A folder's
// modification and change times move whenever an entry is added, removed
// or renamed, on the local file systems that listingTrusted knows (on
// others the folder is read every time); but they move in ticks of the
// kernel's clock, so that a change made just after a reading may bear a
// time a tick before it, or the very time an earlier change left. So
// prev is taken only if it was read RacyWindow or more after the folder
// last changed, the rule a post's file has (reuse.go).
func readDirRaw(dir string, prev *dirReading) (raw []fs.DirEntry, stamp *fileStamp, at time.Time, same bool, err error) {
	f, err := openDir(dir)
	if err != nil {
		return nil, nil, time.Time{}, false, err
	}
	defer f.Close()
	at = time.Now() // taken before the stat: the entries read are at least as new
	if fi, err := f.Stat(); err == nil && listingTrusted(f) {
		if st, ok := stampOf(fi); ok {
			stamp = &st
		}
	}
	if prev != nil && prev.stamp != nil && stamp != nil && prev.stillFor(*stamp) {
		return prev.raw, prev.stamp, prev.readAt, true, nil
	}
	raw, err = readDir(f)
	return raw, stamp, at, false, err
}

// readDir reads all of an open folder's entries, and openDir opens a
// folder to read it; tests count their calls.
var (
	readDir = func(f *os.File) ([]fs.DirEntry, error) { return f.ReadDir(-1) }
	openDir = os.Open
)

// sameReading reports whether two readings of a folder give the same
// entries, names and kinds, in the same order.
func sameReading(a, b []fs.DirEntry) bool {
	return slices.EqualFunc(a, b, func(x, y fs.DirEntry) bool { return x.Type() == y.Type() && x.Name() == y.Name() })
}

// sortByName sorts entries as os.ReadDir does, by names read once each:
// a folder of 10,000 posts is sorted in half the time, without a method
// call per comparison.
func sortByName(entries []fs.DirEntry) []fs.DirEntry {
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
	return entries
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
// be read, with the error. With markdown false, it leaves out the
// Markdown files at the top of dir (which fn must then have nothing to
// do with, nor skip the rest of the folder for).
func walkTop(dir string, top *topDir, markdown bool, fn func(p, rel string, d fs.DirEntry, err error) error) error {
	entries, err := top.read(dir)
	if err != nil {
		if err := fn(dir, ".", nil, err); err != nil && err != filepath.SkipDir {
			return err
		}
		return nil
	}
	n, which := len(entries), []int(nil) // nil: every entry
	if !markdown {
		which = top.besides(dir, entries)
		n = len(which)
	}
	sep, paths := string(filepath.Separator), top.paths(dir, entries)
	for k := range n {
		i := k
		if !markdown {
			i = which[k]
		}
		d := entries[i]
		name, p := d.Name(), paths[i]
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
		walkFn := func(q string, e fs.DirEntry, err error) error {
			rel := name
			if q != p && strings.HasPrefix(q, p+sep) {
				rel = name + sep + q[len(p)+1:]
			} else if q != p {
				rel = relPath(dir, q)
			}
			return fn(q, rel, e, err)
		}
		var err error
		if top == nil {
			err = filepath.WalkDir(p, walkFn)
		} else {
			err = top.walkFrom(p, d, walkFn)
		}
		switch err {
		case nil, filepath.SkipDir, filepath.SkipAll:
		default:
			return err
		}
	}
	return nil
}
