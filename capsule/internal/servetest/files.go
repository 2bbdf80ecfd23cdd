package servetest

import (
	"os"
	"path/filepath"
	"testing"
)

// CopyPosts copies the sample posts into a folder the test may change.
func CopyPosts(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(SamplePosts, "*.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
