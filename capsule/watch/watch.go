// Package watch tells when a posts folder has changed: files created,
// written, renamed or removed anywhere under it, new folders included, and
// other files named on their own (the configuration file). Bursts of
// changes — an editor saving by writing a temporary file and renaming it,
// git pull, rsync — come out as one notice, once the folder has been
// quiet for a moment.
//
// It uses inotify (through github.com/fsnotify/fsnotify): one watch per
// folder, which the kernel bounds (fs.inotify.max_user_watches); a folder
// that cannot be watched is reported, and the rest is still watched.
//
// A watch follows a folder, not its name: the posts folder replaced by a
// rename (a deploy script's mv posts.new posts, a git worktree), removed
// and made again, or moved away and back would leave the old folder
// watched, or nothing. So the folder holding the posts folder is watched
// too, and the posts folder's identity checked every RootCheck (its path
// may lead through a symbolic link that is swapped): when a different
// folder, or the same one back, stands at its path, the watch of the tree
// is made again, a change told, and a note given.
package watch

import (
	"cmp"
	"errors"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

const (
	// DefaultQuiet is how long a folder must have had no change before a
	// change is told: longer than the gaps between the writes of one save
	// or one git pull (a few milliseconds to tens), short enough that an
	// author sees the edit at once.
	DefaultQuiet = 300 * time.Millisecond
	// MaxDelay bounds how long changes may wait for quiet: a folder
	// written to without end (a log file beside the posts, a slow copy)
	// still gets a notice every MaxDelay.
	MaxDelay = 5 * time.Second
	// MaxFolders bounds the folders watched at once, and so the kernel
	// memory (about 1 KiB a watch) and the time spent adding watches: a
	// posts folder has tens of folders, a Hugo site with page bundles a
	// few thousand. Folders removed or renamed stop counting.
	MaxFolders = 20000
	// RootCheck is how often the posts folder's identity is checked, one
	// stat, besides the changes its parent folder tells: a replacement
	// the parent cannot tell (a symbolic link swapped higher up the path,
	// the parent itself replaced) is seen within it, and a posts folder
	// missing for a while costs one stat every RootCheck, nothing more.
	RootCheck = 2 * time.Second
)

// maxFolders is MaxFolders for the watchers made from now on; tests
// lower it.
var maxFolders = MaxFolders

// Watcher watches a folder and files. Its Changes channel receives one
// value per burst of changes.
type Watcher struct {
	// Changes receives a Change after each burst of changes.
	Changes <-chan Change
	// Notes receives, in words, what the log should say of the watching
	// itself: what could not be watched (a folder over the kernel's
	// limit, an overflowing event queue), the posts folder gone, and
	// watched again.
	Notes <-chan string

	fs      *fsnotify.Watcher
	root    string
	parent  string          // the folder holding root
	rootID  os.FileInfo     // the folder watched at root, last
	gone    int             // root is missing: 1, and told: 2
	files   map[string]bool // watched files, by path
	quiet   time.Duration
	limit   int // maxFolders
	changes chan Change
	notes   chan string
	done    chan struct{}
	wg      sync.WaitGroup

	mu sync.Mutex
	// folders are the folders watched under root (root included), each
	// with the folders watched in it: removing or renaming one forgets
	// it and what is under it, each folder once.
	folders map[string]map[string]bool
}

// New watches root, every folder under it (but those whose names start
// with "." — .git, editors' folders — which the posts never come from),
// and each of files (watched through its folder, so that a file replaced
// by a rename is still seen). quiet is the time without changes that ends
// a burst; 0 means DefaultQuiet.
func New(root string, files []string, quiet time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, err
	}
	w := &Watcher{
		fs:      fw,
		root:    filepath.Clean(root),
		files:   make(map[string]bool),
		quiet:   quiet,
		limit:   maxFolders,
		changes: make(chan Change, 1),
		notes:   make(chan string, 16),
		done:    make(chan struct{}),
		folders: make(map[string]map[string]bool),
	}
	w.parent = filepath.Dir(w.root)
	if w.quiet <= 0 {
		w.quiet = DefaultQuiet
	}
	w.Changes, w.Notes = w.changes, w.notes
	info, err := os.Stat(w.root)
	if err == nil && !info.IsDir() {
		err = errors.New(w.root + " is not a folder")
	}
	if err != nil {
		fw.Close()
		return nil, err
	}
	w.rootID = info
	w.watchParent()
	if err := w.addTree(w.root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, f := range files {
		f = filepath.Clean(f)
		if w.files[f] {
			continue
		}
		w.files[f] = true
		if dir := filepath.Dir(f); !w.under(dir) {
			if err := fw.Add(dir); err != nil {
				fw.Close()
				return nil, err
			}
		}
	}
	w.wg.Add(1)
	go w.run()
	return w, nil
}

// Done is closed when Close is called.
func (w *Watcher) Done() <-chan struct{} { return w.done }

// Close stops watching. Changes is not closed.
func (w *Watcher) Close() error {
	close(w.done)
	err := w.fs.Close()
	w.wg.Wait()
	return err
}

// under reports whether path is root or in it.
func (w *Watcher) under(path string) bool {
	return path == w.root || strings.HasPrefix(path, w.root+string(filepath.Separator))
}

// ignored reports whether a change of path says nothing about the posts:
// it is under a folder or a file whose name starts with "." (.git,
// editors' swap files), or an editor's backup ("post.md~", Emacs's
// "#post.md#", Vim's probe file "4913").
func (w *Watcher) ignored(path string) bool {
	if w.files[path] {
		return false
	}
	if !w.under(path) {
		return true // beside a watched file, in its folder
	}
	rel, err := filepath.Rel(w.root, path)
	if err != nil || rel == "." {
		return false
	}
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	base := filepath.Base(path)
	return strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") || base == "4913"
}

// addTree watches dir and every folder under it. The posts folder is
// walked through a trailing separator, so that a posts folder that is a
// symbolic link to a folder is walked too.
func (w *Watcher) addTree(dir string) error {
	from := dir
	if dir == w.root {
		from += string(filepath.Separator)
	}
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		path = filepath.Clean(path)
		if err != nil {
			if path == dir {
				return err
			}
			return nil // gone, or unreadable: the loader will say so
		}
		if !d.IsDir() || (path != w.root && w.ignored(path)) {
			return nil
		}
		if w.watching(path) {
			return nil
		}
		if w.folderCount() >= w.limit {
			w.note("more than " + strconv.Itoa(w.limit) + " folders: " + path + " and the folders after it are not watched; send SIGHUP after changing them")
			return filepath.SkipAll
		}
		if err := w.fs.Add(path); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil
			}
			w.note("cannot watch " + path + ": " + watchProblem(err) + "; changes in it need a SIGHUP")
			return filepath.SkipDir
		}
		w.remember(path)
		return nil
	})
}

