//go:build unix

package content

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// loadWithin runs Load in a goroutine and fails the test, instead of
// hanging it, when Load does not return within d.
func loadWithin(t *testing.T, d time.Duration, dir string, opts LoadOptions) (*Content, error) {
	t.Helper()
	type result struct {
		c   *Content
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := loadStrict(dir, opts)
		done <- result{c, err}
	}()
	select {
	case r := <-done:
		return r.c, r.err
	case <-time.After(d):
		t.Fatalf("Load still running after %v", d)
		return nil, nil
	}
}

// wantOneError checks that err is an ErrorList of one error on file,
// containing msg.
func wantOneError(t *testing.T, err error, file, msg string) {
	t.Helper()
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error is %T (%v), want an ErrorList", err, err)
	}
	if len(list) != 1 || list[0].File != file || !strings.Contains(list[0].Msg, msg) {
		t.Fatalf("errors:\n%v\nwant one on %s saying %q", err, file, msg)
	}
}

func TestFIFOPostIsAnErrorNotAHang(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": goodPost})
	fifo := filepath.Join(dir, "x.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	// A named pipe beside the posts is passed over, not opened either.
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.bin"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := loadWithin(t, 5*time.Second, dir, LoadOptions{})
	wantOneError(t, err, fifo, "is a named pipe (FIFO), not a regular file")
	if strings.Contains(err.Error(), "pipe.bin") {
		t.Errorf("pipe.bin is an error: %v", err)
	}

	os.Remove(fifo)
	c, err := loadWithin(t, 5*time.Second, dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 1 || !strings.HasSuffix(c.Warnings[0].File, "pipe.bin") {
		t.Errorf("warnings %v, want one for pipe.bin", c.Warnings)
	}
}

func TestDevZeroPostIsNotRead(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero:", err)
	}
	dir := testfs.Write(t, map[string]string{"a.md": goodPost})
	z := filepath.Join(dir, "z.md")
	if err := os.Symlink("/dev/zero", z); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := loadWithin(t, 5*time.Second, dir, LoadOptions{})
	runtime.ReadMemStats(&after)
	wantOneError(t, err, z, "is a symbolic link to a character device, not a regular file")
	// Before, Load read /dev/zero until memory ran out (240 MB a second).
	if n := after.TotalAlloc - before.TotalAlloc; n > 4<<20 {
		t.Errorf("Load allocated %d bytes", n)
	} else {
		t.Logf("Load allocated %d bytes", n)
	}
}

func TestFolderNamedLikeAPost(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": goodPost, "d.md/inside.txt": "x"})
	_, err := loadWithin(t, 5*time.Second, dir, LoadOptions{})
	wantOneError(t, err, filepath.Join(dir, "d.md"), "is a folder, not a file")
}

func TestUnreadablePost(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file") // readProblem's words are checked in TestReadProblemWords
	}
	dir := testfs.Write(t, map[string]string{"a.md": goodPost, "secret.md": goodPost})
	secret := filepath.Join(dir, "secret.md")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	_, err := loadWithin(t, 5*time.Second, dir, LoadOptions{})
	wantOneError(t, err, secret, "cannot read: permission denied")
	if strings.Contains(err.Error(), "open ") {
		t.Errorf("Go's raw error text: %v", err)
	}
}

func TestReadProblemWords(t *testing.T) {
	for _, tt := range []struct {
		err  error
		link bool
		want string
	}{
		{&os.PathError{Op: "open", Path: "/p/a.md", Err: syscall.EACCES}, false, "cannot read: permission denied"},
		{&os.PathError{Op: "stat", Path: "/p/a.md", Err: syscall.ELOOP}, true, "symbolic link loop"},
		{&os.PathError{Op: "stat", Path: "/p/a.md", Err: syscall.ENOENT}, true, "symbolic link to a file that does not exist"},
		{&os.PathError{Op: "read", Path: "/p/a.md", Err: syscall.EIO}, false, "cannot read: input/output error"},
	} {
		if got := readProblem(tt.err, tt.link); !strings.HasPrefix(got, tt.want) || strings.Contains(got, "/p/a.md") {
			t.Errorf("readProblem(%v) = %q, want %q…", tt.err, got, tt.want)
		}
	}
}

