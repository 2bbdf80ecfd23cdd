// Package buildcache is the file a build cache is kept in: a header that
// says which capsule and which site wrote it, a payload of
// length-prefixed fields, and a trailer with the payload's length and
// checksum. It knows nothing of what the fields mean (capsule's
// diskcache.go does); it makes sure that a file that is not whole, not
// this capsule's or not this site's is never decoded, and that a decoder
// given any bytes at all neither panics nor allocates more than those
// bytes.
//
// A file is written beside its final name (a temporary file in the same
// folder), synced, then renamed over it: a reader sees the old file or
// the new one, never part of one. Folders are made 0700 and files 0600.
package buildcache

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"unsafe"
)

// magic opens every cache file.
const magic = "capsule build cache\n"

// Format is the version of the file's layout. A file of another format is
// ignored.
const Format = 3

// MaxSize is the largest cache file read or written, in bytes: the bound
// on what one site's cache takes on disk and what reading it allocates.
// A build whose cache would be larger is not cached (Writer.Commit says
// so).
const MaxSize = 4 << 30

// headerSize and trailerSize are the fixed parts of a file: magic,
// format and key; payload length and checksum.
const (
	headerSize  = len(magic) + 4 + 32
	trailerSize = 8 + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrOther is a cache written by another capsule (version, build), for
// another site (settings, posts folder) or in another format.
var ErrOther = errors.New("written by another version of capsule or for other settings")

// ErrCorrupt is a cache that is not whole or not as written.
var ErrCorrupt = errors.New("corrupt or truncated")

// Writer writes a cache file.
type Writer struct {
	path, tmp string
	f         *os.File
	w         *bufio.Writer
	crc       hash.Hash32
	n         int64 // payload bytes written
	err       error
	scratch   [binary.MaxVarintLen64]byte
}

// Create starts writing the cache file path (making its folder, 0700),
// for key: what a reader must present to read it.
func Create(path string, key [32]byte) (*Writer, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	// CreateTemp makes it 0600; say so anyway, against an odd umask.
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	w := &Writer{path: path, tmp: f.Name(), f: f, w: bufio.NewWriterSize(f, 1<<20), crc: crc32.New(castagnoli)}
	var h [headerSize]byte
	copy(h[:], magic)
	binary.LittleEndian.PutUint32(h[len(magic):], Format)
	copy(h[len(magic)+4:], key[:])
	if _, err := w.w.Write(h[:]); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

func (w *Writer) write(b []byte) {
	if w.err != nil {
		return
	}
	if w.n += int64(len(b)); w.n > MaxSize-int64(headerSize+trailerSize) {
		w.err = fmt.Errorf("over the %d MiB a cache file may have", MaxSize>>20)
		return
	}
	w.crc.Write(b)
	_, w.err = w.w.Write(b)
}

// Uvarint writes u.
func (w *Writer) Uvarint(u uint64) { w.write(binary.AppendUvarint(w.scratch[:0], u)) }

// Bool writes b.
func (w *Writer) Bool(b bool) {
	if b {
		w.Uvarint(1)
	} else {
		w.Uvarint(0)
	}
}

// Bytes writes b, its length first.
func (w *Writer) Bytes(b []byte) {
	w.Uvarint(uint64(len(b)))
	w.write(b)
}

// String writes s, its length first: as Bytes, its bytes read in place
// (write neither keeps nor changes them), not copied.
func (w *Writer) String(s string) { w.Bytes(unsafe.Slice(unsafe.StringData(s), len(s))) }

// Fixed writes b as it is: a reader knows its length.
func (w *Writer) Fixed(b []byte) { w.write(b) }

// Commit ends the file, syncs it and renames it over path, then syncs the
// folder. It returns the file's size. After an error nothing is left
// behind and the previous file, if any, stands.
func (w *Writer) Commit() (int64, error) {
	if w.err != nil {
		err := w.err
		w.Abort()
		return 0, err
	}
	var t [trailerSize]byte
	binary.LittleEndian.PutUint64(t[:], uint64(w.n))
	binary.LittleEndian.PutUint32(t[8:], w.crc.Sum32())
	_, err := w.w.Write(t[:])
	if err == nil {
		err = w.w.Flush()
	}
	if err == nil {
		err = w.f.Sync()
	}
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(w.tmp, w.path)
	}
	if err != nil {
		os.Remove(w.tmp)
		return 0, err
	}
	if d, err := os.Open(filepath.Dir(w.path)); err == nil {
		d.Sync() // the rename, on file systems that need it
		d.Close()
	}
	return int64(headerSize) + w.n + trailerSize, nil
}

// Abort drops what was written.
func (w *Writer) Abort() {
	w.f.Close()
	os.Remove(w.tmp)
}

// Read reads the cache file path written for key and returns its
// payload, checked, and the file's size. A missing file is an
// os.ErrNotExist; one for another key is ErrOther; one not whole or not
// as written ErrCorrupt. The file is read once, within MaxSize.
func Read(path string, key [32]byte) (payload []byte, size int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	size = fi.Size()
	if !fi.Mode().IsRegular() || size > MaxSize {
		return nil, size, fmt.Errorf("%w: not a file of at most %d MiB", ErrCorrupt, MaxSize>>20)
	}
	if size < int64(headerSize+trailerSize) {
		return nil, size, ErrCorrupt
	}
	var h [headerSize]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return nil, size, ErrCorrupt
	}
	if string(h[:len(magic)]) != magic {
		return nil, size, fmt.Errorf("%w: not a cache file", ErrCorrupt)
	}
	if binary.LittleEndian.Uint32(h[len(magic):]) != Format || !bytes.Equal(h[len(magic)+4:], key[:]) {
		return nil, size, ErrOther
	}
	// The size the file says is the size it has: a file that grew or
	// shrank while being read is not whole.
	buf := make([]byte, size-int64(headerSize))
	payloadLen := len(buf) - trailerSize
	crc, err := readChecksummed(f, buf, payloadLen)
	if err != nil {
		return nil, size, ErrCorrupt
	}
	if n, err := f.Read(make([]byte, 1)); n > 0 || err != io.EOF {
		return nil, size, ErrCorrupt
	}
	payload, t := buf[:payloadLen], buf[payloadLen:]
	if binary.LittleEndian.Uint64(t) != uint64(len(payload)) || binary.LittleEndian.Uint32(t[8:]) != crc {
		return nil, size, ErrCorrupt
	}
	return payload, size, nil
}