// watching reports whether the folder at path is watched.
func (w *Watcher) watching(path string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, ok := w.folders[path]
	return ok
}

// remember counts the folder at path as watched.
func (w *Watcher) remember(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.folders[path] = nil
	if path != w.root {
		in := filepath.Dir(path)
		if _, ok := w.folders[in]; ok {
			if w.folders[in] == nil {
				w.folders[in] = make(map[string]bool)
			}
			w.folders[in][path] = true
		}
	}
}

// forget stops watching the folder at path, removed or renamed, and every
// folder under it: their watches would follow them wherever they went,
// and tell changes there under their old names.
func (w *Watcher) forget(path string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.folders[path]; !ok {
		return false
	}
	if in := w.folders[filepath.Dir(path)]; in != nil {
		delete(in, path)
	}
	w.forgetLocked(path)
	return true
}

func (w *Watcher) forgetLocked(path string) {
	for sub := range w.folders[path] {
		w.forgetLocked(sub)
	}
	delete(w.folders, path)
	// Already gone with its folder, or dropped by fsnotify when it
	// moved: nothing to say then.
	_ = w.fs.Remove(path)
}

// resync follows the folders after changes were lost: forgets those gone,
// watches those made.
func (w *Watcher) resync() {
	w.mu.Lock()
	var gone []string
	for path := range w.folders {
		if info, err := os.Lstat(path); path != w.root && (err != nil || !info.IsDir()) {
			gone = append(gone, path)
		}
	}
	w.mu.Unlock()
	for _, path := range gone {
		w.forget(path)
	}
	if w.gone == 0 {
		w.addTree(w.root)
	}
}

// folderCount is how many folders are watched under root.
func (w *Watcher) folderCount() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.folders)
}

// watchParent watches the folder holding root, to see root replaced. It
// is watched once more at each rearm: replaced itself, its watch is gone.
func (w *Watcher) watchParent() {
	if w.parent == w.root {
		return
	}
	if err := w.fs.Add(w.parent); err != nil && !errors.Is(err, os.ErrNotExist) {
		w.note("cannot watch " + w.parent + ": " + watchProblem(err) + "; " + w.root + " replaced is seen within " + RootCheck.String())
	}
}

