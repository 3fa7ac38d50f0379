package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"artsmap/internal/geo"
	"artsmap/internal/registry"

	"github.com/paulmach/orb"
)

// Files the map page uses.
const (
	MapDataPath  = "/map/venues.json" // compact venue data for the interactive map
	MapImagePath = "/map/map.svg"     // the drawn map, for readers without JavaScript and for print
)

// statusCode numbers a status in the map's compact data: its place in
// the registry's list.
func statusCode(id string) int {
	for i, st := range registry.Statuses {
		if st.ID == id {
			return i
		}
	}
	return len(registry.Statuses)
}

// mapStatus describes a status to the map's script.
type mapStatus struct {
	ID     string  `json:"id"`
	Label  string  `json:"label"`
	Weight float64 `json:"weight"` // in the energy layer
	Ended  bool    `json:"ended"`
}

// mapData is the interactive map's data, as compact as it can be read:
//
//	providers: [[name, since, status], ...] in A to Z order, as the index's docs
//	venues:    [[lon, lat, doc, id, name, [[status, startYear, endYear], ...], town], ...]
//	areas:     [[doc, polygons, [[status, startYear, endYear], ...]], ...]
//	statuses:  [{id, label, weight, ended}, ...]: status n is the nth, most established first
//	districts: [[label, polygons, districtID, [gap pathway ids]], ...]: the
//	           boundaries of content/areas, as outlines, and for those matched to
//	           a district, the pathways with nothing running there (the Gaps view)
//
// Popups load the rest (address, access, programmes) from the profile page.
func (s *Site) mapData() ([]byte, error) {
	data := struct {
		Providers [][]any     `json:"providers"`
		Venues    [][]any     `json:"venues"`
		Areas     [][]any     `json:"areas"`
		Statuses  []mapStatus `json:"statuses"`
		Districts [][]any     `json:"districts"`
	}{[][]any{}, [][]any{}, [][]any{}, []mapStatus{}, [][]any{}}
	for _, st := range registry.Statuses {
		data.Statuses = append(data.Statuses, mapStatus{st.ID, st.Label, st.Weight, st.Ended})
	}
	for doc, p := range s.Providers {
		data.Providers = append(data.Providers, []any{p.Name, p.Since, statusCode(p.Status)})
		for _, v := range p.Venues {
			data.Venues = append(data.Venues, []any{round4(v.Point[0]), round4(v.Point[1]), doc, v.ID, v.Name, spans(p, v.ID), townOf(v.Address)})
		}
		for _, a := range p.Areas {
			data.Areas = append(data.Areas, []any{doc, polygons(a.Geometry), spans(p, a.ID)})
		}
	}
	gaps := map[*TermPage][]string{}
	for _, g := range s.Coverage().ByDistrict() {
		gaps[g.District] = []string{}
		for _, c := range g.Cells {
			gaps[g.District] = append(gaps[g.District], c.Pathway.ID)
		}
	}
	for _, a := range s.Map().Areas {
		id, gapIDs := "", []string{}
		if a.District != nil {
			id, gapIDs = a.District.ID, gaps[a.District]
		}
		data.Districts = append(data.Districts, []any{a.Label, polygons(geo.Outline(a.Geometry)), id, gapIDs})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(data)
	return b.Bytes(), err
}

// spans lists the status and years of the programmes at a venue or area.
func spans(p *Provider, id string) [][3]int {
	out := [][3]int{}
	for _, pg := range p.Programmes {
		if pg.runsAt(id) {
			out = append(out, [3]int{statusCode(pg.Status), yearOr0(pg.Started.Year(), pg.Started.IsZero()), yearOr0(pg.Ended.Year(), pg.Ended.IsZero())})
		}
	}
	return out
}

func yearOr0(y int, zero bool) int {
	if zero {
		return 0
	}
	return y
}

// polygons gives the rings of a Polygon or MultiPolygon as [lat, lon]
// pairs, as Leaflet takes them.
func polygons(g orb.Geometry) [][][][2]float64 {
	out := [][][][2]float64{}
	for _, poly := range geo.Polygons(g) {
		var rings [][][2]float64
		for _, ring := range poly {
			var pts [][2]float64
			for _, pt := range ring {
				pts = append(pts, [2]float64{round4(pt[1]), round4(pt[0])})
			}
			rings = append(rings, pts)
		}
		out = append(out, rings)
	}
	return out
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// shadeFill are the choropleth's five steps, lightest for no activity.
var shadeFill = []string{"#ffffff", "#e3efe9", "#c2ddd0", "#8fc0a9", "#5a9e82"}

// mapSVG is the drawn map as a standalone image: districts shaded by
// active programmes and venues by status. It uses presentation attributes
// only, so it needs no stylesheet.
func (s *Site) mapSVG() []byte {
	m := s.Map()
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s">`+"\n",
		f1(m.Width), f1(m.Height), f1(m.Width), f1(m.Height))
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#eef3f1"/>`+"\n")
	for _, a := range m.Areas {
		fill := "#ffffff"
		if a.District != nil {
			fill = shadeFill[shade(a.Programmes)]
		}
		fmt.Fprintf(&b, `<path d="%s" fill="%s" stroke="#505a5f" stroke-width="1"/>`+"\n", a.Path, fill)
	}
	for _, v := range m.Venues {
		b.WriteString(markerSVG(v.Status, v.X, v.Y))
		b.WriteByte('\n')
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// markerSVG draws a status marker with presentation attributes: filled,
// or an outline for work that has ended.
func markerSVG(status string, x, y float64) string {
	st, _ := registry.StatusOf(status)
	shape := shapeOf(status, x, y)
	if st.Ended {
		return `<g stroke="` + st.Colour + `" stroke-width="3" fill="none">` + shape + `</g>`
	}
	return `<g fill="` + st.Colour + `" stroke="#ffffff" stroke-width="1.5">` + shape + `</g>`
}
