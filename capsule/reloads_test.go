package capsule

import (
	"context"
	"testing"

	"capsule/capsule/content"
)

// reloads loads and builds a folder as the daemon reloads it: each load
// from the last Content, each build from the last Store, the Content
// forgotten once built.
type reloads struct {
	t           *testing.T
	dir         string
	site        func(*content.Content) *Site
	prev        *Store
	prevContent *content.Content
	scratch     content.Scratch
}

// next is the folder reloaded.
func (r *reloads) next() *Store {
	r.t.Helper()
	c, err := content.Load(r.dir, content.LoadOptions{Settle: -1, Previous: r.prevContent, Scratch: &r.scratch})
	if err != nil {
		r.t.Fatal(err)
	}
	st, err := Build(context.Background(), r.site(c), c, BuildOptions{Previous: r.prev, PreviousContent: r.prevContent})
	if err != nil {
		r.t.Fatal(err)
	}
	c.Forget()
	r.prev, r.prevContent = st, c
	return st
}

// fromNothing is the folder loaded and built from nothing.
func (r *reloads) fromNothing() *Store {
	r.t.Helper()
	c, err := content.Load(r.dir, content.LoadOptions{Settle: -1})
	if err != nil {
		r.t.Fatal(err)
	}
	st, err := Build(context.Background(), r.site(c), c, BuildOptions{})
	if err != nil {
		r.t.Fatal(err)
	}
	return st
}
