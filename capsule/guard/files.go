package guard

import "fmt"

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
