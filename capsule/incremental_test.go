package capsule

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/gopher"
)

var incrementalSteps = flag.Int("incremental.steps", 40, "random changes TestIncrementalBuildIsAFullBuild applies (more by hand: -incremental.steps 2000)")
var incrementalSeed = flag.Uint64("incremental.seed", 0, "seed of TestIncrementalBuildIsAFullBuild's changes (0: from the time; the seed is logged)")

// editedFolder is a posts folder that a test changes at random, one change
// a step, the way authors do.
type editedFolder struct {
	t     *testing.T
	dir   string
	rnd   *rand.Rand
	clock time.Time // modification times given to files: distinct, in the past
	next  int       // number of the next new post
	// bundles makes a Hugo content folder: each post a page bundle,
	// posts/pN/index.md, with its images beside it.
	bundles bool
}

// postName is the file of post n: most are pN, some have a space and
// Japanese in their names, some are named like capsule's own pages.
func (f *editedFolder) postName(n int) string {
	name := fmt.Sprintf("p%d", n)
	switch n % 8 {
	case 3:
		name = fmt.Sprintf("記事 %d", n)
	case 5:
		name = []string{"search", "archive", "archives", "tags"}[n/8%4]
	}
	if f.bundles {
		return "posts/" + name + "/index.md"
	}
	return name + ".md"
}

// The names a generated post may have: few, so that links between posts,
// renames onto old names and deletions of linked posts all happen.
func (f *editedFolder) posts() []string {
	pattern := "*.md"
	if f.bundles {
		pattern = "posts/*/index.md"
	}
	m, _ := filepath.Glob(filepath.Join(f.dir, pattern))
	var out []string
	for _, p := range m {
		if rel, _ := filepath.Rel(f.dir, p); filepath.Base(p) != content.SiteFile {
			out = append(out, filepath.ToSlash(rel))
		}
	}
	slices.Sort(out)
	return out
}

// write writes a file and dates it in the past, a different time each,
// as a file saved long before the reload is: so that the loader may take
// it from the previous load.
func (f *editedFolder) write(name, text string) {
	f.t.Helper()
	path := filepath.Join(f.dir, name)
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
	f.clock = f.clock.Add(time.Second)
	if err := os.Chtimes(path, f.clock, f.clock); err != nil {
		f.t.Fatal(err)
	}
}

var editWords = []string{"合気道", "稽古", "ラズパイ", "OpenStack", "今日は", "晴れ", "Gemini", "gopher", "親知らず", "手首"}

