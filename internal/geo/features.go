package geo

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"artsmap/internal/controls"
	"artsmap/internal/diag"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// ParseLocations reads a provider's locations.geojson: Point features are
// venues, Polygon and MultiPolygon features are areas served. Every problem
// is added to probs, located in path; what could be read is returned.
func ParseLocations(path string, data []byte, region Bounds, probs *diag.List) ([]Venue, []Area) {
	fc, f := readCollection(path, data, probs)
	if fc == nil {
		return nil, nil
	}
	ids := f.featureIDs(fc)
	short := make([]string, len(fc.Features))
	if hasZero(fc) { // orb reads a missing number as 0: only then look again at the JSON
		short = shortPositions(data, len(fc.Features))
	}
	var venues []Venue
	var areas []Area
	for i, feat := range fc.Features {
		at := "features." + strconv.Itoa(i)
		if short[i] != "" {
			f.errorf(at+".geometry.coordinates", "position %s needs two numbers, longitude then latitude", short[i]).Hint =
				"write each position as [longitude, latitude], for example [" + num(region.West) + ", " + num(region.North) + "]"
			continue
		}
		switch g := feat.Geometry.(type) {
		case orb.Point:
			v, ok := f.venue(at, ids[i], g, feat.Properties, region)
			if ok {
				venues = append(venues, v)
			}
		case orb.Polygon, orb.MultiPolygon:
			if f.checkArea(at, g, region); ids[i] != "" {
				areas = append(areas, Area{ID: ids[i], Name: f.text(at, feat.Properties, "name"), Geometry: g})
			}
		case nil:
			f.errorf(at, "feature %d has no geometry", i+1).Hint = `a venue needs "geometry": {"type": "Point", "coordinates": [lon, lat]}`
		default:
			f.errorf(at+".geometry.type", "%s features are not used: use a Point for a venue or a Polygon for an area served", feat.Geometry.GeoJSONType())
		}
	}
	return venues, areas
}

// hasZero reports whether any position of the collection has a number
// that is exactly 0, as a missing one reads.
func hasZero(fc *geojson.FeatureCollection) bool {
	for _, feat := range fc.Features {
		if zeroIn(feat.Geometry) {
			return true
		}
	}
	return false
}

func zeroIn(g orb.Geometry) bool {
	switch g := g.(type) {
	case orb.Point:
		return g[0] == 0 || g[1] == 0
	case orb.MultiPoint:
		return slices.ContainsFunc(g, func(p orb.Point) bool { return zeroIn(p) })
	case orb.LineString:
		return zeroIn(orb.MultiPoint(g))
	case orb.Ring:
		return zeroIn(orb.MultiPoint(g))
	case orb.Polygon:
		return slices.ContainsFunc(g, func(r orb.Ring) bool { return zeroIn(r) })
	case orb.MultiLineString:
		return slices.ContainsFunc(g, func(l orb.LineString) bool { return zeroIn(l) })
	case orb.MultiPolygon:
		return slices.ContainsFunc(g, func(p orb.Polygon) bool { return zeroIn(p) })
	case orb.Collection:
		return slices.ContainsFunc(g, zeroIn)
	}
	return g == nil // no geometry: coordinates may be present but empty
}

