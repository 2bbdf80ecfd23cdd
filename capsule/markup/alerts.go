package markup

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Alerts reads a quote whose first line is an alert's marker (GitHub's
// "> [!NOTE]", "> [!TIP]", "> [!IMPORTANT]", "> [!WARNING]",
// "> [!CAUTION]", and the other words and forms Obsidian and FixIt
// write: "> [!tip]+ A title", "> [!note]- …") as Hugo (0.132 on) gives it
// to a theme's blockquote render hook: its type (any letters, in any
// case), a sign (+ or -, how the theme folds it) and a title, the rest
// of the line. The quote is drawn with the title as its first line: the
// given one, else the type's name in the post's language
// (Labels.Note…), or for a type GitHub has not, the word as written,
// capitalised. FixIt's "~" title, and its center type, draw no title.
// A site whose generator draws no alerts keeps the marker as text, and
// is not given this extension. Only the parse Parse makes is read so:
// the Markdown that lowering writes for HTML (a <blockquote> of the
// author's) is none of Hugo's alerts.
//
// Theme, when the hook that draws the alerts is FixIt's ("fixit") or
// DoIt's ("doit"), titles them as it does, unless Labels.Own: FixIt in
// its own words for the post's language (Labels.Lang; fixitAlertWords),
// DoIt with the type capitalised ("Note" in any language).
//
// The work is the quote's first line's, once a quote: what a post's
// size bounds.
type Alerts struct{ Theme string }

func (a Alerts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alerter{a.Theme}, 10000)))
}

// labelsKey holds Parse's Labels in the parser's context: the alert
// titles in the post's language.
var labelsKey = parser.NewContextKey()

// alertMarker is Hugo's: "[!", letters, "]", a sign, a space.
var alertMarker = regexp.MustCompile(`^\[!([A-Za-z]+)\]([-+])?[ \t]?`)

type alerter struct{ theme string }

func (a alerter) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	labels, ok := pc.Get(labelsKey).(*Labels)
	if !ok {
		return
	}
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		alert(q, src, labels, a.theme)
	}
}

// alert draws quote q as an alert when its first paragraph's first line
// is a marker; theme is Alerts.Theme.
func alert(q *ast.Blockquote, src []byte, labels *Labels, theme string) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return
	}
	line := p.Lines().At(0)
	first := src[line.Start:line.Stop]
	lead := len(first) - len(strings.TrimLeft(string(first), " \t"))
	m := alertMarker.FindSubmatchIndex(first[lead:])
	if m == nil {
		return
	}
	kind := strings.ToLower(string(first[lead+m[2] : lead+m[3]]))
	signed := m[4] >= 0
	markEnd := line.Start + lead + m[1]
	given := strings.TrimSpace(string(first[lead+m[1]:]))

	// The first line's nodes, less the marker, are the title's.
	title := ast.NewParagraph()
	title.Lines().Append(line)
	for c := p.FirstChild(); c != nil; {
		start, known := inlineStart(c)
		if !known || start >= line.Stop {
			break
		}
		next := c.NextSibling()
		p.RemoveChild(p, c)
		if t, ok := c.(*ast.Text); ok {
			end := t.SoftLineBreak() || t.HardLineBreak()
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(false)
			if t.Segment.Start < markEnd {
				t.Segment = t.Segment.WithStart(min(markEnd, t.Segment.Stop))
			}
			if t.Segment.Len() > 0 {
				title.AppendChild(title, t)
			}
			if end {
				break
			}
		} else {
			title.AppendChild(title, c)
		}
		c = next
	}
	switch {
	case theme == "doit":
		// DoIt's hook: the title given, else the type capitalised.
		if title.ChildCount() == 0 || given == "" {
			title.RemoveChildren(title)
			title.AppendChild(title, ast.NewString([]byte(labels.themeAlert(theme, kind, signed))))
		}
	case given == "~" || kind == "center" && (given == "" || theme == "fixit"):
		// FixIt's center type draws the text alone, a title given too.
		title.RemoveChildren(title)
	case title.ChildCount() == 0 || given == "":
		title.RemoveChildren(title)
		title.AppendChild(title, ast.NewString([]byte(labels.themeAlert(theme, kind, signed))))
	}
	switch {
	case title.ChildCount() == 0:
		if p.ChildCount() == 0 {
			q.RemoveChild(q, p)
		}
	case p.ChildCount() == 0:
		// The marker's line alone: the title is a paragraph of its own
		// (its text follows after a blank line).
		q.ReplaceChild(q, p, title)
	default:
		// The title, then a line break, then the text that follows it.
		br := ast.NewTextSegment(text.NewSegment(markEnd, markEnd))
		br.SetHardLineBreak(true)
		title.AppendChild(title, br)
		for c := title.LastChild(); c != nil; c = title.LastChild() {
			title.RemoveChild(title, c)
			p.InsertBefore(p, p.FirstChild(), c)
		}
	}
}

// inlineStart is where inline node n begins in the source: its first
// text's start. False for a node without text (an autolink, an image
// without alt).
func inlineStart(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start, true
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start, true
		}
		return 0, false
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s, ok := inlineStart(c); ok {
			return s, true
		}
	}
	return 0, false
}

// themeAlert is the title theme (Alerts.Theme) gives an alert of kind
// that gives none, signed when its marker has a sign: capsule's (alert)
// when the operator's words are the site's (Labels.Own).
func (l *Labels) themeAlert(theme, kind string, signed bool) string {
	if l.Own {
		return l.alert(kind)
	}
	switch theme {
	case "doit":
		return upperFirst(kind)
	case "fixit":
		words := fixitLang(l.Lang)
		if basicAlerts[kind] && !signed {
			if w := fixitAlertWords[words][kind]; w != "" {
				return w
			}
			return l.alert(kind)
		}
		if alias := fixitAliases[kind]; alias != "" {
			kind = alias
		}
		if w := fixitAdmonitionWords[words][kind]; w != "" {
			return w
		}
		return upperFirst(kind)
	}
	return l.alert(kind)
}

// fixitLang is the name of FixIt's i18n file for language tag lang: the
// tag's own (lower case), else its language's ("de" for de-CH), a
// Chinese one's by its script or region (zh-tw, else zh-cn).
func fixitLang(lang string) string {
	lang = strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	if _, ok := fixitAlertWords[lang]; ok {
		return lang
	}
	primary, rest, _ := strings.Cut(lang, "-")
	if primary == "zh" {
		for _, s := range strings.Split(rest, "-") {
			switch s {
			case "hant", "tw", "hk", "mo":
				return "zh-tw"
			}
		}
		return "zh-cn"
	}
	return primary
}

// upperFirst is s with its first letter upper case (Hugo's
// strings.FirstUpper, and its title of one lower-case word).
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// alert is the title of an alert of kind that gives none.
func (l *Labels) alert(kind string) string {
	switch kind {
	case "note":
		return l.or(l.Note, "Note")
	case "tip":
		return l.or(l.Tip, "Tip")
	case "important":
		return l.or(l.Important, "Important")
	case "warning":
		return l.or(l.Warning, "Warning")
	case "caution":
		return l.or(l.Caution, "Caution")
	}
	return upperFirst(kind)
}
