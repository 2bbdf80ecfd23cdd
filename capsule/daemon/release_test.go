package daemon_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"capsule/capsule/config"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
)

// A reload that finds nothing changed keeps the Store and schedules no
// return of memory to the system (which collects the whole heap) unless
// the garbage of such reloads has grown worth collecting; a reload that
// built anew schedules one, as before.
func TestNoChangeReloadSchedulesNoRelease(t *testing.T) {
	worth := false
	daemon.SetGarbageWorthCollecting(t, func() bool { return worth })
	dir := servetest.CopyPosts(t)
	cfg := servetest.Config(t)
	cfg.Posts, cfg.Cache = dir, config.CacheOff // no cache writer scheduling its own
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	reload := func() {
		t.Helper()
		if err := d.Reload(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
	}
	reload() // the posts were copied just now: read again once (RacyWindow)
	before := d.ReleasesScheduled()
	reload()
	if !d.Store().Kept {
		t.Fatal("nothing changed, and the Store was built anew")
	}
	if n := d.ReleasesScheduled() - before; n != 0 {
		t.Errorf("a reload that changed nothing scheduled %d releases of memory", n)
	}
	worth = true
	reload()
	if n := d.ReleasesScheduled() - before; n != 1 {
		t.Errorf("reloads that changed nothing left garbage worth collecting, and %d releases were scheduled, want 1", n)
	}
	worth = false
	if err := os.WriteFile(filepath.Join(dir, "new.md"), []byte(newPost), 0o644); err != nil {
		t.Fatal(err)
	}
	reload()
	if d.Store().Kept {
		t.Fatal("a post was added, and the Store was kept")
	}
	if n := d.ReleasesScheduled() - before; n != 2 {
		t.Errorf("a reload that built anew scheduled %d releases, want 1", n-1)
	}
}

// A reload's records of every file are kept for the next reload (the
// site's content.Scratch), and let go of when the daemon returns the
// reloads' garbage, once they pause: a capsule that settled holds none.
func TestReloadRecordsDroppedAtRelease(t *testing.T) {
	dir := servetest.CopyPosts(t)
	cfg := servetest.Config(t)
	cfg.Posts, cfg.Cache = dir, config.CacheOff
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	if n := d.ScratchBytes(0); n != 0 {
		t.Fatalf("after the start, %d bytes of records are kept: the start's build is returned at once", n)
	}
	if err := os.WriteFile(filepath.Join(dir, "new.md"), []byte(newPost), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if d.ScratchBytes(0) == 0 {
		t.Fatal("a reload kept no records for the next")
	}
	deadline := time.Now().Add(10 * time.Second)
	for d.ScratchBytes(0) != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("10 s after the reload, its records (%d bytes) are still kept", d.ScratchBytes(0))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
