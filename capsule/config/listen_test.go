package config

import (
	"strings"
	"testing"
)

// Two sites on one Gopher port, written localhost:P and 127.0.0.1:P,
// passed -check and failed at start (the second bind). Addresses are
// compared as the bind takes them.
func TestListenAddressesThatShareASocket(t *testing.T) {
	for _, c := range []struct {
		a, b    string
		overlap bool
	}{
		{"localhost:7071", "127.0.0.1:7071", true},
		{":7071", "127.0.0.1:7071", true},
		{"0.0.0.0:7071", "[::1]:7071", true},
		{"[::]:7071", "localhost:7071", true},
		{"127.0.0.1:7071", "127.0.0.1:7071", true},
		{"[::ffff:127.0.0.1]:7071", "127.0.0.1:7071", true},
		{"127.0.0.1:7071", "127.0.0.2:7071", false},
		{"127.0.0.1:7071", "127.0.0.1:7072", false},
		{"127.0.0.1:0", "127.0.0.1:0", false},
		{"localhost:7071", "127.0.0.2:7071", false},
	} {
		if got := listenOverlap(c.a, c.b); got != c.overlap {
			t.Errorf("%s and %s: overlap %v, want %v", c.a, c.b, got, c.overlap)
		}
	}
	cfg := NewConfig()
	cfg.GeminiAddr, cfg.GopherAddr = "127.0.0.1:1965", "127.0.0.1:7070"
	cfg.Sites = []SiteConfig{{Hostname: "en.localhost", Posts: "x", GopherAddr: "localhost:7070"}}
	if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), "gopher_listen localhost:7070 takes the socket of 127.0.0.1:7070") {
		t.Errorf("check: %v", err)
	}
	cfg.Sites[0].GopherAddr = "127.0.0.1:1965"
	if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), "127.0.0.1:1965") {
		t.Errorf("a site's gopher on the gemini socket: %v", err)
	}
	cfg.Sites[0].GopherAddr = "127.0.0.2:7070"
	if err := cfg.Check(); err != nil {
		t.Errorf("two loopback addresses, one port: %v", err)
	}
}

// A capsule open to other machines that names itself localhost is warned
// of; one on loopback, or with its real name, is not.
func TestLocalhostOpenToOthersWarned(t *testing.T) {
	for _, c := range []struct {
		host, gemini, gopher string
		warn                 bool
	}{
		{"localhost", ":1965", ":7070", false}, // the plain defaults: trying it on one's machine
		{"localhost", ":1965", ":70", true},
		{"localhost", "127.0.0.1:1965", "[::1]:7070", false},
		{"localhost", "127.0.0.1:1965", "0.0.0.0:7070", true},
		{"blog.localhost", "[::]:1965", "127.0.0.1:70", true},
		{"example.org", ":1965", ":70", false},
	} {
		cfg := NewConfig()
		cfg.Hostname, cfg.GeminiAddr, cfg.GopherAddr = c.host, c.gemini, c.gopher
		if w := cfg.Warnings(); (len(w) > 0) != c.warn {
			t.Errorf("%s on %s and %s: %q", c.host, c.gemini, c.gopher, w)
		}
	}
}
