package guard

import (
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
	return &proxyproto.Listener{
		Listener:          l,
		ReadHeaderTimeout: timeout,
		ConnPolicy: func(o proxyproto.ConnPolicyOptions) (proxyproto.Policy, error) {
			ap, err := netip.ParseAddrPort(o.Upstream.String())
			if err != nil {
				return proxyproto.SKIP, nil
			}
			for _, p := range trusted {
				if p.Contains(ap.Addr().Unmap()) {
					return proxyproto.REQUIRE, nil
				}
			}
			return proxyproto.SKIP, nil
		},
	}
}
