package capsule

import (
	"github.com/yuin/goldmark"

	"capsule/capsule/content"
)

// Reloads that change the Gopher width. The width reaches a post's Gopher
// text and nothing else of it: not its Gemini page, nor its menu, its
// lines in lists or its feed entry. A reload that changes it rendered
// every post again and, while the Store being served is still held,
// held a copy of all it already held: twice the memory of a steady
// capsule, for the length of the build (2.0–2.1 times the steady
// resident memory at 3,000 and 10,000 posts).
//
// When the posts' bodies are the same but for their Gopher texts
// (sameBodiesButTexts), a post that renderCache.lookup takes is not
// rendered again but rewrapped: its Markdown is parsed again and only its
// Gopher text rendered, for the new width, and packed into a text arena;
// the rest of its bytes stay where they are, shared with the previous
// Store. Texts are packed apart from the rest (packer.pack), so that the
// arenas of the previous texts die whole with the previous Store, and
// the rest, all of it live, is left where it was: no repacking, and no
// more memory after the reload than before it. (After a restart, posts
// held in the build cache's chunks keep their old texts there, counted
// live: see rewrap.)

// sameBodiesButTexts reports whether the posts of a build of c for site
// render to the bodies st holds but for their Gopher texts:
// st.sameBodySettings for st's Gopher width.
func (st *Store) sameBodiesButTexts(site *Site, c *content.Content) bool {
	s := *site
	s.GopherWidth = st.Site.GopherWidth
	return st.sameBodySettings(&s, c)
}

// Rewraps reports whether a build of c for site, given st as
// BuildOptions.Previous, rewraps the Gopher texts of the posts it takes
// from st (their settings differ in the Gopher width alone), and how
// many bytes of texts st holds: about what the build makes anew, beside
// st, besides garbage. A daemon paces its collector by it.
func (st *Store) Rewraps(site *Site, c *content.Content) (texts int64, ok bool) {
	if st.sameBodySettings(site, c) || !st.sameBodiesButTexts(site, c) {
		return 0, false
	}
	for _, r := range st.renders {
		texts += int64(len(r.txt))
	}
	return texts, true
}

// rewrap returns e, the entry of p, entry i of b, taken from the previous
// Store, with its Gopher text rendered anew for b's width (from p's
// Markdown, read back if it was forgotten, parsed with md, its links
// made by link) and packed by pk, and the rest of its bytes where they
// are. Its error is a render's (postWatch.render): p's file changed
// since it was loaded, or it took longer than its budget.
func (pk *packer) rewrap(e renderedEntry, b *blog, i int, p *content.Post, md goldmark.Markdown, link func(string) string, watch *postWatch) renderedEntry {
	r := watch.render(p, func() renderedEntry {
		scratch := scratchPool.Get().(*renderScratch)
		defer scratchPool.Put(scratch) // once packed (copied), below
		// Its warnings are the record's: the same Markdown, parsed the
		// same way.
		doc := parsePost(md, p, nil, b.site)
		text, _ := b.postGopherText(i, doc, scratch, link)
		txt, a := pk.packText(text)
		return renderedEntry{txt: txt, textArena: a}
	})
	if r.err != nil {
		return r
	}
	// A record held in a build cache's chunk (chunkArenas.hold) has its
	// text there with the rest, and its size still counts it: taken off,
	// a third of every chunk would die at once, most chunks fall under
	// half live, and the repack rule would copy the rest of half the
	// posts beside the new texts, the very copy rewrapping saves. The
	// chunk is kept whole as long as the rest of its records are (its
	// old texts, bytes of the cache file, unread), and is repacked as
	// edits empty it.
	e.txt, e.textArena, e.textSize = r.txt, r.textArena, len(r.txt)
	return e
}
