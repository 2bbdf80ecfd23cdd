package content

import (
	"strings"
	"testing"
)

// A tag over several lines (read as on one) before fenced code, indented
// as MDX lets it be: the code is moved left with its fence, as it is
// after the same tag written on one line.
func TestMDXIndentsAfterMultiLineTag(t *testing.T) {
	fence := "\n      ```go\n        x := 1\n      ```\n\n    ## After\n"
	multi, _ := mdxBody([]byte("<Card\n  title=\"T\"\n/>\n"+fence), 1)
	one, _ := mdxBody([]byte("<Card title=\"T\" />\n"+fence), 1)
	if string(multi) != string(one) {
		t.Errorf("after a tag over three lines:\n%q\nafter the same tag on one line:\n%q", multi, one)
	}
	if !strings.Contains(string(one), "```go\n  x := 1\n```\n") || !strings.Contains(string(one), "\n## After") {
		t.Errorf("the fence and its code not moved left together, or the heading not moved: %q", one)
	}
}
