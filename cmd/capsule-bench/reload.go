package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/watch"
)

// runReload measures what an author's edit costs a running capsule: a
// daemon is started on generated posts (the full build, the baseline),
// then it is reloaded with nothing changed (a SIGHUP for nothing, a
// watcher's event for a file that is not the blog's), again and again;
// then one post is edited and the daemon reloaded, as often. It reports each
// reload's time as a fraction of the full build's, both in the same
// process, and resident memory after the reloads as a ratio to resident
// memory after the start.
func runReload(args []string) {
	fs := flag.NewFlagSet("reload", flag.ExitOnError)
	n := fs.Int("n", 10000, "posts to generate (at most 50000)")
	size := fs.Int("size", 16<<10, "bytes of Markdown per post")
	reloads := fs.Int("reloads", 20, "edits, each followed by a reload (1 to 100)")
	full := fs.Bool("full", true, "then a reload that changes every page, for its peak")
	fullBy := fs.String("full-by", "title", "what that reload changes: `title` (the site's, in _index.md: every page, no post's body) or width (the gopher text's, in the configuration: every post's Gopher text too)")
	sample := fs.String("posts", "posts", "posts whose sentences the generated ones are made of")
	runs := fs.Int("runs", 1, "runs, each in a fresh process on the same posts (1 to 10): the memory ratios' median and spread")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the reloads after an edit to `file`")
	noChangeProfile := fs.String("nochangeprofile", "", "write a CPU profile of the reloads with nothing changed to `file`")
	blog := fs.String("blog", "", "measure on a copy of this `folder`, a real blog (capsule's, Hugo's, Jekyll's…), instead of generated posts: each edit adds a sentence at the end of one of its posts; the full reload is a new Gopher width (-full-by width), since a blog has no _index.md to retitle")
	fs.Parse(args)
	if *blog != "" {
		*fullBy = "width"
	}
	if *fullBy != "title" && *fullBy != "width" {
		log.Fatal("-full-by is title or width")
	}
	if *n < 1 || *n > 50000 || *reloads < 5 || *reloads > 100 || *size < 1 || *size > 1<<20 || *runs < 1 || *runs > 10 {
		log.Fatal("n, size, reloads (at least 5) or runs out of bounds")
	}
	var dir string
	if *blog != "" {
		dir = copyBlog(*blog)
	} else {
		dir = generatePosts(*n, *size, *sample)
	}
	defer os.RemoveAll(dir)
	self, _ := os.Executable()
	var all []reloadResult
	for range *runs {
		cmd := exec.Command(self, "reload-child", "-posts", dir, "-reloads", fmt.Sprint(*reloads), fmt.Sprintf("-full=%v", *full), "-full-by", *fullBy,
			"-cpuprofile", *cpuProfile, "-nochangeprofile", *noChangeProfile)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			log.Fatalf("reload run: %v", err)
		}
		var r reloadResult
		if err := json.Unmarshal(out, &r); err != nil {
			log.Fatalf("reload run: %v: %s", err, out)
		}
		all = append(all, r)
	}
	r := all[len(all)-1]
	if *blog != "" {
		fmt.Printf("reload after one edit, a copy of %s (%d posts), %d cores, %d reloads\n", *blog, r.Posts, runtime.NumCPU(), *reloads)
	} else {
		fmt.Printf("reload after one edit, %d posts of %d KiB, %d cores, %d reloads\n", *n, *size>>10, runtime.NumCPU(), *reloads)
	}
	fmt.Println(machineLine())
	fmt.Printf("  full build (start)          %9v\n", r.Full.Round(time.Millisecond))
	fmt.Printf("  reload, median              %9v   %.3f of the full build (target ≤ 0.02)\n", r.Median.Round(time.Millisecond), float64(r.Median)/float64(r.Full))
	fmt.Printf("  reload, slowest             %9v   %.3f\n", r.Slowest.Round(time.Millisecond), float64(r.Slowest)/float64(r.Full))
	fmt.Printf("  CPU: full build, reload     %9v   %v, median: %.3f of the full build's\n", r.FullCPU.Round(time.Millisecond), r.MedianCPU.Round(time.Millisecond), float64(r.MedianCPU)/float64(r.FullCPU))
	fmt.Printf("  CPU: reload to next reload  %9v   median: %.3f of the full build's (its garbage's collection after it returned too)\n", r.MedianCycleCPU.Round(time.Millisecond), float64(r.MedianCycleCPU)/float64(r.FullCPU))
	fmt.Printf("  posts rendered per reload   %9d\n", r.Rendered)
	fmt.Printf("  no-change reload, median    %9v   %.4f of the full build (target: nothing measurable)\n", r.NoChange.Round(100*time.Microsecond), float64(r.NoChange)/float64(r.Full))
	fmt.Printf("  a stat of every post alone  %9v   the no-change reload is %.2f times it (what a reload cannot skip)\n", r.StatFloor.Round(100*time.Microsecond), float64(r.NoChange)/float64(r.StatFloor))
	fmt.Printf("  CPU: no-change reload       %9v   median: %.4f of the full build's\n", r.NoChangeCPU.Round(100*time.Microsecond), float64(r.NoChangeCPU)/float64(r.FullCPU))
	fmt.Printf("  CPU: no-change, alone       %9v   median: %.4f of the full build's (one every %v, to the next: what it left running too)\n", r.AloneCycleCPU.Round(100*time.Microsecond), float64(r.AloneCycleCPU)/float64(r.FullCPU), alonePause)
	fmt.Printf("  bytes held (responses)      %9.0f MiB\n", r.HeldMiB)
	fmt.Printf("  resident after start        %9.0f MiB   %.2f of held (target ≤ 1.3)\n", r.StartMiB, r.StartMiB/r.HeldMiB)
	fmt.Printf("  resident after %2d reloads   %9.0f MiB   %.2f of after start (target ≤ 1.1), %.2f of held (≤ 1.3)\n", *reloads, r.AfterMiB, r.AfterMiB/r.StartMiB, r.AfterMiB/r.HeldMiB)
	if *full {
		fmt.Printf("  %-28s%9v   peak %.0f MiB, %.2f of steady (target ≤ 1.5), %d posts rendered, %d rewrapped\n", "full reload (a new "+*fullBy+")", r.FullReload.Round(time.Millisecond), r.FullPeakMiB, r.FullPeakMiB/r.AfterMiB, r.FullRendered, r.FullRewrapped)
		fmt.Printf("  after it                    %9.0f MiB   %.2f of held\n", r.AfterFullMiB, r.AfterFullMiB/r.HeldMiB)
	}
	fmt.Printf("  peak of the run (start)     %9.0f MiB\n", r.PeakMiB)
	if len(all) > 1 {
		fmt.Printf("(figures above: the last of %d runs)\n", len(all))
	}
	printMemoryRatios(all, *reloads, *full)
}

