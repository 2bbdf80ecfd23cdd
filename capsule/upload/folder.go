package upload

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Folder is a posts folder that uploads write into.
type Folder struct {
	Root string // the posts folder
	// Forbidden are paths no upload writes or removes even when they lie
	// inside Root: the certificates folder, key files, the build cache,
	// the history (every secret the loader never serves).
	Forbidden []string
	History   *History
}

// Change is one write or removal done, with what it replaced: Undo
// puts that back.
type Change struct {
	Rel     string // the file, slash-separated, in the posts folder
	Before  []byte // its bytes before; nil when it did not exist
	Existed bool
	// Same is an upload of the bytes already there: nothing was written.
	Same    bool
	created []string    // folders made for it, outermost first
	saved   string      // the version it saved in history, "" for none
	after   []byte      // what the upload left there: its data, nil for a removal
	perm    fs.FileMode // Before's mode
}

// Paths are the paths c wrote, removed or put back, slash-separated in
// the posts folder: its file, and the folders made for it.
func (c *Change) Paths() []string {
	return append([]string{c.Rel}, c.created...)
}

// ErrRefused wraps every refusal of a path: the author's mistake, or a
// stranger's probe, never the file system's failure.
var ErrRefused = errors.New("refused")

func refused(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrRefused, fmt.Sprintf(format, args...))
}

// Write replaces (or creates) the file rel with data: written to a
// temporary file beside it, synced, renamed over it, the folder synced;
// the version it replaces is saved in history first. Folders missing on
// the way are made (a new page bundle). Nothing on the way may be a
// symbolic link, a dot file or a forbidden path.
func (f *Folder) Write(rel string, data []byte) (*Change, error) {
	root, err := f.open(rel)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	c := &Change{Rel: rel}
	if c.created, err = makeFolders(root, path.Dir(rel)); err != nil {
		return nil, err
	}
	undoFolders := func() {
		for i := len(c.created) - 1; i >= 0; i-- {
			root.Remove(c.created[i])
		}
	}
	if c.Before, c.Existed, c.perm, err = readExisting(root, rel, 0o644); err != nil {
		undoFolders()
		return nil, err
	}
	if c.Existed && bytes.Equal(c.Before, data) {
		c.Same = true // nothing to write, nothing to keep twice
		return c, nil
	}
	if c.Existed {
		if c.saved, err = f.History.Save(rel, Replaced, c.Before); err != nil {
			return nil, err
		}
	}
	if err := replace(root, rel, data, c.perm); err != nil {
		undoFolders()
		return nil, err
	}
	c.after = data
	return c, nil
}

// Remove removes the file rel, after saving it in history.
func (f *Folder) Remove(rel string) (*Change, error) {
	root, err := f.open(rel)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	if err := checkFolders(root, path.Dir(rel)); err != nil {
		return nil, err
	}
	c := &Change{Rel: rel}
	if c.Before, c.Existed, c.perm, err = readExisting(root, rel, 0o644); err != nil {
		return nil, err
	}
	if !c.Existed {
		return nil, refused("%s does not exist", rel)
	}
	if c.saved, err = f.History.Save(rel, Deleted, c.Before); err != nil {
		return nil, err
	}
	if err := root.Remove(rel); err != nil {
		os.Remove(c.saved) // still on disk: not a version deleted
		return nil, err
	}
	syncRootDir(root, path.Dir(rel))
	return c, nil
}

