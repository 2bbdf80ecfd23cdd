package content

import "testing"

// Only what a reader never sees makes a body blank; an element left open
// is text, as the Markdown reader takes it.
func TestBlankBody(t *testing.T) {
	for body, want := range map[string]bool{
		"":                                     true,
		" \n\t\r\n":                            true,
		"<!-- x -->\n":                         true,
		"<script>a</script>\n<style>b</style>": true,
		"<Script src=x></sCRIPT>":              true,
		"<script>a</script>\ntext":             false,
		"<script>never closed":                 false,
		"<scripts>x</scripts>":                 false,
		"<!-- open":                            false,
		"text":                                 false,
		"<p>x</p>":                             false,
	} {
		if got := blankBody([]byte(body)); got != want {
			t.Errorf("blankBody(%q) = %v, want %v", body, got, want)
		}
	}
}
