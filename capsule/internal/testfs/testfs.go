// Package testfs makes folders of files for tests.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// Write creates a temporary folder holding files (name → content); names
// may contain slashes, whose folders are created too. The folder is
// removed when the test ends.
func Write(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
