package site

import (
	"strconv"
	"strings"
	"time"
)

// weekdayOf maps schedule day names to Go weekdays.
var weekdayOf = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// icalDays are RFC 5545's two-letter weekday names.
var icalDays = map[string]string{
	"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR", "saturday": "SA", "sunday": "SU",
}

// horizon is how many days ahead a first session is looked for.
const horizon = 400

// Anchored reports whether the schedule says which dates its sessions
// fall on: a fortnightly one needs its first date.
func (s *Schedule) Anchored() bool { return s.Every != "fortnight" || !s.From.IsZero() }

// onDay reports whether a session falls on day (a date at midnight UTC).
func (s *Schedule) onDay(day time.Time) bool {
	ok := false
	for _, d := range s.Days {
		ok = ok || weekdayOf[d] == day.Weekday()
	}
	if !ok || (!s.From.IsZero() && day.Before(s.From)) || (!s.Until.IsZero() && day.After(s.Until)) {
		return false
	}
	switch s.Every {
	case "fortnight":
		weeks := int(mondayOf(day).Sub(mondayOf(s.From)).Hours()+12) / (24 * 7)
		return s.Anchored() && weeks%2 == 0
	case "month":
		last := time.Date(day.Year(), day.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		for _, n := range strings.Split(s.Nth, ",") {
			if (n == "-1" && day.Day()+7 > last) || n == strconv.Itoa((day.Day()+6)/7) {
				return true
			}
		}
		return false
	}
	return true
}

func mondayOf(day time.Time) time.Time {
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

// firstSession is the date of the first session on or after day (midnight
// UTC), and false when there is none within the horizon.
func (s *Schedule) firstSession(day time.Time) (time.Time, bool) {
	if s.From.After(day) {
		day = s.From
	}
	for i := 0; i < horizon; i++ {
		if d := day.AddDate(0, 0, i); s.onDay(d) {
			return d, true
		}
	}
	return time.Time{}, false
}

// byDay is the schedule's RFC 5545 BYDAY: "WE", "MO,TH", "1WE,3WE".
func (s *Schedule) byDay() string {
	var byday []string
	for _, d := range s.Days {
		if s.Every == "month" {
			for _, n := range strings.Split(s.Nth, ",") {
				byday = append(byday, n+icalDays[d])
			}
		} else {
			byday = append(byday, icalDays[d])
		}
	}
	return strings.Join(byday, ",")
}

// rrule is the schedule's RFC 5545 recurrence rule; loc is the site's zone.
func (s *Schedule) rrule(loc *time.Location) string {
	r := "FREQ=WEEKLY"
	switch s.Every {
	case "fortnight":
		r += ";INTERVAL=2"
	case "month":
		r = "FREQ=MONTHLY"
	}
	r += ";WKST=MO;BYDAY=" + s.byDay()
	if !s.Until.IsZero() {
		end := time.Date(s.Until.Year(), s.Until.Month(), s.Until.Day(), 23, 59, 59, 0, loc)
		r += ";UNTIL=" + end.UTC().Format("20060102T150405Z")
	}
	return r
}
