package main

import (
	"runtime/debug"
	"strings"

	"capsule/capsule"
)

// versionLine is what -version prints: the version, and where the Go
// toolchain recorded it (a `go build` in a git clone does), the commit, its
// time and whether the tree had changes not committed:
//
//	capsuled 0.1.0-dev, commit 1c3dbe6a4f20 of 2026-12-05T07:58:12Z (with uncommitted changes), go1.24.2
//
// An operator who upgrades one replica at a time can tell which one runs
// what.
func versionLine(info *debug.BuildInfo, ok bool) string {
	line := "capsuled " + capsule.Version
	if !ok {
		return line + ", no build information"
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	switch {
	case rev == "":
		line += ", commit unknown (built outside a git clone, by go run, or with -buildvcs=false)"
	default:
		if len(rev) > 12 {
			rev = rev[:12]
		}
		line += ", commit " + rev
		if at != "" {
			line += " of " + at
		}
		if modified {
			line += " (with uncommitted changes)"
		}
	}
	return line + ", " + strings.TrimSpace(info.GoVersion)
}
