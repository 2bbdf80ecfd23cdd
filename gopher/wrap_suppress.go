package gopher

import "math"

// suppressor tells the break opportunities that glue and URLs take away:
// those before a glue offset and those inside a URL span. It is asked about
// breaks at increasing offsets, and drops the glue and spans left behind.
type suppressor struct {
	glue  []int    // sorted
	spans [][2]int // urlSpans
	at    int      // the first offset at which a break may be taken away (next)
}

// next sets at to the first offset from i on at which a break may be taken
// away.
func (p *suppressor) next(i int) {
	for len(p.glue) > 0 && p.glue[0] < i {
		p.glue = p.glue[1:]
	}
	for len(p.spans) > 0 && p.spans[0][1] <= i {
		p.spans = p.spans[1:] // no offset inside the span is from i on
	}
	p.at = math.MaxInt
	if len(p.glue) > 0 {
		p.at = p.glue[0]
	}
	if len(p.spans) > 0 {
		p.at = min(p.at, max(p.spans[0][0]+1, i))
	}
}

// suppressed reports whether the break opportunity before byte i, which is
// at least at, is taken away, and moves on.
func (p *suppressor) suppressed(i int) bool {
	p.next(i)
	sup := p.at == i
	p.next(i + 1)
	return sup
}

// suppressedAfter reports whether the break opportunity after the grapheme
// cluster s[start:end] is taken away: because end is a glue offset, or
// because the cluster starts inside a URL that goes on after it (a cluster
// can start before a URL and end inside it). It does not use at.
func (p *suppressor) suppressedAfter(start, end int) bool {
	for len(p.glue) > 0 && p.glue[0] < end {
		p.glue = p.glue[1:]
	}
	for len(p.spans) > 0 && p.spans[0][1] <= end {
		p.spans = p.spans[1:]
	}
	return (len(p.glue) > 0 && p.glue[0] == end) || (len(p.spans) > 0 && p.spans[0][0] <= start)
}
