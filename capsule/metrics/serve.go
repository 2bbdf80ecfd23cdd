package metrics

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"time"
)

// Server serves a daemon's metrics at /metrics, and nothing else, on a
// listener of its own: an operator's address (-metrics), never a reader's.
// Scrapes are not requests of readers: they are neither counted nor
// logged as such.
type Server struct {
	srv  *http.Server
	ln   net.Listener
	done chan struct{}
}

// Timeouts of the metrics listener: a scraper that sends its request
// slowly, or reads slowly, or holds an idle connection, is cut off.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 2 * time.Minute
)

// Listen listens on addr and serves m there.
func (m *Metrics) Listen(addr string, errorLog *log.Logger) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return m.Serve(ln, errorLog), nil
}

// Serve serves m on ln (systemd's socket, or one Listen opened).
func (m *Metrics) Serve(ln net.Listener, errorLog *log.Logger) *Server {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	s := &Server{
		srv: &http.Server{
			Handler:           mux,
			ReadHeaderTimeout: readHeaderTimeout,
			ReadTimeout:       readTimeout,
			WriteTimeout:      writeTimeout,
			IdleTimeout:       idleTimeout,
			MaxHeaderBytes:    8 << 10,
			ErrorLog:          errorLog,
		},
		ln:   ln,
		done: make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errorLog.Printf("metrics: %v", err)
		}
	}()
	return s
}

// Addr is the address served on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Close stops serving: a scrape under way has a second to finish.
func (s *Server) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if s.srv.Shutdown(ctx) != nil {
		s.srv.Close()
	}
	<-s.done
}
