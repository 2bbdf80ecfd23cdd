package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// FileError is a problem with one input file, at one line. It is used for
// errors that stop a build and for warnings that do not.
type FileError struct {
	File string // path of the file, as found under the posts folder
	Line int    // 1-based; 0 when the problem concerns the whole file
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrorList is every problem found in one pass, so that an author can fix
// them all at once. It is sorted by file and line.
type ErrorList []*FileError

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// SortFileErrors orders problems by file, then line.
func SortFileErrors(l []*FileError) {
	slices.SortStableFunc(l, func(a, b *FileError) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
}
