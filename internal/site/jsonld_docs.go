package site

import (
	"artsmap/internal/registry"
	"strings"
	"time"
)

// ldEvent is a schema.org Event.
type ldEvent struct {
	Context     string     `json:"@context"`
	Type        string     `json:"@type"`
	Name        string     `json:"name"`
	Description string     `json:"description,omitempty"`
	URL         string     `json:"url"`
	StartDate   string     `json:"startDate"`
	EndDate     string     `json:"endDate,omitempty"`
	Location    *ldPlace   `json:"location,omitempty"`
	Offers      *ldOffer   `json:"offers,omitempty"`
	Organizer   *ldAgentNm `json:"organizer,omitempty"`
}

// ldTermSet is a fact sheet: a schema.org DefinedTermSet.
type ldTermSet struct {
	Context     string          `json:"@context"`
	Type        string          `json:"@type"`
	ID          string          `json:"@id"`
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	URL         string          `json:"url"`
	DateChanged string          `json:"dateModified,omitempty"`
	Terms       []ldDefinedTerm `json:"hasDefinedTerm"`
}

// ldDefinedTerm is one term of a fact sheet.
type ldDefinedTerm struct {
	Type          string   `json:"@type"`
	ID            string   `json:"@id"`
	Name          string   `json:"name"`
	Description   string   `json:"description"`
	TermCode      string   `json:"termCode"`
	AlternateName []string `json:"alternateName,omitempty"`
	URL           string   `json:"url"`
	InSet         string   `json:"inDefinedTermSet"`
}

// ldReport is a learning output: a schema.org Report or Article.
type ldReport struct {
	Context       string        `json:"@context"`
	Type          string        `json:"@type"`
	Headline      string        `json:"headline"`
	Name          string        `json:"name"`
	Description   string        `json:"description,omitempty"`
	URL           string        `json:"url"`
	DatePublished string        `json:"datePublished,omitempty"`
	Author        []ldAgentNm   `json:"author,omitempty"`
	Publisher     *ldAgentNm    `json:"publisher,omitempty"`
	Keywords      []string      `json:"keywords,omitempty"`
	Citation      []ldCitation  `json:"citation,omitempty"`
	InLanguage    string        `json:"inLanguage,omitempty"`
	About         []ldAgentLink `json:"about,omitempty"`
}

type ldAgentLink struct {
	ID string `json:"@id"`
}

func (s *Site) eventLD(e *Event) *ldEvent {
	ev := &ldEvent{Context: schemaContext, Type: "Event", Name: e.Title, Description: e.Summary,
		URL: s.absURL(e.URL), StartDate: e.Start.Format(time.RFC3339),
		Organizer: &ldAgentNm{Type: "Organization", Name: s.Title}}
	if !e.End.IsZero() {
		ev.EndDate = e.End.Format(time.RFC3339)
	}
	if e.Venue != "" || e.Address != "" {
		ev.Location = &ldPlace{Type: "Place", Name: strings.TrimSpace(e.Venue)}
		if e.Address != "" {
			ev.Location.Address = &ldAddress{Type: "PostalAddress", StreetAddress: e.Address}
		}
		if len(e.Location) == 2 {
			ev.Location.Geo = &ldGeoCoordinate{Type: "GeoCoordinates", Latitude: e.Location[1], Longitude: e.Location[0]}
		}
	}
	if e.BookingOpen() != "" {
		ev.Offers = &ldOffer{Type: "Offer", URL: webURL(e.BookingOpen())}
	}
	return ev
}

func (s *Site) factsheetLD(f *Factsheet) *ldTermSet {
	url := s.absURL(f.URL)
	set := &ldTermSet{Context: schemaContext, Type: "DefinedTermSet", ID: url, Name: f.Title, Description: f.Summary,
		URL: url, DateChanged: dateOrEmpty(f.Updated), Terms: []ldDefinedTerm{}}
	for _, t := range f.Terms {
		set.Terms = append(set.Terms, ldDefinedTerm{Type: "DefinedTerm", ID: url + "#" + t.ID, Name: t.Term,
			Description: htmlText(t.Definition), TermCode: t.ID,
			AlternateName: t.Aliases, URL: url + "#" + t.ID, InSet: url})
	}
	return set
}

func (s *Site) learningLD(l *Learning) *ldReport {
	r := &ldReport{Context: schemaContext, Type: "Report", Headline: l.Title, Name: l.Title, Description: l.Summary,
		URL: s.absURL(l.URL), DatePublished: dateOrEmpty(l.Date), Publisher: &ldAgentNm{Type: "Organization", Name: s.Title},
		Keywords: append([]string{l.KindLabel}, labels(l.Pathways)...), InLanguage: s.Language}
	if k, _ := registry.LearningKindOf(l.Kind); k.Article {
		r.Type = "Article"
	}
	for _, a := range l.Authors {
		r.Author = append(r.Author, ldAgentNm{Type: "Person", Name: a})
	}
	r.Citation = citationsLD(l.References)
	for _, p := range l.Providers {
		r.About = append(r.About, ldAgentLink{ID: s.absURL(p.URL) + "#provider"})
	}
	return r
}
