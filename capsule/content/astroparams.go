package content

import (
	"regexp"
	"strconv"
	"strings"
)

// What an Astro route's getStaticPaths gives each parameter of its path,
// read by a literal scan of the route file, never run. A value is read
// when it is one of these, of the entry (any name: post, entry):
//
//   - its id or slug (post.id, post.slug), its language as its front
//     matter gives it (post.data.lang, post.data.language: capsule's
//     Post.Lang, the site's when the front matter gives none);
//   - AstroPaper's getPath(post.id, post.filePath, false);
//   - a function of the id named for a slug (getSlugFromId(post.id)) in a
//     route with a language parameter: capsule does not read the
//     function; it takes it to give what the route's translations share,
//     the id without its language and its file's name when that is an
//     index (alpha/index.ja and alpha.ja are alpha), as kenfdev-blog's
//     getSlugFromId does;
//   - id or slug destructured by the one callback of the file that maps
//     the entries (posts.map(async ({ id, data }) => …)), when no
//     constant binds it;
//   - a constant of the route file bound to one of these
//     (const slug = entry.slug.split("/").pop()!), or an element of an
//     array destructured from one (const [lang, ...rest] =
//     post.id.split("/")), at most astroMaxBindings deep;
//   - any of these followed by .split("/"), .pop(), .at(N), [N],
//     .slice(N[, M]) (of a string or of an array), .substring(N[, M]),
//     .join("/"), .toLowerCase(), .replace("ja/", "") or .replaceAll
//     of two literal strings (khides/website-boilerplate's
//     post.slug.replace('ja/', '')), or .replace of a regular
//     expression that is a literal text, anchored or not, and a string
//     (vhopaulo1's post.id.replace(/^en\//, '')); no "$" in the
//     string, which JavaScript would read as a pattern; TypeScript's
//     "!"; at most astroMaxOps of them;
//   - a literal string (lang: 'pt-br', a route of one language's
//     entries).
//
// Anything else (another function, another front matter key, a template
// string) is not read: the route is not followed.

// astroBase is what a parameter's value starts from.
type astroBase uint8

const (
	astroBaseID     astroBase = iota // the entry's id (or slug)
	astroBaseLang                    // its language
	astroBaseNoLang                  // its id without language (a slug helper's)
	astroBasePaper                   // AstroPaper's getPath: the id without its "_" folders
	astroBaseLit                     // a literal string (astroValue.lit)
)

// astroOpKind is one of the methods a value may go through.
type astroOpKind uint8

const (
	astroSplit      astroOpKind = iota // .split("/"): string to array
	astroIndex                         // [a] or .at(a) (a < 0: from the end), .pop(): array to string
	astroSlice                         // .slice(a[, b]), of a string or an array
	astroSubstr                        // .substring(a[, b]) of a string
	astroJoin                          // .join("/"): array to string
	astroLower                         // .toLowerCase()
	astroReplace                       // .replace(from, to) of a string: the first from (at, b: where)
	astroReplaceAll                    // .replaceAll(from, to) of a string
)

// Where a regular expression of a literal text is anchored
// (astroOp.a of astroReplace).
const (
	astroAnywhere = 0
	astroAtStart  = 1 // /^en\//
	astroAtEnd    = 2 // /\.md$/
)

type astroOp struct {
	kind     astroOpKind
	a, b     int
	hasB     bool
	from, to string // astroReplace's
}

// astroValue is a parameter's value: its base, through its methods.
type astroValue struct {
	base astroBase
	lit  string // astroBaseLit's
	ops  []astroOp
}

// Bounds of the scan of a route file (each at most maxConfigSize bytes):
// astroMaxOps methods in one value, astroMaxBindings constants followed
// for one, astroMaxParams parameters in a route's path, astroMaxExpr
// bytes of one value's text.
const (
	astroMaxOps      = 8
	astroMaxBindings = 4
	astroMaxParams   = 4
	astroMaxExpr     = 256
)

