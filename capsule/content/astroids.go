package content

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// An Astro glob loader names each entry by its generateId when the
// content configuration gives one (Astro's glob(): generateId({ entry,
// base, data }) returns the id; without it, the front matter's slug,
// else the file's path slugified). The id is what a route's
// getStaticPaths hands its parameters (post.id), so that
// homironi/homimemo's articles, whose generateId returns the front
// matter's id, are published at /articles/<that id>/, not at their
// file's name. capsule runs none of the site's code: it reads a
// generateId only when it is one of these shapes, as the configuration
// writes it (data and entry destructured by those names), at most
// astroMaxGenerateID bytes long:
//
//	({ data }) => data.id                      (String(data.id), data.id as string)
//	({ entry, data }) => data.slug ?? F        (or ||)
//	({ entry, data }) => typeof data.slug === "string" ? data.slug : F
//	({ entry, data }) => { if (typeof data.slug === "string") return data.slug; return F; }
//	({ data }) => { const v = schema.parse(data); return v.id; }
//
// where F, the id of an entry whose front matter lacks the key, is read
// only as entry.replace(/<regular expression>/, "") (its path from the
// loader's base without what the expression matches: its extension).
// The last shape is read as data.id: a schema's parse gives the front
// matter's values back (a schema that transforms that key, which
// capsule does not read, would give another id).
//
// An entry whose id is read so is served at its route's address of that
// id, the address of its file's name redirecting there too (capsule
// served it there before). A generateId read otherwise, for a
// collection a route serves, is named in a warning, and its entries
// keep the address of their file's name, as an entry whose front matter
// lacks the key (and no F is read) does, with a warning of its own.

// astroMaxGenerateID bounds the text of a generateId read (its
// function, from "generateId:" to the end of its value); a longer one
// is not read (a warning names it).
const astroMaxGenerateID = 1024

// astroGenID is what a collection's generateId makes an entry's id of.
type astroGenID struct {
	// key is the front matter key whose value is the id.
	key string
	// strip, when set, is the regular expression whose first match the
	// fallback (entry.replace(re, "")) takes off the entry's path, for
	// an entry without key; nil when no fallback is read.
	strip *regexp.Regexp
	// stripAll is its g flag: every match taken off.
	stripAll bool
	// config is the content configuration's path from the site's root.
	config string
}

var (
	astroGenIDKey = regexp.MustCompile(`\bgenerateId\s*:\s*`)
	// astroGenIDParams are the arrow function's parameters, data and
	// entry (and base) destructured by their names.
	astroGenIDParams = regexp.MustCompile(`^(?:async\s*)?\(\s*\{\s*((?:entry|data|base)(?:\s*,\s*(?:entry|data|base))*)\s*,?\s*\}\s*(?::\s*[\w.<>]+\s*)?\)\s*=>\s*`)
	astroGenIDData   = `data\s*\.\s*([A-Za-z_$][\w$]*)`
	// astroGenIDFallback is entry.replace(/re/flags, "").
	astroGenIDFallback = `entry\s*\.\s*replace\s*\(\s*/((?:[^/\\\n]|\\.)+)/([a-z]*)\s*,\s*(?:""|'')\s*\)`
	astroGenIDForms    = []*regexp.Regexp{
		// data.k
		regexp.MustCompile(`^` + astroGenIDData + `$`),
		// data.k ?? F, data.k || F
		regexp.MustCompile(`^` + astroGenIDData + `\s*(?:\?\?|\|\|)\s*(.+)$`),
		// typeof data.k === "string" ? data.k : F
		regexp.MustCompile(`^typeof\s+` + astroGenIDData + `\s*===?\s*["']string["']\s*\?\s*` + astroGenIDData + `\s*:\s*(.+)$`),
		// if (typeof data.k === "string") return data.k; return F;
		regexp.MustCompile(`^if\s*\(\s*typeof\s+` + astroGenIDData + `\s*===?\s*["']string["']\s*\)\s*\{?\s*return\s+` + astroGenIDData + `\s*;?\s*\}?\s*return\s+(.+?)\s*;?$`),
		// const v = schema.parse(data); return v.k;
		regexp.MustCompile(`^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*[A-Za-z_$][\w$]*\s*\.\s*parse\s*\(\s*data\s*\)\s*;?\s*return\s+([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)\s*;?$`),
	}
	astroGenIDFallbackOnly = regexp.MustCompile(`^` + astroGenIDFallback + `$`)
	astroGenIDString       = regexp.MustCompile(`^String\s*\(([\s\S]*)\)$`)
	astroGenIDAs           = regexp.MustCompile(`\s+as\s+string$`)
	astroGenIDReturn       = regexp.MustCompile(`^return\s+([\s\S]+?)\s*;?$`)
	astroBlockComment      = regexp.MustCompile(`(?s)/\*.*?\*/`)
	astroSpaces            = regexp.MustCompile(`\s+`)
)

