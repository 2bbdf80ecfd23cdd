package config

import (
	"fmt"
	"net"
	"net/netip"
	"strings"

	"capsule/capsule/content"
)

// listenOverlap reports whether two listen addresses ("host:port") would
// take the same socket, so that the second bind fails at start: the same
// port, and hosts with an address in common, an unspecified host (":70",
// "0.0.0.0:70", "[::]:70") being every address. A host name is taken at
// the addresses it resolves to, as the bind would ("localhost:70" and
// "127.0.0.1:70" overlap). Port 0 (a port of the kernel's choice) never
// overlaps; an address that does not parse is left to the bind to refuse.
func listenOverlap(a, b string) bool {
	ha, pa, errA := net.SplitHostPort(a)
	hb, pb, errB := net.SplitHostPort(b)
	if errA != nil || errB != nil || pa != pb || pa == "0" {
		return false
	}
	ipsA, ipsB := listenIPs(ha), listenIPs(hb)
	if ipsA == nil || ipsB == nil {
		return true // every address
	}
	for _, x := range ipsA {
		for _, y := range ipsB {
			if x == y {
				return true
			}
		}
	}
	return false
}

// listenIPs is what a listen address's host binds: nil for every address,
// else its addresses (a name resolved; none if it does not resolve).
func listenIPs(host string) []netip.Addr {
	if host == "" {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if ip.IsUnspecified() {
			return nil
		}
		return []netip.Addr{ip.Unmap()}
	}
	names, err := net.LookupHost(host)
	if err != nil {
		return []netip.Addr{}
	}
	var ips []netip.Addr
	for _, n := range names {
		if ip, err := netip.ParseAddr(n); err == nil {
			if ip.IsUnspecified() {
				return nil
			}
			ips = append(ips, ip.Unmap())
		}
	}
	return ips
}

// publicListen reports whether a listen address takes connections from
// other machines: every interface (":1965"), or an address that is not
// loopback.
func publicListen(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ips := listenIPs(host)
	if ips == nil {
		return true
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return true
		}
	}
	return false
}

// Warnings are what in cfg works but is most likely a mistake, for -check
// and the start to say: a capsule set up for others (a configuration file,
// listen addresses chosen, systemd's sockets) that names itself localhost
// sends every reader who follows a link to their own machine. The plain
// defaults, `capsuled -posts …` tried on one's own machine, are not
// warned of.
func (cfg *Config) Warnings() []string {
	return append(cfg.siteTextWarnings(), cfg.localhostWarnings()...)
}

// siteTextWarnings say which of the site's texts the configuration gives
// are over their bounds (content.MaxSiteTitle, MaxSiteDescription), which
// every page or feed repeats: the daemon cuts them there.
func (cfg *Config) siteTextWarnings() []string {
	var out []string
	check := func(what, at, v string, max int) {
		if len(v) > max {
			out = append(out, fmt.Sprintf("%s%s is %d bytes: cut to %d (every page or feed repeats it)", at, what, len(v), max))
		}
	}
	check("title", cfg.At("title"), cfg.Title, content.MaxSiteTitle)
	check("description", cfg.At("description"), cfg.Description, content.MaxSiteDescription)
	for _, s := range cfg.Sites {
		check("title of site "+s.Hostname, "", s.Title, content.MaxSiteTitle)
		check("description of site "+s.Hostname, "", s.Description, content.MaxSiteDescription)
	}
	return out
}

// localhostWarnings: see Warnings.
func (cfg *Config) localhostWarnings() []string {
	def := NewConfig()
	if cfg.origins == nil && cfg.GeminiAddr == def.GeminiAddr && cfg.GopherAddr == def.GopherAddr &&
		cfg.GeminiListener == nil && cfg.GopherListener == nil {
		return nil
	}
	var out []string
	listens := []string{cfg.GeminiAddr, cfg.GopherAddr}
	if cfg.GeminiListener != nil {
		listens[0] = cfg.GeminiListener.Addr().String()
	}
	if cfg.GopherListener != nil {
		listens[1] = cfg.GopherListener.Addr().String()
	}
	host := strings.ToLower(strings.TrimSuffix(cfg.Hostname, "."))
	if host != "localhost" && !strings.HasSuffix(host, ".localhost") {
		return nil
	}
	for _, l := range listens {
		if publicListen(l) {
			out = append(out, fmt.Sprintf("%shostname is %s, but capsuled listens on %s, open to other machines: their readers would follow every link to their own machine; set hostname (or -hostname) to the name readers use", cfg.At("hostname"), cfg.Hostname, l))
			break
		}
	}
	return out
}
