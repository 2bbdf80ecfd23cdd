package content

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadSized checks the read that stops at the size the stat gave: a
// file that grew after its stat gives that many bytes (the stat after
// the read tells it torn), one that shrank gives what it holds, and one
// whose stat said 0 bytes is read to its end.
func TestReadSized(t *testing.T) {
	path := filepath.Join(t.TempDir(), "post.md")
	const text = "+++\ntitle = \"こんにちは\"\n+++\n本文。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		size int64
		want string
	}{
		{"as stated", int64(len(text)), text},
		{"grew after its stat", 10, text[:10]},
		{"shrank after its stat", int64(len(text)) + 100, text},
		{"stated empty", 0, text},
	} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readSized(f, c.size, 1<<20)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if string(got) != c.want {
			t.Errorf("%s: read %q, want %q", c.name, got, c.want)
		}
	}
}
