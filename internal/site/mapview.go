package site

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"artsmap/internal/geo"
	"artsmap/internal/registry"

	"github.com/paulmach/orb"
)

// MapView is the map drawn at build time: the picture for readers without
// JavaScript and for print, and the table beside it.
type MapView struct {
	Width, Height float64
	Areas         []MapArea
	Venues        []MapVenue
	Statuses      []string // the statuses present, for the key
	Towns         []TownCount
	Region        string // the region's name, for the picture's description
}

// TownCount counts a town's venues, in all and by status.
type TownCount struct {
	Name     string
	Venues   int
	ByStatus map[string]int
}

// MapArea is a boundary: a district matched by its ONS code, or another area.
type MapArea struct {
	Label      string
	District   *TermPage // nil when the boundary matches no district
	Path       string
	Geometry   orb.Geometry
	Programmes int // programmes, not ended, at venues in the district (see Reach)
	Online     int // programmes, not ended, online or as outreach by providers serving it
}

// MapVenue is a venue placed on the drawing.
type MapVenue struct {
	X, Y       float64
	Status     string
	Venue      *Venue
	Provider   *Provider
	Programmes []*Programme
	Town       string
}

// VenueRows are p's venues as the venue table shows them, each with its
// status, its programmes and its town; not placed on the drawing (X and Y
// are 0).
func (p *Provider) VenueRows() []MapVenue {
	out := make([]MapVenue, 0, len(p.Venues))
	for _, v := range p.Venues {
		st, progs := venueStatus(p, v)
		out = append(out, MapVenue{Status: st, Venue: v, Provider: p, Programmes: progs, Town: townOf(v.Address)})
	}
	return out
}

// venueStatus is the status a venue shows: its most established
// programme's, or the provider's when no programme runs there.
func venueStatus(p *Provider, v *Venue) (string, []*Programme) {
	var here []*Programme
	for _, pg := range p.Programmes {
		for _, pv := range pg.Venues {
			if pv == v {
				here = append(here, pg)
			}
		}
	}
	for _, st := range registry.Statuses { // most established first
		for _, pg := range here {
			if pg.Status == st.ID {
				return st.ID, here
			}
		}
	}
	return p.Status, here
}

// mapView projects boundaries and venues onto the drawing.
func (s *Site) mapView() *MapView {
	proj := geo.NewProjection(s.bounds, 800)
	m := &MapView{Width: proj.Width, Height: proj.Height, Region: s.Region}
	byCode := map[string]*TermPage{}
	if t := s.Taxonomy("districts"); t != nil {
		for _, d := range t.Terms {
			if d.Code != "" {
				byCode[d.Code] = d
			}
		}
	}
	for _, a := range s.boundaries {
		ma := MapArea{Label: a.Name, District: byCode[a.Code], Path: proj.Path(geo.Outline(a.Geometry)), Geometry: a.Geometry}
		if ma.District != nil {
			ma.Label = ma.District.Label
			ma.Programmes, ma.Online = s.RunningIn(ma.District)
		}
		m.Areas = append(m.Areas, ma)
	}
	seen := map[string]bool{}
	for _, p := range s.Providers {
		for _, mv := range p.VenueRows() {
			mv.X, mv.Y = proj.Point(mv.Venue.Point)
			seen[mv.Status] = true
			m.Venues = append(m.Venues, mv)
		}
	}
	for _, st := range registry.Statuses {
		if seen[st.ID] {
			m.Statuses = append(m.Statuses, st.ID)
		}
	}
	m.Towns = towns(m.Venues)
	return m
}

// shape draws a status marker inside a group with its CSS class, for
// inline SVG such as the map's key.
func shape(status string, x, y float64) template.HTML {
	return template.HTML(`<g class="m-` + status + `">` + shapeOf(status, x, y) + `</g>`) // numbers and fixed names
}

// shapeOf draws a status marker in the registry's shape for it: a
// circle, triangle, diamond or cross.
func shapeOf(status string, x, y float64) string {
	pt := func(dx, dy float64) string { return f1(x+dx) + "," + f1(y+dy) }
	st, _ := registry.StatusOf(status)
	switch st.Shape {
	case registry.Circle:
		return `<circle cx="` + f1(x) + `" cy="` + f1(y) + `" r="5.5"/>`
	case registry.Triangle:
		return `<polygon points="` + pt(0, -7) + " " + pt(6.5, 5) + " " + pt(-6.5, 5) + `"/>`
	case registry.Diamond:
		return `<polygon points="` + pt(0, -7) + " " + pt(6.5, 0) + " " + pt(0, 7) + " " + pt(-6.5, 0) + `"/>`
	}
	return `<path d="M` + pt(-5, -5) + "L" + pt(5, 5) + "M" + pt(5, -5) + "L" + pt(-5, 5) + `"/>`
}

func f1(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// shade buckets a district's active programmes into five steps for the
// choropleth (0 is none).
func shade(n int) int {
	switch {
	case n == 0:
		return 0
	case n < 3:
		return 1
	case n < 6:
		return 2
	case n < 10:
		return 3
	}
	return 4
}

// towns counts venues by town, A to Z; venues without a town come last.
func towns(venues []MapVenue) []TownCount {
	byName := map[string]*TownCount{}
	for _, v := range venues {
		name := v.Town
		if name == "" {
			name = "Other places"
		}
		t := byName[name]
		if t == nil {
			t = &TownCount{Name: name, ByStatus: map[string]int{}}
			byName[name] = t
		}
		t.Venues++
		t.ByStatus[v.Status]++
	}
	out := make([]TownCount, 0, len(byName))
	for _, t := range byName {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b TownCount) int {
		if (a.Name == "Other places") != (b.Name == "Other places") {
			if a.Name == "Other places" {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// SpotMap is a small drawing of the region with one place marked.
type SpotMap struct {
	Width, Height float64
	Areas         []string // boundary paths
	X, Y          float64
	OSM           string // the place on OpenStreetMap
}

// EventMap draws where an event is, or returns nil when it has no location.
func (s *Site) EventMap(e *Event) *SpotMap {
	if len(e.Location) != 2 || !s.bounds.Valid() {
		return nil
	}
	proj := geo.NewProjection(s.bounds, 320)
	m := &SpotMap{Width: proj.Width, Height: proj.Height}
	for _, a := range s.boundaries {
		m.Areas = append(m.Areas, proj.Path(a.Geometry))
	}
	m.X, m.Y = proj.Point(orb.Point{e.Location[0], e.Location[1]})
	lat, lon := strconv.FormatFloat(e.Location[1], 'f', 5, 64), strconv.FormatFloat(e.Location[0], 'f', 5, 64)
	m.OSM = "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=15/" + lat + "/" + lon
	return m
}