// newPost is a random post: front matter, paragraphs, links to other
// posts (existing or not), to files, and out.
func (f *editedFolder) newPost() string {
	r := f.rnd
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = \"%s %d\"\n", editWords[r.IntN(len(editWords))], r.IntN(1000))
	blank := r.IntN(6) == 0 // a theme's layout page: front matter only
	switch r.IntN(12) {
	case 0, 11:
		b.WriteString("page = true\n")
	case 1:
		b.WriteString("draft = true\ndate = 2021-03-04\n")
	default:
		fmt.Fprintf(&b, "date = 20%02d-%02d-%02d\n", 10+r.IntN(12), 1+r.IntN(12), 1+r.IntN(28))
	}
	// Hugo's publishing keys, now and then: an expiry passed or to come
	// (the load's Now is 2021-06-01), no listing, no page, no files.
	switch r.IntN(16) {
	case 0:
		b.WriteString("expiryDate = 2021-01-01\n")
	case 1:
		b.WriteString("expiryDate = 2022-01-01\n")
	case 2:
		b.WriteString("headless = true\n")
	}
	switch r.IntN(16) {
	case 0:
		b.WriteString("build = { list = \"never\" }\n")
	case 1:
		b.WriteString("build = { render = \"never\" }\n")
	case 2:
		b.WriteString("_build = { publishResources = false }\n")
	}
	if r.IntN(4) > 0 {
		tags := []string{}
		for range 1 + r.IntN(3) {
			// ("Tech" and "tech" are one tag of a Hugo site, spelt as
			// most posts spell it: an edit may respell others.)
			tags = append(tags, fmt.Sprintf("%q", []string{"日記", "tech", "合気道", "WiMAX", "ラズパイ", "CI/CD", "Tech"}[r.IntN(7)]))
		}
		fmt.Fprintf(&b, "tags = [%s]\n", strings.Join(tags, ", "))
	}
	b.WriteString("+++\n\n")
	if blank {
		return b.String()
	}
	for range 1 + r.IntN(4) {
		for range 1 + r.IntN(3) {
			b.WriteString(editWords[r.IntN(len(editWords))] + "の話。")
		}
		b.WriteString("\n\n")
	}
	posts := f.posts()
	for range r.IntN(3) {
		switch r.IntN(7) {
		case 0:
			if len(posts) > 0 {
				fmt.Fprintf(&b, "[前の記事](%s)\n\n", f.linkTo(posts[r.IntN(len(posts))]))
			}
		case 1:
			fmt.Fprintf(&b, "[消えた記事](p%d.md)\n\n", r.IntN(f.next+2))
		case 2:
			fmt.Fprintf(&b, "[スラッグで](/posts/p%d)\n\n", r.IntN(f.next+2))
		case 3:
			fmt.Fprintf(&b, "![写真](images/i%d.png)\n\n", r.IntN(3))
		case 4:
			// A file beside the bundle's index.md, its own or another's.
			fmt.Fprintf(&b, "![表紙](i%d.png) ![隣の](../p%d/i%d.png) {{< ref \"p%d\" >}}\n\n", r.IntN(3), r.IntN(f.next+2), r.IntN(3), r.IntN(f.next+2))
		case 5:
			// A link to the generator's page of a tag, which leads to
			// the capsule's while a post has the tag.
			fmt.Fprintf(&b, "[タグ](/tags/%s/) {{< ref \"/tags/tech\" >}}\n\n", []string{"tech", "%E6%97%A5%E8%A8%98", "wimax", "nope"}[r.IntN(4)])
		default:
			b.WriteString("=> gemini://example.org/ 外\n\n[外](https://example.com/x)\n\n")
		}
	}
	return b.String()
}

// linkTo is a link to the post at name (relative to the folder), as
// authors write it: from the folder's top, or from a bundle beside it.
func (f *editedFolder) linkTo(name string) string {
	name = strings.ReplaceAll(name, " ", "%20")
	if f.bundles && f.rnd.IntN(2) == 0 {
		return "../" + strings.TrimPrefix(name, "posts/")
	}
	if f.bundles {
		return "/" + name
	}
	return name
}

// change applies one random change and says what it was.
func (f *editedFolder) change() string {
	r := f.rnd
	posts := f.posts()
	pick := func() string { return posts[r.IntN(len(posts))] }
	switch op := r.IntN(10); {
	case op == 0 || len(posts) < 4:
		name := f.postName(f.next)
		f.next++
		f.write(name, f.newPost())
		return "add " + name
	case op == 1:
		// A bundle's index.md goes, its files stay: nobody's now.
		name := pick()
		os.Remove(filepath.Join(f.dir, name))
		return "delete " + name
	case op == 2:
		from, to := pick(), f.postName(r.IntN(f.next+1))
		if f.bundles {
			from, to = filepath.Dir(from), filepath.Dir(to) // the bundle, files and all
		}
		if os.Rename(filepath.Join(f.dir, from), filepath.Join(f.dir, to)) != nil {
			return "rename failed"
		}
		return "rename " + from + " → " + to
	case op == 3:
		name := fmt.Sprintf("images/i%d.png", r.IntN(3))
		if f.bundles && r.IntN(3) > 0 {
			name = fmt.Sprintf("posts/p%d/i%d.png", r.IntN(f.next+1), r.IntN(3))
		}
		if r.IntN(2) == 0 {
			os.Remove(filepath.Join(f.dir, name))
			return "delete " + name
		}
		f.write(name, fmt.Sprintf("PNG %d", r.IntN(100)))
		return "write " + name
	case op == 4:
		// A new title, description, author or favicon: on every page or
		// in feeds, in no post's body.
		desc := []string{"", "description = \"日記\"\n", "description = \"稽古の記録\"\n"}[r.IntN(3)]
		desc += []string{"", "author = \"筆者\"\n", "favicon = \"😊\"\n"}[r.IntN(3)]
		// Now and then a text: the home page's (a blog's pages are
		// keyed by it: othersKey).
		home := []string{"", "", "ようこそ。\n", "稽古の記録です。\n"}[r.IntN(4)]
		f.write(content.SiteFile, fmt.Sprintf("+++\ntitle = \"題 %d\"\nlang = \"ja\"\n%s+++\n%s", r.IntN(3), desc, home))
		return "site file"
	default:
		// Rewrite a post: all new, or one line of its front matter or
		// body changed.
		name := pick()
		old, err := os.ReadFile(filepath.Join(f.dir, name))
		if err != nil {
			return "read failed"
		}
		text := string(old)
		switch r.IntN(6) {
		case 0:
			text = f.newPost()
		case 1:
			if i := strings.Index(text, "date = "); i >= 0 {
				text = text[:i] + fmt.Sprintf("date = 20%02d-%02d-%02d", 10+r.IntN(12), 1+r.IntN(12), 1+r.IntN(28)) + text[i+len("date = 2000-01-01"):]
			}
		case 2:
			text = strings.Replace(text, "+++\n\n", "+++\n\n"+editWords[r.IntN(len(editWords))]+"を追記。\n\n", 1)
		case 3:
			text = strings.Replace(text, "title = \"", "title = \"改", 1)
		case 4:
			text += fmt.Sprintf("\n[リンク](%s)\n", strings.ReplaceAll(pick(), " ", "%20"))
		default:
			text = strings.Replace(text, "日記", "tech", 1)
		}
		f.write(name, text)
		return "edit " + name
	}
}

