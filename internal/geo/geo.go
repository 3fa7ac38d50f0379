// Package geo owns places: it reads the venues and areas of a provider's
// locations.geojson (RFC 7946, with orb), checks them against the region,
// and locates each problem by line and column in the file.
package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Venue is a place where a provider works: a Point feature.
type Venue struct {
	ID            string
	Name          string
	Address       string
	Postcode      string
	StepFree      *bool
	HearingLoop   *bool
	Parking       *bool
	Accessibility string
	Point         orb.Point // lon, lat
	Feature       int       // its place in the file's features, from 0 (see Locate)
}

// Area is an area served, or a boundary: a Polygon or MultiPolygon feature.
type Area struct {
	ID       string
	Name     string
	Code     string // ONS code of a boundary, when given
	Geometry orb.Geometry
}

// Bounds is a lon/lat box: west, south, east, north.
type Bounds struct{ West, South, East, North float64 }

// Contains reports whether p lies inside b (edges included).
func (b Bounds) Contains(p orb.Point) bool {
	return p[0] >= b.West && p[0] <= b.East && p[1] >= b.South && p[1] <= b.North
}

// Valid reports whether b is a real box on the globe.
func (b Bounds) Valid() bool {
	return b.West < b.East && b.South < b.North &&
		b.West >= -180 && b.East <= 180 && b.South >= -90 && b.North <= 90
}

// earthKm is the Earth's mean radius in kilometres.
const earthKm = 6371

// DistanceKm is the great-circle distance in kilometres between two
// lon/lat points (the haversine formula, as the browser's scripts use).
func DistanceKm(lon1, lat1, lon2, lat2 float64) float64 {
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Pow(math.Sin(dLat/2), 2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Pow(math.Sin(dLon/2), 2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(a)))
}
