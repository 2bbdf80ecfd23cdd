package content

import (
	"bytes"
	"cmp"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxSectionList is the most pages a Zola section's page lists below its
// text (zolaSectionLists): Zola splits a long list into pages of
// paginate_by; capsule lists the first MaxSectionList in the section's
// order, about 100 bytes each, and says so in a warning. The others are
// served all the same, at their addresses, in the capsule's own lists.
const MaxSectionList = 1000

// kindSectionListCut groups the warnings of sections listing more pages
// than MaxSectionList.
const kindSectionListCut = "section list cut"

// zolaSectionLists adds to the text of each Zola section that is a page
// (zolaSectionPages), of loaded, the list of the section's pages, as
// Zola's section template shows it below section.content: a link to
// each published page or post of c whose section it is (its folder's,
// a bundle's parent's; a transparent section's pages are its parent's
// too), in the same language, in the section's sort_by order (date,
// update_date: newest first, undated pages left out, as Zola leaves out
// the pages it cannot sort; title, title_bytes, slug; any other, newest
// first, then the undated by slug). Drafts, scheduled and expired posts
// are not in c's posts and pages: never listed. kept are posts of an
// earlier load (last good versions), whose text has its list already and
// is shared: left as they are. Each list is Markdown, a paragraph for
// each page linking its file ("/notes/uv.md"), which the capsule makes
// a link to the page's address on either protocol.
func (f folder) zolaSectionLists(c *Content, loaded []*Post, kept map[*Post]bool, sections map[string]zolaSection) []*FileError {
	type key struct{ dir, lang string }
	var pages []*Post
	want := make(map[key]bool)
	for _, p := range loaded {
		if _, section := f.zolaFileKind(p); section && !p.Home && !kept[p] {
			pages = append(pages, p)
			want[key{p.Dir, p.LangDir}] = true
		}
	}
	if len(pages) == 0 {
		return nil
	}
	members := make(map[key][]*Post)
	for _, list := range [][]*Post{c.Posts, c.Pages} {
		for _, q := range list {
			bundle, section := f.zolaFileKind(q)
			if section || q.Home {
				continue // a section's own page is in no list of pages
			}
			dir := q.Dir
			if bundle {
				dir = parentDir(dir)
			}
			// Its section's, and, through transparent sections (or
			// folders with no _index.md, as zolaMain reads them), its
			// parents'.
			for {
				if k := (key{dir, q.LangDir}); want[k] {
					members[k] = append(members[k], q)
				}
				if s, ok := sections[dir]; dir == "" || ok && !s.transparent {
					break
				}
				dir = parentDir(dir)
			}
		}
	}
	var warns []*FileError
	for _, p := range pages {
		sortBy := sections[p.Dir].sortBy
		list := sortSection(members[key{p.Dir, p.LangDir}], sortBy)
		if len(list) == 0 {
			continue
		}
		if len(list) > MaxSectionList {
			warns = append(warns, &FileError{File: p.File, Line: 1, Kind: kindSectionListCut,
				Msg: fmt.Sprintf("the section's page lists the first %d of its %d pages (Zola pages its list): every one is served at its own address, and in the capsule's lists", MaxSectionList, len(list))})
			list = list[:MaxSectionList]
		}
		var b strings.Builder
		b.Write(bytes.TrimRight(p.Body, "\n"))
		b.WriteString(openBlockEnd(p.Body))
		sep := "\n\n" // a paragraph of its own, after the text
		for _, q := range list {
			label := q.Title
			if label == "" {
				label = q.Slug
			}
			if at := q.Date; q.HasDate {
				if sortBy == "update_date" && !q.Updated.IsZero() {
					at = q.Updated // the date it is listed by
				}
				label = at.Format("2006-01-02") + " " + label
			}
			b.WriteString(sep)
			sep = "\\\n" // a line each: a hard break
			b.WriteString("[")
			b.WriteString(markdownText(label))
			b.WriteString("](<")
			b.WriteString(strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "\n", " ", "\r", " ").Replace("/" + q.Path()))
			b.WriteString(">)")
		}
		b.WriteString("\n")
		// Not the file's text any more: kept by Forget, hashed as it is.
		p.Body, p.plain = []byte(b.String()), false
		p.BodyHash = hashBody(p.Body)
	}
	return warns
}

