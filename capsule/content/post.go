package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Post is one blog post: its front matter and its Markdown, parsed once.
type Post struct {
	File    string    // path of the source file, for messages
	Slug    string    // ASCII, from the file name unless front matter sets it
	Title   string    // required
	Date    time.Time // required; midnight in the site's zone for a bare date
	Updated time.Time // when last changed; Date unless front matter sets it
	Tags    []string
	Summary string
	Lang    string // the site's language unless front matter sets it
	Draft   bool
	// Page is a standalone page (front matter page = true): no date
	// needed, not in the post list, feeds, tags, archive or search.
	Page bool

	Body     []byte // the Markdown after the front matter
	BodyLine int    // line of File on which Body starts
}

// frontMatter is the TOML a post starts with.
type frontMatter struct {
	Title   string   `toml:"title"`
	Date    any      `toml:"date"`
	Updated any      `toml:"updated"`
	Tags    []string `toml:"tags"`
	Summary string   `toml:"summary"`
	Slug    string   `toml:"slug"`
	Lang    string   `toml:"lang"`
	Draft   bool     `toml:"draft"`
	Page    bool     `toml:"page"`
}

// slugPattern is what a slug may look like: it appears in URLs and gopher
// selectors, so it stays ASCII and free of separators.
var slugPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Line returns the line of p's file that holds byte offset off of Body.
func (p *Post) Line(off int) int {
	off = min(max(off, 0), len(p.Body))
	return p.BodyLine + bytes.Count(p.Body[:off], []byte("\n"))
}

// parsePost decodes one normalized post file. slug is the default slug (the
// file name without ".md"). It returns every problem it finds, and warnings
// for what it ignores.
func parsePost(file string, src []byte, slug string, loc *time.Location, lang string) (*Post, []*FileError, []*FileError) {
	var errs, warns []*FileError
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &FileError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	front, body, bodyLine, ferr := splitFrontMatter(src)
	if ferr != nil {
		ferr.File = file
		return nil, []*FileError{ferr}, nil
	}
	// Front matter lines are numbered from 2: line 1 is the "+++".
	const frontStart = 2

	var fm frontMatter
	md, err := toml.Decode(string(front), &fm)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			fail(frontStart+perr.Position.Line-1, "front matter: %s", perr.Message)
		} else {
			fail(1, "front matter: %v", DecodeMessage(err))
		}
		return nil, errs, nil
	}
	for _, key := range md.Undecoded() {
		warns = append(warns, &FileError{File: file, Line: frontStart + KeyLine(front, key[0]) - 1,
			Msg: fmt.Sprintf("unknown front matter key %q ignored", key.String())})
	}

	p := &Post{File: file, Slug: slug, Title: oneLine(fm.Title), Tags: fm.Tags,
		Summary: fm.Summary, Lang: lang, Draft: fm.Draft, Body: body, BodyLine: bodyLine}
	if p.Title == "" {
		fail(lineOr(front, "title", frontStart), "front matter: title is required")
	}
	p.Page = fm.Page
	if fm.Date == nil {
		if !p.Page {
			fail(1, "front matter: date is required (e.g. date = 2017-05-03), unless page = true")
		}
	} else if d, err := parseDate(fm.Date, loc); err != nil {
		fail(lineOr(front, "date", frontStart), "front matter: %v", err)
	} else {
		p.Date = d
	}
	p.Updated = p.Date
	if fm.Updated != nil {
		if d, err := parseDate(fm.Updated, loc); err != nil {
			fail(lineOr(front, "updated", frontStart), "front matter: updated: %v", err)
		} else {
			p.Updated = d
		}
	}
	if fm.Slug != "" {
		p.Slug = fm.Slug
	}
	if !slugPattern.MatchString(p.Slug) {
		line := 1
		if fm.Slug != "" {
			line = lineOr(front, "slug", frontStart)
		}
		fail(line, "slug %q is not ASCII letters, digits, '.', '-' and '_': rename the file or set slug = \"…\"", p.Slug)
	}
	if fm.Lang != "" {
		p.Lang = fm.Lang
	}
	for i, t := range p.Tags {
		p.Tags[i] = strings.TrimSpace(t)
		if p.Tags[i] == "" || strings.ContainsAny(t, "/\t\r\n") {
			fail(lineOr(front, "tags", frontStart), "front matter: tag %q is empty or has '/', TAB or a line break", t)
		}
	}
	if len(errs) > 0 {
		return nil, errs, warns
	}
	return p, nil, warns
}

// lineOr is the file line of key in front, or line 1 (the "+++") if the key
// is missing.
func lineOr(front []byte, key string, frontStart int) int {
	if l := KeyLine(front, key); l > 0 {
		return frontStart + l - 1
	}
	return 1
}

// DecodeMessage shortens BurntSushi/toml's type errors.
func DecodeMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "toml: ")
}

// parseDate accepts a TOML date, a TOML datetime or a "YYYY-MM-DD" string.
// BurntSushi/toml gives local dates and datetimes in the machine's zone;
// their wall clock is reread in loc so that output never depends on the
// machine.
func parseDate(v any, loc *time.Location) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		switch d.Location().String() {
		case "date-local", "datetime-local":
			return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond(), loc), nil
		case "time-local":
			return time.Time{}, errors.New("date is a time of day without a date")
		}
		return d, nil
	case string:
		t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(d), loc)
		if err != nil {
			return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD", d)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date must be a TOML date or \"YYYY-MM-DD\", not %T", v)
}

// oneLine folds line breaks and TABs into spaces: titles and tags end up in
// headings, menu fields and link lines, which are one line each.
func oneLine(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch r {
		case '\r', '\n', '\t', 0:
			return ' '
		}
		return r
	}, s))
}
