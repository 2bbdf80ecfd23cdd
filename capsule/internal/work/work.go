package work

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ForEach calls work(i) for every i in [0, n), spread over all cores. Each
// call must touch only its own index's data. Indexes are taken in order,
// each by the first worker free, from a counter: a call as short as a
// stat of a file costs no hand-over between goroutines (a channel's cost
// more than the stat's), and the caller works too.
func ForEach(n int, work func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			work(i)
		}
		return
	}
	var next atomic.Int64
	run := func() {
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			work(i)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run()
		}()
	}
	run()
	wg.Wait()
}
