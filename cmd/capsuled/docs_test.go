package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"capsule/capsule/tlscert"
)

// docs are the documents whose commands, flags and log lines must stay
// true.
var docs = []string{"../../README.md", "../../contrib/README.md"}

// definedFlags are the flags capsuled -h lists.
func definedFlags(t *testing.T) []string {
	t.Helper()
	out, _ := exec.Command(capsuled, "-h").CombinedOutput()
	var flags []string
	for _, m := range regexp.MustCompile(`(?m)^  -([a-z0-9-]+)`).FindAllStringSubmatch(string(out), -1) {
		flags = append(flags, m[1])
	}
	if len(flags) < 20 {
		t.Fatalf("capsuled -h lists %d flags:\n%s", len(flags), out)
	}
	return append(flags, "h", "help")
}

var (
	// A code span or a code block line that starts with a flag, and the
	// flags in it.
	flagSpan = regexp.MustCompile("`(-[a-z][^`]*)`")
	flagWord = regexp.MustCompile(`^-([a-z][a-z0-9-]*)$`)
	// A command line of capsuled in a code block.
	capsuledLine = regexp.MustCompile(`(?m)^    .*\bcapsuled( .*)$`)
)

// Every flag the documents show exists: in code spans that start with a
// flag (unless they are capsule-bench's, said just before) and on
// capsuled command lines.
func TestDocumentedFlagsExist(t *testing.T) {
	defined := definedFlags(t)
	for _, doc := range docs {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		var shown []string
		for _, m := range flagSpan.FindAllStringSubmatchIndex(text, -1) {
			before := text[max(0, m[0]-20):m[0]]
			if strings.Contains(before, "capsule-bench") || strings.Contains(before, "go test") {
				continue
			}
			shown = append(shown, flagsIn(text[m[2]:m[3]])...)
		}
		for _, m := range capsuledLine.FindAllStringSubmatch(text, -1) {
			if strings.Contains(m[0], "go build") || strings.Contains(m[0], "capsuled:") {
				continue
			}
			shown = append(shown, flagsIn(m[1])...)
		}
		if len(shown) == 0 {
			t.Errorf("%s: found no flags to check", doc)
		}
		for _, f := range shown {
			if !slices.Contains(defined, f) {
				t.Errorf("%s shows -%s, which capsuled does not have", doc, f)
			}
		}
	}
}

// flagsIn lists the flags of a command line's words: "-name" or
// "-name=value" (a word like "-assume_charset=utf-8" is another program's).
func flagsIn(line string) []string {
	var flags []string
	for _, w := range strings.Fields(line) {
		w, _, _ = strings.Cut(w, "=")
		if m := flagWord.FindStringSubmatch(w); m != nil {
			flags = append(flags, m[1])
		}
	}
	return flags
}

// What the documents tell operators to grep the log for is in a log
// message.
func TestDocumentedLogLinesExist(t *testing.T) {
	var sources strings.Builder
	for _, dir := range []string{"../../capsule", "../../capsule/*", "."} {
		files, _ := filepath.Glob(dir + "/*.go")
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, _ := os.ReadFile(f)
			sources.Write(b)
		}
	}
	grep := regexp.MustCompile(`\| grep (?:-[a-zA-Z]+ )*'?([^'\s|]+)`)
	n := 0
	for _, doc := range docs {
		b, _ := os.ReadFile(doc)
		for _, m := range grep.FindAllStringSubmatch(string(b), -1) {
			n++
			if !strings.Contains(sources.String(), m[1]) {
				t.Errorf("%s greps the log for %q, which no log message says", doc, m[1])
			}
		}
	}
	if n == 0 {
		t.Error("no grep of the log found in the documents")
	}
}