// printMemoryRatios prints how resident memory compares with what is
// held, over runs: each ratio's median and, with several runs, its
// spread (lowest to highest).
func printMemoryRatios(all []reloadResult, reloads int, full bool) {
	ratio := func(name string, target string, f func(r reloadResult) float64) {
		v := make([]float64, len(all))
		for i, r := range all {
			v[i] = f(r)
		}
		slices.Sort(v)
		spread := ""
		if len(v) > 1 {
			spread = fmt.Sprintf("   (%.2f–%.2f)", v[0], v[len(v)-1])
		}
		fmt.Printf("  %-44s %6.2f%-16s %s\n", name, v[len(v)/2], spread, target)
	}
	fmt.Printf("memory, median of %d run(s)\n", len(all))
	ratio("resident after start / held", "target ≤ 1.3", func(r reloadResult) float64 { return r.StartMiB / r.HeldMiB })
	if reloads > 5 {
		ratio("resident after 5 reloads / after start", "≈ 1.00", func(r reloadResult) float64 { return r.After5MiB / r.StartMiB })
	}
	ratio(fmt.Sprintf("resident after %d reloads / after start", reloads), "≈ 1.00", func(r reloadResult) float64 { return r.AfterMiB / r.StartMiB })
	ratio(fmt.Sprintf("resident after %d reloads / held", reloads), "target ≤ 1.3", func(r reloadResult) float64 { return r.AfterMiB / r.HeldMiB })
	ratio("peak during edit reloads / resident after start", "≈ 1.14", func(r reloadResult) float64 { return r.EditPeakMiB / r.StartMiB })
	if full {
		ratio("full reload peak / steady (after the edits)", "target ≤ 1.5", func(r reloadResult) float64 { return r.FullPeakMiB / r.AfterMiB })
		ratio("after the full reload / held", "", func(r reloadResult) float64 { return r.AfterFullMiB / r.HeldMiB })
	}
}

