package content

import (
	"strings"
	"testing"
)

// mdxBody's edge cases, as MDX reads them: an import line inside a
// paragraph is text (ESM does not interrupt one), an indented one too;
// a component's href="#" is no link; a title before a list gets no
// break, which would be text there; an unclosed brace is text.
func TestMDXBody(t *testing.T) {
	for _, c := range []struct {
		in       string
		want     []string
		not      []string
		comps, n int
	}{
		{in: "Some text\nimport x from 'y'\n\nimport z from 'w'\nexport const a = 1\n\nafter\n",
			want: []string{"import x from 'y'", "after"}, not: []string{"import z", "export const"}},
		{in: "  import a from 'b'\n", want: []string{"import a from 'b'"}},
		{in: "<Link href=\"#\">\n\tClick\n</Link>\n", want: []string{"Click"}, not: []string{"<#>", "](#)", "<Link"}, comps: 1},
		{in: "<Details summary=\"Steps\">\n1. one\n2. two\n</Details>\n", want: []string{"**Steps**\n1. one"}, not: []string{"\\"}, comps: 1},
		{in: "<Box title=\"Note\">\nplain text\n</Box>\n", want: []string{"**Note**\\\nplain text"}, comps: 1},
		{in: "a { not closed\n", want: []string{"a { not closed"}},
		{in: "x {a.b} y {'lit'} z {/* c */}\n", want: []string{"x  y lit z "}, n: 1},
	} {
		out, notes := mdxBody([]byte(c.in), 1)
		if strings.Count(string(out), "\n") != strings.Count(c.in, "\n") {
			t.Errorf("%q: lines not kept: %q", c.in, out)
		}
		for _, w := range c.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%q → %q, lacks %q", c.in, out, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(string(out), w) {
				t.Errorf("%q → %q, has %q", c.in, out, w)
			}
		}
		if len(notes.names) != c.comps || notes.exprs != c.n {
			t.Errorf("%q: %d components, %d expressions noted, want %d, %d", c.in, len(notes.names), notes.exprs, c.comps, c.n)
		}
	}
}

// A tag or an expression over several lines is read as on one line
// (mdxNotes.collapse): the lines of the text after it are still its
// file's (Post.Lines), as a warning of a link there names them, but
// for the text on its last line, on its first now; a tag
// over more than mdxMaxTagLines line breaks is text.
func TestMDXMultiLineTagLines(t *testing.T) {
	body := "FIRST <Badge\n  text=\"a\"\n/> SECOND\n\n{\n  props.x\n} THIRD <Callout\n  title=\"t\"\n>\nFOURTH\n</Callout>\n\nFIFTH\n"
	src := "---\ntitle: t\n---\n" + body
	p, errs, _ := parsePost("a.mdx", []byte(src), "a", nil, "", defaultFrontLimits)
	if len(errs) > 0 || p == nil {
		t.Fatal(errs)
	}
	var notes mdxNotes
	p.Body, notes = mdxBody(p.Body, p.BodyLine)
	p.Lines = notes.lines
	lineOf := func(s string) int { return strings.Count(src[:strings.Index(src, s)], "\n") + 1 }
	// Text on a tag's last line is on its first, as its line is read.
	for w, at := range map[string]string{"FIRST": "FIRST", "SECOND": "FIRST", "THIRD": "{\n", "FOURTH": "FOURTH", "FIFTH": "FIFTH"} {
		want := lineOf(at)
		if got := p.Line(strings.Index(string(p.Body), w)); got != want {
			t.Errorf("%s: line %d, want %d (the file's); body %q, lines %v", w, got, want, p.Body, p.Lines)
		}
	}
	for _, c := range []struct {
		breaks int
		read   bool
	}{{mdxMaxTagLines, true}, {mdxMaxTagLines + 1, false}} {
		in := "<Card" + strings.Repeat("\n  a=\"b\"", c.breaks-2) + "\n  title=\"T\"\n/>\n"
		out, _ := mdxBody([]byte(in), 1)
		if read := !strings.Contains(string(out), "<Card"); read != c.read || read && !strings.Contains(string(out), "**T**") {
			t.Errorf("a tag over %d line breaks: read %v, want %v: %q", c.breaks, read, c.read, out)
		}
	}
}

// mdxIndents' cases: what MDX reads a line as (it has no indented code)
// is what CommonMark reads the line moved to: at its list item's text,
// or the margin, when four columns or more past it; items nested by less
// stay nested; a fence moves with its code; tabs count four columns; a
// thematic break is no item; a paragraph's next line is left where it
// is, its items open, unless it starts a block that ends the paragraph;
// a quote's inside and blank lines are left.
func TestMDXIndents(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"    # Title\n      text\n", "# Title\ntext\n"},
		{"    - a\n    - b\n        - c\n", "- a\n- b\n    - c\n"},
		{"- a\n\n      para in a\n", "- a\n\n  para in a\n"},
		{"-      not code\n", "- not code\n"},
		{"1.  one\n\n         deep\n", "1.  one\n\n    deep\n"},
		{"\t- tab\n\t\t- deeper\n", "- tab\n\t- deeper\n"},
		{"      ```go\n        x := 1\n      ```\n", "```go\n  x := 1\n```\n"},
		{"    * * *\n      after\n", "* * *\nafter\n"},
		{">     quoted\n", ">     quoted\n"},
		{"  two\n   three\n", "  two\n   three\n"},
		{"a\n    \n    b\n", "a\n    \nb\n"},
		{"1. item\nlazy line\n    1. nested\n    more\n1. next\n", "1. item\nlazy line\n    1. nested\n    more\n1. next\n"},
		{"para\n        - list\n", "para\n- list\n"},
		{"para\n        more\n", "para\n        more\n"},
		{"<div\n    class=\"x\">\n", "<div\n    class=\"x\">\n"},
	} {
		if out, _ := mdxBody([]byte(c.in), 1); string(out) != c.want {
			t.Errorf("%q → %q, want %q", c.in, out, c.want)
		}
	}
}
