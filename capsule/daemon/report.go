package daemon

import (
	"fmt"

	"capsule/capsule"
	"capsule/capsule/config"
)

// logBuild writes what a build of the site cfg describes noticed: its
// warnings, then its problems (what it left out, or kept at its last
// good version), each as file:line: message, and a line counting them.
func (d *Daemon) logBuild(cfg config.Config, st *capsule.Store) {
	for _, w := range st.Warnings {
		d.log.Printf("warning: %v", w)
	}
	for _, p := range st.Problems {
		d.log.Print(p)
	}
	if n := len(st.Problems); n > 0 {
		d.log.Printf("%s in %s: left out, or still served in their previous version; the rest is served", count(n, "problem"), cfg.Posts)
	}
}

// leftOut is ", N left out" for the line that ends a build or a reload
// with problems, "" without.
func leftOut(st *capsule.Store) string {
	if len(st.Problems) == 0 {
		return ""
	}
	return ", " + count(len(st.Problems), "problem")
}

// count is "1 problem", "7 problems".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
