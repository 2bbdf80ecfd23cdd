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
// pages it is for: target in newer Hugo). capsule hands them down as
// Hugo does: a page's own value wins, a deeper section's over a
// shallower one's, and a table whose _target names other kinds of page
// (sections, taxonomies), another path, another language (lang, or
// newer Hugo's sites.matrix.languages) or another environment than
// production (environment: capsule serves what hugo builds, not what
// hugo server previews) is passed over. A cascade reaches the pages of
// its own file's language only (a section's _index.ja.md's the Japanese
// pages; a language's home page's, langHomes, that language's), as each
// language is a site of its own to Hugo 0.111; the
// configuration's reaches every language but one whose own table
// ([languages.ja.cascade]) has one instead. Handing a draft down keeps
// the section's posts back, as in Hugo.

// cascadeTable is one table of a cascade and the pages it is for.
type cascadeTable struct {
	values map[string]any
	paths  []excludePattern // _target.path, from the content folder's top (a language's), lower case; nil: all
	// pages and sections: whether its _target's kind takes in pages,
	// sections (whose draft keeps back every page below them:
	// hugoDraftDirs).
	pages, sections bool
	// langs are the globs of its _target's languages (lang, or
	// sites.matrix.languages), lower case; none: every language.
	langs []string
	// from is the language of the file that holds it (hugoPageLang),
	// whose pages alone it reaches; "" for every language's.
	from string
	// file is that file, relative to the posts folder with slashes,
	// or the configuration's name: what a warning names.
	file string
}

// reaches reports whether t is for the pages of language lang.
func (t cascadeTable) reaches(lang string) bool {
	if t.from != "" && t.from != lang {
		return false
	}
	if len(t.langs) == 0 {
		return true
	}
	for _, g := range t.langs {
		if hugoGlob(g, lang) {
			return true
		}
	}
	return false
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
// language and folder (draftKey; sectionDraft): a draft or published,
// none if it says nothing (hugoDraftDirs). lang is the language of a
// file (relative to dir, with slashes) to Hugo (hugoPageLang), whose
// pages alone its cascade reaches.
func readSections(dir string, sections []string, pages map[string]bool, maxPost int64, langRel, lang func(string) string, taxonomies string) (out map[string][]cascadeTable, own map[string]sectionSays, warns []*FileError) {
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
		rel := filepath.ToSlash(relPath(dir, file))
		from := lang(rel)
		if draft, ok := sectionDraft(m); ok {
			if own == nil {
				own = make(map[string]sectionSays)
			}
			own[draftKey(from, relDir(dir, file))] = sectionSays{draft: draft, file: rel}
		}
		for k, v := range m {
			if !strings.EqualFold(k, "cascade") {
				continue
			}
			for _, ct := range cascadeTables(v, from, rel) {
				key := relDir(dir, file)
				out[key] = append(out[key], ct)
				warns = append(warns, unknownCascadeKeys(file, k, ct, lines, taxonomies)...)
			}
		}
	}
	return out, own, warns
}

// sectionSays is what a section's _index.md says of its draft, and the
// file, relative to the posts folder.
type sectionSays struct {
	draft bool
	file  string
}

