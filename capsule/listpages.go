package capsule

import (
	"capsule/capsule/content"
	"capsule/capsule/gemini"
	"capsule/gemtext"
	"capsule/gopher"
)

// A page that lists posts (the home page, the archive, a tag's page, and
// their menus) holds a line per post: at 10,000 posts, about a megabyte.
// Each is made where it is served from, in one array sized for it at the
// start: its posts' lines, whose bytes are known, and room for the rest.
// Grown line by line (each time the page outgrew its array, a new one of
// twice the size) and then copied whole into its response, each was
// written three to four times over at every reload that changed a post's
// line (a title, a date, a new post), in memory the process had not
// written before, which this kind of machine makes dear.

// Room a list page has for what is not its posts' lines: listRoom for its
// headings and a few links, and listItemRoom for each item of the site it
// lists besides its posts (a page, another language, a year), whose title
// it also counts. A page that needs more grows as any buffer does, and is
// then copied into its response, as before: only slower.
const (
	listRoom     = 4 << 10
	listItemRoom = 256
)

// linesSize is the bytes of posts' lines in lists, on Gemini or on Gopher.
func (b *blog) linesSize(posts []*content.Post, onGopher bool) int {
	n := 0
	for _, p := range posts {
		if l := b.part(p).lines; onGopher {
			n += len(l.gopher)
		} else {
			n += len(l.gemini)
		}
	}
	return n
}

// listRoomFor is the room a list page of b has besides its posts' lines
// (see listRoom).
func (b *blog) listRoomFor() int {
	site := b.site
	n := listRoom + 4*(len(site.Title)+len(site.Description)) + len(b.homeBody) +
		(len(b.pages)+len(b.copied)+len(b.others)+len(b.years))*(listItemRoom+len(site.Hostname))
	for _, p := range b.pages {
		n += 2 * len(p.Title)
	}
	for _, o := range b.copied {
		n += 2 * len(o.b.entry(o.j).Title)
	}
	return n
}

// listPage is a Gemini page that lists posts, written after its response's
// header in the array it is served from.
type listPage struct {
	gemtext.Page
	meta   string
	header int
}

// newListPage starts a page in lang of size bytes or a little less.
func newListPage(lang string, size int) *listPage {
	p := &listPage{meta: gemtextMeta(lang)}
	header := "20 " + p.meta + "\r\n"
	p.header = len(header)
	p.Grow(len(header) + size)
	p.Gemtext([]byte(header)) // as it is: the response's header line
	return p
}

// response is the page as served, in the page's own array when it was
// made for it (see gopher.Menu.Done), a copy otherwise. The page may not
// be written afterwards.
func (p *listPage) response() *gemini.Response {
	raw := p.Bytes()
	if cap(raw)-len(raw) > len(raw)/8 {
		raw = append(make([]byte, 0, len(raw)), raw...) // not held with room it does not use
	}
	raw = raw[:len(raw):len(raw)]
	return &gemini.Response{Status: gemini.StatusSuccess, Meta: p.meta, Body: raw[p.header:], Raw: raw}
}

// listMenu starts a Gopher menu of size bytes or a little less, to be
// ended by Done.
func (b *blog) listMenu(size int) *gopher.Menu {
	m := b.menu()
	m.Grow(size)
	return m
}
