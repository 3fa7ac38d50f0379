package content

import (
	"slices"
	"time"

	"artsmap/internal/diag"
	"artsmap/internal/registry"
)

// Schedule is a regular pattern of a programme's sessions:
// [[programmes.schedule]].
type Schedule struct {
	Days  []string `toml:"days"`  // monday .. sunday, at least one
	Start string   `toml:"start"` // HH:MM, local time in the site's timezone
	End   string   `toml:"end"`   // HH:MM, after Start
	Every string   `toml:"every"` // week | fortnight | month
	Nth   []int    `toml:"nth"`   // with every = "month": 1..4 or -1 (last)
	From  Date     `toml:"from"`  // optional first session date
	Until Date     `toml:"until"` // optional last session date
	Venue string   `toml:"venue"` // optional: one of the programme's venues
	Note  string   `toml:"note"`  // optional plain text
}

// ClockLayout is how a schedule's start and end times are written.
const ClockLayout = "15:04"

// Minutes returns the minutes after midnight of a time written HH:MM,
// and false when it is not written so.
func Minutes(hhmm string) (int, bool) {
	if len(hhmm) != len(ClockLayout) {
		return 0, false
	}
	t, err := time.Parse(ClockLayout, hhmm)
	if err != nil {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// checkSchedules applies the schedule rules of the programme at at.
func (l *loader) checkSchedules(d *decoded, at string, pg *Programme) {
	for i, s := range pg.Schedule {
		sat := at + ".schedule." + itoa(i)
		l.checkDays(d, sat, s.Days)
		l.checkClock(d, sat, s)
		l.checkRepeat(d, sat, s)
		if !s.From.IsZero() && !s.Until.IsZero() && s.Until.Before(s.From.Time) {
			l.errAt(d, sat+".until", "until %s is before from %s", s.Until, s.From).Hint =
				"until is the date of the last session; check the two dates"
		}
		if !registry.Active(pg.Status) && s.Until.IsZero() {
			l.warnAt(d, sat, "the programme has ended, but this schedule has no until date, so it reads as still running").Hint =
				"add until = the date of the last session, or remove the schedule"
		}
		if s.Venue != "" && !slices.Contains(pg.Venues, s.Venue) {
			pr := l.errAt(d, sat+".venue", "venue %q is not one of the programme's venues", s.Venue)
			pr.Hint = "add it to the programme's venues, or use one of them"
			if len(pg.Venues) > 0 {
				pr.Hint = diag.OneOf(s.Venue, pg.Venues)
			}
		}
		if len(s.Note) > maxSummary {
			l.errAt(d, sat+".note", "note is %d characters long; the limit is %d", len(s.Note), maxSummary).Hint =
				"keep the note to a sentence"
		}
	}
}

func (l *loader) checkDays(d *decoded, at string, days []string) {
	if len(days) == 0 {
		l.errAt(d, at+".days", "days needs at least one day").Hint = `add days = ["wednesday"]`
		return
	}
	for i, day := range days {
		switch {
		case !registry.Weekdays.Has(day):
			p := d.loc().elementN(at+".days", day, countOf(days[:i], day))
			l.probs.Errorf(d.path, p.Line, p.Col, "unknown day %q", day).Hint = diag.OneOf(day, registry.Weekdays.IDs())
		case slices.Contains(days[:i], day):
			p := d.loc().elementN(at+".days", day, 1)
			l.probs.Warnf(d.path, p.Line, p.Col, "%q is listed twice in days", day)
		}
	}
}

func (l *loader) checkClock(d *decoded, at string, s Schedule) {
	start, okStart := Minutes(s.Start)
	end, okEnd := Minutes(s.End)
	for _, c := range []struct {
		key, value string
		ok         bool
	}{{"start", s.Start, okStart}, {"end", s.End, okEnd}} {
		switch {
		case c.value == "":
			l.errAt(d, at+"."+c.key, "%s is required", c.key).Hint = "add " + c.key + ` = "14:00" (24-hour time)`
		case !c.ok:
			l.errAt(d, at+"."+c.key, "%s %q is not a time written HH:MM", c.key, c.value).Hint =
				`write 24-hour time with two digits each, like "09:30" or "14:00"`
		}
	}
	if okStart && okEnd && end <= start {
		l.errAt(d, at+".end", "end %s is not after start %s", s.End, s.Start).Hint =
			"sessions must end on the day they start, after they start; 24-hour time: 2pm is 14:00"
	}
}

func (l *loader) checkRepeat(d *decoded, at string, s Schedule) {
	l.oneOf(d, at+".every", s.Every, registry.Repetitions.IDs(), true)
	if len(s.Nth) > 0 && s.Every != "month" {
		l.errAt(d, at+".nth", "nth is only for every = \"month\"").Hint =
			`remove nth, or set every = "month" for sessions such as the first and third Wednesday`
		return
	}
	if s.Every == "fortnight" && s.From.IsZero() {
		l.warnAt(d, at+".every", "a fortnightly schedule without from: the next session and the calendar cannot say which weeks").Hint =
			"add from = the date of one session, like from = 2027-01-13"
	}
	if s.Every == "month" && len(s.Nth) == 0 {
		l.errAt(d, at+".every", "every = \"month\" needs nth: which weeks of the month").Hint =
			"add nth = [1] for the first, [1, 3] for the first and third, [-1] for the last"
	}
	for _, n := range s.Nth {
		if n == 0 || n < -1 || n > 4 {
			l.errAt(d, at+".nth", "nth %d is not a week of the month", n).Hint =
				"use 1, 2, 3 or 4 (first to fourth), or -1 for the last"
		}
	}
}