var (
	astroIdent     = `[A-Za-z_$][\w$]*`
	astroEntryRef  = regexp.MustCompile(`^` + astroIdent + `\.(id|slug)\b`)
	astroEntryLang = regexp.MustCompile(`^` + astroIdent + `\.data\.(?:lang|language)\b`)
	astroPaperPath = regexp.MustCompile(`^getPath\s*\(\s*` + astroIdent + `\.id\s*,\s*` + astroIdent + `\.filePath\s*,\s*false\s*\)`)
	astroSlugCall  = regexp.MustCompile(`^(` + astroIdent + `)\s*\(\s*` + astroIdent + `\.(?:id|slug)\s*\)`)
	astroIdentOnly = regexp.MustCompile(`^` + astroIdent)
	astroInt       = `(-?\d{1,4})`
	// astroStr is a string literal of at most astroMaxExpr bytes, with
	// no escape, no line break and no ${…} (its text one group of the
	// three, by its quotes).
	astroStr  = `(?:"([^"\\\n]{0,256})"|'([^'\\\n]{0,256})'|` + "`([^`\\\\\\n$]{0,256})`" + `)`
	astroRepl = regexp.MustCompile(`^\.(replace|replaceAll)\(\s*` + astroStr + `\s*,\s*` + astroStr + `\s*\)`)
	// astroReplRe is .replace(/^en\//, "") of a regular expression of
	// letters, digits, "_", "-" and escaped "/", "." or "-", anchored at
	// its start (group 1), its end (3) or neither, "g" or no flag (4).
	astroReplRe   = regexp.MustCompile(`^\.(?:replace|replaceAll)\(\s*/(\^?)((?:[\w-]|\\[/.\-]){1,64})(\$?)/(g?)\s*,\s*` + astroStr + `\s*\)`)
	astroLitAlone = regexp.MustCompile(`^` + astroStr + `$`)
	astroOps      = []struct {
		re   *regexp.Regexp
		kind astroOpKind
	}{
		{regexp.MustCompile(`^\.split\(\s*["'` + "`" + `]/["'` + "`" + `]\s*\)`), astroSplit},
		{regexp.MustCompile(`^\.pop\(\s*\)`), astroIndex},
		{regexp.MustCompile(`^(?:\.at\(\s*` + astroInt + `\s*\)|\[\s*(\d{1,4})\s*\])`), astroIndex},
		{regexp.MustCompile(`^\.slice\(\s*` + astroInt + `\s*(?:,\s*` + astroInt + `\s*)?\)`), astroSlice},
		{regexp.MustCompile(`^\.substring\(\s*(\d{1,4})\s*(?:,\s*(\d{1,4})\s*)?\)`), astroSubstr},
		{regexp.MustCompile(`^\.join\(\s*["'` + "`" + `]/["'` + "`" + `]\s*\)`), astroJoin},
		{regexp.MustCompile(`^\.toLowerCase\(\s*\)`), astroLower},
	}
	// astroTrailer is what a value may end with and mean the same: a
	// TypeScript cast, "|| undefined" (no value: a rest parameter's
	// folder itself).
	astroTrailer = regexp.MustCompile(`\s*(?:\bas\s+string|\|\|\s*undefined)\s*$`)
)

// astroParamReader reads the values of one route file's parameters.
type astroParamReader struct {
	src     []byte
	hasLang bool // the route has a language parameter (a slug helper's condition)
}