// reloadResult is what one reload-child run reports.
type reloadResult struct {
	Full, Median, Slowest, FullReload time.Duration
	FullCPU, MedianCPU                time.Duration // the process's CPU time (user and system), garbage collection included
	MedianCycleCPU                    time.Duration // from one reload's start to the next's: what it left running after it returned too (its garbage's collection)
	NoChange, NoChangeCPU             time.Duration // a reload with nothing changed: median wall and CPU time
	StatFloor                         time.Duration // a look at every post alone (statFloor), median
	AloneCycleCPU                     time.Duration // one alone (alonePause apart): CPU from its start to the next's, median
	Rendered                          int
	HeldMiB, StartMiB, AfterMiB       float64
	After5MiB                         float64 // resident after the fifth reload, settled
	EditPeakMiB                       float64 // resident at most during the edits' reloads
	FullPeakMiB, AfterFullMiB         float64 // resident at most during a full reload, and after it settled
	FullRendered                      int     // posts the full reload rendered (not retitled)
	FullRewrapped                     int     // posts whose Gopher text alone it rendered
	PeakMiB                           float64
	Posts                             int // posts the edits choose from
}

func runReloadChild(args []string) {
	fs := flag.NewFlagSet("reload-child", flag.ExitOnError)
	dir := fs.String("posts", "", "posts folder")
	reloads := fs.Int("reloads", 20, "reloads")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the reloads to `file`")
	noChangeProfile := fs.String("nochangeprofile", "", "write a CPU profile of the reloads with nothing changed to `file`")
	heapProfile := fs.String("heapprofile", "", "write a profile of what is live after the start to `file`")
	fullToo := fs.Bool("full", true, "a full reload after the others")
	memClasses := fs.Bool("memclasses", false, "print to standard error where the runtime's memory is after the start, and the process's status")
	fullBy := fs.String("full-by", "title", "what the full reload changes: title or width")
	fs.Parse(args)
	profileMemoryOnlyIf(*heapProfile)
	cfg := config.NewConfig()
	cfg.Posts = *dir
	cfg.Certs = filepath.Join(*dir, ".certs")
	cfg.GeminiAddr, cfg.GopherAddr = "127.0.0.1:0", "127.0.0.1:0"
	cfg.Watch = false // reloads are asked for below, one per edit
	cfg.PostBudget = time.Minute
	cfg.Log = log.New(io.Discard, "", 0)
	ctx := context.Background()
	// The posts to edit, found before the start: a real blog's (-blog)
	// by a load of it, whose memory (its images read again) is returned
	// and its peak forgotten before the start is measured, so that it
	// stands in none of the figures.
	files, names := postFiles(*dir)
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	start, startCPU := time.Now(), selfCPU()
	d, err := daemon.Start(ctx, cfg)
	if err != nil {
		log.Fatal(err)
	}
	full, fullCPU := time.Since(start), selfCPU()-startCPU
	pid := os.Getpid()
	rss := func() float64 {
		kb, _ := memory(pid, "VmRSS")
		return float64(kb) / 1024
	}
	// Settled, as after the reloads below: the start writes its build
	// cache (a file as large as what is held), then returns that
	// write's garbage a second later.
	settleAfterCacheWrite(cfg.CacheDir())
	if *heapProfile != "" {
		runtime.GC()
		writeHeapProfile(*heapProfile)
	}
	if *memClasses {
		printMemClasses()
	}
	res := reloadResult{Full: full, FullCPU: fullCPU, StartMiB: rss(), HeldMiB: float64(d.Store().Held) / (1 << 20)}
	// Before the edits, whose build cache is written half a minute
	// after the first (cacheWritePause), in this process: a reload with
	// nothing changed writes none, and is timed alone.
	res.StatFloor, res.Posts = statFloor(cfg.Posts, names, *reloads), len(files)
	if *noChangeProfile != "" {
		stop := startCPUProfile(*noChangeProfile)
		res.NoChange, res.NoChangeCPU = noChangeReloads(ctx, d, cfg, *reloads)
		stop()
	} else {
		res.NoChange, res.NoChangeCPU = noChangeReloads(ctx, d, cfg, *reloads)
	}
	res.AloneCycleCPU = aloneReloads(ctx, d, cfg, 8)
	if *cpuProfile != "" {
		defer startCPUProfile(*cpuProfile)()
	}
	var times, cpus, starts []time.Duration
	startPeak, _ := memory(pid, "VmHWM") // before sampleResident resets it
	edits := sampleResident(rss)
	for i := range *reloads {
		// An author's edit: one post, a sentence added.
		f := files[(i*7919)%len(files)]
		b, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		edited := strings.Replace(string(b), "+++\n\n", fmt.Sprintf("+++\n\n追記 %d。\n\n", i), 1)
		if edited == string(b) {
			// A real blog's post (-blog): its front matter may be YAML,
			// or none; the sentence goes at its end.
			edited = strings.TrimRight(edited, "\n") + fmt.Sprintf("\n\n追記 %d。\n", i)
		}
		if err := os.WriteFile(f, []byte(edited), 0o644); err != nil {
			log.Fatal(err)
		}
		// Watching, the reload comes after watch.DefaultQuiet: the post
		// is older than content.SettleTime by then, and read at once.
		time.Sleep(watch.DefaultQuiet)
		t, c := time.Now(), selfCPU()
		starts = append(starts, c)
		if err := d.Reload(ctx, cfg); err != nil {
			log.Fatal(err)
		}
		times, cpus = append(times, time.Since(t)), append(cpus, selfCPU()-c)
		res.Rendered = d.Store().Rendered
		if i == 4 {
			// Settled, as after the last (see below).
			time.Sleep(3 * time.Second)
			res.After5MiB = rss()
		}
	}
	// The last reload's cycle: as long as the others' (an edit, then
	// watch.DefaultQuiet).
	time.Sleep(watch.DefaultQuiet)
	starts = append(starts, selfCPU())
	var cycles []time.Duration
	for i := range *reloads {
		cycles = append(cycles, starts[i+1]-starts[i])
	}
	slices.Sort(cycles)
	res.MedianCycleCPU = cycles[len(cycles)/2]
	res.EditPeakMiB = edits()
	// Once reloads pause, the daemon returns their garbage (after a
	// second): resident memory is measured when it has settled.
	time.Sleep(3 * time.Second)
	res.AfterMiB = rss()
	if *fullToo {
		res.FullReload, res.FullPeakMiB, res.AfterFullMiB = fullReload(ctx, d, cfg, *dir, *fullBy, rss)
		res.FullRendered, res.FullRewrapped = d.Store().Rendered, d.Store().Rewrapped
	}
	peak, _ := memory(pid, "VmHWM")
	res.PeakMiB = float64(max(peak, startPeak)) / 1024
	slices.Sort(times)
	res.Median, res.Slowest = times[len(times)/2], times[len(times)-1]
	slices.Sort(cpus)
	res.MedianCPU = cpus[len(cpus)/2]
	json.NewEncoder(os.Stdout).Encode(res)
	pprof.StopCPUProfile()
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	d.Shutdown(sctx)
}

