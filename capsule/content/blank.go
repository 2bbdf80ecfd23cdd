package content

import "bytes"

// blankBody reports whether body holds nothing a reader sees: spaces and
// line breaks, HTML comments, and <script> and <style> elements, which
// capsule drops (with a warning) from what it serves. A theme's page of a
// search made by a script (minimal-mistakes' _pages/search.md holding
// Google's fixurl.js alone) is a layout stub as an empty one is, not an
// empty page titled Search. One pass over body.
func blankBody(body []byte) bool {
	for {
		body = bytes.TrimLeft(body, " \t\r\n")
		if len(body) == 0 {
			return true
		}
		var end []byte
		switch {
		case bytes.HasPrefix(body, []byte("<!--")):
			end = []byte("-->")
		case hasTagPrefix(body, "script"):
			end = []byte("</script>")
		case hasTagPrefix(body, "style"):
			end = []byte("</style>")
		default:
			return false
		}
		i := indexFold(body, end)
		if i < 0 {
			return false // not closed: text, as the Markdown reader takes it
		}
		body = body[i+len(end):]
	}
}

// hasTagPrefix reports whether b starts with the opening tag of name
// (<script>, <script src=…>), in any case.
func hasTagPrefix(b []byte, name string) bool {
	if len(b) < len(name)+2 || b[0] != '<' || !bytes.EqualFold(b[1:1+len(name)], []byte(name)) {
		return false
	}
	switch b[1+len(name)] {
	case '>', ' ', '\t', '\r', '\n', '/':
		return true
	}
	return false
}

// indexFold is bytes.Index of sep (ASCII) in b, in any case.
func indexFold(b, sep []byte) int {
	for i := 0; i+len(sep) <= len(b); i++ {
		j := bytes.IndexByte(b[i:], sep[0])
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sep) <= len(b) && bytes.EqualFold(b[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
