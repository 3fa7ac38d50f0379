package site

import (
	"slices"
	"strings"

	"artsmap/internal/registry"
)

// SessionsPath is the page of every scheduled session by day of the week:
// the directory's day and time filters without JavaScript.
const SessionsPath = "/sessions/"

// SessionDay is one day of the week on the sessions page.
type SessionDay struct {
	ID       string // monday .. sunday: the anchor
	Label    string // Monday
	Sessions []Session
}

// Session is a programme's schedule on a day.
type Session struct {
	Provider  *Provider
	Programme *Programme
	Schedule  *Schedule
	TimeOfDay string // morning | afternoon | evening
}

// SessionDays lists, for each day of the week, the schedules that run on
// it and have not ended, by start time then provider.
func (s *Site) SessionDays() []SessionDay {
	today := s.Now.Format("2006-01-02")
	var out []SessionDay
	for _, wd := range registry.Weekdays {
		d := wd.ID
		day := SessionDay{ID: d, Label: wd.Label}
		for _, p := range s.Providers {
			for _, pg := range p.Running() {
				for _, sc := range pg.Schedules {
					if slices.Contains(sc.Days, d) && (sc.Until.IsZero() || sc.Until.Format("2006-01-02") >= today) {
						day.Sessions = append(day.Sessions, Session{Provider: p, Programme: pg, Schedule: sc, TimeOfDay: timeOfDay(sc.Start)})
					}
				}
			}
		}
		slices.SortStableFunc(day.Sessions, func(a, b Session) int { return strings.Compare(a.Schedule.Start, b.Schedule.Start) })
		out = append(out, day)
	}
	return out
}
