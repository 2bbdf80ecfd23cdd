package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"capsule/capsule/internal/pages"
)

// DefaultMaxPostSize caps one post, and the site file, in bytes, when
// LoadOptions.MaxPostSize is 0. The longest post of the seed blog is
// 16 KB; an essay of 100,000 Japanese characters is 300 KB of UTF-8. So
// 1 MiB holds any real post three times over, and keeps a stray video
// renamed .md, or a file that never ends, out of memory.
const DefaultMaxPostSize = 1 << 20

// Reading a folder while someone writes in it. A file read while it
// changed (its size, modification time or identity differ before and
// after the read, or it holds fewer bytes than its size), changed less
// than the settle time ago, or empty, may be half-written: an editor or a
// copy has truncated it and not yet written the rest. Load waits until the
// newest such file is settle-time old, looks again and rereads what
// changed, at most MaxRereads times; a file still changing after that is
// loaded as last read, with a warning. (What this cannot see: a writer
// that pauses longer than the settle time in the middle of a file, and
// one that truncates a file to a length other than 0 and leaves it so
// for longer than the moment the file system takes to update its
// modification time.)
const (
	// SettleTime is how long a file must have been left alone to be taken
	// as written, when LoadOptions.Settle is 0. Editors, cp, rsync and
	// scp write a post, however long, in a few milliseconds and rarely
	// pause more than a few tens between writes; 200 ms covers that with
	// room, and is short enough not to be noticed at start or reload.
	SettleTime = 200 * time.Millisecond
	// MaxRereads bounds the waits: a file rewritten without end delays a
	// Load by at most MaxRereads settle times (one second), not forever.
	MaxRereads = 5
)

// source is one file Load reads: a post, the site file or a file beside
// the posts.
type source struct {
	path  string
	limit int64  // most bytes to read
	what  string // what limit caps, for messages: "one post"
	data  []byte
	info  fs.FileInfo // the open file's, before reading
	after fs.FileInfo // the path's, after reading
	err   *FileError
	// waited is set when settle has waited for the file and found it
	// unchanged.
	waited bool
	readAt time.Time // when the read began
	// seen is what inspecting the path found, if inspected is set: a
	// stamp rather than an fs.FileInfo, which would be allocated for
	// every file of every reload only to be compared once.
	seen      fileStamp
	inspected bool
	// reused is set when the source was taken from the previous load
	// (from): its data may have been forgotten (Content.Forget).
	reused bool
	from   *source
	// stamp is, for a source taken from a previous load, or from what an
	// earlier process read (Saved), what it found of the file: a
	// FileInfo does not outlive its process. after and info are nil then.
	stamp *fileStamp
	// key is why a file beside the posts is a secret by its bytes (a
	// private key block, a credential), "" for not, once keyScanned (see
	// secretBytes).
	key        string
	keyScanned bool
	// front and text are whether the bytes start with front matter and
	// have text (startsFront, hasText), once shaped: what a load asks of
	// a Jekyll page's and a home page's bytes, kept with the record as
	// key is, so that a reload taking the file unchanged, its bytes
	// forgotten (Content.Forget), need not read it again to ask.
	front, text, shaped bool
	// redirect is whether they are a Jekyll redirect page of HTML
	// (redirectHTML), once shaped, asked of an .html file alone.
	redirect bool
}

// redirectPage says whether s's bytes, an .html file's beside a Jekyll
// site's posts, are a redirect page (redirectHTML), from its bytes the
// first time, then as it found them.
func (s *source) redirectPage() bool {
	if !s.shaped {
		s.shape()
	}
	return s.redirect
}

// shape returns whether s's bytes start with front matter and whether
// they have text, from its bytes the first time, then as it found them.
func (s *source) shape() (front, text bool) {
	if !s.shaped {
		s.front, s.text, s.shaped = startsFront(s.data), hasText(s.data), true
		s.redirect = hasExt(s.path, ".html", ".htm") && redirectHTML(s.data)
	}
	return s.front, s.text
}

// modTime is the modification time of s's file as last read or, for a
// source taken from a previous load, as then.
func (s *source) modTime() time.Time {
	switch {
	case s.after != nil:
		return s.after.ModTime()
	case s.stamp != nil:
		return time.Unix(s.stamp.mtime.Unix())
	}
	return time.Time{}
}

// unchanged reports whether cur, the file's stat now, is the version s
// holds.
func (s *source) unchanged(cur fs.FileInfo) bool {
	if s.after != nil {
		return sameVersion(cur, s.after)
	}
	st, ok := stampOf(cur)
	return ok && s.stamp != nil && st == *s.stamp
}

func (s *source) fail(format string, args ...any) {
	s.data, s.err = nil, &FileError{File: s.path, Msg: fmt.Sprintf(format, args...)}
}

