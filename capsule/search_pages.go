package capsule

import (
	"strconv"

	"capsule/capsule/messages"
	"capsule/capsule/search"
)

// searchTooLong answers a query longer than search takes, on both
// protocols.
func searchTooLong(msg messages.Messages) string {
	return messages.Format(msg.SearchTooLong, "max", strconv.Itoa(search.MaxQueryRunes))
}

// searchSummary is the line above search results, on both protocols. more
// with fewer than search.MaxResults posts found means the search stopped
// early, at its budget.
func searchSummary(msg messages.Messages, query string, found int, more bool) string {
	text := msg.SearchFound
	switch {
	case found == 0 && more:
		text = msg.SearchStoppedNone
	case found == 0:
		text = msg.SearchNone
	case more && found < search.MaxResults:
		text = msg.SearchStopped
	case more:
		text = msg.SearchMore
	}
	return messages.Format(text, "query", query, "count", strconv.Itoa(found))
}

// isSearchSelector reports whether a Gopher selector is the search's,
// with or without its leading slash.
func isSearchSelector(sel string) bool { return sel == searchPath || sel == searchPath[1:] }
