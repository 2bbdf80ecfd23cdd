package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

const testQuiet = 150 * time.Millisecond

func start(t *testing.T, files ...string) (*Watcher, string) {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "posts", "2024"), 0o755)
	os.MkdirAll(filepath.Join(dir, ".git", "objects"), 0o755)
	w, err := New(dir, files, testQuiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, dir
}

// notices counts the notices w gives until it has been silent for a
// while (ten quiet times, so that a second notice of one burst would be
// seen), and returns them.
func notices(t *testing.T, w *Watcher) []string {
	t.Helper()
	var got []string
	for {
		select {
		case path := <-w.Changes:
			got = append(got, path)
		case <-time.After(10 * testQuiet):
			return got
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOneNoticePerChange(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	post := filepath.Join(dir, "hello.md")
	write(t, post, "one")
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("creating a post: %q, want one notice naming it", got)
	}
	// An editor's save: a temporary file written, then renamed over the
	// post.
	tmp := filepath.Join(dir, "hello.md.tmp123")
	write(t, tmp, "two")
	if err := os.Rename(tmp, post); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("saving by rename: %d notices %q, want 1", len(got), got)
	}
	if err := os.Remove(post); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("removing a post: %d notices, want 1", len(got))
	}
}

// A git pull or an rsync writes many files in a moment: one notice.
func TestBurstIsOneNotice(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	for i := range 300 {
		write(t, filepath.Join(dir, "posts", "2024", fmt.Sprintf("p%03d.md", i)), "text")
	}
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("300 files written at once: %d notices, want 1", len(got))
	}
}

// Folders made after the start are watched, with what was put in them
// before their watch began.
func TestNewFoldersAreWatched(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	bundle := filepath.Join(dir, "posts", "new-bundle", "images")
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(bundle, "cover.jpg"), "jpeg")
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("a new folder: %d notices, want 1", len(got))
	}
	write(t, filepath.Join(bundle, "cover.jpg"), "another jpeg")
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("a file changed in a folder made after the start: %d notices, want 1", len(got))
	}
}

// .git, swap files and backups say nothing about the posts.
func TestIgnoredChanges(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	write(t, filepath.Join(dir, ".git", "objects", "ab"), "blob")
	write(t, filepath.Join(dir, ".hello.md.swp"), "swap")
	write(t, filepath.Join(dir, "hello.md~"), "backup")
	write(t, filepath.Join(dir, "#hello.md#"), "emacs")
	write(t, filepath.Join(dir, "4913"), "vim")
	if got := notices(t, w); len(got) != 0 {
		t.Fatalf("changes to ignore gave notices: %q", got)
	}
}

// The configuration file is watched through its folder: replaced by a
// rename, as editors save, it is still seen; its neighbours are not.
func TestFileOutsideTheFolder(t *testing.T) {
	t.Parallel()
	etc := t.TempDir()
	conf := filepath.Join(etc, "capsule.toml")
	write(t, conf, "title = \"a\"\n")
	w, _ := start(t, conf)
	write(t, filepath.Join(etc, "other.toml"), "x")
	if got := notices(t, w); len(got) != 0 {
		t.Fatalf("a file beside the configuration gave notices: %q", got)
	}
	write(t, conf+".new", "title = \"b\"\n")
	if err := os.Rename(conf+".new", conf); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 || got[0] != conf {
		t.Fatalf("the configuration saved by rename: %q, want one notice naming it", got)
	}
}

func TestMissingFolder(t *testing.T) {
	t.Parallel()
	if _, err := New(filepath.Join(t.TempDir(), "nothing"), nil, 0); err == nil {
		t.Fatal("watching a folder that does not exist: no error")
	}
}
