package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// saveByRename writes a file the way many editors save: a new file beside
// it, renamed over it.
func saveByRename(t *testing.T, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".swp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// An author edits while capsuled runs: saved changes are served on both
// protocols with no signal; a broken post is named with its line and the
// old content stays; a new folder's posts are picked up; the
// configuration file is watched too.
func TestWatchReloadsOnSave(t *testing.T) {
	dir := copyPosts(t)
	conf := filepath.Join(t.TempDir(), "capsule.toml")
	os.WriteFile(conf, []byte("title = \"最初の題\"\n"), 0o644)
	cmd := exec.Command(capsuled, "-config", conf, "-posts", dir, "-certs", t.TempDir(),
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-access-log=false")
	d := startCapsuled(t, cmd)
	d.waitFor(t, "watch: reloading when anything in "+dir+" or the configuration file "+conf+" changes")

	post := filepath.Join(dir, "2017-05-05-aching-wrist.md")
	b, _ := os.ReadFile(post)
	saveByRename(t, post, strings.Replace(string(b), "+++\n\n", "+++\n\n追記：手首はよくなりました。\n\n", 1))
	watchLine := d.waitFor(t, "watch: "+post+" changed: reloading")
	reloadLine := d.waitFor(t, "reloaded: 7 posts")
	readmeShows(t, "capsuled: watch: ", watchLine)
	readmeShows(t, "capsuled: reloaded: ", reloadLine)
	if !strings.Contains(reloadLine, ", 1 rendered anew") {
		t.Errorf("an edit of one post rendered more than it: %s", reloadLine)
	}
	if got := geminiGet(t, d.gemini, "/posts/2017-05-05-aching-wrist.gmi"); !strings.Contains(got, "手首はよくなりました") {
		t.Errorf("the edit is not served over Gemini:\n%s", got)
	}
	if got := gopherGet(t, d.gopher, "/posts/2017-05-05-aching-wrist.txt"); !strings.Contains(got, "手首はよくなりました") {
		t.Errorf("the edit is not served over Gopher:\n%s", got)
	}

	// A broken save: file and line, the post's last good version kept.
	before := geminiGet(t, d.gemini, "/posts/2017-05-05-aching-wrist.gmi")
	saveByRename(t, post, "+++\ntitle = \"壊れた\"\ndate = \"いつか\"\n+++\n本文\n")
	d.waitFor(t, post+`:3: front matter: date "いつか" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00 (its previous version is still served)`)
	d.waitFor(t, "reloaded: 7 posts")
	if geminiGet(t, d.gemini, "/posts/2017-05-05-aching-wrist.gmi") != before {
		t.Error("a broken save changed what is served")
	}
	saveByRename(t, post, string(b))
	d.waitFor(t, "reloaded: 7 posts")

	// A post in a folder made after the start (capsule's own layout
	// serves top-level posts; a subfolder's files are files beside them).
	os.MkdirAll(filepath.Join(dir, "images", "new"), 0o755)
	os.WriteFile(filepath.Join(dir, "images", "new", "note.txt"), []byte("新しいファイル\n"), 0o644)
	d.waitFor(t, "reloaded: 7 posts")
	if got := gopherGet(t, d.gopher, "/images/new/note.txt"); !strings.Contains(got, "新しいファイル") {
		t.Errorf("a file in a new folder is not served: %q", got)
	}

	// The configuration file, replaced by a rename.
	saveByRename(t, conf, "title = \"新しい題\"\n")
	d.waitFor(t, "watch: "+conf+" changed: reloading")
	d.waitFor(t, "reloaded: 7 posts")
	if got := geminiGet(t, d.gemini, "/"); !strings.Contains(got, "# 新しい題") {
		t.Errorf("the new title is not served:\n%s", got)
	}

	// Two posts copied at once: one reload, its line counting them.
	for _, name := range []string{"2018-01-01-a.md", "2018-01-02-b.md"} {
		os.WriteFile(filepath.Join(dir, name), []byte("+++\ntitle = \"新\"\ndate = 2018-01-01\n+++\n本文\n"), 0o644)
	}
	if line := d.waitFor(t, " and 1 more changed: reloading"); !strings.Contains(line, "watch: "+filepath.Join(dir, "2018-01-0")) {
		t.Errorf("the watch's line: %s", line)
	}
	d.waitFor(t, "reloaded: 9 posts")

	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
}

// -watch=false (watch = false): nothing changes until SIGHUP.
func TestWatchOff(t *testing.T) {
	dir := copyPosts(t)
	cmd := exec.Command(capsuled, "-posts", dir, "-certs", t.TempDir(), "-watch=false",
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-access-log=false")
	d := startCapsuled(t, cmd)
	d.waitFor(t, "watch: off; send SIGHUP to reload")
	os.WriteFile(filepath.Join(dir, "2018-01-01-new.md"), []byte("+++\ntitle = \"新しい\"\ndate = 2018-01-01\n+++\n本文\n"), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	line := d.waitFor(t, "reloaded: ")
	if !strings.Contains(line, "reloaded: 8 posts") {
		t.Errorf("after SIGHUP: %s", line)
	}
}

// readmeShows checks that the README shows a log line of the form of
// line, which starts with prefix: the README's line with its file names,
// numbers and durations taken as any.
func readmeShows(t *testing.T, prefix, line string) {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var shown []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, prefix) {
			continue
		}
		shown = append(shown, l)
		pattern := regexp.QuoteMeta(l)
		pattern = regexp.MustCompile(`posts/\S+?\\.md`).ReplaceAllString(pattern, "\x00F")
		pattern = regexp.MustCompile(`[0-9]+(\\.[0-9]+)?(ms|µs|s)\b`).ReplaceAllString(pattern, "\x00D")
		pattern = regexp.MustCompile(`[0-9]+`).ReplaceAllString(pattern, "\x00N")
		pattern = strings.NewReplacer("\x00F", `\S+`, "\x00D", `[0-9.]+(ms|µs|s)`, "\x00N", `[0-9]+`, "…", ".*").Replace(pattern)
		if regexp.MustCompile(pattern + "$").MatchString(line) {
			return
		}
	}
	t.Errorf("capsuled logged\n%s\nthe README shows %q", line, shown)
}

// samplePostsIn copies the sample posts into a new folder "posts" of
// parent, with extra posts (file name → text), and returns its path.
func samplePostsIn(t *testing.T, parent, name string, extra map[string]string) string {
	t.Helper()
	dir := filepath.Join(parent, name)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(samplePosts, "*.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		extra[filepath.Base(f)] = string(b)
	}
	for name, text := range extra {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A deploy replaces the posts folder under a running capsuled: by a
// rename (mv posts.new posts), then by rm -rf and a fresh copy. Each time
// the new folder is watched, its posts are served with no signal, and
// the log says so.
func TestWatchPostsFolderReplaced(t *testing.T) {
	parent := t.TempDir()
	post := func(date, title string) (string, string) {
		return date + "-" + title + ".md", "+++\ntitle = \"" + title + "\"\ndate = " + date + "\n+++\n本文\n"
	}
	samplePostsIn(t, parent, "posts", map[string]string{})
	cmd := exec.Command(capsuled, "-posts", "posts", "-certs", t.TempDir(),
		"-gemini", "127.0.0.1:0", "-gopher", "127.0.0.1:0", "-access-log=false")
	cmd.Dir = parent
	d := startCapsuled(t, cmd)
	d.waitFor(t, "watch: reloading when anything in posts changes")

	// mv posts posts.old; mv posts.new posts
	name, text := post("2018-01-01", "replaced")
	samplePostsIn(t, parent, "posts.new", map[string]string{name: text})
	if err := os.Rename(filepath.Join(parent, "posts"), filepath.Join(parent, "posts.old")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(parent, "posts.new"), filepath.Join(parent, "posts")); err != nil {
		t.Fatal(err)
	}
	line := d.waitFor(t, "watch: posts is a new folder: watching it again")
	readmeShows(t, "capsuled: watch: ", line)
	d.waitFor(t, "reloaded: 8 posts")
	if got := geminiGet(t, d.gemini, "/posts/2018-01-01-replaced.gmi"); !strings.HasPrefix(got, "20 ") {
		t.Errorf("a post of the folder put in place by a rename: %.60q", got)
	}
	// A post saved in the new folder.
	name, text = post("2018-01-02", "saved")
	os.WriteFile(filepath.Join(parent, "posts", name), []byte(text), 0o644)
	d.waitFor(t, "reloaded: 9 posts")

	// rm -rf posts, then a fresh copy.
	if err := os.RemoveAll(filepath.Join(parent, "posts")); err != nil {
		t.Fatal(err)
	}
	line = d.waitFor(t, "watch: posts is gone")
	readmeShows(t, "capsuled: watch: ", line)
	name, text = post("2018-01-03", "copied")
	samplePostsIn(t, parent, "posts", map[string]string{name: text})
	line = d.waitFor(t, ": watching it again") // a new folder (or back, if its inode number is reused)
	readmeShows(t, "capsuled: watch: ", strings.Replace(line, " is back:", " is a new folder:", 1))
	d.waitFor(t, "reloaded: 8 posts")
	if got := gopherGet(t, d.gopher, "/posts/2018-01-03-copied.txt"); !strings.Contains(got, "copied") {
		t.Errorf("a post of the folder made again: %.60q", got)
	}
	name, text = post("2018-01-04", "later")
	os.WriteFile(filepath.Join(parent, "posts", name), []byte(text), 0o644)
	d.waitFor(t, "reloaded: 9 posts")
	if got := geminiGet(t, d.gemini, "/posts/2018-01-04-later.gmi"); !strings.HasPrefix(got, "20 ") {
		t.Errorf("a post saved in the folder made again: %.60q", got)
	}

	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
}
