package daemon

import (
	"capsule/capsule"
	"capsule/capsule/tlscert"
)

// What the external tests (package daemon_test) look at inside a Daemon.

// SiteCount is how many sites d serves, the main one included.
func (d *Daemon) SiteCount() int { return len(d.sites) }

// SiteFingerprint is the SHA-256 fingerprint of site i's certificate.
func (d *Daemon) SiteFingerprint(i int) string { return tlscert.Fingerprint(d.sites[i].cert.Load()) }

// SiteStore is site i's Store.
func (d *Daemon) SiteStore(i int) *capsule.Store { return d.sites[i].capsule.Store() }
