package guard

import (
	"math"
	"net"
	"sync"
	"time"
)

// RateLimiter allows each client a steady rate of requests with some room
// for bursts (a token bucket per client). A nil RateLimiter allows all.
type RateLimiter struct {
	rate  float64 // tokens a second
	burst float64 // bucket size

	mu      sync.Mutex
	buckets map[Client]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

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
	if r == nil || addr == nil {
		return true, 0
	}
	key, ok := ClientOf(addr)
	if !ok {
		return true, 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep(now)
	b := r.buckets[key]
	if b == nil {
		b = &bucket{tokens: r.burst, last: now}
		r.buckets[key] = b
	}
	b.tokens = math.Min(r.burst, b.tokens+now.Sub(b.last).Seconds()*r.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / r.rate * float64(time.Second))
	return false, wait
}

// sweep forgets, once a minute, the clients whose buckets have refilled:
// they are as if new, and memory stays bounded by the clients of a minute.
func (r *RateLimiter) sweep(now time.Time) {
	if now.Sub(r.swept) < time.Minute {
		return
	}
	r.swept = now
	full := time.Duration(r.burst / r.rate * float64(time.Second))
	for k, b := range r.buckets {
		if now.Sub(b.last) >= full {
			delete(r.buckets, k)
		}
	}
}

// RetrySeconds is the whole number of seconds a Gemini 44 carries: at
// least one.
func RetrySeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