// zolaFileKind reports whether p's file is a page bundle's (index.md,
// index.fr.md) or a section's (_index.md, _index.fr.md), in a folder.
func (f folder) zolaFileKind(p *Post) (bundle, section bool) {
	if p.Dir == "" {
		return false, false
	}
	name := filepath.Base(p.File)
	stem, _ := f.config.langSuffix(strings.TrimSuffix(name, filepath.Ext(name)))
	return strings.EqualFold(stem, "index"), isZolaSection(stem)
}

// parentDir is dir's parent, "" for the top.
func parentDir(dir string) string {
	if dir = path.Dir(dir); dir == "." || dir == "/" {
		return ""
	}
	return dir
}

// sortSection puts a Zola section's pages in the order of its sort_by
// (see zolaSectionLists), each page's slug and then its file breaking
// ties, on a copy.
func sortSection(list []*Post, sortBy string) []*Post {
	list = slices.Clone(list)
	tie := func(a, b *Post) int { return cmp.Or(cmp.Compare(a.Slug, b.Slug), cmp.Compare(a.File, b.File)) }
	newest := func(a, b *Post) int {
		switch {
		case a.HasDate != b.HasDate:
			if a.HasDate {
				return -1
			}
			return 1
		case sortBy == "update_date":
			return cmp.Or(b.Updated.Compare(a.Updated), b.Date.Compare(a.Date), tie(a, b))
		}
		return cmp.Or(b.Date.Compare(a.Date), tie(a, b))
	}
	switch sortBy {
	case "date", "update_date":
		list = slices.DeleteFunc(list, func(p *Post) bool { return !p.HasDate })
		slices.SortFunc(list, newest)
	case "title":
		slices.SortFunc(list, func(a, b *Post) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)), tie(a, b))
		})
	case "title_bytes":
		slices.SortFunc(list, func(a, b *Post) int { return cmp.Or(cmp.Compare(a.Title, b.Title), tie(a, b)) })
	case "slug":
		slices.SortFunc(list, tie)
	default:
		slices.SortFunc(list, newest)
	}
	return list
}

// markdownText is s written so that Markdown reads it as text: every
// ASCII punctuation character escaped with a backslash, line breaks and
// other control characters made spaces.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < ' ' || r == 0x7f || r == utf8.RuneError:
			b.WriteByte(' ')
		case r < utf8.RuneSelf && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// openBlockEnd returns what ends a block that text leaves open at its end,
// "" if none: a fenced code block never closed (a fence of its own
// character, as long), or an HTML comment never closed. Zola's section
// template writes the list of pages after the section's text; appended to
// the text, the list would be inside such a block, code or nothing, and
// its links lost. Only blocks at the top level are seen (a fence inside a
// list item or a quote ends with it).
func openBlockEnd(text []byte) string {
	var fence byte   // the open fence's character, 0 when none is open
	var fenceLen int // and its length
	comment := false // inside <!-- … -->
	for line := range bytes.Lines(text) {
		line = bytes.TrimRight(line, "\r\n")
		switch {
		case comment:
			comment = !bytes.Contains(line, []byte("-->"))
		case fence != 0:
			// Closed by a fence of its character, as long or longer,
			// alone on its line (tables.go reads code blocks so too).
			if c, n := fenceRun(line); c == fence && n >= fenceLen && isBlankLine(line[indentOf(line)+n:]) {
				fence = 0
			}
		default:
			if c, n := fenceOpens(line); n > 0 {
				fence, fenceLen = c, n
			} else if rest, ok := bytes.CutPrefix(line[min(indentOf(line), 3):], []byte("<!--")); ok {
				comment = !bytes.Contains(rest, []byte("-->"))
			}
		}
	}
	switch {
	case fence != 0:
		return "\n" + strings.Repeat(string(fence), fenceLen)
	case comment:
		return "\n-->"
	}
	return ""
}
