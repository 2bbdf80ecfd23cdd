package content

// Liquid's conditions in a Jekyll post: {% if %} and {% unless %} with
// their {% elsif %} and {% else %}, and {% case %} with its {% when %}
// and {% else %}.
//
// Jekyll runs a page's Liquid before its Markdown and shows only the
// branch a condition takes (hananiahhsu's blog: a list of posts when
// there are some, "No posts yet." else). capsule shows that branch alone
// when it can tell the condition from what it knows:
//   - literals ("…", '…', numbers, true, false, nil), and Liquid's empty
//     (blank equals nothing in Jekyll's Liquid 4: Ruby's strings have no
//     blank? there);
//   - the variables the post's captures and assigns bind (liquidvars.go),
//     and lists an assign makes of the site's documents whose size
//     capsule knows (site.posts, or a collection's, through sort,
//     reverse, limit, and where or where_exp on their categories);
//   - site.posts and a collection capsule loads (their size, empty), the
//     configuration's strings (site.x), the page's title and categories;
//   - ==, !=, <>, <, >, <=, >=, contains, and .size; and, or, which
//     Liquid reads from the right (a and b or c is a and (b or c)).
//
// A condition it cannot tell (site.data, a filter in the condition, any
// condition inside a {% for %} loop, whose body capsule shows once as
// written) keeps every branch, as before capsule read conditions,
// with a warning grouped under "Liquid condition not decided".
//
// Bounds: finding a block's branches reads ahead to its end, past at
// most 64 blocks left open inside it; what all the blocks of one text
// (a post, a capture's, an include's) read ahead is at most 4× the text
// and 64 KiB (ifRoom); and a branch kept is expanded once more, inside
// at most maxLiquidIfDepth kept branches (so a post's text is expanded
// at most that many times over). Past any of these, the block keeps
// every branch, with the same warning.

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxLiquidIfDepth bounds the conditions decided inside the branch of
// a condition decided (each branch is expanded once more): a deeper one
// keeps every branch.
const maxLiquidIfDepth = 16

// liquidIfRoom is what the conditions of a text of n bytes may read
// ahead to find their branches (see the file's comment).
func liquidIfRoom(n int) int { return 4*n + 64<<10 }

// liquidSite is what a Jekyll site's conditions may ask of the site:
// the documents of site.posts ("posts") and of each collection capsule
// loads, by name; and the site's collections_dir.
type liquidSite struct {
	docs           map[string][]*Post
	collectionsDir string
}

// categories are the categories of p as Jekyll gives them: the front
// matter's, after those of the folders above its _posts (ja of
// ja/_posts; a collection's folders give none).
func (s *liquidSite) categories(p *Post) []string {
	rest, _ := siteConfig{collectionsDir: s.collectionsDir}.inCollectionsDir(p.Dir)
	cats, _ := jekyllPostFolder(rest)
	return slices.Concat(cats, p.categories)
}

// lqKind is the type of a value in a condition.
type lqKind uint8

const (
	lqUnknown lqKind = iota // capsule cannot tell it
	lqNil
	lqBool
	lqString
	lqNumber
	lqList
	lqEmpty // the literal empty
	lqBlank // the literal blank
)

// lqVal is a value in a condition: a list's size, and its items when
// capsule knows them (strings: categories).
type lqVal struct {
	kind  lqKind
	b     bool
	s     string
	n     float64
	size  int
	items []string
	known bool // items are known
	// docs are a list's documents, in its order, when hasDocs
	// (liquidfor.go's loops run over them).
	docs    []*Post
	hasDocs bool
}

// truthy is Liquid's truth: all but nil and false.
func (v lqVal) truthy() bool { return !(v.kind == lqNil || v.kind == lqBool && !v.b) }

// lqTri is a truth capsule may not know.
type lqTri uint8

const (
	lqNo lqTri = iota
	lqYes
	lqMaybe
)

func lqOf(b bool) lqTri {
	if b {
		return lqYes
	}
	return lqNo
}