func (s *source) tooBig(size int64) {
	s.fail("%d bytes, over the %d-byte limit for %s", size, s.limit, s.what)
}

// read reads s without ever blocking or reading more than its limit: the
// file is opened non-blocking, so that a named pipe or a device swapped in
// after it was inspected cannot stall, and the open file must be a
// regular one.
func (s *source) read() {
	s.data, s.info, s.after, s.err, s.waited, s.readAt, s.reused, s.from, s.stamp = nil, nil, nil, nil, false, time.Now(), false, nil, nil
	s.shaped = false
	f, err := os.OpenFile(s.path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		s.fail("%s", readProblem(err, false))
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		s.fail("%s", readProblem(err, false))
		return
	}
	if !info.Mode().IsRegular() {
		s.fail("%s, not a regular file: nothing was read from it", kindOf(info.Mode(), false))
		return
	}
	if info.Size() > s.limit {
		s.tooBig(info.Size())
		return
	}
	data, err := readSized(f, info.Size(), s.limit)
	if err != nil {
		s.fail("%s", readProblem(err, false))
		return
	}
	if int64(len(data)) > s.limit {
		s.fail("grew over the %d-byte limit for %s while being read", s.limit, s.what)
		return
	}
	after, err := os.Stat(s.path)
	if err != nil {
		s.fail("%s", readProblem(err, false))
		return
	}
	s.data, s.info, s.after = data, info, after
}

