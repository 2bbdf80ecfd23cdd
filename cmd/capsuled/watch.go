package main

import (
	"log"
	"path/filepath"
	"slices"
	"sync"

	"capsule/capsule/config"
	"capsule/capsule/watch"
)

// folderWatch asks for a reload whenever a site's posts folder or the
// configuration file changes, following the folders the configuration
// names after each reload.
type folderWatch struct {
	logger     *log.Logger
	configFile string
	reloads    chan struct{}
	// own reports whether changed paths are only what the daemon's
	// uploads wrote, and loaded: no reload for them (daemon.OwnWrites).
	own func(paths []string) bool

	mu       sync.Mutex
	watchers map[string]*watch.Watcher // by posts folder
	followed bool                      // follow has been called
}

func newFolderWatch(logger *log.Logger, configFile string, reloads chan struct{}, own func([]string) bool) *folderWatch {
	return &folderWatch{logger: logger, configFile: configFile, reloads: reloads, own: own, watchers: make(map[string]*watch.Watcher)}
}

// follow watches what cfg says: every site's posts folder when cfg.Watch
// is on, nothing when it is off. The configuration file is watched with
// the first folder.
func (f *folderWatch) follow(cfg config.Config) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var want []string
	if cfg.Watch {
		for _, sc := range cfg.SiteConfigs() {
			if !slices.Contains(want, sc.Posts) {
				want = append(want, sc.Posts)
			}
		}
	}
	first := !f.followed
	f.followed = true
	for dir, w := range f.watchers {
		if !slices.Contains(want, dir) {
			w.Close()
			delete(f.watchers, dir)
		}
	}
	if len(want) == 0 {
		if first || len(f.watchers) > 0 {
			f.logger.Printf("watch: off; send SIGHUP to reload")
		}
		return
	}
	for i, dir := range want {
		if f.watchers[dir] != nil {
			continue
		}
		var files []string
		if i == 0 && f.configFile != "" {
			files = append(files, f.configFile)
		}
		w, err := watch.New(dir, files, 0)
		if err != nil {
			f.logger.Printf("watch: cannot watch %s: %v; send SIGHUP to reload", dir, err)
			continue
		}
		f.watchers[dir] = w
		if len(files) > 0 {
			f.logger.Printf("watch: reloading when anything in %s or the configuration file %s changes", filepath.Clean(dir), files[0])
		} else {
			f.logger.Printf("watch: reloading when anything in %s changes", filepath.Clean(dir))
		}
		go f.listen(w)
	}
}

// listen asks for a reload at each notice of w, until it is closed.
func (f *folderWatch) listen(w *watch.Watcher) {
	for {
		select {
		case c := <-w.Changes:
			if f.own != nil && c.Paths != nil && f.own(c.Paths) {
				continue // an upload's write, which its own reload loaded
			}
			switch {
			case c.Capped:
				f.logger.Printf("watch: %s and over %d more changed: reloading", c.Path, c.Others)
			case c.Others > 0:
				f.logger.Printf("watch: %s and %d more changed: reloading", c.Path, c.Others)
			default:
				f.logger.Printf("watch: %s changed: reloading", c.Path)
			}
			askReload(f.reloads)
		case msg := <-w.Notes:
			f.logger.Printf("watch: %s", msg)
		case <-w.Done():
			return
		}
	}
}

func (f *folderWatch) stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for dir, w := range f.watchers {
		w.Close()
		delete(f.watchers, dir)
	}
}
