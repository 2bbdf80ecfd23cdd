package upload

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// History keeps the last versions of every file an upload replaced or
// removed, and of every upload refused: Dir/<path in the posts
// folder>/<time>.<what>, so that an author's text is never lost to an
// upload, a deletion or a mistake. Dir lies outside the posts folder
// (the state directory), and is never served.
type History struct {
	Dir string
	// Keep is how many versions of one file are kept, the newest; the
	// oldest beyond it are removed when a new one is saved. At least 1.
	Keep int

	mu sync.Mutex // one save at a time: names by time, pruning
}

// What a version in history was.
const (
	Replaced = "replaced" // the file as it was before an upload replaced it
	Deleted  = "deleted"  // the file as it was when an upload of size 0 removed it
	Refused  = "refused"  // an upload that was not taken (its post did not load)
)

// Save keeps data as a version of rel (slash-separated, in the posts
// folder), what it was being one of Replaced, Deleted, Refused, and
// returns the file it is in. The file is synced before Save returns.
func (h *History) Save(rel, what string, data []byte) (string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	dir := filepath.Join(h.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("history: %w", err)
	}
	// Names sort by time: UTC, fixed width; two saves in one
	// nanosecond (a coarse clock) get a counter.
	stamp := time.Now().UTC().Format("20060102T150405.000000000Z")
	name := filepath.Join(dir, stamp+"."+what)
	for i := 2; exists(name); i++ {
		name = filepath.Join(dir, fmt.Sprintf("%s-%d.%s", stamp, i, what))
	}
	if err := writeSynced(name, data, 0o600); err != nil {
		return "", fmt.Errorf("history: %w", err)
	}
	syncDir(dir)
	h.prune(dir)
	return name, nil
}

// prune removes the oldest versions in dir beyond Keep.
func (h *History) prune(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	for _, n := range names[:max(0, len(names)-max(1, h.Keep))] {
		os.Remove(filepath.Join(dir, n))
	}
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// writeSynced writes data to a new file name and syncs it.
func writeSynced(name string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if err := fill(f, data); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// fill writes data to the new file f, syncs and closes it: data is on
// disk when it returns nil.
func fill(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename or a new file in dir durable; a failure is
// the file system's (some cannot sync a folder) and changes nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
