package metrics

import (
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"capsule/capsule/guard"
)

// A nil *Metrics (metrics off) counts nothing and does not fail.
func TestNilCountsNothing(t *testing.T) {
	var m *Metrics
	m.Gemini(20, false, 10, time.Millisecond)
	m.Gopher("ok", 10, time.Millisecond)
	m.Reload(time.Second, nil)
	if m.Connections(Gemini) != nil {
		t.Error("a nil Metrics observes connections")
	}
}

// What is counted is in the text served, under the fixed label values:
// an unknown status goes to "other", never to a series of its own.
func TestCountedSeries(t *testing.T) {
	m := New()
	m.Gemini(20, false, 100, time.Millisecond)
	m.Gemini(20, true, 7, time.Millisecond)
	m.Gemini(99, false, 5, time.Millisecond)
	m.Gopher("notfound", 30, time.Millisecond)
	m.Gopher("something a client made up", 1, time.Millisecond)
	m.Connections(Gopher)(guard.RefusedRate)
	m.Reload(time.Second, errors.New("broken"))
	m.Sites(func() []Site { return []Site{{Host: `odd"host\`, Posts: 3}} })
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	out := rec.Body.String()
	for _, want := range []string{
		`capsule_requests_total{protocol="gemini",status="20"} 1`,
		`capsule_requests_total{protocol="gemini",status="cut"} 1`,
		`capsule_requests_total{protocol="gemini",status="other"} 1`,
		`capsule_requests_total{protocol="gopher",status="notfound"} 1`,
		`capsule_requests_total{protocol="gopher",status="other"} 1`,
		`capsule_sent_bytes_total{protocol="gemini"} 112`,
		`capsule_response_seconds_count{protocol="gemini"} 3`,
		`capsule_connections_refused_total{protocol="gopher",reason="rate"} 1`,
		`capsule_reloads_total{result="failed"} 1`,
		`capsule_reload_seconds_count 1`,
		`capsule_posts{site="odd\"host\\"} 3`,
		"process_resident_memory_bytes ",
	} {
		if !strings.Contains(out, want+"\n") && !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "made up") || strings.Contains(out, `status="99"`) {
		t.Error("a status outside the fixed set made a series")
	}
}

// Counting allocates nothing.
func TestCountingAllocatesNothing(t *testing.T) {
	m := New()
	observe := m.Connections(Gemini)
	if n := testing.AllocsPerRun(100, func() {
		m.Gemini(51, false, 30, time.Millisecond)
		m.Gopher("search", 300, time.Millisecond)
		observe(guard.Accepted)
	}); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// BenchmarkCount is what metrics add to a request: one Gemini answer
// counted.
func BenchmarkCount(b *testing.B) {
	m := New()
	for b.Loop() {
		m.Gemini(20, false, 5120, 40*time.Microsecond)
	}
}
