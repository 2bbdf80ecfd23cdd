package gopher

import (
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Target is where a gopher:// URL points: an item type, a selector and a
// server.
type Target struct {
	Type     ItemType
	Selector string
	Host     string
	Port     int
}

// ParseURL reads a gopher:// URL as RFC 4266 lays it out:
// gopher://host[:port]/<type><selector>, the selector percent-decoded. A URL
// with no path is the server's root menu. It reports false for any other
// URL.
func ParseURL(raw string) (Target, bool) {
	u, err := url.Parse(raw)
	if err != nil || !strings.EqualFold(u.Scheme, "gopher") || u.Hostname() == "" {
		return Target{}, false
	}
	t := Target{Type: TypeMenu, Host: u.Hostname(), Port: 70}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return Target{}, false
		}
		t.Port = n
	}
	path := strings.TrimPrefix(u.Path, "/")
	if path != "" {
		t.Type = ItemType(path[0])
		t.Selector = path[1:]
	}
	if strings.ContainsAny(t.Selector, "\t\r\n\x00") {
		return Target{}, false
	}
	return t, true
}

// Link adds an item that follows a link from a post: a gopher:// URL as an
// item of its own type, a URL of another scheme as an "h" item with a
// "URL:" selector (RFC 4266's convention, answered by RedirectPage), and a
// relative reference, which no gopher client can follow, as an info line.
func (m *Menu) Link(label, rawURL string) {
	if t, ok := ParseURL(rawURL); ok {
		m.Remote(t.Type, label, t.Selector, t.Host, t.Port)
		return
	}
	if u, err := url.Parse(rawURL); err == nil && u.Scheme != "" {
		m.Item(TypeHTML, label, "URL:"+rawURL)
		return
	}
	m.Info(label + ": " + rawURL)
}

// URL returns the gopher:// URL of selector with item type t on host:port.
func URL(host string, port int, t ItemType, selector string) string {
	return "gopher://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/" + string(t) + escapeSelector(selector)
}

// escapeSelector percent-encodes what may not appear in a URL path as is,
// keeping "/" and the other characters selectors commonly use.
func escapeSelector(s string) string {
	return (&url.URL{Path: s}).EscapedPath()
}