// noChangeReloads reloads d n times with nothing changed, each after
// watch.DefaultQuiet as a watcher's would come, and returns the median
// wall and CPU time of one. A reload that keeps nothing of the Store
// served is a failure: nothing changed.
func noChangeReloads(ctx context.Context, d *daemon.Daemon, cfg config.Config, n int) (wall, cpu time.Duration) {
	var walls, cpus []time.Duration
	for range n {
		time.Sleep(watch.DefaultQuiet)
		before := d.Store()
		t, c := time.Now(), selfCPU()
		if err := d.Reload(ctx, cfg); err != nil {
			log.Fatal(err)
		}
		walls, cpus = append(walls, time.Since(t)), append(cpus, selfCPU()-c)
		if d.Store().Rendered != 0 && d.Store() != before {
			log.Fatalf("a reload with nothing changed rendered %d posts", d.Store().Rendered)
		}
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	return walls[len(walls)/2], cpus[len(cpus)/2]
}

// alonePause is the time between reloads alone: longer than the
// daemon's pause before it returns a reload's garbage to the system
// (daemon's releasePause, a second), as between two SIGHUPs for nothing.
const alonePause = 1500 * time.Millisecond

// aloneReloads reloads d n times with nothing changed, alonePause apart,
// and returns the median CPU time from one's start to the next's: the
// reload and what it left running after it (a collection, a return of
// memory).
func aloneReloads(ctx context.Context, d *daemon.Daemon, cfg config.Config, n int) time.Duration {
	var cycles []time.Duration
	last := selfCPU()
	for i := range n + 1 {
		if i > 0 {
			time.Sleep(alonePause)
			c := selfCPU()
			cycles, last = append(cycles, c-last), c
		}
		if i < n {
			if err := d.Reload(ctx, cfg); err != nil {
				log.Fatal(err)
			}
		}
	}
	slices.Sort(cycles)
	return cycles[len(cycles)/2]
}

// fullReload changes what by says, which changes every page, and
// reloads: it returns how long that took, resident memory at its highest
// during it and after it settled. A new site title (by "title") changes
// no post's body, which the reload keeps; a new gopher width ("width")
// changes every post's Gopher text, which it rewraps, and nothing else
// of it (capsule's rewrap.go).
func fullReload(ctx context.Context, d *daemon.Daemon, cfg config.Config, dir, by string, rss func() float64) (took time.Duration, peak, after float64) {
	if by == "width" {
		cfg.GopherWidth -= 2
	} else {
		site := filepath.Join(dir, "_index.md")
		b, err := os.ReadFile(site)
		if err != nil {
			log.Fatal(err)
		}
		os.WriteFile(site, []byte(strings.Replace(string(b), "title = \"", "title = \"新 ", 1)), 0o644)
	}
	time.Sleep(watch.DefaultQuiet)
	top := sampleResident(rss)
	if p := os.Getenv("FULLPROFILE"); p != "" {
		f, _ := os.Create(p)
		pprof.StartCPUProfile(f)
	}
	t := time.Now()
	if err := d.Reload(ctx, cfg); err != nil {
		log.Fatal(err)
	}
	took = time.Since(t)
	pprof.StopCPUProfile()
	peak = top()
	time.Sleep(3 * time.Second)
	return took, peak, rss()
}

// sampleResident returns a function that returns the highest resident
// memory since sampleResident was called. Linux keeps the peak (VmHWM),
// which writing 5 to /proc/self/clear_refs resets to what is resident
// now: read then, it misses no peak and costs the process nothing while
// it runs. Elsewhere (or if the reset is refused) resident memory is
// sampled every 5 ms, which reads /proc 200 times a second beside the
// reloads being timed.
func sampleResident(rss func() float64) func() float64 {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err == nil {
		return func() float64 {
			kb, err := memory(os.Getpid(), "VmHWM")
			if err != nil {
				return rss()
			}
			return float64(kb) / 1024
		}
	}
	done := make(chan float64)
	go func() {
		top := rss()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				top = max(top, rss())
			case <-done:
				done <- top
				return
			}
		}
	}()
	return func() float64 {
		done <- 0
		return <-done
	}
}

