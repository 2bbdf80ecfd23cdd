// Package testfs makes folders of files for tests.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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

// Age sets the times of dir and of everything under it to at. Set an
// hour back, they let a reload take the files from the load before,
// which reads again a file changed within seconds of its reading.
func Age(dir string, at time.Time) {
	filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { return os.Chtimes(p, at, at) })
}
