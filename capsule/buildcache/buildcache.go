// Package buildcache is the file a build cache is kept in: a header that
// says which capsule and which site wrote it, a payload of
// length-prefixed fields, the checksums of the payload's blocks
// (checksum.go), and a trailer with the payload's length and the
// checksum of those. It knows nothing of what the fields mean (capsule's
// diskcache.go does); it makes sure that a file that is not whole, not
// this capsule's or not this site's is never used (what a reader decodes
// of a payload before its check ends, it drops if the check fails), and
// that a decoder given any bytes at all neither panics nor allocates
// more than those bytes.
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
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unsafe"

	"capsule/capsule/internal/pages"
)

// magic opens every cache file.
const magic = "capsule build cache\n"

// Format is the version of the file's layout. A file of another format is
// ignored.
const Format = 37

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

// ErrOther is a cache written by another capsule (version, build), for
// another site (settings, posts folder) or in another format.
var ErrOther = errors.New("written by another version of capsule, for other settings or for another posts folder")

// ErrCorrupt is a cache that is not whole or not as written.
var ErrCorrupt = errors.New("corrupt or truncated")

// Writer writes a cache file.
type Writer struct {
	path, tmp string
	f         *os.File
	w         *bufio.Writer
	crc       summer
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
	w := &Writer{path: path, tmp: f.Name(), f: f, w: bufio.NewWriterSize(f, 1<<20)}
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
	w.crc.write(b)
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

// Words writes words, their count first, each in 8 bytes
// (little-endian) at an offset in the file that is a multiple of 8:
// read back from a mapped file, they are read in place (Decoder.Words).
func (w *Writer) Words(words []uint64) {
	w.Uvarint(uint64(len(words)))
	var pad [7]byte
	w.write(pad[:(8-(int64(headerSize)+w.n)%8)%8])
	for _, x := range words {
		w.write(binary.LittleEndian.AppendUint64(w.scratch[:0], x))
	}
}

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
	table := w.crc.table()
	var t [trailerSize]byte
	binary.LittleEndian.PutUint64(t[:], uint64(w.n))
	binary.LittleEndian.PutUint32(t[8:], crc32.Checksum(table, castagnoli))
	_, err := w.w.Write(table)
	if err == nil {
		_, err = w.w.Write(t[:])
	}
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
	return int64(headerSize) + w.n + int64(len(table)) + trailerSize, nil
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
//
// The payload is in chunks of readChunk bytes, which a Decoder lets go
// of as it reads past them. Where the file can be mapped into memory
// (mapped.go), the chunks are pieces of its mapping, whose pages Release
// gives back; else each is its own allocation, which the collector frees:
// either way, what a reader keeps of a large payload (copies, or fields
// aliasing a chunk) is all that is left of it once decoded, not the
// whole payload.
func Read(path string, key [32]byte) (payload [][]byte, size int64, err error) {
	f, err := Open(path, key)
	if err != nil {
		return nil, f.Size, err
	}
	if err := f.Check(f.n); err != nil {
		f.unmap() // nothing read from it has left
		return nil, f.Size, err
	}
	return f.Payload, f.Size, nil
}

// A File is a cache file opened: its payload, of which a reader uses
// nothing before it is checked (Check, Wait). Read does both.
type File struct {
	// Payload is the payload, in chunks (see Read).
	Payload [][]byte
	// Size is the file's size.
	Size int64

	n       int64    // the payload's length (not Payload's chunks summed: a Decoder lets go of them)
	chunks  [][]byte // Payload as Open made it (a Decoder lets go of Payload's)
	whole   []byte   // a mapped file's payload, whole; nil when read (checked as it was)
	mapping []byte   // the file mapped
	file    *os.File // a mapped file, open until its payload is checked (checkBlocks reads it)
	sums    []uint32 // the blocks' sums, as the file says
	checked int      // blocks checked, from the first
	rest    chan error
}

// Open opens the cache file path written for key, as Read does, without
// checking its payload but for its length and its table of sums: a
// mapped file's payload is checked by Check and CheckRest, block by
// block, while a reader decodes it (a decoder reads any bytes without
// harm: buildcache.Decoder), which it uses only once checked. A file
// that cannot be mapped is read, and checked as it is read. The File is
// not nil, whatever the error (its Size).
func Open(path string, key [32]byte) (*File, error) {
	f := &File{}
	// What is at path is looked at before it is opened: opening a named
	// pipe would wait for a writer, and the start with it.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return f, fmt.Errorf("%w: not a regular file", ErrCorrupt)
	}
	file, err := os.Open(path)
	if err != nil {
		return f, err
	}
	defer func() {
		if f.file == nil {
			file.Close()
		}
	}()
	fi, err := file.Stat()
	if err != nil {
		return f, err
	}
	f.Size = fi.Size()
	if !fi.Mode().IsRegular() || f.Size > MaxSize {
		return f, fmt.Errorf("%w: not a file of at most %d MiB", ErrCorrupt, MaxSize>>20)
	}
	if f.Size < int64(headerSize+trailerSize) {
		return f, ErrCorrupt
	}
	var h [headerSize]byte
	if _, err := io.ReadFull(file, h[:]); err != nil {
		return f, ErrCorrupt
	}
	if string(h[:len(magic)]) != magic {
		return f, fmt.Errorf("%w: not a cache file", ErrCorrupt)
	}
	if binary.LittleEndian.Uint32(h[len(magic):]) != Format || !bytes.Equal(h[len(magic)+4:], key[:]) {
		return f, ErrOther
	}
	// The size the file says is the size it has: a file that grew or
	// shrank while being read is not whole.
	var t [trailerSize]byte
	if _, err := file.ReadAt(t[:], f.Size-trailerSize); err != nil {
		return f, ErrCorrupt
	}
	n := binary.LittleEndian.Uint64(t[:])
	if n > MaxSize || int64(headerSize)+int64(n)+4*blocks(int64(n))+trailerSize != f.Size {
		return f, ErrCorrupt
	}
	payloadLen := int64(n)
	f.n = payloadLen
	table := make([]byte, 4*blocks(payloadLen)) // at most 16 KiB: MaxSize in blocks
	if _, err := file.ReadAt(table, int64(headerSize)+payloadLen); err != nil || crc32.Checksum(table, castagnoli) != binary.LittleEndian.Uint32(t[8:]) {
		return f, ErrCorrupt
	}
	f.sums = parseTable(table)
	if mapFiles {
		if m, err := mapFile(file, f.Size); err == nil {
			f.mapping, f.whole, f.file = m, m[headerSize:int64(headerSize)+payloadLen], file
			f.Payload = chunked(f.whole)
			f.chunks = slices.Clone(f.Payload)
			mapped(m, payloadLen)
			return f, nil
		}
	}
	var s summer
	f.Payload, err = readChunks(file, payloadLen, &s)
	if err != nil || !slices.Equal(s.done(), f.sums) {
		return f, ErrCorrupt
	}
	f.checked = len(f.sums)
	return f, nil
}

