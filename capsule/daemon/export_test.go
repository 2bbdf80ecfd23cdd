package daemon

import (
	"capsule/capsule"
	"capsule/capsule/tlscert"
	"capsule/capsule/upload"
)

// What the external tests (package daemon_test) look at inside a Daemon.

// SiteCount is how many sites d serves, the main one included.
func (d *Daemon) SiteCount() int { return len(d.sites) }

// SiteFingerprint is the SHA-256 fingerprint of site i's certificate.
func (d *Daemon) SiteFingerprint(i int) string { return tlscert.Fingerprint(d.sites[i].cert.Load()) }

// SiteStore is site i's Store.
func (d *Daemon) SiteStore(i int) *capsule.Store { return d.sites[i].capsule.Store() }

// ReleasesScheduled is how many times d scheduled the return of a
// reload's garbage to the system (memory.go).
func (d *Daemon) ReleasesScheduled() int {
	d.release.mu.Lock()
	defer d.release.mu.Unlock()
	return d.release.armed
}

// SetGarbageWorthCollecting has the daemon take f's answer for whether
// the heap's garbage is worth a collection, until the test ends.
func SetGarbageWorthCollecting(t interface{ Cleanup(func()) }, f func() bool) {
	old := worthCollecting
	worthCollecting = f
	t.Cleanup(func() { worthCollecting = old })
}

// StopAfterUploadWritten has d stop (as Shutdown begins) right after the
// next uploads' writes, before their reloads, until the test ends.
func StopAfterUploadWritten(t interface{ Cleanup(func()) }, d *Daemon) {
	uploadWritten = func() {
		d.committing.Lock()
		d.stopped = true
		d.committing.Unlock()
	}
	t.Cleanup(func() { uploadWritten = func() {} })
}

// FailPostsWritable makes every posts folder unwritable to uploads, as
// a read-only mount would, until the test ends.
func FailPostsWritable(t interface{ Cleanup(func()) }, err error) {
	postsWritable = func(string) error { return err }
	t.Cleanup(func() { postsWritable = upload.Writable })
}

// MaxLoggedTarget is maxLoggedTarget, the bound of an access line's target.
const MaxLoggedTarget = maxLoggedTarget

// ScratchBytes is the memory site i's reloads keep for the next one's
// records of every file (content.Scratch).
func (d *Daemon) ScratchBytes(i int) int64 { return d.sites[i].scratch.Bytes() }
