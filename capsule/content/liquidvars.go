package content

// Liquid's variables in a post: {% capture name %}…{% endcapture %} and
// {% assign name = … %}, then {{ name }}.
//
// Jekyll runs a page's Liquid before its Markdown: a capture's text is
// bound to its name and shows nothing where it is written; {{ name }}
// shows it where it is output (minimal-mistakes' figure: the image's
// Markdown captured, then output in a <figure>; a link's address
// captured, then output as a link's destination). capsule does the same
// for what it can know:
//   - a capture binds its text, expanded as the post's (its links, the
//     site's variables, includes), to its name;
//   - an assign binds a literal ("…", '…', a number, true, false, nil),
//     the value of a variable bound so, or a site variable capsule
//     knows, through filters whose outcome is its text (includeFilter,
//     and remove and remove_first: liquidVarFilter);
//   - {{ name }}, with such filters, outputs it; an include's parameter
//     given as such a variable (image=name) is its value.
//
// An assign capsule cannot evaluate (site.posts | sort, a loop's item)
// unbinds its name, whose outputs are then dropped with a warning, as
// before capsule knew variables. A capture without its endcapture is
// dropped, its text shown where it stands, as before.
//
// A Jekyll link ({% link %}, {% post_url %}) captured is capsule's link
// to that page, not Jekyll's address: a remove of "index" or ".html"
// from it (fumokmm's {% assign link_to_it = link_to_it | remove: 'index'
// %}, the folder's address for its index page) names the same page, and
// is not applied.
//
// Bounds: what the variables in a capture add to it (the site's
// variables, includes), what each assign's filters make, and what each
// output shows are taken from the post's varRoom (half its size and
// 4 KiB), as the site's variables are: a post of nothing but outputs of
// a large capture adds at most that to the post. A value larger than the
// room left is not bound, or not output, with a warning.

import (
	"bytes"
	"strings"

	"capsule/capsule/markup"
)

// liquidVar is a Liquid variable's value, and whether it is a captured
// link of capsule's to a page (link).
type liquidVar struct {
	liquidValue
	link bool
	// cond is its value in a condition (liquidif.go) when its text
	// does not tell it: nil, a number, true; lqUnknown otherwise.
	cond lqVal
}

// liquidLocals are the variables of one post, shared by its includes
// (Jekyll's page context: an include sees the page's variables).
type liquidLocals struct {
	m map[string]liquidVar
	// lists are the variables an assign made lists of the site's
	// documents, whose size alone capsule knows (liquidif.go): for
	// conditions only, never output.
	lists map[string]lqVal
}

// liquidVarName reports whether s is a name a capture or assign binds
// (Liquid's VariableSignature, without index or dots).
func liquidVarName(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	switch s {
	case "true", "false", "nil", "null", "empty", "blank", "site", "page", "include", "layout", "content", "paginator", "forloop":
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '-')) {
			return false
		}
	}
	return true
}

// local is the variable name bound in the post, if it is.
func (e *scExpander) local(name string) (liquidVar, bool) {
	if e.locals == nil || !liquidVarName(name) {
		return liquidVar{}, false
	}
	v, ok := e.locals.m[name]
	return v, ok
}

func (e *scExpander) bind(name string, v liquidVar) {
	if e.locals.m == nil {
		e.locals.m = map[string]liquidVar{}
	}
	e.locals.m[name] = v
	delete(e.locals.lists, name)
}

func (e *scExpander) unbind(name string) {
	if e.locals != nil {
		delete(e.locals.m, name)
		delete(e.locals.lists, name)
	}
}

// capture binds the text of the capture block whose tag t starts at p
// to its name, and returns the end of its endcapture; ok is false when
// it is no capture capsule reads (no name, no endcapture), for the
// caller to drop the tag alone.
func (e *scExpander) capture(p int, t scLiquid) (int, bool) {
	name := strings.TrimSpace(t.args)
	if len(name) >= 2 && (name[0] == '"' || name[0] == '\'') && name[len(name)-1] == name[0] {
		name = name[1 : len(name)-1] // {% capture "x" %}, which Liquid takes too
	}
	if !liquidVarName(name) || e.locals == nil {
		return 0, false
	}
	s, ok := e.closer("%endcapture", t.end)
	if !ok {
		return 0, false
	}
	in := e.in[t.end:s.start]
	if t.end >= 3 && e.in[t.end-3] == '-' {
		in = trimLiquidSpace(in, true, false) // {% capture x -%}
	}
	if e.in[s.start+2] == '-' {
		in = trimLiquidSpace(in, false, true) // {%- endcapture %}
	}
	link := liquidLinkOnly(in)
	sub := newScExpander(in, e.lineAt(t.end), e.ref, e.title, e.vars, e.noLiquid, e.depth)
	sub.inc, sub.incDepth, sub.incCount, sub.atLine, sub.params, sub.postDir = e.inc, e.incDepth, e.incCount, e.atLine, e.params, e.postDir
	sub.locals, sub.varRoom = e.locals, e.varRoom // what it adds is the post's
	sub.site, sub.page, sub.ifRoom, sub.ifDepth, sub.loops, sub.turns = e.site, e.page, e.ifRoom, e.ifDepth, e.loops, e.turns
	sub.warns, e.warns = e.warns, Warnings{} // its warnings are e's, bounded with them
	sub.run()
	e.warns, e.varRoom = sub.warns, sub.varRoom
	e.bind(name, liquidVar{liquidValue: liquidValue{text: string(sub.out)}, link: link})
	e.newlines(p, s.end)
	return s.end, true
}

