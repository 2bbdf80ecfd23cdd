package logstamp

import (
	"bytes"
	"log"
	"testing"
	"time"
)

func TestEveryLineStamped(t *testing.T) {
	var out bytes.Buffer
	w := New(&out)
	w.now = func() time.Time { return time.Date(2026, 12, 5, 18, 1, 2, 345_678_000, time.FixedZone("JST", 9*3600)) }
	l := log.New(w, "capsuled: ", 0)
	l.Print("reloaded")
	l.Print("2 problems:\nposts/a.md:3: bad")
	want := "2026-12-05T09:01:02.345Z capsuled: reloaded\n" +
		"2026-12-05T09:01:02.345Z capsuled: 2 problems:\n" +
		"2026-12-05T09:01:02.345Z posts/a.md:3: bad\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestJournalReads(t *testing.T) {
	t.Setenv("JOURNAL_STREAM", "")
	if JournalReads() {
		t.Error("JOURNAL_STREAM empty: journald does not read")
	}
	t.Setenv("JOURNAL_STREAM", "8:12345")
	if !JournalReads() {
		t.Error("JOURNAL_STREAM set: journald reads")
	}
}
