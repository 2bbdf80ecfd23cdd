package daemon

import (
	"net"
	"sync"
	"time"
)

// badHeaders says, at most once a minute, that a trusted proxy's
// connections came without a PROXY header that could be read: each is
// closed unanswered, and a proxy not set to send one (HAProxy without
// send-proxy) has all of them closed so, which nothing else would tell.
type badHeaders struct {
	log      func(format string, args ...any)
	protocol string
	mu       sync.Mutex
	since    int       // connections since the last line
	said     time.Time // when the last line was written
}

// badHeaderEvery is how often badHeaders writes a line.
const badHeaderEvery = time.Minute

func (d *Daemon) badHeaderLog(protocol string) *badHeaders {
	return &badHeaders{log: d.log.Printf, protocol: protocol}
}

func (b *badHeaders) note(from net.Addr, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.since++
	if now := time.Now(); now.Sub(b.said) >= badHeaderEvery {
		b.log("%s: a connection from the trusted proxy %v sent no PROXY header that could be read (%v): closed unanswered; does the proxy send one (HAProxy: send-proxy)? (connections so since this was last said: %d)", b.protocol, from, err, b.since)
		b.since, b.said = 0, now
	}
}
