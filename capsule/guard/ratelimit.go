package guard

import (
	"math"
	"net"
	"sync"
	"time"
)

// RateLimiter allows each client a steady rate of requests with some room
// for bursts (a token bucket per client). A nil RateLimiter allows all.
//
// It also remembers how often each client was refused. A client refused
// far more than its rate forgives is one that does not slow down when told
// to: Refusing reports it, and the Listener then drops its connections at
// accept, before any TLS work, instead of answering each one "slow down".
type RateLimiter struct {
	rate  float64 // tokens a second
	burst float64 // bucket size

	mu      sync.Mutex
	buckets map[Client]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	// refused counts refusals not yet forgiven: one more per refusal, and
	// rate fewer a second.
	refused float64
	last    time.Time
}

// SearchCost is what a search request takes from a client's budget, in
// requests. A lookup is a map read and one write; a search scans the index
// of every post and renders a page of results: up to ~270µs over 10,000
// posts (capsule/search's BenchmarkSearch10k), 5 to 15 times a Gopher
// lookup and about 1.5 times a Gemini one, whose TLS handshake costs most.
// At 5, a reader who searches and then opens a few results stays well within
// the default burst of 20, while a client scripting searches gets a fifth of
// the rate: 2 searches a second at the default 10.
const SearchCost = 5

// NewRateLimiter allows rate requests a second per client, burst at once.
// A rate of 0 turns limiting off.
func NewRateLimiter(rate float64, burst int) *RateLimiter {
	if rate <= 0 {
		return nil
	}
	return &RateLimiter{rate: rate, burst: float64(max(burst, 1)), buckets: make(map[Client]*bucket)}
}

// Allow takes a token for the client at addr. When there is none it says
// how long until there is one.
func (r *RateLimiter) Allow(addr net.Addr, now time.Time) (bool, time.Duration) {
	return r.AllowN(addr, now, 1)
}

// AllowN takes n tokens for the client at addr: a request that costs the
// server n times an ordinary one (SearchCost). A cost over the burst is
// taken as the burst, so that every request can be made. When the tokens
// are not there, nothing is taken, the refusal is counted (see Refusing),
// and AllowN says how long until they are there.
func (r *RateLimiter) AllowN(addr net.Addr, now time.Time, n int) (bool, time.Duration) {
	if r == nil || addr == nil {
		return true, 0
	}
	key, ok := ClientOf(addr)
	if !ok {
		return true, 0
	}
	cost := math.Min(float64(max(n, 1)), r.burst)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep(now)
	b := r.buckets[key]
	if b == nil {
		b = &bucket{tokens: r.burst, last: now}
		r.buckets[key] = b
	}
	r.refill(b, now)
	if b.tokens >= cost {
		b.tokens -= cost
		return true, 0
	}
	r.refuse(b)
	wait := time.Duration((cost - b.tokens) / r.rate * float64(time.Second))
	return false, wait
}

// Refusing reports whether the client at addr has been refused so often,
// beyond what its rate forgives, that it should get no answer at all: its
// connections are closed at accept. Each such connection counts as one more
// refusal, so a client stays refused for as long as it keeps trying faster
// than its rate, and is forgiven a little after it stops (see dropAt).
//
// A client slightly over its rate is never refused this way: refusals are
// forgiven at the rate, so that a client is dropped only when it keeps
// trying at more than twice its rate (one token and one forgiveness a
// period), long enough to pile up dropAt unforgiven refusals. The
// 1,900 handshakes a second of a client that ignores "slow down" reach
// that in a few tens of milliseconds at the default rate.
func (r *RateLimiter) Refusing(addr net.Addr, now time.Time) bool {
	if r == nil || addr == nil {
		return false
	}
	key, ok := ClientOf(addr)
	if !ok {
		return false
	}
	return r.refusing(key, now)
}

func (r *RateLimiter) refusing(key Client, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.buckets[key]
	if b == nil {
		return false
	}
	r.refill(b, now)
	if b.refused < r.dropAt() {
		return false
	}
	r.refuse(b)
	return true
}

// strike counts a refusal against a client without a request: one of its
// connections that sat idle under pressure and was shed.
func (r *RateLimiter) strike(key Client, now time.Time) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.buckets[key]
	if b == nil {
		b = &bucket{tokens: r.burst, last: now}
		r.buckets[key] = b
	}
	r.refill(b, now)
	r.refuse(b)
}

// dropAt is how many unforgiven refusals make a client's connections be
// dropped at accept: twice the burst (40 at the defaults), far more than a
// client that reads its 44s or slow-down menus ever collects. Refusals are
// counted up to dropAt plus a burst, so that a client that stops is
// forgiven within burst/rate seconds (2s at the defaults).
func (r *RateLimiter) dropAt() float64 { return 2 * r.burst }

func (r *RateLimiter) refuse(b *bucket) {
	b.refused = math.Min(b.refused+1, r.dropAt()+r.burst)
}

// refill adds the tokens and forgives the refusals due since b.last.
func (r *RateLimiter) refill(b *bucket, now time.Time) {
	due := now.Sub(b.last).Seconds() * r.rate
	if due <= 0 {
		return
	}
	b.tokens = math.Min(r.burst, b.tokens+due)
	b.refused = math.Max(0, b.refused-due)
	b.last = now
}

// sweep forgets, once a minute, the clients whose buckets have refilled
// and whose refusals are forgiven: they are as if new, and memory stays
// bounded by the clients of a minute.
func (r *RateLimiter) sweep(now time.Time) {
	if now.Sub(r.swept) < time.Minute {
		return
	}
	r.swept = now
	for k, b := range r.buckets {
		if now.Sub(b.last).Seconds()*r.rate >= math.Max(r.burst-b.tokens, b.refused) {
			delete(r.buckets, k)
		}
	}
}

// RetrySeconds is the whole number of seconds a Gemini 44 carries: at
// least one.
func RetrySeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
