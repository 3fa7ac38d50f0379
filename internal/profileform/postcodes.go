package profileform

import (
	"strings"

	"artsmap/internal/geo"
)

// PlaceBy is the lookup of a postcode, written with or without its space
// in any case, among the site's postcodes (content/areas/postcodes.csv as
// the content loader reads it, the one reader of that file). Without
// postcodes every lookup fails.
func PlaceBy(postcodes []geo.Postcode) Place {
	pos := make(map[string][2]float64, len(postcodes))
	for _, p := range postcodes {
		pos[postcodeKey(p.Code)] = [2]float64{p.Lon, p.Lat}
	}
	return func(postcode string) (float64, float64, bool) {
		p, ok := pos[postcodeKey(postcode)]
		return p[0], p[1], ok
	}
}

func postcodeKey(s string) string { return strings.ToUpper(strings.ReplaceAll(s, " ", "")) }
