package gopher

import (
	"bytes"
	"strconv"
	"strings"

	gopher "git.mills.io/prologic/go-gopher"
	"github.com/rivo/uniseg"
)

// MaxDisplayWidth is the widest a menu item's display string may be, in
// display cells. RFC 1436 suggests 70 characters for the whole line; 67 leaves
// room for the item type and the client's own decoration.
const MaxDisplayWidth = 67

// Item types used by capsule, re-exported from go-gopher so that callers need
// not import it.
const (
	TypeText      = gopher.FILE
	TypeMenu      = gopher.DIRECTORY
	TypeError     = gopher.ERROR
	TypeSearch    = gopher.INDEXSEARCH
	TypeBinary    = gopher.BINARY
	TypeGIF       = gopher.GIF
	TypeImage     = gopher.IMAGE
	TypeInfo      = gopher.INFO
	TypeHTML      = gopher.HTML
	TypeDocument  = gopher.DOC
	TypeItemSound = gopher.AUDIO
)

// ItemType is a Gopher item type (the first character of a menu line).
type ItemType = gopher.ItemType

// Menu accumulates the lines of a Gopher menu (item type 1). Every display
// string goes through Sanitize, so that no control character reaches the
// reader and no TAB or line break splits a line. The zero value is not
// usable; create menus with NewMenu.
type Menu struct {
	host string
	port int
	buf  bytes.Buffer
}

// NewMenu returns an empty menu whose items point at host:port unless an item
// names another server.
func NewMenu(host string, port int) *Menu {
	return &Menu{host: sanitizeField(host), port: port}
}

// Info adds an information line (type i). Long text is wrapped to
// MaxDisplayWidth cells, one info line each; an empty text adds an empty line.
// Info lines always carry the four fields: some clients (Lagrange) drop lines
// with fewer TABs.
func (m *Menu) Info(text string) {
	text = Sanitize(text)
	if text == "" {
		m.add(gopher.INFO, "", "", m.host, m.port)
		return
	}
	for _, line := range Wrap(text, MaxDisplayWidth) {
		m.add(gopher.INFO, line, "", m.host, m.port)
	}
}

// Item adds an item of type t on this menu's server. The display string is
// cut to MaxDisplayWidth cells.
func (m *Menu) Item(t ItemType, display, selector string) {
	m.add(t, displayString(display), sanitizeField(selector), m.host, m.port)
}

// Remote adds an item of type t that points at another server.
func (m *Menu) Remote(t ItemType, display, selector, host string, port int) {
	m.add(t, displayString(display), sanitizeField(selector), sanitizeField(host), port)
}

// Error adds an error line (type 3) and an info line repeating it, because
// some clients (Lynx) show nothing for type 3.
func (m *Menu) Error(msg string) {
	msg = Sanitize(msg)
	m.add(gopher.ERROR, msg, "", m.host, m.port)
	m.add(gopher.INFO, msg, "", m.host, m.port)
}

// Bytes returns the menu with its terminating ".\r\n" line. The menu may be
// added to afterwards; Bytes returns a fresh copy each time.
func (m *Menu) Bytes() []byte {
	out := make([]byte, 0, m.buf.Len()+3)
	out = append(out, m.buf.Bytes()...)
	return append(out, ".\r\n"...)
}

// Done returns the menu with its terminating ".\r\n" line, in the menu's
// own array when it has room for that line and little more (Grow the menu
// to its size first): a long menu is then not copied whole once made. A
// copy otherwise. The menu may not be added to afterwards.
func (m *Menu) Done() []byte {
	m.buf.WriteString(".\r\n")
	b := m.buf.Bytes()
	if cap(b)-len(b) > len(b)/8 {
		return append(make([]byte, 0, len(b)), b...) // not held with room it does not use
	}
	return b[:len(b):len(b)]
}

// Lines returns the menu's lines so far, without the terminating line:
// lines to give another menu of the same server with AddLines.
func (m *Menu) Lines() []byte { return bytes.Clone(m.buf.Bytes()) }

// Len is the size of the menu's lines so far, without the terminating
// line: where the next item will begin in Bytes.
func (m *Menu) Len() int { return m.buf.Len() }

// Grow makes room for n more bytes, so that a long menu is not copied as
// it grows.
func (m *Menu) Grow(n int) { m.buf.Grow(n) }

