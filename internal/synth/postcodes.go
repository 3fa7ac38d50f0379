package synth

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing/fstest"
)

// Postcode is a postcode of a synthetic site: its code, the label of its
// district, and the slug of the provider whose venue lies beside it.
type Postcode struct {
	Code, Outward, District, Nearest string
}

// AddPostcodes gives the districts of a site made by Site ONS-style codes
// and writes content/areas/postcodes.csv: for each of the first n
// providers, a postcode about 50 m from its first venue, each in an outward
// code of its own (SY1, SY2, ...), plus a second postcode in the same
// outward code 2 km north of it. It returns the first postcode of each.
func AddPostcodes(fsys fstest.MapFS, n int) []Postcode {
	cfg := string(fsys["content/site.toml"].Data)
	for i, d := range districts {
		line := fmt.Sprintf("id = %q\nlabel = %q\n", d, label(d))
		cfg = strings.Replace(cfg, line, line+fmt.Sprintf("code = \"E0900000%d\"\n", i), 1)
	}
	fsys["content/site.toml"] = file(cfg)
	var out []Postcode
	csv := "postcode,lat,lon,district\n"
	for i := range n {
		slug := fmt.Sprintf("provider-%05d", i)
		lon, lat := firstVenue(fsys["content/providers/"+slug+"/locations.geojson"].Data)
		p := Postcode{Code: fmt.Sprintf("SY%d %dAB", i+1, i%10), Outward: fmt.Sprintf("SY%d", i+1),
			District: label(districts[i%len(districts)]), Nearest: slug}
		code := fmt.Sprintf("E0900000%d", i%len(districts))
		csv += fmt.Sprintf("%s,%.5f,%.5f,%s\n", p.Code, lat+0.0004, lon, code)
		csv += fmt.Sprintf("%s %dZZ,%.5f,%.5f,%s\n", p.Outward, i%10, lat+0.018, lon, code)
		out = append(out, p)
	}
	fsys["content/areas/postcodes.csv"] = file(csv)
	return out
}

func label(id string) string { return strings.ToUpper(id[:1]) + strings.ReplaceAll(id[1:], "-", " ") }

// firstVenue is the point of the first feature of a locations.geojson
// that locations wrote.
func firstVenue(data []byte) (lon, lat float64) {
	var fc struct {
		Features []struct {
			Geometry struct {
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if json.Unmarshal(data, &fc) != nil || len(fc.Features) == 0 || len(fc.Features[0].Geometry.Coordinates) < 2 {
		panic("synth: a provider without a venue") // Site always writes two
	}
	c := fc.Features[0].Geometry.Coordinates
	return c[0], c[1]
}
