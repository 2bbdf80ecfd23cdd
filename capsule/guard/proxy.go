package guard

import (
	"bytes"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"time"

	proxyproto "github.com/pires/go-proxyproto"
)

// ParseTrusted reads the addresses (192.0.2.1) and networks (10.0.0.0/8)
// allowed to send a PROXY protocol header.
func ParseTrusted(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !strings.Contains(s, "/") {
			a, err := netip.ParseAddr(s)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q: %v", s, err)
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %v", s, err)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// ProxyListener reads PROXY protocol headers (v1 and v2) from connections
// that come from a trusted proxy, whose header must then be there, and
// takes the client's address from it. Connections from anyone else are
// served as direct ones, without looking for a header: one they send is
// taken as their request, never as their address. (Looking for it would
// also stall a gopher client whose request, "\r\n", begins like a v2
// header.)
func ProxyListener(l net.Listener, trusted []netip.Prefix, timeout time.Duration) net.Listener {
	isTrusted := func(a net.Addr) bool {
		ap, err := netip.ParseAddrPort(a.String())
		if err != nil {
			return false
		}
		for _, p := range trusted {
			if p.Contains(ap.Addr().Unmap()) {
				return true
			}
		}
		return false
	}
	return &proxyproto.Listener{
		Listener:          wholeHeaderListener{l, isTrusted},
		ReadHeaderTimeout: timeout,
		ConnPolicy: func(o proxyproto.ConnPolicyOptions) (proxyproto.Policy, error) {
			if isTrusted(o.Upstream) {
				return proxyproto.REQUIRE, nil
			}
			return proxyproto.SKIP, nil
		},
	}
}

// maxV1Header is the longest a PROXY v1 header can be, CRLF included
// (the specification's worst case, "PROXY UNKNOWN" and two IPv6
// addresses and ports).
const maxV1Header = 107

// wholeHeaderListener hands go-proxyproto a trusted proxy's v1 header
// whole in the first read, when the proxy's write of it arrived in
// pieces: the library drops a connection whose header takes two reads
// (it cannot tell a slow writer from an attack), where the specification
// recommends patience. The wait is bounded: at most maxV1Header bytes,
// within the header's read deadline the library sets; and only for the
// proxies trusted, never a stranger.
type wholeHeaderListener struct {
	net.Listener
	trusted func(net.Addr) bool
}

func (l wholeHeaderListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil || !l.trusted(c.RemoteAddr()) {
		return c, err
	}
	return &wholeHeaderConn{Conn: c}, nil
}

type wholeHeaderConn struct {
	net.Conn
	read bool // the first read is done
	sent int  // bytes the first read gave
}

func (c *wholeHeaderConn) Read(b []byte) (int, error) {
	if c.read {
		return c.Conn.Read(b)
	}
	c.read = true
	n, err := c.Conn.Read(b)
	for err == nil && n < min(len(b), maxV1Header) && partialV1Header(b[:n]) {
		var m int
		m, err = c.Conn.Read(b[n:min(len(b), maxV1Header)])
		n += m
	}
	c.sent = n
	return n, err
}

// BadProxyHeader reports whether err, the first read's of c (a connection
// of ProxyListener's), says that a trusted proxy sent something that is
// no PROXY header: a proxy that does not send one (HAProxy without
// send-proxy), or a header cut short. A connection closed before sending
// anything (a health check's) is not one.
func BadProxyHeader(c net.Conn, err error) bool {
	if err == nil {
		return false
	}
	pc, ok := c.(*proxyproto.Conn)
	if !ok {
		return false
	}
	w, ok := pc.Raw().(*wholeHeaderConn)
	return ok && w.sent > 0 && strings.HasPrefix(err.Error(), "proxyproto: ")
}

// partialV1Header reports whether p is the start of a v1 header that
// has not yet reached its line's end.
func partialV1Header(p []byte) bool {
	const sig = "PROXY "
	if len(p) < len(sig) {
		return string(p) == sig[:len(p)]
	}
	return string(p[:len(sig)]) == sig && !bytes.Contains(p, []byte("\n"))
}
