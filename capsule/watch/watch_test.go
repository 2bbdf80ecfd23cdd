package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

const testQuiet = 150 * time.Millisecond

func start(t *testing.T, files ...string) (*Watcher, string) {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "posts", "2024"), 0o755)
	os.MkdirAll(filepath.Join(dir, ".git", "objects"), 0o755)
	w, err := New(dir, files, testQuiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, dir
}

// notices counts the notices w gives until it has been silent for a
// while (ten quiet times, so that a second notice of one burst would be
// seen), and returns them.
func notices(t *testing.T, w *Watcher) []string {
	t.Helper()
	var got []string
	for _, c := range changes(t, w) {
		got = append(got, c.Path)
	}
	return got
}

// changes is notices, each Change whole.
func changes(t *testing.T, w *Watcher) []Change {
	t.Helper()
	var got []Change
	for {
		select {
		case c := <-w.Changes:
			got = append(got, c)
		case <-time.After(10 * testQuiet):
			return got
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Several posts written at once are one notice that names one and counts
// the others; an editor's temporary file, gone when the burst ends, is not
// counted. (The log named one post of five.)
func TestBurstCountsItsFiles(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	for i := range 5 {
		write(t, filepath.Join(dir, fmt.Sprintf("p%d.md", i)), "x")
	}
	tmp := filepath.Join(dir, "p0.md.tmp")
	write(t, tmp, "y")
	if err := os.Rename(tmp, filepath.Join(dir, "p0.md")); err != nil {
		t.Fatal(err)
	}
	if got := changes(t, w); len(got) != 1 || got[0].Others != 4 || got[0].Capped || !strings.HasSuffix(got[0].Path, ".md") {
		t.Fatalf("five posts at once: %+v, want one notice naming a post and counting 4 others", got)
	}
	write(t, filepath.Join(dir, "p1.md"), "z")
	if got := changes(t, w); len(got) != 1 || got[0].Others != 0 {
		t.Fatalf("one post: %+v, want one notice and no others", got)
	}
	// A page bundle: its folder is not a file changed.
	os.Mkdir(filepath.Join(dir, "bundle"), 0o755)
	time.Sleep(testQuiet / 3) // the new folder watched, within the burst
	write(t, filepath.Join(dir, "bundle", "index.md"), "b")
	if got := changes(t, w); len(got) != 1 || got[0].Others != 0 || filepath.Base(got[0].Path) != "index.md" {
		t.Fatalf("a new bundle: %+v, want one notice naming its index.md and no others", got)
	}
}

func TestOneNoticePerChange(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	post := filepath.Join(dir, "hello.md")
	write(t, post, "one")
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("creating a post: %q, want one notice naming it", got)
	}
	// An editor's save: a temporary file written, then renamed over the
	// post.
	tmp := filepath.Join(dir, "hello.md.tmp123")
	write(t, tmp, "two")
	if err := os.Rename(tmp, post); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("saving by rename: %d notices %q, want 1 naming the post", len(got), got)
	}
	// sed -i: a temporary file with no extension, renamed over the post;
	// vim: the post renamed to a backup, written anew, the backup removed.
	sedTmp := filepath.Join(dir, "sedEv6Zzp")
	write(t, sedTmp, "three")
	if err := os.Rename(sedTmp, post); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("sed -i: %q, want one notice naming the post", got)
	}
	if err := os.Rename(post, post+"~"); err != nil {
		t.Fatal(err)
	}
	write(t, post, "four")
	os.Remove(post + "~")
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("vim's save: %q, want one notice naming the post", got)
	}
	if err := os.Remove(post); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("removing a post: %d notices, want 1", len(got))
	}
}

// A git pull or an rsync writes many files in a moment: one notice.
func TestBurstIsOneNotice(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	for i := range 300 {
		write(t, filepath.Join(dir, "posts", "2024", fmt.Sprintf("p%03d.md", i)), "text")
	}
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("300 files written at once: %d notices, want 1", len(got))
	}
}

// Folders made after the start are watched, with what was put in them
// before their watch began.
func TestNewFoldersAreWatched(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	bundle := filepath.Join(dir, "posts", "new-bundle", "images")
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(bundle, "cover.jpg"), "jpeg")
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("a new folder: %d notices, want 1", len(got))
	}
	write(t, filepath.Join(bundle, "cover.jpg"), "another jpeg")
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("a file changed in a folder made after the start: %d notices, want 1", len(got))
	}
}

