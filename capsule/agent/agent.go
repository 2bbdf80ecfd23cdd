// Package agent answers HAProxy's agent checks (agent-check), so that a
// capsuled replica can tell its load balancer to stop sending it new
// connections before it stops: "up" while it serves, "drain" once it is
// stopping. A drained server gets no new connection but keeps those it
// has; HAProxy asks every agent-inter.
//
// Each check is one connection, answered with one line and closed; what
// the checker sends is never read. The agent's address should be one only
// the load balancer reaches (loopback, a private network).
package agent

import (
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// writeTimeout bounds an answer: a checker that does not read gets its
// connection closed.
const writeTimeout = time.Second

// Server answers agent checks on a listener.
type Server struct {
	ln       net.Listener
	draining atomic.Bool
	wg       sync.WaitGroup
}

// Listen answers agent checks at addr ("127.0.0.1:1966").
func Listen(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{ln: ln}
	s.wg.Add(1)
	go s.serve()
	return s, nil
}

// Addr is the address the agent listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Drain makes every answer from now on "drain".
func (s *Server) Drain() { s.draining.Store(true) }

// Close stops answering.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.wg.Wait()
	return err
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(10 * time.Millisecond) // out of descriptors: the next check will do
			continue
		}
		answer := "up ready\n"
		if s.draining.Load() {
			answer = "drain\n"
		}
		c.SetWriteDeadline(time.Now().Add(writeTimeout))
		c.Write([]byte(answer))
		c.Close()
	}
}
