package site

import (
	"strings"
	"time"
	"unicode/utf8"
)

// calendar is an iCalendar feed (RFC 5545) of every event: CRLF line
// ends, lines folded at 75 octets, text escaped, times in UTC and UIDs
// derived from the site address and the event's slug so they never change.
func (s *Site) calendar() []byte {
	return s.calendarOf(s.Events())
}

// calendarOf is an iCalendar file of the given events.
func (s *Site) calendarOf(events []*Event) []byte {
	var b strings.Builder
	line := func(name, value string) { writeFolded(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//artsmap//"+escapeText(s.Title)+"//EN")
	line("CALSCALE", "GREGORIAN")
	line("X-WR-CALNAME", escapeText(s.Title))
	stamp := s.Now.UTC().Format("20060102T150405Z")
	for _, e := range events {
		line("BEGIN", "VEVENT")
		line("UID", e.Slug+"@"+hostOf(s.BaseURL))
		line("DTSTAMP", stamp)
		line("DTSTART", e.Start.UTC().Format("20060102T150405Z"))
		end := e.End
		if end.IsZero() {
			end = e.Start.Add(time.Hour)
		}
		line("DTEND", end.UTC().Format("20060102T150405Z"))
		line("SUMMARY", escapeText(e.Title))
		if d := e.Description(); d != "" {
			line("DESCRIPTION", escapeText(d))
		}
		if loc := strings.TrimSpace(strings.Join([]string{e.Venue, e.Address}, ", ")); loc != "," {
			line("LOCATION", escapeText(strings.Trim(loc, ", ")))
		}
		if len(e.Location) == 2 {
			line("GEO", ftoa(e.Location[1])+";"+ftoa(e.Location[0]))
		}
		line("URL", s.absURL(e.URL))
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return []byte(b.String())
}

// escapeText escapes a TEXT value (RFC 5545 section 3.3.11).
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// writeFolded writes a content line, folding it so no line exceeds 75
// octets and never splitting a UTF-8 character.
func writeFolded(b *strings.Builder, l string) {
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut] + "\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(l + "\r\n")
}

func hostOf(base string) string {
	h := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(base, "https://"), "http://"), "/")
	if h == "" {
		return "artsmap"
	}
	return strings.ReplaceAll(h, "/", ".")
}
