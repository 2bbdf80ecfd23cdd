package content

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxSectionList is the most pages a section's page lists below its
// text (sectionLists): Hugo and Zola split a long list into pages of
// paginate_by; capsule lists the first MaxSectionList in the section's
// order, about 100 bytes each, and says so in a warning. The others are
// served all the same, at their addresses, in the capsule's own lists.
const MaxSectionList = 1000

// kindSectionListCut groups the warnings of sections listing more pages
// than MaxSectionList.
const kindSectionListCut = "section list cut"

// sectionRules are what a generator's list of a section's pages is made
// of: Zola's (zolaSectionLists) and Hugo's (hugoSectionLists).
type sectionRules struct {
	generator string // named in the warning of a list cut: "Zola"
	// stops reports whether a page in folder dir, or below it, is in
	// no list of a section above dir: dir is a section of its own (or
	// the top).
	stops func(dir string) bool
	// subsections: a section that is a page is in its parent section's
	// list (Hugo's .Pages), not only its own pages (Zola's).
	subsections bool
	// sort puts the pages of the section of folder dir in its order, on
	// a copy, and gives the date each is listed by (false: none).
	sort func(list []*Post, dir string) []*Post
	date func(p *Post, dir string) (time.Time, bool)
	// more are links listed after the pages, in a paragraph of their
	// own: Zola's subsections (section.subsections); nil for none.
	more func(k sectionKey) []listLink
}

// sectionKey is a section in a language: its folder, its language's
// blog folder ("", "/fr").
type sectionKey struct{ dir, lang string }

// listLink is a line of a section's list: its words, and where it leads
// (a page's file, /notes/uv.md, or an address, /docs/intro/).
type listLink struct{ label, target string }

// zolaSectionLists adds to the text of each Zola section that is a page
// (sectionTextPages), of loaded, the list of the section's pages, as
// Zola's section template shows it below section.content (sectionLists):
// a transparent section's pages are its parent's too; the order is the
// section's sort_by, as Zola sorts it (sortSection); then its
// subsections (zolaSubsections). It notes the addresses of the sections'
// lists (zolaListsOf), of files.
func (f folder) zolaSectionLists(c *Content, loaded []*Post, kept map[*Post]bool, sections map[string]zolaSection, files map[string]zolaSectionFile) []*FileError {
	rules := sectionRules{
		generator: "Zola",
		stops: func(dir string) bool {
			s, ok := sections[dir]
			return dir == "" || ok && !s.transparent
		},
		sort: func(list []*Post, dir string) []*Post {
			return sortSection(list, sections[dir].sortBy, func(q *Post) string {
				bundle, _ := f.sectionFileKind(q)
				return zolaAddress(q, bundle, false)
			})
		},
		date: func(q *Post, dir string) (time.Time, bool) {
			if sections[dir].sortBy == "update_date" && q.Updated.After(q.Date) {
				return q.Updated, true // the date it is listed by
			}
			return q.Date, q.HasDate
		},
	}
	rules.more = f.zolaSubsections(c, files)
	warns := f.sectionLists(c, loaded, kept, rules)
	c.zolaLists = f.zolaListsOf(c, files, rules)
	return warns
}