func TestSymlinkLoopAndDanglingLink(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": goodPost})
	loop := filepath.Join(dir, "loop.md")
	if err := os.Symlink("loop.md", loop); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, err := loadWithin(t, 5*time.Second, dir, LoadOptions{})
	wantOneError(t, err, loop, "symbolic link loop")

	os.Remove(loop)
	gone := filepath.Join(dir, "gone.md")
	os.Symlink("nothing-here.md", gone)
	_, err = loadWithin(t, 5*time.Second, dir, LoadOptions{})
	wantOneError(t, err, gone, "symbolic link to a file that does not exist")
}

func TestPostLinkedFromOutsideIsPassedOver(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": goodPost, "drafts/real.md": "+++\ntitle = \"inside\"\ndate = 2018-01-01\n+++\n"})
	outside := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(outside, []byte("+++\ntitle = \"secret\"\ndate = 2019-01-01\n+++\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "escape.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink("drafts/real.md", filepath.Join(dir, "inside.md"))
	c, err := loadWithin(t, 5*time.Second, dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, p := range c.Posts {
		slugs = append(slugs, p.Slug)
	}
	if strings.Join(slugs, ",") != "inside,a" {
		t.Errorf("posts %v, want inside and a", slugs)
	}
	// drafts/real.md is not a post in capsule's own folder: said once.
	if len(c.Warnings) != 2 || c.Warnings[1].File != filepath.Join(dir, "escape.md") ||
		!strings.Contains(c.Warnings[1].Msg, "leads outside the posts folder") ||
		!strings.Contains(c.Warnings[0].Msg, "Markdown in a subfolder of capsule's own folder is not served") {
		t.Errorf("warnings %v, want one for escape.md", c.Warnings)
	}
}

// A symbolic link loop beside the posts is called what it is, not a link
// that leads outside the folder; so is a link to nothing.
func TestSymlinkLoopBesideThePosts(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": goodPost, "images/real.png": "PNG"})
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink("c.png", filepath.Join(dir, "images", "b.png"))
	os.Symlink("b.png", filepath.Join(dir, "images", "c.png"))
	os.Symlink("nothing.png", filepath.Join(dir, "images", "gone.png"))
	os.Symlink("real.png", filepath.Join(dir, "images", "fine.png"))
	// A link to a folder that holds it (ln -s . here) is a loop too,
	// not a way outside (the operators' trial).
	os.Symlink(".", filepath.Join(dir, "here"))
	os.Symlink("..", filepath.Join(dir, "images", "up"))
	c, err := loadWithin(t, 5*time.Second, dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		filepath.Join(dir, "loop"):               "symbolic link loop",
		filepath.Join(dir, "images", "b.png"):    "symbolic link loop",
		filepath.Join(dir, "images", "c.png"):    "symbolic link loop",
		filepath.Join(dir, "images", "gone.png"): "symbolic link to a file that does not exist",
		filepath.Join(dir, "here"):               "symbolic link loop",
		filepath.Join(dir, "images", "up"):       "symbolic link loop",
	}
	for _, w := range c.Warnings {
		msg, ok := want[w.File]
		switch {
		case !ok:
			t.Errorf("unexpected warning %v", w)
		case !strings.HasPrefix(w.Msg, msg) || strings.Contains(w.Msg, "outside") || !strings.HasSuffix(w.Msg, "not served"):
			t.Errorf("%s: %q, want %q…not served", w.File, w.Msg, msg)
		}
		delete(want, w.File)
	}
	for f, msg := range want {
		t.Errorf("no warning for %s (want %q)", f, msg)
	}
	var served []string
	for _, f := range c.Files {
		served = append(served, f.Path)
	}
	if strings.Join(served, ",") != "images/fine.png,images/real.png" {
		t.Errorf("files served %v, want the real file and the link to it", served)
	}
}