// draftKey is the key of a section's folder rel (relative to the posts
// folder) in language lang, in hugoDraftDirs' maps.
func draftKey(lang, rel string) string { return lang + "\x00" + rel }

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
// Hugo site's sections that are drafts, each in a language (by
// draftKey), and what makes each one so (draftCause): Hugo 0.111 writes
// no page there, not even one whose own front matter says draft: false
// (a draft section's whole tree is left out), so their pages are drafts
// (postDefaults.sectionDraft). A section is a draft when its _index.md
// in its language says so (own), or else when a cascade that reaches it
// hands draft down: its own, a section's above it, the site file's,
// each table that reaches the language (cascadeTable.reaches) and whose
// _target's kind takes in sections and whose path (if any) matches its
// _index.md, the deepest winning. The home (the content folder's top, a
// language's) is no such section. langs are the languages of the
// section of a folder (folderLangs): one, or each of the site's when no
// content folder names one. O(sections × languages × depth × tables).
func hugoDraftDirs(files []string, dir string, cascades map[string][]cascadeTable, own map[string]sectionSays, langRel func(string) string, langs func(string) []string) map[string]string {
	draft := make(map[string]string)
	// Each section once, with a file of its: the one in its language
	// when it has one, for a _target's path.
	fileOf := make(map[string]string)
	var rels []string
	for _, file := range files {
		rel := relDir(dir, file)
		if rel == "" || langRel(rel) == "" {
			continue
		}
		if _, seen := fileOf[rel]; !seen {
			rels = append(rels, rel)
			fileOf[rel] = filepath.ToSlash(relPath(dir, file))
		}
	}
	for _, rel := range rels {
		for _, lang := range langs(rel) {
			says, ok := own[draftKey(lang, rel)]
			file := cmp.Or(says.file, fileOf[rel])
			parts := strings.Split(strings.ToLower(path.Join(langRel(rel), path.Base(file))), "/")
			why := ""
			if ok && says.draft {
				why = draftCause(rel, file, "")
			}
			for up := rel; !ok; up = path.Dir(up) {
				if up == "." {
					up = ""
				}
				for _, t := range slices.Backward(cascades[up]) {
					if t.sections && t.reaches(lang) && (t.paths == nil || t.paths[0].matches(parts, false)) {
						var d bool
						if d, ok = sectionDraft(t.values); ok {
							if d {
								why = draftCause(rel, file, t.file)
							}
							break
						}
					}
				}
				if up == "" {
					break
				}
			}
			if why != "" {
				draft[draftKey(lang, rel)] = why
			}
		}
	}
	if len(draft) == 0 {
		return nil
	}
	return draft
}

// draftCause is what makes the section in folder rel, whose file is
// file, a draft: its own draft, or the cascade of cascadeFile ("" for
// none), as postDefaults.sectionDraft holds it (draftCauseWords reads it).
func draftCause(rel, file, cascadeFile string) string {
	return rel + "\x00" + file + "\x00" + cascadeFile
}

// draftCauseWords are the section's folder (with a slash at its end)
// and what makes it a draft, in a warning's words, of cause (draftCause).
func draftCauseWords(cause string) (section, words string) {
	rel, rest, _ := strings.Cut(cause, "\x00")
	file, cascadeFile, _ := strings.Cut(rest, "\x00")
	section = rel + "/"
	switch cascadeFile {
	case "":
		return section, "the section " + section + ", whose " + file + " says draft: true"
	case file:
		return section, "the section " + section + ", whose " + file + " hands draft: true down in its cascade"
	}
	return section, "the section " + section + ", made a draft by the cascade of " + cascadeFile
}

// underDraft is what makes folder rel (relative to the content folder)
// in language lang one of drafts or below one (hugoDraftDirs): the
// deepest such section's cause; "" when it is none. O(depth).
func underDraft(drafts map[string]string, lang, rel string) string {
	for up := rel; len(drafts) > 0 && up != "" && up != "."; up = path.Dir(up) {
		if why := drafts[draftKey(lang, up)]; why != "" {
			return why
		}
	}
	return ""
}

