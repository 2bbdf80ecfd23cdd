package gemtext

import (
	"bytes"
	"regexp"
	"strings"
)

// linkSet collects the links of one block, in order of appearance, each URL
// once, to be written as link lines after the block.
type linkSet struct {
	items []linkItem
	seen  map[string]bool // only for blocks with many links
}

type linkItem struct {
	url, label string
}

// add registers url and returns its index in items, or -1 if the set has
// it already (the first label wins). Most blocks have a few links, which a
// linear search finds faster than a map; the map takes over from 16.
func (s *linkSet) add(url string) int {
	const linear = 16
	if s.seen != nil {
		if s.seen[url] {
			return -1
		}
		s.seen[url] = true
	} else {
		for _, it := range s.items {
			if it.url == url {
				return -1
			}
		}
		if len(s.items) == linear {
			s.seen = make(map[string]bool, 2*linear)
			for _, it := range s.items {
				s.seen[it.url] = true
			}
			s.seen[url] = true
		}
	}
	s.items = append(s.items, linkItem{url: url})
	return len(s.items) - 1
}

// lines returns one link line per link: "=> url label", or "=> url" when
// the label is empty or the URL itself.
func (s *linkSet) lines() []line {
	if s == nil || len(s.items) == 0 {
		return nil
	}
	out := make([]line, 0, len(s.items))
	for _, it := range s.items {
		l := "=> " + it.url
		if it.label != "" && it.label != it.url {
			l += " " + it.label
		}
		out = append(out, markLine(l))
	}
	return out
}

// url returns dest, rewritten by Options.Link and made safe for a link
// line, or "" if there is no destination to link to.
func (r *renderer) url(dest string) string {
	dest = strings.TrimSpace(dest)
	if dest != "" && r.opts.Link != nil {
		dest = strings.TrimSpace(r.opts.Link(dest))
	}
	if dest == "" {
		return ""
	}
	return escapeURL(dest)
}

// escapeURL percent-encodes every byte of s that may not appear in a URI
// (RFC 3986): spaces, controls, non-ASCII (as UTF-8 bytes) and "<>\^`{|}.
// Existing %XX escapes are kept, so the result never contains a space.
func escapeURL(s string) string {
	const hex = "0123456789ABCDEF"
	i := 0
	for i < len(s) && urlSafe(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if urlSafe(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func urlSafe(c byte) bool {
	return c > 0x20 && c < 0x7f && strings.IndexByte("\"<>\\^`{|}", c) < 0
}

// bareURL is goldmark's linkify URL pattern, with the schemes a Gemini
// capsule links to, anchored: it is tried only where a "://" is.
var bareURL = regexp.MustCompile(`^(?:https?|ftp|gemini|gopher)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`)

// findBareURLs returns the [start, end) offsets of the URLs in s. A URL
// must not follow an ASCII letter or digit (so "xhttp://" is not one), and
// trailing punctuation is left out the way goldmark's linkify does.
func findBareURLs(s []byte) [][2]int {
	var out [][2]int
	last := 0 // end of the last URL found: URLs do not overlap
	for from := 0; ; {
		i := bytes.Index(s[from:], []byte("://"))
		if i < 0 {
			return out
		}
		i += from
		// Back up over the scheme's letters.
		start := i
		for start > 0 && isAlpha(s[start-1]) {
			start--
		}
		from = i + 3
		if start == i || start < last || start > 0 && isAlnum(s[start-1]) {
			continue
		}
		m := bareURL.FindIndex(s[start:])
		if m == nil {
			continue
		}
		end := start + trimURLEnd(s[start:start+m[1]])
		out = append(out, [2]int{start, end})
		last = end
		from = max(from, end)
	}
}

func isAlpha(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// trimURLEnd returns the length of u without the trailing punctuation that
// more likely ends the sentence than the URL (goldmark's linkify rules).
func trimURLEnd(u []byte) int {
	opening := bytes.Count(u, []byte("("))
	closing := bytes.Count(u, []byte(")"))
	i := len(u)
	for i > 1 {
		switch u[i-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~':
			i--
		case ')':
			if closing <= opening {
				return i
			}
			closing--
			i--
		case ';':
			j := i - 2
			for j > 0 && isAlnum(u[j]) {
				j--
			}
			if j == i-2 || u[j] != '&' {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return i
}