// The README's broken post prints what the README shows, line for line,
// with -check; a start serves the rest and logs the README's line.
func TestReadmeBrokenPostExample(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "A broken post never takes the blog down")
	if !ok {
		t.Fatal("README has no broken post example")
	}
	var want []string
	started := false
	for _, line := range strings.Split(after, "\n") {
		if code, ok := strings.CutPrefix(line, "    "); ok {
			want = append(want, code)
			started = true
		} else if started {
			break
		}
	}
	if len(want) != 3 || !strings.HasPrefix(want[1], "posts/2017-05-03-hello-again.md:3: ") {
		t.Fatalf("README example %q", want)
	}
	// The line a reload ends with, then a start's.
	lines := regexp.MustCompile("`(capsuled: 1 problem in posts: [^`]*)`").FindAllStringSubmatch(after, 2)
	if len(lines) != 2 || !strings.Contains(lines[1][1], "build cache") {
		t.Fatalf("README shows no lines for a reload and a start with a broken post: %q", lines)
	}
	reloadLine, startLine := lines[0][1], lines[1][1]
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "posts"), 0o755)
	os.WriteFile(filepath.Join(dir, "posts", "2017-05-03-hello-again.md"), []byte("+++\ntitle = \"_・)やあ\"\ndate = \"yesterday\"\n+++\n本文\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "posts", "2017-05-05-fine.md"), []byte("+++\ntitle = \"元気\"\ndate = 2017-05-05\n+++\n本文\n"), 0o644)
	cmd := exec.Command(capsuled, "-check", "-posts", "posts", "-certs", "certs")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if got := strings.Split(strings.TrimSpace(string(out)), "\n"); !slices.Equal(got, want) {
		t.Errorf("capsuled -check printed\n%s\nthe README shows\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	start := exec.Command(capsuled, "-posts", "posts", "-certs", "certs", "-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-watch=false")
	start.Dir = dir
	d := startCapsuled(t, start)
	d.waitFor(t, want[1])
	d.waitFor(t, startLine)
	if menu := gopherGet(t, d.gopher, ""); !strings.Contains(menu, "元気") {
		t.Errorf("the rest is not served:\n%s", menu)
	}
	start.Process.Signal(syscall.SIGHUP)
	d.waitFor(t, want[1])
	d.waitFor(t, reloadLine)
}

// The lines the README says a first start prints are printed: the same
// words, with the addresses, fingerprints and times of this run.
func TestReadmeStartLines(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(b), "listener with the URL to open:")
	var want []*regexp.Regexp
	for _, line := range strings.Split(after, "\n")[1:] {
		code, ok := strings.CutPrefix(line, "    ")
		if !ok {
			if len(want) > 0 {
				break
			}
			continue
		}
		// What differs from run to run: fingerprints (…), listen
		// addresses, times, the certificates folder.
		code = regexp.MustCompile(`[0-9A-F]{2}:…`).ReplaceAllString(code, "…") // a fingerprint's start
		re := regexp.QuoteMeta(code)
		re = strings.ReplaceAll(re, "…", ".*")
		re = strings.ReplaceAll(re, `\[::\]:1965`, `\S+`)
		re = strings.ReplaceAll(re, `\[::\]:7070`, `\S+`)
		re = strings.ReplaceAll(re, "certs/", `\S*/`)
		re = strings.ReplaceAll(re, " certs ", ` \S+ `)
		re = strings.ReplaceAll(re, "capsuled: posts: ", `capsuled: \S+: `) // the posts folder, as given
		re = strings.ReplaceAll(re, " in posts changes", ` in \S+ changes`)
		re = regexp.MustCompile(`4\\\.1ms`).ReplaceAllString(re, `[0-9.]+[µm]?s`)
		re = regexp.MustCompile(`[0-9]+ KiB`).ReplaceAllString(re, `[0-9.]+ [KM]iB`)
		want = append(want, regexp.MustCompile("^"+re+"$"))
	}
	if len(want) < 4 {
		t.Fatalf("README shows %d start lines", len(want))
	}
	cmd := exec.Command(capsuled, "-posts", samplePosts, "-certs", filepath.Join(t.TempDir(), "certs"),
		"-gemini", "127.0.0.1:0", "-gemini-port", "1965", "-gopher", "127.0.0.1:0", "-gopher-port", "7070")
	d := &capsuledProcess{cmd: cmd, lines: make(chan string, 1000)}
	d.start(t)
	var got []string
	timeout := time.After(10 * time.Second)
	// Every line the README shows, in the order capsuled prints them or
	// not, within the time a start takes.
	missing := func() []string {
		var out []string
		for _, re := range want {
			if !slices.ContainsFunc(got, re.MatchString) {
				out = append(out, re.String())
			}
		}
		return out
	}
	for len(missing()) > 0 {
		select {
		case line, ok := <-d.lines:
			if !ok {
				t.Fatalf("capsuled exited:\n%s", strings.Join(got, "\n"))
			}
			got = append(got, line)
		case <-timeout:
			t.Fatalf("no line matches the README's\n%s\ncapsuled printed:\n%s", strings.Join(missing(), "\n"), strings.Join(got, "\n"))
		}
	}
}

