package main

import (
	"log"
	"path/filepath"
	"sync"

	"capsule/capsule/config"
	"capsule/capsule/watch"
)

// folderWatch asks for a reload whenever the posts folder or the
// configuration file changes, following the posts folder the
// configuration names after each reload.
type folderWatch struct {
	logger     *log.Logger
	configFile string
	reloads    chan struct{}

	mu       sync.Mutex
	w        *watch.Watcher
	watched  string // the posts folder w watches; "" when none
	followed bool   // follow has been called
}

func newFolderWatch(logger *log.Logger, configFile string, reloads chan struct{}) *folderWatch {
	return &folderWatch{logger: logger, configFile: configFile, reloads: reloads}
}

// follow watches what cfg says: its posts folder when cfg.Watch is on,
// nothing when it is off.
func (f *folderWatch) follow(cfg config.Config) {
	f.mu.Lock()
	defer f.mu.Unlock()
	want := ""
	if cfg.Watch {
		want = cfg.Posts
	}
	if want == f.watched && f.followed {
		return
	}
	f.followed = true
	if f.w != nil {
		f.w.Close()
		f.w, f.watched = nil, ""
	}
	if want == "" {
		f.logger.Printf("watch: off; send SIGHUP to reload")
		return
	}
	var files []string
	if f.configFile != "" {
		files = append(files, f.configFile)
	}
	w, err := watch.New(want, files, 0)
	if err != nil {
		f.logger.Printf("watch: cannot watch %s: %v; send SIGHUP to reload", want, err)
		return
	}
	f.w, f.watched = w, want
	f.logger.Printf("watch: reloading when anything in %s changes", filepath.Clean(want))
	go func() {
		for {
			select {
			case path, ok := <-w.Changes:
				if !ok {
					return
				}
				f.logger.Printf("watch: %s changed: reloading", path)
				askReload(f.reloads)
			case msg := <-w.Problems:
				f.logger.Printf("watch: %s", msg)
			case <-w.Done():
				return
			}
		}
	}()
}

func (f *folderWatch) stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.w != nil {
		f.w.Close()
		f.w = nil
	}
}
