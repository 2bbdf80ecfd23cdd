package main

import (
	"strings"
	"testing"
)

// The operator's title and description are held to the bounds of a
// site's own (512 bytes and 4 KiB), since every page or feed repeats
// them: -check says so in a warning (capsule's TestOperatorTitleCut has
// the pages).
func TestOperatorSiteTextsWarned(t *testing.T) {
	long := strings.Repeat("題名", 200) // 1,200 bytes
	_, errOut, code := run(t, "-check", "-posts", samplePosts, "-certs", t.TempDir(), "-title", long, "-description", strings.Repeat("x", 5000))
	if code != 0 || !strings.Contains(errOut, "warning: title is 1200 bytes: cut to 512") || !strings.Contains(errOut, "warning: description is 5000 bytes: cut to 4096") {
		t.Errorf("-check: exit %d, want 0 with the two warnings:\n%s", code, errOut)
	}
}