// trimLiquidSpace takes Liquid's whitespace off the start and the end
// of b, as a hyphen asks.
func trimLiquidSpace(b []byte, start, end bool) []byte {
	for start && len(b) > 0 && liquidSpace(b[0]) {
		b = b[1:]
	}
	for end && len(b) > 0 && liquidSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// liquidLinkOnly reports whether b is one Jekyll link tag alone, {%
// link … %} or {% post_url … %}, whitespace around it.
func liquidLinkOnly(b []byte) bool {
	s := strings.TrimSpace(string(b))
	if !strings.HasPrefix(s, "{%") || !strings.HasSuffix(s, "%}") || strings.Count(s, "%}") != 1 {
		return false
	}
	s = strings.TrimSpace(strings.Trim(s[2:len(s)-2], "-"))
	return strings.HasPrefix(s, "link ") || strings.HasPrefix(s, "post_url ")
}

// assign binds the value of {% assign name = expr %}'s expression to its
// name, when capsule can tell it (liquidExpr), or unbinds the name with
// a warning, as an assign was dropped before capsule knew variables.
func (e *scExpander) assign(p int, t scLiquid) {
	name, expr, found := strings.Cut(t.args, "=")
	name = strings.TrimSpace(name)
	if !found || !liquidVarName(name) || e.locals == nil {
		e.warn(p, "Liquid tag dropped", "Liquid tag {%% assign %%} dropped")
		return
	}
	if l, ok := e.listExpr(expr); ok && e.site != nil {
		// A list of the site's documents (or its size), for the
		// conditions that ask of it (liquidif.go).
		e.unbind(name)
		if l.kind == lqNumber {
			e.bind(name, liquidVar{liquidValue: liquidValue{text: lqNumText(l.n)}, cond: l})
			return
		}
		if e.locals.lists == nil {
			e.locals.lists = map[string]lqVal{}
		}
		e.locals.lists[name] = l
		return
	}
	v, ok, why := e.liquidExpr(expr, true)
	if head := strings.TrimSpace(expr); ok && !strings.Contains(head, "|") {
		if c, lit := lqLiteral(head); lit && c.kind != lqString {
			v.cond = c // nil, a number, true or false as a condition reads it
		}
	}
	switch {
	case !ok && why != "":
		e.unbind(name)
		e.warn(p, "Liquid tag dropped", "Liquid tag {%% assign %s %%} dropped: %s", scShort(name), why)
	case !ok:
		e.unbind(name)
		e.warn(p, "Liquid tag dropped", "Liquid tag {%% assign %%} dropped")
	default:
		e.bind(name, v)
	}
}

// liquidExpr is the value of the Liquid expression expr, a literal, a
// variable the post binds or a site variable capsule knows, through
// filters whose outcome is its text (liquidVarFilter), when capsule can
// tell it; filtered values are taken from varRoom (charge). why says
// why a value capsule knows could not be given ("" when the expression
// is not one it reads).
func (e *scExpander) liquidExpr(expr string, charge bool) (v liquidVar, ok bool, why string) {
	parts := strings.Split(expr, "|")
	head := strings.TrimSpace(parts[0])
	if lv, lit := liquidLiteral(head); lit {
		v = liquidVar{liquidValue: lv}
	} else if lv, bound := e.local(head); bound {
		v = lv
	} else if key, site := strings.CutPrefix(head, "site."); site && (key == "url" || key == "baseurl") {
		v = liquidVar{} // the address is capsule's (output as nothing)
	} else if s, known := e.vars[key]; site && known {
		v = liquidVar{liquidValue: liquidValue{text: s}}
	} else {
		return liquidVar{}, false, ""
	}
	for _, f := range parts[1:] {
		if v, ok = liquidVarFilter(v, f); !ok {
			return liquidVar{}, false, ""
		}
	}
	if len(parts) > 1 && charge {
		if len(v.text) > e.varRoom {
			return liquidVar{}, false, "its value would add more than half the post's size (and 4 KiB) to it"
		}
		e.varRoom -= len(v.text)
	}
	return v, true, ""
}

// liquidVarFilter applies the filter f to a variable's value, when it
// is one whose outcome is its text: includeFilter's, and remove and
// remove_first of a string. Of a captured link (v.link), the filters
// that make another form of the page's address (relative_url, and
// removing "index", "index.html" or ".html") leave capsule's link as
// it is; others are not applied (ok false).
func liquidVarFilter(v liquidVar, f string) (liquidVar, bool) {
	m := includeFilterRe.FindStringSubmatch(f)
	if m == nil {
		return liquidVar{}, false
	}
	name, arg, hasArg := m[1], m[2]+m[3], strings.Contains(f, ":")
	if v.link {
		switch {
		case name == "relative_url" || name == "absolute_url" || name == "url":
			return v, true
		case (name == "remove" || name == "remove_first") && hasArg:
			switch arg {
			case "index", "index.html", "/index.html", ".html":
				return v, true
			}
		}
		return liquidVar{}, false
	}
	switch {
	case name == "remove" && hasArg && arg != "":
		return liquidVar{liquidValue: liquidValue{text: strings.ReplaceAll(v.text, arg, "")}}, true
	case name == "remove_first" && hasArg && arg != "":
		return liquidVar{liquidValue: liquidValue{text: strings.Replace(v.text, arg, "", 1)}}, true
	}
	lv, ok := includeFilter(v.liquidValue, f)
	return liquidVar{liquidValue: lv}, ok
}

// localOutput writes the output {{ expr }} at p of the variable lv the
// post bound, its filters applied (liquidVarFilter). Filters capsule
// does not apply leave the value as it is, with a warning: the text
// the author captured is shown rather than lost.
func (e *scExpander) localOutput(p int, expr string, lv liquidVar) {
	v := lv
	parts := strings.Split(expr, "|")
	for _, f := range parts[1:] {
		w, ok := liquidVarFilter(v, f)
		if !ok {
			e.warn(p, "Liquid filter not applied", "Liquid output {{ %s }}: its filter %s is not applied, its variable's value shown as it is", scShort(expr), scShort(strings.TrimSpace(f)))
			v = lv
			break
		}
		v = w
	}
	v.text = e.markdownBlock(expr, v.text)
	if len(v.text) > e.varRoom {
		e.warn(p, "Liquid output dropped", "Liquid output {{ %s }} dropped: includes and the site's variables already add half the post's size to it", scShort(expr))
		return
	}
	e.varRoom -= len(v.text)
	if e.track && strings.Contains(v.text, "\n") {
		// Its lines are its tag's, as an include's.
		line := e.atLine
		if line == 0 {
			line = e.lineAt(p)
		}
		e.syncFlat(line)
	}
	e.out = append(e.out, v.text...)
}

// markdownBlock is v, the text of the output expr, put in an element of
// markup.MarkdownTag when expr's filters markdownify it and it is blocks
// of Markdown (lines) output where a line starts (after its indent):
// Jekyll renders that Markdown to HTML, so that inside an HTML block
// (minimal-mistakes' notice: {{ notice-text | markdownify }} in a
// <div class="notice">) its lists are lists and its code spans code,
// which capsule's lowering of the block reads from the element as the
// Markdown it is. Elsewhere the element's tags are dropped and its text
// is the post's Markdown, as before. A line of its own is added before
// the text and after it when it has none (the element's tags alone on
// theirs), so that its first line still starts a block and its last
// ends one. Cost: a copy of v, and 40 bytes, counted in varRoom by the
// caller.
func (e *scExpander) markdownBlock(expr, v string) string {
	if !strings.Contains(v, "\n") || !markdownified(expr) {
		return v
	}
	line := e.out[bytes.LastIndexByte(e.out, '\n')+1:]
	if len(bytes.Trim(line, " \t")) > 0 {
		return v // in a line of text: its words, as before
	}
	var b strings.Builder
	b.Grow(len(v) + 2*len(markup.MarkdownTag) + 7)
	b.WriteString("<" + markup.MarkdownTag + ">")
	if v[0] != '\n' {
		b.WriteByte('\n')
	}
	b.WriteString(v)
	if v[len(v)-1] != '\n' {
		b.WriteByte('\n')
	}
	b.WriteString("</" + markup.MarkdownTag + ">")
	return b.String()
}

// markdownified reports whether a filter of the Liquid output expr
// ("notice | markdownify | remove: '<p>'") is markdownify.
func markdownified(expr string) bool {
	_, filters, _ := strings.Cut(expr, "|")
	for f := range strings.SplitSeq(filters, "|") {
		if strings.TrimSpace(f) == "markdownify" {
			return true
		}
	}
	return false
}
