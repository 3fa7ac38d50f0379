package site

import (
	"strconv"
	"strings"
	"time"
)

// programmeCalendar is the iCalendar file of a programme's schedules: one
// recurring event (RRULE) per schedule, in the site's time zone with its
// VTIMEZONE, starting at the first session on or after the schedule's
// from date, or the build date when it has none.
func (s *Site) programmeCalendar(p *Provider, pg *Programme) []byte {
	var b strings.Builder
	line := func(name, value string) { writeFolded(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//artsmap//"+escapeText(s.Title)+"//EN")
	line("CALSCALE", "GREGORIAN")
	line("X-WR-CALNAME", escapeText(pg.Title+", "+p.Name))
	vtimezone(line, s.Location, s.Now.Year())
	today := time.Date(s.Now.Year(), s.Now.Month(), s.Now.Day(), 0, 0, 0, 0, time.UTC)
	for i, sc := range pg.Schedules {
		first, ok := sc.firstSession(today)
		if !sc.Anchored() || !ok {
			continue
		}
		s.scheduleEvent(line, p, pg, sc, first, i)
	}
	line("END", "VCALENDAR")
	return []byte(b.String())
}

func (s *Site) scheduleEvent(line func(name, value string), p *Provider, pg *Programme, sc *Schedule, first time.Time, i int) {
	tz := ";TZID=" + s.Location.String()
	day := first.Format("20060102")
	line("BEGIN", "VEVENT")
	line("UID", p.Slug+"-"+pg.ID+"-"+strconv.Itoa(i+1)+"@"+hostOf(s.BaseURL))
	line("DTSTAMP", s.Now.UTC().Format("20060102T150405Z"))
	line("DTSTART"+tz, day+"T"+strings.ReplaceAll(sc.Start, ":", "")+"00")
	line("DTEND"+tz, day+"T"+strings.ReplaceAll(sc.End, ":", "")+"00")
	line("RRULE", sc.rrule(s.Location))
	line("SUMMARY", escapeText(pg.Title+" ("+p.Name+")"))
	desc := sc.Text
	if sc.Note != "" {
		desc += ". " + sc.Note
	}
	line("DESCRIPTION", escapeText(desc))
	if v := sc.Venue; v != nil {
		line("LOCATION", escapeText(strings.Trim(strings.Join([]string{v.Name, v.Address, v.Postcode}, ", "), ", ")))
	}
	line("URL", s.absURL(p.URL)+"#programme-"+pg.ID)
	line("END", "VEVENT")
}

// programmeCalendars adds each scheduled programme's .ics to the outputs.
func (s *Site) programmeCalendars(table map[string]output, owners map[string]*Provider) {
	for _, p := range s.Providers {
		for _, pg := range p.Programmes {
			if pg.Calendar != "" {
				table[trim(pg.Calendar)] = func() ([]byte, error) { return s.programmeCalendar(p, pg), nil }
				owners[trim(pg.Calendar)] = p
			}
		}
	}
}
