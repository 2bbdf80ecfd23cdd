package content

// Liquid's {% for %} loops over the site's documents in a Jekyll page:
// a list of posts written as
//
//	{% for post in site.posts limit:5 %}
//	<li><a href="{{ post.url }}">{{ post.title }}</a> {{ post.date | date: "%Y-%m-%d" }}</li>
//	{% endfor %}
//
// Jekyll shows the body once for each document, its values the
// document's. capsule does the same when it knows the list:
//   - site.posts (the published posts, newest first, as Jekyll orders
//     them: by date, then by path), site.categories.x and site.tags.x
//     (those of site.posts in the category or with the tag), and a
//     collection capsule loads (its documents oldest first, by date
//     then path, a document without a date after those with one);
//   - a list an assign made of these (liquidif.go's listExpr: where on
//     their categories, sort by date or title, reverse, limit);
//   - with limit:n, offset:n (numbers) and reversed, and {% else %}
//     shown when the list is empty;
//   - in the body, the item's title, url (capsule's address of the
//     document, as capsule's links are), date (with the date filter's
//     strftime formats, date_to_string, date_to_long_string,
//     date_to_xmlschema; else Ruby's Time#to_s, as Jekyll prints it),
//     categories and tags, forloop.index, index0, rindex, rindex0,
//     first, last and length; an {% if %} there is decided for each
//     item as liquidif.go decides (the item's values too).
//
// A loop over another list (paginator.posts, site.data, a range, a
// page's categories), or whose body breaks or continues, is read as
// before: its body once, its outputs dropped, with a warning. A value
// of an item capsule does not know (post.excerpt, post.content) is
// dropped with a warning, as another output capsule cannot tell.
//
// Bounds: every turn's output, and at least its body's size and a byte
// for the work of expanding it, is taken from the post's varRoom (half
// its size and 4 KiB, what includes and the site's variables may add:
// see shortcodes.go), as is what the loops nested in it took, so that a
// post's text grows at most as its other Liquid expansions allow and its
// loops' turns, at any depth, are at most that many; a loop whose next
// turn does not fit stops there, with a warning saying how many of its
// items are shown. The turns' conditions read ahead within the post's
// one room (liquidIfRoom).

