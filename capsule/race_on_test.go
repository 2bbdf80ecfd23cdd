//go:build race

package capsule

// raceEnabled says the race detector is on: it allocates for its own
// bookkeeping, so allocation bounds are not judged then.
const raceEnabled = true
