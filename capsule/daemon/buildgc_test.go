package daemon

import (
	"runtime/debug"
	"testing"
)

// gcPercent is the collector's pace now.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestPaceStart checks the pace of a start's build: startGCPercent while
// it builds, the pace before restored after; and an operator's GOGC kept.
func TestPaceStart(t *testing.T) {
	t.Setenv("GOGC", "")
	before := gcPercent()
	restore := PaceStart()
	if got := gcPercent(); got != startGCPercent {
		t.Errorf("while a start builds, GOGC is %d, want %d", got, startGCPercent)
	}
	restore()
	if got := gcPercent(); got != before {
		t.Errorf("after a start, GOGC is %d, want %d as before", got, before)
	}

	t.Setenv("GOGC", "300")
	restore = PaceStart()
	if got := gcPercent(); got != before {
		t.Errorf("with GOGC set by the operator, a start set the pace to %d, want it left at %d", got, before)
	}
	restore()
}
