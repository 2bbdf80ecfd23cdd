package content

import (
	"bytes"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// A route whose getStaticPaths is one call of a function of a local
// module (sylvhama/ffvii's fr/events/[slug].astro: return await
// getFrenchStaticPaths("events")(), its src/utils.ts taking the entries
// whose id starts with "fr/" and giving each the slug without it) is
// read as if that function's body were the route's getStaticPaths: the
// startsWith tests of the id, the params object and its values are read
// there (astroroutes.go, astroparams.go). It is followed only when:
//
//   - getStaticPaths is that call alone, returned or given, its
//     arguments none or one literal string;
//   - the function is imported by name from a relative path or one of
//     tsconfig.json's aliases inside src/, and exported there as a
//     function (export function f(…) { … }, export const f = (…) => { … });
//   - its body calls getCollection once, of a literal name or of its
//     first parameter, given that literal.
//
// Bounds: the module is read up to maxConfigSize bytes, the function's
// body up to astroMaxHelper bytes.

// astroMaxHelper bounds the body of a helper function read.
const astroMaxHelper = 64 << 10

var (
	astroHelperCall = `([A-Za-z_$][\w$]*)\s*\(\s*(?:"([^"\\\n]{0,256})"|'([^'\\\n]{0,256})')?\s*\)(?:\s*\(\s*\))?`
	// astroPathsCall is getStaticPaths as that one call, in its three
	// forms: a function returning it, an arrow function returning it,
	// the call's value itself.
	astroPathsCall = []*regexp.Regexp{
		regexp.MustCompile(`\bexport\s+(?:async\s+)?function\s+getStaticPaths\s*\(\s*\)\s*(?::\s*[\w.<>\s]+)?\{\s*return\s+(?:await\s+)?` + astroHelperCall + `\s*;?\s*\}`),
		regexp.MustCompile(`\bexport\s+const\s+getStaticPaths\s*(?::\s*[\w.]+\s*)?=\s*\(?\s*(?:async\s*)?\(\s*\)\s*=>\s*(?:\{\s*return\s+(?:await\s+)?` + astroHelperCall + `\s*;?\s*\}|(?:await\s+)?` + astroHelperCall + `)\s*\)?\s*(?:satisfies\s+[\w.]+\s*)?;?\s*\n`),
		regexp.MustCompile(`\bexport\s+const\s+getStaticPaths\s*(?::\s*[\w.]+\s*)?=\s*` + astroHelperCall + `\s*(?:satisfies\s+[\w.]+\s*)?;?\s*\n`),
	}
	astroImportNames = regexp.MustCompile(`\bimport\s*\{([^{}]{0,400})\}\s*from\s*["']([^"'\n]+)["']`)
	astroCollCall    = regexp.MustCompile(`\bgetCollection\s*\(\s*(?:["'` + "`" + `]([^"'` + "`" + `\n$]+)["'` + "`" + `]|([A-Za-z_$][\w$]*))\s*[,)]`)
	astroAnyColl     = regexp.MustCompile(`\bgetCollection\s*\(`)
	astroFirstParam  = regexp.MustCompile(`^\s*([A-Za-z_$][\w$]*)`)
)

// astroHelper is a route's getStaticPaths read in a helper: the
// collection it takes entries of, the function's body.
type astroHelper struct {
	collection string
	body       []byte
}

// astroHelperRoute reads the route file (at file, of text src) whose
// getStaticPaths is a local module's function's call; ok is false when
// it is not of the form above.
func astroHelperRoute(dir, file string, src []byte, aliases []astroAlias) (h astroHelper, ok bool) {
	var call []string
	for _, re := range astroPathsCall {
		if m := re.FindSubmatch(src); m != nil {
			// The call's groups (name, two quotes' texts): the one set.
			for i := 1; i+2 < len(m); i += 3 {
				if m[i] != nil {
					call = []string{string(m[i]), string(m[i+1]) + string(m[i+2])}
					if m[i+1] == nil && m[i+2] == nil {
						call = append(call[:1], "")
					}
					break
				}
			}
			break
		}
	}
	if call == nil || call[0] == "getCollection" {
		return h, false
	}
	name, arg := call[0], call[1]
	spec, exported := "", ""
	for _, m := range astroImportNames.FindAllSubmatch(src, astroMaxImports) {
		for _, n := range strings.Split(string(m[1]), ",") {
			f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(n), "type "))
			switch {
			case len(f) == 1 && f[0] == name:
				spec, exported = string(m[2]), name
			case len(f) == 3 && f[1] == "as" && f[2] == name:
				spec, exported = string(m[2]), f[0]
			}
		}
	}
	if spec == "" {
		return h, false
	}
	target, ok := astroModulePath(dir, file, spec, aliases)
	if !ok {
		return h, false
	}
	mod := readAstroModule(dir, target)
	if mod == nil {
		return h, false
	}
	params, body, ok := jsExportedFunction(mod, exported)
	if !ok {
		return h, false
	}
	calls := astroCollCall.FindAllSubmatch(body, 2)
	if len(calls) != 1 || len(astroAnyColl.FindAllIndex(body, 2)) != 1 {
		return h, false
	}
	switch c := calls[0]; {
	case c[1] != nil:
		h.collection = string(c[1])
	case arg != "" && astroFirstParam.MatchString(params) && astroFirstParam.FindStringSubmatch(params)[1] == string(c[2]):
		h.collection = arg
	default:
		return h, false
	}
	h.body = body
	return h, true
}

