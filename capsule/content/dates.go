package content

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates are read as leniently as the generators that wrote them: Hugo
// (spf13/cast's ToTime) and Jekyll (Ruby's Time.parse) accept more than
// RFC 3339, and real blogs use what they accept: "2022-03-06
// 00:00:00+0000" in a theme's own demo, "2016-4-25 0:7", "2014/09/02",
// "Sep 2, 2014". A date without a zone is read in the site's zone.

// isoDate is the family of numeric dates real front matter holds: a
// year, a month and a day (one or two digits, "-" or "/" between them),
// then maybe a time (hours and minutes of one or two digits, seconds,
// fractions), after "T" or spaces, then maybe a zone ("Z", "+0900",
// "+09:00", "+09", "UTC"/"JST"/"GMT" and other names, an offset after a
// space).
var isoDate = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})` +
	`(?:(?:T|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?)?` +
	`\s*(Z|z|[+-]\d{2}:?\d{2}|[+-]\d{1,3}|[A-Za-z]{2,5})?$`)

// textLayouts are the other forms Hugo's cast.ToTime accepts, and the
// month-name forms of Time.parse that blogs use.
var textLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
	time.ANSIC, time.UnixDate, time.RubyDate,
	"2006-01-02 15:04:05.999999999 -0700 MST", // Go's time.Time.String
	"02 Jan 2006", "2 Jan 2006", "2 January 2006",
	"Jan 2, 2006", "January 2, 2006", "Jan 2 2006", "January 2 2006",
	"Jan 2, 2006 15:04", "January 2, 2006 15:04", "Mon, 2 Jan 2006", "Monday, January 2, 2006",
	// Month first, as JavaScript's Date reads "03/18/2024" (Astro's
	// z.coerce.date(): astro-micro's and astro-sphere's pages).
	"01/02/2006", "1/2/2006", "01/02/2006 15:04", "1/2/2006 15:04",
}

// zoneNames are the zone abbreviations real dates carry, by their
// offset. An abbreviation is not a zone (CST is three), so only those
// whose meaning blogs agree on are here; another name is an error.
var zoneNames = map[string]int{
	"UTC": 0, "GMT": 0, "UT": 0, "Z": 0,
	"JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600,
	"CET": 3600, "CEST": 2 * 3600, "BST": 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600,
	"MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
}

// parseDate reads a date: a TOML date or datetime, or a string in a form
// Hugo or Jekyll accept (YAML and JSON front matter give strings:
// goccy/go-yaml does not turn timestamps into time.Time when decoding
// into any). BurntSushi/toml gives local dates and datetimes in the
// machine's zone; their wall clock is reread in loc, as is every string
// without a zone, so that output never depends on the machine.
//
// Every date TOML can write (years 0000 to 9999) is kept as given, year 1
// too: each prints as a four-digit year in every output, RFC 3339 (Atom)
// included, so none can break a page, and which dates are plausible is
// the author's business (a post dated in the future is the business of
// scheduling, not of loading).
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
		s := strings.TrimSpace(d)
		if t, ok := parseISODate(s, loc); ok {
			return t, nil
		}
		for _, layout := range textLayouts {
			if t, err := time.ParseInLocation(layout, s, loc); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("date %q is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00", clip(d))
	}
	return time.Time{}, fmt.Errorf("date must be a date, such as 2017-05-03, not %s", valueKind(v))
}

// valueKind names the kind of a front matter value in an author's words.
func valueKind(v any) string {
	switch v.(type) {
	case bool:
		return "true or false"
	case int64, uint64, int, float64:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "a table of keys"
	case time.Time:
		return "a date"
	}
	return "this"
}

// parseISODate reads s in the isoDate family, and reports whether it is a
// real date and time (2014-13-40 is not).
func parseISODate(s string, loc *time.Location) (time.Time, bool) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	num := func(i int) int { n, _ := strconv.Atoi(m[i]); return n }
	year, month, day := num(1), num(2), num(3)
	hour, minute, sec, nsec := num(4), num(5), num(6), 0
	if m[7] != "" {
		frac := (m[7] + "000000000")[:9]
		nsec, _ = strconv.Atoi(frac)
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, false
	}
	zone := loc
	switch z := m[8]; {
	case z == "":
	case z[0] == '+' || z[0] == '-':
		// +09, +0900, +09:00, and as Ruby reads an odd count of
		// digits, an hour of one: +9, +900.
		digits := strings.ReplaceAll(z[1:], ":", "")
		hourDigits := 2 - len(digits)%2
		h, _ := strconv.Atoi(digits[:hourDigits])
		mins := 0
		if len(digits) > hourDigits {
			mins, _ = strconv.Atoi(digits[hourDigits:])
		}
		off := h*3600 + mins*60
		if z[0] == '-' {
			off = -off
		}
		zone = time.FixedZone("", off)
	default:
		off, ok := zoneNames[strings.ToUpper(z)]
		if !ok {
			return time.Time{}, false
		}
		zone = time.FixedZone(strings.ToUpper(z), off)
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, zone)
	if t.Day() != day || t.Month() != time.Month(month) {
		return time.Time{}, false
	}
	return t, true
}