// .git, swap files and backups say nothing about the posts.
func TestIgnoredChanges(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	write(t, filepath.Join(dir, ".git", "objects", "ab"), "blob")
	write(t, filepath.Join(dir, ".hello.md.swp"), "swap")
	write(t, filepath.Join(dir, "hello.md~"), "backup")
	write(t, filepath.Join(dir, "#hello.md#"), "emacs")
	write(t, filepath.Join(dir, "4913"), "vim")
	if got := notices(t, w); len(got) != 0 {
		t.Fatalf("changes to ignore gave notices: %q", got)
	}
}

// The configuration file is watched through its folder: replaced by a
// rename, as editors save, it is still seen; its neighbours are not.
func TestFileOutsideTheFolder(t *testing.T) {
	t.Parallel()
	etc := t.TempDir()
	conf := filepath.Join(etc, "capsule.toml")
	write(t, conf, "title = \"a\"\n")
	w, _ := start(t, conf)
	write(t, filepath.Join(etc, "other.toml"), "x")
	if got := notices(t, w); len(got) != 0 {
		t.Fatalf("a file beside the configuration gave notices: %q", got)
	}
	write(t, conf+".new", "title = \"b\"\n")
	if err := os.Rename(conf+".new", conf); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 || got[0] != conf {
		t.Fatalf("the configuration saved by rename: %q, want one notice naming it", got)
	}
}

func TestMissingFolder(t *testing.T) {
	t.Parallel()
	if _, err := New(filepath.Join(t.TempDir(), "nothing"), nil, 0); err == nil {
		t.Fatal("watching a folder that does not exist: no error")
	}
}

// startIn watches a folder "posts" of a new temporary folder, holding a
// folder "2024", and returns the watcher and the posts folder.
func startIn(t *testing.T) (*Watcher, string) {
	t.Helper()
	root := filepath.Join(t.TempDir(), "posts")
	if err := os.MkdirAll(filepath.Join(root, "2024"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := New(root, nil, testQuiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, root
}

// notes returns the notes w has given so far.
func notes(w *Watcher) []string {
	var got []string
	for {
		select {
		case n := <-w.Notes:
			got = append(got, n)
		default:
			return got
		}
	}
}

// stillWatched writes a post in the posts folder and one in a new folder
// under it, and checks that each gives a notice naming it.
func stillWatched(t *testing.T, w *Watcher, root, how string) {
	t.Helper()
	post := filepath.Join(root, "new.md")
	write(t, post, "new")
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("%s: a new post gave notices %q, want one naming it", how, got)
	}
	dir := filepath.Join(root, "2025")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	notices(t, w)
	post = filepath.Join(dir, "later.md")
	write(t, post, "later")
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("%s: a post in a new folder gave notices %q, want one naming it", how, got)
	}
}

// rearmed checks that the notes say the posts folder is watched again.
func rearmed(t *testing.T, w *Watcher, root, how string) {
	t.Helper()
	for _, n := range notes(w) {
		if strings.HasPrefix(n, root+" is a new folder: watching it again") || strings.HasPrefix(n, root+" is back: watching it again") {
			return
		}
	}
	t.Errorf("%s: no note of watching %s again", how, root)
}

// Deploy scripts replace the posts folder by a rename: the new one is
// watched, with a notice; the old one, moved away, is not.
func TestRootReplacedByRename(t *testing.T) {
	t.Parallel()
	w, root := startIn(t)
	next := root + ".new"
	os.MkdirAll(filepath.Join(next, "2024"), 0o755)
	write(t, filepath.Join(next, "2024", "first.md"), "first")
	if err := os.Rename(root, root+".old"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(next, root); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("replacing the posts folder: %d notices %q, want 1", len(got), got)
	}
	rearmed(t, w, root, "replaced by a rename")
	write(t, filepath.Join(root+".old", "2024", "stale.md"), "stale")
	write(t, filepath.Join(root+".old", "stale.md"), "stale")
	if got := notices(t, w); len(got) != 0 {
		t.Fatalf("the old posts folder, moved away, gave notices %q", got)
	}
	stillWatched(t, w, root, "replaced by a rename")
	// In the new folder's own folders too.
	post := filepath.Join(root, "2024", "second.md")
	write(t, post, "second")
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("a post in a folder of the new posts folder gave notices %q, want one naming it", got)
	}
}

