package content

import (
	"slices"
	"testing"
	"time"

	"capsule/capsule/internal/testfs"
)

// The date forms real blogs carry, which Hugo or Jekyll read: each is the
// instant written, in the site's zone when it names none.
func TestDateFormsOfRealBlogs(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	at := func(y, mo, d, h, mi, s int, loc *time.Location) time.Time {
		return time.Date(y, time.Month(mo), d, h, mi, s, 0, loc)
	}
	for in, want := range map[string]time.Time{
		"2022-03-06 00:00:00+0000":  at(2022, 3, 6, 0, 0, 0, time.UTC),
		"2016-4-25 0:7":             at(2016, 4, 25, 0, 7, 0, tokyo),
		"2014-09-02 12:00:00 -0700": at(2014, 9, 2, 19, 0, 0, time.UTC),
		"2017-03-23T14:41:53+01:00": at(2017, 3, 23, 13, 41, 53, time.UTC),
		"2017-03-23T14:41:53.25Z":   time.Date(2017, 3, 23, 14, 41, 53, 250_000_000, time.UTC),
		"2020-05-06 08:00:00":       at(2020, 5, 6, 8, 0, 0, tokyo),
		"2016-07-07 22:31 +0800":    at(2016, 7, 7, 14, 31, 0, time.UTC),
		"2014/09/02":                at(2014, 9, 2, 0, 0, 0, tokyo),
		"2019-01-05 10:00:00 +09":   at(2019, 1, 5, 1, 0, 0, time.UTC),
		// Three digits, as Ruby's Time.parse reads them (an hour of one
		// digit: gunyarakun's four posts were left out).
		"2017-06-01 00:42:45 -800":      at(2017, 6, 1, 8, 42, 45, time.UTC),
		"2017-07-31 21:14:07 +900":      at(2017, 7, 31, 12, 14, 7, time.UTC),
		"2017-07-31 21:14:07 +9":        at(2017, 7, 31, 12, 14, 7, time.UTC),
		"2019-01-05 10:00:00 JST":       at(2019, 1, 5, 1, 0, 0, time.UTC),
		"2019-01-05":                    at(2019, 1, 5, 0, 0, 0, tokyo),
		"Sep 2, 2014":                   at(2014, 9, 2, 0, 0, 0, tokyo),
		"Tue, 02 Sep 2014 12:00:00 GMT": at(2014, 9, 2, 12, 0, 0, time.UTC),
		"02 Jan 2006":                   at(2006, 1, 2, 0, 0, 0, tokyo),
		"03/18/2024":                    at(2024, 3, 18, 0, 0, 0, tokyo), // month first, as JavaScript reads it (Astro's pages)
		"3/8/2024 09:30":                at(2024, 3, 8, 9, 30, 0, tokyo),
	} {
		got, err := parseDate(in, tokyo)
		if err != nil || !got.Equal(want) {
			t.Errorf("%q: %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"yesterday", "2014-13-02", "2014-02-30", "2014-02-03 25:00", "2014-02-03 10:00 XYZT", "20140203"} {
		if got, err := parseDate(in, tokyo); err == nil {
			t.Errorf("%q read as %v", in, got)
		}
	}
}

// A date that is no date says so in an author's words, with a date to
// copy, never a Go type or a format string.
func TestDateProblemsInAuthorsWords(t *testing.T) {
	for v, want := range map[any]string{
		int64(2017):   "date must be a date, such as 2017-05-03, not a number",
		true:          "date must be a date, such as 2017-05-03, not true or false",
		"next friday": `date "next friday" is not a date Hugo or Jekyll reads: write 2017-05-03, 2017-05-03 09:30 or 2017-05-03T09:30:00+09:00`,
	} {
		if _, err := parseDate(v, time.UTC); err == nil || err.Error() != want {
			t.Errorf("%v: %v, want %s", v, err, want)
		}
	}
}

// Jekyll reads a date with its own offset in the site's zone (its
// timezone, else the build's, UTC as on GitHub Pages), so that the day of
// a post written "2020-05-23 00:17:29 +0900" with timezone: UTC is the
// 22nd, in its date and its address (hukurouo/memo's were a day late,
// and their old addresses dead). Hugo keeps the day as written.
func TestJekyllDatesInTheSiteZone(t *testing.T) {
	post := "---\ntitle: Docker\ndate: 2020-05-23 00:17:29 +0900\n---\nx\n"
	c, err := Load(testfs.Write(t, map[string]string{
		"_config.yml":                 "title: memo\ntimezone: UTC\npermalink: /:year/:month/:day/:title/\n",
		"_posts/2020-05-22-docker.md": post,
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Posts) != 1 || c.Posts[0].Date.Format("2006-01-02 15:04") != "2020-05-22 15:17" || !slices.Contains(c.Posts[0].Addresses, "/2020/05/22/docker/") {
		t.Errorf("date %v, addresses %q", c.Posts[0].Date, c.Posts[0].Addresses)
	}
	c, err = Load(testfs.Write(t, map[string]string{
		"hugo.toml":               "title = \"t\"\n",
		"content/posts/docker.md": post,
	}), LoadOptions{Settle: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Posts) != 1 || c.Posts[0].Date.Format("2006-01-02") != "2020-05-23" {
		t.Errorf("Hugo's posts %v", c.Posts)
	}
}
