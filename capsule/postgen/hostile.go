package postgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// HostileMarkdown returns a document of a few fragments, each built to
// make a renderer's output grow: deep and mixed nesting, wide and long
// tables, lazy lines, hard breaks, footnotes, links, rules, headings, long
// lines and control characters. The renderers' output-bound tests and
// fuzz seeds use it.
func HostileMarkdown(rnd *rand.Rand) string {
	var b strings.Builder
	for range 1 + rnd.IntN(4) {
		b.WriteString(hostileFragment(rnd))
		if rnd.IntN(2) == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func hostileFragment(rnd *rand.Rand) string {
	n := 1 + rnd.IntN(30)
	markers := []string{"- ", "* ", "1. ", "123456789. ", "> ", ">", "- > ", "1) > ", "- [ ] ", "[^1]: "}
	nest := func() string {
		var b strings.Builder
		for range n {
			b.WriteString(markers[rnd.IntN(len(markers))])
		}
		return b.String()
	}
	lines := func(line string) string { return strings.Repeat(line, 1+rnd.IntN(60)) }
	words := []string{"a", "日本", "\x1b", "\xc2\x9b", "\xff", "&amp;", "<br>", "`c`", "**b**", "[l](u)", "![i](x.png)",
		"<a@b.c>", "http://a.bc/", "[^1]", "[](< >)", "=> ", "# ", "```", "\u00a9", "\t", "\x00", "\u2028"}
	text := func() string {
		var b strings.Builder
		for range 1 + rnd.IntN(8) {
			b.WriteString(words[rnd.IntN(len(words))])
		}
		return b.String()
	}
	switch rnd.IntN(14) {
	case 0: // nesting on one line
		return nest() + text() + "\n"
	case 1: // nesting, then lines that continue it lazily with hard breaks
		return nest() + text() + "\\\n" + lines("\\\n") + "x\n"
	case 2: // nesting, then lines of <br>
		return nest() + "a" + lines("<br>\n") + "\n"
	case 3: // nesting that grows line by line
		var b strings.Builder
		m := markers[rnd.IntN(len(markers))]
		for i := 1; i <= n; i++ {
			b.WriteString(strings.Repeat(m, i) + text() + "\n")
		}
		return b.String()
	case 4: // a wide table over short rows
		cols := 1 + rnd.IntN(200)
		head := strings.Repeat("|"+strings.Repeat("h", rnd.IntN(30)), cols) + "|\n"
		return head + strings.Repeat("|-", cols) + "|\n" + lines("|"+text()+"\n")
	case 5: // a table with one long cell, in a container, rows lazy
		return nest() + "| a | b |\n|---|---|\n| " + strings.Repeat("x", rnd.IntN(400)) + " | y |\n" + lines("z\n")
	case 6: // many footnotes and references
		var b strings.Builder
		for i := range n * 10 {
			fmt.Fprintf(&b, "[^%d]", i)
		}
		b.WriteString("\n\n")
		for i := range n * 10 {
			fmt.Fprintf(&b, "[^%d]: %s\n", i, text())
		}
		return b.String()
	case 7: // a long line
		return strings.Repeat(text()+" ", 1+rnd.IntN(500)) + "\n"
	case 8: // many links and images, some with long URLs
		return lines("[](a) ![](b) <c:d> <e@f.g> http://h.ij/ [](<" + strings.Repeat(" ", rnd.IntN(100)) + ">) ")
	case 9: // code, in a container
		return nest() + "```\n" + lines(text()+"\n") + "```\n"
	case 10: // thematic breaks and empty items
		return lines("***\n-\n*\n***\na\n***\n-\n")
	case 11: // the widest prefix allowed, over lines of two bytes
		wide := strings.Repeat("123456789. ", rnd.IntN(3)) + strings.Repeat("> ", rnd.IntN(9))
		if rnd.IntN(2) == 0 {
			return wide + "a\\\n" + lines("\\\n") + "b\n"
		}
		return wide + lines("- ") + "a\n"
	case 12: // headings
		return lines("# " + text() + "\n")
	default: // a table of many columns in a deep container
		cols := 1 + rnd.IntN(50)
		return nest() + strings.Repeat("|a", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n" + lines("|\n")
	}
}
