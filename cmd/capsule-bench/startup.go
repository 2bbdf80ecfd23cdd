package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"capsule/capsule"
	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/postgen"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// runStartup compares capsule's startup (loading and building every
// response) with the floor: goldmark alone parsing and rendering the same
// files to HTML on all cores, keeping the HTML in memory. Each runs in a
// fresh process, alternately, so that peak memory is each one's own.
func runStartup(args []string) {
	fs := flag.NewFlagSet("startup", flag.ExitOnError)
	n := fs.Int("n", 10000, "posts to generate (at most 50000)")
	size := fs.Int("size", 16<<10, "bytes of Markdown per post")
	rounds := fs.Int("rounds", 3, "runs of each (1 to 10)")
	sample := fs.String("posts", "posts", "posts whose sentences the generated ones are made of")
	fs.Parse(args)
	if *n < 1 || *n > 50000 || *rounds < 1 || *rounds > 10 || *size < 1 || *size > 1<<20 {
		log.Fatal("n, size or rounds out of bounds")
	}
	dir := generatePosts(*n, *size, *sample)
	defer os.RemoveAll(dir)
	self, _ := os.Executable()
	// The cache a restart reads: written once, by a build from nothing,
	// as capsuled writes it after its start.
	cacheDir, err := os.MkdirTemp("", "capsule-bench-cache")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(cacheDir)
	cache := filepath.Join(cacheDir, "localhost.cache")
	if out, err := exec.Command(self, "startup-child", "-mode", "capsule", "-posts", dir, "-write-cache", cache).CombinedOutput(); err != nil {
		log.Fatalf("writing the cache: %v: %s", err, out)
	}
	results := map[string][]childResult{}
	modes := []string{"capsule", "floor", "restart"}
	for r := range *rounds {
		for k := range modes {
			mode := modes[(k+r)%len(modes)]
			out, err := exec.Command(self, "startup-child", "-mode", mode, "-posts", dir, "-cache", cache).Output()
			if err != nil {
				log.Fatalf("%s run: %v", mode, err)
			}
			var res childResult
			if err := json.Unmarshal(out, &res); err != nil {
				log.Fatalf("%s run: %v: %s", mode, err, out)
			}
			results[mode] = append(results[mode], res)
		}
	}
	spread := func(rs []childResult) string {
		lo, hi := rs[0].Wall, rs[0].Wall
		for _, r := range rs {
			lo, hi = min(lo, r.Wall), max(hi, r.Wall)
		}
		return fmt.Sprintf("%v–%v", lo.Round(time.Millisecond), hi.Round(time.Millisecond))
	}
	c, f, rs := medianResult(results["capsule"]), medianResult(results["floor"]), medianResult(results["restart"])
	fmt.Printf("startup with %d posts of %d KiB, %d cores, median of %d runs each\n", *n, *size>>10, runtime.NumCPU(), *rounds)
	fmt.Println(machineLine())
	fmt.Printf("            wall time   peak memory   resident after\n")
	fmt.Printf("  capsule   %9v   %8.0f MiB   %8.0f MiB\n", c.Wall.Round(time.Millisecond), c.PeakMiB, c.ResidentMiB)
	fmt.Printf("  floor     %9v   %8.0f MiB   %8.0f MiB\n", f.Wall.Round(time.Millisecond), f.PeakMiB, f.ResidentMiB)
	fmt.Printf("  ratio     %9.2f   %12.2f   %12.2f\n", float64(c.Wall)/float64(f.Wall), c.PeakMiB/f.PeakMiB, c.ResidentMiB/f.ResidentMiB)
	fmt.Printf("  restart with cache %9v   %8.0f MiB   %8.0f MiB   (%d rendered; cache file %.0f MiB)\n", rs.Wall.Round(time.Millisecond), rs.PeakMiB, rs.ResidentMiB, rs.Rendered, rs.CacheMiB)
	fmt.Printf("  restart / floor    %9.2f   %12.2f   %12.2f   (target ≤ 0.3)\n", float64(rs.Wall)/float64(f.Wall), rs.PeakMiB/f.PeakMiB, rs.ResidentMiB/f.ResidentMiB)
	fmt.Printf("  wall time spread: capsule %s, floor %s, restart %s\n", spread(results["capsule"]), spread(results["floor"]), spread(results["restart"]))
	fmt.Printf("  restart: resident after / held %.2f; once every response was read %.2f (the cache file's pages are mapped as they are first served)\n", rs.ResidentMiB/rs.HeldMiB, rs.ReadAllMiB/rs.HeldMiB)
	fmt.Printf("  capsule holds %.0f MiB of responses: resident after is %.2f of it (target ≤ 1.3)\n", c.HeldMiB, c.ResidentMiB/c.HeldMiB)
	var held, peak []float64
	for _, r := range results["capsule"] {
		held = append(held, r.ResidentMiB/r.HeldMiB)
		peak = append(peak, r.PeakMiB/r.HeldMiB)
	}
	slices.Sort(held)
	slices.Sort(peak)
	fmt.Printf("  capsule, over the %d runs: resident after / held %.2f (%.2f–%.2f), peak / held %.2f (%.2f–%.2f)\n", len(held),
		held[len(held)/2], held[0], held[len(held)-1], peak[len(peak)/2], peak[0], peak[len(peak)-1])
}