// jsExportedFunction is the parameters' text and the body of the
// function module src exports as name (export function name(…) {…},
// export const name = (…) => {…}, export const name = function (…)
// {…}); ok is false when there is no such one, once, when an arrow
// function's body is an expression, or its body is over astroMaxHelper
// bytes.
func jsExportedFunction(src []byte, name string) (params string, body []byte, ok bool) {
	q := regexp.QuoteMeta(name)
	re := regexp.MustCompile(`\bexport\s+(?:(?:async\s+)?function\s+` + q + `\s*(?:<[^<>()]*>)?\s*\(([^()]*)\)|const\s+` + q + `\s*(?::[^=]{0,200})?=\s*(?:async\s+)?(function\s*)?\(([^()]*)\))`)
	ms := re.FindAllSubmatchIndex(src, 2)
	if len(ms) != 1 {
		return "", nil, false
	}
	m := ms[0]
	// An arrow function's body is after its "=>"; a function
	// expression's (export const f = function (…) {…}) has none.
	arrow := m[6] >= 0 && m[4] < 0
	if m[6] >= 0 {
		params = string(src[m[6]:m[7]])
	} else {
		params = string(src[m[2]:m[3]])
	}
	// Past a return type (Promise<Array<{ params: … }>>) to the body's
	// "{": the first at no angle's depth (after "=>" for an arrow).
	i, depth, seenArrow := m[1], 0, false
	for ; i < len(src) && i < m[1]+4096; i++ {
		switch ch := src[i]; {
		case ch == '=' && i+1 < len(src) && src[i+1] == '>':
			i++
			if depth == 0 && arrow && !seenArrow {
				seenArrow = true
				// A body that is an expression (=> getCollection(c)) is
				// not read: the next "{" would be another function's.
				if j := i + 1 + len(src[i+1:]) - len(bytes.TrimLeft(src[i+1:], " \t\r\n")); j >= len(src) || src[j] != '{' {
					return "", nil, false
				}
			}
		case ch == '<':
			depth++
		case ch == '>':
			depth--
		case ch == '{' && depth == 0 && (!arrow || seenArrow):
			end := jsBlockEnd(src, i)
			if end < 0 || end-i > astroMaxHelper {
				return "", nil, false
			}
			return params, src[i+1 : end], true
		case ch == '{':
			end := jsBlockEnd(src, i)
			if end < 0 {
				return "", nil, false
			}
			i = end
		}
	}
	return "", nil, false
}

