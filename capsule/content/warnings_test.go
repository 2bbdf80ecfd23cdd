package content

import (
	"fmt"
	"strings"
	"testing"
)

// Warnings keeps MaxWarningsPerKind of each kind, in order, and counts the
// others after the last kept of the kind; lines and messages are made
// only for warnings kept.
func TestWarningsBoundedPerKind(t *testing.T) {
	var w Warnings
	made := 0
	for i := range 100 {
		kind := "a"
		if i%4 == 0 {
			kind = "b"
		}
		w.Add(kind, "p.md", func() int { made++; return i + 1 }, func() string { return fmt.Sprintf("%s %d", kind, i) })
	}
	list := w.List()
	if made != 2*MaxWarningsPerKind {
		t.Errorf("%d lines found for %d warnings kept", made, 2*MaxWarningsPerKind)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	// 75 of kind a: 20 kept, 55 counted; 25 of kind b: 20 kept, 5 counted.
	want := map[string]bool{"p.md:27: and 55 more like it": true, "p.md:77: and 5 more like it": true}
	for _, g := range got {
		delete(want, g)
	}
	if len(list) != 2*MaxWarningsPerKind+2 || len(want) > 0 {
		t.Errorf("%d warnings, missing %v:\n%s", len(list), want, strings.Join(got, "\n"))
	}
	for i, g := range got {
		if g == "p.md:27: and 55 more like it" && (i == 0 || got[i-1] != "p.md:27: a 26") {
			t.Errorf("the count does not follow the last kept of its kind:\n%s", strings.Join(got, "\n"))
		}
	}
}

// 140,000 unknown shortcodes are 20 warnings and a count.
func TestShortcodeWarningsBoundedPerKind(t *testing.T) {
	body := strings.Repeat("{{< nosuch >}}\n", 140_000)
	_, warns := ExpandShortcodes([]byte(body), 5, nil)
	if len(warns) != MaxWarningsPerKind+1 {
		t.Fatalf("%d warnings", len(warns))
	}
	if last := warns[len(warns)-1]; last.Msg != "and 139,980 more like it" || last.Line != 5+MaxWarningsPerKind-1 {
		t.Errorf("last warning %+v", last)
	}
}