// Check checks the payload's first n bytes (the blocks they are in), on
// every core, unless they are already: ErrCorrupt if they are not as
// written. It is not safe to call with CheckRest.
func (f *File) Check(n int64) error {
	to := min(int(blocks(n)), len(f.sums))
	if to <= f.checked {
		if f.checked == len(f.sums) {
			f.Close() // all checked already: an empty payload, which has no block
		}
		return nil
	}
	if f.file == nil {
		return ErrCorrupt // found so before, or closed before checked whole
	}
	ok := checkBlocks(f.file, int64(headerSize), f.n, f.sums, f.checked, to)
	if ok {
		f.checked = to
	}
	if !ok || f.checked == len(f.sums) {
		f.Close()
	}
	if !ok {
		return ErrCorrupt
	}
	return nil
}

// Close closes the mapped file its payload is checked from, which Check
// does once the payload is all checked or found corrupt: for a File whose
// reader stops before. The mapping stays. It is not safe to call with
// CheckRest.
func (f *File) Close() {
	if f.file != nil {
		f.file.Close()
		f.file = nil
	}
}

// CheckRest starts checking what Check has not, on goroutines of their
// own; Wait returns what they found.
func (f *File) CheckRest() {
	f.rest = make(chan error, 1)
	go func() { f.rest <- f.Check(f.n) }()
}

// Wait is what CheckRest found, once it is done: nil when the whole
// payload is as written. Without CheckRest, it checks what is left now.
func (f *File) Wait() error {
	if f.rest == nil {
		return f.Check(f.n)
	}
	err := <-f.rest
	f.rest <- err // for another Wait
	return err
}

// drop gives back the pages of a mapped payload nobody will read
// (Release): one found not as written, say.
func (f *File) drop() {
	for _, c := range f.chunks {
		Release(c)
	}
}

// unmap unmaps a mapped file nothing read from it points into.
func (f *File) unmap() {
	if f.mapping != nil {
		f.drop() // counted as given back
		unmapped(f.mapping)
		unmap(f.mapping)
		f.mapping, f.whole, f.chunks, f.Payload = nil, nil, nil, nil
	}
}

// mapFiles says whether Read maps files where it can (mapped.go). (A
// variable for tests of the reading path.)
var mapFiles = true

// readChunk is how much readChunks reads at a time, and the size of
// a payload's chunks. (A variable for tests, which make it small.)
var readChunk = 4 << 20