// rm -rf posts and a new one made, as a git checkout or a copy does: the
// new folder is watched. While it is missing, nothing is told but one
// note.
func TestRootRemovedAndMadeAgain(t *testing.T) {
	t.Parallel()
	w, root := startIn(t)
	write(t, filepath.Join(root, "2024", "a.md"), "a")
	notices(t, w)
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	got := notices(t, w) // the removal itself may be told: the posts are gone
	time.Sleep(2 * RootCheck)
	if more := notices(t, w); len(more) != 0 {
		t.Errorf("while the posts folder is missing: notices %q after %q", more, got)
	}
	if n := notes(w); len(n) != 1 || !strings.Contains(n[0], "is gone") {
		t.Errorf("while the posts folder is missing: notes %q, want one saying it is gone", n)
	}
	if err := os.MkdirAll(filepath.Join(root, "2024"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("the posts folder made again: %d notices %q, want 1", len(got), got)
	}
	rearmed(t, w, root, "removed and made again")
	stillWatched(t, w, root, "removed and made again")
}

// Moved away for a while and back: watched again.
func TestRootMovedAwayAndBack(t *testing.T) {
	t.Parallel()
	w, root := startIn(t)
	if err := os.Rename(root, root+".away"); err != nil {
		t.Fatal(err)
	}
	notices(t, w)
	write(t, filepath.Join(root+".away", "2024", "away.md"), "away")
	if got := notices(t, w); len(got) != 0 {
		t.Errorf("the posts folder moved away gave notices %q", got)
	}
	if err := os.Rename(root+".away", root); err != nil {
		t.Fatal(err)
	}
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("the posts folder moved back: %d notices %q, want 1", len(got), got)
	}
	rearmed(t, w, root, "moved away and back")
	stillWatched(t, w, root, "moved away and back")
}

// Moved away and back at once, faster than the watcher reads its events:
// still watched.
func TestRootMovedAwayAndBackAtOnce(t *testing.T) {
	t.Parallel()
	w, root := startIn(t)
	for range 10 {
		if err := os.Rename(root, root+".away"); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(root+".away", root); err != nil {
			t.Fatal(err)
		}
	}
	notices(t, w)
	stillWatched(t, w, root, "moved away and back at once")
}

// waitFolders waits until w watches want folders, and says how many it
// watches.
func waitFolders(w *Watcher, want int) int {
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := w.folderCount()
		if n == want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(time.Millisecond)
	}
}

