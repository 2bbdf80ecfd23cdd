package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// writeFiles writes files (by path under dir) and returns dir.
func writeFiles(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runIn runs capsuled in dir, so that the files it names are as an
// author would see them ("posts/a.md").
func runIn(t *testing.T, dir string, args ...string) (stdout, stderr []string, code int) {
	t.Helper()
	cmd := exec.Command(capsuled, args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	lines := func(b bytes.Buffer) []string {
		if b.Len() == 0 {
			return nil
		}
		return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	}
	return lines(o), lines(e), code
}

// readmeCode is the first code block of the README after the text
// after, its lines without their indent.
func readmeCode(t *testing.T, after string) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), after)
	if !ok {
		t.Fatalf("the README does not say %q", after)
	}
	var code []string
	for _, line := range strings.Split(rest, "\n") {
		if c, ok := strings.CutPrefix(line, "    "); ok {
			code = append(code, c)
		} else if len(code) > 0 {
			break
		}
	}
	return code
}

// The README's warnings: what -check prints, one line per kind; what
// -check -v prints, every warning and every redirect; what a start logs.
func TestReadmeWarningsExample(t *testing.T) {
	grouped := readmeCode(t, "and an `about.md` without a date give:")
	redirects := readmeCode(t, "every old address that\nredirects to a post:")
	if len(grouped) != 3 || len(redirects) != 1 {
		t.Fatalf("README examples: %q, %q", grouped, redirects)
	}
	dir := writeFiles(t, t.TempDir(), map[string]string{
		"posts/2017-05-03-hello-again.md": "+++\ntitle = \"_・)やあ\"\ndate = 2017-05-03\naliases = [\"/2017/05/03/hello-again.html\"]\n+++\n" +
			"![猫](images/cat.png) ![犬](images/dog.png) ![鳥](images/bird.png)\n",
		"posts/about.md": "+++\ntitle = \"About\"\n+++\n私について\n",
	})
	stdout, stderr, code := runIn(t, dir, "-check", "-posts", "posts", "-certs", "certs")
	stderr = withoutLayout(stderr)
	if code != 0 || !slices.Equal(stderr, grouped) || len(stdout) == 0 || !strings.HasPrefix(stdout[len(stdout)-1], "ok: no problems, 4 warnings, ") {
		t.Errorf("-check: exit %d, printed\n%s\n%s\nthe README shows\n%s", code, strings.Join(stderr, "\n"), strings.Join(stdout, "\n"), strings.Join(grouped, "\n"))
	}

	stdout, stderr, code = runIn(t, dir, "-check", "-v", "-posts", "posts", "-certs", "certs")
	stderr = withoutLayout(stderr)
	every := []string{
		"warning: posts/2017-05-03-hello-again.md:6: link to a file that does not exist: images/cat.png",
		"warning: posts/2017-05-03-hello-again.md:6: link to a file that does not exist: images/dog.png",
		"warning: posts/2017-05-03-hello-again.md:6: link to a file that does not exist: images/bird.png",
		grouped[1], // a kind of one is the same either way
	}
	if code != 0 || !slices.Equal(stderr, every) || !slices.Contains(stdout, redirects[0]) {
		t.Errorf("-check -v: exit %d, printed\n%s\n%s\nwant on standard error\n%s\nand on standard output %s",
			code, strings.Join(stderr, "\n"), strings.Join(stdout, "\n"), strings.Join(every, "\n"), redirects[0])
	}

	// A start logs the same lines, from its logger.
	start := exec.Command(capsuled, "-posts", "posts", "-certs", "certs", "-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-watch=false")
	start.Dir = dir
	d := startCapsuled(t, start)
	for _, line := range grouped {
		if !strings.HasPrefix(line, "capsuled: ") {
			line = "capsuled: " + line
		}
		d.waitFor(t, line)
	}
}