// childResult is what one startup-child run reports.
type childResult struct {
	Wall        time.Duration
	PeakMiB     float64 // VmHWM
	ResidentMiB float64 // VmRSS after a garbage collection, with everything built still held
	HeldMiB     float64 // capsule: the bytes of its responses (Store.Held)
	Rendered    int     // capsule, restart: posts rendered (Store.Rendered)
	CacheMiB    float64 // restart: the size of the cache file read
	ReadAllMiB  float64 // restart: VmRSS once every response was read (readEveryResponse)
}

func medianResult(rs []childResult) childResult {
	sort.Slice(rs, func(i, j int) bool { return rs[i].Wall < rs[j].Wall })
	return rs[len(rs)/2]
}

func runStartupChild(args []string) {
	fs := flag.NewFlagSet("startup-child", flag.ExitOnError)
	mode := fs.String("mode", "capsule", "capsule or floor")
	dir := fs.String("posts", "", "posts folder")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file`")
	traceFile := fs.String("trace", "", "write an execution trace of the run to `file`")
	memProfile := fs.String("memprofile", "", "write an allocation profile of the run to `file`")
	heapProfile := fs.String("heapprofile", "", "write a profile of what is live after the run to `file`")
	memClasses := fs.Bool("memclasses", false, "print to standard error where the runtime's memory is after the run, and the process's status")
	cache := fs.String("cache", "", "restart: the build cache `file` to read")
	writeCache := fs.String("write-cache", "", "capsule: write the build cache to `file` after the run")
	fs.Parse(args)
	profileMemoryOnlyIf(*memProfile + *heapProfile)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *traceFile != "" {
		f, err := os.Create(*traceFile)
		if err != nil {
			log.Fatal(err)
		}
		trace.Start(f)
		defer trace.Stop()
	}
	if *memProfile != "" {
		defer func() {
			f, err := os.Create(*memProfile)
			if err != nil {
				log.Fatal(err)
			}
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}()
	}
	start := time.Now()
	var keep any
	var held int64
	var rendered int
	var cacheSize int64
	switch *mode {
	case "capsule":
		st, loaded := buildCapsule(*dir, "")
		keep, held, rendered = st, st.Held, st.Rendered
		if *writeCache != "" {
			if _, err := st.WriteCache(*writeCache, *dir, loaded); err != nil {
				log.Fatal(err)
			}
			return
		}
	case "restart":
		st, _ := buildCapsule(*dir, *cache)
		keep, held, rendered = st, st.Held, st.Rendered
		fi, err := os.Stat(*cache)
		if err != nil {
			log.Fatal(err)
		}
		cacheSize = fi.Size()
	case "floor":
		keep = buildFloor(*dir)
	default:
		log.Fatalf("unknown mode %q", *mode)
	}
	wall := time.Since(start)
	runtime.GC()
	debug.FreeOSMemory()
	if *heapProfile != "" {
		writeHeapProfile(*heapProfile)
	}
	if *memClasses {
		printMemClasses()
	}
	pid := os.Getpid()
	peak, _ := memory(pid, "VmHWM")
	rss, _ := memory(pid, "VmRSS")
	var readAll int
	if st, ok := keep.(*capsule.Store); ok && *mode == "restart" {
		readEveryResponse(st)
		readAll, _ = memory(pid, "VmRSS")
	}
	runtime.KeepAlive(keep)
	json.NewEncoder(os.Stdout).Encode(childResult{Wall: wall, PeakMiB: float64(peak) / 1024, ResidentMiB: float64(rss) / 1024, HeldMiB: float64(held) / (1 << 20),
		Rendered: rendered, CacheMiB: float64(cacheSize) / (1 << 20), ReadAllMiB: float64(readAll) / 1024})
}

// readEveryResponse reads every byte of every response st answers, as
// serving each once would: a restart's responses are in the cache file's
// pages, mapped as they are first read.
func readEveryResponse(st *capsule.Store) {
	sum := byte(0)
	add := func(b []byte) {
		for _, x := range b {
			sum += x
		}
	}
	for _, rt := range st.Routes() {
		if rt.Protocol == "gemini" {
			if r, ok := st.Gemini(rt.Address); ok {
				add(r.Raw)
				for _, t := range r.Tail {
					add(t)
				}
			}
		} else if b, ok := st.Gopher(rt.Address); ok {
			add(b)
		}
	}
	runtime.KeepAlive(sum)
}

// buildCapsule is what capsuled does at startup, without listening: with
// cache, it reads that build cache for the build, as a restart does. It
// returns the Content too (for WriteCache), which only the Store outlives
// in what is measured.
func buildCapsule(dir, cache string) (*capsule.Store, *content.Content) {
	defer daemon.PaceStart()()
	cfg := config.NewConfig()
	cfg.Posts = dir
	if err := cfg.Check(); err != nil {
		log.Fatal(err)
	}
	lo := content.LoadOptions{Location: cfg.Location}
	var file *capsule.Cache
	if cache != "" {
		// As capsuled starts: the cache opened before the posts are
		// loaded, for what the Load takes from it.
		var err error
		if file, _, err = capsule.OpenCache(cache, dir); err != nil {
			log.Fatal(err)
		}
		lo.Saved = file.Saved()
	}
	loaded, err := content.Load(dir, lo)
	if err != nil {
		log.Fatal(err)
	}
	site := &capsule.Site{SiteMeta: loaded.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70, GopherWidth: 70}
	opts := capsule.BuildOptions{PostBudget: time.Minute}
	if file != nil {
		if opts.Previous, err = file.Store(site, loaded); err != nil {
			log.Fatal(err)
		}
	}
	st, err := capsule.Build(context.Background(), site, loaded, opts)
	if err != nil {
		log.Fatal(err)
	}
	loaded.Forget() // as capsuled does: it holds the responses, not the Markdown
	return st, loaded
}

// buildFloor reads every post and renders it to HTML with goldmark (the
// same extensions capsule uses) on all cores, keeping the HTML.
func buildFloor(dir string) [][]byte {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		log.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	out := make([][]byte, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				src, err := os.ReadFile(files[i])
				if err != nil {
					log.Fatal(err)
				}
				var b bytes.Buffer
				doc := md.Parser().Parse(text.NewReader(src))
				if err := md.Renderer().Render(&b, src, doc); err != nil {
					log.Fatal(err)
				}
				out[i] = b.Bytes()
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// generatePosts writes n generated posts of size bytes, made of the
// sentences of the posts in sample, to a new temporary folder, dated an
// hour ago (as on a real blog: the loader takes from the previous load
// only files older than content.RacyWindow), and returns it.
func generatePosts(n, size int, sample string) string {
	sentences, err := postgen.Sentences(sample)
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "capsule-bench-posts")
	if err != nil {
		log.Fatal(err)
	}
	if err := postgen.Write(dir, n, size, sentences); err != nil {
		os.RemoveAll(dir)
		log.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range files {
		os.Chtimes(f, old, old)
	}
	return dir
}

// capsuledBinary is bin, or when it is empty capsuled built into tmp.
func capsuledBinary(bin, tmp string) string {
	if bin != "" {
		return bin
	}
	bin = filepath.Join(tmp, "capsuled")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/capsuled").CombinedOutput(); err != nil {
		log.Fatalf("building capsuled (run from the repository's root): %v\n%s", err, out)
	}
	return bin
}

// printMemClasses prints to standard error where the runtime's memory is
// now, and the process's status (-memclasses).
func printMemClasses() {
	for _, d := range metrics.All() {
		if strings.HasPrefix(d.Name, "/memory/classes/") {
			s := []metrics.Sample{{Name: d.Name}}
			metrics.Read(s)
			fmt.Fprintf(os.Stderr, "%-50s %8.1f MiB\n", d.Name, float64(s[0].Value.Uint64())/(1<<20))
		}
	}
	b, _ := os.ReadFile("/proc/self/status")
	os.Stderr.Write(b)
}

// writeHeapProfile writes a profile of what is live to path (-heapprofile).
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	pprof.Lookup("heap").WriteTo(f, 0)
	f.Close()
}

// copyBlog copies the blog in dir to a new temporary folder, which the
// reloads' edits change and the run removes (-blog), and returns it.
// Version control's folder (.git) is left behind; symbolic links are
// copied as links; files are dated an hour ago, as generatePosts dates
// its posts.
func copyBlog(dir string) string {
	to, err := os.MkdirTemp("", "capsule-bench-blog")
	if err != nil {
		log.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		dst := filepath.Join(to, rel)
		switch {
		case e.IsDir() && e.Name() == ".git":
			return filepath.SkipDir
		case e.IsDir():
			return os.MkdirAll(dst, 0o755)
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(target, dst)
		case !e.Type().IsRegular():
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
		return os.Chtimes(dst, old, old)
	})
	if err != nil {
		os.RemoveAll(to)
		log.Fatalf("copying the blog: %v", err)
	}
	return to
}
