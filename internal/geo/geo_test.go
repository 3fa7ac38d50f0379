package geo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"artsmap/internal/diag"

	"github.com/paulmach/orb"
)

var region = Bounds{West: -2.70, South: 51.57, East: -1.61, North: 52.12}

func parse(src string) ([]Venue, []Area, []diag.Problem) {
	var probs diag.List
	v, a := ParseLocations("loc.geojson", []byte(src), region, &probs)
	return v, a, probs.Items()
}

func TestParseLocationsProblems(t *testing.T) {
	point := func(id, coords, props string) string {
		return `{"type": "FeatureCollection", "features": [
{"type": "Feature", "id": ` + id + `, "geometry": {"type": "Point", "coordinates": ` + coords + `}, "properties": ` + props + `}
]}`
	}
	tests := []struct {
		name, src string
		line, col int
		msg, hint string
		warning   bool
	}{
		{"not JSON", "{\"type\": \"FeatureCollection\",\n \"features\": [,]}", 2, 15, "not valid JSON", "comma", false},
		{"not a collection", `{"type": "Feature"}`, 1, 10, `must be a GeoJSON FeatureCollection, found type "Feature"`, "", false},
		{"no id", strings.Replace(point(`"x"`, "[-2.2, 51.8]", `{"name": "Hall"}`), `"id": "x", `, "", 1), 2, 1, "feature 1 has no \"id\"", "", false},
		{"number id", point("7", "[-2.2, 51.8]", `{"name": "Hall"}`), 2, 27, "the feature id must be text in quotes", "", false},
		{"bad id", point(`"Main Hall"`, "[-2.2, 51.8]", `{"name": "Hall"}`), 2, 27, `feature id "Main Hall" must use lower-case`, `"main-hall"`, false},
		{"swapped", point(`"hall"`, "[51.8, -2.2]", `{"name": "Hall"}`), 2, 80, "point [51.8, -2.2] has longitude and latitude swapped", "write [-2.2, 51.8]", false},
		{"outside", point(`"hall"`, "[-0.1, 51.5]", `{"name": "Hall"}`), 2, 80, "lies outside the region's bounds", "longitude -2.7 to -1.61", false},
		{"no name", point(`"hall"`, "[-2.2, 51.8]", `{}`), 2, 109, `venue "hall" has no name`, `"name"`, false},
		{"flag type", point(`"hall"`, "[-2.2, 51.8]", `{"name": "Hall", "step_free": "yes"}`), 2, 139, `property "step_free" must be true or false`, "", false},
		{"unknown property", point(`"hall"`, "[-2.2, 51.8]", `{"name": "Hall", "adress": "x"}`), 2, 136, `property "adress" is not used`, `did you mean "address"?`, true},
		{"line string", `{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "r", "geometry": {"type": "LineString", "coordinates": [[-2.2, 51.8], [-2.1, 51.8]]}, "properties": {}}]}`, 1, 96, "LineString features are not used", "", false},
		{"open ring", `{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "a", "geometry": {"type": "Polygon", "coordinates": [[[-2.2, 51.8], [-2.1, 51.8], [-2.1, 51.9], [-2.2, 51.9]]]}, "properties": {}}]}`, 1, 122, "a polygon ring must have at least four positions and end where it starts", "repeat the first position", false},
		{"duplicate id", `{"type": "FeatureCollection", "features": [
{"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [-2.2, 51.8]}, "properties": {"name": "A"}},
{"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [-2.1, 51.8]}, "properties": {"name": "B"}}]}`, 3, 27, `feature id "a" is used twice (first by feature 1)`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, probs := parse(tt.src)
			for _, p := range probs {
				if p.Line == tt.line && p.Col == tt.col && p.Warning == tt.warning &&
					strings.Contains(p.Message, tt.msg) && strings.Contains(p.Hint, tt.hint) {
					return
				}
			}
			t.Errorf("want %d:%d %q (%q); got %v", tt.line, tt.col, tt.msg, tt.hint, probs)
		})
	}
}

func TestParseLocationsReadsVenuesAndAreas(t *testing.T) {
	v, a, probs := parse(`{"type": "FeatureCollection", "features": [
{"type": "Feature", "id": "hall", "geometry": {"type": "Point", "coordinates": [-2.2, 51.8]},
 "properties": {"name": "Hall", "address": "High St, Stroud", "postcode": "GL5 1AA", "step_free": true, "hearing_loop": false, "accessibility": "Ramp."}},
{"type": "Feature", "id": "patch", "geometry": {"type": "Polygon", "coordinates": [[[-2.2, 51.8], [-2.1, 51.8], [-2.1, 51.9], [-2.2, 51.8]]]}, "properties": {"name": "Patch"}}
]}`)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if len(v) != 1 || v[0].Name != "Hall" || *v[0].StepFree != true || *v[0].HearingLoop != false || v[0].Parking != nil || v[0].Point != (orb.Point{-2.2, 51.8}) {
		t.Errorf("venue = %+v", v)
	}
	if len(a) != 1 || a[0].ID != "patch" || a[0].Name != "Patch" {
		t.Errorf("areas = %+v", a)
	}
}

// TestBoundariesFromONS reads the shared ONS district file and places the
// documented test points in the right districts.
func TestBoundariesFromONS(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "data", "gloucestershire-districts.geojson"))
	if err != nil {
		t.Skipf("no boundary data: %v", err)
	}
	var probs diag.List
	areas := ParseBoundaries("districts.geojson", data, &probs)
	if probs.Len() > 0 || len(areas) != 6 {
		t.Fatalf("%d areas, problems %v", len(areas), probs.Items())
	}
	points := map[string]orb.Point{
		"E07000078": {-2.078, 51.899}, "E07000081": {-2.244, 51.864}, "E07000082": {-2.215, 51.745},
		"E07000080": {-2.507, 51.822}, "E07000079": {-1.874, 51.713}, "E07000083": {-2.160, 51.993},
	}
	for code, pt := range points {
		for _, a := range areas {
			if in := Contains(a.Geometry, pt); in != (a.Code == code) {
				t.Errorf("point %v in %s (%s) = %v", pt, a.Name, a.Code, in)
			}
		}
	}
	worcester := orb.Point{-2.22, 52.19}
	for _, a := range areas {
		if Contains(a.Geometry, worcester) {
			t.Errorf("Worcester falls in %s", a.Name)
		}
	}
}

func FuzzParseLocations(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "providers", "*", "locations.geojson"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":null,"properties":null}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"MultiPolygon","coordinates":[]},"properties":{}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var probs diag.List
		venues, areas := ParseLocations("loc.geojson", data, region, &probs)
		for _, p := range probs.Items() {
			if p.Line < 1 || p.Col < 1 {
				t.Fatalf("problem without a position: %+v", p)
			}
		}
		for _, v := range venues {
			if v.ID == "" {
				t.Fatal("venue without an id")
			}
		}
		for _, a := range areas {
			if a.ID == "" {
				t.Fatal("area without an id")
			}
		}
	})
}