// lqTokens splits a condition into words, a quoted string one word.
func lqTokens(s string) ([]string, bool) {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '"' || c == '\'':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, false
			}
			out = append(out, s[i:i+j+2])
			i += j + 2
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r' && s[j] != '"' && s[j] != '\'' {
			j++
		}
		out = append(out, s[i:j])
		i = j
		if len(out) > 64 {
			return nil, false
		}
	}
	return out, true
}

// lqComparisons are Liquid's comparison operators.
var lqComparisons = map[string]bool{"==": true, "!=": true, "<>": true, "<": true, ">": true, "<=": true, ">=": true, "contains": true}

// condition is the truth of the Liquid condition s, and the word it
// could not read when it cannot tell ("" when it can).
func (e *scExpander) condition(s string) (lqTri, string) {
	words, ok := lqTokens(s)
	if !ok || len(words) == 0 {
		return lqMaybe, s
	}
	// Terms joined by and/or, each an operand or a comparison.
	var terms []lqTri
	var ops []string
	var unread string
	for i := 0; i < len(words); {
		left := e.operand(words[i])
		t := lqMaybe
		if i+2 < len(words) && lqComparisons[words[i+1]] {
			right := e.operand(words[i+2])
			t = lqCompare(left, words[i+1], right)
			if t == lqMaybe && unread == "" {
				unread = words[i] + " " + words[i+1] + " " + words[i+2]
				if left.kind != lqUnknown && right.kind == lqUnknown {
					unread = words[i+2]
				} else if left.kind == lqUnknown {
					unread = words[i]
				}
			}
			i += 3
		} else {
			if left.kind != lqUnknown && left.kind != lqEmpty && left.kind != lqBlank {
				t = lqOf(left.truthy())
			} else if unread == "" {
				unread = words[i]
			}
			i++
		}
		terms = append(terms, t)
		if i == len(words) {
			break
		}
		if words[i] != "and" && words[i] != "or" || i+1 == len(words) {
			return lqMaybe, s
		}
		ops = append(ops, words[i])
		i++
	}
	// From the right, as Liquid joins them.
	v := terms[len(terms)-1]
	for i := len(terms) - 2; i >= 0; i-- {
		a := terms[i]
		if ops[i] == "and" {
			switch {
			case a == lqNo || v == lqNo:
				v = lqNo
			case a == lqYes && v == lqYes:
				v = lqYes
			default:
				v = lqMaybe
			}
		} else {
			switch {
			case a == lqYes || v == lqYes:
				v = lqYes
			case a == lqNo && v == lqNo:
				v = lqNo
			default:
				v = lqMaybe
			}
		}
	}
	if v != lqMaybe {
		unread = ""
	}
	return v, unread
}

// lqCompare is Liquid 4's comparison of a and b by op (Condition's
// operators): == and != by equal_variables, the order by Ruby's <=>
// when both answer it (a number and a string raise an error: not told),
// contains by include?.
func lqCompare(a lqVal, op string, b lqVal) lqTri {
	if a.kind == lqUnknown || b.kind == lqUnknown {
		return lqMaybe
	}
	switch op {
	case "==":
		return lqEqual(a, b)
	case "!=", "<>":
		switch lqEqual(a, b) {
		case lqYes:
			return lqNo
		case lqNo:
			return lqYes
		}
		return lqMaybe
	case "contains":
		switch {
		case a.kind == lqString && b.kind == lqString:
			return lqOf(strings.Contains(a.s, b.s))
		case a.kind == lqString && b.kind == lqNumber:
			return lqOf(strings.Contains(a.s, lqNumText(b.n)))
		case a.kind == lqList && a.size == 0:
			return lqNo
		case a.kind == lqList && a.known && b.kind == lqString:
			return lqOf(slices.Contains(a.items, b.s))
		case a.kind == lqList:
			return lqMaybe
		}
		return lqNo // nil, false, a number: no include?, or a nil right
	}
	// <, >, <=, >=: numbers, or strings (byte order, as Ruby's).
	var c int
	switch {
	case a.kind == lqNumber && b.kind == lqNumber:
		switch {
		case a.n < b.n:
			c = -1
		case a.n > b.n:
			c = 1
		}
	case a.kind == lqString && b.kind == lqString:
		c = strings.Compare(a.s, b.s)
	case a.kind == lqNumber && b.kind == lqString || a.kind == lqString && b.kind == lqNumber:
		return lqMaybe // Liquid's error, printed in the page
	default:
		return lqNo // nil, true, a list: no <, the condition false
	}
	switch op {
	case "<":
		return lqOf(c < 0)
	case ">":
		return lqOf(c > 0)
	case "<=":
		return lqOf(c <= 0)
	}
	return lqOf(c >= 0)
}

