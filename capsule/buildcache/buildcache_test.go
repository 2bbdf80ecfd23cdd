package buildcache

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeSample writes a cache file of every kind of field, some longer
// than the chunks the tests read it in.
func writeSample(t *testing.T, key [32]byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c")
	w, err := Create(path, key)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		w.Uvarint(uint64(i) << (i % 60))
		w.Bool(i%3 == 0)
		w.String(strings.Repeat("記", i))
		w.Bytes(bytes.Repeat([]byte{byte(i)}, 3*i))
		w.Fixed([]byte{byte(i), 1, 2})
		w.Words([]uint64{uint64(i), 1 << 63, uint64(i) << 32}[:i%4])
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestChunkedPayloadDecodesAsWritten reads a file in chunks of every size
// from one byte (each varint and field across chunks) to more than the
// file: the decoder gives back what was written, lets go of every chunk
// it read past, and says the payload is read to its end.
// It does so both ways a file is read: mapped, and copied.
func TestChunkedPayloadDecodesAsWritten(t *testing.T) {
	eachWay(t, testChunkedPayloadDecodesAsWritten)
}

// eachWay runs test with files read both ways: mapped where the system
// allows, and copied into memory.
func eachWay(t *testing.T, test func(t *testing.T)) {
	for _, m := range []bool{true, false} {
		t.Run(map[bool]string{true: "mapped", false: "read"}[m], func(t *testing.T) {
			defer func(m bool) { mapFiles = m }(mapFiles)
			mapFiles = m
			test(t)
		})
	}
}

func testChunkedPayloadDecodesAsWritten(t *testing.T) {
	key := [32]byte{7}
	path := writeSample(t, key)
	defer func(n int) { readChunk = n }(readChunk)
	for _, n := range []int{1, 2, 3, 5, 8, 13, 64, 1 << 20} {
		readChunk = n
		chunks, _, err := Read(path, key)
		if err != nil {
			t.Fatalf("chunks of %d: %v", n, err)
		}
		if Mapped(chunks[0]) != (mapFiles && mapSupported) {
			t.Fatalf("chunks of %d: mapped %v", n, Mapped(chunks[0]))
		}
		d := NewDecoder(chunks...)
		for i := range 40 {
			if u := d.Uvarint(); u != uint64(i)<<(i%60) {
				t.Fatalf("chunks of %d, field %d: number %d", n, i, u)
			}
			if b := d.Bool(); b != (i%3 == 0) {
				t.Fatalf("chunks of %d, field %d: bool %v", n, i, b)
			}
			if s := d.String(); s != strings.Repeat("記", i) {
				t.Fatalf("chunks of %d, field %d: string %q", n, i, s)
			}
			if b := d.Bytes(); !bytes.Equal(b, bytes.Repeat([]byte{byte(i)}, 3*i)) || cap(b) != len(b) {
				t.Fatalf("chunks of %d, field %d: bytes %v (room %d)", n, i, b, cap(b))
			}
			if b := d.Fixed(3); !bytes.Equal(b, []byte{byte(i), 1, 2}) {
				t.Fatalf("chunks of %d, field %d: fixed %v", n, i, b)
			}
			if w, want := d.Words(3), []uint64{uint64(i), 1 << 63, uint64(i) << 32}[:i%4]; !slices.Equal(w, want) {
				t.Fatalf("chunks of %d, field %d: words %x, want %x", n, i, w, want)
			}
		}
		if err := d.Done(); err != nil {
			t.Fatalf("chunks of %d: %v", n, err)
		}
		if len(chunks) > 1 && chunks[len(chunks)-2] != nil {
			t.Fatalf("chunks of %d: the decoder holds a chunk it read past", n)
		}
	}
}

// TestReadRefusesWhatIsNotWhole: a file cut short, grown by a byte, or
// with a byte changed is corrupt; one for another key is another's.
func TestReadRefusesWhatIsNotWhole(t *testing.T) { eachWay(t, testReadRefusesWhatIsNotWhole) }

func testReadRefusesWhatIsNotWhole(t *testing.T) {
	key := [32]byte{7}
	path := writeSample(t, key)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Read(path, [32]byte{8}); !errors.Is(err, ErrOther) {
		t.Fatalf("another key: %v", err)
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 1
	for name, b := range map[string][]byte{
		"cut short":      good[:len(good)-1],
		"a byte more":    append(bytes.Clone(good), 0),
		"a byte changed": flipped,
		"no trailer":     good[:len(good)-trailerSize],
		"empty":          nil,
		"header only":    good[:headerSize],
	} {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, _, err := Read(path, key); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %v, want corrupt", name, err)
		}
	}
}

// A named pipe, or a folder, at the cache's path is corrupt, said at once:
// opening the pipe to read it would wait for a writer, and a start with
// it (the operators' trial found a start that never ended).
func TestNotAFileRefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "localhost.cache")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	folder := filepath.Join(dir, "folder.cache")
	os.Mkdir(folder, 0o700)
	for _, path := range []string{pipe, folder} {
		done := make(chan error, 1)
		go func() {
			f, err := Open(path, [32]byte{})
			f.Close()
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("%s: %v, want corrupt", path, err)
			}
		case <-time.After(5 * time.Second):
			os.WriteFile(pipe, nil, 0) // lets the open go on
			t.Fatalf("%s: still opening after 5 s", path)
		}
	}
}
