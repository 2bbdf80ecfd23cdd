package content

// Jekyll's {% include file.html %}, and {% include file.html x="…" %}.
//
// Jekyll reads the file from the site's _includes folder, runs its Liquid
// and puts what it gives where the tag was, before the post's Markdown is
// converted: an include's text is the post's text, Markdown or HTML
// alike, whatever its extension. capsule does the same (toshimaru's {%
// include digitalocean.html %}, a paragraph and a linked image at the
// end of three posts): its text takes the tag's place and is expanded as
// the post's own (a {{ site.x }} in it, an include in it), and the HTML
// in it is read as any HTML of the post.
//
// A file's {{ include.x }} is the tag's parameter x, when the tag gives
// it as Jekyll reads a string ("…" or '…', \" unescaped), a number or
// true (none: empty, as Liquid's nil; a tag without parameters in an
// include: the parameters of that include, as Jekyll's context), through
// filters whose outcome is its text (includeFilter). An include whose
// file reads its parameters otherwise (a condition, a loop, another
// filter), or whose tag gives one it reads as a variable (x=page.title)
// other than one the post's capture or assign bound (liquidvars.go: its
// value), is what shortcodes.go makes of the tag's parameters, with a
// warning.
//
// capsule runs no Liquid logic, so what a file shows is told from its
// text (includeShape):
//   - a file that would show a reader nothing, whatever its logic
//     decides — scripts, styles, HTML comments, {% capture %} and
//     {% comment %} blocks, Liquid tags, elements without text, and no
//     {{ output }}, image, link or embed outside them (an ad's <ins> and
//     <script>, an analytics snippet, Jekyll Bootstrap's JB/setup of
//     assigns) — is left out, warned of by its own kind, which the logs
//     count as one line ("Liquid include shows nothing");
//   - a file with text for readers behind Liquid logic ({% if %},
//     {% for %}, {% assign %}…) is left out with a warning saying so:
//     its text is what the logic decides, which capsule cannot;
//   - any other is put in.
//
// {% include_relative file.md %} is the same of a file in the post's
// own folder (Jekyll's: the folder of the page's path), or below it: its
// name is checked as an include's, so that no ".." leads up.
//
// Only files inside the site are read: the name is checked as Jekyll
// checks it (no "..", "./", "//", only the characters Jekyll allows), and
// a file that is a symbolic link, or under one, must lead inside the
// site's folder, as any file capsule serves. Nothing read is served by
// itself: its text is in the posts that include it, as Jekyll puts it
// there; and no secret capsule never serves (a key, a password's file,
// a configuration holding a credential) is read. A theme's _includes
// (in a gem) are not read.
//
// Bounds: a file of more than maxIncludeFile bytes is not read; at most
// maxIncludeFiles distinct files a load; includes nest at most
// maxIncludeDepth deep; at most maxIncludesPerPost are put in one post;
// and what includes and the site's variables put in a post together is
// at most half its size and 4 KiB (scExpander.varRoom), so that every
// byte of a post still costs what it did.
//
// A reload compares every file read (or looked for and not found) with
// what it was (includeFiles.same): posts taken from the last load
// (reusePosts) are taken only when their includes are as they were.