// readSized reads f, whose stat gave size, up to limit+1 bytes. It stops
// once it has size bytes, without the read that would find the end: a
// file that grew meanwhile has a new size and modification time, which
// the stat after the read shows (torn), and a file that shrank ends the
// reads early. A system call costs microseconds on a virtual machine,
// and a start reads every post: this is one call in six of a post's
// read. A file whose stat says 0 bytes is read to its end, as files of
// some file systems say 0 and hold more.
func readSized(f *os.File, size, limit int64) ([]byte, error) {
	if size == 0 {
		var buf bytes.Buffer
		_, err := buf.ReadFrom(io.LimitReader(f, limit+1))
		return buf.Bytes(), err
	}
	b := make([]byte, size)
	pages.Populate(b)
	n := 0
	for n < len(b) {
		m, err := f.Read(b[n:])
		n += m
		if err == io.EOF || m == 0 && err == nil {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return b[:n], nil
}

// torn reports whether s changed while it was read.
func (s *source) torn() bool {
	if s.reused {
		return false // unchanged since a load that found it whole
	}
	return !sameVersion(s.info, s.after) || int64(len(s.data)) != s.after.Size()
}

func sameVersion(a, b fs.FileInfo) bool {
	return os.SameFile(a, b) && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

// settle rereads the sources that changed while they were read, or less
// than wait ago, until none has; see SettleTime. It returns a warning for
// each source still changing after MaxRereads waits. A negative wait
// turns all this off.
func settle(srcs []*source, wait time.Duration) []*FileError {
	if wait < 0 {
		return nil
	}
	for round := 0; ; round++ {
		now := time.Now()
		var pending []*source
		var sleep time.Duration
		for _, s := range srcs {
			if s.err != nil {
				continue
			}
			if s.reused && wait <= RacyWindow && !now.Round(0).Before(s.readAt) { // wall clocks, as reusable compared them
				// Taken from the last load, which read it RacyWindow or
				// more after its last write (source.reusable): older than
				// wait, and whole. (Nothing else to look at: a reload
				// with nothing changed passes 10,000 of these.)
				continue
			}
			age := now.Sub(s.modTime())
			switch {
			case s.torn():
				sleep = wait
			case age < wait && age > -wait:
				sleep = max(sleep, min(wait-age, wait))
			case len(s.data) == 0 && !s.waited:
				// Truncating a file on ext4 sets its size to 0 first
				// and its modification time a moment later: an empty
				// file may be one just truncated, still looking old.
				sleep = max(sleep, wait)
			default:
				continue
			}
			pending = append(pending, s)
		}
		if len(pending) == 0 {
			return nil
		}
		if round == MaxRereads {
			var warns []*FileError
			for _, s := range pending {
				warns = append(warns, &FileError{File: s.path,
					Msg: fmt.Sprintf("still changing after %d waits of %v: loaded as last read; reload once it is saved", MaxRereads, wait), Kind: "still changing"})
			}
			return warns
		}
		time.Sleep(sleep)
		for _, s := range pending {
			if cur, err := os.Stat(s.path); err != nil || s.torn() || !s.unchanged(cur) {
				s.read()
			} else {
				s.waited = true
			}
		}
	}
}

// inspect looks at path before it is opened. It returns Lstat's and
// Stat's answers, or an error in plain words.
func inspect(path string) (link bool, info fs.FileInfo, ferr *FileError) {
	linfo, err := os.Lstat(path)
	if err != nil {
		return false, nil, &FileError{File: path, Msg: readProblem(err, false)}
	}
	link = linfo.Mode()&fs.ModeSymlink != 0
	if !link {
		return false, linfo, nil
	}
	info, err = os.Stat(path)
	if err != nil {
		return true, nil, &FileError{File: path, Msg: readProblem(err, true)}
	}
	return true, info, nil
}

// postSource is the post at path, of at most limit bytes, inspected (see
// inspectPost); nil, the reason added to errs or warns, when it is not to
// be read.
func postSource(path, root string, limit int64, errs, warns *[]*FileError) *source {
	return inspectSource(path, root, limit).take(errs, warns)
}

// inspection is a post inspected (see inspectPost), not yet taken.
type inspection struct {
	src        *source
	warn, ferr *FileError
}

// inspectSource inspects the post at path, of at most limit bytes.
func inspectSource(path, root string, limit int64) inspection {
	src := &source{path: path, limit: limit, what: "one post"}
	warn, ferr := inspectPost(src, root)
	return inspection{src, warn, ferr}
}

// take is the source inspected, or nil, the reason added to errs or
// warns, when it is not to be read.
func (in inspection) take(errs, warns *[]*FileError) *source {
	switch {
	case in.ferr != nil:
		*errs = append(*errs, in.ferr)
		return nil
	case in.warn != nil:
		*warns = append(*warns, in.warn)
		return nil
	}
	return in.src
}

// inspectPost checks a post, or the site file, before it is read: it must
// be a regular file (no named pipe, device, socket or folder, which could
// block or never end), and a symbolic link must stay inside root (a link
// that leads outside is passed over with a warning, as for the files
// beside the posts).
func inspectPost(s *source, root string) (warn, ferr *FileError) {
	path := s.path
	link, info, ferr := inspect(path)
	switch {
	case ferr != nil:
		return nil, ferr
	case info.IsDir():
		return nil, &FileError{File: path, Msg: kindOf(info.Mode(), link) + ", not a file: only files whose name ends in .md are read; rename it"}
	case !info.Mode().IsRegular():
		return nil, &FileError{File: path, Msg: kindOf(info.Mode(), link) + ", not a regular file: nothing was read from it"}
	case link:
		if why := linkProblem(root, path); why != "" {
			return &FileError{File: path, Msg: why + ": not loaded", Kind: kindLinkNotFollowed}, nil
		}
	}
	s.seen, s.inspected = stampOf(info)
	return nil, nil
}

// linkProblem says why the symbolic link p is not followed, or is ""
// when it resolves inside root (see resolveLink).
func linkProblem(root, p string) string {
	_, why := resolveLink(root, p)
	return why
}

// resolveLink returns the real path the symbolic link p leads to, and
// why it is not followed: it leads outside root (an absolute path with
// symbolic links resolved), or nowhere (a loop, a link to nothing); why
// is "" for a link that stays inside.
func resolveLink(root, p string) (target, why string) {
	target, err := filepath.EvalSymlinks(p)
	if err == nil {
		target, err = filepath.Abs(target)
	}
	if err != nil {
		// EvalSymlinks gives up on a loop in words of its own ("too many
		// links"); the kernel's answer says which problem it is.
		if _, serr := os.Stat(p); serr != nil {
			err = serr
		}
		return "", readProblem(err, true)
	}
	if abs, err := filepath.Abs(p); err == nil && strings.HasPrefix(abs, target+string(filepath.Separator)) {
		return target, "symbolic link loop: it leads to a folder that holds it"
	}
	if !strings.HasPrefix(target, root+string(filepath.Separator)) {
		return target, "symbolic link leads outside the posts folder"
	}
	return target, ""
}

// kindOf names what a file that is not a regular one is.
func kindOf(m fs.FileMode, link bool) string {
	kind := "not a regular file"
	switch {
	case m.IsDir():
		kind = "a folder"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a block device"
	}
	if link {
		return "is a symbolic link to " + kind
	}
	return "is " + kind
}

// readProblem says in plain words why a file could not be read; link says
// the path is a symbolic link.
func readProblem(err error, link bool) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "symbolic link loop: the link leads back to itself, never to a file"
	case link && errors.Is(err, fs.ErrNotExist):
		return "symbolic link to a file that does not exist"
	case errors.Is(err, fs.ErrNotExist):
		return "cannot read: the file was removed while the folder was read"
	case errors.Is(err, fs.ErrPermission):
		return "cannot read: permission denied"
	}
	var perr *fs.PathError
	if errors.As(err, &perr) {
		err = perr.Err
	}
	return "cannot read: " + err.Error()
}
