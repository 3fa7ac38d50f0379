package site

import (
	"fmt"
	"strings"
	"time"
)

// vtimezone writes the VTIMEZONE of loc (RFC 5545 section 3.6.5) as the
// zone's rules stand in year: one observance per change of offset, each
// repeating yearly on the same weekday of its month, so that calendar
// apps place local session times right on either side of a clocks change.
func vtimezone(line func(name, value string), loc *time.Location, year int) {
	line("BEGIN", "VTIMEZONE")
	line("TZID", loc.String())
	changes := offsetChanges(loc, year)
	if len(changes) == 0 {
		name, off := time.Date(year, 1, 1, 0, 0, 0, 0, loc).Zone()
		line("BEGIN", "STANDARD")
		line("DTSTART", "19700101T000000")
		line("TZOFFSETFROM", icalOffset(off))
		line("TZOFFSETTO", icalOffset(off))
		line("TZNAME", name)
		line("END", "STANDARD")
	}
	for _, at := range changes {
		_, from := at.Add(-time.Second).Zone()
		name, to := at.Zone()
		kind := "STANDARD"
		if at.IsDST() {
			kind = "DAYLIGHT"
		}
		local := at.UTC().Add(time.Duration(from) * time.Second) // wall clock just before the change
		nth := (local.Day() + 6) / 7
		if local.Day()+7 > time.Date(year, local.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			nth = -1
		}
		day := strings.ToUpper(local.Weekday().String()[:2])
		line("BEGIN", kind)
		line("DTSTART", nthWeekday(1970, local.Month(), local.Weekday(), nth).Format("20060102")+local.Format("T150405"))
		line("TZOFFSETFROM", icalOffset(from))
		line("TZOFFSETTO", icalOffset(to))
		line("TZNAME", name)
		line("RRULE", fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", local.Month(), nth, day))
		line("END", kind)
	}
	line("END", "VTIMEZONE")
}

// offsetChanges are the moments in year when loc's UTC offset changes.
func offsetChanges(loc *time.Location, year int) []time.Time {
	var out []time.Time
	t := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	end := t.AddDate(1, 0, 0)
	for ; t.Before(end); t = t.Add(time.Hour) {
		_, before := t.In(loc).Zone()
		_, after := t.Add(time.Hour).In(loc).Zone()
		if before == after {
			continue
		}
		at := t
		for _, off := at.In(loc).Zone(); off == before; _, off = at.In(loc).Zone() {
			at = at.Add(time.Minute)
		}
		out = append(out, at.In(loc))
	}
	return out
}

// nthWeekday is the n-th (or with -1 the last) weekday of a month.
func nthWeekday(year int, month time.Month, wd time.Weekday, n int) time.Time {
	if n == -1 {
		last := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}

// icalOffset writes a UTC offset in seconds as +HHMM.
func icalOffset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	return fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec/60%60)
}