// selfCPU is the CPU time this process has used, user and system, all its
// threads: on a machine shared with other work, a steadier measure than
// wall time.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// settleAfterCacheWrite waits until the build cache the start writes is
// in dir (at most a minute), then for its garbage to be returned.
func settleAfterCacheWrite(dir string) {
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if files, _ := filepath.Glob(filepath.Join(dir, "*.cache")); len(files) > 0 {
			break
		}
	}
	time.Sleep(3 * time.Second)
}

// postFiles returns the posts of dir an edit may change (its pages if it
// has no posts), as paths, and
// the files of every post, page and draft, relative to dir: what a stat
// of every post looks at (statFloor). Generated posts are dir's
// *-post-*.md and its Markdown files; a real blog's (-blog) are those its
// load finds.
func postFiles(dir string) (posts, names []string) {
	if posts, _ = filepath.Glob(filepath.Join(dir, "*-post-*.md")); len(posts) > 0 {
		entries, err := os.ReadDir(dir)
		if err != nil {
			log.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".md") {
				names = append(names, e.Name())
			}
		}
		return posts, names
	}
	c, err := content.Load(dir, content.LoadOptions{Settle: -1})
	if err != nil {
		log.Fatal(err)
	}
	for _, list := range [][]*content.Post{c.Posts, c.Pages, c.Drafts, c.Scheduled, c.Expired, c.Unlisted, c.NoPage} {
		for _, p := range list {
			rel, err := filepath.Rel(dir, p.File)
			if err != nil || strings.HasPrefix(rel, "..") {
				continue
			}
			names = append(names, rel)
		}
	}
	edited := c.Posts
	if len(edited) == 0 {
		edited = c.Pages // a blog of pages only: Zola's without dates
	}
	for _, p := range edited {
		posts = append(posts, p.File)
	}
	if len(posts) == 0 {
		log.Fatalf("%s: no posts to edit", dir)
	}
	// The load's garbage (a blog's images, read again) returned before
	// the start, whose memory is measured.
	debug.FreeOSMemory()
	return posts, names
}