// -check finds every problem in one run and prints it all: the warnings
// by kind, then every problem (posts that cannot be read or decoded, the
// site file, an address two posts claim, a file that is no file), then
// the line counting them; exit 1.
func TestCheckPrintsEverythingAtOnce(t *testing.T) {
	front := func(title, extra string) string {
		return "+++\ntitle = \"" + title + "\"\ndate = 2020-01-01\n" + extra + "+++\n"
	}
	dir := writeFiles(t, t.TempDir(), map[string]string{
		"posts/_index.md":              "+++\ntitle = 3\n+++\n",
		"posts/2020-01-01-bad-date.md": "+++\ntitle = \"日付\"\ndate = \"yesterday\"\n+++\n本文\n",
		"posts/unclosed.md":            "+++\ntitle = \"閉じない\"\n本文\n",
		"posts/a.md":                   front("A", ""),
		"posts/a.txt.md":               front("A.txt", ""),
		"posts/undated1.md":            "+++\ntitle = \"一\"\n+++\n本文\n",
		"posts/undated2.md":            "+++\ntitle = \"二\"\n+++\n本文\n",
		"posts/w1.md":                  front("W1", "") + "[x](x.png)\n\n[y](y.png)\n",
		"posts/w2.md":                  front("W2", "foo = 1\n") + "[z](z.png)\n",
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "posts", "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runIn(t, dir, "-check", "-posts", "posts", "-certs", "certs")
	warnings := []string{
		"warning: 2 × no date, first posts/undated1.md:1: no date: served as a page; give it a date (e.g. date = 2017-05-03) to make it a post",
		"warning: 3 × dead file link, first posts/w1.md:5: link to a file that does not exist: x.png",
		`warning: posts/w2.md:4: unknown front matter key "foo" ignored`,
		"capsuled: 6 warnings in the 3 lines above, one line per kind (capsuled -check -v lists every warning)",
	}
	// Each problem, by the start of its line: the messages are others'.
	problems := []string{
		"posts/2020-01-01-bad-date.md:3: ",
		"posts/_index.md:2: ",
		"posts/a.txt.md:1: ", // its Gopher selector is a.md's
		"posts/pipe.md: ",
		"posts/unclosed.md:1: ",
	}
	summary := "capsuled: 5 problems in ./posts"
	stderr = withoutLayout(stderr)
	ok := code == 1 && len(stdout) == 0 && len(stderr) == len(warnings)+len(problems)+1 &&
		slices.Equal(stderr[:len(warnings)], warnings) && stderr[len(stderr)-1] == summary
	if ok {
		found := stderr[len(warnings) : len(stderr)-1]
		slices.Sort(found)
		for i, p := range problems {
			ok = ok && strings.HasPrefix(found[i], p)
		}
	}
	if !ok {
		t.Errorf("exit %d, standard output %q, standard error\n%s\nwant the warnings\n%s\nthen problems starting\n%s\nthen %s",
			code, stdout, strings.Join(stderr, "\n"), strings.Join(warnings, "\n"), strings.Join(problems, "\n"), summary)
	}
}

// -check -v lists every site's old addresses, another site's named, and
// groups the warnings of all sites together otherwise.
func TestCheckListsEverySitesRedirects(t *testing.T) {
	dir := writeFiles(t, t.TempDir(), map[string]string{
		"ja/a.md":   "+++\ntitle = \"ア\"\ndate = 2020-01-01\naliases = [\"/old/a/\", \"/2020/a.html\"]\n+++\n[x](x.png)\n",
		"en/b.md":   "+++\ntitle = \"B\"\ndate = 2020-01-01\nredirect_from = [\"/old/b/\"]\n+++\n[y](y.png)\n",
		"site.toml": "hostname = \"ja.example\"\nposts = \"ja\"\n[gemini]\ncerts = \"certs\"\n\n[[site]]\nhostname = \"en.localhost\"\nposts = \"en\"\ngopher_listen = \"127.0.0.1:0\"\n",
	})
	stdout, stderr, code := runIn(t, dir, "-config", "site.toml", "-check", "-v")
	stderr = withoutLayout(stderr)
	redirects := []string{
		"redirect: /2020/a.html → /posts/a.gmi (ja/a.md)",
		"redirect: /old/a/ → /posts/a.gmi (ja/a.md)",
		"redirect, site en.localhost: /old/b/ → /posts/b.gmi (en/b.md)",
	}
	warnings := []string{
		"warning: ja/a.md:6: link to a file that does not exist: x.png",
		"warning: en/b.md:6: link to a file that does not exist: y.png",
	}
	if code != 0 || len(stdout) < 3 || !slices.Equal(stdout[:3], redirects) || !slices.Equal(stderr, warnings) {
		t.Errorf("-check -v: exit %d\n%s\n%s\nwant first on standard output\n%s\nand on standard error\n%s",
			code, strings.Join(stdout, "\n"), strings.Join(stderr, "\n"), strings.Join(redirects, "\n"), strings.Join(warnings, "\n"))
	}
	_, stderr, _ = runIn(t, dir, "-config", "site.toml", "-check")
	stderr = withoutLayout(stderr)
	if want := "warning: 2 × dead file link, first ja/a.md:6: link to a file that does not exist: x.png"; len(stderr) == 0 || stderr[0] != want {
		t.Errorf("-check: %q, want first %q", stderr, want)
	}
}

// withoutLayout is lines without the first lines of -check and of the
// log, which say what each posts folder was taken for
// (TestCheckSaysWhatItChecked and others check them).
func withoutLayout(lines []string) []string {
	return slices.DeleteFunc(slices.Clone(lines), func(l string) bool {
		_, desc, ok := strings.Cut(strings.TrimPrefix(l, "capsuled: "), ": ")
		return ok && strings.HasPrefix(l, "capsuled: ") && (strings.HasPrefix(desc, "capsule's own folder (") ||
			strings.HasPrefix(desc, "a Hugo site (") || strings.HasPrefix(desc, "a Jekyll site ("))
	})
}
