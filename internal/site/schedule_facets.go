package site

import (
	"artsmap/internal/content"
	"artsmap/internal/registry"
	"artsmap/internal/search"
)

// Times of day a session can start in: the directory's time filter.
var timesOfDay = []search.Value{
	{ID: "morning", Label: "Morning (starts before 12:00)"},
	{ID: "afternoon", Label: "Afternoon (starts 12:00 to 17:00)"},
	{ID: "evening", Label: "Evening (starts from 17:00)"},
}

// timeOfDay is the time-of-day filter value of a start time.
func timeOfDay(start string) string {
	m, _ := content.Minutes(start)
	switch {
	case m < 12*60:
		return "morning"
	case m < 17*60:
		return "afternoon"
	}
	return "evening"
}

func dayFacet() search.Facet {
	f := search.Facet{Key: "day", Label: "Day of the week"}
	for _, d := range registry.Weekdays {
		f.Values = append(f.Values, search.Value{ID: d.ID, Label: d.Label})
	}
	return f
}

func timeFacet() search.Facet {
	return search.Facet{Key: "time", Label: "Time of day", Values: timesOfDay}
}

// sessionFacet pairs days and times, so that a day and a time ticked
// together find a session on that day at that time, not one session on
// the day and another at the time.
func sessionFacet() search.Facet {
	f := search.Facet{Key: "session", Hidden: true}
	for _, d := range registry.Weekdays {
		for _, t := range timesOfDay {
			f.Values = append(f.Values, search.Value{ID: d.ID + "-" + t.ID})
		}
	}
	return f
}

// scheduleFacets adds the days and times of a provider's running sessions.
func (p *Provider) scheduleFacets(f map[string][]string) {
	for _, pg := range p.Running() {
		for _, s := range pg.Schedules {
			t := timeOfDay(s.Start)
			f["time"] = appendNew(f["time"], t)
			for _, d := range s.Days {
				f["day"] = appendNew(f["day"], d)
				f["session"] = appendNew(f["session"], d+"-"+t)
			}
		}
	}
}

// ageRanges are the ages a provider's programmes (or, without programmes,
// the provider) take; nil when any of them states no ages, which counts
// as all ages.
func (p *Provider) ageRanges() [][2]int {
	joinings := []Joining{p.Joining}
	if len(p.Programmes) > 0 {
		joinings = joinings[:0]
		for _, pg := range p.Programmes {
			joinings = append(joinings, pg.Joining)
		}
	}
	var out [][2]int
	for _, j := range joinings {
		if j.MinAge == 0 && j.MaxAge == 0 {
			return nil
		}
		out = append(out, [2]int{j.MinAge, j.MaxAge})
	}
	return out
}