// zolaSubsections gives, for a section in a language, the links to its
// subsections of files as Zola's section.subsections has them: the
// sections of the folders right below its own, in the same language,
// by their weight, then by folder (Zola leaves ties in a hash map's
// order); each named by its title, else its folder's name; leading to
// its page when it is one (sectionTextPages) and published, else to its
// address on the Zola site, which the capsule answers (ZolaLists). Those
// not rendered (render = false, redirect_to) or drafts are not listed.
func (f folder) zolaSubsections(c *Content, files map[string]zolaSectionFile) func(k sectionKey) []listLink {
	children := make(map[sectionKey][]zolaSectionFile)
	seen := make(map[sectionKey]bool, len(files))
	for _, name := range slices.Sorted(maps.Keys(files)) {
		sf := files[name]
		if k := (sectionKey{sf.dir, sf.lang}); sf.dir != "" && !sf.unlisted && !seen[k] {
			seen[k] = true // (_index.md and _index.en.md, both the default language's: one)
			parent := sectionKey{parentDir(sf.dir), sf.lang}
			children[parent] = append(children[parent], sf)
		}
	}
	pages := make(map[sectionKey]*Post) // the sections that are pages, published
	for _, list := range [][]*Post{c.Posts, c.Pages} {
		for _, q := range list {
			if _, section := f.sectionFileKind(q); section && !q.Home {
				pages[sectionKey{q.Dir, q.LangDir}] = q
			}
		}
	}
	return func(k sectionKey) []listLink {
		subs := children[k]
		slices.SortFunc(subs, func(a, b zolaSectionFile) int {
			return cmp.Or(cmp.Compare(a.weight, b.weight), cmp.Compare(a.dir, b.dir))
		})
		links := make([]listLink, 0, len(subs))
		for _, sf := range subs {
			l := listLink{label: cmp.Or(sf.title, path.Base(sf.dir)), target: sf.lang + "/" + sf.dir + "/"}
			if q := pages[sectionKey{sf.dir, sf.lang}]; q != nil {
				l.label, l.target = cmp.Or(sf.title, q.Title, l.label), "/"+q.Path()
			}
			links = append(links, l)
		}
		return links
	}
}

// ZolaList is the list of a Zola section's pages at its address on the
// Zola site, which a reader may have kept or a page link.
type ZolaList struct {
	Path string // its address, in its language: "/", "/blog/", "/fr/docs/intro/"
	Dir  string // its language's blog folder: "", "/fr"
	// Posts: it lists posts of the blog, which the capsule's archive
	// lists; else pages, which the home lists.
	Posts bool
	// Pagers is how many pages Zola splits the list into (paginate_by),
	// 0 when it does not: PagerAddress 1 (a redirect to Path, on the
	// Zola site) to Pagers.
	Pagers    int
	PagerPath string // paginate_path: "page" unless written
}

// PagerAddress is the address of page n of the list: /blog/page/2/
// (/blog/2/ when paginate_path is empty; /page/2/ for the root).
func (l ZolaList) PagerAddress(n int) string {
	if l.PagerPath == "" {
		return l.Path + strconv.Itoa(n) + "/"
	}
	return l.Path + l.PagerPath + "/" + strconv.Itoa(n) + "/"
}

// ZolaLists are the lists of a Zola site's sections (rendered, not
// drafts), nil for other sites.
func (c *Content) ZolaLists() []ZolaList { return c.zolaLists }

// zolaListsOf are the lists of the sections of files, in their languages
// (see ZolaList), sorted by address: as many as the files; pages of
// them, ceil(n/paginate_by) for a list of n pages (one at least, as Zola
// makes), so never more than the pages listed.
func (f folder) zolaListsOf(c *Content, files map[string]zolaSectionFile, rules sectionRules) []ZolaList {
	want := make(map[sectionKey]bool, len(files))
	for _, sf := range files {
		if !sf.unlisted {
			want[sectionKey{sf.dir, sf.lang}] = true
		}
	}
	members := f.sectionMembers(c, want, rules)
	var lists []ZolaList
	for _, sf := range files {
		if sf.unlisted {
			continue
		}
		l := ZolaList{Path: sf.lang + "/", Dir: sf.lang}
		if sf.dir != "" {
			l.Path += sf.dir + "/"
		}
		list := members[sectionKey{sf.dir, sf.lang}]
		l.Posts = slices.ContainsFunc(list, func(q *Post) bool { return !q.Page })
		if sf.paginate > 0 {
			n := len(rules.sort(list, sf.dir))
			l.Pagers, l.PagerPath = max(1, (n+sf.paginate-1)/sf.paginate), sf.pagePath
		}
		lists = append(lists, l)
	}
	slices.SortFunc(lists, func(a, b ZolaList) int { return strings.Compare(a.Path, b.Path) })
	// (_index.md and _index.en.md, both the default language's: one.)
	return slices.CompactFunc(lists, func(a, b ZolaList) bool { return a.Path == b.Path })
}

