package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Warnings are grouped by kind, the kinds in the order of their first
// warning; a line counting what the per-file bound left out counts as the
// warnings it stands for, and is never a group's first.
func TestGroupWarnings(t *testing.T) {
	var a, b Warnings
	for i := range 25 {
		a.Add("dead file link", "a.md", func() int { return 10 + i }, func() string { return "link to a file that does not exist: x.png" })
	}
	b.Add("dead file link", "b.md", func() int { return 3 }, func() string { return "link to a file that does not exist: y.png" })
	warns := slices.Concat(
		[]*FileError{{File: "0.md", Line: 1, Msg: "no date: served as a page", Kind: "no date"}},
		a.List(), b.List(),
		[]*FileError{
			{File: "c.md", Line: 1, Msg: "no date: served as a page", Kind: "no date"},
			{File: "d.md", Line: 2, Msg: `unknown front matter key "x" ignored`, Kind: "unknown key"},
		})
	SortFileErrors(warns)
	var got []string
	for _, g := range GroupWarnings(warns) {
		got = append(got, g.String())
	}
	want := []string{
		"2 × no date, first 0.md:1: no date: served as a page",
		// 20 listed, "and 5 more like it", and b.md's.
		"26 × dead file link, first a.md:10: link to a file that does not exist: x.png",
		// A kind of one is its warning, as it would be alone.
		`d.md:2: unknown front matter key "x" ignored`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("groups\n%q\nwant\n%q", got, want)
	}
	if n := CountWarnings(warns); n != 29 {
		t.Errorf("CountWarnings: %d, want 29", n)
	}
}

// A counting line is not the first of its group even when it sorts
// first; warnings without a kind are grouped only with the same message,
// never with other warnings.
func TestGroupWarningsWithoutKind(t *testing.T) {
	warns := []*FileError{
		{File: "a.md", Line: 1, Msg: "and 3 more like it", Kind: "dead post link", More: 3},
		{File: "a.md", Line: 1, Msg: "link to a post that does not exist: /x", Kind: "dead post link"},
		{File: "p/f", Msg: "not served"},
		{File: "p/g", Msg: "not served"},
		{File: "p/h", Msg: "something else"},
	}
	var got []string
	for _, g := range GroupWarnings(warns) {
		got = append(got, g.String())
	}
	want := []string{
		"4 × dead post link, first a.md:1: link to a post that does not exist: /x",
		"2 × the same warning, first p/f: not served",
		"p/h: something else",
	}
	if !slices.Equal(got, want) {
		t.Errorf("groups\n%q\nwant\n%q", got, want)
	}
}

// A kind is written as file names and messages are: a control character
// cannot forge a log line.
func TestGroupKindPrintable(t *testing.T) {
	warns := []*FileError{
		{File: "a", Msg: "m", Kind: "bad\nkind"},
		{File: "b", Msg: "m", Kind: "bad\nkind"},
	}
	if got := GroupWarnings(warns)[0].String(); got != `2 × bad\x0akind, first a: m` {
		t.Errorf("%q", got)
	}
}

// A blog whose posts are named by their Japanese titles has many names
// over an address's 200 bytes (kenjinote/blog: 14 of 183): their
// warnings are one kind, one log line, not a line each.
func TestLongNamesOneKind(t *testing.T) {
	long := strings.Repeat("日本語のとても長いファイル名", 4)
	files := map[string]string{}
	for i := range 5 {
		files[fmt.Sprintf("2020-01-0%d-%s%d.md", i+1, long, i)] = "+++\ntitle = \"t\"\ndate = 2020-01-01\n+++\nx\n"
	}
	c, err := loadStrict(testfs.Write(t, files), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	groups := GroupWarnings(c.Warnings)
	if len(groups) != 1 || groups[0].Count != 5 {
		var lines []string
		for _, g := range groups {
			lines = append(lines, g.String())
		}
		t.Errorf("%d warnings in %d lines, want 5 in 1:\n%s", CountWarnings(c.Warnings), len(groups), strings.Join(lines, "\n"))
	}
}