import (
	"bytes"
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

const (
	// maxIncludeFile bounds the size of one include's file: a block of
	// text or a widget is some hundreds of bytes.
	maxIncludeFile = 64 << 10
	// maxIncludeFiles bounds the distinct files read in one load, each
	// kept for the load and compared on the next.
	maxIncludeFiles = 256
	// maxIncludeDepth bounds includes in includes (a file including
	// itself stops there).
	maxIncludeDepth = 4
	// maxIncludesPerPost bounds the includes put in one post, those in
	// includes counted.
	maxIncludesPerPost = 64
)

// includeShape is what capsule makes of an include's file.
type includeShape int

const (
	includeIsText       includeShape = iota // put in
	includeTakesParams                      // names include.*: read from the tag's parameters
	includeShowsNothing                     // shows readers nothing
	includeHasLogic                         // text behind Liquid logic
)

// includeFile is one file looked for in _includes.
type includeFile struct {
	dir     string // "_includes", or a post's folder (include_relative)
	name    string
	data    []byte // nil when not read
	text    []byte // what is put in: data without kramdown's markup
	problem string // why it was not read, "" when read
	missing bool   // no such file
	badName bool   // a name Jekyll refuses: not looked for
	shape   includeShape
	logic   string // the first logic tag's name, for includeHasLogic
	// params: the file names include.*; uses, the parameters its
	// outputs fill ({{ include.x }}, includeUses), when every include.*
	// in it is such an output (else its shape is includeTakesParams).
	params bool
	uses   []string
}

// includeFiles reads a Jekyll site's includes for one load, each once.
type includeFiles struct {
	site  string // the site's folder
	root  string // site with symbolic links resolved, "" until needed
	files map[string]*includeFile
	order []string // folder NUL name, as first looked for
}

func newIncludeFiles(site string) *includeFiles {
	return &includeFiles{site: site}
}

// includesDir is the folder of Jekyll's includes, in the site.
const includesDir = "_includes"

// postDir is the folder of the post file in the site, slash-separated
// ("." for the site's top), where its include_relative's files are
// (Jekyll's: the folder of the page's path); "" when it is not in the
// site.
func (s *includeFiles) postDir(file string) string {
	rel, err := filepath.Rel(s.site, filepath.Dir(file))
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return ""
	}
	return filepath.ToSlash(rel)
}

// includeName is a name Jekyll's include takes: its characters, and no
// "..", "./", "//" or "/." (Jekyll's validate_file_name).
var (
	includeNameChars = regexp.MustCompile(`^[\w/.\-()+~#@]+$`)
	includeNameBad   = regexp.MustCompile(`[./]{2,}`)
)

// file is the include name of the folder dir (includesDir, or a post's
// folder for include_relative, slash-separated, relative to the site),
// read or looked for once a load.
func (s *includeFiles) file(dir, name string) *includeFile {
	key := dir + "\x00" + name
	if f, ok := s.files[key]; ok {
		return f
	}
	f := &includeFile{dir: dir, name: name}
	switch {
	case len(name) > 255 || !includeNameChars.MatchString(name) || includeNameBad.MatchString(name) || strings.HasPrefix(name, "/"):
		f.problem, f.badName = "its name is not one Jekyll takes (only letters, digits and _ / . - ( ) + ~ # @, no \"..\")", true
	case len(s.files) >= maxIncludeFiles:
		f.problem = "more than 256 include files in the site: not read"
		return f // not kept: not compared on a reload either
	default:
		f.data, f.missing, f.problem = s.read(dir, name)
		if f.data != nil {
			f.shape, f.logic = shapeOfInclude(f.data)
			if f.params = bytes.Contains(f.data, []byte("include.")); f.params {
				var fill bool
				if f.uses, fill = includeUses(f.data); !fill || f.shape != includeIsText {
					// Parameters read by logic, or by filters
					// capsule does not apply: what shortcodes.go
					// makes of the tag's parameters.
					f.shape = includeTakesParams
				}
			}
		}
		if f.data != nil && f.shape == includeIsText {
			// What kramdown leaves out of the page (attribute lists,
			// abbreviations), left out of the include's text as of
			// the post's (dropMarkup, before the post's templates are
			// expanded).
			f.text = dropMarkup(f.data, true, false)
		}
	}
	if s.files == nil {
		s.files = make(map[string]*includeFile)
	}
	s.files[key] = f
	s.order = append(s.order, key)
	return f
}

