package markup

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ThemeText is the goldmark extension for a site whose theme rewrites
// the text of a page's HTML after Hugo made it, as LoveIt, FixIt and
// DoIt do (their function/content.html): the Document's text, code
// included, is rewritten so once Parse has lowered it.
//
// Icons: ":(fas fa-campground):" (the theme's regular expression
// `:\(([\w- ]+?)\):`, any classes: "fa-regular fa-square fa-fw") is a
// Font Awesome icon, <i class="…" aria-hidden="true">. An icon that
// says something a character says as well (the check boxes and ticks of
// a table of what is supported, stars, hearts, arrows: iconTexts) is
// that character; any other is a picture the theme hides from screen
// readers (aria-hidden), and is dropped with a warning ("icon
// dropped"), one space of those around it with it. Text readers are
// given what a screen reader gives, and the author is told.
//
// Escapes: "{?X}" is X, after the icons, so that "{?:}(fas fa-tag):"
// shows the syntax as typed. As in the theme's HTML, where <, >, & and
// " are entities, "{?<}" stays.
//
// The work is one pass of two linear regular expressions over each run
// of text and each line of code: what a post's size bounds.
type ThemeText struct{ Icons, Escapes bool }

// Extend marks the documents m parses as written for such a theme.
func (t ThemeText) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(themeTextMark(t), 0)))
}

// themeTextKey holds a document's ThemeText in the parser's context.
var themeTextKey = parser.NewContextKey()

type themeTextMark ThemeText

func (t themeTextMark) Transform(_ *ast.Document, _ text.Reader, pc parser.Context) {
	pc.Set(themeTextKey, ThemeText(t))
}

// themeIcon is the themes' (function/fontawesome.html); themeEscape
// theirs too (function/escape.html).
var (
	themeIcon   = regexp.MustCompile(`:\(([\w- ]+?)\):`)
	themeEscape = regexp.MustCompile(`\{\?(.)\}`)
)

// iconTexts are the icons drawn as a character, by their name without
// "fa-", Font Awesome 4's and 5's names and 6's; a pair is the regular
// (outlined) style's and the solid one's.
var iconTexts = map[string][2]string{
	"check": {"✓", "✓"}, "check-square": {"☑", "☑"}, "square-check": {"☑", "☑"},
	"check-circle": {"✓", "✓"}, "circle-check": {"✓", "✓"},
	"times": {"✗", "✗"}, "xmark": {"✗", "✗"}, "close": {"✗", "✗"}, "remove": {"✗", "✗"},
	"times-circle": {"✗", "✗"}, "circle-xmark": {"✗", "✗"},
	"times-square": {"☒", "☒"}, "square-xmark": {"☒", "☒"}, "minus-square": {"⊟", "⊟"}, "square-minus": {"⊟", "⊟"},
	"square": {"☐", "■"}, "circle": {"○", "●"}, "star": {"☆", "★"}, "heart": {"♡", "♥"},
	"arrow-right": {"→", "→"}, "arrow-left": {"←", "←"}, "arrow-up": {"↑", "↑"}, "arrow-down": {"↓", "↓"},
	"long-arrow-alt-right": {"→", "→"}, "right-long": {"→", "→"},
	"exclamation-triangle": {"⚠", "⚠"}, "triangle-exclamation": {"⚠", "⚠"}, "warning": {"⚠", "⚠"},
}

// iconText is the character of the icon of classes, "" for none.
func iconText(classes string) string {
	f := strings.Fields(classes)
	style := 1
	for _, c := range f {
		if c == "far" || c == "fa-regular" {
			style = 0
		}
	}
	for _, c := range f {
		if t, ok := iconTexts[strings.TrimPrefix(c, "fa-")]; ok && strings.HasPrefix(c, "fa-") {
			return t[style]
		}
	}
	return ""
}

