package geo

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"artsmap/internal/diag"
	"artsmap/internal/slug"
)

// FuzzParseLocations feeds arbitrary bytes to ParseLocations, seeded with
// the repository's real locations.geojson files: it must never panic,
// every problem must sit on a line of the file, and what it returns must
// be usable (unique slug ids, venues with a point in the region when the
// file has no errors).
func FuzzParseLocations(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "providers", "*", "locations.geojson"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(collection(feature(`"hall"`, point("[-2.2, 51.8]"), `{"name": "Hall", "step_free": true}`))))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":null,"properties":null}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"MultiPolygon","coordinates":[]},"properties":{}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":1.5,"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]},"properties":{"a.b":{"c":[1]}}}]}`))
	f.Add([]byte("{\"type\": \"FeatureCollection\",\n \"features\": [,]}"))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var probs diag.List
		venues, areas := ParseLocations("loc.geojson", data, region, &probs)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range probs.Items() {
			if p.Path != "loc.geojson" || p.Line < 1 || p.Col < 1 || p.Line > lines || p.Message == "" {
				t.Fatalf("malformed problem %+v in a %d-line file", p, lines)
			}
		}
		var ids []string
		for _, v := range venues {
			ids = append(ids, v.ID)
			if probs.Errors() == 0 && (!region.Contains(v.Point) || v.Name == "") {
				t.Fatalf("venue %+v is outside the region or unnamed, with no error", v)
			}
		}
		for _, a := range areas {
			ids = append(ids, a.ID)
		}
		for i, id := range ids {
			if !slug.Valid(id) || slices.Contains(ids[:i], id) {
				t.Fatalf("id %q is not a slug or is used twice: %q", id, ids)
			}
		}
	})
}

// FuzzParsePostcodes feeds arbitrary bytes to ParsePostcodes: it must
// never panic, every problem must sit on a line of the file, and every
// postcode returned is normal, unique and in the region.
func FuzzParsePostcodes(f *testing.F) {
	f.Add([]byte("postcode,lat,lon,district\nGL14 2AB,51.8,-2.5,E07000080\ngl142ad,51.8,-2.5,\n"))
	f.Add([]byte("\xef\xbb\xbfPostcode,\"lat\",lon\r\n\"GL1 1AA\",51.86,-2.21\r\n,,\n"))
	f.Add([]byte("postcode,lat,lon\nGL14 2AB,1e999,-2.5\nGL14 2AB,51.8,-2.5\nGL14 2AB,51.8,-2.5,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		probs := &diag.List{}
		got := ParsePostcodes("p.csv", data, region, []string{"E07000080"}, probs)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range probs.Items() {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("problem at %d:%d of a %d-line file: %v", p.Line, p.Col, lines, p)
			}
		}
		seen := map[string]bool{}
		for _, p := range got {
			if n, ok := NormalPostcode(p.Code); !ok || n != p.Code || seen[p.Code] || !region.Contains([2]float64{p.Lon, p.Lat}) {
				t.Fatalf("returned %+v", p)
			}
			seen[p.Code] = true
		}
	})
}
