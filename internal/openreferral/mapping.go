package openreferral

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/paulmach/orb/geojson"
)

// Export is the whole directory in HSDS terms. Each item carries its own
// details (phones, addresses, schedules); the links between items are by
// id, and Files nests them for the per-item documents. Attributes appear
// only in an item's own document, so Files makes them there rather than
// holding some hundreds of thousands of them for a large site.
type Export struct {
	Organizations      []Organization
	Services           []Service
	Locations          []Location
	ServiceAtLocations []ServiceAtLocation
	Taxonomies         []Taxonomy
	TaxonomyTerms      []TaxonomyTerm

	owners map[string]string // item id -> the slug of the one profile it is made from
}

// links are what an item's attributes are made from: the terms it names
// (shared with the export's list, not copied), its kind and its key.
type links struct {
	terms       []*TaxonomyTerm
	entity, key string
}

// link resolves the terms an item names, leaving out any the site's
// vocabularies do not hold.
func (m *mapper) link(refs []TermRef, entity, key string) links {
	l := links{terms: make([]*TaxonomyTerm, 0, len(refs)), entity: entity, key: key}
	for _, r := range refs {
		if t, ok := m.terms[r]; ok {
			l.terms = append(l.terms, t)
		}
	}
	return l
}

// The vocabularies whose terms have a meaning of their own in HSDS.
const (
	districtsKey = "districts"
	referralKey  = "referral"
	audiencesKey = "audiences"
)

// mapper holds the taxonomy terms while a directory is mapped.
type mapper struct {
	dir   Directory
	terms map[TermRef]*TaxonomyTerm // shared by every attribute that links to it
	out   *Export
}

// Map turns a directory into HSDS items, every list sorted by id so that
// the same directory always gives the same export.
func Map(d Directory) *Export {
	terms := map[TermRef]*TaxonomyTerm{}
	m := &mapper{dir: d, terms: terms, out: &Export{owners: map[string]string{}}}
	m.taxonomies()
	for i := range d.count() {
		m.provider(d.provider(i))
	}
	m.out.sort()
	return m.out
}

// sort puts every list of the export in order of id.
func (e *Export) sort() {
	sortByID(e.Organizations, func(o Organization) string { return o.ID })
	sortByID(e.Services, func(s Service) string { return s.ID })
	sortByID(e.Locations, func(l Location) string { return l.ID })
	sortByID(e.ServiceAtLocations, func(s ServiceAtLocation) string { return s.ID })
	sortByID(e.Taxonomies, func(t Taxonomy) string { return t.ID })
	sortByID(e.TaxonomyTerms, func(t TaxonomyTerm) string { return t.ID })
}

func sortByID[T any](items []T, id func(T) string) {
	slices.SortFunc(items, func(a, b T) int { return cmp.Compare(id(a), id(b)) })
}

func (m *mapper) taxonomies() {
	lang := m.dir.Language
	for _, v := range m.dir.Vocabularies {
		tax := Taxonomy{ID: ID("taxonomy", v.Key), Name: v.Name, Description: cmp.Or(v.Description, v.Name), URI: v.URL}
		m.out.Taxonomies = append(m.out.Taxonomies, tax)
		for _, t := range v.Terms {
			term := TaxonomyTerm{
				ID: ID("taxonomy_term", v.Key+"/"+t.ID), Code: t.ID, Name: t.Label,
				Description: cmp.Or(t.Description, t.Label), Taxonomy: v.Name, TaxonomyID: tax.ID,
				Language: lang, TermURI: t.URL, vocab: v.Key,
			}
			m.terms[TermRef{v.Key, t.ID}] = &term
			m.out.TaxonomyTerms = append(m.out.TaxonomyTerms, term)
		}
	}
}