// readChunk is how much readChecksummed reads at a time.
const readChunk = 4 << 20

// readChecksummed fills buf from r and returns the checksum of its first
// n bytes, summed on another goroutine as the chunks arrive: on a
// machine of two cores, the checksum of a cache of a few hundred MiB
// costs no time beside its reading (the copy, and the page faults of the
// fresh buffer).
func readChecksummed(r io.Reader, buf []byte, n int) (uint32, error) {
	read := make(chan int, len(buf)/readChunk+1) // ends of the chunks read
	sum := make(chan uint32, 1)
	go func() {
		crc, at := uint32(0), 0
		for end := range read {
			crc = crc32.Update(crc, castagnoli, buf[at:min(end, n)])
			at = min(end, n)
		}
		sum <- crc
	}()
	var err error
	for at := 0; at < len(buf) && err == nil; {
		end := min(at+readChunk, len(buf))
		if _, err = io.ReadFull(r, buf[at:end]); err == nil {
			read <- end
			at = end
		}
	}
	close(read)
	crc := <-sum
	return crc, err
}

// Size is the size of the cache file path, 0 when there is none.
func Size(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// RemoveTemporary removes what writers interrupted (a crash, a power
// cut) left in dir: the temporary files of cache files.
func RemoveTemporary(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), ".tmp-") && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// Decoder reads fields from a payload. Every length and count is checked
// against the bytes left before anything is allocated, so that no input
// allocates more than its own size; the first problem stops it (Err),
// and every later read returns a zero value.
type Decoder struct {
	b   []byte
	err error
}

// NewDecoder reads b. Bytes returned alias b.
func NewDecoder(b []byte) *Decoder { return &Decoder{b: b} }

// Err is the first problem met, nil if none.
func (d *Decoder) Err() error { return d.err }

// Done is Err, or a problem if bytes are left over.
func (d *Decoder) Done() error {
	if d.err == nil && len(d.b) > 0 {
		d.fail("bytes left over")
	}
	return d.err
}

// Fail stops d: what it read is not what a writer wrote.
func (d *Decoder) Fail(what string) { d.fail(what) }

func (d *Decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrCorrupt, what)
	}
	d.b = nil
}

// Uvarint reads an unsigned number.
func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	u, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad number")
		return 0
	}
	d.b = d.b[n:]
	return u
}

// Int reads a number of at most limit.
func (d *Decoder) Int(limit int) int {
	u := d.Uvarint()
	if u > uint64(limit) {
		d.fail("number out of range")
		return 0
	}
	return int(u)
}

// Int64 reads a number as Int does, for numbers an int may not hold
// (sizes, on a 32-bit system).
func (d *Decoder) Int64(limit int64) int64 {
	u := d.Uvarint()
	if u > uint64(limit) {
		d.fail("number out of range")
		return 0
	}
	return int64(u)
}

// Uint32 reads a number of at most 32 bits (an offset, a mode).
func (d *Decoder) Uint32() uint32 { return uint32(d.Int64(math.MaxUint32)) }

// MaxLine bounds a line number read back: 2^40 (a file of a terabyte of
// empty lines), or what an int holds.
const MaxLine = min(1<<40, math.MaxInt)

// Count reads how many elements follow, each of at least minSize bytes,
// and at most limit of them: never more than the bytes left can hold.
func (d *Decoder) Count(minSize, limit int) int {
	return d.Int(min(limit, len(d.b)/max(minSize, 1)))
}

// Bool reads a bool.
func (d *Decoder) Bool() bool {
	switch d.Uvarint() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail("bad bool")
	return false
}

// Bytes reads a length-prefixed field, aliasing the payload (with no room
// to grow into the next field).
func (d *Decoder) Bytes() []byte { return d.Fixed(d.Int(math.MaxInt)) }

// String reads a length-prefixed field as a string (a copy).
func (d *Decoder) String() string { return string(d.Bytes()) }

// Fixed reads n bytes, aliasing the payload.
func (d *Decoder) Fixed(n int) []byte {
	if n > len(d.b) {
		d.fail("field longer than what is left")
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}
