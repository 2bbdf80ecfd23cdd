package capsule

import (
	"net"
	"net/url"
	"strconv"
	"strings"

	"capsule/capsule/content"
	"capsule/capsule/messages"
	"capsule/gopher"
)

// Site is what every page of the capsule shares: its description and the
// addresses readers reach it at.
type Site struct {
	content.SiteMeta
	// Messages are the texts capsule adds to pages, in the site's
	// language (messages.For).
	Messages messages.Messages
	// Hostname is the name in every URL and gopher menu item.
	Hostname string
	// GeminiPort is the port in gemini:// URLs; 1965 is left out of them.
	GeminiPort int
	// GopherPort is the port written into gopher menus: the port clients
	// connect to, which may differ from the one listened on (behind NAT).
	GopherPort int
	// GopherWidth is the width of gopher text, in display cells.
	GopherWidth int
	// FeedContent puts the newest posts whole into the Atom feeds, as
	// text, beside their summaries.
	FeedContent bool
	// Authors are the SHA-256 fingerprints of the client certificates
	// that may read the drafts (in any form NormalizeFingerprint reads).
	Authors []string
	// Titan lets the authors upload posts and their files (the daemon
	// takes the uploads): their drafts' index then lists every post's
	// source, which they read under /drafts/source/ to edit it.
	Titan bool
}

// ServesGemini reports whether a Gemini request for host and port (0: none
// named) is for this site. The host is compared without case; the caller
// has taken off a trailing dot.
func (s *Site) ServesGemini(host string, port int) bool {
	return strings.EqualFold(host, s.Hostname) && (port == 0 || port == s.GeminiPort)
}

// GeminiURL is the absolute gemini:// URL of path on this site.
func (s *Site) GeminiURL(path string) string {
	host := s.Hostname
	if s.GeminiPort != 1965 && s.GeminiPort != 0 {
		host = net.JoinHostPort(s.Hostname, strconv.Itoa(s.GeminiPort))
	} else if ip := net.ParseIP(host); ip != nil && ip.To4() == nil {
		host = "[" + host + "]"
	}
	return (&url.URL{Scheme: "gemini", Host: host, Path: path}).String()
}

// GeminiLinkURL is the absolute gemini:// URL of link, a path already
// percent-encoded as links give it (tagFeedLink, postGeminiLink, fileLink):
// GeminiURL would encode its "%" again.
func (s *Site) GeminiLinkURL(link string) string { return s.GeminiURL("") + link }

// GopherURL is the gopher:// URL (RFC 4266) of selector with item type t.
func (s *Site) GopherURL(t gopher.ItemType, selector string) string {
	return gopher.URL(s.Hostname, s.GopherPort, t, selector)
}
