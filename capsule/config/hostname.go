package config

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/idna"
)

// isHostname says what keeps v from being the host name readers use, or
// "" when nothing does. The name goes into every gemini:// URL, into the
// host field of every Gopher menu line, and into the certificate made
// for it, so it is written as DNS carries it: letters, digits, hyphens
// (and underscores, which some networks use) between dots, an
// internationalized name in its ASCII form (xn--…), or an IP address.
// Anything else fails in a way -check did not see (a certificate that
// cannot carry the name, a TAB that splits a menu line) or is a mistake
// that answers every reader 53 (a port or a scheme written into the
// name, a stray space). Lengths are not held to DNS's bounds: a name
// that only a hosts file gives is served as it is.
func isHostname(v any) string {
	h := v.(string)
	switch {
	case h == "":
		return "must not be empty"
	case net.ParseIP(h) != nil:
		return ""
	case strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") && net.ParseIP(h[1:len(h)-1]) != nil:
		return fmt.Sprintf("is an address in brackets: write it without them, %s", h[1:len(h)-1])
	case strings.Contains(h, "://"):
		if u, err := url.Parse(h); err == nil && u.Hostname() != "" {
			return fmt.Sprintf("is a URL: write its host name alone, %s", u.Hostname())
		}
		return "is a URL: write its host name alone"
	}
	if host, port, err := net.SplitHostPort(h); err == nil && host != "" && port != "" {
		return fmt.Sprintf("holds a port: write the host name alone, %s, and the port readers use as gemini.port (-gemini-port %s)", host, port)
	}
	for i := 0; i < len(h); i++ {
		if h[i] >= 0x80 {
			// Readers' clients send the ASCII form (and capsule takes
			// the Unicode form of it too); certificates and Gopher
			// menus can carry only that one.
			if a, err := idna.Lookup.ToASCII(h); err == nil && a != h {
				return fmt.Sprintf("is an internationalized name: write it in its ASCII form, as DNS, certificates and Gopher menus carry it: %s", a)
			}
			return "is not a host name: letters, digits, hyphens and dots (an internationalized name in its ASCII form, xn--…)"
		}
	}
	for _, label := range strings.Split(strings.TrimSuffix(h, "."), ".") {
		if label == "" {
			return "has an empty part (two dots together, or a dot first)"
		}
		for _, c := range label {
			if !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return fmt.Sprintf("is not a host name: %q may not be in one (letters, digits, hyphens and dots)", c)
			}
		}
	}
	return ""
}