// provider maps a profile to an organization, its venues to locations and
// its programmes (or, with none, one general offer) to services.
func (m *mapper) provider(p Provider) {
	services, sals := len(m.out.Services), len(m.out.ServiceAtLocations)
	defer func() {
		for _, s := range m.out.Services[services:] {
			m.out.owners[s.ID] = p.Slug
		}
		for _, s := range m.out.ServiceAtLocations[sals:] {
			m.out.owners[s.ID] = p.Slug
		}
	}()
	org := Organization{
		ID: ID("organization", p.Slug), Name: p.Name, Description: cmp.Or(p.Summary, p.Name),
		Email: p.Email, Website: p.Website, Logo: p.Logo, URI: p.URL,
	}
	org.Phones = phones(p.Phone, "organization:"+p.Slug)
	org.links = m.link(p.Terms, "organization", p.Slug)
	m.out.Organizations = append(m.out.Organizations, org)
	m.out.owners[org.ID] = p.Slug
	for _, v := range p.Venues {
		m.out.Locations = append(m.out.Locations, m.location(p, v, org.ID))
	}
	if len(p.Programmes) == 0 {
		m.service(p, Programme{Title: p.Name, Summary: p.Summary, URL: p.URL, Terms: p.Terms,
			Venues: venueIDs(p.Venues), Areas: areaIDs(p.Areas), Joining: p.Joining}, org.ID)
	}
	for _, pg := range p.Programmes {
		m.service(p, pg, org.ID)
	}
}

func venueIDs(vs []Venue) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.ID
	}
	return out
}

func areaIDs(as []Area) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

// phones is the published phone number, if any, as an HSDS list.
func phones(number, key string) []Phone {
	if number == "" {
		return nil
	}
	return []Phone{{ID: ID("phone", key), Number: number}}
}

// attributes link an item to the taxonomy terms it lists.
func (e *Export) attributes(l links, linkID string) []Attribute {
	var out []Attribute
	for _, term := range l.terms {
		out = append(out, Attribute{
			ID: ID("attribute", l.entity+":"+l.key+"/"+term.vocab+"/"+term.Code), LinkID: linkID, TaxonomyTermID: term.ID,
			LinkType: term.vocab, LinkEntity: l.entity, TaxonomyTerm: term,
		})
	}
	return out
}

// labels are the names of the terms of one vocabulary among refs.
func (m *mapper) labels(refs []TermRef, vocab string) []string {
	var out []string
	for _, r := range refs {
		if t, ok := m.terms[r]; ok && r.Vocabulary == vocab {
			out = append(out, t.Name)
		}
	}
	return out
}

// location maps a venue.
func (m *mapper) location(p Provider, v Venue, orgID string) Location {
	key := p.Slug + "/" + v.ID
	loc := Location{
		ID: ID("location", key), LocationType: "physical", URL: v.URL, OrganizationID: orgID, Name: v.Name,
		Latitude: v.Point.Lat(), Longitude: v.Point.Lon(),
	}
	if v.Address != "" || v.Postcode != "" || v.Town != "" {
		loc.Addresses = []Address{{
			ID: ID("address", key), LocationID: loc.ID, Address1: cmp.Or(v.Address, v.Name), City: v.Town,
			StateProvince: m.dir.Region, PostalCode: v.Postcode, Country: m.dir.Country, AddressType: "physical",
		}}
	}
	if v.Access != "" || v.Accessibility != "" {
		loc.Accessibility = []Accessibility{{ID: ID("accessibility", key), LocationID: loc.ID,
			Description: v.Accessibility, Details: v.Access}}
	}
	return loc
}

// date is an HSDS date (YYYY-MM-DD), or "" for the zero time.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// geoJSON writes a geometry as a GeoJSON string.
func geoJSON(g geojson.Geometry) string {
	b, err := json.Marshal(g)
	if err != nil {
		return ""
	}
	return string(b)
}

// sentence joins labels after a lead-in: "Referral: GP, Self-referral."
func sentence(lead string, labels []string) string {
	if len(labels) == 0 {
		return ""
	}
	return lead + strings.Join(labels, ", ") + "."
}
