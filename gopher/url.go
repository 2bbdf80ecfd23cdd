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
	if err != nil {
		return Target{}, false
	}
	return targetOf(u)
}

// targetOf is ParseURL of a URL already parsed: Menu.Link parses a link
// once for both questions it asks of it.
func targetOf(u *url.URL) (Target, bool) {
	if !strings.EqualFold(u.Scheme, "gopher") || u.Hostname() == "" {
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
//
// A link to the menu's own server keeps the selector percent-encoded as
// the URL has it: that server decodes selectors (see capsule's Store), and
// an ASCII selector reaches it intact from every client, where Lynx
// garbles one in UTF-8. Other servers get the selector decoded, as RFC
// 4266 says.
func (m *Menu) Link(label, rawURL string) {
	u, err := url.Parse(rawURL)
	if err != nil {
		m.Info(label + ": " + rawURL)
		return
	}
	if t, ok := targetOf(u); ok {
		if t.Host == m.host && t.Port == m.port {
			if sel, ok := escapedSelector(u, t.Type); ok {
				t.Selector = sel
			}
		}
		m.Remote(t.Type, label, t.Selector, t.Host, t.Port)
		return
	}
	if u.Scheme != "" {
		m.Item(TypeHTML, label, "URL:"+rawURL)
		return
	}
	m.Info(label + ": " + rawURL)
}

// URL returns the gopher:// URL of selector with item type t on host:port.
func URL(host string, port int, t ItemType, selector string) string {
	return "gopher://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/" + string(t) + escapeSelector(selector)
}

// escapedSelector is the selector of u, a gopher:// URL that targetOf
// took, percent-encoded as the URL writes it; false when its item type is
// written encoded, which would shift it.
func escapedSelector(u *url.URL, t ItemType) (string, bool) {
	p := strings.TrimPrefix(u.EscapedPath(), "/")
	if p == "" || p[0] != byte(t) {
		return "", false
	}
	return p[1:], true
}

// escapeSelector percent-encodes what may not appear in a URL path as is,
// keeping "/" and the other characters selectors commonly use.
func escapeSelector(s string) string {
	return (&url.URL{Path: s}).EscapedPath()
}