// lqEqual is Liquid 4's equal_variables.
func lqEqual(a, b lqVal) lqTri {
	if a.kind == lqEmpty || a.kind == lqBlank {
		a, b = b, a
	}
	switch b.kind {
	case lqBlank:
		return lqNo // nothing answers blank? in Jekyll's Liquid
	case lqEmpty:
		switch a.kind {
		case lqString:
			return lqOf(a.s == "")
		case lqList:
			return lqOf(a.size == 0)
		}
		return lqNo // nil, numbers, true and false have no empty?
	}
	if a.kind != b.kind {
		return lqNo
	}
	switch a.kind {
	case lqNil:
		return lqYes
	case lqBool:
		return lqOf(a.b == b.b)
	case lqString:
		return lqOf(a.s == b.s)
	case lqNumber:
		return lqOf(a.n == b.n)
	case lqList:
		if a.size != b.size {
			return lqNo
		}
		if a.known && b.known {
			return lqOf(slices.Equal(a.items, b.items))
		}
	}
	return lqMaybe
}

func lqNumText(n float64) string {
	if n == float64(int64(n)) {
		return strconv.FormatInt(int64(n), 10)
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}

// lqLiteral is the value of a literal, if w is one.
func lqLiteral(w string) (lqVal, bool) {
	switch {
	case len(w) >= 2 && (w[0] == '"' || w[0] == '\'') && w[len(w)-1] == w[0]:
		return lqVal{kind: lqString, s: w[1 : len(w)-1]}, true
	case w == "true" || w == "false":
		return lqVal{kind: lqBool, b: w == "true"}, true
	case w == "nil" || w == "null":
		return lqVal{kind: lqNil}, true
	case w == "empty":
		return lqVal{kind: lqEmpty}, true
	case w == "blank":
		return lqVal{kind: lqBlank}, true
	}
	if w != "" && (w[0] == '-' || w[0] >= '0' && w[0] <= '9') {
		if n, err := strconv.ParseFloat(w, 64); err == nil {
			return lqVal{kind: lqNumber, n: n}, true
		}
	}
	return lqVal{}, false
}

// operand is the value of the word w of a condition.
func (e *scExpander) operand(w string) lqVal {
	if v, ok := lqLiteral(w); ok {
		return v
	}
	base, size := strings.CutSuffix(w, ".size")
	v := e.variable(base)
	if !size {
		return v
	}
	switch v.kind {
	case lqString:
		return lqVal{kind: lqNumber, n: float64(utf8.RuneCountInString(v.s))}
	case lqList:
		return lqVal{kind: lqNumber, n: float64(v.size)}
	case lqNil:
		return v
	}
	return lqVal{}
}

// variable is the value of the variable named w (a name the post
// binds, site.…, page.…), lqUnknown when capsule cannot tell it.
func (e *scExpander) variable(w string) lqVal {
	if v, _, is, _ := e.turnValue(w); is {
		return v // a loop's item's, or forloop's (liquidfor.go)
	}
	if v, ok := e.localList(w); ok {
		return v
	}
	if lv, ok := e.local(w); ok {
		if lv.cond.kind != lqUnknown {
			return lv.cond
		}
		if lv.isFalse {
			return lqVal{kind: lqBool}
		}
		return lqVal{kind: lqString, s: lv.text}
	}
	if key, ok := strings.CutPrefix(w, "site."); ok {
		if v, ok := e.siteDocs(key); ok {
			return v
		}
		if key == "url" || key == "baseurl" {
			return lqVal{}
		}
		if s, ok := e.vars[key]; ok && e.site != nil {
			return lqVal{kind: lqString, s: s}
		}
		return lqVal{}
	}
	if key, ok := strings.CutPrefix(w, "page."); ok && e.page != nil {
		switch key {
		case "title":
			if !e.page.untitled {
				return lqVal{kind: lqString, s: e.page.Title}
			}
		case "categories":
			cats := e.site.categories(e.page)
			return lqVal{kind: lqList, size: len(cats), items: cats, known: true}
		}
	}
	return lqVal{}
}

// localList is the list the post's assign bound to name, if it did.
func (e *scExpander) localList(name string) (lqVal, bool) {
	if e.locals == nil {
		return lqVal{}, false
	}
	l, ok := e.locals.lists[name]
	return l, ok
}

// siteDocs is site.name as a list, when it is site.posts or a
// collection capsule loads.
func (e *scExpander) siteDocs(name string) (lqVal, bool) {
	if e.site == nil {
		return lqVal{}, false
	}
	docs, ok := e.site.list(name)
	if !ok {
		return lqVal{}, false
	}
	return lqVal{kind: lqList, size: len(docs), docs: docs, hasDocs: true}, true
}

// lqFilterArgs is a filter's name and its arguments, as written.
func lqFilterArgs(f string) (name string, args []string, ok bool) {
	name, rest, _ := strings.Cut(f, ":")
	name = strings.TrimSpace(name)
	for _, a := range strings.Split(rest, ",") {
		if a = strings.TrimSpace(a); a != "" {
			args = append(args, a)
		}
	}
	return name, args, name != ""
}

// listExpr is the list an assign's expression makes of the site's
// documents, when capsule can tell its size: site.posts or a
// collection, or a list the post bound, through sort, sort_natural,
// reverse, uniq, limit, size (a number then), and where and where_exp
// on their categories.
func (e *scExpander) listExpr(expr string) (lqVal, bool) {
	parts := strings.Split(expr, "|")
	head := strings.TrimSpace(parts[0])
	var docs []*Post
	size, known := 0, true // known: docs are the list's
	if key, ok := strings.CutPrefix(head, "site."); ok && e.site != nil {
		d, ok := e.site.list(key)
		if !ok {
			return lqVal{}, false
		}
		docs, size = d, len(d)
	} else if l, ok := e.localList(head); ok {
		size, known, docs = l.size, l.hasDocs, l.docs
	} else {
		return lqVal{}, false
	}
	for i, f := range parts[1:] {
		name, args, ok := lqFilterArgs(f)
		if !ok {
			return lqVal{}, false
		}
		switch name {
		case "sort", "sort_natural":
			if known {
				docs, known = sortedBy(docs, name, args)
			}
		case "reverse":
			if known {
				docs = slices.Clone(docs)
				slices.Reverse(docs)
			}
		case "uniq":
		case "limit":
			if len(args) != 1 {
				return lqVal{}, false
			}
			n, err := strconv.Atoi(args[0])
			if err != nil || n < 0 {
				return lqVal{}, false
			}
			size = min(n, size)
			if known {
				docs = docs[:size]
			}
		case "size":
			if i != len(parts)-2 {
				return lqVal{}, false
			}
			return lqVal{kind: lqNumber, n: float64(size)}, true
		case "where", "where_exp":
			cat, ok := lqCategoryTest(name, args)
			if !ok || !known {
				return lqVal{}, false
			}
			var kept []*Post
			for _, p := range docs {
				if slices.Contains(e.site.categories(p), cat) {
					kept = append(kept, p)
				}
			}
			docs, size = kept, len(kept)
		default:
			return lqVal{}, false
		}
	}
	return lqVal{kind: lqList, size: size, docs: docs, hasDocs: known}, true
}

// sortedBy is docs sorted by Liquid's sort or sort_natural filter
// (filter), when capsule can tell its order: by date (or, with no
// property, as Jekyll compares documents: by date, then path), or by
// title; ties keep their order.
func sortedBy(docs []*Post, filter string, args []string) ([]*Post, bool) {
	docs = slices.Clone(docs)
	prop := ""
	if len(args) == 1 {
		prop = strings.Trim(args[0], `"'`)
	} else if len(args) > 1 {
		return nil, false
	}
	switch {
	case prop == "" && filter == "sort":
		sortDocs(docs)
	case prop == "date" && !slices.ContainsFunc(docs, func(p *Post) bool { return !p.HasDate }):
		slices.SortStableFunc(docs, func(a, b *Post) int { return a.Date.Compare(b.Date) })
	case prop == "title" && !slices.ContainsFunc(docs, func(p *Post) bool { return p.untitled }):
		key := func(p *Post) string {
			if filter == "sort_natural" {
				return strings.ToLower(p.Title)
			}
			return p.Title
		}
		slices.SortStableFunc(docs, func(a, b *Post) int { return strings.Compare(key(a), key(b)) })
	default:
		return nil, false
	}
	return docs, true
}

// lqCategoryTest is the category a where or where_exp filter keeps the
// documents of: where: "categories", "x" (or category), or where_exp:
// "p", "p.categories contains 'x'".
func lqCategoryTest(filter string, args []string) (string, bool) {
	if len(args) != 2 {
		return "", false
	}
	unq := func(s string) (string, bool) {
		if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
			return s[1 : len(s)-1], true
		}
		return "", false
	}
	a, ok1 := unq(args[0])
	b, ok2 := unq(args[1])
	if !ok1 || !ok2 {
		return "", false
	}
	if filter == "where" {
		return b, a == "categories" || a == "category"
	}
	words, ok := lqTokens(b)
	if !ok || len(words) != 3 || words[0] != a+".categories" || words[1] != "contains" {
		return "", false
	}
	return unq(words[2])
}

