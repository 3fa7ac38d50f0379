package site

import (
	"html/template"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// schemaContext is the JSON-LD context of every description.
const schemaContext = "https://schema.org"

// ldAgent is a schema.org Organization or Person: a provider, an author,
// the site's publisher.
type ldAgent struct {
	Context     string    `json:"@context,omitempty"`
	Type        string    `json:"@type"`
	ID          string    `json:"@id,omitempty"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	URL         string    `json:"url,omitempty"`
	SameAs      []string  `json:"sameAs,omitempty"`
	Email       string    `json:"email,omitempty"`
	Telephone   string    `json:"telephone,omitempty"`
	Logo        string    `json:"logo,omitempty"`
	Image       string    `json:"image,omitempty"`
	FoundingYr  string    `json:"foundingDate,omitempty"`
	KnowsAbout  []string  `json:"knowsAbout,omitempty"`
	AreaServed  []ldPlace `json:"areaServed,omitempty"`
	Location    []ldPlace `json:"location,omitempty"`     // organisations
	WorkLoc     []ldPlace `json:"workLocation,omitempty"` // people
	MakesOffer  []ldOffer `json:"makesOffer,omitempty"`
	DateChanged string    `json:"dateModified,omitempty"`
}

// ldPlace is a Place (a venue) or an AdministrativeArea (a district).
type ldPlace struct {
	Type    string           `json:"@type"`
	Name    string           `json:"name"`
	URL     string           `json:"url,omitempty"`
	Address *ldAddress       `json:"address,omitempty"`
	Geo     *ldGeoCoordinate `json:"geo,omitempty"`
}

type ldAddress struct {
	Type          string `json:"@type"`
	StreetAddress string `json:"streetAddress,omitempty"`
	PostalCode    string `json:"postalCode,omitempty"`
	Region        string `json:"addressRegion,omitempty"`
}

type ldGeoCoordinate struct {
	Type      string  `json:"@type"`
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

// ldOffer offers a programme; free and funded programmes cost nothing.
type ldOffer struct {
	Type          string    `json:"@type"`
	ItemOffered   ldService `json:"itemOffered"`
	Price         string    `json:"price,omitempty"`
	PriceCurrency string    `json:"priceCurrency,omitempty"`
	URL           string    `json:"url,omitempty"`
}

// ldService is a programme.
type ldService struct {
	Type        string     `json:"@type"`
	Name        string     `json:"name"`
	Description string     `json:"description,omitempty"`
	URL         string     `json:"url,omitempty"`
	ServiceType []string   `json:"serviceType,omitempty"`
	Audience    []ldAud    `json:"audience,omitempty"`
	AreaServed  []ldPlace  `json:"areaServed,omitempty"`
	Funder      *ldAgentNm `json:"funder,omitempty"`
}

type ldAud struct {
	Type         string `json:"@type"`
	AudienceType string `json:"audienceType"`
}

type ldAgentNm struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// JSONLD is the schema.org description of the page's item, for search
// engines and other readers, or nil for pages that describe no one thing.
func (p *Page) JSONLD() any {
	switch {
	case p.Provider != nil:
		return p.Site.providerLD(p.Provider)
	case p.Event != nil:
		return p.Site.eventLD(p.Event)
	case p.Synopsis != nil:
		return p.Site.synopsisLD(p.Synopsis)
	case p.Factsheet != nil:
		return p.Site.factsheetLD(p.Factsheet)
	case p.Learning != nil:
		return p.Site.learningLD(p.Learning)
	}
	return nil
}

func (s *Site) providerLD(p *Provider) *ldAgent {
	a := &ldAgent{Context: schemaContext, Type: "Organization", ID: s.absURL(p.URL) + "#provider", Name: p.Name,
		Description: p.Summary, URL: s.absURL(p.URL), Email: p.Email, Telephone: p.Phone,
		KnowsAbout: labels(p.Pathways), AreaServed: districts(s, p.Districts), DateChanged: dateOrEmpty(p.Reviewed)}
	if p.Website != "" {
		a.SameAs = []string{p.Website}
	}
	if p.Since != 0 {
		a.FoundingYr = strconv.Itoa(p.Since)
	}
	var places []ldPlace
	for _, v := range p.Venues {
		places = append(places, s.venuePlace(p, v))
	}
	if p.Kind == "freelance" {
		a.Type, a.WorkLoc, a.Image = "Person", places, s.absOrEmpty(p.LogoURL)
	} else {
		a.Location, a.Logo = places, s.absOrEmpty(p.LogoURL)
	}
	for _, pg := range p.Programmes {
		if pg.Status != "ended" {
			a.MakesOffer = append(a.MakesOffer, s.programmeOffer(p, pg))
		}
	}
	return a
}

func (s *Site) programmeOffer(p *Provider, pg *Programme) ldOffer {
	svc := ldService{Type: "Service", Name: pg.Title, Description: pg.Summary,
		URL: s.absURL(p.URL) + "#programme-" + pg.ID, ServiceType: labels(pg.Artforms)}
	for _, a := range pg.Audiences {
		svc.Audience = append(svc.Audience, ldAud{Type: "Audience", AudienceType: a.Label})
	}
	for _, v := range pg.Venues {
		svc.AreaServed = append(svc.AreaServed, s.venuePlace(p, v))
	}
	if pg.Commissioner != "" {
		svc.Funder = &ldAgentNm{Type: "Organization", Name: pg.Commissioner}
	}
	o := ldOffer{Type: "Offer", ItemOffered: svc, URL: svc.URL}
	if pg.Cost == "free" || pg.Cost == "funded" {
		o.Price, o.PriceCurrency = "0", "GBP"
	}
	return o
}

func (s *Site) venuePlace(p *Provider, v *Venue) ldPlace {
	pl := ldPlace{Type: "Place", Name: v.Name, URL: s.absURL(p.URL) + "#" + v.Anchor,
		Geo: &ldGeoCoordinate{Type: "GeoCoordinates", Latitude: v.Point.Lat(), Longitude: v.Point.Lon()}}
	if v.Address != "" || v.Postcode != "" {
		pl.Address = &ldAddress{Type: "PostalAddress", StreetAddress: v.Address, PostalCode: v.Postcode, Region: s.Region}
	}
	return pl
}

func districts(s *Site, ts []*TermPage) []ldPlace {
	var out []ldPlace
	for _, t := range ts {
		out = append(out, ldPlace{Type: "AdministrativeArea", Name: t.Label, URL: s.absURL(t.URL)})
	}
	return out
}

func labels(ts []*TermPage) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Label)
	}
	return out
}

func (s *Site) absOrEmpty(p string) string {
	if p == "" {
		return ""
	}
	return s.absURL(p)
}

// inlineText is the text of inline HTML (a rendered definition), with
// entities decoded and spaces collapsed.
func inlineText(h template.HTML) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(string(h)))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt == html.TextToken {
			b.Write(z.Text())
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
