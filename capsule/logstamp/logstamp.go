// Package logstamp puts the time before every line of capsuled's log, as
// RFC 3339 with milliseconds in UTC ("2026-12-05T09:01:02.345Z"), unless
// journald reads the log: journald stamps each line itself, and a second
// time in `journalctl` would only be noise.
//
// Without a time nobody can tell, outside journald (a terminal, tmux, a
// container's log, `go run`), when a reload failed or a request came.
package logstamp

import (
	"bytes"
	"io"
	"os"
	"sync"
	"time"
)

// Layout is the time at the head of a line.
const Layout = "2006-01-02T15:04:05.000Z07:00"

// JournalReads reports whether the process's standard error goes to
// journald: systemd sets JOURNAL_STREAM for a service whose output it
// connects to the journal.
func JournalReads() bool { return os.Getenv("JOURNAL_STREAM") != "" }

// A Writer writes each line given to it after the time it was given and a
// space. Safe for concurrent use; a Write of several lines stamps each.
type Writer struct {
	mu  sync.Mutex
	w   io.Writer
	buf []byte
	now func() time.Time // time.Now, but for tests
}

// New is a Writer writing to w.
func New(w io.Writer) *Writer { return &Writer{w: w, now: time.Now} }

// Write writes p, each of its lines stamped, in one write to the
// underlying writer. A last line without its newline is stamped too: the
// log package always ends a line, so it is a whole line anyway.
func (s *Writer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now().UTC()
	b := s.buf[:0]
	for rest := p; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		b = AppendStamp(b, now)
		b = append(b, line...)
	}
	_, err := s.w.Write(b)
	if cap(b) <= 64<<10 { // the buffer of an ordinary line is kept; a long report's is not
		s.buf = b[:0]
	}
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// Unstamped is the writer under s, for a log that stamps its own lines
// when they happen but writes many at once (the access log, which writes
// once a second).
func (s *Writer) Unstamped() io.Writer { return s.w }

// AppendStamp appends t in UTC as Layout and a space to b. It allocates
// nothing beyond growing b.
func AppendStamp(b []byte, t time.Time) []byte {
	return append(t.UTC().AppendFormat(b, Layout), ' ')
}