// lqBlockOpeners are the Liquid blocks, with their end tags, that a
// block's branches are looked for past: their elsif, else and when are
// theirs.
var lqBlockOpeners = map[string]string{"if": "endif", "unless": "endunless", "case": "endcase", "for": "endfor", "tablerow": "endtablerow"}

// lqTagAt is a Liquid tag found reading ahead.
type lqTagAt struct {
	start int
	scLiquid
}

// readLiquidTag reads the Liquid tag at p (in[p:] starts with "{%"),
// at most maxShortcodeTag long.
func readLiquidTag(in []byte, p int) (lqTagAt, bool) {
	c := bytes.Index(in[p+2:min(len(in), p+maxShortcodeTag)], []byte("%}"))
	if c < 0 {
		return lqTagAt{}, false
	}
	c += p + 2
	s := in[p+2 : c]
	s = bytes.TrimPrefix(s, []byte("-"))
	s = bytes.TrimSuffix(s, []byte("-"))
	s = bytes.TrimSpace(s)
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
		i++
	}
	return lqTagAt{start: p, scLiquid: scLiquid{end: c + 2, name: string(s[:i]), args: string(bytes.TrimSpace(s[i:]))}}, true
}

// liquidBlock finds the branches' tags of the block whose tag t (if,
// unless or case) starts at p: its elsif, else and when tags, and its
// end tag, last; the blocks inside it passed over, and raw's and
// comment's text. ok is false when it has no end, or when the text's
// room to read ahead (ifRoom) runs out first.
func (e *scExpander) liquidBlock(p int, t scLiquid) (tags []lqTagAt, ok bool, over bool) {
	if e.ifRoom == nil {
		n := liquidIfRoom(len(e.in))
		e.ifRoom = &n
	}
	in := e.in
	var stack []string
	closing := lqBlockOpeners[t.name]
	for i := t.end; ; {
		j := bytes.Index(in[i:], []byte("{%"))
		if j < 0 || j > *e.ifRoom {
			*e.ifRoom -= min(*e.ifRoom, len(in)-i)
			return nil, false, j >= 0
		}
		*e.ifRoom -= j
		g, ok := readLiquidTag(in, i+j)
		if !ok {
			i += j + 2
			continue
		}
		*e.ifRoom -= g.end - g.start
		i = g.end
		if *e.ifRoom <= 0 {
			return nil, false, true
		}
		switch name := g.name; {
		case name == "raw" || name == "comment":
			k := bytes.Index(in[i:], []byte("end"+name))
			if k < 0 {
				return nil, false, false
			}
			*e.ifRoom -= k
			i += k
		case lqBlockOpeners[name] != "":
			if len(stack) >= 64 {
				return nil, false, true
			}
			stack = append(stack, lqBlockOpeners[name])
		case len(stack) > 0 && name == stack[len(stack)-1]:
			stack = stack[:len(stack)-1]
		case strings.HasPrefix(name, "end") && slices.Contains(stack, name):
			return nil, false, false // blocks closed out of order
		case len(stack) > 0:
		case name == closing:
			return append(tags, g), true, false
		case name == "elsif" && t.name != "case" || name == "else" || name == "when" && t.name == "case":
			tags = append(tags, g)
		case strings.HasPrefix(name, "end") && lqBlockOpeners[name[3:]] != "":
			return nil, false, false // another block's end first
		}
	}
}

