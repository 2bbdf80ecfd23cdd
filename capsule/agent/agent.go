// Package agent answers HAProxy's agent checks (agent-check), so that a
// capsuled replica can tell its load balancer to stop sending it new
// connections before it stops: "up 100%" while it serves, "0%" once it is
// stopping. A server at weight 0 gets no new connection but keeps those
// it has; HAProxy asks every agent-inter.
//
// The agent only ever says a weight (and "up"), never an administrative
// state: "ready" would cancel the maintenance an operator sets by hand
// on HAProxy's stats socket, within one agent-inter; "drain" is an
// administrative state (HAProxy's SRV_ADMF_FDRAIN) that only "ready"
// clears, so a replica that said it would stay drained after a restart.
// A weight does neither: 0% on the way out, 100% again once started.
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
	return Serve(ln), nil
}

// Serve answers agent checks on ln, a listener already open (systemd's
// socket named agent); Close closes it.
func Serve(ln net.Listener) *Server {
	s := &Server{ln: ln}
	s.wg.Add(1)
	go s.serve()
	return s
}

// Addr is the address the agent listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// The answers, one line each.
const (
	// Serving is the answer while the replica serves: operationally up,
	// at the weight it was configured with.
	Serving = "up 100%\n"
	// Stopping is the answer once it is stopping: weight 0, no new
	// connection.
	Stopping = "0%\n"
)

// Drain makes every answer from now on Stopping.
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
		answer := Serving
		if s.draining.Load() {
			answer = Stopping
		}
		c.SetWriteDeadline(time.Now().Add(writeTimeout))
		c.Write([]byte(answer))
		c.Close()
	}
}
