package buildcache

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"capsule/capsule/internal/pages"
)

// writeWords writes a cache file of words after 0 to 7 bytes, so that
// their offset in the payload is each of 0 to 7 modulo 8.
func writeWords(t *testing.T, path string, key [32]byte, words []uint64) {
	t.Helper()
	w, err := Create(path, key)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		w.Fixed(bytes.Repeat([]byte{'x'}, i))
		w.Words(words[:i*len(words)/8])
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestWordsReadInPlace: words read back are those written, wherever
// they fall; from a mapped file (on a little-endian machine) they are
// the file's own bytes, not a copy.
func TestWordsReadInPlace(t *testing.T) {
	eachWay(t, func(t *testing.T) {
		key := [32]byte{3}
		path := filepath.Join(t.TempDir(), "c")
		words := make([]uint64, 64)
		for i := range words {
			words[i] = rand.Uint64()
		}
		writeWords(t, path, key, words)
		chunks, _, err := Read(path, key)
		if err != nil {
			t.Fatal(err)
		}
		whole := chunks[0]
		d := NewDecoder(chunks...)
		inPlace := 0
		for i := range 8 {
			if got := d.Fixed(i); string(got) != strings.Repeat("x", i) {
				t.Fatalf("field %d: %q", i, got)
			}
			got := d.Words(len(words))
			if want := words[:i*len(words)/8]; len(want) > 0 && !slices.Equal(got, want) {
				t.Fatalf("words %d: %x, want %x", i, got, want)
			}
			if len(got) > 0 && partOfBytes(unsafe.Slice((*byte)(unsafe.Pointer(&got[0])), 8*len(got)), whole) {
				inPlace++
			}
		}
		if err := d.Done(); err != nil {
			t.Fatal(err)
		}
		want := 0 // copies
		if mapFiles && mapSupported && littleEndian {
			want = 7 // every non-empty run of words
		}
		if inPlace != want {
			t.Errorf("%d of 7 runs of words read in place, want %d", inPlace, want)
		}
	})
}

func partOfBytes(b, whole []byte) bool {
	p, w := uintptr(unsafe.Pointer(&b[0])), uintptr(unsafe.Pointer(&whole[0]))
	return p >= w && p+uintptr(len(b)) <= w+uintptr(len(whole))
}

// TestMappedFileOutlivesItsReplacement: a mapped payload reads what it
// read when its file is replaced (as Writer replaces it, by a rename),
// and again once its pages are given back (Release): they are read
// again from the file it mapped, not the new one. Release takes the
// pages out of the process's resident memory.
func TestMappedFileOutlivesItsReplacement(t *testing.T) {
	if !mapSupported {
		t.Skip("files are not mapped here")
	}
	key := [32]byte{9}
	path := filepath.Join(t.TempDir(), "c")
	write := func(fill byte) {
		w, err := Create(path, key)
		if err != nil {
			t.Fatal(err)
		}
		w.Bytes(bytes.Repeat([]byte{fill}, 1<<20))
		if _, err := w.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	write('a')
	chunks, _, err := Read(path, key)
	if err != nil {
		t.Fatal(err)
	}
	if !Mapped(chunks[0]) {
		t.Fatal("not mapped")
	}
	whole := chunks[0]
	read := func() []byte { return NewDecoder(whole).Bytes() }
	write('b')
	if b := read(); len(b) != 1<<20 || bytes.Count(b, []byte{'a'}) != len(b) {
		t.Fatal("the mapped payload changed with its file's replacement")
	}
	before := residentKiB(t, whole)
	Release(whole)
	after := residentKiB(t, whole)
	if page := os.Getpagesize() >> 10; before < 1<<10 || after > 2*page { // the file's first page and last are not whole in it
		t.Errorf("resident %d KiB of the mapping before Release, %d KiB after", before, after)
	}
	if b := read(); len(b) != 1<<20 || bytes.Count(b, []byte{'a'}) != len(b) {
		t.Fatal("the payload given back does not read the same")
	}
	if Mapped(bytes.Clone(whole)) {
		t.Error("a copy is said to be mapped")
	}
}

// residentKiB is the resident memory of the mapping b is in.
func residentKiB(t *testing.T, b []byte) int {
	t.Helper()
	kib, err := pages.ResidentKiB(b)
	if err != nil {
		t.Skip(err)
	}
	return kib
}

// TestCheckInParts: a mapped file's payload is checked in parts, the
// first bytes at once, the rest on other goroutines (CheckRest, Wait): a
// byte changed in a later block passes the first check, and Wait finds
// it. A file read instead of mapped is checked as it is read, and Open
// refuses it.
func TestCheckInParts(t *testing.T) {
	eachWay(t, func(t *testing.T) {
		key := [32]byte{5}
		path := filepath.Join(t.TempDir(), "c")
		w, err := Create(path, key)
		if err != nil {
			t.Fatal(err)
		}
		w.Bytes(bytes.Repeat([]byte("記"), 3*checkBlock/len("記")))
		if _, err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b[headerSize+2*checkBlock+7] ^= 1 // in the third block
		os.WriteFile(path+".new", b, 0o600)
		os.Rename(path+".new", path)

		f, err := Open(path, key)
		if !(mapFiles && mapSupported) {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("read: %v, want corrupt", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Check(checkBlock); err != nil {
			t.Fatalf("the first block: %v", err)
		}
		f.CheckRest()
		if err := f.Wait(); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("the rest: %v, want corrupt", err)
		}
		if err := f.Wait(); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("waited again: %v", err)
		}
		f.drop()
	})
}

// TestUnmappedIsForgotten: a file found corrupt is unmapped, and its
// addresses are no longer taken for a mapping's (the system may give
// them to Go's heap next, whose memory Release must never give back).
func TestUnmappedIsForgotten(t *testing.T) {
	if !mapSupported {
		t.Skip("files are not mapped here")
	}
	key := [32]byte{4}
	path := writeSample(t, key)
	f, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	chunk := f.Payload[0]
	if !Mapped(chunk) {
		t.Fatal("not mapped")
	}
	live := MappedLive()
	f.unmap()
	if Mapped(unsafe.Slice(unsafe.SliceData(chunk), 1)) {
		t.Error("an unmapped file's addresses are still taken for a mapping's")
	}
	if MappedLive() != live-int64(len(chunk)) {
		t.Errorf("MappedLive %d after unmapping a chunk of %d bytes, %d before", MappedLive(), len(chunk), live)
	}
}

// TestCheckLeavesTheMappingAlone: checking a mapped file reads the file,
// not its mapping, whose pages are mapped only as a reader reads them: a
// restart that serves few of a cache's responses does not pay a fault
// for every page of it (checkBlocks). Then reading the payload reads
// what was checked.
func TestCheckLeavesTheMappingAlone(t *testing.T) {
	if !mapSupported || !mapFiles {
		t.Skip("files are not mapped here")
	}
	key := [32]byte{6}
	path := filepath.Join(t.TempDir(), "c")
	w, err := Create(path, key)
	if err != nil {
		t.Fatal(err)
	}
	w.Bytes(bytes.Repeat([]byte("検"), 8*checkBlock/len("検")))
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Check(f.n); err != nil {
		t.Fatal(err)
	}
	if f.file != nil {
		t.Error("the file is still open once its payload is all checked")
	}
	if kib := residentKiB(t, f.mapping); kib > 64 {
		t.Errorf("%d KiB of the mapping resident after the check, want none", kib)
	}
	if b := NewDecoder(f.Payload...).Bytes(); len(b) != 8*checkBlock/len("検")*len("検") || bytes.Count(b, []byte("検")) != len(b)/len("検") {
		t.Error("the payload checked does not read as written")
	}
	f.unmap()
}

// TestReadClosesTheFile: a mapped file is open until its payload is all
// checked (checkBlocks reads it), then closed: an empty payload too,
// which has no block to check.
func TestReadClosesTheFile(t *testing.T) {
	fds := func() int {
		e, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip(err)
		}
		return len(e)
	}
	for _, size := range []int{0, 3 * checkBlock / 2} {
		path := filepath.Join(t.TempDir(), "c")
		w, err := Create(path, [32]byte{})
		if err != nil {
			t.Fatal(err)
		}
		if size > 0 {
			w.Bytes(make([]byte, size))
		}
		if _, err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		before := fds()
		for range 10 {
			if _, _, err := Read(path, [32]byte{}); err != nil {
				t.Fatal(err)
			}
		}
		if after := fds(); after > before {
			t.Errorf("a payload of %d bytes: %d descriptors left open by 10 Reads", size, after-before)
		}
	}
}
