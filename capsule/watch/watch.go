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
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
	// MaxFolders bounds the folders watched, and so the kernel memory
	// (about 1 KiB a watch) and the time spent adding watches: a posts
	// folder has tens of folders, a Hugo site with page bundles a few
	// thousand.
	MaxFolders = 20000
)

// Watcher watches a folder and files. Its Changes channel receives one
// value per burst of changes.
type Watcher struct {
	// Changes receives, after each burst of changes, the first path that
	// changed in it (for the log).
	Changes <-chan string
	// Problems receives what could not be watched, in words: a folder
	// over the kernel's limit, an overflowing event queue.
	Problems <-chan string

	fs       *fsnotify.Watcher
	root     string
	files    map[string]bool // watched files, by path
	quiet    time.Duration
	changes  chan string
	problems chan string
	folders  int
	done     chan struct{}
	wg       sync.WaitGroup
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
		fs:       fw,
		root:     filepath.Clean(root),
		files:    make(map[string]bool),
		quiet:    quiet,
		changes:  make(chan string, 1),
		problems: make(chan string, 16),
		done:     make(chan struct{}),
	}
	if w.quiet <= 0 {
		w.quiet = DefaultQuiet
	}
	w.Changes, w.Problems = w.changes, w.problems
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

// addTree watches dir and every folder under it.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			return nil // gone, or unreadable: the loader will say so
		}
		if !d.IsDir() || (path != w.root && w.ignored(path)) {
			return nil
		}
		if w.folders >= MaxFolders {
			w.problem("more than " + strconv.Itoa(MaxFolders) + " folders: " + path + " and the folders after it are not watched; send SIGHUP after changing them")
			return filepath.SkipAll
		}
		if err := w.fs.Add(path); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil
			}
			w.problem("cannot watch " + path + ": " + watchProblem(err) + "; changes in it need a SIGHUP")
			return filepath.SkipDir
		}
		w.folders++
		return nil
	})
}

// watchProblem says why a folder could not be watched.
func watchProblem(err error) string {
	if strings.Contains(err.Error(), "no space left") {
		return "the kernel's limit of watched folders is reached (raise fs.inotify.max_user_watches)"
	}
	return err.Error()
}

func (w *Watcher) problem(msg string) {
	select {
	case w.problems <- msg:
	default: // nobody reads them: the changes matter more
	}
}

// run gathers events into bursts: a burst ends after quiet without
// events, or MaxDelay after it began.
func (w *Watcher) run() {
	defer w.wg.Done()
	var b burst
	defer b.stop()
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			path := filepath.Clean(ev.Name)
			if w.ignored(path) || ev.Op == fsnotify.Chmod {
				continue
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
				w.problem("too many changes at once to follow one by one: reloading everything")
				b.add(w.root, w.quiet)
				continue
			}
			w.problem(err.Error())
		case <-b.quiet:
			w.tell(b.end())
		case <-b.deadline:
			w.tell(b.end())
		}
	}
}

// burst is changes coming one after another.
type burst struct {
	first           string // the first path changed; "" between bursts
	timer           *time.Timer
	quiet, deadline <-chan time.Time
	deadlineTimer   *time.Timer
}

func (b *burst) add(path string, quiet time.Duration) {
	if b.first == "" {
		b.first = path
		b.deadlineTimer = time.NewTimer(MaxDelay)
		b.deadline = b.deadlineTimer.C
	}
	if b.timer == nil {
		b.timer = time.NewTimer(quiet)
	} else {
		b.timer.Reset(quiet)
	}
	b.quiet = b.timer.C
}

// end ends the burst and returns its first path.
func (b *burst) end() string {
	first := b.first
	b.stop()
	b.first, b.quiet, b.deadline = "", nil, nil
	return first
}

func (b *burst) stop() {
	if b.timer != nil {
		b.timer.Stop()
	}
	if b.deadlineTimer != nil {
		b.deadlineTimer.Stop()
	}
}

// tell tells of a burst that began with first, unless a notice is still
// unread: that one will make the reader look at everything.
func (w *Watcher) tell(first string) {
	select {
	case w.changes <- first:
	default:
	}
}
