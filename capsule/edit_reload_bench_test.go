package capsule

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"capsule/capsule/content"
	"capsule/capsule/postgen"
)

// BenchmarkEditReload is a reload after an author's edit, as the daemon
// does it (Load from the previous Content, Build from the previous Store,
// Forget), at 3,000 and 10,000 generated posts of 16 KiB: "title" changes
// one post's title (the post and its two neighbours are rendered anew,
// and every list that shows it), "none" changes nothing. Each reports
// of-full, the reload's time as a fraction of a full load and build of
// the same folder in the same process (the target is 0.02 or less, and
// nothing measurable for "none"), cpu-of-full, the same of the process's
// CPU time (the collector's work during the reload included: steadier
// than wall time on a machine shared with other work), and the time of
// Load and Build each. The posts are dated an hour ago, as
// on a blog between two edits (older than content.RacyWindow: a reload
// trusts them), and so is the edited one after its edit, so that Load
// does not wait for it to settle (the daemon reloads after
// watch.DefaultQuiet, when it has).
//
//	go test -run '^$' -bench EditReload -benchtime 20x ./capsule
func BenchmarkEditReload(b *testing.B) {
	for _, n := range []int{3000, 10000} {
		b.Run(fmt.Sprintf("posts=%d", n), func(b *testing.B) {
			f := newEditFixture(b, n)
			b.Run("title", func(b *testing.B) { f.run(b, true) })
			b.Run("none", func(b *testing.B) { f.run(b, false) })
		})
	}
}

type editFixture struct {
	dir   string
	files []string
	full  time.Duration // a load and build from nothing
	cpu   time.Duration // the process's CPU time for it
	c     *content.Content
	st    *Store
	edits int
}

func newEditFixture(b *testing.B, n int) *editFixture {
	dir := b.TempDir()
	sentences, err := postgen.Sentences("../posts")
	if err != nil {
		b.Fatal(err)
	}
	if err := postgen.Write(dir, n, 16<<10, sentences); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*-post-*.md"))
	old := time.Now().Add(-time.Hour)
	for _, f := range append(files, filepath.Join(dir, content.SiteFile)) {
		if err := os.Chtimes(f, old, old); err != nil {
			b.Fatal(err)
		}
	}
	f := &editFixture{dir: dir, files: files}
	start, cpu := time.Now(), processCPU()
	f.c, f.st = f.reload(b, nil, nil)
	f.full, f.cpu = time.Since(start), processCPU()-cpu
	return f
}

// reload loads and builds f's folder from c and st (nil: from nothing),
// as the daemon does.
func (f *editFixture) reload(b *testing.B, c *content.Content, st *Store) (*content.Content, *Store) {
	next, err := content.Load(f.dir, content.LoadOptions{Previous: c})
	if err != nil {
		b.Fatal(err)
	}
	site := &Site{SiteMeta: next.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
	built, err := Build(context.Background(), site, next, BuildOptions{Previous: st, PreviousContent: c, PostBudget: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	next.Forget()
	return next, built
}

func (f *editFixture) run(b *testing.B, edit bool) {
	var load, build, gc, cpu time.Duration
	rendered := 0
	for b.Loop() {
		if edit {
			b.StopTimer()
			f.editTitle(b)
			b.StartTimer()
		}
		t, c := time.Now(), processCPU()
		next, err := content.Load(f.dir, content.LoadOptions{Previous: f.c})
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		site := &Site{SiteMeta: next.Meta, Hostname: "localhost", GeminiPort: 1965, GopherPort: 70}
		st, err := Build(context.Background(), site, next, BuildOptions{Previous: f.st, PreviousContent: f.c, PostBudget: time.Minute})
		if err != nil {
			b.Fatal(err)
		}
		next.Forget()
		load, build, cpu = load+t2.Sub(t), build+time.Since(t2), cpu+processCPU()-c
		rendered += st.Rendered
		f.c, f.st = next, st
		b.StopTimer()
		t3 := time.Now()
		runtime.GC()
		gc += time.Since(t3)
		b.StartTimer()
	}
	per := float64(b.Elapsed()) / float64(b.N)
	b.ReportMetric(per/float64(f.full), "of-full")
	b.ReportMetric(float64(cpu)/float64(b.N)/float64(f.cpu), "cpu-of-full")
	b.ReportMetric(float64(load.Milliseconds())/float64(b.N), "load-ms")
	b.ReportMetric(float64(build.Milliseconds())/float64(b.N), "build-ms")
	b.ReportMetric(float64(rendered)/float64(b.N), "rendered")
	b.ReportMetric(float64(gc.Milliseconds())/float64(b.N), "gc-ms")
	b.ReportMetric(float64(f.full.Milliseconds()), "full-ms")
	if !edit && rendered != 0 {
		b.Fatalf("nothing changed, and %d posts were rendered", rendered)
	}
}

// processCPU is the CPU time this process has used, user and system, all
// its threads.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// editTitle changes the title of the next post, and dates the file an
// hour ago (its change time still says it changed).
func (f *editFixture) editTitle(b *testing.B) {
	file := f.files[(f.edits*7919)%len(f.files)]
	f.edits++
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	edited := strings.Replace(string(src), "title = \"", fmt.Sprintf("title = \"改%d ", f.edits), 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		b.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(file, old, old); err != nil {
		b.Fatal(err)
	}
}
