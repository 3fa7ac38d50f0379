package geo

import (
	"fmt"
	"strings"
	"testing"

	"artsmap/internal/diag"
	"artsmap/internal/testenv"

	"github.com/paulmach/orb"
)

// region is Gloucestershire's box.
var region = Bounds{West: -2.70, South: 51.57, East: -1.61, North: 52.12}

// collection wraps features, one a line from line 2, in a FeatureCollection.
func collection(features ...string) string {
	return "{\"type\": \"FeatureCollection\", \"features\": [\n" + strings.Join(features, ",\n") + "\n]}"
}

// feature writes a feature over three lines, so that positions are easy
// to read: line 1 holds the id (column 27 for a quoted id), line 2 the
// geometry (type at column 23, coordinates at column 47 for a Point) and
// line 3 the properties (at column 16).
func feature(id, geometry, props string) string {
	head := `{"type": "Feature", "id": ` + id + ","
	if id == "" {
		head = `{"type": "Feature",`
	}
	return head + "\n \"geometry\": " + geometry + ",\n \"properties\": " + props + "}"
}

func point(coords string) string { return `{"type": "Point", "coordinates": ` + coords + `}` }

func polygon(rings string) string { return `{"type": "Polygon", "coordinates": ` + rings + `}` }

// want is an expected problem: all exact, but hint is a substring ("" for
// none, "*" for any) and a msg ending in "..." is a prefix.
type want struct {
	line, col int
	msg, hint string
	warn      bool
}

func checkProblems(t *testing.T, path string, got []diag.Problem, want []want) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		g, w := got[i], want[i]
		msg, prefix := strings.CutSuffix(w.msg, "...")
		ok = g.Path == path && g.Line == w.line && g.Col == w.col && g.Warning == w.warn &&
			(g.Message == msg || prefix && strings.HasPrefix(g.Message, msg)) &&
			(w.hint == "*" || w.hint == "" && g.Hint == "" || w.hint != "" && strings.Contains(g.Hint, w.hint))
	}
	if !ok {
		var gs []string
		for _, p := range got {
			gs = append(gs, fmt.Sprintf("%s [warning=%v hint=%q]", p, p.Warning, p.Hint))
		}
		t.Errorf("problems:\n  %s\nwant:\n  %+v", strings.Join(gs, "\n  "), want)
	}
}