// statFloor is the least a reload that finds nothing changed can do: look
// at every post's file (names, relative to dir), one stat each, relative
// to the posts folder, on every core, as content.Load does (statat.go),
// without anything else. It returns the median of n rounds, each after
// watch.DefaultQuiet of rest, as noChangeReloads times each reload: the
// same stats run back to back, with the caches warm and both cores
// awake, took here 0.85 times as long at 3,000 posts (4.3–5.4 ms against
// 6.3 ms), a fixed part the reload pays and such a floor did not.
func statFloor(dir string, names []string, n int) time.Duration {
	var times []time.Duration
	for range n {
		time.Sleep(watch.DefaultQuiet)
		t := time.Now()
		fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != nil {
			log.Fatal(err)
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				var st unix.Stat_t
				for i := next.Add(1) - 1; i < int64(len(names)); i = next.Add(1) - 1 {
					unix.Fstatat(fd, names[i], &st, unix.AT_SYMLINK_NOFOLLOW)
				}
			})
		}
		wg.Wait()
		unix.Close(fd)
		times = append(times, time.Since(t))
	}
	slices.Sort(times)
	return times[len(times)/2]
}

// startCPUProfile starts writing a CPU profile to path and returns what
// stops it.
func startCPUProfile(path string) (stop func()) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Fatal(err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