// readChunks reads n bytes from r, in chunks of readChunk, summing them
// into s on another goroutine as they arrive: on a machine of two cores,
// the checksum of a cache of a few hundred MiB costs no time beside its
// reading (the copy, and the page faults of the fresh chunks).
func readChunks(r io.Reader, n int64, s *summer) ([][]byte, error) {
	chunks := make([][]byte, 0, n/int64(readChunk)+1)
	read := make(chan []byte, cap(chunks))
	done := make(chan struct{})
	go func() {
		for c := range read {
			s.write(c)
		}
		close(done)
	}()
	var err error
	for left := n; left > 0 && err == nil; {
		c := make([]byte, min(int64(readChunk), left))
		pages.Populate(c) // a restart's time is mostly these pages' faults
		if _, err = io.ReadFull(r, c); err == nil {
			chunks = append(chunks, c)
			read <- c
			left -= int64(len(c))
		}
	}
	close(read)
	<-done
	return chunks, err
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

// Decoder reads fields from a payload, one or more chunks read one after
// the other. Every length and count is checked against the bytes left
// before anything is allocated, so that no input allocates more than its
// own size; the first problem stops it (Err), and every later read
// returns a zero value.
type Decoder struct {
	b      []byte   // what is left of the chunk being read
	next   [][]byte // the chunks after it: each let go of once read
	left   int      // bytes left in b and next
	read   int64    // bytes read: the payload's offset in the file is headerSize
	mapped bool     // the chunks are a mapped file's (Mapped)
	err    error
}

// NewDecoder reads the payload made of chunks, one after the other. A
// field within one chunk aliases it; one across two is a copy. The
// decoder takes the slice of chunks: it sets each to nil once read, so
// that nothing holds a chunk but what was decoded from it.
func NewDecoder(chunks ...[]byte) *Decoder {
	d := &Decoder{next: chunks}
	for _, c := range chunks {
		d.left += len(c)
	}
	d.mapped = len(chunks) > 0 && Mapped(chunks[0])
	d.advance()
	return d
}

// Mapped reports whether d reads a mapped file (mapped.go): a field it
// aliases is then memory the collector does not hold, which keeps no
// chunk from being given back (Release); whoever keeps it must hold what
// releases its chunk.
func (d *Decoder) Mapped() bool { return d.mapped }

// advance moves to the next chunk with bytes once b is read, and drops
// the decoder's hold on the one read.
func (d *Decoder) advance() {
	for len(d.b) == 0 && len(d.next) > 0 {
		d.b, d.next[0] = d.next[0], nil
		d.next = d.next[1:]
	}
}

// skip consumes n bytes, n at most d.left.
func (d *Decoder) skip(n int) {
	d.left -= n
	d.read += int64(n)
	for n > 0 {
		k := min(n, len(d.b))
		d.b, n = d.b[k:], n-k
		d.advance()
	}
}

// Offset is how many bytes of the payload d has read.
func (d *Decoder) Offset() int64 { return d.read }

// Err is the first problem met, nil if none.
func (d *Decoder) Err() error { return d.err }

// Done is Err, or a problem if bytes are left over.
func (d *Decoder) Done() error {
	if d.err == nil && d.left > 0 {
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
	d.b, d.next, d.left = nil, nil, 0
}

// Uvarint reads an unsigned number.
func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	b := d.b
	if len(b) < binary.MaxVarintLen64 && len(b) < d.left {
		// Across chunks: its bytes gathered (at most a varint's).
		var buf [binary.MaxVarintLen64]byte
		b = buf[:d.peek(buf[:])]
	}
	u, n := binary.Uvarint(b)
	if n <= 0 {
		d.fail("bad number")
		return 0
	}
	d.skip(n)
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
	return d.Int(min(limit, d.left/max(minSize, 1)))
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

// littleEndian is whether this machine's words are little-endian, as a
// file's are.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// Words reads what Writer.Words wrote, at most limit words: in place in
// a mapped file, where this machine's words are little-endian (read-only
// memory: never written to); else a copy.
func (d *Decoder) Words(limit int) []uint64 {
	n := d.Count(8, limit)
	if pad := d.Fixed(int((8 - (int64(headerSize)+d.read)%8) % 8)); d.err != nil || len(bytes.Trim(pad, "\x00")) > 0 {
		d.fail("bad padding")
		return nil
	}
	if n == 0 {
		return nil
	}
	b := d.Fixed(8 * n)
	if d.err != nil {
		return nil
	}
	if d.mapped && littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%8 == 0 {
		return unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	words := make([]uint64, n)
	for i := range words {
		words[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return words
}

// Fixed reads n bytes, aliasing the payload (a copy when they are across
// chunks).
func (d *Decoder) Fixed(n int) []byte {
	if n > d.left {
		d.fail("field longer than what is left")
		return nil
	}
	if n <= len(d.b) {
		b := d.b[:n:n]
		d.skip(n)
		return b
	}
	b := make([]byte, n)
	d.peek(b)
	d.skip(n)
	return b
}

// peek copies the next bytes into buf, as many as it holds or are left,
// without reading them, and returns how many.
func (d *Decoder) peek(buf []byte) int {
	k := copy(buf, d.b)
	for _, c := range d.next {
		if k == len(buf) {
			break
		}
		k += copy(buf[k:], c)
	}
	return k
}

// Chunks cuts b into chunks as a payload read from a file is, for tests
// of decoders: their size (1 to 64 bytes) taken from b's first byte, so
// that fuzzing tries fields across every kind of boundary.
func Chunks(b []byte) [][]byte {
	if len(b) == 0 {
		return nil
	}
	n := 1 + int(b[0])%64
	var chunks [][]byte
	for len(b) > 0 {
		k := min(n, len(b))
		chunks, b = append(chunks, b[:k:k]), b[k:]
	}
	return chunks
}