func TestParseLocationsProblems(t *testing.T) {
	hall := point("[-2.2, 51.8]")
	named := `{"name": "Hall"}`
	square := "[[[-2.2, 51.8], [-2.1, 51.8], [-2.1, 51.9], [-2.2, 51.9], [-2.2, 51.8]]]"
	tests := []struct {
		name, src string
		want      []want
		bug       string
	}{
		{"valid", collection(feature(`"hall"`, hall, named), feature(`"patch"`, polygon(square), `{}`)), nil, ""},
		{"empty collection", `{"type": "FeatureCollection", "features": []}`, nil, ""},
		{"comma after the last feature", collection(feature(`"hall"`, hall, named) + ","),
			[]want{{5, 1, "not valid JSON: invalid character ']' looking for beginning of value", "a comma after the last item", false}}, ""},
		{"missing quote", "{\"type\": \"FeatureCollection\",\n \"features\": [{\"type: \"Feature\"}]}",
			[]want{{2, 24, "not valid JSON: invalid character 'F' after object key", "a missing quote", false}}, ""},
		{"cut short", "{\"type\": \"FeatureCollection\",\n \"features\": [",
			[]want{{2, 14, "not valid JSON: the file ends before every [ and { is closed", "geojson.io", false}}, ""},
		{"empty file", "", []want{{1, 1, "not valid JSON: the file ends before every [ and { is closed", "geojson.io", false}}, ""},
		{"a Feature, not a collection", `{"type": "Feature", "geometry": null}`,
			[]want{{1, 10, `the file must be a GeoJSON FeatureCollection, found type "Feature"`, `{"type": "FeatureCollection", "features": [ ... ]}`, false}}, ""},
		{"no type", `{"features": []}`,
			[]want{{1, 1, `the file must be a GeoJSON FeatureCollection, found type ""`, "FeatureCollection", false}}, ""},
		{"a list", `[]`, []want{{1, 1, `the file must be a GeoJSON FeatureCollection, found type ""`, "FeatureCollection", false}}, ""},
		{"features not a list", `{"type": "FeatureCollection", "features": {}}`,
			[]want{{1, 43, "cannot read the features: ...", `each feature needs "type": "Feature"`, false}}, ""},
		{"id missing", collection(feature("", hall, named)),
			[]want{{2, 1, `feature 1 has no "id"`, `add "id": "a-short-name" beside "type": "Feature"`, false}}, ""},
		{"id a number", collection(feature("7", hall, named)),
			[]want{{2, 27, "the feature id must be text in quotes, found 7", "", false}}, ""},
		{"id not a slug", collection(feature(`"Main Hall"`, hall, named)),
			[]want{{2, 27, `feature id "Main Hall" must use lower-case letters, digits and single hyphens`, `for example "main-hall"`, false}}, ""},
		{"id empty", collection(feature(`""`, hall, named)),
			[]want{{2, 27, "feature 1 has an empty id", "main-hall", false}}, ""},
		{"id twice", collection(feature(`"hall"`, hall, named), feature(`"hall"`, point("[-2.1, 51.8]"), named)),
			[]want{{5, 27, `feature id "hall" is used twice (first by feature 1)`, "", false}}, ""},
		{"LineString", collection(feature(`"route"`, `{"type": "LineString", "coordinates": [[-2.2, 51.8], [-2.1, 51.8]]}`, `{}`)),
			[]want{{3, 23, "LineString features are not used: use a Point for a venue or a Polygon for an area served", "", false}}, ""},
		{"no geometry", collection(feature(`"hall"`, "null", named)),
			[]want{{2, 1, "feature 1 has no geometry", `"geometry": {"type": "Point", "coordinates": [lon, lat]}`, false}}, ""},
		{"point outside the region", collection(feature(`"hall"`, point("[-0.1, 51.5]"), named)),
			[]want{{3, 47, "point [-0.1, 51.5] lies outside the region's bounds", "the region runs from longitude -2.7 to -1.61 and latitude 51.57 to 52.12", false}}, ""},
		{"point with lon and lat swapped", collection(feature(`"hall"`, point("[51.8, -2.2]"), named)),
			[]want{{3, 47, "point [51.8, -2.2] has longitude and latitude swapped", "GeoJSON puts longitude first: write [-2.2, 51.8]", false}}, ""},
		{"point with one number", collection(feature(`"hall"`, point("[-2.2]"), named)),
			[]want{{3, 47, "position [-2.2] needs two numbers, longitude then latitude", "write each position as [longitude, latitude]", false}}, ""},
		{"point with no numbers", collection(feature(`"hall"`, point("[]"), named)),
			[]want{{3, 47, "position [] needs two numbers, longitude then latitude", "[longitude, latitude]", false}}, ""},
		{"point with null coordinates", collection(feature(`"hall"`, point("null"), named)),
			[]want{{3, 47, "position null needs two numbers, longitude then latitude", "[longitude, latitude]", false}}, ""},
		{"point with altitude", collection(feature(`"hall"`, point("[-2.2, 51.8, 120]"), named)), nil, ""},
		{"polygon position with one number", collection(feature(`"patch"`, polygon("[[[-2.2, 51.8], [-2.1], [-2.1, 51.9], [-2.2, 51.8]]]"), `{}`)),
			[]want{{3, 49, "position [-2.1] needs two numbers, longitude then latitude", "[longitude, latitude]", false}}, ""},
		{"polygon ring not closed", collection(feature(`"patch"`, polygon("[[[-2.2, 51.8], [-2.1, 51.8], [-2.1, 51.9], [-2.2, 51.9]]]"), `{}`)),
			[]want{{3, 49, "a polygon ring must have at least four positions and end where it starts", "repeat the first position as the last one", false}}, ""},
		{"polygon ring of three positions", collection(feature(`"patch"`, polygon("[[[-2.2, 51.8], [-2.1, 51.8], [-2.2, 51.8]]]"), `{}`)),
			[]want{{3, 49, "a polygon ring must have at least four positions and end where it starts", "repeat the first position", false}}, ""},
		{"multipolygon ring not closed", collection(feature(`"patch"`, `{"type": "MultiPolygon", "coordinates": [`+square+`, [[[-2.2, 51.8], [-2.1, 51.8], [-2.1, 51.9], [-2.0, 51.9]]]]}`, `{}`)),
			[]want{{3, 54, "a polygon ring must have at least four positions and end where it starts", "repeat the first position", false}}, ""},
		{"polygon with lon and lat swapped", collection(feature(`"patch"`, polygon("[[[51.8, -2.2], [51.8, -2.1], [51.9, -2.1], [51.8, -2.2]]]"), `{}`)),
			[]want{{3, 49, "point [51.8, -2.2] has longitude and latitude swapped", "write [-2.2, 51.8]", false}}, ""},
		{"polygon without rings", collection(feature(`"patch"`, polygon("[]"), `{}`)),
			[]want{{3, 49, "the area has no coordinates", "geojson.io", false}}, ""},
		{"flag property as text", collection(feature(`"hall"`, hall, `{"name": "Hall", "step_free": "yes"}`)),
			[]want{{4, 46, `property "step_free" must be true or false (no quotes), found yes`, "", false}}, ""},
		{"text property as a number", collection(feature(`"hall"`, hall, `{"name": "Hall", "postcode": 51}`)),
			[]want{{4, 45, `property "postcode" must be text in quotes, found 51`, "", false}}, ""},
		{"control character in an address", collection(feature(`"hall"`, hall, `{"name": "Hall", "address": "1 High St\u001b[2J"}`)),
			[]want{{4, 44, `property "address" holds a control character (U+001B), which would garble the site's downloads`, "no other control characters", false}}, ""},
		{"name as a number", collection(feature(`"hall"`, hall, `{"name": 5}`)),
			[]want{{4, 25, `property "name" must be text in quotes, found 5`, "", false}}, ""},
		{"unknown property", collection(feature(`"hall"`, hall, `{"name": "Hall", "adress": "High St"}`)),
			[]want{{4, 43, `property "adress" is not used`, `did you mean "address"?`, true}}, ""},
		{"venue without a name", collection(feature(`"hall"`, hall, `{"address": "High St"}`)),
			[]want{{4, 16, `venue "hall" has no name`, `add "name": "..." to its properties`, false}}, ""},
		{"venue with null properties", collection(feature(`"hall"`, hall, `null`)),
			[]want{{4, 16, `venue "hall" has no name`, `add "name"`, false}}, ""},
		{"several problems, in order", collection(feature(`"a"`, point("[0, 0]"), `{}`), feature(`"a"`, point("[-2.2, 51.8]"), named)),
			[]want{
				{3, 47, "point [0, 0] lies outside the region's bounds", "the region runs", false},
				{4, 16, `venue "a" has no name`, `add "name"`, false},
				{5, 27, `feature id "a" is used twice (first by feature 1)`, "", false},
			}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testenv.KnownBug(t, tt.bug)
			var probs diag.List
			ParseLocations("loc.geojson", []byte(tt.src), region, &probs)
			checkProblems(t, "loc.geojson", probs.Items(), tt.want)
		})
	}
}