// AddLines adds lines that Lines returned.
func (m *Menu) AddLines(lines []byte) { m.buf.Write(lines) }

// add writes one menu line, as go-gopher's Item.MarshalText lays it out,
// straight into the menu: MarshalText allocated a line for each item
// (a post's menu has one per link) only to have it copied here.
func (m *Menu) add(t ItemType, display, selector, host string, port int) {
	m.buf.Grow(len(display) + len(selector) + len(host) + 12)
	m.buf.WriteByte(byte(t))
	m.buf.WriteString(display)
	m.buf.WriteByte('\t')
	m.buf.WriteString(selector)
	m.buf.WriteByte('\t')
	m.buf.WriteString(host)
	m.buf.WriteByte('\t')
	m.buf.Write(strconv.AppendInt(m.buf.AvailableBuffer(), int64(port), 10))
	m.buf.WriteString("\r\n")
}

// displayString is s made fit for an item's display field: sanitized (see
// Sanitize), no surrounding spaces, at most MaxDisplayWidth cells.
func displayString(s string) string {
	return Truncate(strings.TrimSpace(Sanitize(s)), MaxDisplayWidth)
}

// sanitizeField makes s, a selector or host, safe as one field of a menu
// line: TAB, CR, LF and NUL would split the line or the field (and RFC 1436
// forbids them in a selector), so each becomes a space. Other bytes are
// kept: a selector is a key for the server, not text, and must come back
// as it was.
func sanitizeField(s string) string {
	if !strings.ContainsAny(s, "\t\r\n\x00") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\r', '\n', 0:
			return ' '
		}
		return r
	}, s)
}

// Truncate cuts s to at most width display cells, ending it with "…" when
// anything was cut. It never splits a grapheme cluster.
func Truncate(s string, width int) string {
	// No character is wider than its UTF-8 encoding is long (two cells
	// start at U+1100, three bytes), so a short string fits as it is.
	if len(s) <= width {
		return s
	}
	const ellipsis = "…"
	if uniseg.EastAsianAmbiguousWidth == 1 {
		// Most display strings are of characters in the table, each
		// then a grapheme cluster of its own when the next one is in
		// the table too: measured as they are cut, and only until they
		// are known to be too wide (a link's label may be a whole
		// sentence), the loop below having measured the whole string
		// first (truncateClusters). Its cut, for such characters, is
		// this one.
		limit := width - textWidth(ellipsis)
		w, cut := 0, 0 // the width of s[:i]; where the cut goes
		for i := 0; i < len(s); {
			info, n := infoAt(s, i)
			if info == 0 {
				break // the loop below, from the start
			}
			if w > width {
				// s[:i] is too wide, and its last character a cluster
				// of its own: so is s.
				return strings.TrimRight(s[:cut], " ") + ellipsis
			}
			if w += int(info >> infoWidthShift); w <= limit {
				cut = i + n
			}
			if i += n; i == len(s) {
				if w <= width {
					return s
				}
				return strings.TrimRight(s[:cut], " ") + ellipsis
			}
		}
	}
	return truncateClusters(s, width)
}

// truncateClusters is Truncate measuring s whole first, then cutting it a
// grapheme cluster at a time.
func truncateClusters(s string, width int) string {
	if textWidth(s) <= width {
		return s
	}
	const ellipsis = "…"
	limit := width - uniseg.StringWidth(ellipsis)
	used, cut := 0, 0
	for cut < len(s) {
		// A character of the line-break table followed by another is a
		// grapheme cluster of its own; anything else (a mark, a variation
		// selector, an emoji sequence) is measured a cluster at a time.
		n, w := 0, 0
		if info, size := infoAt(s, cut); info != 0 && (cut+size == len(s) || firstInTable(s[cut+size:])) {
			n, w = size, int(info>>infoWidthShift)
		} else {
			var cluster string
			cluster, _, w, _ = uniseg.FirstGraphemeClusterInString(s[cut:], -1)
			n = len(cluster)
		}
		if used+w > limit {
			break
		}
		used += w
		cut += n
	}
	return strings.TrimRight(s[:cut], " ") + ellipsis
}

func firstInTable(s string) bool {
	info, _ := infoAt(s, 0)
	return info != 0
}