// TestIncrementalBuildIsAFullBuild changes a folder at random, step by
// step, and after each step compares the Store a reload builds from the
// previous one (loading with LoadOptions.Previous, building with
// BuildOptions.Previous) with a Store built from nothing: every Gemini
// response, every Gopher selector, the drafts, the answers to unknown
// paths and searches, and the warnings, byte for byte.
func TestIncrementalBuildIsAFullBuild(t *testing.T) {
	for _, bundles := range []bool{false, true} {
		t.Run(map[bool]string{false: "flat", true: "bundles"}[bundles], func(t *testing.T) { testIncrementalBuild(t, bundles) })
	}
}

// seededFolder is a folder of a dozen posts made at random from seed
// (from the time when 0), logged with how to rerun test with it (its
// flags named by flag); stream tells the tests' random changes apart.
func seededFolder(t *testing.T, seed, stream uint64, bundles bool, test, flag string, steps int) *editedFolder {
	t.Helper()
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (rerun: go test ./capsule -run %s -%s.seed %d -%s.steps %d)", seed, test, flag, seed, flag, steps)
	f := &editedFolder{t: t, dir: t.TempDir(), rnd: rand.New(rand.NewPCG(seed, stream)), clock: time.Now().Add(-240 * time.Hour), bundles: bundles}
	f.write(content.SiteFile, "+++\ntitle = \"題\"\nlang = \"ja\"\n+++\n")
	for range 12 {
		f.change()
	}
	return f
}