// checkRoot looks at what stands at root's path, and watches it again
// when it is not the folder watched (replaced, back after being gone, or
// moved away and back, which drops its watch). It reports whether it did.
// A root missing is told at the next tick (see RootCheck), once: a deploy
// that replaces it in a moment only logs that it is watched again.
func (w *Watcher) checkRoot(tick bool) bool {
	info, err := os.Stat(w.root)
	if err != nil || !info.IsDir() {
		switch {
		case w.gone == 0:
			w.gone = 1
			w.forget(w.root)
		case w.gone == 1 && tick:
			w.gone = 2
			w.note(w.root + " is gone (moved or removed): watching for it to come back")
		}
		return false
	}
	how := "is back" // the same folder, gone or moved away, and back
	switch {
	case !os.SameFile(info, w.rootID):
		how = "is a new folder"
	case w.gone > 0:
	case !slices.Contains(w.fs.WatchList(), w.root):
		// Moved away and back before it was seen gone: fsnotify drops
		// the watch of a folder that moves.
	default:
		return false
	}
	w.forget(w.root)
	w.rootID, w.gone = info, 0
	w.watchParent()
	w.addTree(w.root)
	w.note(w.root + " " + how + ": watching it again")
	return true
}

// watchProblem says why a folder could not be watched.
func watchProblem(err error) string {
	if strings.Contains(err.Error(), "no space left") {
		return "the kernel's limit of watched folders is reached (raise fs.inotify.max_user_watches)"
	}
	return err.Error()
}

func (w *Watcher) note(msg string) {
	select {
	case w.notes <- msg:
	default: // nobody reads them: the changes matter more
	}
}

// run gathers events into bursts: a burst ends after quiet without
// events, or MaxDelay after it began.
func (w *Watcher) run() {
	defer w.wg.Done()
	var b burst
	defer b.stop()
	check := time.NewTicker(RootCheck)
	defer check.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-check.C:
			if w.checkRoot(true) {
				b.add(w.root, w.quiet)
			}
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			path := filepath.Clean(ev.Name)
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if path == w.root || path == w.parent {
				if w.checkRoot(false) {
					b.add(w.root, w.quiet)
				}
				continue
			}
			if w.ignored(path) {
				continue
			}
			if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				if w.forget(path) { // when a folder: it and what is under it
					b.moved = true
				}
			}
			if ev.Has(fsnotify.Create) && w.under(path) {
				if info, err := os.Lstat(path); err == nil && info.IsDir() {
					w.addTree(path) // a new folder, and what is already in it
				}
			}
			b.add(path, w.quiet)
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Changes were lost: say something changed, so that the
				// whole folder is read again.
				w.note("too many changes at once to follow one by one: reloading everything")
				w.resync()
				b.add(w.root, w.quiet)
				continue
			}
			w.note(err.Error())
		case <-b.quiet:
			w.settle(&b)
			w.tell(b.end())
		case <-b.deadline:
			w.settle(&b)
			w.tell(b.end())
		}
	}
}

// settle makes the folders watched what is there once a burst that moved
// or removed folders is over. A folder renamed back and forth in a moment
// (a→b→a) leaves the kernel one watch for its subfolder's inode, which
// fsnotify names by the last path it was added by: removing the old path's
// watch removed the new one's too. Folders that fsnotify no longer
// watches, or that are gone, are forgotten, and what is there is watched
// again. It costs a look at each folder watched, after such bursts only.
func (w *Watcher) settle(b *burst) {
	if !b.moved {
		return
	}
	b.moved = false
	listed := make(map[string]bool)
	for _, p := range w.fs.WatchList() {
		listed[filepath.Clean(p)] = true
	}
	w.mu.Lock()
	var stale []string
	for path := range w.folders {
		if path == w.root {
			continue
		}
		if info, err := os.Lstat(path); err != nil || !info.IsDir() || !listed[path] {
			stale = append(stale, path)
		}
	}
	w.mu.Unlock()
	for _, path := range stale {
		w.forget(path)
	}
	if w.gone == 0 {
		w.addTree(w.root)
	}
}

// Change is what a burst of changes is about, for the log.
type Change struct {
	// Path is the post the burst is about, or another path it changed
	// (see name).
	Path string
	// Others counts the other files changed that are there when the
	// burst ends (several posts copied at once, a git pull), up to
	// MaxCounted: not folders, nor the temporary files an editor saved
	// through, gone by then.
	Others int
	// Capped says the burst changed more paths than MaxCounted.
	Capped bool
	// Paths are every path the burst changed, there or gone (Path among
	// them), for a reader that tells changes of its own from others
	// (capsuled's uploads); nil when Capped.
	Paths []string
}

