package capsule

import (
	"crypto/sha256"
	"fmt"
	"sync"
	"time"

	"capsule/capsule/content"
)

// DefaultPostBudget is how long one post may take to render. A real post,
// even a long one, renders in milliseconds; Markdown built to be slow
// (thousands of nested emphasis delimiters, say) takes goldmark seconds,
// and it cannot be interrupted. A post over the budget fails the build,
// naming the file and the time it took, so that the author can fix it;
// the daemon keeps serving what it served.
const DefaultPostBudget = 3 * time.Second

// postWatch times the posts being rendered and tells of any that takes
// longer than its budget while it is still rendering, so that the log says
// which post a slow build is waiting for.
type postWatch struct {
	budget time.Duration
	slow   func(file string, elapsed time.Duration) // nil: nobody to tell

	mu     sync.Mutex
	active map[string]watched // by file
	done   chan struct{}
}

type watched struct {
	start time.Time
	told  int // how many budgets have been told of
}

func newPostWatch(budget time.Duration, slow func(string, time.Duration)) *postWatch {
	if budget <= 0 {
		budget = DefaultPostBudget
	}
	w := &postWatch{budget: budget, slow: slow, active: make(map[string]watched), done: make(chan struct{})}
	if slow != nil {
		go w.watch()
	}
	return w
}

// begin notes that file starts rendering.
func (w *postWatch) begin(file string) {
	w.mu.Lock()
	w.active[file] = watched{start: time.Now()}
	w.mu.Unlock()
}

// end notes that file is done and says how long it took and whether that
// was over the budget.
func (w *postWatch) end(file string) (time.Duration, bool) {
	w.mu.Lock()
	elapsed := time.Since(w.active[file].start)
	delete(w.active, file)
	w.mu.Unlock()
	return elapsed, elapsed > w.budget
}

// render renders p with f within the budget: reading back p's Markdown
// first if it was forgotten, and failing the entry when f takes longer
// than the budget. Markdown read back is forgotten again once rendered:
// a reload that renders every post (a new site title) holds one post's
// Markdown per core, not all of it until the build ends.
func (w *postWatch) render(p *content.Post, f func() renderedEntry) (e renderedEntry) {
	if p.Body == nil && p.BodyHash != 0 {
		defer func() { p.Body = nil }()
	}
	if err := content.ReadBody(p); err != nil { // forgotten after the last build
		return renderedEntry{err: err}
	}
	w.begin(p.File)
	defer func() {
		e.bodySum = sha256.Sum256(p.Body) // for a build cache (diskcache.go)
		if took, over := w.end(p.File); over {
			e = renderedEntry{err: fmt.Errorf("took %v to render, over the %v a post may take: simplify its Markdown (deep nesting, thousands of emphasis marks or footnotes)",
				took.Round(time.Millisecond), w.budget)}
		}
	}()
	return f()
}

// stop ends the watching.
func (w *postWatch) stop() { close(w.done) }

// watch tells, every time a post passes another multiple of the budget,
// that it is still rendering.
func (w *postWatch) watch() {
	tick := time.NewTicker(max(w.budget/4, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-w.done:
			return
		case now := <-tick.C:
			w.mu.Lock()
			for file, a := range w.active {
				if n := int(now.Sub(a.start) / w.budget); n > a.told {
					a.told = n
					w.active[file] = a
					w.slow(file, now.Sub(a.start))
				}
			}
			w.mu.Unlock()
		}
	}
}
