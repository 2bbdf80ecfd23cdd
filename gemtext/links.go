package gemtext

import (
	"bytes"
	"strings"
)

// linkSet collects the links of one block, in order of appearance, each URL
// once, to be written as link lines after the block. The renderer keeps one
// and resets it for each block.
type linkSet struct {
	items []linkItem
	text  []byte // the URLs and labels of items
	// seen holds the URLs of a block with many links; see add.
	seen   map[string]bool
	useMap bool
}

// span is a part [start, end) of linkSet.text or another buffer.
type span struct{ start, end int }

type linkItem struct {
	url, label span
}

func (s *linkSet) reset() {
	s.items, s.text = s.items[:0], s.text[:0]
	if s.useMap {
		clear(s.seen)
		s.useMap = false
	}
}

func (s *linkSet) slice(sp span) []byte { return s.text[sp.start:sp.end] }

// add registers the URL at s.text[start:], just appended, and returns its
// index in items, or -1 (the URL dropped again) if the set has it already:
// the first label wins. Most blocks have a few links, which a linear search
// finds faster than a map; the map takes over from 16.
func (s *linkSet) add(start int) int {
	const linear = 16
	url := s.text[start:]
	if s.useMap {
		if s.seen[string(url)] {
			s.text = s.text[:start]
			return -1
		}
		s.seen[string(url)] = true
	} else {
		for _, it := range s.items {
			if bytes.Equal(s.slice(it.url), url) {
				s.text = s.text[:start]
				return -1
			}
		}
		if len(s.items) == linear {
			if s.seen == nil {
				s.seen = make(map[string]bool, 2*linear)
			}
			s.useMap = true
			for _, it := range s.items {
				s.seen[string(s.slice(it.url))] = true
			}
			s.seen[string(url)] = true
		}
	}
	s.items = append(s.items, linkItem{url: span{start, len(s.text)}})
	return len(s.items) - 1
}

// linkLines emits one link line per link of the block through frame f:
// "=> url label", or "=> url" when the label is empty or the URL itself.
func (r *renderer) linkLines(f int) {
	s := &r.links
	for _, it := range s.items {
		url, label := s.slice(it.url), s.slice(it.label)
		b := append(append(r.scratch[:0], "=> "...), url...)
		if len(label) > 0 && !bytes.Equal(label, url) {
			b = append(append(b, ' '), label...)
		}
		r.scratch = b
		r.emit(f, kindMark, b)
	}
}

// addLink registers dest, rewritten by Options.Link and made safe for a
// link line, in r.links, and returns its index there (-1 for a URL seen
// before in the block). ok is false if there is no destination to link to.
func (r *renderer) addLink(dest []byte) (i int, ok bool) {
	s := &r.links
	start := len(s.text)
	dest = bytes.TrimSpace(dest)
	if len(dest) > 0 && r.opts.Link != nil {
		d := strings.TrimSpace(r.opts.Link(r.destString(dest)))
		if d == "" {
			return -1, false
		}
		s.text = appendEscapedURL(s.text, d)
	} else {
		if len(dest) == 0 {
			return -1, false
		}
		s.text = appendEscapedURL(s.text, dest)
	}
	return s.add(start), true
}

// destString returns dest as a string for Options.Link. A conversion
// would allocate once a link; instead the destinations are written one
// after another into a builder and passed as parts of its string, which a
// builder never changes once returned. (A string Link keeps stays valid:
// it only keeps the builder's buffer alive. newRenderer starts a new one.)
func (r *renderer) destString(dest []byte) string {
	if r.dests.Cap() == 0 {
		r.dests.Grow(len(r.src)/8 + len(dest))
	}
	start := r.dests.Len()
	r.dests.Write(dest)
	return r.dests.String()[start:]
}

// escapeURL percent-encodes every byte of s that may not appear in a URI
// (RFC 3986): spaces, controls, non-ASCII (as UTF-8 bytes) and "<>\^`{|}.
// Existing %XX escapes are kept, so the result never contains a space.
func escapeURL(s string) string {
	i := 0
	for i < len(s) && urlSafe[s[i]] {
		i++
	}
	if i == len(s) {
		return s
	}
	return string(appendEscapedURL(make([]byte, 0, len(s)+16), s))
}

// appendEscapedURL appends s to dst, escaped as escapeURL says.
func appendEscapedURL[T string | []byte](dst []byte, s T) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && urlSafe[s[j]] {
			j++
		}
		dst = append(dst, s[i:j]...)
		if j == len(s) {
			break
		}
		c := s[j]
		dst = append(dst, '%', hex[c>>4], hex[c&15])
		i = j + 1
	}
	return dst
}

// urlSafe tells the bytes a URL may hold as they are.
var urlSafe = func() (t [256]bool) {
	for c := 0x21; c < 0x7f; c++ {
		t[c] = strings.IndexByte("\"<>\\^`{|}", byte(c)) < 0
	}
	return t
}()
