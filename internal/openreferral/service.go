package openreferral

import (
	"cmp"
	"slices"

	"github.com/paulmach/orb/geojson"

	"artsmap/internal/registry"
)

// service maps a programme (or a provider's general offer, whose ID is
// empty) to a service and its service-at-locations.
func (m *mapper) service(p Provider, pg Programme, orgID string) {
	key := p.Slug
	if pg.ID != "" {
		key += "/" + pg.ID
	}
	s := Service{
		ID: ID("service", key), OrganizationID: orgID, Name: pg.Title, Description: cmp.Or(pg.Summary, p.Summary),
		URL: cmp.Or(pg.URL, p.URL), Email: p.Email, Status: status(pg.Status),
		FeesDescription: pg.CostLabel,
		AssuredDate:     date(p.Reviewed),
	}
	m.joining(&s, pg)
	if !p.Reviewed.IsZero() {
		s.LastModified = p.Reviewed.UTC().Format("2006-01-02T15:04:05Z")
	}
	s.Phones = phones(p.Phone, "service:"+key)
	var atVenue map[string][]Schedule
	s.Schedules, atVenue = recurrences(pg, s.ID, key)
	s.ServiceAreas = m.serviceAreas(p, pg, s.ID, key)
	s.CostOptions = costOptions(pg, s.ID, key)
	if pg.Commissioner != "" {
		s.Funding = []Funding{{ID: ID("funding", key), ServiceID: s.ID, Source: pg.Commissioner}}
	}
	s.links = m.link(pg.Terms, "service", key)
	m.out.Services = append(m.out.Services, s)
	for _, v := range pg.Venues {
		m.out.ServiceAtLocations = append(m.out.ServiceAtLocations, ServiceAtLocation{
			ID: ID("service_at_location", key+"@"+v), ServiceID: s.ID, LocationID: ID("location", p.Slug+"/"+v),
			Schedules: atVenue[v],
		})
	}
}

// status maps a programme's status: only an ended one is not running.
func status(s string) string {
	if !registry.Active(s) {
		return "inactive"
	}
	return "active"
}

// schedules says when and how a programme runs, when the profile says so.
func schedules(pg Programme, serviceID, key string) []Schedule {
	sc := Schedule{ID: ID("schedule", key), ServiceID: serviceID, ValidFrom: date(pg.Started), ValidTo: date(pg.Ended),
		Description: pg.Sessions, Notes: pg.FormatLabel}
	sc.AttendingType = attendingType(pg.Format)
	if sc == (Schedule{ID: sc.ID, ServiceID: serviceID}) {
		return nil
	}
	return []Schedule{sc}
}

// costOptions says what a programme costs: nothing when free or funded.
func costOptions(pg Programme, serviceID, key string) []CostOption {
	if pg.Cost == "" {
		return nil
	}
	c := CostOption{ID: ID("cost_option", key), ServiceID: serviceID, Option: cmp.Or(pg.CostLabel, pg.Cost)}
	if cost, _ := registry.CostOf(pg.Cost); cost.Free {
		zero := 0.0
		c.Amount, c.Currency = &zero, "GBP"
	}
	return []CostOption{c}
}

// serviceAreas are the provider's districts and the areas served the
// programme names, each area with its shape as GeoJSON.
func (m *mapper) serviceAreas(p Provider, pg Programme, serviceID, key string) []ServiceArea {
	var out []ServiceArea
	for _, r := range pg.Terms {
		if t, ok := m.terms[r]; ok && r.Vocabulary == districtsKey {
			out = append(out, ServiceArea{ID: ID("service_area", key+"/district/"+r.ID), ServiceID: serviceID,
				Name: t.Name, Description: "District", URI: t.TermURI})
		}
	}
	for _, a := range p.Areas {
		if !slices.Contains(pg.Areas, a.ID) || a.Geometry == nil {
			continue
		}
		out = append(out, ServiceArea{ID: ID("service_area", key+"/area/"+a.ID), ServiceID: serviceID,
			Name: cmp.Or(a.Name, a.ID), Description: "Area served", Extent: geoJSON(*geojson.NewGeometry(a.Geometry)),
			ExtentType: "geojson"})
	}
	return out
}
