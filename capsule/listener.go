package capsule

import (
	"context"
	"net"
	"sync"
)

// trackedListener counts the connections it has accepted until they are
// closed, so that a graceful stop can wait for every one of them: counting
// starts when Accept returns, before any server goroutine could miss it.
type trackedListener struct {
	net.Listener
	mu     sync.Mutex
	open   int
	closed chan struct{} // signalled when open drops to 0
}

func newTrackedListener(l net.Listener) *trackedListener {
	return &trackedListener{Listener: l, closed: make(chan struct{}, 1)}
}

func (l *trackedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.open++
	l.mu.Unlock()
	return &trackedConn{Conn: c, l: l}, nil
}

func (l *trackedListener) release() {
	l.mu.Lock()
	l.open--
	idle := l.open == 0
	l.mu.Unlock()
	if idle {
		select {
		case l.closed <- struct{}{}:
		default:
		}
	}
}

// wait returns when no accepted connection is open, or ctx ends.
func (l *trackedListener) wait(ctx context.Context) error {
	for {
		l.mu.Lock()
		open := l.open
		l.mu.Unlock()
		if open == 0 {
			return nil
		}
		select {
		case <-l.closed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

type trackedConn struct {
	net.Conn
	l    *trackedListener
	once sync.Once
}

func (c *trackedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.l.release)
	return err
}
