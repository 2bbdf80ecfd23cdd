package content

import "slices"

// unifyTerms gives tags that Hugo and Zola make one term of one spelling:
// those whose addresses are one (TermKey: "Rust" and "rust", "Go Lang" and
// "go-lang"), which their sites list on one page, are spelt as most posts
// spell them (the first seen, on a tie). A post's Tags are replaced, never
// changed in place: a post taken from the previous load shares them.
func unifyTerms(posts []*Post) {
	type spelling struct {
		name  string
		posts int
	}
	spellings := map[string][]spelling{} // by TermKey, in the order first seen
	for _, p := range posts {
		for _, t := range p.Tags {
			k := TermKey(t)
			if k == "" {
				continue
			}
			s := spellings[k]
			i := 0
			for i < len(s) && s[i].name != t {
				i++
			}
			if i == len(s) {
				s = append(s, spelling{name: t})
			}
			s[i].posts++
			spellings[k] = s
		}
	}
	chosen := map[string]string{} // a spelling to replace, by what replaces it
	for _, s := range spellings {
		if len(s) < 2 {
			continue
		}
		best := s[0]
		for _, o := range s[1:] {
			if o.posts > best.posts {
				best = o
			}
		}
		for _, o := range s {
			if o.name != best.name {
				chosen[o.name] = best.name
			}
		}
	}
	if len(chosen) == 0 {
		return
	}
	for _, p := range posts {
		if !slices.ContainsFunc(p.Tags, func(t string) bool { _, ok := chosen[t]; return ok }) {
			continue
		}
		tags := make([]string, 0, len(p.Tags))
		for _, t := range p.Tags {
			if to, ok := chosen[t]; ok {
				t = to
			}
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
		p.Tags = tags
	}
}