// hugoSectionLists adds to the text of each Hugo section that is a page
// (sectionTextPages), of loaded, the list of its pages, as a theme's list
// template shows .Pages below .Content (sectionLists): the pages of its
// folder and of folders below it that are no section (no _index.md:
// indexed says which folders have one), and its subsections' pages, in
// Hugo's default order: by weight (pages without one last), then newest
// first, then by title, then by file.
func (f folder) hugoSectionLists(c *Content, loaded []*Post, kept map[*Post]bool, indexed map[string]bool) []*FileError {
	return f.sectionLists(c, loaded, kept, sectionRules{
		generator:   "Hugo",
		stops:       func(dir string) bool { return dir == "" || indexed[dir] },
		subsections: true,
		sort:        func(list []*Post, _ string) []*Post { return sortHugoSection(list) },
		date:        func(q *Post, _ string) (time.Time, bool) { return q.Date, q.HasDate },
	})
}

// sectionLists adds to the text of each section that is a page, of
// loaded, the list of the section's pages, as its generator's section
// template shows it below the section's text: a link to each published
// page or post of c whose section it is (sectionMembers), in the
// section's order (rules), then the links rules.more gives (Zola's
// subsections), in a paragraph of their own. Drafts,
// scheduled and expired posts are not in c's posts and pages: never
// listed. kept are posts of an earlier load (last good versions), whose
// text has its list already and is shared: left as they are. Each list
// is Markdown, a paragraph for each page linking its file
// ("/notes/uv.md"), which the capsule makes a link to the page's address
// on either protocol. At most MaxSectionList pages are listed, and as
// many more links.
func (f folder) sectionLists(c *Content, loaded []*Post, kept map[*Post]bool, rules sectionRules) []*FileError {
	var pages []*Post
	want := make(map[sectionKey]bool)
	for _, p := range loaded {
		if _, section := f.sectionFileKind(p); section && !p.Home && !kept[p] {
			pages = append(pages, p)
			want[sectionKey{p.Dir, p.LangDir}] = true
		}
	}
	if len(pages) == 0 {
		return nil
	}
	members := f.sectionMembers(c, want, rules)
	var warns []*FileError
	for _, p := range pages {
		list := rules.sort(members[sectionKey{p.Dir, p.LangDir}], p.Dir)
		var more []listLink
		if rules.more != nil {
			more = rules.more(sectionKey{p.Dir, p.LangDir})
		}
		if len(list) == 0 && len(more) == 0 {
			continue
		}
		if len(list) > MaxSectionList {
			warns = append(warns, &FileError{File: p.File, Line: 1, Kind: kindSectionListCut,
				Msg: fmt.Sprintf("the section's page lists the first %d of its %d pages (%s pages its list): every one is served at its own address, and in the capsule's lists", MaxSectionList, len(list), rules.generator)})
			list = list[:MaxSectionList]
		}
		more = more[:min(len(more), MaxSectionList)] // (as many as its folder's subfolders)
		var b strings.Builder
		b.Write(bytes.TrimRight(p.Body, "\n"))
		b.WriteString(openBlockEnd(p.Body))
		links := make([]listLink, 0, len(list))
		for _, q := range list {
			label := q.Title
			if label == "" {
				label = q.Slug
			}
			if at, ok := rules.date(q, p.Dir); ok {
				label = at.Format("2006-01-02") + " " + label
			}
			links = append(links, listLink{label, "/" + q.Path()})
		}
		writeListParagraph(&b, links)
		writeListParagraph(&b, more)
		b.WriteString("\n")
		// Not the file's text any more: kept by Forget, hashed as it is.
		p.Body, p.plain = []byte(b.String()), false
		p.BodyHash = hashBody(p.Body)
	}
	return warns
}

