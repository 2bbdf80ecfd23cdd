package content

import "fmt"

// MaxWarningsPerKind is how many warnings of one kind one file reports.
// Past it, the rest are counted in one more line ("and 139,980 more like
// it"): a post of 140,000 dead links once logged 140,000 lines at every
// start and reload, and finding each one's line scanned the post again.
const MaxWarningsPerKind = 20

// Warnings collects the warnings of one file, at most MaxWarningsPerKind
// of each kind. The zero value is ready to use.
type Warnings struct {
	list  []*FileError
	kinds map[string]*warningKind
}

type warningKind struct {
	n    int        // warnings of the kind, reported or not
	last *FileError // the last one reported
}

// Add adds a warning of kind (its FileError.Kind) about file, unless the
// kind has reached MaxWarningsPerKind: then it is only counted. line and msg are called
// only for a warning reported, since finding a line may cost a scan of
// the file.
func (w *Warnings) Add(kind, file string, line func() int, msg func() string) {
	if w.kinds == nil {
		w.kinds = make(map[string]*warningKind)
	}
	k := w.kinds[kind]
	if k == nil {
		k = new(warningKind)
		w.kinds[kind] = k
	}
	if k.n++; k.n > MaxWarningsPerKind {
		return
	}
	l := 0
	if line != nil {
		l = line()
	}
	k.last = &FileError{File: file, Line: l, Msg: msg(), Kind: kind}
	w.list = append(w.list, k.last)
}

// List is the warnings reported, in the order they were added, the last
// of each kind past the bound followed by one line counting the others.
func (w *Warnings) List() []*FileError {
	more := make(map[*FileError]int)
	for _, k := range w.kinds {
		if k.n > MaxWarningsPerKind {
			more[k.last] = k.n - MaxWarningsPerKind
		}
	}
	if len(more) == 0 {
		return w.list
	}
	out := make([]*FileError, 0, len(w.list)+len(more))
	for _, e := range w.list {
		out = append(out, e)
		if n := more[e]; n > 0 {
			out = append(out, MoreLike(e, n))
		}
	}
	return out
}

// MoreLike is the line that counts n warnings like e, past the bound:
// "and 139,980 more like it", at e's file and line.
func MoreLike(e *FileError, n int) *FileError {
	return &FileError{File: e.File, Line: e.Line, Msg: fmt.Sprintf("and %s more like it", thousands(n)), Kind: e.Kind, More: n}
}