// read reads dir/name, if it is a regular file of at most
// maxIncludeFile bytes inside the site, and no secret: not a key, a
// password's file or a configuration holding a credential, which
// capsule never serves (exclude.go, credentials.go).
func (s *includeFiles) read(dir, name string) (data []byte, missing bool, problem string) {
	p := filepath.Join(s.site, filepath.FromSlash(dir), filepath.FromSlash(name))
	info, err := os.Stat(p)
	switch {
	case (errors.Is(err, fs.ErrNotExist) || err == nil && info.IsDir()) && dir == includesDir:
		return nil, true, "no such file in the site's _includes (a theme's includes are not read)"
	case errors.Is(err, fs.ErrNotExist) || err == nil && info.IsDir():
		return nil, true, "no such file in the post's folder"
	case err == nil && secretFileProblem(name) != "":
		return nil, false, secretFileProblem(name) + ": not read"
	case err != nil:
		return nil, false, readProblem(err, false)
	case !info.Mode().IsRegular():
		return nil, false, kindOf(info.Mode(), false) + ", not a file"
	case info.Size() > maxIncludeFile:
		return nil, false, "larger than 64 KiB: not read"
	}
	if s.root == "" {
		if r, err := filepath.EvalSymlinks(s.site); err == nil {
			s.root, _ = filepath.Abs(r)
		}
	}
	real, err := filepath.EvalSymlinks(p)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil || s.root == "" || !strings.HasPrefix(real, s.root+string(filepath.Separator)) {
		return nil, false, "it leads outside the site: not read"
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, false, readProblem(err, false)
	}
	defer f.Close()
	data, err = readSized(f, info.Size(), maxIncludeFile)
	if err != nil {
		return nil, false, readProblem(err, false)
	}
	if len(data) > maxIncludeFile {
		return nil, false, "larger than 64 KiB: not read"
	}
	if keyScan(data) != "" || credentialKey(name, data) != "" {
		return nil, false, "it holds a key or a credential, which capsule never serves: not read"
	}
	if data == nil {
		data = []byte{}
	}
	return data, false, ""
}

// same reports whether every file looked for is as it was: the same
// bytes, or still not there, or still not read for the same reason.
func (s *includeFiles) same() bool {
	if s == nil {
		return true
	}
	for _, key := range s.order {
		f := s.files[key]
		if f.badName {
			continue // the same name, the same problem
		}
		data, missing, problem := s.read(f.dir, f.name)
		if missing != f.missing || problem != f.problem || !bytes.Equal(data, f.data) {
			return false
		}
	}
	return true
}

// includeLogicTags are Liquid's tags whose outcome capsule does not
// know: conditions, loops, variables.
var includeLogicTags = map[string]bool{
	"if": true, "elsif": true, "else": true, "unless": true, "case": true, "when": true,
	"for": true, "tablerow": true, "break": true, "continue": true, "cycle": true,
	"assign": true, "capture": true, "increment": true, "decrement": true, "include": false,
}

// includeHidden are what a reader never sees besides Liquid's blocks
// (hiddenLiquid): HTML comments, scripts, styles.
var includeHidden = regexp.MustCompile(`(?s)<!--.*?-->|(?i:<script\b.*?</script\s*>|<style\b.*?</style\s*>|<noscript\b.*?</noscript\s*>)`)

// hiddenLiquid is data without Liquid's comment and capture blocks (a
// capture's text shows only where it is output), nested ones within
// them: the tags outside them and the text between.
func hiddenLiquid(data []byte) []byte {
	out := make([]byte, 0, len(data))
	depth, from := 0, 0
	for _, m := range includeLiquidTag.FindAllSubmatchIndex(data, -1) {
		switch name := string(data[m[2]:m[3]]); name {
		case "comment", "capture":
			if depth == 0 {
				out = append(out, data[from:m[0]]...)
			}
			depth++
		case "endcomment", "endcapture":
			if depth > 0 {
				depth--
				if depth == 0 {
					from = m[1]
				}
			}
		}
	}
	if depth == 0 {
		out = append(out, data[from:]...)
	}
	return out
}

