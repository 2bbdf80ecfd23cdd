//go:build unix

package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadSmallRefusesOverItsBound: a site's code or data file over
// maxConfigSize is refused, one at the bound read whole, and no pipe is
// waited on.
func TestReadSmallRefusesOverItsBound(t *testing.T) {
	dir := t.TempDir()
	at := filepath.Join(dir, "at.json")
	over := filepath.Join(dir, "over.json")
	if err := os.WriteFile(at, []byte(strings.Repeat("a", maxConfigSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(over, []byte(strings.Repeat("a", maxConfigSize+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := readSmall(at); err != nil || len(b) != maxConfigSize {
		t.Errorf("a file of %d bytes: %d bytes, %v; want it whole", maxConfigSize, len(b), err)
	}
	if b, err := readSmall(over); !errors.Is(err, os.ErrInvalid) || b != nil {
		t.Errorf("a file of %d bytes: %d bytes, %v; want it refused", maxConfigSize+1, len(b), err)
	}
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := readSmall(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a named pipe was read")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("readSmall waited on a named pipe")
	}
}

// TestReadUpToNeverReadsPastItsBound: the read itself is bounded, not
// only the stat before it. A file that grows between the two cannot be
// timed in a test; a file whose stat says less than it holds shows the
// same: Linux's /proc files are regular, say 0 bytes and hold more.
func TestReadUpToNeverReadsPastItsBound(t *testing.T) {
	const path = "/proc/self/status"
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() != 0 {
		t.Skip("no /proc file that says 0 bytes here")
	}
	whole, err := readUpTo(path, 1<<20)
	if err != nil || len(whole) <= 64 {
		t.Skipf("%s: %d bytes, %v; want more than 64", path, len(whole), err)
	}
	b, err := readUpTo(path, 64)
	if len(b) > 64 {
		t.Errorf("bound 64: %d bytes read", len(b))
	}
	if !errors.Is(err, os.ErrInvalid) {
		t.Errorf("bound 64, %d bytes in the file: %v; want it refused as too large", len(whole), err)
	}
}
