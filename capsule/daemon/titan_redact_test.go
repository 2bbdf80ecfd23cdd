package daemon

import (
	"strings"
	"testing"
)

// Every token parameter of a Titan line is hidden in the access log,
// not the first alone: a line with two (which ParseTitan refuses, but
// the access log still writes) must not leak the second.
func TestRedactTokenEveryOne(t *testing.T) {
	for _, line := range []string{
		"titan://h/a.md;size=1;token=first;TOKEN=second",
		"titan://h/a.md;token=first;size=1;token=second",
		"titan://h/a.md;Token=first;token=second;mime=text/plain",
	} {
		got := string(redactToken([]byte(line)))
		if strings.Contains(got, "first") || strings.Contains(got, "second") {
			t.Errorf("redactToken(%q) = %q", line, got)
		}
	}
	if got := string(redactToken([]byte("titan://h/a.md;size=1;token=s;mime=x"))); got != "titan://h/a.md;size=1;token=…;mime=x" {
		t.Errorf("one token: %q", got)
	}
}

// Lower-casing changes some characters' lengths (İ is 2 bytes, its
// lower case 3): the token is found in the line itself, not in a copy
// of other length.
func TestRedactTokenAfterWideCharacters(t *testing.T) {
	line := "titan://h/" + strings.Repeat("İ", 20) + ";size=1;token=SECRETSECRET"
	got := string(redactToken([]byte(line)))
	if strings.Contains(got, "SECRET") || strings.Contains(got, "ECRET") {
		t.Errorf("redactToken(%q) = %q", line, got)
	}
}
