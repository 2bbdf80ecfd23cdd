package content

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
)

// Hugo's cascade: the front matter of a section's _index.md (or the
// site's) may hand values down to every page below it ("cascade: {draft:
// true}", a list of such tables, each with an optional _target of the
// pages it is for). capsule hands them down as Hugo does: a page's own
// value wins, a deeper section's over a shallower one's, and a table
// whose _target names other kinds of page (sections, taxonomies) or
// another path is passed over. Handing a draft down keeps the section's
// posts back, as in Hugo.

// cascadeTable is one table of a cascade and the pages it is for.
type cascadeTable struct {
	values map[string]any
	paths  []excludePattern // _target.path, from the content folder's top; nil: all
}

// readSections reads each section file (the site file's and each
// section's _index.md) once, for the cascade it hands down, by the
// section's folder relative to dir ("" for the site file's), and for the
// text of its own it may have: which Hugo and Zola show above the
// section's list of pages, and capsule, when the section is no page
// (pages, of sectionTextPages, has its file), names in a warning rather
// than lose in silence. The files at the top (the
// site's, its languages', of each language's folder too: langRel takes
// the folder away) are the home pages' texts; a Zola section that
// redirects has no page. What cannot be read or decoded hands nothing
// down: its own problems are reported where the file is loaded.
func readSections(dir string, sections []string, pages map[string]bool, maxPost int64, langRel func(string) string, taxonomies string) (map[string][]cascadeTable, []*FileError) {
	out := make(map[string][]cascadeTable)
	var warns []*FileError
	for _, file := range sections {
		s := &source{path: file, limit: maxPost, what: "one post"}
		if s.read(); s.err != nil {
			continue
		}
		front, body, _, start, format, ferr := splitFront(NormalizeSource(s.data))
		if ferr != nil {
			continue
		}
		m, lines, _, ferr := decodeFrontAs(format, front, start, defaultFrontLimits)
		if len(bytes.TrimSpace(body)) > 0 && !pages[file] && langRel(relDir(dir, file)) != "" && (ferr != nil || str(m["redirect_to"]) == "") {
			warns = append(warns, &FileError{File: file, Line: 1, Kind: "section text not served",
				Msg: "a section's own text, which its generator shows above the section's list: not served (capsule has no page per section); make it a page to publish it"})
		}
		if ferr != nil {
			continue
		}
		for k, v := range m {
			if !strings.EqualFold(k, "cascade") {
				continue
			}
			tables, _ := v.([]any)
			switch t := v.(type) {
			case map[string]any:
				tables = []any{t}
			case []map[string]any: // TOML's [[cascade]]
				for _, m := range t {
					tables = append(tables, m)
				}
			}
			for _, t := range tables {
				if t, ok := t.(map[string]any); ok {
					if ct, ok := cascadeFor(t); ok {
						key := relDir(dir, file)
						out[key] = append(out[key], ct)
						warns = append(warns, unknownCascadeKeys(file, k, ct, lines, taxonomies)...)
					}
				}
			}
		}
	}
	return out, warns
}

// unknownCascadeKeys warns of the keys cascade table ct (under key, in
// file) hands down that no post's front matter means anything by, at
// their line in file, as a post's own would be warned of: not at each
// page they reach, which does not hold them.
func unknownCascadeKeys(file, key string, ct cascadeTable, lines map[string]int, taxonomies string) []*FileError {
	var warns []*FileError
	for k := range ct.values {
		canon := k
		if c, ok := keyVariants[k]; ok {
			canon = c
		}
		if slices.Contains(postKeys, canon) || quietKey(canon, false, taxonomies) {
			continue
		}
		u := unknownKey{name: k, line: keyFileLine(lines, key, k), closest: Closest(k, postKeys)}
		if u.closest != "" {
			warns = append(warns, &FileError{File: file, Line: u.line, Msg: misspelt(u) + " (in a cascade, for the pages it reaches)", Kind: kindMisspelt})
			continue
		}
		warns = append(warns, &FileError{File: file, Line: u.line, Kind: kindUnknownKey,
			Msg: fmt.Sprintf("unknown front matter key %q in a cascade ignored", clip(k))})
	}
	slices.SortFunc(warns, func(a, b *FileError) int { return cmp.Or(cmp.Compare(a.Line, b.Line), strings.Compare(a.Msg, b.Msg)) })
	return warns
}

// cascadeFor is table t as it hands values down to pages, and false when
// its _target is for other kinds of page only.
func cascadeFor(t map[string]any) (cascadeTable, bool) {
	ct := cascadeTable{values: make(map[string]any, len(t))}
	for k, v := range t {
		if strings.EqualFold(k, "_target") {
			target, _ := v.(map[string]any)
			for tk, tv := range target {
				switch strings.ToLower(tk) {
				case "kind":
					if kind, _ := tv.(string); kind != "" && kind != "page" && kind != "{page,section}" && kind != "*" {
						return ct, false
					}
				case "path":
					if glob, _ := tv.(string); glob != "" {
						pats, err := readPatterns([]string{"/" + strings.TrimPrefix(glob, "/")}, 1)
						if err != nil {
							return ct, false // a glob capsule cannot read: nothing handed down
						}
						ct.paths = pats
					}
				}
			}
			continue
		}
		ct.values[k] = v
	}
	return ct, len(ct.values) > 0
}

// cascadeOf is what the cascades hand down to a page in folder dir
// (relative to the content folder) whose file is rel, as
// postDefaults.cascade holds it: JSON, the deepest section's values
// over the shallower ones'; "" for none.
func cascadeOf(cascades map[string][]cascadeTable, dir, rel string) string {
	if len(cascades) == 0 {
		return ""
	}
	folders := []string{""}
	for d := dir; d != "" && d != "."; d = path.Dir(d) {
		folders = slices.Insert(folders, 1, d)
	}
	merged := make(map[string]any)
	parts := strings.Split(rel, "/")
	for _, f := range folders {
		for _, t := range cascades[f] {
			if t.paths != nil && !t.paths[0].matches(parts, false) {
				continue
			}
			for k, v := range t.values {
				merged[k] = v
			}
		}
	}
	if len(merged) == 0 {
		return ""
	}
	b, err := json.Marshal(merged) // sorted keys: the same values, the same string
	if err != nil {
		return ""
	}
	return string(b)
}

// handDown adds to a page's front matter m the values its sections'
// cascades hand down (postDefaults.cascade), where it has none of its
// own.
func handDown(m map[string]any, lines map[string]int, cascade string) (handed map[string]bool) {
	if cascade == "" {
		return nil
	}
	var values map[string]any
	if json.Unmarshal([]byte(cascade), &values) != nil {
		return nil
	}
	handed = make(map[string]bool, len(values))
	for k, v := range values {
		if _, own := m[k]; !own {
			m[k] = v
			lines[k] = 1
			handed[k] = true
		}
	}
	return handed
}
