package daemon

import (
	"errors"
	"fmt"
	"net"
	"syscall"

	"capsule/capsule/config"
)

// A Listen is one address a start would listen on, as -check found it.
type Listen struct {
	What, Addr string // "gemini", "gopher", "gopher of en.example", "agent", "metrics"; the address
	// Note says why the address could not be taken now though a start
	// may take it (in use, by the capsuled already running most often; a
	// port below 1024, which systemd's socket or a capability gives), or
	// is empty when it was taken and released.
	Note string
}

// checkListen binds every address a start would listen on, and releases
// it at once: an address no start could take (not this machine's, not an
// address at all) is a problem now, with -check, not at the start. An
// address in use, or a privileged port, is a note: the running capsuled
// holds its addresses while -check runs beside it, and under the shipped
// unit systemd binds the ports.
func checkListen(cfg config.Config) ([]Listen, []error) {
	var addrs []Listen
	if cfg.GeminiListener == nil {
		addrs = append(addrs, Listen{What: "gemini", Addr: cfg.GeminiAddr})
	}
	if cfg.GopherListener == nil {
		addrs = append(addrs, Listen{What: "gopher", Addr: cfg.GopherAddr})
	}
	for _, s := range cfg.Sites {
		if s.GopherListener == nil {
			addrs = append(addrs, Listen{What: "gopher of " + s.Hostname, Addr: s.GopherAddr})
		}
	}
	if cfg.ProxyAgent != "" && cfg.AgentListener == nil {
		addrs = append(addrs, Listen{What: "agent", Addr: cfg.ProxyAgent})
	}
	if cfg.MetricsAddr != "" && cfg.MetricsListener == nil {
		addrs = append(addrs, Listen{What: "metrics", Addr: cfg.MetricsAddr})
	}
	var errs []error
	for i, a := range addrs {
		ln, err := net.Listen("tcp", a.Addr)
		switch {
		case err == nil:
			ln.Close()
		case errors.Is(err, syscall.EADDRINUSE):
			addrs[i].Note = "in use now: by the capsuled that runs, if one does"
		case errors.Is(err, syscall.EACCES):
			addrs[i].Note = "a privileged port: systemd's socket (contrib/) or CAP_NET_BIND_SERVICE gives it"
		default:
			errs = append(errs, fmt.Errorf("%s cannot listen on %s: %w", a.What, a.Addr, unwrapOp(err)))
		}
	}
	return addrs, errs
}

// unwrapOp is err without net.OpError's "listen tcp …:" prefix, which the
// message says in the author's words.
func unwrapOp(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		return op.Err
	}
	return err
}
