package daemon

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"capsule/capsule"
	"capsule/capsule/buildcache"
	"capsule/capsule/content"
)

// The build cache (capsule/diskcache.go): one file per site, named by its
// host name, in the cache folder (config.Config.CacheDir). Start reads a
// site's file and gives it to the site's first Build, which takes from it
// every post that has not changed; after every build served (the start's,
// each reload's) the file is written again, by a goroutine of its own,
// never on the serving path. The folder holds at most one file per host
// name ever served from it (each at most buildcache.MaxSize, rewritten
// whole, never appended to), and the temporary file of a write in
// progress.

// cacheFile is the cache file of the site host in dir, "" when the
// cache is off.
func cacheFile(dir, host string) string {
	if dir == "" {
		return ""
	}
	name := strings.ToLower(host)
	if name == "" || strings.HasPrefix(name, ".") || strings.ContainsFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_')
	}) {
		name = fmt.Sprintf("%x", sha256.Sum256([]byte(host)))[:16]
	}
	return filepath.Join(dir, name+".cache")
}

// siteCache is a site's cache file and what its writer is doing.
type siteCache struct {
	path string // "" when off
	// size is the file's size when the site started, 0 if none; note
	// why it was not used.
	size int64
	note string
	file *capsule.Cache // opened at the start, until its first build takes its records
	// fromFile is what the file held when the start read it, until the
	// start's Store is written: its posts saved and its records.
	fromFile *fileCounts

	mu      sync.Mutex
	pending *capsule.Store   // the next Store to write, nil if none
	loaded  *content.Content // what it was built from
	folder  string           // its posts folder
	writing bool
	current bool // the file holds this site's records, for this build of capsule
	written bool // a write was made since the start: the next waits cacheWritePause
}

// openCache reads s's cache before its posts are loaded: what its Load
// takes (nil when there is no cache or it cannot be used, said once in
// the log). The rest waits for readCache.
func (d *Daemon) openCache(s *servedSite) *content.Saved {
	c := &s.cache
	if c.path == "" {
		return nil
	}
	buildcache.RemoveTemporary(filepath.Dir(c.path))
	file, size, err := capsule.OpenCache(c.path, s.cfg.Posts)
	c.size = size
	switch {
	case errors.Is(err, os.ErrNotExist):
		c.note = "none yet"
		return nil
	case err != nil:
		c.note = "not used"
		d.log.Printf("build cache %s ignored (%s): rendering every post", c.path, err)
		return nil
	}
	c.file = file
	return file.Saved()
}

// readCache gives s's cache, opened by openCache, for its first build:
// nil when there is none or it cannot be used (said once in the log).
func (d *Daemon) readCache(s *servedSite, site *capsule.Site) *capsule.Store {
	c := &s.cache
	file := c.file
	c.file = nil // read once: its bytes are the records' now
	if file == nil {
		return nil
	}
	st, err := file.Store(site, s.loaded)
	if err != nil {
		c.note = "not used"
		d.log.Printf("build cache %s ignored (%s): rendering every post", c.path, err)
		return nil
	}
	c.current = true
	c.fromFile = &fileCounts{saved: file.Saved().Len(), records: st.Taken()}
	return st
}

// fileCounts are what a cache file held: posts saved for a restart's
// Load, render records.
type fileCounts struct{ saved, records int }

// sameAsFile reports whether st, a start's Store built from loaded and
// the cache file f counts, is what the file holds already: st rendered
// nothing and took every record of the file, and the posts it would save
// are the ones it saved (every one the file saved was taken from it, and
// no other could be saved now: not a post read because it was written
// too soon before the last start's Load, say). Writing it would give the
// same file again (hundreds of MiB at 10,000 posts, at every restart),
// and the one the start read, which it serves from (buildcache's
// mapped.go), would stay on disk beside it until the process stops. (A
// file that is not quite the same costs the next restart more reading or
// rendering, never a wrong page: a record is taken only for the very
// post it was made of.)
func sameAsFile(st *capsule.Store, loaded *content.Content, f *fileCounts) bool {
	return f != nil && st.Rendered == 0 && st.Taken() == f.records &&
		loaded.FromSaved() == f.saved && loaded.Savable() == f.saved
}

// writeCache writes st, s's Store just swapped in (built from s.loaded),
// to s's cache file,
// after whatever write is under way: only the latest Store waiting is
// written.
func (d *Daemon) writeCache(s *servedSite, st *capsule.Store, folder string) {
	c := &s.cache
	if c.path == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fromFile := c.fromFile
	c.fromFile = nil // the start's Store only
	if st.Kept && c.current || c.current && sameAsFile(st, s.loaded, fromFile) {
		// Nothing changed: the Store is the one the file has. (Any
		// other Store is written, even one that rendered nothing: a
		// new description, a post deleted, change the file's key or
		// what it saves.)
		return
	}
	c.pending, c.loaded, c.folder = st, s.loaded, folder
	if c.writing {
		return
	}
	c.writing = true
	wait := time.Duration(0)
	if c.written {
		wait = cacheWritePause
	}
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		for {
			// After the first write, the latest Store of a pause is
			// written: an author saving every few seconds costs one
			// write of the whole file (hundreds of MiB at 10,000
			// posts) a pause, not one a save. A stop writes at once.
			if wait > 0 {
				t := time.NewTimer(wait)
				select {
				case <-t.C:
				case <-d.cacheFlush:
					t.Stop()
				}
			}
			c.mu.Lock()
			st, loaded, folder := c.pending, c.loaded, c.folder
			c.pending, c.loaded = nil, nil
			if st == nil {
				c.writing = false
				c.mu.Unlock()
				return
			}
			c.mu.Unlock()
			_, err := st.WriteCache(c.path, folder, loaded)
			if err != nil {
				d.log.Printf("build cache %s not written: %v", c.path, err)
			}
			c.mu.Lock()
			c.current, c.written = err == nil, true
			c.mu.Unlock()
			// Encoding the file left garbage (the first write follows
			// the start, whose garbage was returned before it): it is
			// returned too, as a reload's is (memory.go).
			d.committing.Lock()
			if !d.stopped {
				d.release.soon(false)
			}
			d.committing.Unlock()
			wait = cacheWritePause
		}
	}()
}

// cacheWritePause is the least time between two writes of a site's build
// cache after its first: the reloads between them are written as one,
// the last. What a crash loses is at most this pause's renders, which
// the next start renders again.
const cacheWritePause = 30 * time.Second

// flushCaches has every cache writer waiting out its pause write at once:
// the stop.
func (d *Daemon) flushCaches() { d.cacheFlushOnce.Do(func() { close(d.cacheFlush) }) }

// startNote is what the start's log line says of s's cache.
func (c *siteCache) startNote(st *capsule.Store) string {
	switch {
	case c.path == "":
		return "no build cache"
	case c.note != "":
		return fmt.Sprintf("build cache %s: %s", c.path, c.note)
	}
	return fmt.Sprintf("build cache %s (%s): %d taken, %d rendered", c.path, capsule.FormatBytes(c.size), st.Taken(), st.Rendered)
}
