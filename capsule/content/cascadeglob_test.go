package content

import (
	"strings"
	"testing"
)

// A _target's glob is expanded brace pair by brace pair, a copy of the
// pattern each: one of many pairs of one alternative each ({a}{a}…) cost
// the square of its length (8 s for 60 KB, for each page matched), which
// the count of alternatives does not bound. Past maxGlobLen a glob is
// not read (it matches, as a glob Hugo cannot compile lets a table
// through); short ones are read as before.
func TestGlobAlternativesBounded(t *testing.T) {
	if alts, ok := globAlternatives(strings.Repeat("{a}", 200)); ok {
		t.Errorf("a glob of 600 bytes expanded (%d alternatives, each of %d bytes), want it left unread", len(alts), len(alts[0]))
	}
	if !hugoGlob(strings.Repeat("{a}", 20000), "en") {
		t.Errorf("a glob left unread does not match")
	}
	if alts, ok := globAlternatives("{en,ja}-{jp,us}"); !ok || len(alts) != 4 {
		t.Errorf("{en,ja}-{jp,us}: %v %v", alts, ok)
	}
	if hugoGlob("{en,fr}", "ja") || !hugoGlob("{en,fr}", "FR") {
		t.Errorf("short globs no longer read")
	}
}