func testIncrementalBuild(t *testing.T, bundles bool) {
	f := seededFolder(t, *incrementalSeed, 7, bundles, "TestIncrementalBuildIsAFullBuild", "incremental", *incrementalSteps)
	// Now and then the daemon's settings change too, and with them every
	// post's body: its gopher text's width, the host its links name.
	host, width := "localhost", 40
	site := func(c *content.Content) *Site {
		// The feed's text too only for flat folders: a dozen posts are
		// all under feedFullPosts, whose entries the feed holds with
		// their text; without it, the feed holds every entry as it is
		// (Store.atoms).
		return &Site{SiteMeta: c.Meta, Hostname: host, GeminiPort: 1965, GopherPort: 70, GopherWidth: width,
			Authors: []string{"aa"}, FeedContent: !bundles}
	}
	opts := content.LoadOptions{Settle: -1, Now: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)}
	var prevContent *content.Content
	var prev *Store
	scratch := new(content.Scratch) // the incremental loads', as the daemon's reloads share one
	reused, retitled, rewrapped, broken, unchanged, takenWhole := 0, 0, 0, 0, 0, 0
	seen := map[string]int{} // what the steps' Stores had, summed
	for step := 0; step < *incrementalSteps; step++ {
		what := f.change()
		if step%10 == 5 { // a new title at least every ten steps, alone or with the change
			f.write(content.SiteFile, fmt.Sprintf("+++\ntitle = \"題 %d\"\nlang = \"ja\"\n+++\n", step))
			what += ", a new title"
		}
		k := f.rnd.IntN(12)
		if step%20 == 13 {
			k = 0 // a new width at least every twenty steps, alone or with the change
		}
		switch k {
		case 0:
			width = 90 - width
			what += fmt.Sprintf(", gopher width %d", width)
		case 1:
			host = map[string]string{"localhost": "example.org", "example.org": "localhost"}[host]
			what += ", hostname " + host
		}
		fresh, freshErr := content.Load(f.dir, opts)
		incOpts := opts
		incOpts.Previous, incOpts.Scratch = prevContent, scratch
		inc, incErr := content.Load(f.dir, incOpts)
		if (freshErr == nil) != (incErr == nil) || freshErr != nil && freshErr.Error() != incErr.Error() {
			t.Fatalf("step %d (%s): loading from nothing: %v; from the previous load: %v", step, what, freshErr, incErr)
		}
		if freshErr != nil {
			broken++
			continue // a broken folder: nothing served changes
		}
		want, wantErr := Build(context.Background(), site(fresh), fresh, BuildOptions{})
		got, gotErr := Build(context.Background(), site(inc), inc, BuildOptions{Previous: prev, PreviousContent: prevContent})
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Fatalf("step %d (%s): building from nothing: %v; from the previous Store: %v", step, what, wantErr, gotErr)
		}
		if wantErr != nil {
			broken++
			continue
		}
		if diff := storeDiff(want, got); diff != "" {
			t.Fatalf("step %d (%s): the reload differs from a build from nothing: %s", step, what, diff)
		}
		if h := referenceHeld(got); got.Held != h {
			t.Fatalf("step %d (%s): the reload holds %d bytes, counted one by one %d", step, what, got.Held, h)
		}
		for key := range got.gemini {
			switch {
			case strings.HasPrefix(key, pagesDir):
				seen["pages moved under "+pagesDir]++
			case strings.Contains(key, "記事"):
				seen["posts named with a space and Japanese"]++
			case strings.HasPrefix(key, "/tags/CI/CD"):
				seen["pages of the tag CI/CD"]++
			}
		}
		for _, w := range got.Warnings {
			if strings.Contains(w.Msg, "theme's layout page") {
				seen["layout stubs left out"]++
			}
		}
		if prev != nil {
			for file, r := range got.renders {
				if prev.renders[file] == r {
					reused++
				}
			}
		}
		retitled, rewrapped = retitled+got.Retitled, rewrapped+got.Rewrapped
		inc.Forget() // as the daemon does: the next build reads back what it renders
		prevContent, prev = inc, got
		// And a reload with nothing changed since: the Store is kept,
		// nothing rendered, and it is still a build from nothing.
		again, err := content.Load(f.dir, content.LoadOptions{Settle: opts.Settle, Now: opts.Now, Previous: prevContent, Scratch: scratch})
		if err != nil {
			t.Fatalf("step %d (%s): loading again, nothing changed: %v", step, what, err)
		}
		kept, err := Build(context.Background(), site(again), again, BuildOptions{Previous: prev, PreviousContent: prevContent})
		if err != nil {
			t.Fatalf("step %d (%s): building again, nothing changed: %v", step, what, err)
		}
		if diff := storeDiff(want, kept); diff != "" {
			t.Fatalf("step %d (%s): a reload with nothing changed differs from a build from nothing: %s", step, what, diff)
		}
		if kept.Rendered != 0 || kept.Retitled != 0 || kept.Rewrapped != 0 {
			t.Fatalf("step %d (%s): nothing changed, and %d rendered anew, %d retitled, %d rewrapped", step, what, kept.Rendered, kept.Retitled, kept.Rewrapped)
		}
		if len(again.Posts) > 0 && again.Posts[0] == prevContent.Posts[0] {
			takenWhole++ // its posts the very ones the load before made (content's poststage.go)
		}
		if kept.gemini["/"] == prev.gemini["/"] {
			unchanged++
		}
		again.Forget()
		prevContent, prev = again, kept
	}
	if *incrementalSteps >= 20 && reused == 0 {
		t.Errorf("no post was ever taken from the previous Store: the test proves nothing")
	}
	if *incrementalSteps >= 20 && retitled == 0 {
		t.Errorf("no post was ever retitled: the test proves nothing of a new title")
	}
	if *incrementalSteps >= 20 && rewrapped == 0 {
		t.Errorf("no post's Gopher text was ever rewrapped: the test proves nothing of a new width")
	}
	if *incrementalSteps >= 20 && unchanged == 0 {
		t.Errorf("no Store was ever kept by a reload with nothing changed: the test proves nothing")
	}
	if *incrementalSteps >= 20 && takenWhole == 0 {
		t.Errorf("no reload with nothing changed ever took the posts of the load before: the test proves nothing of it")
	}
	t.Logf("%d steps (%d leaving the folder broken), %d posts' pieces taken from the previous Store, %d retitled, %d rewrapped, %d Stores kept with nothing changed, %d loads taking the posts whole; over the steps: %v", *incrementalSteps, broken, reused, retitled, rewrapped, unchanged, takenWhole, seen)
}

