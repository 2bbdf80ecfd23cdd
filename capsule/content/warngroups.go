package content

import "fmt"

// Warnings by kind. A real blog brought from Hugo or Jekyll has hundreds
// of warnings (a theme's keys, dead links, undated pages): one log line
// each buries the one that matters. Logs and capsuled -check show one
// line per kind instead, with how many there are and the first;
// capsuled -check -v lists them all.

// WarningGroup is the warnings of one kind.
type WarningGroup struct {
	// Kind is the warnings' FileError.Kind; for warnings without one,
	// their message (only the same warning is grouped then).
	Kind string
	// Count is how many warnings of the kind there are, those only
	// counted past MaxWarningsPerKind included.
	Count int
	// First is the first of them in the order given (file, then line,
	// as SortFileErrors leaves them).
	First *FileError
	// untitled: the warnings have no Kind.
	untitled bool
}

// GroupWarnings groups warnings by kind, the kinds in the order of their
// first warning.
func GroupWarnings(warns []*FileError) []WarningGroup {
	var groups []WarningGroup
	index := make(map[string]int)
	for _, w := range warns {
		key, untitled := w.Kind, w.Kind == ""
		if untitled {
			key = "\x00" + w.Msg // never a kind: kinds are words
		}
		i, seen := index[key]
		if !seen {
			i = len(groups)
			index[key] = i
			groups = append(groups, WarningGroup{Kind: w.Kind, untitled: untitled})
			if untitled {
				groups[i].Kind = w.Msg
			}
		}
		g := &groups[i]
		g.Count += weight(w)
		if g.First == nil || g.First.More > 0 && w.More == 0 {
			g.First = w // a warning, rather than a line counting others
		}
	}
	return groups
}

// String is the group's log line (without "warning: "): its warning as
// it is for a kind of one (but a line "and 1 more like it" says its
// kind), else the count, the kind and the first:
//
//	37 × dead file link, first posts/a.md:12: link to a file that does not exist: b.png
func (g WarningGroup) String() string {
	if g.Count == 1 && g.First.More == 0 {
		return g.First.Error()
	}
	kind := g.Kind
	if g.untitled {
		kind = "the same warning"
	}
	return fmt.Sprintf("%s × %s, first %s", thousands(g.Count), printable(kind), g.First.Error())
}

// CountWarnings is how many warnings warns holds, counting those a line
// "and N more like it" stands for.
func CountWarnings(warns []*FileError) int {
	n := 0
	for _, w := range warns {
		n += weight(w)
	}
	return n
}

// Thousands is n with commas between groups of three digits: "139,980".
func Thousands(n int) string { return thousands(n) }

// weight is how many warnings w stands for.
func weight(w *FileError) int {
	return max(w.More, 1)
}

// Kinds of warnings made in more than one place.
const (
	kindUnknownKey      = "unknown key"
	kindRepeatedKey     = "repeated key"
	kindMisspelt        = "misspelt key"
	kindLinkNotFollowed = "symbolic link not followed"
	kindSecret          = "secret not served"
	kindUnknownTarget   = "unknown link target" // of ref, relref, link, post_url
)