// writeListParagraph writes links to b as a Markdown paragraph of its
// own, after the text, a link a line (hard breaks), if there are any.
func writeListParagraph(b *strings.Builder, links []listLink) {
	sep := "\n\n" // a paragraph of its own, after the text
	for _, l := range links {
		b.WriteString(sep)
		sep = "\\\n" // a line each: a hard break
		b.WriteString("[")
		b.WriteString(markdownText(l.label))
		b.WriteString("](<")
		b.WriteString(strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "\n", " ", "\r", " ").Replace(l.target))
		b.WriteString(">)")
	}
}

// sectionMembers are the published pages and posts of c in each section
// of want, as rules see them: those of its folder, a bundle's parent's,
// and those of the folders below that rules do not stop at, in the
// same language. A section's own page is in no list unless
// rules.subsections; a home page in none.
func (f folder) sectionMembers(c *Content, want map[sectionKey]bool, rules sectionRules) map[sectionKey][]*Post {
	members := make(map[sectionKey][]*Post)
	for _, list := range [][]*Post{c.Posts, c.Pages} {
		for _, q := range list {
			bundle, section := f.sectionFileKind(q)
			dir := q.Dir
			switch {
			case q.Home, section && !rules.subsections:
				continue // a section's own page is in no list of pages
			case bundle, section:
				dir = parentDir(dir)
			}
			// Its section's, and, through folders that are no section
			// of their own, its parents'.
			for {
				if k := (sectionKey{dir, q.LangDir}); want[k] {
					members[k] = append(members[k], q)
				}
				if rules.stops(dir) {
					break
				}
				dir = parentDir(dir)
			}
		}
	}
	return members
}

// sectionFileKind reports whether p's file is a page bundle's (index.md,
// index.fr.md) or a section's (_index.md, _index.fr.md), in a folder.
func (f folder) sectionFileKind(p *Post) (bundle, section bool) {
	if p.Dir == "" {
		return false, false
	}
	name := filepath.Base(p.File)
	stem, _ := f.config.langSuffix(strings.TrimSuffix(name, filepath.Ext(name)))
	return strings.EqualFold(stem, "index"), isSectionStem(stem)
}

// parentDir is dir's parent, "" for the top.
func parentDir(dir string) string {
	if dir = path.Dir(dir); dir == "." || dir == "/" {
		return ""
	}
	return dir
}

// sortHugoSection puts a Hugo section's pages in Hugo's default order
// of pages, on a copy: by weight, those without one (0) last; then
// newest first, the undated last; then by title (Hugo's linkTitle,
// which capsule does not read, is the title unless written); then by
// file.
func sortHugoSection(list []*Post) []*Post {
	list = slices.Clone(list)
	slices.SortFunc(list, func(a, b *Post) int {
		switch {
		case a.weight != b.weight && (a.weight == 0 || b.weight == 0):
			if a.weight == 0 {
				return 1
			}
			return -1
		case a.weight != b.weight:
			return cmp.Compare(a.weight, b.weight)
		case a.HasDate != b.HasDate:
			if a.HasDate {
				return -1
			}
			return 1
		}
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Title, b.Title), cmp.Compare(a.File, b.File))
	})
	return list
}