// Undo puts back what c replaced or removed: the file as it was, or no
// file (and none of the folders made for it) when there was none. The
// version c saved in history, on disk again, is taken out of it: a
// refused upload does not push a real version out of the last N.
func (f *Folder) Undo(c *Change) error {
	if c.Same {
		return nil
	}
	root, err := os.OpenRoot(f.Root)
	if err != nil {
		return err
	}
	defer root.Close()
	// What another writer saved there since the upload (an editor, a git
	// pull) is kept in history before it is replaced.
	if now, existed, _, err := readExisting(root, c.Rel, 0); err == nil && existed && (c.after == nil || !bytes.Equal(now, c.after)) {
		if _, err := f.History.Save(c.Rel, Replaced, now); err != nil {
			return err
		}
	}
	if c.Existed {
		if _, err := makeFolders(root, path.Dir(c.Rel)); err != nil {
			return err
		}
		if err := replace(root, c.Rel, c.Before, c.perm); err != nil {
			return err
		}
		if c.saved != "" {
			os.Remove(c.saved)
		}
		return nil
	}
	if err := root.Remove(c.Rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for i := len(c.created) - 1; i >= 0; i-- {
		root.Remove(c.created[i]) // only when empty
	}
	syncRootDir(root, path.Dir(c.Rel))
	return nil
}

// open checks rel and opens the posts folder as a root that nothing can
// leave.
func (f *Folder) open(rel string) (*os.Root, error) {
	if err := CheckPath(rel); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(filepath.Join(f.Root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	for _, p := range f.Forbidden {
		if p == "" {
			continue
		}
		if fp, err := filepath.Abs(p); err == nil && (abs == fp || strings.HasPrefix(abs, fp+string(filepath.Separator))) {
			return nil, refused("%s is not a post's file", rel)
		}
	}
	return os.OpenRoot(f.Root)
}

// makeFolders makes the folders of dir (slash-separated, "." for the
// top) that are missing, and returns those it made; each that exists
// must be a folder, not a symbolic link.
func makeFolders(root *os.Root, dir string) (made []string, err error) {
	return made, walkFolders(root, dir, func(p string) error {
		if err := root.Mkdir(p, 0o755); err != nil {
			return err
		}
		made = append(made, p)
		return nil
	})
}

// checkFolders checks that every folder of dir exists and is no
// symbolic link.
func checkFolders(root *os.Root, dir string) error {
	return walkFolders(root, dir, func(p string) error { return refused("%s does not exist", p) })
}

// walkFolders looks at each folder of dir from the top: one that exists
// must be a folder, not a symbolic link; missing is called for one that
// does not.
func walkFolders(root *os.Root, dir string, missing func(p string) error) error {
	if dir == "." {
		return nil
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		info, err := root.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := missing(p); err != nil {
				return err
			}
		case err != nil:
			return err
		case info.Mode()&fs.ModeSymlink != 0:
			return refused("%s is a symbolic link: uploads never follow one", p)
		case !info.IsDir():
			return refused("%s is a file, not a folder", p)
		}
	}
	return nil
}

// readExisting reads rel when it exists: it must be a regular file
// (never a symbolic link's target). perm is its mode, or def.
func readExisting(root *os.Root, rel string, def fs.FileMode) (data []byte, existed bool, perm fs.FileMode, err error) {
	info, err := root.Lstat(rel)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, def, nil
	case err != nil:
		return nil, false, def, err
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, false, def, refused("%s is a symbolic link: uploads never follow one", rel)
	case !info.Mode().IsRegular():
		return nil, false, def, refused("%s is not a regular file", rel)
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, false, def, err
	}
	defer f.Close()
	data, err = io.ReadAll(f)
	return data, true, info.Mode().Perm(), err
}

// replace writes data to rel through a temporary dot file beside it
// (which the loader never reads), synced, then renamed over rel.
func replace(root *os.Root, rel string, data []byte, perm fs.FileMode) error {
	var b [8]byte
	rand.Read(b[:])
	tmp := path.Join(path.Dir(rel), ".titan-"+hex.EncodeToString(b[:])+".tmp")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	err = fill(f, data)
	if err == nil {
		err = root.Rename(tmp, rel)
	}
	if err != nil {
		root.Remove(tmp)
		return err
	}
	syncRootDir(root, path.Dir(rel))
	return nil
}

func syncRootDir(root *os.Root, dir string) {
	if d, err := root.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Writable reports why an upload could not write in the folder dir, by
// making and removing a dot file there (which the loader never reads):
// nil when it can. A read-only mount, a folder of another user, a
// service's ProtectSystem=strict all fail it.
func Writable(dir string) error {
	f, err := os.CreateTemp(dir, ".titan-probe-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return pe.Err
		}
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}