// jsBlockEnd is the index of the "}" closing the "{" at src[at], past
// strings and comments; -1 when there is none within astroMaxHelper
// bytes.
func jsBlockEnd(src []byte, at int) int {
	depth := 0
	limit := min(len(src), at+astroMaxHelper+1)
	for i := at; i < limit; i++ {
		if j := jsSkipLiteral(src, i, limit); j < 0 {
			return -1
		} else if j > i {
			i = j
			continue
		}
		switch src[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// jsSkipLiteral is where the string or comment that starts at src[i]
// ends, the index of its last byte (a quoted string's at its line's end
// when it is not closed there, as JavaScript has it), or i when none
// starts there; -1 when it does not end before limit.
func jsSkipLiteral(src []byte, i, limit int) int {
	switch ch := src[i]; {
	case ch == '"' || ch == '\'' || ch == '`':
		j := i + 1
		for j < limit && src[j] != ch && (ch == '`' || src[j] != '\n') {
			if src[j] == '\\' {
				j++
			}
			j++
		}
		if j >= limit {
			return -1
		}
		return j
	case ch == '/' && i+1 < limit && src[i+1] == '/':
		if k := bytes.IndexByte(src[i:limit], '\n'); k >= 0 {
			return i + k
		}
		return -1
	case ch == '/' && i+1 < limit && src[i+1] == '*':
		if k := bytes.Index(src[i+2:limit], []byte("*/")); k >= 0 {
			return i + k + 3
		}
		return -1
	}
	return i
}

// astroCalledCollection is the collection of the entries a route file
// (at file, of text src) gets from a local module's function its
// getStaticPaths calls, when the module's other functions get others
// (homironi/homimemo's articles/[id]/index.astro: const articles =
// await getAllArticles(), its src/lib/collection.ts's getAllArticles
// returning getCollection("articles"), beside getAllTags's "tags"). It
// is read when, between getStaticPaths and the end of the route's front
// matter, the functions called that are imported by name from local
// modules (as astroHelperRoute finds them, at most astroMaxModules) get,
// in their bodies, one collection in all, by a literal name, and test
// no entry's id (no startsWith: which entries they take would not be
// read); ok is false otherwise.
func astroCalledCollection(dir, file string, src []byte, aliases []astroAlias) (collection string, ok bool) {
	at := bytes.Index(src, []byte("getStaticPaths"))
	if at < 0 {
		return "", false
	}
	paths := src[at:]
	if end := bytes.Index(paths, []byte("\n---")); end >= 0 {
		paths = paths[:end]
	}
	looked := 0
	for _, m := range astroImportNames.FindAllSubmatch(src, astroMaxImports) {
		for _, n := range strings.Split(string(m[1]), ",") {
			f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(n), "type "))
			local, exported := "", ""
			switch {
			case len(f) == 1:
				local, exported = f[0], f[0]
			case len(f) == 3 && f[1] == "as":
				local, exported = f[2], f[0]
			default:
				continue
			}
			if !regexp.MustCompile(`\b` + regexp.QuoteMeta(local) + `\s*\(`).Match(paths) {
				continue // not called there
			}
			target, found := astroModulePath(dir, file, string(m[2]), aliases)
			if !found {
				continue
			}
			if looked++; looked > astroMaxModules {
				return "", false
			}
			mod := readAstroModule(dir, target)
			if mod == nil {
				continue
			}
			_, body, found := jsExportedFunction(mod, exported)
			if !found {
				continue
			}
			calls := astroCollCall.FindAllSubmatch(body, 2)
			if len(calls) == 0 {
				continue
			}
			if len(calls) != 1 || calls[0][1] == nil || len(astroAnyColl.FindAllIndex(body, 2)) != 1 {
				return "", false
			}
			if prefix, _, plain := astroIDPrefixIn(body); !plain || prefix != "" {
				return "", false
			}
			if c := string(calls[0][1]); collection != "" && c != collection {
				return "", false
			} else {
				collection = c
			}
		}
	}
	return collection, collection != ""
}

// readAstroModule reads the module an import's target (astroModulePath)
// names, as Vite resolves it: the path with .ts, .js or .mjs, as it is,
// or its folder's index; nil when none is a small file (readSmall).
func readAstroModule(dir, target string) []byte {
	for _, ext := range []string{".ts", ".js", ".mjs", "", "/index.ts", "/index.js"} {
		if b, err := readSmall(filepath.Join(dir, filepath.FromSlash(path.Clean(target)+ext))); err == nil {
			return b
		}
	}
	return nil
}