// astroGeneratedIDs reads the generateId of each collection of an Astro
// site (at dir) whose folder is the content folder content or a section
// of it, by that section ("" for the content folder's own): those read
// (astroGenID), and warnings naming those that are not, of the
// collections a route serves (routes).
func astroGeneratedIDs(dir, content string, routes map[string][]astroRoute) (ids map[string]astroGenID, warns []*FileError) {
	var cfg []byte
	var cfgName string
	for _, name := range astroContentConfigs {
		if b, err := readSmall(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			cfg, cfgName = b, name
			break
		}
	}
	if cfg == nil || !astroGenIDKey.Match(cfg) {
		return nil, nil
	}
	content = path.Clean(filepath.ToSlash(content))
	lits := &jsConsts{src: cfg}
	defs := astroDefine.FindAllSubmatchIndex(cfg, -1)
	// The collections' definitions in the file's order: the warnings
	// come in it, and of two that glob one folder the first is read.
	for i, d := range defs {
		end := len(cfg)
		if i+1 < len(defs) {
			end = defs[i+1][0]
		}
		body := cfg[d[1]:end]
		m := astroGlobPattern.FindSubmatch(body)
		if m == nil {
			continue
		}
		folder := path.Clean(strings.TrimPrefix(filepath.ToSlash(astroGlobBaseValue(lits, m)), "./"))
		name := string(cfg[d[2]:d[3]])
		var section string
		switch {
		case folder == content:
		case path.Dir(folder) == content && folder != ".":
			section = path.Base(folder)
		default:
			continue
		}
		loc := astroGenIDKey.FindIndex(body)
		if loc == nil {
			continue
		}
		if _, routed := routes[section]; !routed {
			continue // no route serves it: its ids give no address
		}
		if _, seen := ids[section]; seen {
			continue
		}
		g, ok := readAstroGenID(body[loc[1]:])
		if !ok {
			warns = append(warns, &FileError{File: filepath.Join(dir, filepath.FromSlash(cfgName)), Kind: "Astro id not read", Msg: fmt.Sprintf(
				"the generateId of the collection %s (%s) names its entries in a way capsule does not read without running the site's code: their addresses on the web site are not known; they keep those of their files' names (aliases in their front matter can give the others)", name, path.Join(content, section))})
			continue
		}
		g.config = cfgName
		if ids == nil {
			ids = make(map[string]astroGenID)
		}
		ids[section] = g
	}
	return ids, warns
}

