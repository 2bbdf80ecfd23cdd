package daemon

import (
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// An upload writes into a posts folder that capsuled's watcher (-watch)
// watches, and reloads its site itself before it answers. The watcher
// then sees that same write (and, for an upload refused, the old version
// put back) and would reload once more for nothing. So each upload
// records what it left at each path it touched — absent, a folder, or a
// file of a size, time, inode and content — and OwnWrites tells the
// watcher when every path of a burst of changes is still exactly that:
// a state an upload's own reload has read, or is reading now (the record
// is made before that reload begins). An author's save right after, a
// touch, anything else that changes a path, makes it differ, and the
// watcher reloads as before.

// maxOwnWrites bounds the paths recorded: the newest are kept, the
// oldest forgotten (a path forgotten is reloaded for, as before). An
// upload touches its file and the folders made for it.
const maxOwnWrites = 64

// ownWrites are the paths the daemon's uploads wrote, by absolute path.
type ownWrites struct {
	mu    sync.Mutex
	paths map[string]ownWrite
	seq   uint64
}

type ownWrite struct {
	state fileState
	seq   uint64 // for forgetting the oldest
}

// fileState is what is at a path: nothing, a folder, or a file; info is
// nil for nothing.
type fileState struct {
	info os.FileInfo
	sum  [sha256.Size]byte // a file's content
}

// same reports whether a and b are the same state of one path: both
// nothing, or the same folder, or the same file (inode) of the same
// size, modification time and content.
func (a fileState) same(b fileState) bool {
	switch {
	case a.info == nil || b.info == nil:
		return a.info == nil && b.info == nil
	case a.info.IsDir() || b.info.IsDir():
		return a.info.IsDir() && b.info.IsDir() && os.SameFile(a.info, b.info)
	}
	return os.SameFile(a.info, b.info) && a.info.Size() == b.info.Size() &&
		a.info.ModTime().Equal(b.info.ModTime()) && a.sum == b.sum
}

// stateOf is what is at path now. A file's content is read only when
// size is its size (the size recorded, or -1 to read it anyway): at most
// an upload's cap, and only for a file an upload wrote.
func stateOf(path string, size int64) (fileState, bool) {
	info, err := os.Lstat(path)
	switch {
	case os.IsNotExist(err):
		return fileState{}, true
	case err != nil:
		return fileState{}, false
	case info.IsDir():
		return fileState{info: info}, true
	case !info.Mode().IsRegular():
		return fileState{}, false
	case size >= 0 && info.Size() != size:
		return fileState{info: info}, true // differs already
	}
	f, err := os.Open(path)
	if err != nil {
		return fileState{}, false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, info.Size()+1)); err != nil {
		return fileState{}, false
	}
	st := fileState{info: info}
	h.Sum(st.sum[:0])
	return st, true
}

// record notes what is now at each of rels (slash-separated, in the
// posts folder root), written by an upload of s, before s is reloaded.
// A posts folder another site's overlaps is not recorded: the upload
// reloads its own site only, and the watcher's reload is the other's.
// The caller holds d.reloading (the sites' cfg).
func (d *Daemon) recordOwn(s *servedSite, root string, rels []string) {
	for _, o := range d.sites {
		if o != s && overlap(o.cfg.Posts, root) {
			return
		}
	}
	o := &d.own
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.paths == nil {
		o.paths = make(map[string]ownWrite)
	}
	for _, rel := range rels {
		abs, err := filepath.Abs(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			continue
		}
		st, ok := stateOf(abs, -1)
		if !ok {
			delete(o.paths, abs)
			continue
		}
		o.seq++
		o.paths[abs] = ownWrite{state: st, seq: o.seq}
		if len(o.paths) > maxOwnWrites {
			oldest, at := "", o.seq
			for p, w := range o.paths {
				if w.seq < at {
					oldest, at = p, w.seq
				}
			}
			delete(o.paths, oldest)
		}
	}
}

// forgetOwn forgets what an upload recorded at rels: it is no longer
// what the site loaded (its old version could not be put back).
func (d *Daemon) forgetOwn(root string, rels []string) {
	o := &d.own
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, rel := range rels {
		if abs, err := filepath.Abs(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
			delete(o.paths, abs)
		}
	}
}

// OwnWrites reports whether every one of paths, the changes a watcher
// saw, is exactly as an upload of the daemon left it, and so loaded by
// that upload's reload: a reload for them would find nothing new. False
// for no paths. Each path costs a stat, and a read of a file an upload
// wrote whose size is unchanged.
func (d *Daemon) OwnWrites(paths []string) bool {
	if len(paths) == 0 {
		return false
	}
	o := &d.own
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		w, ok := o.paths[abs]
		if !ok {
			return false
		}
		size := int64(-1)
		if w.state.info != nil && !w.state.info.IsDir() {
			size = w.state.info.Size()
		}
		now, ok := stateOf(abs, size)
		if !ok || !now.same(w.state) {
			return false
		}
	}
	return true
}

// overlap reports whether the folders a and b are one, or one holds the
// other.
func overlap(a, b string) bool {
	a, err1 := filepath.Abs(a)
	b, err2 := filepath.Abs(b)
	if err1 != nil || err2 != nil {
		return true
	}
	within := func(x, y string) bool { return x == y || strings.HasPrefix(x, y+string(filepath.Separator)) }
	if within(a, b) || within(b, a) {
		return true
	}
	ai, err1 := os.Stat(a)
	bi, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ai, bi)
}
