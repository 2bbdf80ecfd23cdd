package content

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strconv"
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
	// pages and sections: whether its _target's kind takes in pages,
	// sections (whose draft keeps back every page below them:
	// hugoDraftDirs).
	pages, sections bool
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
//
// own is what each section's own front matter says of its draft, by its
// folder (sectionDraft): true a draft, false published, none if it says
// nothing (hugoDraftDirs).
func readSections(dir string, sections []string, pages map[string]bool, maxPost int64, langRel func(string) string, taxonomies string) (out map[string][]cascadeTable, own map[string]bool, warns []*FileError) {
	out = make(map[string][]cascadeTable)
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
		if draft, ok := sectionDraft(m); ok {
			if own == nil {
				own = make(map[string]bool)
			}
			own[relDir(dir, file)] = draft
		}
		for k, v := range m {
			if !strings.EqualFold(k, "cascade") {
				continue
			}
			for _, ct := range cascadeTables(v) {
				key := relDir(dir, file)
				out[key] = append(out[key], ct)
				warns = append(warns, unknownCascadeKeys(file, k, ct, lines, taxonomies)...)
			}
		}
	}
	return out, own, warns
}

// sectionDraft is whether front matter m (a section's, or a cascade's
// table) makes a draft, as Hugo reads its draft (and published, its
// opposite, which draft wins over): true or "true" for a draft; false
// when it says neither.
func sectionDraft(m map[string]any) (draft, says bool) {
	truth := func(v any) (bool, bool) {
		switch v := v.(type) {
		case bool:
			return v, true
		case string:
			if b, err := strconv.ParseBool(strings.TrimSpace(v)); err == nil {
				return b, true
			}
		}
		return false, false
	}
	if b, ok := truth(mapValue(m, "draft")); ok {
		return b, true
	}
	if b, ok := truth(mapValue(m, "published")); ok {
		return !b, true
	}
	return false, false
}

// hugoDraftDirs are the folders (relative to the content folder) of a
// Hugo site's sections that are drafts, and every folder below one:
// Hugo 0.111 writes no page there, not even one whose own front matter
// says draft: false (a draft section's whole tree is left out), so their
// pages are drafts (postDefaults.sectionDraft). A section is a draft
// when its _index.md says so (own), or else when a cascade that reaches
// it hands draft down: its own, a section's above it, the site file's,
// each table whose _target's kind takes in sections and whose path (if
// any) matches its _index.md, the deepest winning. The home (the
// content folder's top, a language's) is no such section. O(sections ×
// depth × tables).
func hugoDraftDirs(files []string, dir string, cascades map[string][]cascadeTable, own map[string]bool, langRel func(string) string) map[string]bool {
	draft := make(map[string]bool)
	for _, file := range files {
		rel := relDir(dir, file)
		if rel == "" || langRel(rel) == "" {
			continue
		}
		d, says := own[rel]
		if !says {
			parts := strings.Split(filepath.ToSlash(relPath(dir, file)), "/")
			for up := rel; !says; up = path.Dir(up) {
				if up == "." {
					up = ""
				}
				for _, t := range slices.Backward(cascades[up]) {
					if t.sections && (t.paths == nil || t.paths[0].matches(parts, false)) {
						if d, says = sectionDraft(t.values); says {
							break
						}
					}
				}
				if up == "" {
					break
				}
			}
		}
		if d {
			draft[rel] = true
		}
	}
	if len(draft) == 0 {
		return nil
	}
	return draft
}

// underDraft reports whether folder rel (relative to the content
// folder) is one of drafts or below one (hugoDraftDirs). O(depth).
func underDraft(drafts map[string]bool, rel string) bool {
	for up := rel; len(drafts) > 0 && up != "" && up != "."; up = path.Dir(up) {
		if drafts[up] {
			return true
		}
	}
	return false
}

// cascadeTables are the tables of cascade v (a table, a list of them,
// TOML's [[cascade]]) that hand values down to pages or sections
// (cascadeFor), in their order.
func cascadeTables(v any) []cascadeTable {
	tables, _ := v.([]any)
	switch t := v.(type) {
	case map[string]any:
		tables = []any{t}
	case []map[string]any: // TOML's [[cascade]]
		for _, m := range t {
			tables = append(tables, m)
		}
	}
	var out []cascadeTable
	for _, t := range tables {
		if t, ok := t.(map[string]any); ok {
			if ct, ok := cascadeFor(t); ok {
				out = append(out, ct)
			}
		}
	}
	return out
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

// cascadeFor is table t as it hands values down to pages and sections,
// and false when its _target is for other kinds of page only (the home,
// taxonomies and their terms).
func cascadeFor(t map[string]any) (cascadeTable, bool) {
	ct := cascadeTable{values: make(map[string]any, len(t)), pages: true, sections: true}
	for k, v := range t {
		if strings.EqualFold(k, "_target") {
			target, _ := v.(map[string]any)
			for tk, tv := range target {
				switch strings.ToLower(tk) {
				case "kind":
					if kind, _ := tv.(string); kind != "" {
						ct.pages, ct.sections = kindMatches(kind, "page"), kindMatches(kind, "section")
						if !ct.pages && !ct.sections {
							return ct, false
						}
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

// kindMatches reports whether glob pattern (a _target's kind: "page",
// "{page,section}", "*") matches kind, in any case as Hugo's does. A
// pattern capsule cannot read matches nothing.
func kindMatches(pattern, kind string) bool {
	pattern = strings.ToLower(strings.TrimSpace(pattern))
	alts := []string{pattern}
	if strings.HasPrefix(pattern, "{") && strings.HasSuffix(pattern, "}") {
		alts = strings.Split(pattern[1:len(pattern)-1], ",")
	}
	for _, a := range alts {
		if ok, _ := path.Match(strings.TrimSpace(a), kind); ok {
			return true
		}
	}
	return false
}

// cascadeOf is what the cascades hand down to a page (or a section's
// _index.md) in folder dir (relative to the content folder) whose file
// is rel, as
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
	// A section's _index.md served as a page (sectionTextPages) is a
	// section to a _target's kind.
	section := dir != "" && dir != "." && strings.HasPrefix(path.Base(rel), "_index.")
	for _, f := range folders {
		for _, t := range cascades[f] {
			if section && !t.sections || !section && !t.pages || t.paths != nil && !t.paths[0].matches(parts, false) {
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
