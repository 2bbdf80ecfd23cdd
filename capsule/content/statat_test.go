package content

import (
	"os"
	"path/filepath"
	"testing"

	"capsule/capsule/internal/testfs"
)

// A reload looks at the posts of the folder's top by fstatat (statat.go)
// and takes those whose stamp is unchanged: it sees every file changed
// since, however it changed. One edited keeping its size and
// modification time (its change time moved), one replaced by another
// file of the same size and time (another inode), one edited the same
// way within RacyWindow of its first read, and the file a symbolic link
// leads to, edited the same way. A reload that changes nothing takes
// every post, and keeps what the previous load kept of each.
func TestReloadSeesEveryChangedFile(t *testing.T) {
	dir, old, racyTime := sneakyFolder(t, map[string]string{"sub/target.md": sneakyPost("Link", "linked one")})
	if err := os.Symlink(filepath.Join("sub", "target.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	opts := LoadOptions{Settle: -1, Layout: LayoutFlat}
	first, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	first.Forget()

	// Nothing changed: every post but the racy one is taken, and what
	// the first load kept of it is kept again.
	opts.Previous = first
	same, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"kept.md", "edited.md", "replaced.md", "link.md"} {
		p := filepath.Join(dir, name)
		if k := same.cache.read[p]; k == nil || k != first.cache.read[p] {
			t.Errorf("%s: unchanged, and not taken from the previous load", name)
		}
	}
	same.Forget()

	// Same sizes, same modification times.
	changeSneakily(t, dir, old, racyTime)
	rewriteAt(t, dir, "sub/target.md", sneakyPost("Link", "LINKED one"), old)

	opts.Previous = same
	got, err := Load(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"kept": "kept text", "edit": "EDITED one", "repl": "replaced 2", "racy": "racy TEXT1", "link": "LINKED one"}
	for _, p := range got.Posts {
		if err := ReadBody(p); err != nil {
			t.Fatal(err)
		}
		slug := map[string]string{"kept": "kept", "edited": "edit", "replaced": "repl", "racy": "racy", "link": "link"}[p.Slug]
		if w, ok := want[slug]; !ok || string(p.Body) != w+"\n" {
			t.Errorf("%s: Markdown %q, want %q", p.Slug, p.Body, w+"\n")
		}
	}
	if len(got.Posts) != len(want) {
		t.Errorf("%d posts loaded, want %d", len(got.Posts), len(want))
	}
}

// What fstatat finds of a file is the stamp a stat by its path gives:
// else no post would ever be taken from the previous load.
func TestStatAtStampIsStatsStamp(t *testing.T) {
	dir := testfs.Write(t, map[string]string{"a.md": "+++\ntitle = \"A\"\n+++\nA\n"})
	p := filepath.Join(dir, "a.md")
	fd := openFolder(dir)
	defer fd.close()
	in := fd.inspect(new(source), "a.md", p, dir, DefaultMaxPostSize)
	if in.src == nil || !in.src.inspected {
		t.Fatalf("a.md not inspected: %+v", in)
	}
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := stampOf(fi); in.src.seen != want {
		t.Errorf("fstatat's stamp %+v, a stat's %+v", in.src.seen, want)
	}
}