import (
	"bytes"
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// lqTurn is the turn of a loop capsule runs: its variable's name, its
// document, and forloop's values.
type lqTurn struct {
	name          string
	doc           *Post
	index, length int // index from 0
}

// sortDocs orders docs as Jekyll orders a collection's documents:
// by date, then by path; a document without a date (Jekyll's site.time)
// after those with one.
func sortDocs(docs []*Post) {
	slices.SortStableFunc(docs, func(a, b *Post) int {
		if a.HasDate != b.HasDate {
			if a.HasDate {
				return -1
			}
			return 1
		}
		if c := a.Date.Compare(b.Date); c != 0 && a.HasDate {
			return c
		}
		return cmp.Compare(a.File, b.File)
	})
}

// list is the documents of site.key, in Jekyll's order: site.posts, a
// collection capsule loads, site.categories.x, site.tags.x.
func (s *liquidSite) list(key string) ([]*Post, bool) {
	if docs, ok := s.docs[key]; ok {
		return docs, true
	}
	if c, ok := strings.CutPrefix(key, "categories."); ok && c != "" {
		var out []*Post
		for _, p := range s.docs["posts"] {
			if slices.Contains(s.categories(p), c) {
				out = append(out, p)
			}
		}
		return out, true
	}
	if t, ok := strings.CutPrefix(key, "tags."); ok && t != "" {
		var out []*Post
		for _, p := range s.docs["posts"] {
			if slices.Contains(p.Tags[:min(p.keyTags, len(p.Tags))], t) {
				out = append(out, p)
			}
		}
		return out, true
	}
	return nil, false
}

// loopList is the documents the loop's list expression names, when
// capsule knows them.
func (e *scExpander) loopList(expr string) ([]*Post, bool) {
	if key, ok := strings.CutPrefix(expr, "site."); ok && e.site != nil {
		return e.site.list(key)
	}
	if l, ok := e.localList(expr); ok && l.hasDocs {
		return l.docs, true
	}
	return nil, false
}

// forArgs reads a for tag's arguments: "post in site.posts reversed
// limit:3 offset:1".
func forArgs(args string) (name, list string, limit, offset int, reversed, ok bool) {
	words := strings.Fields(strings.ReplaceAll(args, ":", ": "))
	if len(words) < 3 || words[1] != "in" || !liquidVarName(words[0]) {
		return
	}
	name, list, limit = words[0], words[2], -1
	for i := 3; i < len(words); i++ {
		w := strings.TrimSuffix(words[i], ",")
		switch {
		case w == "reversed":
			reversed = true
		case (w == "limit:" || w == "offset:") && i+1 < len(words):
			n, err := strconv.Atoi(strings.TrimSuffix(words[i+1], ","))
			if err != nil || n < 0 {
				return name, list, 0, 0, false, false
			}
			if w == "limit:" {
				limit = n
			} else {
				offset = n
			}
			i++
		default:
			return name, list, 0, 0, false, false
		}
	}
	return name, list, limit, offset, reversed, true
}

// forLoop runs the loop whose tag t starts at p, when capsule knows its
// list (see the file's comment); ok false when it does not, for the
// caller to read it as before.
func (e *scExpander) forLoop(p int, t scLiquid) (end int, ok bool) {
	if e.locals == nil || e.site == nil {
		return 0, false
	}
	name, list, limit, offset, reversed, ok := forArgs(t.args)
	if !ok {
		return 0, false
	}
	docs, ok := e.loopList(list)
	if !ok {
		return 0, false
	}
	tags, found, _ := e.liquidBlock(p, t)
	if !found || len(tags) > 2 || len(tags) == 2 && tags[0].name != "else" {
		return 0, false
	}
	a, b := t.end, tags[0].start
	if lqBreaks(e.in[a:b]) {
		return 0, false
	}
	if offset >= len(docs) {
		docs = nil
	} else {
		docs = docs[offset:]
	}
	if limit >= 0 && limit < len(docs) {
		docs = docs[:limit]
	}
	if reversed {
		docs = slices.Clone(docs)
		slices.Reverse(docs)
	}
	if len(docs) == 0 && len(tags) == 2 {
		a, b = tags[0].end, tags[1].start // {% else %}'s text
	}
	if e.in[a-3] == '-' {
		for a < b && liquidSpace(e.in[a]) {
			a++
		}
	}
	if e.in[b+2] == '-' {
		for b > a && liquidSpace(e.in[b-1]) {
			b--
		}
	}
	last := tags[len(tags)-1]
	if e.track {
		e.syncFlat(e.lineAt(p))
	}
	turns := len(docs)
	if turns == 0 && len(tags) == 2 {
		turns = 1
	}
	for i := 0; i < turns; i++ {
		room := e.varRoom
		sub := newScExpander(e.in[a:b], e.lineAt(a), e.ref, e.title, e.vars, e.noLiquid, e.depth)
		sub.inc, sub.incDepth, sub.incCount, sub.atLine, sub.params, sub.postDir = e.inc, e.incDepth, e.incCount, e.atLine, e.params, e.postDir
		if sub.atLine == 0 {
			sub.atLine = e.lineAt(p) // its warnings told at the loop's line
		}
		sub.asset, sub.site, sub.page = e.asset, e.site, e.page
		sub.locals, sub.varRoom = e.locals, room
		// The conditions of every turn read ahead within the post's one
		// room (ifRoom), as all of a text's do.
		sub.ifRoom, sub.ifDepth, sub.loops = e.ifRoom, e.ifDepth, e.loops
		sub.turns = e.turns
		if len(docs) > 0 {
			sub.turns = append(slices.Clip(e.turns), lqTurn{name: name, doc: docs[i], index: i, length: len(docs)})
		}
		sub.warns, e.warns = e.warns, Warnings{}
		sub.run()
		e.warns = sub.warns
		// A turn costs what it adds, and at least its body's size and
		// a byte for the work of it; what loops nested in it spent
		// (sub.varRoom, a byte a turn at the least) is spent too, so
		// that the turns of a post's loops, at any depth, are at most
		// its room: a loop of nothing nested in another no longer runs
		// each turn's loops whole (40 posts, five deep: 13 s).
		cost := max(len(sub.out), b-a, 1)
		if cost > room {
			e.warn(p, "Liquid loop cut short", "{%% for %s %%}: %d of its %d items shown: the others would add more than half the post's size (and 4 KiB) to it", scShort(t.args), i, len(docs))
			break
		}
		e.varRoom = min(room-cost, sub.varRoom)
		e.out = append(e.out, sub.out...)
	}
	e.blockRight = 1
	if e.in[last.end-3] == '-' {
		e.blockRight = 2
	}
	return last.end, true
}

// lqBreaks reports whether the body of a loop holds {% break %} or {%
// continue %}, which capsule does not run.
func lqBreaks(body []byte) bool {
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte("{%"))
		if j < 0 {
			return false
		}
		g, ok := readLiquidTag(body, i+j)
		if !ok {
			return false
		}
		if g.name == "break" || g.name == "continue" {
			return true
		}
		i = g.end
	}
}