// conditional expands the block at p whose tag is t (if, unless or
// case), keeping the branches its condition takes when capsule can tell
// it; ok false when it cannot, for the caller to keep every branch.
func (e *scExpander) conditional(p int, t scLiquid) (end int, ok bool) {
	why := ""
	switch {
	case e.locals == nil:
		return 0, false
	case e.loops > 0:
		// A loop's body is read once, as it is written: its variable
		// (which may be page, or a name the post assigned) and what the
		// loop assigns differ from one turn to the next.
		why = "it is inside a {% for %} loop, which capsule does not run"
	case e.ifDepth >= maxLiquidIfDepth:
		why = "conditions nest deeper than " + strconv.Itoa(maxLiquidIfDepth)
	}
	var tags []lqTagAt
	if why == "" {
		var found, over bool
		if tags, found, over = e.liquidBlock(p, t); !found {
			if over {
				why = "the post's conditions read more than their bound ahead"
			} else {
				why = "its end {% " + lqBlockOpeners[t.name] + " %} is not found"
			}
		}
	}
	var keep []int // the branches kept: their index, 0 the first (after t)
	if why == "" {
		keep, why = e.branchesTaken(t, tags)
	}
	if why != "" {
		e.warn(p, "Liquid condition not decided", "{%% %s %s %%}: every branch kept: %s", t.name, scShort(t.args), scShort(why))
		return 0, false
	}
	// Branch i is between the tag before it (t, or tags[i-1]) and
	// tags[i].
	from := p
	for _, i := range keep {
		a, b := t.end, tags[i].start
		if i > 0 {
			a = tags[i-1].end
		}
		e.newlines(from, a)
		if e.in[a-3] == '-' {
			for a < b && liquidSpace(e.in[a]) {
				a++
			}
		}
		from = b
		if e.in[b+2] == '-' {
			for b > a && liquidSpace(e.in[b-1]) {
				b--
			}
		}
		e.out = append(e.out, e.branch(a, b)...)
	}
	last := tags[len(tags)-1]
	e.newlines(from, last.end)
	e.blockRight = 1
	if e.in[last.end-3] == '-' {
		e.blockRight = 2
	}
	return last.end, true
}