// sortSection puts a Zola section's pages in the order of its sort_by,
// on a copy, as Zola sorts them (its sorting.rs): date, newest first;
// update_date, by the later of the date and the update, newest first;
// weight, lightest first; title, by natural_lexical_cmp (natural
// lexical order: case and Latin diacritics aside, numbers by their
// value); title_bytes, by the bytes; slug, natural lexical; permalink,
// by address. Ties are broken by the page's address (addr: its Zola
// address), as Zola breaks them by permalink. The pages Zola cannot sort
// by that key (no date; no title; no weight) are left out, as Zola
// leaves them out of section.pages (its ignored_pages). Any other sort_by
// (none, Zola's default, whose order is that of a hash map): newest
// first, then the undated by slug.
func sortSection(list []*Post, sortBy string, addr func(*Post) string) []*Post {
	list = slices.Clone(list)
	addrs := make(map[*Post]string, len(list))
	for _, p := range list {
		addrs[p] = addr(p)
	}
	tie := func(a, b *Post) int { return cmp.Or(cmp.Compare(addrs[a], addrs[b]), cmp.Compare(a.File, b.File)) }
	keep := func(unsortable func(p *Post) bool) { list = slices.DeleteFunc(list, unsortable) }
	latest := func(p *Post) time.Time {
		if p.Updated.After(p.Date) || !p.HasDate {
			return p.Updated
		}
		return p.Date
	}
	switch sortBy {
	case "date":
		keep(func(p *Post) bool { return !p.HasDate })
		slices.SortFunc(list, func(a, b *Post) int { return cmp.Or(b.Date.Compare(a.Date), tie(a, b)) })
	case "update_date":
		keep(func(p *Post) bool { return !p.HasDate && p.Updated.IsZero() })
		slices.SortFunc(list, func(a, b *Post) int { return cmp.Or(latest(b).Compare(latest(a)), tie(a, b)) })
	case "weight":
		keep(func(p *Post) bool { return !p.weighted })
		slices.SortFunc(list, func(a, b *Post) int { return cmp.Or(cmp.Compare(a.weight, b.weight), tie(a, b)) })
	case "title", "title_bytes":
		keep(func(p *Post) bool { return p.untitled })
		if sortBy == "title_bytes" {
			slices.SortFunc(list, func(a, b *Post) int { return cmp.Or(cmp.Compare(a.Title, b.Title), tie(a, b)) })
			break
		}
		keys := make(map[*Post]string, len(list))
		for _, p := range list {
			keys[p] = lexicalKey(p.Title)
		}
		slices.SortFunc(list, func(a, b *Post) int {
			return cmp.Or(naturalCompare(keys[a], keys[b]), cmp.Compare(a.Title, b.Title), tie(a, b))
		})
	case "slug":
		keys := make(map[*Post]string, len(list))
		for _, p := range list {
			keys[p] = lexicalKey(cmp.Or(p.fmSlug, p.Slug)) // Zola's slug, as zolaAddress takes it
		}
		slices.SortFunc(list, func(a, b *Post) int { return cmp.Or(naturalCompare(keys[a], keys[b]), tie(a, b)) })
	case "permalink":
		slices.SortFunc(list, tie)
	default:
		slices.SortFunc(list, func(a, b *Post) int {
			switch {
			case a.HasDate != b.HasDate:
				if a.HasDate {
					return -1
				}
				return 1
			}
			return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Slug, b.Slug), tie(a, b))
		})
	}
	return list
}

// lexicalKey is s as a lexical order compares it (naturalCompare): ASCII
// letters in lower case, other Latin letters spelt in ASCII as Zola's
// sort spells them (é e, ß ss: latinASCII), other letters in lower case;
// what is no letter or digit is kept, marked by a leading 0x01 byte so
// that it sorts before every letter and digit.
func lexicalKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			b.WriteRune(r)
		case 'A' <= r && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r >= utf8.RuneSelf && unicode.Is(unicode.Latin, r) && latinASCII(r) != "":
			b.WriteString(latinASCII(r))
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r)):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(1)
			b.WriteRune(r)
		}
	}
	return b.String()
}

// naturalCompare compares two lexicalKeys, a run of ASCII digits in both
// by its number (9 before 10, leading zeros aside), the rest by bytes.
// Its cost is the keys' length: no allocation.
func naturalCompare(a, b string) int {
	for len(a) > 0 && len(b) > 0 {
		if isDigit(a[0]) && isDigit(b[0]) {
			da, db := digitRun(a), digitRun(b)
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitRun is the length of the run of ASCII digits s starts with.
func digitRun(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
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
// character, as long), or an HTML comment never closed. Zola's and Hugo's
// section templates write the list of pages after the section's text; appended to
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
