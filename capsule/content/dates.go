package content

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the forms of a date string found in real blogs, tried in
// order. Those without a zone are read in the site's zone. Fractional
// seconds after the seconds are accepted by every layout that has seconds.
var dateLayouts = []string{
	time.RFC3339,                // 2017-03-23T14:41:53+01:00, Hugo
	"2006-01-02T15:04:05-0700",  // RFC 3339 but for the colon
	"2006-01-02T15:04:05",       // no zone
	"2006-01-02T15:04",          // no seconds
	"2006-01-02 15:04:05 -0700", // Jekyll: 2017-03-23 14:41:53 +0100
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05Z07:00", // YAML timestamp with a space
	"2006-01-02 15:04 -0700",    // 2016-07-07 22:31 +0800
	"2006-01-02 15:04 -07:00",
	"2006-01-02 15:04:05", // 2020-05-06 08:00:00
	"2006-01-02 15:04",
	"2006-01-02", // date only
}

// parseDate reads a date: a TOML date or datetime, or a string in one of
// dateLayouts (YAML and JSON front matter give strings: goccy/go-yaml does
// not turn timestamps into time.Time when decoding into any).
// BurntSushi/toml gives local dates and datetimes in the machine's zone;
// their wall clock is reread in loc, as is every string without a zone,
// so that output never depends on the machine.
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
		for _, layout := range dateLayouts {
			t, err := time.ParseInLocation(layout, s, loc)
			if err != nil {
				continue
			}
			return t, nil
		}
		return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD", clip(d))
	}
	return time.Time{}, fmt.Errorf("date must be a date or \"YYYY-MM-DD\", not %T", v)
}
