package content

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// Folders whose posts change in the ways a load must see though a file's
// size and modification time stay what they were: for the tests of a
// reload's and of a restart's reading.

// sneakyPost is a post of title and text, of a size its edits keep.
func sneakyPost(title, text string) string {
	return "+++\ntitle = \"" + title + "\"\ndate = 2020-01-02\n+++\n" + text + "\n"
}

// sneakyFolder writes kept.md, edited.md, replaced.md and racy.md, and
// extra, and returns the folder and the times they are dated: old (an
// hour ago) for all but racy.md, dated racy (now: within RacyWindow of
// a load made right after).
func sneakyFolder(t *testing.T, extra map[string]string) (dir string, old, racy time.Time) {
	t.Helper()
	files := map[string]string{
		"kept.md":     sneakyPost("Kept", "kept text"),
		"edited.md":   sneakyPost("Edit", "edited one"),
		"replaced.md": sneakyPost("Repl", "replaced 1"),
		"racy.md":     sneakyPost("Racy", "racy text1"),
	}
	maps.Copy(files, extra)
	dir = testfs.Write(t, files)
	old = time.Now().Add(-time.Hour).Truncate(time.Second)
	for name := range files {
		if name != "racy.md" {
			if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	racy = time.Now().Truncate(time.Second)
	os.Chtimes(filepath.Join(dir, "racy.md"), racy, racy)
	return dir, old, racy
}

// changeSneakily changes a sneakyFolder's posts keeping their sizes and
// times: edited.md edited in place (its change time moves),
// replaced.md replaced by another file (another inode), racy.md edited
// in place at its time.
func changeSneakily(t *testing.T, dir string, old, racy time.Time) {
	t.Helper()
	rewriteAt(t, dir, "edited.md", sneakyPost("Edit", "EDITED one"), old)
	rewriteAt(t, dir, ".new", sneakyPost("Repl", "replaced 2"), old)
	if err := os.Rename(filepath.Join(dir, ".new"), filepath.Join(dir, "replaced.md")); err != nil {
		t.Fatal(err)
	}
	rewriteAt(t, dir, "racy.md", sneakyPost("Racy", "racy TEXT1"), racy)
}

// rewriteAt writes text to name in dir, dated at.
func rewriteAt(t *testing.T, dir, name, text string, at time.Time) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, at, at); err != nil {
		t.Fatal(err)
	}
}