// -check on a Hugo site's root serves its content folder, and says so.
func TestCheckEmptyFolderHints(t *testing.T) {
	root := t.TempDir()
	for name, text := range map[string]string{
		"hugo.toml":                   "title = \"x\"\n",
		"content/posts/first-post.md": "+++\ntitle = \"最初\"\ndate = 2024-01-01\n+++\n本文\n",
	} {
		os.MkdirAll(filepath.Join(root, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(root, name), []byte(text), 0o644)
	}
	// A Hugo site's root: its content folder is what is served, and the
	// first line says so, on standard error, the checked lines on
	// standard output (as the README tells who keeps a report).
	stdout, stderr, code := run(t, "-check", "-posts", root, "-certs", filepath.Join(t.TempDir(), "certs"))
	if code != 0 || !strings.Contains(stdout, ": 1 post, ") || !strings.HasPrefix(stderr, "capsuled: "+root+": a Hugo site (Hugo's hugo.toml): posts from section posts") {
		t.Errorf("Hugo site root: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	// An empty folder, and a fresh `hugo new site` whose one post is a
	// draft: -check and the start agree, an empty blog with a warning
	// that says why, exit 0 (an author's blog in the making is no
	// mistake; a folder that does not exist is one).
	fresh := t.TempDir()
	os.WriteFile(filepath.Join(fresh, "hugo.toml"), []byte("title = \"My New Hugo Site\"\n"), 0o644)
	os.MkdirAll(filepath.Join(fresh, "content/posts"), 0o755)
	os.WriteFile(filepath.Join(fresh, "content/posts/my-first-post.md"), []byte("+++\ntitle = 'My First Post'\ndate = 2024-01-01\ndraft = true\n+++\n"), 0o644)
	for dir, warning := range map[string]string{
		t.TempDir(): "no posts and no pages to serve: only the home page will be there",
		fresh:       "no posts and no pages to serve yet (1 draft): only the home page will be there until one is published",
	} {
		stdout, stderr, code = run(t, "-check", "-posts", dir, "-certs", filepath.Join(t.TempDir(), "certs"))
		if code != 0 || !strings.Contains(stdout, "ok:") || !strings.Contains(stderr, warning) {
			t.Errorf("-check on %s: exit %d\nstdout: %s\nstderr: %s", dir, code, stdout, stderr)
		}
		d := startCapsuled(t, exec.Command(capsuled, "-posts", dir, "-certs", t.TempDir(), "-watch=false", "-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0"))
		if !strings.HasPrefix(geminiGet(t, d.gemini, "/"), "20 ") {
			t.Errorf("the start on %s serves no home page", dir)
		}
		d.cmd.Process.Kill()
	}
}

// -fingerprint prints what a TLS client sees of the certificate, as
// [authors] certificates takes it.
func TestFingerprintCommand(t *testing.T) {
	dir := t.TempDir()
	cert, err := tlscert.Create(dir, "author")
	if err != nil {
		t.Fatal(err)
	}
	certFile, _ := tlscert.Paths(dir, "author")
	stdout, stderr, code := run(t, "-fingerprint", certFile)
	if code != 0 || strings.TrimSpace(stdout) != tlscert.Fingerprint(&cert) {
		t.Errorf("exit %d, printed %q (stderr %q), want %s", code, stdout, stderr, tlscert.Fingerprint(&cert))
	}
	if _, stderr, code := run(t, "-fingerprint", filepath.Join(dir, "author.key")); code != 1 || !strings.Contains(stderr, "no PEM certificate") {
		t.Errorf("a key file: exit %d, %q", code, stderr)
	}
}

// -check counts drafts and scheduled posts, lists what is scheduled
// and when, and says when no author certificate is set to read them.
func TestCheckListsScheduled(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("+++\ntitle = \"公開済み\"\ndate = 2020-01-01\n+++\n本文\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "later.md"), []byte("+++\ntitle = \"来年の記事\"\ndate = 2999-01-01T09:00:00+09:00\n+++\n本文\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "wip.md"), []byte("+++\ntitle = \"書きかけ\"\ndate = 2020-01-02\ndraft = true\n+++\n本文\n"), 0o644)
	stdout, stderr, code := run(t, "-check", "-posts", dir, "-certs", filepath.Join(t.TempDir(), "certs"))
	if code != 0 || !strings.Contains(stdout, "scheduled: 2999-01-01T09:00:00+09:00 来年の記事 (") ||
		!regexp.MustCompile(`(?m)^checked posts in .*: 1 post, .* redirects, 1 draft, 1 scheduled$`).MatchString(stdout) ||
		!strings.Contains(stdout, "\ndrafts: no author certificate is set, so no one can read") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	// With an author's certificate, nothing is said of it.
	stdout, stderr, code = run(t, "-check", "-posts", dir, "-certs", filepath.Join(t.TempDir(), "certs"), "-author-certificate", strings.Repeat("AB", 32))
	if code != 0 || strings.Contains(stdout, "no author certificate") {
		t.Errorf("with an author: exit %d\n%s%s", code, stdout, stderr)
	}
}

// -routes lists the addresses as the README shows them: host, protocol,
// status, address, a redirect's target.
func TestRoutesCommand(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("+++\ntitle = \"A\"\ndate = 2020-01-01\naliases = [\"/old/\"]\ntags = [\"Advent Calendar\"]\n+++\n本文\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "50%\u3000off.txt"), []byte("a file\n"), 0o644)
	stdout, stderr, code := run(t, "-routes", "-posts", dir, "-certs", filepath.Join(t.TempDir(), "certs"))
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, want := range []string{
		"localhost gemini 20 /",
		"localhost gemini 20 /posts/a.gmi",
		"localhost gemini 31 /old/ → gemini://localhost/posts/a.gmi",
		"localhost gopher - /posts/a.txt",
		"localhost gemini 20 /tags/Advent%20Calendar.gmi", // a space as links write it: a line splits on spaces
		"localhost gopher - /tags/Advent%20Calendar",
		"localhost gemini 20 /50%25%E3%80%80off.txt", // "%" as %25, an ideographic space as %E3%80%80
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q in -routes:\n%s%s", want, stdout, stderr)
		}
	}
	if code != 0 || strings.Contains(stdout, "ok: no problems") {
		t.Errorf("exit %d, or the -check report printed too:\n%s", code, stdout)
	}
	// A configuration file kept in the posts folder is never served (an
	// upload could otherwise replace it too): it was, at /capsule.toml.
	os.WriteFile(filepath.Join(dir, "capsule.toml"), []byte("title = \"T\"\n"), 0o644)
	stdout, stderr, _ = run(t, "-routes", "-config", filepath.Join(dir, "capsule.toml"), "-posts", dir, "-certs", filepath.Join(t.TempDir(), "certs"))
	if strings.Contains(stdout, "capsule.toml") || !strings.Contains(stderr, "the configuration file (-config) is inside the posts folder: never served") {
		t.Errorf("the configuration file in the posts folder:\n%s%s", stdout, stderr)
	}
	// A broken post: the rest is listed, as a start would serve it, and
	// the problem told, with the exit status of -check's.
	os.Remove(filepath.Join(dir, "capsule.toml"))
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("+++\ntitle = 5\ndate = 2020-01-02\n+++\nb\n"), 0o644)
	stdout, stderr, code = run(t, "-routes", "-posts", dir, "-certs", filepath.Join(t.TempDir(), "certs"))
	if lines := strings.Split(stdout, "\n"); !slices.Contains(lines, "localhost gemini 20 /posts/a.gmi") || strings.Contains(stdout, "/posts/b") ||
		code != 1 || !strings.Contains(stderr, "b.md:2: title must be a string") || strings.Contains(stderr, "nothing served") {
		t.Errorf("-routes with a broken post: exit %d\n%s%s", code, stdout, stderr)
	}
	os.Remove(filepath.Join(dir, "b.md"))
	// Uploads on: the sources, once.
	stdout, _, _ = run(t, "-routes", "-posts", dir, "-certs", filepath.Join(t.TempDir(), "certs"), "-titan", "-author-certificate", strings.Repeat("ab", 32))
	if want := "localhost gemini 20 /drafts/source/ (the posts' sources (1), for the author only, who uploads over Titan to the same addresses)"; !slices.Contains(strings.Split(stdout, "\n"), want) {
		t.Errorf("-routes -titan has no %q:\n%s", want, stdout)
	}
}

// The line the README's -layout row quotes, which says what a posts folder
// was read as, is -check's first line and a line of the start's log.
func TestReadmeLayoutLine(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("`capsuled: DIR: (a Hugo site) …`").FindSubmatch(b)
	if m == nil {
		t.Fatal("the README quotes no line naming the posts folder and its layout")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte("title = \"t\"\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "content", "posts"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "posts", "a.md"), []byte("---\ntitle: a\ndate: 2024-01-02\n---\ntext\n"), 0o644)
	want := "capsuled: " + dir + ": " + string(m[1]) + " ("
	out, _ := exec.Command(capsuled, "-check", "-posts", dir, "-certs", t.TempDir()).CombinedOutput()
	if first, _, _ := strings.Cut(string(out), "\n"); !strings.HasPrefix(first, want) {
		t.Errorf("-check's first line is %q, the README says %q…", first, want)
	}
	start := exec.Command(capsuled, "-posts", dir, "-certs", t.TempDir(), "-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-watch=false")
	d := &capsuledProcess{cmd: start, lines: make(chan string, 1000)}
	d.start(t) // startCapsuled would pass the line by, waiting for the listeners
	d.waitFor(t, want)
}

// The README's author's loop, step 1: the post it names, written into a
// copy of the sample as it says, gives the reload line it shows, with
// its numbers of posts and of posts rendered anew (the new post and its
// neighbour, whose page now links to it).
func TestReadmeWritingExample(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, writing, _ := strings.Cut(string(b), "\n## Writing\n")
	watch := regexp.MustCompile(`capsuled: watch: posts/((\d{4}-\d{2}-\d{2})-\S+\.md) changed: reloading`).FindStringSubmatch(writing)
	reload := regexp.MustCompile(`capsuled: reloaded: (\d+) posts in \S+, (\d+) rendered anew`).FindStringSubmatch(writing)
	if watch == nil || reload == nil {
		t.Fatalf("the README's Writing section shows no watch and reload lines:\n%.600s", writing)
	}
	dir := copyPosts(t)
	cmd := exec.Command(capsuled, "-posts", dir, "-certs", t.TempDir(),
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-access-log=false")
	d := startCapsuled(t, cmd)
	d.waitFor(t, "watch: reloading when anything in "+dir+" changes")
	post := filepath.Join(dir, watch[1])
	text := "+++\ntitle = \"近況\"\ndate = " + watch[2] + "\n+++\n\n近況です。\n"
	if err := os.WriteFile(post, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	d.waitFor(t, "watch: "+post+" changed: reloading")
	line := d.waitFor(t, "reloaded: ")
	want := "reloaded: " + reload[1] + " posts in "
	wantRendered := ", " + reload[2] + " rendered anew,"
	if !strings.Contains(line, want) || !strings.Contains(line, wantRendered) {
		t.Errorf("a new post %s in the sample: capsuled logged\n%s\nthe README shows %q", watch[1], line, reload[0])
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
}

// contrib/README.md's install: the example configuration, with only
// hostname and posts edited as it says, serves a Hugo blog under the
// blog's own title, description and language, not the example's.
func TestExampleConfigTakesTheBlogsOwnSite(t *testing.T) {
	example, err := os.ReadFile("../../contrib/capsule.toml")
	if err != nil {
		t.Fatal(err)
	}
	blog := t.TempDir()
	for name, text := range map[string]string{
		"hugo.toml":              "title = \"Field Notes\"\nlanguageCode = \"en-us\"\n[params]\ndescription = \"Notes from the field\"\n",
		"content/posts/hello.md": "---\ntitle: Hello\ndate: 2024-03-01\n---\nFirst post.\n",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(blog, name)), 0o755)
		if err := os.WriteFile(filepath.Join(blog, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edited := regexp.MustCompile(`(?m)^hostname = "[^"]*"`).ReplaceAllString(string(example), `hostname = "localhost"`)
	edited = regexp.MustCompile(`(?m)^posts = "[^"]*"`).ReplaceAllString(edited, `posts = "`+blog+`"`)
	if edited == string(example) || !strings.Contains(edited, `posts = "`+blog+`"`) {
		t.Fatal("contrib/capsule.toml has no top-level hostname and posts lines to edit")
	}
	conf := filepath.Join(t.TempDir(), "capsule.toml")
	os.WriteFile(conf, []byte(edited), 0o644)
	cmd := exec.Command(capsuled, "-config", conf, "-certs", t.TempDir(),
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-access-log=false")
	d := startCapsuled(t, cmd)
	home := geminiGet(t, d.gemini, "/")
	header, body, _ := strings.Cut(home, "\r\n")
	if !strings.HasSuffix(header, "lang=en-us") || !strings.HasPrefix(body, "# Field Notes\n\nNotes from the field\n") ||
		!strings.Contains(body, "=> /tags/ Tags\n") {
		t.Errorf("the example configuration with the blog's hostname and posts serves its home as\n%s", home)
	}
	if menu := gopherGet(t, d.gopher, ""); !strings.HasPrefix(menu, "iField Notes\t") {
		t.Errorf("Gopher home:\n%s", menu)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
}
