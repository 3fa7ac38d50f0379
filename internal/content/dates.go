package content

import (
	"errors"
	"fmt"
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
		return fmt.Errorf("%q is not a date: write dates as YYYY-MM-DD, for example 2026-10-01", x)
	}
	return fmt.Errorf("expected a date such as 2026-10-01, found %s", describe(v))
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
		return fmt.Errorf("%q is not a date and time: write it as 2027-03-12T10:00:00Z", x)
	}
	return fmt.Errorf("expected a date and time such as 2027-03-12T10:00:00Z, found %s", describe(v))
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
