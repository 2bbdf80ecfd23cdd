package daemon

import (
	"fmt"
	"slices"
	"strings"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
)

// logBuild writes what a build of the site cfg describes noticed: its
// warnings, one line per kind (every one with cfg.ListWarnings), then its
// problems (what it left out, or kept at its last good version), each as
// file:line: message, and a line counting them. prev is the Store the
// build replaces, nil at a start: the warnings it had already are not
// written again, only counted, so that a reload says what is new.
// Problems are always written: each is something not served as written.
func (d *Daemon) logBuild(cfg config.Config, st, prev *capsule.Store) {
	var before []*content.FileError
	if prev != nil {
		before = prev.Warnings
	}
	lines, tally := WarningLines(st.Warnings, before, cfg.ListWarnings)
	for _, l := range lines {
		d.log.Printf("warning: %s", l)
	}
	if tally != "" {
		d.log.Print(tally)
	}
	for _, p := range st.Problems {
		d.log.Print(p)
	}
	kept := slices.ContainsFunc(st.Problems, func(e *content.FileError) bool { return strings.HasSuffix(e.Msg, content.StillServedNote) })
	switch n := len(st.Problems); {
	case n > 0 && prev == nil && !kept:
		// A start keeps a last good version only if the build cache
		// held one (it keeps those a reload served).
		d.log.Printf("%s in %s: left out (no previous version of them in the build cache); the rest is served", count(n, "problem"), cfg.Posts)
	case n > 0:
		d.log.Printf("%s in %s: left out, or still served in their previous version; the rest is served", count(n, "problem"), cfg.Posts)
	}
}

// WarningLines is how warns, a build's warnings, are written: lines,
// each to follow "warning: ", and a line to end them that says what was
// not written (empty when all was). Every warning has its line when every
// is true; otherwise each kind has one, with the count and the first, and
// the warnings before has too (a previous build's: nil for none) are only
// counted.
func WarningLines(warns, before []*content.FileError, every bool) (lines []string, tally string) {
	warns, same := newWarnings(warns, before)
	if every {
		for _, w := range warns {
			lines = append(lines, w.Error())
		}
	} else {
		for _, g := range content.GroupWarnings(warns) {
			lines = append(lines, g.String())
		}
	}
	var said []string
	if n := content.CountWarnings(warns); !every && n > len(lines) {
		// Which lines: a configuration's warning may come before them.
		where := "the line above"
		if len(lines) > 1 {
			where = fmt.Sprintf("the %d lines above", len(lines))
		}
		said = append(said, warnings(n)+" in "+where+", one line per kind")
	}
	if same > 0 {
		said = append(said, warnings(same)+" as before, not repeated")
	}
	if len(said) == 0 {
		return lines, ""
	}
	return lines, strings.Join(said, "; ") + " (capsuled -check -v lists every warning)"
}

// newWarnings is the warnings of now that before does not have (the same
// file, line, message and kind), and how many warnings the others are.
//
// A line "and N more like it" (a file past content.MaxWarningsPerKind of
// a kind) that is not the same as before is matched by file and kind
// with the one before, since its count is in its words: of N now and M
// before, N−M are new (one line counting them), the rest as before. One
// dead link more in a post of 30,000 is one warning new, not 29,981.
func newWarnings(now, before []*content.FileError) (fresh []*content.FileError, same int) {
	had := make(map[content.FileError]int, len(before))
	for _, w := range before {
		had[*w]++
	}
	type fileKind struct{ file, kind string }
	matched := make([]bool, len(now))
	var more map[fileKind][]int // now's lines "and N more like it" not found before, by index, in order
	for i, w := range now {
		switch {
		case had[*w] > 0:
			had[*w]--
			matched[i] = true
			same += content.CountWarnings([]*content.FileError{w})
		case w.More > 0:
			if more == nil {
				more = make(map[fileKind][]int)
			}
			k := fileKind{w.File, w.Kind}
			more[k] = append(more[k], i)
		}
	}
	// Such lines of before not matched pair with them, in order: M of
	// before are as before.
	was := make(map[int]int) // index in now → the More of its pair
	for _, w := range before {
		k := fileKind{w.File, w.Kind}
		if w.More == 0 || had[*w] == 0 || len(more[k]) == 0 {
			continue
		}
		had[*w]--
		was[more[k][0]] = w.More
		more[k] = more[k][1:]
	}
	for i, w := range now {
		if matched[i] {
			continue
		}
		m, paired := was[i]
		if !paired {
			fresh = append(fresh, w)
			continue
		}
		same += min(m, w.More)
		if w.More > m {
			fresh = append(fresh, content.MoreLike(w, w.More-m))
		}
	}
	return fresh, same
}

// leftOut is ", N left out" for the line that ends a build or a reload
// with problems, "" without.
func leftOut(st *capsule.Store) string {
	if len(st.Problems) == 0 {
		return ""
	}
	return ", " + count(len(st.Problems), "problem")
}

// warnings is "1 warning", "1,980 warnings".
func warnings(n int) string {
	if n == 1 {
		return "1 warning"
	}
	return content.Thousands(n) + " warnings"
}

// count is "1 problem", "7 problems".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