// cascadeTables are the tables of cascade v (a table, a list of them,
// TOML's [[cascade]]) that hand values down to pages or sections
// (cascadeFor), in their order, from file (cascadeTable.file) in
// language from ("" for every language's).
func cascadeTables(v any, from, file string) []cascadeTable {
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
				ct.from, ct.file = from, file
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

// productionEnvironment is the environment capsule stands for to a
// _target's environment: what hugo (hugo build) builds and publishes,
// not hugo server's "development" preview, which capsule's drafts are
// not either.
const productionEnvironment = "production"

// cascadeFor is table t as it hands values down to pages and sections,
// and false when its _target is for other kinds of page only (the home,
// taxonomies and their terms) or for another environment than
// production. Its _target (target, newer Hugo's name, as well) is read
// as Hugo reads it: keys in any case, each a glob (hugoGlob) matched in
// lower case, the path's against the page's path in its language's
// content folder.
func cascadeFor(t map[string]any) (cascadeTable, bool) {
	ct := cascadeTable{values: make(map[string]any, len(t)), pages: true, sections: true}
	for k, v := range t {
		target, isTarget := v.(map[string]any)
		if !strings.EqualFold(k, "_target") && !(strings.EqualFold(k, "target") && isTarget) {
			ct.values[k] = v
			continue
		}
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
					pats, err := readPatterns([]string{"/" + strings.TrimPrefix(strings.ToLower(glob), "/")}, 1)
					if err != nil {
						return ct, false // a glob capsule cannot read: nothing handed down
					}
					ct.paths = pats
				}
			case "lang":
				if glob := strings.TrimSpace(str(tv)); glob != "" {
					ct.langs = append(ct.langs, glob)
				}
			case "sites":
				// Newer Hugo's sites.matrix.languages: a glob, or a
				// list of them.
				sites, _ := tv.(map[string]any)
				matrix, _ := mapValue(sites, "matrix").(map[string]any)
				switch l := mapValue(matrix, "languages").(type) {
				case string:
					ct.langs = append(ct.langs, l)
				case []any:
					for _, g := range l {
						if g, ok := g.(string); ok {
							ct.langs = append(ct.langs, g)
						}
					}
				}
			case "environment":
				if glob := strings.TrimSpace(str(tv)); glob != "" && !hugoGlob(glob, productionEnvironment) {
					return ct, false
				}
			}
		}
	}
	return ct, len(ct.values) > 0
}

// kindMatches reports whether glob pattern (a _target's kind: "page",
// "{page,section}", "*") matches kind, in any case as Hugo's does. A
// pattern capsule cannot read matches nothing.
func kindMatches(pattern, kind string) bool {
	alts, ok := globAlternatives(strings.ToLower(strings.TrimSpace(pattern)))
	for _, a := range alts {
		if m, err := path.Match(strings.TrimSpace(a), kind); ok && err == nil && m {
			return true
		}
	}
	return false
}

// hugoGlob reports whether glob pattern (a _target's lang or
// environment: "ja", "{en,fr}", "zh-*", "prod*") matches s, both in
// lower case, as Hugo's globs (gobwas/glob) match them: * any run of
// characters, ? one, [abc] and [!abc] one of a set or not,
// {a,b} either. A pattern capsule cannot read matches, as Hugo 0.111
// lets a glob that does not compile pass: a draft handed down keeps
// more back, never less.
func hugoGlob(pattern, s string) bool {
	alts, ok := globAlternatives(strings.ToLower(strings.TrimSpace(pattern)))
	if !ok {
		return true
	}
	s = strings.ToLower(s)
	for _, a := range alts {
		m, err := path.Match(strings.ReplaceAll(a, "[!", "[^"), s)
		if err != nil {
			return true
		}
		if m {
			return true
		}
	}
	return false
}

// maxGlobAlternatives bounds what a glob's braces expand to
// (globAlternatives): {a,b}{c,d}… doubles with each pair, and the glob
// is a post's.
const maxGlobAlternatives = 64

// maxGlobLen bounds the glob globAlternatives expands: a language's or
// an environment's is a few bytes. Each pair of braces is expanded by a
// copy of the pattern, so that {a}{a}{a}… (one alternative each, which
// maxGlobAlternatives does not stop) costs the square of its length: 8 s
// for 60 KB of front matter, for each page the cascade is matched
// against.
const maxGlobLen = 256

