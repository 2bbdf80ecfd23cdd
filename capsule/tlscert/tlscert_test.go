package tlscert

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe where the certificate or its key should be is an error at
// once, not a start that waits for a writer (the operators' trial).
func TestLoadRefusesANamedPipe(t *testing.T) {
	dir := t.TempDir()
	crt, key := filepath.Join(dir, "localhost.crt"), filepath.Join(dir, "localhost.key")
	for _, p := range []string{crt, key} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(crt, key)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), crt+" is not a regular file") {
			t.Errorf("error %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still loading after 5 s")
	}
}
