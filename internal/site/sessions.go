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
	days := make([]SessionDay, len(registry.Weekdays))
	for i, wd := range registry.Weekdays {
		days[i] = SessionDay{ID: wd.ID, Label: wd.Label}
	}
	for _, p := range s.Providers { // once over every schedule, not once a day
		for _, pg := range p.Running() {
			for _, sc := range pg.Schedules {
				if !sc.Until.IsZero() && sc.Until.Format("2006-01-02") < today {
					continue
				}
				for i := range days {
					if slices.Contains(sc.Days, days[i].ID) {
						days[i].Sessions = append(days[i].Sessions, Session{Provider: p, Programme: pg, Schedule: sc, TimeOfDay: timeOfDay(sc.Start)})
					}
				}
			}
		}
	}
	for _, day := range days {
		slices.SortStableFunc(day.Sessions, func(a, b Session) int { return strings.Compare(a.Schedule.Start, b.Schedule.Start) })
	}
	return days
}