// globAlternatives are the patterns without braces that pattern's
// {a,b} alternatives (nested, one after another) expand to, at most
// maxGlobAlternatives; false for braces that do not close or expand to
// more, or a pattern over maxGlobLen bytes.
func globAlternatives(pattern string) ([]string, bool) {
	if len(pattern) > maxGlobLen {
		return nil, false
	}
	open := strings.IndexByte(pattern, '{')
	if open < 0 {
		return []string{pattern}, !strings.ContainsAny(pattern, "}")
	}
	depth, start := 0, open+1
	var parts []string
	for i := open; i < len(pattern); i++ {
		switch pattern[i] {
		case '{':
			depth++
		case ',':
			if depth == 1 {
				parts, start = append(parts, pattern[start:i]), i+1
			}
		case '}':
			if depth--; depth == 0 {
				parts = append(parts, pattern[start:i])
				var out []string
				for _, p := range parts {
					alts, ok := globAlternatives(pattern[:open] + p + pattern[i+1:])
					if !ok || len(out)+len(alts) > maxGlobAlternatives {
						return nil, false
					}
					out = append(out, alts...)
				}
				return out, true
			}
		}
	}
	return nil, false
}

// cascadeOf is what the cascades hand down to a page (or a section's
// _index.md) of language lang in folder dir (relative to the content
// folder) whose file is rel (relative to its language's content folder,
// for a _target's path), as postDefaults.cascade holds it: JSON, the
// deepest section's values over the shallower ones'; "" for none.
func cascadeOf(cascades map[string][]cascadeTable, dir, rel, lang string) string {
	if len(cascades) == 0 {
		return ""
	}
	folders := []string{""}
	for d := dir; d != "" && d != "."; d = path.Dir(d) {
		folders = slices.Insert(folders, 1, d)
	}
	merged := make(map[string]any)
	parts := strings.Split(strings.ToLower(rel), "/")
	// A section's _index.md served as a page (sectionTextPages) is a
	// section to a _target's kind.
	section := dir != "" && dir != "." && strings.HasPrefix(path.Base(rel), "_index.")
	for _, f := range folders {
		for _, t := range cascades[f] {
			if section && !t.sections || !section && !t.pages || !t.reaches(lang) || t.paths != nil && !t.paths[0].matches(parts, false) {
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

// hugoPageLang is the language (its code in lower case) of the content
// file rel (relative to the posts folder, with slashes) to a Hugo
// site's cascades: that of the content folder it is in, else the one
// its name ends in (hello.ja.md), else the default one
// (defaultContentLanguage); a site of one language's, whatever the
// name.
func (f folder) hugoPageLang(rel string) string {
	if len(f.config.languages) < 2 {
		return f.config.onlyLang()
	}
	code, _, _, _ := f.config.hugoLanguage(&Post{File: rel, Dir: parentDir(rel)}, f.contentPath())
	return code
}

// onlyLang is the language of a Hugo site of one: the one [languages]
// names, else defaultContentLanguage.
func (c siteConfig) onlyLang() string {
	if len(c.urls.languages) == 1 {
		for code := range c.urls.languages {
			return code
		}
	}
	return c.urls.defaultLang
}

// hugoFolderLangs are the languages whose section a Hugo site's folder
// rel (relative to the posts folder) may be: its content folder's
// language, else each of the site's (a folder of translations,
// hello.md beside hello.ja.md).
func (f folder) hugoFolderLangs(rel string) []string {
	if len(f.config.languages) < 2 {
		return []string{f.config.onlyLang()}
	}
	if f.langRel(rel) != rel {
		return []string{f.hugoPageLang(path.Join(rel, SiteFile))}
	}
	codes := make([]string, len(f.config.languages))
	for i, l := range f.config.languages {
		codes[i] = l.Code
	}
	return codes
}

// hugoCascades are the tables of a Hugo site's configuration's cascade
// ([cascade], [[cascade]]): for a site of several languages, each
// language's own ([languages.ja.cascade]) else the top one's, for that
// language alone, as Hugo 0.111 reads a language's settings over the
// top ones.
func (c siteConfig) hugoCascades() []cascadeTable {
	of := func(code string) any {
		if v, ok := c.langCascade[code]; ok {
			return v
		}
		return c.cascade
	}
	if len(c.languages) < 2 {
		return cascadeTables(of(c.onlyLang()), "", c.file)
	}
	var out []cascadeTable
	for _, l := range c.languages {
		out = append(out, cascadeTables(of(l.Code), l.Code, c.file)...)
	}
	return out
}
