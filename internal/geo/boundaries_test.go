package geo

import (
	"os"
	"testing"

	"artsmap/internal/diag"
	"artsmap/internal/testenv"

	"github.com/paulmach/orb"
)

func TestParseBoundaries(t *testing.T) {
	square := `{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}`
	tests := []struct {
		name, src string
		want      []want
		names     []string // of the areas read
		codes     []string
		bug       string
	}{
		{"polygon and multipolygon", collection(
			`{"type": "Feature", "geometry": `+square+`, "properties": {"code": "E07000078", "name": "Cheltenham"}}`,
			`{"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}, "properties": {"name": "Stroud"}}`),
			nil, []string{"Cheltenham", "Stroud"}, []string{"E07000078", ""}, ""},
		{"point is not drawn", collection(
			`{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {}}`,
			`{"type": "Feature", "geometry": `+square+`, "properties": {"code": "E1"}}`),
			[]want{{2, 1, "feature 1 is not a Polygon or MultiPolygon and is not drawn", "", true}}, []string{""}, []string{"E1"}, ""},
		{"no geometry", collection(`{"type": "Feature", "geometry": null, "properties": {}}`),
			[]want{{2, 1, "feature 1 is not a Polygon or MultiPolygon and is not drawn", "", true}}, nil, nil, ""},
		{"name not text", collection(`{"type": "Feature", "geometry": ` + square + `, "properties": {"name": 3}}`),
			[]want{{2, 136, `property "name" must be text in quotes, found 3`, "", false}}, []string{""}, []string{""}, ""},
		{"not JSON", "{\"type\": \"FeatureCollection\",\n\"features\": [}",
			[]want{{2, 14, "not valid JSON: invalid character '}' looking for beginning of value", "comma", false}}, nil, nil, ""},
		{"not a collection", `{"type": "Polygon", "coordinates": []}`,
			[]want{{1, 10, `the file must be a GeoJSON FeatureCollection, found type "Polygon"`, "FeatureCollection", false}}, nil, nil, ""},
		{"numeric code", collection(`{"type": "Feature", "geometry": ` + square + `, "properties": {"code": 12345678}}`),
			nil, []string{""}, []string{"12345678"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testenv.KnownBug(t, tt.bug)
			var probs diag.List
			areas := ParseBoundaries("areas.geojson", []byte(tt.src), &probs)
			checkProblems(t, "areas.geojson", probs.Items(), tt.want)
			var names, codes []string
			for _, a := range areas {
				names = append(names, a.Name)
				codes = append(codes, a.Code)
				if len(Polygons(a.Geometry)) == 0 {
					t.Errorf("area %q has no polygons", a.Name)
				}
			}
			if len(names) != len(tt.names) || len(codes) != len(tt.codes) {
				t.Fatalf("areas %q with codes %q, want %q with %q", names, codes, tt.names, tt.codes)
			}
			for i := range names {
				if names[i] != tt.names[i] || codes[i] != tt.codes[i] {
					t.Errorf("area %d is %q (%q), want %q (%q)", i, names[i], codes[i], tt.names[i], tt.codes[i])
				}
			}
		})
	}
}

// TestRealDistrictBoundaries reads the shared ONS district file (never
// copied into the repository) and places known points in the right district.
func TestRealDistrictBoundaries(t *testing.T) {
	data, err := os.ReadFile(testenv.SharedData(t, "gloucestershire-districts.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	var probs diag.List
	areas := ParseBoundaries("content/areas/districts.geojson", data, &probs)
	if probs.Len() > 0 || len(areas) != 6 {
		t.Fatalf("%d areas, problems %v", len(areas), probs.Items())
	}
	tests := []struct {
		name, code string
		pt         orb.Point
	}{
		{"Cheltenham", "E07000078", orb.Point{-2.078, 51.899}},
		{"Cotswold", "E07000079", orb.Point{-1.874, 51.713}},
		{"Forest of Dean", "E07000080", orb.Point{-2.507, 51.822}},
		{"Gloucester", "E07000081", orb.Point{-2.244, 51.864}},
		{"Stroud", "E07000082", orb.Point{-2.215, 51.745}},
		{"Tewkesbury", "E07000083", orb.Point{-2.160, 51.993}},
		{"Worcester, outside the county", "", orb.Point{-2.22, 52.19}},
		{"Swindon, outside the county", "", orb.Point{-1.78, 51.56}},
	}
	for _, tt := range tests {
		var in []string
		for _, a := range areas {
			if Contains(a.Geometry, tt.pt) {
				in = append(in, a.Code)
			}
		}
		if tt.code == "" && len(in) > 0 || tt.code != "" && (len(in) != 1 || in[0] != tt.code) {
			t.Errorf("%s %v lies in %q, want %q", tt.name, tt.pt, in, tt.code)
		}
	}
	// The districts lie inside the region of the map, so that no vertex
	// would be reported if they were read as areas served.
	for _, a := range areas {
		for _, poly := range Polygons(a.Geometry) {
			for _, ring := range poly {
				for _, p := range ring {
					if !region.Contains(p) {
						t.Fatalf("%s has a vertex %v outside the region", a.Name, p)
					}
				}
			}
		}
	}
}
