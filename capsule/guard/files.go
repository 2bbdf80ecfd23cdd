package guard

import (
	"fmt"
	"sync"
	"time"
)

// FileMargin is the descriptors a daemon needs beside its connections:
// standard input, output and error, two listening sockets, the poller and
// its wake-up, the posts watcher, the systemd notification socket, a post
// or certificate file open during a reload, and connections over a cap
// held for the moment it takes to close them. 64 leaves room to spare.
const FileMargin = 64

// FilesNeeded is the open files that listeners capped at maxOpen
// connections each may need: one per connection, and FileMargin.
func FilesNeeded(listeners, maxOpen int) uint64 {
	return uint64(listeners)*uint64(maxOpen) + FileMargin
}

// FileLimitWarning says which setting to lower when listeners capped at
// maxOpen connections each (0: no cap) may need more open files than limit
// allows; it is empty when they fit. Past the limit, accept fails (EMFILE)
// and every reader waits until a connection closes.
func FileLimitWarning(limit uint64, listeners, maxOpen int) string {
	if limit == 0 || listeners <= 0 {
		return ""
	}
	fit := 0
	if limit > FileMargin {
		fit = int((limit - FileMargin) / uint64(listeners))
	}
	if maxOpen <= 0 {
		return fmt.Sprintf("max_conns is 0 (no cap) but only %d files may be open: connections past that stall accept; set max_conns to %d or less", limit, fit)
	}
	if need := FilesNeeded(listeners, maxOpen); need > limit {
		return fmt.Sprintf("max_conns %d on each of %d listeners needs up to %d open files but the limit is %d: lower max_conns to %d, or raise the limit (LimitNOFILE= in capsule.service, ulimit -n)", maxOpen, listeners, need, limit, fit)
	}
	return ""
}

// Files is what the listeners of one process share: its open file limit.
// When accept on any of them fails for want of a descriptor (EMFILE,
// ENFILE), the idle connection that has waited longest on any of them,
// and at least shedAge, is closed to free one: a flood on Gopher cannot
// starve Gemini of descriptors. A connection younger than that is never
// closed for a descriptor (one shed the moment it was accepted, because
// the next accept failed, was a reader's, reset before its handshake);
// with none old enough, accept fails, and the server retries it with a
// backoff.
type Files struct {
	// Log, when set, is told when accept first runs out of
	// descriptors, and at most once a minute after that.
	Log func(format string, args ...any)

	mu        sync.Mutex
	listeners []*Listener
	short     int       // accepts failed for a descriptor since the last line
	logged    time.Time // when the last line was written
}

// filesLogEvery is how often Files says it is short of descriptors.
const filesLogEvery = time.Minute

// Share has l take descriptors from, and give them to, the listeners of f.
func (f *Files) Share(l *Listener) {
	f.mu.Lock()
	f.listeners = append(f.listeners, l)
	f.mu.Unlock()
	l.files = f
}

// shed closes the idle connection, of any listener of f, that has
// waited longest, if it has waited at least shedAge.
func (f *Files) shed(now time.Time) bool {
	f.mu.Lock()
	listeners := f.listeners
	f.short++
	if f.Log != nil && now.Sub(f.logged) >= filesLogEvery {
		f.Log("out of open files: closing connections idle for %v or more to make room; raise the limit (LimitNOFILE=) or lower max_conns (accepts short of a file since this was last said: %d)", shedAge, f.short)
		f.short, f.logged = 0, now
	}
	f.mu.Unlock()
	var oldest *Listener
	var since time.Time
	for _, l := range listeners {
		l.mu.Lock()
		if c := l.idle.head; c != nil && (oldest == nil || c.opened.Before(since)) {
			oldest, since = l, c.opened
		}
		l.mu.Unlock()
	}
	return oldest != nil && oldest.shed(now, shedAge)
}
