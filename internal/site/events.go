package site

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"time"

	"artsmap/internal/registry"
)

// Event is a published event, its times in the site's zone.
type Event struct {
	Draft         bool // shown only by serve
	Slug          string
	URL           string
	Title         string
	Kind          string
	KindLabel     string
	Summary       string
	Start         time.Time
	End           time.Time
	Venue         string
	Address       string
	Location      []float64
	BookingURL    string
	Accessibility string
	Updated       time.Time // when the details last changed, when the content says
	Body          template.HTML
	Past          bool // over by the build's clock: no booking link; the page's script checks Ends again
}

// Ends is when the event is over: its end, or its start when it has none.
func (e *Event) Ends() time.Time {
	if e.End.IsZero() {
		return e.Start
	}
	return e.End
}

// BookingOpen is the booking address while the event is still to come.
func (e *Event) BookingOpen() string {
	if e.Past {
		return ""
	}
	return e.BookingURL
}

// Description is the event's summary, or the text of its body when it has
// no summary: for the feed and the calendar.
func (e *Event) Description() string {
	if e.Summary != "" {
		return e.Summary
	}
	return htmlText(e.Body)
}

func (a *assembler) events() {
	for _, ce := range a.cs.Events {
		e := &Event{Draft: ce.Draft, Slug: ce.Slug, URL: "/events/" + ce.Slug + "/", Title: ce.Title, Kind: ce.Kind,
			KindLabel: registry.EventKinds.Label(ce.Kind), Summary: ce.Summary, Start: ce.Start.In(a.site.Location),
			Venue: ce.Venue, Address: ce.Address, Location: ce.Location, BookingURL: ce.BookingURL,
			Accessibility: ce.Accessibility, Updated: ce.Updated.Time, Body: templateHTML(a.render(ce.Source))}
		if !ce.End.IsZero() {
			e.End = ce.End.In(a.site.Location)
		}
		e.Past = e.Ends().Before(a.site.Now)
		if e.Past {
			a.site.Past = append(a.site.Past, e)
		} else {
			a.site.Upcoming = append(a.site.Upcoming, e)
		}
	}
	slices.SortStableFunc(a.site.Upcoming, func(x, y *Event) int {
		return cmp.Or(x.Start.Compare(y.Start), strings.Compare(x.Title, y.Title))
	})
	slices.SortStableFunc(a.site.Past, func(x, y *Event) int {
		return cmp.Or(y.Start.Compare(x.Start), strings.Compare(x.Title, y.Title))
	})
}

// Events returns every event, upcoming first.
func (s *Site) Events() []*Event { return slices.Concat(s.Upcoming, s.Past) }