// branchesTaken are the branches of the block t that Liquid shows
// (indexes of the texts after t and after each of tags but the last),
// or why capsule cannot tell them.
func (e *scExpander) branchesTaken(t scLiquid, tags []lqTagAt) ([]int, string) {
	if t.name == "case" {
		subject, ok := lqTokens(t.args)
		if !ok || len(subject) != 1 {
			return nil, "capsule cannot tell what " + t.args + " is"
		}
		v := e.operand(subject[0])
		if v.kind == lqUnknown {
			return nil, "capsule cannot tell what " + subject[0] + " is"
		}
		var keep []int
		for i, g := range tags[:len(tags)-1] {
			if g.name == "else" {
				continue
			}
			words, ok := lqTokens(strings.ReplaceAll(g.args, ",", " , "))
			if !ok || len(words) == 0 {
				return nil, "capsule cannot read {% when " + g.args + " %}"
			}
			match := false
			for k, w := range words {
				if k%2 == 1 {
					if w != "," && w != "or" {
						return nil, "capsule cannot read {% when " + g.args + " %}"
					}
					continue
				}
				switch lqCompare(v, "==", e.operand(w)) { // unknown is maybe, not no
				case lqMaybe:
					return nil, "capsule cannot tell what " + w + " is"
				case lqYes:
					match = true
				}
			}
			if match {
				keep = append(keep, i+1)
			}
		}
		// An else shows when no when matched before it (Liquid 4's
		// Case#render).
		matched := false
		var out []int
		for i, g := range tags[:len(tags)-1] {
			if slices.Contains(keep, i+1) {
				matched = true
				out = append(out, i+1)
			} else if g.name == "else" && !matched {
				out = append(out, i+1)
			}
		}
		return out, ""
	}
	if n := len(tags); n >= 2 && slices.ContainsFunc(tags[:n-2], func(g lqTagAt) bool { return g.name == "else" }) {
		return nil, "a branch follows its {% else %}"
	}
	conds := append([]string{t.args}, make([]string, 0, len(tags))...)
	for _, g := range tags[:len(tags)-1] {
		conds = append(conds, g.args)
	}
	for i, c := range conds {
		if i > 0 && tags[i-1].name == "else" {
			return []int{i}, ""
		}
		v, unread := e.condition(c)
		if i == 0 && t.name == "unless" && v != lqMaybe {
			v = lqOf(v == lqNo)
		}
		switch v {
		case lqMaybe:
			return nil, "capsule cannot tell what " + unread + " is"
		case lqYes:
			return []int{i}, ""
		}
	}
	return nil, "" // none taken: nothing shown
}

