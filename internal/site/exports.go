package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"artsmap/internal/geo"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Paths of the open-data downloads.
const (
	GeoJSONPath = "/data/providers.geojson"
	CSVPath     = "/data/providers.csv"
)

// providersGeoJSON is every venue (Point) and area served (Polygon) with
// the provider and programmes it belongs to. Only published fields appear.
// Each provider's features are encoded apart, so that a large site never
// holds them all at once, and kept between builds (see cardStore).
func (s *Site) providersGeoJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"features":[`)
	first := true
	for _, p := range s.Providers {
		data, err := s.pieces.fragment(p, "geojson", func() ([]byte, error) { return s.featuresJSON(p) })
		if err != nil {
			return nil, err
		}
		if len(data) > 0 && !first {
			b.WriteByte(',')
		}
		first = first && len(data) == 0
		b.Write(data)
	}
	b.WriteString(`],"type":"FeatureCollection"}` + "\n")
	return b.Bytes(), nil
}

// featuresJSON is p's features (see features) encoded, one after another,
// each followed by a comma but the last.
func (s *Site) featuresJSON(p *Provider) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i, f := range s.features(p) {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := enc.Encode(f); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode ends each value with a newline
	}
	return b.Bytes(), nil
}

// features are a provider's venues and areas served as GeoJSON features.
func (s *Site) features(p *Provider) []*geojson.Feature {
	var out []*geojson.Feature
	for _, v := range p.Venues {
		f := geojson.NewFeature(v.Point)
		f.ID = p.Slug + "/" + v.ID
		f.Properties = p.featureProps(s)
		f.Properties["feature"] = "venue"
		f.Properties["venue"] = v.Name
		f.Properties["address"] = v.Address
		f.Properties["postcode"] = v.Postcode
		f.Properties["programmes"] = p.programmesAt(v.ID)
		f.Properties["programme_details"] = p.programmeDetails(v.ID)
		f.Properties["accessibility"] = v.Accessibility
		if d := s.districtAt(v.Point); d != "" {
			f.Properties["district"] = d
		}
		setFlag(f.Properties, "step_free", v.StepFree)
		setFlag(f.Properties, "hearing_loop", v.HearingLoop)
		setFlag(f.Properties, "parking", v.Parking)
		out = append(out, f)
	}
	for _, a := range p.Areas {
		f := geojson.NewFeature(a.Geometry)
		f.ID = p.Slug + "/" + a.ID
		f.Properties = p.featureProps(s)
		f.Properties["feature"] = "area-served"
		f.Properties["area"] = a.Name
		f.Properties["programmes"] = p.programmesAt(a.ID)
		f.Properties["programme_details"] = p.programmeDetails(a.ID)
		out = append(out, f)
	}
	return out
}

// featureProps are the provider's properties every feature carries.
func (p *Provider) featureProps(s *Site) geojson.Properties {
	return geojson.Properties{
		"provider": p.Slug, "name": p.Name, "kind": p.Kind, "status": p.Status,
		"pathways": termIDs(p.Pathways), "artforms": termIDs(p.Artforms), "districts": termIDs(p.Districts),
		"url": s.absURL(p.URL), "since": p.Since,
	}
}

// programmesAt lists the ids of the programmes that run at a venue or area.
func (p *Provider) programmesAt(id string) []string {
	out := []string{}
	for _, pg := range p.Programmes {
		if pg.runsAt(id) {
			out = append(out, pg.ID)
		}
	}
	return out
}

func (pg *Programme) runsAt(id string) bool {
	for _, v := range pg.Venues {
		if v.ID == id {
			return true
		}
	}
	return slices.Contains(pg.areaIDs, id)
}

// programmeDetails describes the programmes at a venue or area: what the
// map's popups and time control need.
func (p *Provider) programmeDetails(id string) []map[string]any {
	out := []map[string]any{}
	for _, pg := range p.Programmes {
		if pg.runsAt(id) {
			out = append(out, map[string]any{"id": pg.ID, "title": pg.Title, "status": pg.Status,
				"started": dateOrEmpty(pg.Started), "ended": dateOrEmpty(pg.Ended), "pathways": termIDs(pg.Pathways)})
		}
	}
	return out
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func setFlag(props geojson.Properties, key string, b *bool) {
	if b != nil {
		props[key] = *b
	}
}

func termIDs(ts []*TermPage) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.ID
	}
	return out
}

// csvColumns are the columns of /data/providers.csv, one row per provider.
var csvColumns = []string{"slug", "name", "kind", "status", "since", "districts", "pathways", "artforms",
	"audiences", "referral", "website", "email", "phone", "programmes", "venues", "reviewed", "url", "districts_running"}

// providersCSV is one row per provider. Lists are joined with "; ".
// Contact details appear only where the provider agreed to publish them.
func (s *Site) providersCSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(csvColumns) // a bytes.Buffer does not fail
	for _, p := range s.Providers {
		since := ""
		if p.Since != 0 {
			since = strconv.Itoa(p.Since)
		}
		w.Write(defuse([]string{p.Slug, p.Name, p.Kind, p.Status, since, // as above
			strings.Join(termIDs(p.Districts), "; "), strings.Join(termIDs(p.Pathways), "; "),
			strings.Join(termIDs(p.Artforms), "; "), strings.Join(termIDs(p.Audiences), "; "),
			strings.Join(termIDs(p.Referral), "; "), p.Website, p.Email, p.Phone,
			strconv.Itoa(len(p.Programmes)), strconv.Itoa(len(p.Venues)), p.Reviewed.Format("2006-01-02"),
			s.absURL(p.URL), strings.Join(termIDs(s.runningIn(p)), "; ")}))
	}
	w.Flush()
	return b.Bytes()
}

// runningIn lists the districts where a provider's programmes, not
// ended, run (see Reach), in the vocabulary's order.
func (s *Site) runningIn(p *Provider) []*TermPage {
	var out []*TermPage
	for _, d := range s.Taxonomy("districts").Terms {
		for _, pg := range p.Programmes {
			if running(pg) && hasTerm(s.ReachOf(pg).Districts, d) {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// defuse stops a spreadsheet from reading a cell as a formula.
func defuse(row []string) []string {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			row[i] = "'" + c
		}
	}
	return row
}

// districtAt is the id of the district whose boundary (from content/areas,
// matched by ONS code) contains pt, or "" when there is none.
func (s *Site) districtAt(pt orb.Point) string {
	t := s.Taxonomy("districts")
	if t == nil {
		return ""
	}
	for _, a := range s.boundaries {
		for _, d := range t.Terms {
			if d.Code != "" && d.Code == a.Code && geo.Contains(a.Geometry, pt) {
				return d.ID
			}
		}
	}
	return ""
}