var (
	includeLiquidTag = regexp.MustCompile(`(?s)\{%-?\s*([A-Za-z_]*).*?%\}`)
	includeOutput    = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	// includeShown are the elements shown without text: images, links,
	// embeds (capsule writes a link for each).
	includeShown = regexp.MustCompile(`(?i)<(?:img|a\s[^>]*href|iframe|video|audio|embed|object|source)\b`)
	includeTag   = regexp.MustCompile(`(?s)<[^>]*>`)
)

// shapeOfInclude tells what an include's file shows (see the top of
// this file).
func shapeOfInclude(data []byte) (includeShape, string) {
	seen := includeHidden.ReplaceAll(hiddenLiquid(data), nil)
	text := includeTag.ReplaceAll(seen, nil) // (an output in an attribute is no text)
	shows := includeOutput.Match(text) || includeShown.Match(seen)
	logic := ""
	for _, m := range includeLiquidTag.FindAllSubmatch(seen, -1) {
		name := string(m[1])
		if name == "include" || name == "raw" || name == "highlight" || name == "link" || name == "post_url" {
			shows = true // what it gives, capsule expands
		}
		if logic == "" && includeLogicTags[name] {
			logic = name
		}
	}
	if !shows {
		shows = len(bytes.TrimSpace(includeLiquidTag.ReplaceAll(text, nil))) > 0
	}
	switch {
	case !shows:
		return includeShowsNothing, ""
	case logic == "":
		return includeIsText, ""
	}
	return includeHasLogic, logic
}

// includeParamOutput is an output of an include's parameter, {{
// include.x }} with filters or none; includeFilterRe one filter.
var (
	includeParamOutput = regexp.MustCompile(`\{\{-?\s*include\.([\w-]+)\s*((?:\|[^{}|]*)*?)-?\}\}`)
	includeFilterRe    = regexp.MustCompile(`^\s*([a-z_]+)\s*(?::\s*(?:"([^"]*)"|'([^']*)')\s*)?$`)
)

// includeUses are the parameters the outputs of an include's file fill,
// and whether they are all it reads of them: every include.* in it is
// such an output, whose filters, if any, are plain (includeFilter).
// What else reads them (a condition, a loop, a filter capsule does not
// apply, a parameter handed on to an include of its own) is logic.
func includeUses(data []byte) (uses []string, fill bool) {
	n := 0
	for _, m := range includeParamOutput.FindAllSubmatch(data, -1) {
		for _, f := range strings.Split(string(m[2]), "|")[1:] {
			if _, ok := includeFilter(liquidValue{}, f); !ok {
				return nil, false
			}
		}
		if k := string(m[1]); !slices.Contains(uses, k) {
			uses = append(uses, k)
		}
		n++
	}
	return uses, n == bytes.Count(data, []byte("include."))
}

// includeFilter applies to v the Liquid filter f ("markdownify",
// "default: 'x'"), when it is one whose outcome is v's text, or
// reports false. markdownify's Markdown is left for the post's Markdown
// to read, as any Markdown the include puts in.
func includeFilter(lv liquidValue, f string) (liquidValue, bool) {
	m := includeFilterRe.FindStringSubmatch(f)
	if m == nil {
		return liquidValue{}, false
	}
	v := lv.text
	arg, hasArg := m[2]+m[3], strings.Contains(f, ":")
	text := func(s string) (liquidValue, bool) {
		return liquidValue{text: s}, true // text now: false's is "false"
	}
	switch name := m[1]; {
	case hasArg && name != "default":
		return liquidValue{}, false
	case name == "markdownify" || name == "relative_url" || name == "absolute_url":
		return text(v)
	case name == "strip":
		return text(strings.TrimSpace(v))
	case name == "lstrip":
		return text(strings.TrimLeft(v, " \t\n\r\v\f"))
	case name == "rstrip":
		return text(strings.TrimRight(v, " \t\n\r\v\f"))
	case name == "escape" || name == "xml_escape":
		return text(html.EscapeString(v))
	case name == "escape_once":
		return text(liquidEscapeOnce(v))
	case name == "upcase":
		return text(strings.ToUpper(v))
	case name == "downcase":
		return text(strings.ToLower(v))
	case name == "default" && hasArg:
		// Liquid 4's (Jekyll's "liquid ~> 4.0"): the argument for
		// nil, false or an empty string (!input || input.empty?).
		// (Liquid 5's allow_false is a third argument, which Liquid 4
		// refuses and includeFilterRe does not read.)
		if lv.isFalse || v == "" {
			return text(arg)
		}
		return lv, true
	}
	return liquidValue{}, false
}

