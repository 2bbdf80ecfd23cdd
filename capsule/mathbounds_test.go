package capsule

import (
	"path/filepath"
	"strings"
	"testing"

	"capsule/capsule/internal/testfs"
)

// Posts of nothing but math or emoji codes, written the costliest ways
// (every formula lowered into nodes and text of its own, delimiters left
// open), allocate within PostAllocFactor bytes a byte as every post does:
// the site turns "$…$" and emoji on (Jekyll's jemoji; math: true).
func TestMathPostsWithinMemoryBound(t *testing.T) {
	const front = "---\ntitle: x\nmath: true\n---\n"
	for name, line := range map[string]string{
		"inline math": "\\(a\\)", "escaped inline math": "\\\\(a\\\\)", "dollar math": "$a$ ", "display math": "$$a$$\n",
		"display blocks": "$$\na\n$$\n", "bracket blocks": "\\[\na\n\\]\n", "open dollars": "$$a\n", "open parens": "\\(a ",
		"emoji": ":a: :tada:", "emoji codes": ":tada:", "amounts": "$5 ",
	} {
		t.Run(name, func(t *testing.T) {
			src := front + strings.Repeat(line, (256<<10)/len(line))
			dir := testfs.Write(t, map[string]string{
				"_config.yml":            "title: x\nplugins: [jemoji]\n",
				"_posts/2017-05-03-a.md": src,
			})
			var err error
			n := allocatedBy(func() { err = loadAndBuild(dir) })
			if limit := uint64(PostAllocFactor*len(src) + PostAllocSlack); n > limit && !raceEnabled {
				t.Errorf("%d bytes allocated %d (%d a byte), over %d (err %v)", len(src), n, n/uint64(len(src)), limit, err)
			}
			if err != nil && !strings.HasPrefix(err.Error(), filepath.Join(dir, "_posts")) {
				t.Errorf("error %q", err)
			}
			t.Logf("%s: %d bytes: %d allocated, %d a byte; refused %v", name, len(src), n, n/uint64(len(src)), err != nil)
		})
	}
}