// shortPositions finds, for each of n features, the first position in its
// geometry with fewer than two numbers (a Point's missing or empty
// coordinates included), as JSON, or "": orb reads missing numbers as 0,
// which would place a venue at the equator or the prime meridian.
func shortPositions(data []byte, n int) []string {
	var raw struct {
		Features []struct {
			Geometry *struct {
				Type        string `json:"type"`
				Coordinates any    `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	short := make([]string, n)
	if json.Unmarshal(data, &raw) != nil || len(raw.Features) != n {
		return short
	}
	for i, feat := range raw.Features {
		if g := feat.Geometry; g != nil && g.Type == "Point" {
			if list, _ := g.Coordinates.([]any); len(list) == 0 {
				short[i] = jsonText(g.Coordinates)
				continue
			}
		}
		if feat.Geometry != nil {
			short[i] = shortPosition(feat.Geometry.Coordinates)
		}
	}
	return short
}

// shortPosition returns the first list of numbers in v with fewer than two
// of them, as JSON, or "".
func shortPosition(v any) string {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return ""
	}
	if _, isNum := list[0].(float64); isNum {
		if len(list) < 2 {
			return jsonText(list)
		}
		return ""
	}
	for _, item := range list {
		if s := shortPosition(item); s != "" {
			return s
		}
	}
	return ""
}

// jsonText writes v as compact JSON.
func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

var venueProps = []string{"name", "address", "postcode", "step_free", "hearing_loop", "parking", "accessibility"}

// venue builds a Venue from a Point feature and its properties.
func (f *file) venue(at, id string, p orb.Point, props geojson.Properties, region Bounds) (Venue, bool) {
	f.checkPoint(at+".geometry.coordinates", p, region)
	ok := id != ""
	i, _ := strconv.Atoi(strings.TrimPrefix(at, "features."))
	v := Venue{
		Feature:       i,
		ID:            id,
		Point:         p,
		Name:          f.text(at, props, "name"),
		Address:       f.text(at, props, "address"),
		Postcode:      f.text(at, props, "postcode"),
		Accessibility: f.text(at, props, "accessibility"),
		StepFree:      f.flag(at, props, "step_free"),
		HearingLoop:   f.flag(at, props, "hearing_loop"),
		Parking:       f.flag(at, props, "parking"),
	}
	// A name of the wrong type was reported by text; a missing or empty one is reported here.
	if _, isText := props["name"].(string); v.Name == "" && (props["name"] == nil || isText) {
		f.errorf(at+".properties", "venue %q has no name", id).Hint = `add "name": "..." to its properties`
	}
	for k := range props {
		if !slices.Contains(venueProps, k) {
			f.warnf(at+".properties."+k, "property %q is not used", k).Hint = diag.Suggest(k, venueProps)
		}
	}
	return v, ok
}

// text reads an optional text property.
func (f *file) text(at string, props geojson.Properties, key string) string {
	v, ok := props[key]
	if !ok || v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		f.errorf(at+".properties."+key, "property %q must be text in quotes, found %v", key, v)
	}
	if r, bad := controls.Find(s); bad {
		f.errorf(at+".properties."+key, "property %q holds a control character (U+%04X), which would garble the site's downloads", key, r).Hint = controls.Hint
	}
	return s
}

// flag reads an optional true/false property.
func (f *file) flag(at string, props geojson.Properties, key string) *bool {
	v, ok := props[key]
	if !ok || v == nil {
		return nil
	}
	b, ok := v.(bool)
	if !ok {
		f.errorf(at+".properties."+key, "property %q must be true or false (no quotes), found %v", key, v)
		return nil
	}
	return &b
}

// checkArea checks that every ring is closed and every vertex in the region.
func (f *file) checkArea(at string, g orb.Geometry, region Bounds) bool {
	polys := Polygons(g)
	if len(polys) == 0 || slices.ContainsFunc(polys, func(p orb.Polygon) bool { return len(p) == 0 }) {
		f.errorf(at+".geometry.coordinates", "the area has no coordinates").Hint =
			"draw the area again, for example on geojson.io, or remove the feature"
		return false
	}
	ok := true
	for _, poly := range polys {
		for _, ring := range poly {
			if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
				f.errorf(at+".geometry.coordinates", "a polygon ring must have at least four positions and end where it starts").Hint =
					"repeat the first position as the last one"
				return false
			}
			for _, p := range ring {
				if !f.checkPoint(at+".geometry.coordinates", p, region) {
					return false
				}
			}
		}
	}
	return ok
}

// ParseBoundaries reads a boundary file from content/areas/: every Polygon
// or MultiPolygon feature, with its code and name properties.
func ParseBoundaries(path string, data []byte, probs *diag.List) []Area {
	fc, f := readCollection(path, data, probs)
	if fc == nil {
		return nil
	}
	var areas []Area
	for i, feat := range fc.Features {
		at := "features." + strconv.Itoa(i)
		switch feat.Geometry.(type) {
		case orb.Polygon, orb.MultiPolygon:
		default:
			f.warnf(at, "feature %d is not a Polygon or MultiPolygon and is not drawn", i+1)
			continue
		}
		a := Area{Name: f.text(at, feat.Properties, "name"), Geometry: feat.Geometry}
		switch c := feat.Properties["code"].(type) {
		case string:
			a.Code = c
		case float64:
			a.Code = strconv.FormatFloat(c, 'f', -1, 64)
		case nil:
		default:
			a.Code = fmt.Sprint(c)
		}
		areas = append(areas, a)
	}
	return areas
}