// readAstroGenID reads the generateId function that src starts with
// (after "generateId:"), up to the end of its value; ok is false when it
// is none of the shapes read (above) or is over astroMaxGenerateID
// bytes.
func readAstroGenID(src []byte) (g astroGenID, ok bool) {
	end := jsExprEnd(src, 0, astroMaxGenerateID)
	if end < 0 {
		return g, false
	}
	text := withoutLineComments(string(src[:end]))
	text = strings.TrimSpace(astroSpaces.ReplaceAllString(astroBlockComment.ReplaceAllString(text, " "), " "))
	p := astroGenIDParams.FindStringIndex(text)
	if p == nil {
		return g, false
	}
	body := strings.TrimSpace(text[p[1]:])
	if strings.HasPrefix(body, "{") && strings.HasSuffix(body, "}") {
		body = strings.TrimSpace(body[1 : len(body)-1])
		if m := astroGenIDReturn.FindStringSubmatch(body); m != nil && !strings.Contains(m[1], "return") {
			body = m[1] // { return expr; }
		}
	}
	body = strings.TrimSpace(astroGenIDAs.ReplaceAllString(body, ""))
	if m := astroGenIDString.FindStringSubmatch(body); m != nil {
		body = strings.TrimSpace(astroGenIDAs.ReplaceAllString(strings.TrimSpace(m[1]), ""))
	}
	for i, re := range astroGenIDForms {
		m := re.FindStringSubmatch(body)
		if m == nil {
			continue
		}
		fallback := ""
		switch i {
		case 0:
			g.key = m[1]
		case 1:
			g.key, fallback = m[1], m[2]
		case 2, 3:
			if m[1] != m[2] {
				return g, false
			}
			g.key, fallback = m[1], m[3]
		case 4:
			if m[1] != m[2] {
				return g, false
			}
			g.key = m[3]
		}
		if fallback != "" {
			fallback = strings.TrimSpace(astroGenIDAs.ReplaceAllString(strings.TrimSpace(fallback), ""))
			if f := astroGenIDFallbackOnly.FindStringSubmatch(fallback); f != nil {
				g.strip, g.stripAll = jsRegexp(f[1], f[2]), strings.Contains(f[2], "g")
			}
		}
		return g, true
	}
	return g, false
}

// jsRegexp is the JavaScript regular expression /re/flags as Go's, nil
// when it has a flag other than g or i or is not one Go's syntax reads
// alike (a lookaround, a backreference): only a plain one is taken.
func jsRegexp(re, flags string) *regexp.Regexp {
	if strings.Trim(flags, "gi") != "" || strings.Contains(re, "(?") || regexp.MustCompile(`\\[1-9kpPu]`).MatchString(re) {
		return nil
	}
	if strings.Contains(flags, "i") {
		re = "(?i)" + re
	}
	out, err := regexp.Compile(re)
	if err != nil {
		return nil
	}
	return out
}

// id is the id g gives the entry at entry (its path from its
// collection's folder, with slashes) of front matter values vals (key,
// value, …: Post.addressVals); ok is false when it is not known: the key
// missing and no fallback read.
func (g astroGenID) id(entry string, vals []string) (id string, ok bool) {
	for i := 0; i+1 < len(vals); i += 2 {
		if vals[i] == g.key {
			return vals[i+1], true
		}
	}
	if g.strip == nil {
		return "", false
	}
	if g.stripAll {
		return g.strip.ReplaceAllLiteralString(entry, ""), true
	}
	if loc := g.strip.FindStringIndex(entry); loc != nil {
		return entry[:loc[0]] + entry[loc[1]:], true // JavaScript's replace without g: the first match
	}
	return entry, true
}

// astroGenIDOf is the generateId read (astroGenID) of the collection of
// the file at file, of Post.Dir dir, when it is an entry of a collection
// of f's content folder; entry is its path from the collection's folder
// (Astro's entry), section the collection's section.
func (f folder) astroGenIDOf(file, dir string) (g astroGenID, entry string, ok bool) {
	if len(f.astroIDs) == 0 || !strings.HasPrefix(file, f.content+string(filepath.Separator)) {
		return g, "", false
	}
	return f.astroGenIDIn(topSection(dir), file, dir)
}

// astroGenIDIn is astroGenIDOf of the collection of section, else of
// the content folder's own.
func (f folder) astroGenIDIn(section, file, dir string) (g astroGenID, entry string, ok bool) {
	name := filepath.Base(file)
	if g, ok = f.astroIDs[section]; ok && section != "" {
		return g, path.Join(strings.TrimPrefix(strings.TrimPrefix(dir, section), "/"), name), true
	}
	if g, ok = f.astroIDs[""]; ok {
		return g, path.Join(dir, name), true
	}
	return g, "", false
}