// branch expands in[a:b], a branch kept, as capture expands its text:
// the post's variables, room and warnings are its.
func (e *scExpander) branch(a, b int) []byte {
	sub := newScExpander(e.in[a:b], e.lineAt(a), e.ref, e.title, e.vars, e.noLiquid, e.depth)
	sub.inc, sub.incDepth, sub.incCount, sub.atLine, sub.params, sub.postDir = e.inc, e.incDepth, e.incCount, e.atLine, e.params, e.postDir
	sub.asset, sub.site, sub.page = e.asset, e.site, e.page
	sub.locals, sub.varRoom = e.locals, e.varRoom
	sub.ifRoom, sub.ifDepth, sub.loops, sub.turns = e.ifRoom, e.ifDepth+1, e.loops, e.turns
	sub.warns, e.warns = e.warns, Warnings{}
	sub.run()
	e.warns, e.varRoom = sub.warns, sub.varRoom
	return sub.out
}

// liquidSite is the documents of the Jekyll site c loaded, as its
// conditions see them: site.posts, the published posts of _posts
// (hidden ones too), and the documents of each collection with output,
// by name. (A collection without output is not loaded: its size is not
// told.)
func (cfg siteConfig) liquidSite(c *Content) *liquidSite {
	s := &liquidSite{docs: map[string][]*Post{"posts": nil}, collectionsDir: cfg.collectionsDir}
	for _, name := range cfg.collections {
		s.docs[name] = nil
	}
	for _, l := range [...][]*Post{c.Posts, c.Pages, c.Unlisted, c.NoPage} {
		for _, p := range l {
			if kind := cfg.jekyllKind(p.Dir); kind != "pages" {
				if _, ok := s.docs[kind]; ok {
					s.docs[kind] = append(s.docs[kind], p)
				}
			}
		}
	}
	// In Jekyll's order (liquidfor.go): a collection's by date, then
	// path; site.posts the newest first.
	for _, docs := range s.docs {
		sortDocs(docs)
	}
	slices.Reverse(s.docs["posts"])
	return s
}