// mayThemeText reports whether src may hold what ThemeText rewrites.
func mayThemeText(src []byte) bool {
	return bytes.Contains(src, []byte(":(")) || bytes.Contains(src, []byte("{?"))
}

// themeText rewrites d's text and code as t says (see ThemeText).
func (d *Document) themeText(t ThemeText, warn Warn) {
	var runs [][]*ast.Text
	var codes []ast.Node
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			codes = append(codes, n)
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			// A run: text siblings that follow one another in the
			// source, up to a line's end (the expressions match
			// within a line).
			if prev, ok := n.PreviousSibling().(*ast.Text); ok && len(runs) > 0 && runs[len(runs)-1][len(runs[len(runs)-1])-1] == prev &&
				!prev.SoftLineBreak() && !prev.HardLineBreak() && prev.IsRaw() == n.IsRaw() &&
				prev.Segment.Stop == n.Segment.Start && prev.Segment.Padding == 0 && n.Segment.Padding == 0 {
				runs[len(runs)-1] = append(runs[len(runs)-1], n)
			} else {
				runs = append(runs, []*ast.Text{n})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, run := range runs {
		first, last := run[0], run[len(run)-1]
		s := string(d.Source[first.Segment.Start:last.Segment.Stop])
		if first.Segment.Padding != 0 || strings.IndexByte(s, '\n') >= 0 {
			continue
		}
		out, changed := d.themeString(s, t, first.Segment.Start, warn)
		if !changed {
			continue
		}
		n := ast.NewTextSegment(d.writeText(out, d.Offset(first.Segment.Start)))
		n.SetRaw(first.IsRaw())
		n.SetSoftLineBreak(last.SoftLineBreak())
		n.SetHardLineBreak(last.HardLineBreak())
		parent := first.Parent()
		parent.InsertBefore(parent, first, n)
		for _, r := range run {
			parent.RemoveChild(parent, r)
		}
	}
	for _, c := range codes {
		lines := c.Lines()
		changed := false
		out := text.NewSegments()
		for i := range lines.Len() {
			seg := lines.At(i)
			s := string(seg.Value(d.Source))
			if o, ok := d.themeString(s, t, seg.Start, warn); ok {
				seg, changed = d.writeText(o, d.Offset(seg.Start)), true
			}
			out.Append(seg)
		}
		if changed {
			c.SetLines(out)
		}
	}
}

// themeString is s, text at offset at, rewritten as t says, and whether
// that changed it.
func (d *Document) themeString(s string, t ThemeText, at int, warn Warn) (string, bool) {
	out := s
	if t.Icons && strings.Contains(out, ":(") {
		var b strings.Builder
		last := 0
		for _, m := range themeIcon.FindAllStringSubmatchIndex(s, -1) {
			icon, classes := s[m[0]:m[1]], s[m[2]:m[3]]
			if c := iconText(classes); c != "" {
				b.WriteString(s[last:m[0]])
				b.WriteString(c)
				last = m[1]
				continue
			}
			// Dropped: with one of the spaces around it, the theme's
			// two (made no-break spaces) one space again.
			before := s[last:m[0]]
			end := m[1]
			if end < len(s) && s[end] == ' ' && (strings.HasSuffix(before, " ") || b.Len() == 0 && before == "") {
				end++
			} else if end == len(s) && strings.HasSuffix(before, " ") {
				before = before[:len(before)-1]
			}
			b.WriteString(before)
			last = end
			warn(d.Offset(at+m[0]), "icon dropped", func() string {
				return fmt.Sprintf("Font Awesome icon %s dropped: the theme draws it as a picture, with no text", icon)
			})
		}
		b.WriteString(s[last:])
		out = b.String()
	}
	if t.Escapes && strings.Contains(out, "{?") {
		out = themeEscape.ReplaceAllStringFunc(out, func(m string) string {
			if x := m[2 : len(m)-1]; !strings.ContainsAny(x, `<>&"`) {
				return x
			}
			return m
		})
	}
	return out, out != s
}