// burst is changes coming one after another.
type burst struct {
	moved           bool   // a watched folder was moved or removed
	first           string // the first path changed; "" between bursts
	recent          []string
	seen            map[string]bool // the paths changed, up to MaxCounted
	capped          bool            // more than those
	timer           *time.Timer
	quiet, deadline <-chan time.Time
	deadlineTimer   *time.Timer
}

// maxRecent bounds the paths a burst remembers to name the one it is
// about (see name): a burst of 50,000 files keeps the last 64.
const maxRecent = 64

// MaxCounted bounds the paths a burst counts (Change.Others): a burst of
// 50,000 files remembers 1,000 of them, and stats them once at its end.
const MaxCounted = 1000

func (b *burst) add(path string, quiet time.Duration) {
	if b.first == "" {
		b.first = path
		b.deadlineTimer = time.NewTimer(MaxDelay)
		b.deadline = b.deadlineTimer.C
	}
	if len(b.recent) == maxRecent {
		b.recent = append(b.recent[:0], b.recent[1:]...)
	}
	b.recent = append(b.recent, path)
	if b.seen == nil {
		b.seen = make(map[string]bool)
	}
	if len(b.seen) < MaxCounted {
		b.seen[path] = true
	} else if !b.seen[path] {
		b.capped = true
	}
	if b.timer == nil {
		b.timer = time.NewTimer(quiet)
	} else {
		b.timer.Reset(quiet)
	}
	b.quiet = b.timer.C
}

// end ends the burst and returns what it is about.
func (b *burst) end() Change {
	c := Change{Path: name(b.first, b.recent), Capped: b.capped}
	c.Others = others(c.Path, maps.Keys(b.seen))
	if !c.Capped {
		c.Paths = slices.Sorted(maps.Keys(b.seen))
	}
	b.stop()
	b.first, b.recent, b.quiet, b.deadline = "", b.recent[:0], nil, nil
	clear(b.seen)
	b.capped = false
	return c
}

// name is the path a burst is about, for the log: the last post (a
// Markdown file) changed that is there when the burst ends, else the last
// path that is there, else the first. Editors save through a temporary
// file renamed over the post (sed -i writes sedEv6Zzp, others x.md.tmp or
// a backup x.md~ removed after): the post is the name that stays.
func name(first string, recent []string) string {
	var there string
	for i := len(recent) - 1; i >= 0; i-- {
		p := recent[i]
		if _, err := os.Lstat(p); err != nil {
			continue
		}
		if ext := strings.ToLower(filepath.Ext(p)); ext == ".md" || ext == ".markdown" {
			return p
		}
		if there == "" {
			there = p
		}
	}
	return cmp.Or(there, first)
}

func (b *burst) stop() {
	if b.timer != nil {
		b.timer.Stop()
	}
	if b.deadlineTimer != nil {
		b.deadlineTimer.Stop()
	}
}

// others counts the files among paths, other than path, that are there:
// not a folder made for them (a page bundle's), nor a file gone since.
func others(path string, paths iter.Seq[string]) int {
	n := 0
	for p := range paths {
		if fi, err := os.Lstat(p); p != path && err == nil && !fi.IsDir() {
			n++
		}
	}
	return n
}

// tell tells of a burst. A notice still unread is told with it, as one:
// the reader may pass over a notice of only its own changes (Paths), so
// none may be dropped.
func (w *Watcher) tell(c Change) {
	for {
		select {
		case w.changes <- c: // run alone sends: this empties only by a read
			return
		default:
		}
		select {
		case old := <-w.changes:
			c = merge(old, c)
		default:
		}
	}
}

// merge is the notice of two bursts, old and c, told as one.
func merge(old, c Change) Change {
	if old.Capped || c.Capped {
		return Change{Path: c.Path, Others: min(old.Others+c.Others+1, MaxCounted), Capped: true}
	}
	paths := append(slices.Clone(old.Paths), c.Paths...)
	slices.Sort(paths)
	paths = slices.Compact(paths)
	if len(paths) > MaxCounted {
		return Change{Path: c.Path, Others: MaxCounted, Capped: true}
	}
	return Change{Path: c.Path, Others: others(c.Path, slices.Values(paths)), Paths: paths}
}