// value reads expr, the text of a parameter's value; ok is false when
// it is not of the forms above. array says it is an array (of .split).
func (r astroParamReader) value(expr string, depth int) (v astroValue, array, ok bool) {
	expr = strings.TrimSpace(withoutLineComments(expr))
	for {
		t := strings.TrimSuffix(strings.TrimSpace(astroTrailer.ReplaceAllString(expr, "")), "!")
		if t == expr {
			break
		}
		expr = t
	}
	if len(expr) > astroMaxExpr || depth > astroMaxBindings {
		return v, false, false
	}
	rest := ""
	switch {
	case astroLitAlone.MatchString(expr):
		m := astroLitAlone.FindStringSubmatch(expr)
		v.base, v.lit = astroBaseLit, m[1]+m[2]+m[3]
	case astroPaperPath.MatchString(expr):
		v.base, rest = astroBasePaper, expr[len(astroPaperPath.FindString(expr)):]
	case astroEntryLang.MatchString(expr):
		v.base, rest = astroBaseLang, expr[len(astroEntryLang.FindString(expr)):]
	case astroEntryRef.MatchString(expr):
		v.base, rest = astroBaseID, expr[len(astroEntryRef.FindString(expr)):]
	case astroSlugCall.MatchString(expr):
		m := astroSlugCall.FindStringSubmatch(expr)
		if !r.hasLang || !strings.Contains(strings.ToLower(m[1]), "slug") {
			return v, false, false
		}
		v.base, rest = astroBaseNoLang, expr[len(m[0]):]
	case astroIdentOnly.MatchString(expr):
		name := astroIdentOnly.FindString(expr)
		bound, ok := r.binding(name)
		if !ok {
			return v, false, false
		}
		if v, array, ok = r.value(bound, depth+1); !ok {
			return v, false, false
		}
		v.ops = append([]astroOp(nil), v.ops...)
		rest = expr[len(name):]
	default:
		return v, false, false
	}
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		if rest[0] == '!' {
			rest = rest[1:]
			continue
		}
		found := false
		for _, o := range astroOps {
			m := o.re.FindStringSubmatch(rest)
			if m == nil {
				continue
			}
			op := astroOp{kind: o.kind}
			switch o.kind {
			case astroSplit:
				if array {
					return v, false, false
				}
				array = true
			case astroIndex, astroJoin:
				if !array {
					return v, false, false
				}
				array = false
				op.a = -1 // .pop()
				if len(m) > 2 {
					if m[1] != "" {
						op.a, _ = strconv.Atoi(m[1])
					} else {
						op.a, _ = strconv.Atoi(m[2])
					}
				}
			case astroSlice, astroSubstr:
				op.a, _ = strconv.Atoi(m[1])
				if m[2] != "" {
					op.b, _ = strconv.Atoi(m[2])
					op.hasB = true
				}
				if o.kind == astroSubstr && array {
					return v, false, false
				}
			case astroLower:
				if array {
					return v, false, false
				}
			}
			v.ops = append(v.ops, op)
			rest, found = rest[len(m[0]):], true
			break
		}
		if m := astroRepl.FindStringSubmatch(rest); !found && m != nil {
			to := m[5] + m[6] + m[7]
			if array || strings.Contains(to, "$") {
				return v, false, false // of an array; a replacement pattern
			}
			op := astroOp{kind: astroReplace, from: m[2] + m[3] + m[4], to: to}
			if m[1] == "replaceAll" {
				op.kind = astroReplaceAll
			}
			v.ops = append(v.ops, op)
			rest, found = rest[len(m[0]):], true
		}
		if m := astroReplRe.FindStringSubmatch(rest); !found && m != nil {
			to := m[5] + m[6] + m[7]
			if array || strings.Contains(to, "$") {
				return v, false, false
			}
			op := astroOp{kind: astroReplace, from: strings.ReplaceAll(m[2], `\`, ""), to: to}
			if m[1] != "" {
				op.a |= astroAtStart
			}
			if m[3] != "" {
				op.a |= astroAtEnd
			}
			if m[4] != "" && op.a == astroAnywhere {
				op.kind = astroReplaceAll
			}
			v.ops = append(v.ops, op)
			rest, found = rest[len(m[0]):], true
		}
		if !found || len(v.ops) > astroMaxOps {
			return v, false, false
		}
	}
	return v, array, true
}

// binding is the text name is bound to in the route file: `const name =
// expr` (to the line's end or a ";"), or an element of `const [a,
// ...name] = expr`, made expr[i] or expr.slice(i); ok is false unless
// the file binds it once.
func (r astroParamReader) binding(name string) (string, bool) {
	q := regexp.QuoteMeta(name)
	simple := regexp.MustCompile(`\b(?:const|let|var)\s+` + q + `\s*(?::\s*string\s*)?=\s*([^;\n]+)`)
	all := simple.FindAllSubmatch(r.src, 2)
	destr := astroDestructure.FindAllSubmatch(r.src, 16)
	var found []string
	for _, m := range all {
		found = append(found, string(m[1]))
	}
	for _, m := range destr {
		for i, el := range strings.Split(string(m[1]), ",") {
			el = strings.TrimSpace(el)
			switch {
			case el == name:
				found = append(found, "("+string(m[2])+")["+strconv.Itoa(i)+"]")
			case el == "..."+name:
				found = append(found, "("+string(m[2])+").slice("+strconv.Itoa(i)+")")
			}
		}
	}
	if len(found) == 0 && (name == "id" || name == "slug") {
		// The entry's own, destructured by the callback that maps the
		// entries (entries.map(async ({ id, data }) => …), homimemo's):
		// one such callback in the file.
		var maps int
		for _, m := range astroMapDestructure.FindAllSubmatch(r.src, 4) {
			for _, el := range strings.Split(string(m[1]), ",") {
				if strings.TrimSpace(el) == name {
					maps++
				}
			}
		}
		if maps == 1 {
			found = append(found, "entry."+name)
		}
	}
	if len(found) != 1 {
		return "", false
	}
	return unwrapParens(found[0]), true
}

// astroMapDestructure is a .map callback destructuring its argument,
// .map(async ({ id, data }) =>: its names.
var astroMapDestructure = regexp.MustCompile(`\.map\(\s*(?:async\s*)?\(\s*\{([\w$\s,]{1,200})\}\s*\)\s*=>`)

// astroDestructure is `const [a, ...b] = expr`: its names, its value.
var astroDestructure = regexp.MustCompile(`\b(?:const|let|var)\s*\[([\w$\s,.]{1,200})\]\s*=\s*([^;\n]+)`)

// unwrapParens is s with "(x)" written x when x is a whole value that
// the methods after it apply to: "(post.id.split('/'))[0]" is
// "post.id.split('/')[0]".
func unwrapParens(s string) string {
	if !strings.HasPrefix(s, "(") {
		return s
	}
	depth := 0
	for i, ch := range s {
		switch ch {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				inner := strings.TrimSpace(s[1:i])
				if strings.ContainsAny(inner, "|&?:+ ") && !astroEntryRef.MatchString(inner) && !astroIdentOnly.MatchString(inner) {
					return s
				}
				return inner + s[i+1:]
			}
		}
	}
	return s
}

// eval is v's value for an entry of id (capsule's: its path from its
// collection's folder, without extension) in language lang; ok is false
// when it gives no text (an index out of range leaves the route).
func (v astroValue) eval(id, lang string) (string, bool) {
	var s string
	switch v.base {
	case astroBaseID:
		s = id
	case astroBaseLang:
		s = lang
	case astroBaseLit:
		s = v.lit
	case astroBaseNoLang:
		s = idWithoutLang(id, lang)
	case astroBasePaper:
		parts := strings.Split(id, "/")
		var kept []string
		for _, p := range parts[:len(parts)-1] {
			if !strings.HasPrefix(p, "_") {
				kept = append(kept, p)
			}
		}
		s = strings.Join(append(kept, parts[len(parts)-1]), "/")
	}
	var arr []string
	isArray := false
	for _, op := range v.ops {
		switch op.kind {
		case astroSplit:
			arr, isArray = strings.Split(s, "/"), true
		case astroIndex:
			i := op.a
			if i < 0 {
				i += len(arr)
			}
			if i < 0 || i >= len(arr) {
				return "", false
			}
			s, isArray = arr[i], false
		case astroJoin:
			s, isArray = strings.Join(arr, "/"), false
		case astroSlice, astroSubstr:
			// A string's characters, as JavaScript counts them for
			// text of one plane (an id's), not its bytes.
			runes := []rune(s)
			n := len(runes)
			if isArray {
				n = len(arr)
			}
			a, b := op.a, n
			if op.hasB {
				b = op.b
			}
			if op.kind == astroSlice {
				if a < 0 {
					a += n
				}
				if b < 0 {
					b += n
				}
			} else if a > b {
				a, b = b, a // substring swaps them
			}
			a, b = max(0, min(a, n)), max(0, min(b, n))
			if b < a {
				b = a
			}
			if isArray {
				arr = arr[a:b]
			} else {
				s = string(runes[a:b])
			}
		case astroLower:
			s = strings.ToLower(s)
		case astroReplace:
			switch op.a {
			case astroAnywhere:
				s = strings.Replace(s, op.from, op.to, 1)
			case astroAtStart:
				if rest, ok := strings.CutPrefix(s, op.from); ok {
					s = op.to + rest
				}
			case astroAtEnd:
				if rest, ok := strings.CutSuffix(s, op.from); ok {
					s = rest + op.to
				}
			default:
				if s == op.from {
					s = op.to
				}
			}
		case astroReplaceAll:
			s = strings.ReplaceAll(s, op.from, op.to)
		}
	}
	return s, !isArray
}

// idWithoutLang is id (alpha/index.ja, alpha.ja, alpha) without its
// language lang and the name of an index file: alpha.
func idWithoutLang(id, lang string) string {
	dir, name := path2(id)
	if lang != "" {
		if base, ok := strings.CutSuffix(strings.ToLower(name), "."+strings.ToLower(lang)); ok {
			name = name[:len(base)]
		}
	}
	if name == "index" && dir != "" {
		return dir
	}
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// path2 is id's folders and last element.
func path2(id string) (dir, name string) {
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		return id[:i], id[i+1:]
	}
	return "", id
}

// withoutLineComments is s without its comments to a line's end, which a
// value ends before: a "//" outside a string, and not after a "\" (the
// /^en\// of a regular expression, whose "\/" is its "/").
func withoutLineComments(s string) string {
	if !strings.Contains(s, "//") {
		return s
	}
	var b strings.Builder
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\\' && i+1 < len(s):
			b.WriteByte(ch)
			i++
			ch = s[i]
		case quote != 0:
			if ch == quote || ch == '\n' {
				quote = 0
			}
		case ch == '"' || ch == '\'' || ch == '`':
			quote = ch
		case ch == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			if i < len(s) {
				b.WriteByte('\n')
			}
			continue
		}
		b.WriteByte(ch)
	}
	return b.String()
}
