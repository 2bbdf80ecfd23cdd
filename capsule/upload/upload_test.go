package upload

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestNewPostPath(t *testing.T) {
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		newest string
		jekyll bool
		want   string
	}{
		{"", false, "hello.md"},
		{"", true, "_posts/2026-12-05-hello.md"},
		{"2017-05-03-hello-again.md", false, "hello.md"}, // a flat folder's slug keeps its date: none asked
		{"content/posts/old/index.md", false, "content/posts/hello/index.md"},
		{"content/posts/old/index.ja.md", false, "content/posts/hello/index.md"},
		{"old/index.md", false, "hello/index.md"},
		{"_posts/2020-01-01-old.markdown", true, "_posts/2026-12-05-hello.markdown"},
		{"content/blog/old.md", false, "content/blog/hello.md"},
		{"content/post/2026/01/02/old.md", false, "content/post/2026/12/05/hello.md"},
		{"content/post/2026/01/old/index.md", false, "content/post/2026/12/hello/index.md"},
		{"content/post/2026/old.md", false, "content/post/2026/hello.md"},
		{"content/post/123/old.md", false, "content/post/123/hello.md"},
	} {
		if got := NewPostPath(tc.newest, "hello", now, tc.jekyll); got != tc.want {
			t.Errorf("NewPostPath(%q, jekyll %v) = %q, want %q", tc.newest, tc.jekyll, got, tc.want)
		}
	}
}

func TestCheckPath(t *testing.T) {
	for _, p := range []string{"", "/a.md", "../a.md", "a/../b.md", "a//b.md", "./a.md", ".git/config", "a/.env", "a\\b.md", "a\nb.md", "a/"} {
		if err := CheckPath(p); !errors.Is(err, ErrRefused) {
			t.Errorf("CheckPath(%q) = %v", p, err)
		}
	}
	for _, p := range []string{"a.md", "posts/日記/index.md", "_posts/2026-12-05-a.md"} {
		if err := CheckPath(p); err != nil {
			t.Errorf("CheckPath(%q) = %v", p, err)
		}
	}
}

// A symbolic link on the way, or as the file, is never followed, even
// one that stays inside the folder; a forbidden path is never written.
func TestWriteRefusesLinksAndForbidden(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "real"), 0o755)
	os.WriteFile(filepath.Join(root, "real", "a.md"), []byte("a"), 0o644)
	os.Symlink("real", filepath.Join(root, "alias"))
	os.Symlink("real/a.md", filepath.Join(root, "link.md"))
	os.MkdirAll(filepath.Join(root, "certs"), 0o700)
	f := &Folder{Root: root, Forbidden: []string{filepath.Join(root, "certs")}, History: &History{Dir: t.TempDir(), Keep: 2}}
	for _, p := range []string{"alias/a.md", "alias/new.png", "link.md", "certs/key.pem", "certs"} {
		if _, err := f.Write(p, []byte("x")); !errors.Is(err, ErrRefused) {
			t.Errorf("Write(%q) = %v", p, err)
		}
		if _, err := f.Remove(p); !errors.Is(err, ErrRefused) {
			t.Errorf("Remove(%q) = %v", p, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(root, "real", "a.md")); string(b) != "a" {
		t.Errorf("written through a link: %q", b)
	}
}

// Write then Undo leaves the folder as it was: a replaced file back, a
// new one and the folders made for it gone.
func TestWriteUndo(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "a.md"), []byte("old"), 0o600)
	f := &Folder{Root: root, History: &History{Dir: t.TempDir(), Keep: 5}}
	c, err := f.Write("a.md", []byte("new"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "a.md")); string(b) != "new" {
		t.Fatalf("written: %q", b)
	}
	if info, _ := os.Stat(filepath.Join(root, "a.md")); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v: the replaced file's is kept", info.Mode())
	}
	if v := versions(f.History, "a.md"); len(v) != 1 {
		t.Errorf("history after the write: %v", v)
	}
	if err := f.Undo(c); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "a.md")); string(b) != "old" {
		t.Errorf("undone: %q", b)
	}
	if info, _ := os.Stat(filepath.Join(root, "a.md")); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after undo", info.Mode())
	}
	if v := versions(f.History, "a.md"); len(v) != 0 {
		t.Errorf("history after the undo keeps the version on disk again: %v", v)
	}
	// The same bytes again: nothing written, nothing kept.
	if c, err := f.Write("a.md", []byte("old")); err != nil || !c.Same || len(versions(f.History, "a.md")) != 0 {
		t.Errorf("same bytes: %+v, %v, history %v", c, err, versions(f.History, "a.md"))
	}
	c, err = f.Write("b/c/index.md", []byte("new"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Undo(c); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "b")); !os.IsNotExist(err) {
		t.Errorf("folders made for the upload left: %v", err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}
}

func TestWritable(t *testing.T) {
	dir := t.TempDir()
	if err := Writable(dir); err != nil {
		t.Errorf("a temporary folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("probe left %v", entries)
	}
	if err := Writable(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing folder is writable")
	}
}

// Undo puts back the version an upload replaced; what another writer
// (an editor over SSH, a git pull) saved there since the upload is not
// thrown away but kept in history, and so is a file made where the
// upload's new file was. The replaced file's mode comes back with it.
func TestUndoKeepsWhatChangedSince(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "a.md"), []byte("old"), 0o600)
	f := &Folder{Root: root, History: &History{Dir: t.TempDir(), Keep: 10}}
	c, err := f.Write("a.md", []byte("uploaded"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "a.md"), []byte("saved over SSH meanwhile"), 0o600)
	if err := f.Undo(c); err != nil {
		t.Fatal(err)
	}
	if !inHistory(t, f.History, "a.md", "saved over SSH meanwhile") {
		t.Errorf("the other writer's version is lost: history %v", versions(f.History, "a.md"))
	}
	if info, _ := os.Stat(filepath.Join(root, "a.md")); info.Mode().Perm() != 0o600 {
		t.Errorf("undone with mode %v, was 0600", info.Mode().Perm())
	}
	c, err = f.Write("new.md", []byte("uploaded"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "new.md"), []byte("written by hand meanwhile"), 0o644)
	if err := f.Undo(c); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(root, "new.md"))
	if string(b) != "written by hand meanwhile" && !inHistory(t, f.History, "new.md", "written by hand meanwhile") {
		t.Errorf("the hand-written new.md is lost")
	}
}

func inHistory(t *testing.T, h *History, rel, text string) bool {
	t.Helper()
	for _, v := range versions(h, rel) {
		if b, _ := os.ReadFile(v); string(b) == text {
			return true
		}
	}
	return false
}

// versions are the files of rel's versions in h, oldest first.
func versions(h *History, rel string) []string {
	entries, err := os.ReadDir(filepath.Join(h.Dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(h.Dir, filepath.FromSlash(rel), e.Name()))
		}
	}
	slices.Sort(out)
	return out
}
