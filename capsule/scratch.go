package capsule

import "sync"

// renderScratch is where a post's Gemini page and Gopher text are made
// before they are packed into an arena (packer.pack), which copies them:
// reused from post to post, rather than allocated for each post and
// dropped once copied. At 3,000 posts those were 117 MB of the 833 MB a
// start allocated: garbage that the collector paces itself by.
type renderScratch struct{ page, text []byte }

// scratchPool holds renderScratch, one in use per post being rendered:
// as many as cores render at once.
var scratchPool = sync.Pool{New: func() any { return new(renderScratch) }}