func TestParseLocationsReadsVenuesAndAreas(t *testing.T) {
	src := collection(
		feature(`"hall"`, point("[-2.2, 51.8]"), `{"name": "Hall", "address": "High St, Stroud", "postcode": "GL5 1AA",
  "step_free": true, "hearing_loop": false, "accessibility": "Ramp."}`),
		feature(`"patch"`, polygon("[[[-2.2, 51.8], [-2.1, 51.8], [-2.1, 51.9], [-2.2, 51.8]]]"), `{"name": "Patch"}`),
		feature(`"two"`, `{"type": "MultiPolygon", "coordinates": [[[[-2.2, 51.8], [-2.1, 51.8], [-2.1, 51.9], [-2.2, 51.8]]]]}`, `{}`),
	)
	var probs diag.List
	v, a := ParseLocations("loc.geojson", []byte(src), region, &probs)
	if probs.Len() > 0 {
		t.Fatal(probs.Items())
	}
	if len(v) != 1 || v[0].ID != "hall" || v[0].Name != "Hall" || v[0].Address != "High St, Stroud" || v[0].Postcode != "GL5 1AA" ||
		v[0].StepFree == nil || !*v[0].StepFree || v[0].HearingLoop == nil || *v[0].HearingLoop || v[0].Parking != nil ||
		v[0].Accessibility != "Ramp." || v[0].Point != (orb.Point{-2.2, 51.8}) {
		t.Errorf("venues = %+v", v)
	}
	if len(a) != 2 || a[0].ID != "patch" || a[0].Name != "Patch" || a[1].ID != "two" || len(Polygons(a[1].Geometry)) != 1 {
		t.Errorf("areas = %+v", a)
	}
	if !Contains(a[0].Geometry, orb.Point{-2.12, 51.82}) || Contains(a[0].Geometry, orb.Point{-2.0, 51.82}) {
		t.Error("the area does not contain what it should")
	}
}

func TestBounds(t *testing.T) {
	tests := []struct {
		b     Bounds
		valid bool
		in    orb.Point
	}{
		{region, true, orb.Point{-2.2, 51.8}},
		{Bounds{West: -1, South: 51, East: -3, North: 53}, false, orb.Point{-2, 52}},
		{Bounds{West: -3, South: 53, East: -1, North: 51}, false, orb.Point{-2, 52}},
		{Bounds{West: -181, South: 51, East: -1, North: 53}, false, orb.Point{-2, 52}},
		{Bounds{West: -3, South: 51, East: -3, North: 53}, false, orb.Point{-3, 52}},
	}
	for _, tt := range tests {
		if tt.b.Valid() != tt.valid {
			t.Errorf("%+v.Valid() = %v", tt.b, !tt.valid)
		}
		if tt.valid && !tt.b.Contains(tt.in) {
			t.Errorf("%+v does not contain %v", tt.b, tt.in)
		}
	}
	for _, p := range []orb.Point{{-2.70, 51.57}, {-1.61, 52.12}} {
		if !region.Contains(p) {
			t.Errorf("the region's edge %v is outside it", p)
		}
	}
	for _, p := range []orb.Point{{51.8, -2.2}, {-2.71, 51.8}, {-2.2, 52.13}} {
		if region.Contains(p) {
			t.Errorf("%v is inside the region", p)
		}
	}
}
