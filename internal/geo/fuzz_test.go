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