// liquidValue is the value of an include's parameter as its outputs
// read it: its text ("false" for false, "" for nil), and whether it is
// false, which Liquid's default replaces as it does nil (a string
// "false" it keeps).
type liquidValue struct {
	text    string
	isFalse bool
}

// liquidEscapeOnce is Liquid's escape_once of v: escape's, but for an
// "&" that starts an entity already (&amp;, &#38;), so that text escaped
// once is not escaped again. Liquid's test of an entity is a name of
// letters or decimal digits after "#", then ";" (not &#x26;).
func liquidEscapeOnce(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '&':
			j := i + 1
			if j < len(v) && v[j] == '#' {
				for j++; j < len(v) && '0' <= v[j] && v[j] <= '9'; j++ {
				}
				if j > i+2 && j < len(v) && v[j] == ';' {
					b.WriteByte(c)
					continue
				}
			} else {
				for ; j < len(v) && ('a' <= v[j]|0x20 && v[j]|0x20 <= 'z'); j++ {
				}
				if j > i+1 && j < len(v) && v[j] == ';' {
					b.WriteByte(c)
					continue
				}
			}
			b.WriteString("&amp;")
		case '<', '>', '"', '\'':
			b.WriteString(html.EscapeString(string(c)))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// maxIncludeParams bounds the parameters read from one include's tag
// (a tag is at most maxShortcodeTag bytes too); Jekyll's own syntax,
// key="…" key='…' (backslash escapes) or key=word.
const maxIncludeParams = 32

var includeParamRe = regexp.MustCompile(`^\s*([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([\w.-]+))(?:\s+|$)`)

// includeParams are the parameters of an include's tag, as Jekyll's
// include reads them: a string's text (\" and \' unescaped), a
// number's or true's, nil's as empty; a variable's is not known here:
// its key in vars, with the variable's name. ok is false for parameters Jekyll refuses (its
// build stops there) or more than maxIncludeParams.
func includeParams(s string) (vals map[string]liquidValue, vars map[string]string, ok bool) {
	vals, vars = map[string]liquidValue{}, map[string]string{}
	s = strings.TrimSpace(s)
	for n := 0; s != ""; n++ {
		m := includeParamRe.FindStringSubmatchIndex(s)
		if m == nil || n >= maxIncludeParams {
			return nil, nil, false
		}
		k := s[m[2]:m[3]]
		delete(vars, k)
		switch {
		case m[4] >= 0:
			vals[k] = liquidValue{text: strings.ReplaceAll(s[m[4]:m[5]], `\"`, `"`)}
		case m[6] >= 0:
			vals[k] = liquidValue{text: strings.ReplaceAll(s[m[6]:m[7]], `\'`, `'`)}
		default:
			w := s[m[8]:m[9]]
			if i, err := strconv.ParseInt(w, 10, 64); err == nil {
				vals[k] = liquidValue{text: strconv.FormatInt(i, 10)}
			} else if w == "true" || w == "false" {
				vals[k] = liquidValue{text: w, isFalse: w == "false"}
			} else if w == "nil" || w == "null" {
				vals[k] = liquidValue{}
			} else {
				delete(vals, k)
				vars[k] = w
			}
		}
		s = s[m[1]:]
	}
	return vals, vars, true
}

// include puts in the text of the include at p of the file target, as
// Jekyll does, or leaves it out with a warning (see the top of this
// file). params are the tag's parameters: an include.x in the file is
// the value of its parameter x (none, the empty string), when the tag
// gives x as a string, a number, true or false, and the file reads it
// in outputs alone (includeUses). It reports false for a file it leaves
// to the tag's parameters (one reading them otherwise, or given one as
// a variable), or one it could not read: the caller's warning says why,
// why when it is not the file's problem.
func (e *scExpander) include(p int, tagName, target, params string) (put bool, why string) {
	if strings.Contains(target, "{{") {
		return false, "" // a name held in a variable
	}
	dir := includesDir
	if tagName == "include_relative" {
		if dir = e.postDir; dir == "" {
			return false, "the post's folder is not in the site"
		}
	}
	f := e.inc.file(dir, target)
	if f.data == nil || f.shape == includeTakesParams {
		return false, ""
	}
	vals := e.params // a tag without parameters: those of the include it is in, as Jekyll's
	if strings.TrimSpace(params) != "" {
		given, vars, ok := includeParams(params)
		if !ok {
			return false, "its parameters are not written as Jekyll reads them (key=\"text\")"
		}
		for _, k := range f.uses {
			if lv, ok := e.local(vars[k]); ok {
				// A variable the post bound (liquidvars.go).
				given[k] = lv.liquidValue
			} else if vars[k] != "" {
				return false, "its parameter " + scShort(k) + " is a variable, which capsule does not know"
			}
		}
		vals = given
	}
	tag := "{% " + tagName + " " + scShort(target) + " %}"
	switch {
	case f.shape == includeShowsNothing:
		e.warn(p, "Liquid include shows nothing", "%s left out: its file shows readers nothing (scripts, styles, Liquid logic, elements without text)", tag)
	case f.shape == includeHasLogic:
		e.warn(p, "Liquid include not run", "%s dropped: what it shows depends on Liquid logic ({%% %s %%}), which capsule does not run", tag, f.logic)
	case e.incDepth >= maxIncludeDepth:
		e.warn(p, "Liquid include over its bound", "%s dropped: includes nest more than %d deep", tag, maxIncludeDepth)
	case *e.incCount >= maxIncludesPerPost:
		e.warn(p, "Liquid include over its bound", "%s dropped: more than %d includes in one post", tag, maxIncludesPerPost)
	case len(f.text) > e.varRoom:
		e.warn(p, "Liquid include over its bound", "%s dropped: includes and the site's variables would add more than half the post's size (and 4 KiB) to it", tag)
	default:
		*e.incCount++
		e.varRoom -= len(f.text)
		line := e.atLine
		if line == 0 {
			line = e.lineAt(p)
		}
		s := newScExpander(f.text, line, e.ref, e.title, e.vars, e.noLiquid, e.depth)
		s.inc, s.incDepth, s.incCount, s.atLine, s.varRoom, s.postDir = e.inc, e.incDepth+1, e.incCount, line, e.varRoom, e.postDir
		s.params, s.locals = vals, e.locals
		if s.params == nil {
			s.params = map[string]liquidValue{} // include.x: nil, an empty output
		}
		s.warns, e.warns = e.warns, Warnings{} // its warnings are e's, bounded with them
		if bytes.Contains(f.text, []byte("{{")) || bytes.Contains(f.text, []byte("{%")) {
			s.run()
		} else {
			s.out = append(s.out, f.text...)
		}
		e.warns, e.varRoom = s.warns, s.varRoom
		if e.track {
			e.syncFlat(line) // its lines are its tag's
		}
		e.out = append(e.out, s.out...)
	}
	return true, ""
}
