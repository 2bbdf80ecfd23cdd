package daemon_test

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"capsule/capsule/config"
	"capsule/capsule/content"
	"capsule/capsule/daemon"
	"capsule/capsule/internal/servetest"
	"capsule/capsule/internal/testfs"
)

// The log of a start has one line per kind of warning, with the count and
// the first; a reload writes only the warnings the build before it did
// not have, counting the others in one line, and always every problem.
func TestReloadLogsNewWarningsOnly(t *testing.T) {
	dir := testfs.Write(t, map[string]string{
		"a.md": "+++\ntitle = \"A\"\ndate = 2020-01-01\n+++\n[x](x.png)\n\n[y](y.png)\n\n[z](z.png)\n",
		"b.md": "+++\ntitle = \"日付なし\"\n+++\n本文\n",
	})
	cfg := servetest.Config(t)
	cfg.Posts = dir
	var logged servetest.LogBuffer
	cfg.Log = log.New(&logged, "", 0)
	d := servetest.Start(t, func(c *config.Config) { *c = cfg })
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	wantLines(t, "start", logged.String(), []string{
		"warning: 3 × dead file link, first " + a + ":5: link to a file that does not exist: x.png",
		"warning: " + b + ":1: no date: served as a page; give it a date (e.g. date = 2017-05-03) to make it a post",
		"4 warnings in the 2 lines above, one line per kind (capsuled -check -v lists every warning)",
	}, "warning: ", "above")

	// A new post with a dead link and a broken one.
	os.WriteFile(filepath.Join(dir, "c.md"), []byte("+++\ntitle = \"C\"\ndate = 2020-01-02\n+++\n[w](w.png)\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "d.md"), []byte("+++\ntitle = \"D\"\ndate = \"いつか\"\n+++\n"), 0o644)
	problem := filepath.Join(dir, "d.md") + `:3: front matter: date "いつか" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00`
	reloaded := reload(t, d, cfg, &logged)
	wantLines(t, "first reload", reloaded, []string{
		"warning: " + filepath.Join(dir, "c.md") + ":5: link to a file that does not exist: w.png",
		"4 warnings as before, not repeated (capsuled -check -v lists every warning)",
		problem,
	}, "warning: ", "above", "as before", "d.md")

	// Nothing changed: no warning again, the problem again.
	reloaded = reload(t, d, cfg, &logged)
	wantLines(t, "second reload", reloaded, []string{
		"5 warnings as before, not repeated (capsuled -check -v lists every warning)",
		problem,
	}, "warning: ", "above", "as before", "d.md")

	// -v: every warning new to the build, each on its line.
	cfg.ListWarnings = true
	os.WriteFile(filepath.Join(dir, "e.md"), []byte("+++\ntitle = \"E\"\ndate = 2020-01-03\n+++\n[u](u.png)\n\n[v](v.png)\n"), 0o644)
	reloaded = reload(t, d, cfg, &logged)
	e := filepath.Join(dir, "e.md")
	wantLines(t, "reload with ListWarnings", reloaded, []string{
		"warning: " + e + ":5: link to a file that does not exist: u.png",
		"warning: " + e + ":7: link to a file that does not exist: v.png",
		"5 warnings as before, not repeated (capsuled -check -v lists every warning)",
		problem,
	}, "warning: ", "above", "as before", "d.md")
}

// reload reloads d with cfg and returns what it logged.
func reload(t *testing.T, d *daemon.Daemon, cfg config.Config, logged *servetest.LogBuffer) string {
	t.Helper()
	before := len(logged.String())
	if err := d.Reload(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	return logged.String()[before:]
}

// wantLines checks that the lines of log that contain any of about are
// want, in order.
func wantLines(t *testing.T, when, log string, want []string, about ...string) {
	t.Helper()
	var got []string
	for _, line := range strings.Split(log, "\n") {
		if slices.ContainsFunc(about, func(s string) bool { return strings.Contains(line, s) }) {
			got = append(got, line)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s logged\n%s\nwant\n%s\nwhole log:\n%s", when, strings.Join(got, "\n"), strings.Join(want, "\n"), log)
	}
}

// WarningLines counts a line "and N more like it" as the N warnings it
// stands for, in the groups and in what a reload had before.
func TestWarningLinesCountWhatTheBoundLeftOut(t *testing.T) {
	var w content.Warnings
	for i := range 30 {
		w.Add("dead post link", "a.md", func() int { return i + 1 }, func() string { return "link to a post that does not exist: /x" })
	}
	warns := w.List()
	lines, tally := daemon.WarningLines(warns, nil, false)
	if want := []string{"30 × dead post link, first a.md:1: link to a post that does not exist: /x"}; !slices.Equal(lines, want) {
		t.Errorf("lines %q, want %q", lines, want)
	}
	if want := "30 warnings in the line above, one line per kind (capsuled -check -v lists every warning)"; tally != want {
		t.Errorf("tally %q, want %q", tally, want)
	}
	lines, tally = daemon.WarningLines(warns, nil, true)
	if len(lines) != content.MaxWarningsPerKind+1 || lines[len(lines)-1] != "a.md:20: and 10 more like it" || tally != "" {
		t.Errorf("every warning: %q, tally %q", lines, tally)
	}
	lines, tally = daemon.WarningLines(warns, warns, false)
	if want := "30 warnings as before, not repeated (capsuled -check -v lists every warning)"; len(lines) != 0 || tally != want {
		t.Errorf("as before: %q, tally %q", lines, tally)
	}
}

// A reload of a post past the bound compares its line "and N more like
// it" with the one before by file and kind, not by its words: one dead
// link more is one warning new, not the N the line counts, and fewer are
// none; the warnings counted stay the true total either way.
func TestReloadCountsWhatTheBoundLeftOutOnce(t *testing.T) {
	made := func(n int) []*content.FileError {
		var w content.Warnings
		for i := range n {
			w.Add("dead post link", "a.md", func() int { return i + 1 }, func() string { return "link to a post that does not exist: /x" })
		}
		return w.List()
	}
	before := made(30_000)
	for _, c := range []struct {
		now, fresh int
	}{{30_001, 1}, {30_250, 250}, {29_000, 0}, {30_000, 0}} {
		now := made(c.now)
		lines, tally := daemon.WarningLines(now, before, false)
		asBefore := c.now - c.fresh
		want := content.Thousands(asBefore) + " warnings as before, not repeated (capsuled -check -v lists every warning)"
		if c.fresh > 1 {
			want = content.Thousands(c.fresh) + " warnings in the line above, one line per kind; " + want
		}
		if tally != want {
			t.Errorf("%d warnings after 30,000: tally %q, want %q", c.now, tally, want)
		}
		if c.fresh == 0 && len(lines) != 0 || c.fresh > 0 && (len(lines) != 1 || !strings.HasPrefix(lines[0], content.Thousands(c.fresh)+" × dead post link") || !strings.HasSuffix(lines[0], "a.md:20: and "+content.Thousands(c.fresh)+" more like it")) {
			t.Errorf("%d warnings after 30,000: lines %q", c.now, lines)
		}
		// Listed one by one, the same.
		lines, _ = daemon.WarningLines(now, before, true)
		if c.fresh == 0 && len(lines) != 0 || c.fresh > 0 && len(lines) != 1 {
			t.Errorf("%d warnings after 30,000, every one: lines %q", c.now, lines)
		}
	}
}
