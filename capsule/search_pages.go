package capsule

import "strconv"

// searchSummary is the line above search results, on both protocols.
func searchSummary(query string, found int, more bool) string {
	switch {
	case found == 0:
		return "No post contains “" + query + "”."
	case more:
		return "The newest " + strconv.Itoa(found) + " of more posts that contain “" + query + "”:"
	}
	return strconv.Itoa(found) + " posts contain “" + query + "”:"
}
