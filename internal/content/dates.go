package content

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date. It decodes from a TOML date (2026-10-01) and,
// because Git-based CMSs write dates as text, from a quoted "2026-10-01".
type Date struct {
	time.Time
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// UnmarshalTOML implements toml.Unmarshaler.
func (d *Date) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		if x.Location().String() == "time-local" {
			return hinted{"a date is needed, not a time of day: write 2026-10-01", ""}
		}
		d.Time = time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
		return plausible(d.Time)
	case string:
		if x == "" { // what a CMS writes for an optional date left empty
			return nil
		}
		for _, layout := range []string{time.DateOnly, time.RFC3339Nano} {
			if t, err := time.Parse(layout, x); err == nil {
				d.Time = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
				return plausible(d.Time)
			}
		}
		return hinted{fmt.Sprintf("%q is not a date", x), DateHint(x)}
	}
	return hinted{"this should be a date such as 2026-10-01, not " + describe(v), "write the date without quotes, year first: 2026-10-01"}
}

// dayMonthYear is a date written day first, as people write them in the UK.
var dayMonthYear = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// DateHint says how to write the date s (which could not be read) the way
// TOML does: a day-first date such as 12/03/2025 becomes "write dates as
// 2025-03-12"; anything else gets the general rule.
func DateHint(s string) string {
	if t, ok := dayFirst(s); ok {
		return "write dates as " + t.Format(time.DateOnly) + ", year first"
	}
	return "write dates as YYYY-MM-DD, year first, for example 2026-10-01"
}

// dayFirst reads a date written day first, as in the UK (12/03/2025), or
// month first when the second number cannot be a month (03/25/2025).
func dayFirst(s string) (time.Time, bool) {
	m := dayMonthYear.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, false
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	if month > 12 && day <= 12 {
		day, month = month, day
	}
	year, _ := strconv.Atoi(m[3])
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return t, month <= 12 && t.Day() == day
}

// withClock is a date followed by a time of day (12/03/2027 10:30).
var withClock = regexp.MustCompile(`^(\S+?)[ T,]+(\d{1,2})[:.](\d{2})$`)

// dateTimeHint says how to write the date and time s (which could not be
// read) the way TOML does, from a day-first date and a time if it is one.
func dateTimeHint(s string) string {
	date, clock := strings.TrimSpace(s), ""
	if m := withClock.FindStringSubmatch(date); m != nil {
		h, _ := strconv.Atoi(m[2])
		mins, _ := strconv.Atoi(m[3])
		date, clock = m[1], fmt.Sprintf("T%02d:%02d:00", h, mins)
		if h > 23 || mins > 59 {
			date = ""
		}
	}
	t, ok := dayFirst(date)
	switch {
	case !ok:
		return "write it as 2027-03-12T10:00:00Z: year first, T, the time, and Z for UTC (without Z, the site's time zone)"
	case clock == "":
		return "write it as " + t.Format(time.DateOnly) + "T10:00:00, year first, with the real time after the T"
	}
	return "write it as " + t.Format(time.DateOnly) + clock + ", year first"
}

// firstYear is the earliest year a date may have. Year 1 (0001-01-01) is
// also how an unset date reads, so without a limit it would be reported as
// missing rather than as a mistake.
const firstYear = 1800

// plausible refuses dates too early to be meant.
func plausible(t time.Time) error {
	if t.Year() < firstYear {
		return hinted{fmt.Sprintf("%s is not a plausible date: the year %d is too early", t.Format(time.DateOnly), t.Year()),
			"dates are written YYYY-MM-DD, for example 2026-10-01"}
	}
	return nil
}

// hinted is an error of a value's decoding that knows its fix. The
// decoder keeps only an error's text, so the hint travels in it after a
// line break (no message has one) and reportDecodeError takes it out.
type hinted struct{ msg, hint string }

func (h hinted) Error() string { return h.msg + hintSep + h.hint }

const hintSep = "\n"

// DateTime is a moment. It decodes from a TOML offset date-time
// (2027-03-12T10:00:00Z), a local date-time (2027-03-12T10:00:00, read in
// the site's time zone) or the same written as a quoted string.
type DateTime struct {
	time.Time
	// Local is true when no offset was given; In then places it in a zone.
	Local bool
}

// UnmarshalTOML implements toml.Unmarshaler.
func (d *DateTime) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		zone := x.Location().String()
		// The BurntSushi/toml decoder marks local dates, times and
		// date-times with these zone names (its zones are internal).
		switch zone {
		case "date-local":
			return errors.New("give a time as well as a date, for example 2027-03-12T10:00:00Z")
		case "time-local":
			return hinted{"a time needs a date: write 2027-03-12T10:00:00", ""}
		}
		d.Time, d.Local = x, zone == "datetime-local"
		return plausible(d.Time)
	case string:
		if x == "" {
			return nil
		}
		if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
			d.Time = t
			return plausible(d.Time)
		}
		for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
			if t, err := time.Parse(layout, x); err == nil {
				d.Time, d.Local = t, true
				return plausible(d.Time)
			}
		}
		return hinted{fmt.Sprintf("%q is not a date and time", x), dateTimeHint(x)}
	}
	return hinted{"this should be a date and time such as 2027-03-12T10:00:00Z, not " + describe(v), "write it without quotes: 2027-03-12T10:00:00Z"}
}

// In returns the moment, placing a local date-time in loc.
func (d DateTime) In(loc *time.Location) time.Time {
	if d.Local {
		t := d.Time
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	return d.Time
}

// describe names the kind of a decoded TOML value in plain words.
func describe(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a whole number"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("%T", v)
}