// storeDiff describes the first difference between what two Stores answer,
// or is empty.
func storeDiff(want, got *Store) string {
	if d := mapDiff("gemini", want.gemini, got.gemini, func(r *gemini.Response) []byte { return r.Bytes() }); d != "" {
		return d
	}
	if d := mapDiff("gopher", want.gopher, got.gopher, func(b []byte) []byte { return b }); d != "" {
		return d
	}
	if d := mapDiff("drafts", want.drafts, got.drafts, func(r *gemini.Response) []byte { return r.Bytes() }); d != "" {
		return d
	}
	fixed := map[string][2][]byte{
		"53":           {want.geminiWrongHost.Bytes(), got.geminiWrongHost.Bytes()},
		"51":           {want.geminiNotFound.Bytes(), got.geminiNotFound.Bytes()},
		"gopher 3":     {want.gopherNotFound, got.gopherNotFound},
		"gopher plus":  {want.gopherPlusRoot, got.gopherPlusRoot},
		"gopher ratio": {want.gopherSlowDown, got.gopherSlowDown},
	}
	for name, pair := range fixed {
		if !bytes.Equal(pair[0], pair[1]) {
			return fmt.Sprintf("%s: %q, want %q", name, pair[1], pair[0])
		}
	}
	for _, q := range append(slices.Clone(editWords), "の話", "追記", "改", "x", "openstack", "ｏｐｅｎｓｔａｃｋ", "gem", "らずぱい", "ﾗｽﾞﾊﾟｲ") {
		// The request line without its CRLF (Capsule.Gemini's): with it,
		// both answered 59, and searches were not compared.
		w := New(want).Gemini([]byte(want.Site.GeminiLinkURL(searchPath) + "?" + url.PathEscape(q)))
		g := New(got).Gemini([]byte(got.Site.GeminiLinkURL(searchPath) + "?" + url.PathEscape(q)))
		if w.Status != gemini.StatusSuccess {
			return fmt.Sprintf("search %q: %q", q, w.Bytes())
		}
		if !bytes.Equal(w.Bytes(), g.Bytes()) {
			return fmt.Sprintf("search %q: %q, want %q", q, g.Bytes(), w.Bytes())
		}
		wg, _ := New(want).Gopher(&gopher.Request{Selector: searchPath, Search: q})
		gg, _ := New(got).Gopher(&gopher.Request{Selector: searchPath, Search: q})
		if !bytes.Equal(wg, gg) {
			return fmt.Sprintf("gopher search %q: %q, want %q", q, gg, wg)
		}
	}
	if w, g := fmt.Sprint(want.Warnings), fmt.Sprint(got.Warnings); w != g {
		return fmt.Sprintf("warnings %s, want %s", g, w)
	}
	if want.Posts != got.Posts || want.Tags != got.Tags || want.Redirects != got.Redirects || !reflect.DeepEqual(want.Scheduled, got.Scheduled) ||
		!want.NextChange().Equal(got.NextChange()) {
		return "counts differ"
	}
	return ""
}

func mapDiff[V any](name string, want, got map[string]V, raw func(V) []byte) string {
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			return fmt.Sprintf("%s %q missing", name, k)
		}
		if !bytes.Equal(raw(w), raw(g)) {
			return fmt.Sprintf("%s %q:\n%s\nwant:\n%s", name, k, raw(g), raw(w))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("%s %q should not be there", name, k)
		}
	}
	return ""
}
