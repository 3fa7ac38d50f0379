package site

import (
	"strconv"

	"artsmap/internal/registry"
)

// schemaContext is the JSON-LD context of every description.
const schemaContext = "https://schema.org"

// ldProfilePage is a provider's page: a schema.org ProfilePage whose main
// entity is the provider. The date the profile was last reviewed belongs to
// the page (schema.org defines dateModified on creative works, not on
// organisations or people).
type ldProfilePage struct {
	Context     string   `json:"@context"`
	Type        string   `json:"@type"`
	URL         string   `json:"url"`
	DateChanged string   `json:"dateModified,omitempty"`
	MainEntity  *ldAgent `json:"mainEntity"`
}

// ldAgent is a schema.org Organization or Person: a provider. A Person has
// no foundingDate or areaServed in schema.org, so people carry neither.
type ldAgent struct {
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

// ldOffer offers a programme (free and funded programmes cost nothing) or
// a place at an event, which has no item of its own.
type ldOffer struct {
	Type          string     `json:"@type"`
	ItemOffered   *ldService `json:"itemOffered,omitempty"`
	Price         string     `json:"price,omitempty"`
	PriceCurrency string     `json:"priceCurrency,omitempty"`
	URL           string     `json:"url,omitempty"`
}

// ldService is a programme. Its commissioner is not given: schema.org has
// no property for who funds a Service (funder is for organisations,
// people, events and creative works).
type ldService struct {
	Type        string    `json:"@type"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	URL         string    `json:"url,omitempty"`
	ServiceType []string  `json:"serviceType,omitempty"`
	Audience    []ldAud   `json:"audience,omitempty"`
	AreaServed  []ldPlace `json:"areaServed,omitempty"`
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
	case p.Handout():
		return nil // the profile describes the provider
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

func (s *Site) providerLD(p *Provider) *ldProfilePage {
	a := &ldAgent{Type: "Organization", ID: s.absURL(p.URL) + "#provider", Name: p.Name,
		Description: p.Summary, URL: s.absURL(p.URL), Email: p.Email, Telephone: p.Phone,
		KnowsAbout: labels(p.Pathways)}
	if p.Website != "" {
		a.SameAs = []string{webURL(p.Website)}
	}
	var places []ldPlace
	for _, v := range p.Venues {
		places = append(places, s.venuePlace(p, v))
	}
	if k, _ := registry.ProviderKindOf(p.Kind); k.Person {
		a.Type, a.WorkLoc, a.Image = "Person", places, s.absOrEmpty(p.LogoURL)
	} else {
		a.Location, a.Logo, a.AreaServed = places, s.absOrEmpty(p.LogoURL), districts(s, p.Districts)
		if p.Since != 0 {
			a.FoundingYr = strconv.Itoa(p.Since)
		}
	}
	for _, pg := range p.Programmes {
		if registry.Active(pg.Status) {
			a.MakesOffer = append(a.MakesOffer, s.programmeOffer(p, pg))
		}
	}
	return &ldProfilePage{Context: schemaContext, Type: "ProfilePage", URL: a.URL, DateChanged: dateOrEmpty(p.Reviewed), MainEntity: a}
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
	o := ldOffer{Type: "Offer", ItemOffered: &svc, URL: svc.URL}
	if c, _ := registry.CostOf(pg.Cost); c.Free {
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
