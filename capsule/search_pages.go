package capsule

import (
	"strconv"

	"capsule/capsule/search"
)

// searchTooLong answers a query longer than search takes, on both
// protocols.
var searchTooLong = "Search query too long: at most " + strconv.Itoa(search.MaxQueryRunes) + " characters"

// searchSummary is the line above search results, on both protocols. more
// with fewer than search.MaxResults posts found means the search stopped
// early, at its budget.
func searchSummary(query string, found int, more bool) string {
	switch {
	case found == 0 && more:
		return "No post found for “" + query + "” before the search stopped: try a longer phrase."
	case found == 0:
		return "No post contains “" + query + "”."
	case more && found < search.MaxResults:
		return "Posts that contain “" + query + "” (the search stopped early, there may be more): " + strconv.Itoa(found)
	case more:
		return "Posts that contain “" + query + "”, the newest " + strconv.Itoa(found) + " of more:"
	}
	return "Posts that contain “" + query + "”: " + strconv.Itoa(found)
}