// turnValue is the value of w, a value of a loop's item (post.title) or
// of forloop, when w names one: known false when capsule cannot tell
// it; is false when w is not a loop's.
func (e *scExpander) turnValue(w string) (v lqVal, date time.Time, is, known bool) {
	if len(e.turns) == 0 {
		return
	}
	root, key, _ := strings.Cut(w, ".")
	if root == "forloop" {
		t := e.turns[len(e.turns)-1]
		n := float64(t.length)
		switch key {
		case "index":
			return lqVal{kind: lqNumber, n: float64(t.index + 1)}, date, true, true
		case "index0":
			return lqVal{kind: lqNumber, n: float64(t.index)}, date, true, true
		case "rindex":
			return lqVal{kind: lqNumber, n: n - float64(t.index)}, date, true, true
		case "rindex0":
			return lqVal{kind: lqNumber, n: n - float64(t.index) - 1}, date, true, true
		case "first":
			return lqVal{kind: lqBool, b: t.index == 0}, date, true, true
		case "last":
			return lqVal{kind: lqBool, b: t.index == t.length-1}, date, true, true
		case "length":
			return lqVal{kind: lqNumber, n: n}, date, true, true
		}
		return v, date, true, false
	}
	i := slices.IndexFunc(e.turns, func(t lqTurn) bool { return t.name == root })
	if i < 0 {
		return
	}
	for j := len(e.turns) - 1; j > i; j-- {
		if e.turns[j].name == root {
			i = j // the innermost loop's
		}
	}
	p := e.turns[i].doc
	switch key {
	case "title":
		if !p.untitled {
			return lqVal{kind: lqString, s: p.Title}, date, true, true
		}
	case "url":
		// capsule's address of it, as its links are (expandTemplates).
		return lqVal{kind: lqString, s: (&url.URL{Path: "/" + p.Path()}).EscapedPath()}, date, true, true
	case "date":
		if p.HasDate {
			return lqVal{kind: lqString, s: p.Date.Format("2006-01-02 15:04:05 -0700")}, p.Date, true, true
		}
	case "categories":
		cats := e.site.categories(p)
		return lqVal{kind: lqList, size: len(cats), items: cats, known: true}, date, true, true
	case "tags":
		tags := p.Tags[:min(p.keyTags, len(p.Tags))]
		return lqVal{kind: lqList, size: len(tags), items: tags, known: true}, date, true, true
	}
	return v, date, true, false
}