// churnFolders makes and removes batch folders at a time, rounds times,
// each time waiting until the watcher counts them, and fails when its
// count does not go back down.
func churnFolders(t *testing.T, w *Watcher, root string, rounds, batch int) {
	t.Helper()
	base := w.folderCount()
	for r := range rounds {
		for i := range batch {
			if err := os.Mkdir(filepath.Join(root, "tmp"+strconv.Itoa(i)), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		waitFolders(w, base+batch)
		for i := range batch {
			if err := os.Remove(filepath.Join(root, "tmp"+strconv.Itoa(i))); err != nil {
				t.Fatal(err)
			}
		}
		if n := waitFolders(w, base); n != base {
			t.Fatalf("after %d folders made and removed, the watcher counts %d folders, %d of them present", (r+1)*batch, n, base)
		}
	}
	notices(t, w)
}

// A folder made and removed, again and again over the daemon's life,
// counts only while it is there: past the limit's worth of them, a new
// folder is still watched.
func TestFolderCountTracksRemovals(t *testing.T) {
	maxFolders = 20 // not in parallel: for this watcher only
	w, root := startIn(t)
	maxFolders = MaxFolders
	churnFolders(t, w, root, 30, 5) // 150 mkdir/rmdir, the limit 20
	stillWatched(t, w, root, "after 150 folders made and removed")
	if n := notes(w); len(n) != 0 {
		t.Errorf("notes %q", n)
	}
	// The limit holds: 20 more folders at once go over it, and are
	// told; removed, they make room again.
	for i := range 20 {
		os.Mkdir(filepath.Join(root, "many"+strconv.Itoa(i)), 0o755)
	}
	notices(t, w)
	if n := notes(w); len(n) == 0 || !strings.HasPrefix(n[0], "more than 20 folders: ") {
		t.Errorf("over the limit: notes %q", n)
	}
	if n := w.folderCount(); n != 20 {
		t.Errorf("%d folders watched over the limit of 20", n)
	}
	for i := range 20 {
		os.Remove(filepath.Join(root, "many"+strconv.Itoa(i)))
	}
	notices(t, w)
	os.Remove(filepath.Join(root, "2025", "later.md"))
	os.Remove(filepath.Join(root, "2025"))
	notices(t, w)
	stillWatched(t, w, root, "after going over the limit")
}

// The same at the real limit: 21,000 mkdir/rmdir.
func TestFolderCountTracksRemovalsRealistic(t *testing.T) {
	if testing.Short() {
		t.Skip("21,000 folders")
	}
	w, root := startIn(t)
	start := time.Now()
	churnFolders(t, w, root, 21, 1000)
	t.Logf("21,000 folders made and removed in %v", time.Since(start).Round(time.Millisecond))
	stillWatched(t, w, root, "after 21,000 folders made and removed")
	if n := notes(w); len(n) != 0 {
		t.Errorf("notes %q", n)
	}
}

// Folders renamed under the posts folder count once, and what is in them
// is still watched under their new names.
func TestFolderRenamesCountOnce(t *testing.T) {
	t.Parallel()
	w, root := startIn(t)
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	if err := os.MkdirAll(filepath.Join(a, "inner"), 0o755); err != nil {
		t.Fatal(err)
	}
	base := waitFolders(w, 4) // posts, 2024, a, a/inner
	if base != 4 {
		t.Fatalf("%d folders watched, want 4", base)
	}
	from, to := a, b
	for range 50 {
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
		from, to = to, from
	}
	notices(t, w)
	if n := w.folderCount(); n != base {
		t.Errorf("after 50 renames of a folder holding one, the watcher counts %d folders, want %d", n, base)
	}
	post := filepath.Join(a, "inner", "post.md") // 50 renames: back to a
	write(t, post, "x")
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Errorf("a post in a renamed folder's folder gave notices %q, want one naming it", got)
	}
}

// swapLink points the symbolic link at path to target at once, as
// deploy tools do (ln -sfn, a new link renamed over the old).
func swapLink(t *testing.T, target, path string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.Symlink(target, tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// The posts folder is a symbolic link to a release, swapped for another:
// the new release is watched.
func TestRootSymlinkSwapped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, r := range []string{"r1", "r2"} {
		os.MkdirAll(filepath.Join(dir, r, "2024"), 0o755)
	}
	root := filepath.Join(dir, "posts")
	if err := os.Symlink(filepath.Join(dir, "r1"), root); err != nil {
		t.Fatal(err)
	}
	w, err := New(root, nil, testQuiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	post := filepath.Join(root, "2024", "first.md")
	write(t, post, "first")
	if got := notices(t, w); len(got) != 1 || got[0] != post {
		t.Fatalf("a post under a posts folder that is a link: notices %q, want one naming it", got)
	}
	swapLink(t, filepath.Join(dir, "r2"), root)
	if got := notices(t, w); len(got) != 1 {
		t.Fatalf("the link swapped: %d notices %q, want 1", len(got), got)
	}
	rearmed(t, w, root, "link swapped")
	write(t, filepath.Join(dir, "r1", "old.md"), "old")
	if got := notices(t, w); len(got) != 0 {
		t.Errorf("the old release gave notices %q", got)
	}
	stillWatched(t, w, root, "link swapped")
}

// A link higher up the path swapped (…/current/posts, current a link to
// a release): no change in the posts folder's parent tells it, the check
// every RootCheck does.
func TestRootAncestorLinkSwapped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, r := range []string{"r1", "r2"} {
		os.MkdirAll(filepath.Join(dir, r, "posts", "2024"), 0o755)
	}
	current := filepath.Join(dir, "current")
	if err := os.Symlink(filepath.Join(dir, "r1"), current); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(current, "posts")
	w, err := New(root, nil, testQuiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	swapLink(t, filepath.Join(dir, "r2"), current)
	start := time.Now()
	select {
	case <-w.Changes:
		t.Logf("the release swapped higher up the path was seen in %v", time.Since(start).Round(time.Millisecond))
	case <-time.After(RootCheck + 10*testQuiet):
		t.Fatalf("the release swapped higher up the path was not seen in %v", RootCheck+10*testQuiet)
	}
	notices(t, w)
	rearmed(t, w, root, "a link higher up swapped")
	stillWatched(t, w, root, "a link higher up swapped")
}

// A notice names every path its burst changed (a reader passes over a
// burst of only its own writes), and a notice unread when the next burst
// ends is told with it, not dropped: dropped, a change of someone else's
// after one of the reader's own would never be read.
func TestNoticeKeepsEveryPath(t *testing.T) {
	t.Parallel()
	w, dir := start(t)
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "posts", "b.md")
	write(t, a, "a")
	write(t, b, "b")
	if got := changes(t, w); len(got) != 1 || strings.Join(got[0].Paths, " ") != a+" "+b {
		t.Fatalf("two posts: %+v, want one notice with both paths", got)
	}

	// Bursts told while the reader is busy.
	q := &Watcher{changes: make(chan Change, 1)}
	q.tell(Change{Path: a, Paths: []string{a}})
	q.tell(Change{Path: b, Paths: []string{b}})
	c := <-q.changes
	if strings.Join(c.Paths, " ") != a+" "+b || c.Path != b || c.Others != 1 {
		t.Errorf("two notices unread: %+v, want one with both paths", c)
	}
	q.tell(Change{Path: a, Capped: true, Others: MaxCounted})
	q.tell(Change{Path: b, Paths: []string{b}})
	if c := <-q.changes; !c.Capped || c.Paths != nil {
		t.Errorf("a capped notice and another: %+v, want capped, with no paths", c)
	}
}