// turnOutput writes the output {{ expr }} at p of a loop's item value
// (head) or forloop's, its filters applied; one capsule cannot tell is
// dropped with a warning.
func (e *scExpander) turnOutput(p int, expr, head string, filters []string) bool {
	v, date, is, known := e.turnValue(head)
	if !is {
		return false
	}
	if !known || v.kind == lqList {
		e.warn(p, "Liquid output dropped", "Liquid output {{ %s }} dropped: capsule does not know %s", scShort(expr), scShort(head))
		return true
	}
	text := ""
	switch v.kind {
	case lqString:
		text = v.s
	case lqNumber:
		text = lqNumText(v.n)
	case lqBool:
		text = strconv.FormatBool(v.b)
	}
	lv := liquidVar{liquidValue: liquidValue{text: text}, link: strings.HasSuffix(head, ".url")}
	for _, f := range filters {
		if !date.IsZero() {
			if s, ok := lqDateFilter(date, f); ok {
				lv.text, date = s, time.Time{}
				continue
			}
		}
		w, ok := liquidVarFilter(lv, f)
		if !ok {
			e.warn(p, "Liquid filter not applied", "Liquid output {{ %s }}: its filter %s is not applied, its value shown as it is", scShort(expr), scShort(strings.TrimSpace(f)))
			break
		}
		lv = w
	}
	if len(lv.text) > e.varRoom {
		e.warn(p, "Liquid output dropped", "Liquid output {{ %s }} dropped: includes and the site's variables already add half the post's size to it", scShort(expr))
		return true
	}
	e.varRoom -= len(lv.text)
	e.out = append(e.out, lv.text...)
	return true
}

// lqDateFilter applies a date filter f to t: date: "format" (strftime),
// date_to_string, date_to_long_string, date_to_xmlschema.
func lqDateFilter(t time.Time, f string) (string, bool) {
	name, args, ok := lqFilterArgs(f)
	if !ok {
		return "", false
	}
	switch name {
	case "date_to_string":
		return t.Format("02 Jan 2006"), len(args) == 0
	case "date_to_long_string":
		return t.Format("02 January 2006"), len(args) == 0
	case "date_to_xmlschema":
		return t.Format("2006-01-02T15:04:05-07:00"), len(args) == 0
	case "date":
		if len(args) != 1 {
			return "", false
		}
		a := args[0]
		if len(a) < 2 || a[0] != '"' && a[0] != '\'' || a[len(a)-1] != a[0] {
			return "", false
		}
		return strftime(t, a[1:len(a)-1])
	}
	return "", false
}

// strftime is Ruby's Time#strftime of t for the common directives
// (%Y %y %m %d %e %j %H %I %M %S %p %b %B %a %A %Z %z %%, with the -
// flag for no padding); false for another.
func strftime(t time.Time, f string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		pad := true
		if f[i] == '-' && i+1 < len(f) {
			pad = false
			i++
		}
		num := func(n, w int) {
			s := strconv.Itoa(n)
			for pad && len(s) < w {
				s = "0" + s
			}
			b.WriteString(s)
		}
		switch f[i] {
		case 'Y':
			b.WriteString(strconv.Itoa(t.Year()))
		case 'y':
			num(t.Year()%100, 2)
		case 'm':
			num(int(t.Month()), 2)
		case 'd':
			num(t.Day(), 2)
		case 'e':
			if s := strconv.Itoa(t.Day()); pad && len(s) < 2 {
				b.WriteString(" " + s)
			} else {
				b.WriteString(s)
			}
		case 'j':
			num(t.YearDay(), 3)
		case 'H':
			num(t.Hour(), 2)
		case 'I':
			num((t.Hour()+11)%12+1, 2)
		case 'M':
			num(t.Minute(), 2)
		case 'S':
			num(t.Second(), 2)
		case 'p':
			b.WriteString(t.Format("PM"))
		case 'b':
			b.WriteString(t.Format("Jan"))
		case 'B':
			b.WriteString(t.Format("January"))
		case 'a':
			b.WriteString(t.Format("Mon"))
		case 'A':
			b.WriteString(t.Format("Monday"))
		case 'Z':
			b.WriteString(t.Format("MST"))
		case 'z':
			b.WriteString(t.Format("-0700"))
		case '%':
			b.WriteByte('%')
		default:
			return "", false
		}
	}
	return b.String(), true
}
