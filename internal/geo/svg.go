package geo

import (
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/project"
)

// Projection maps lon/lat positions onto a flat drawing of the region, in
// Web Mercator (as the interactive map uses), with y growing downwards.
type Projection struct {
	minX, maxY, scale float64
	Width, Height     float64
}

// NewProjection fits the region's bounds into a drawing width units wide.
func NewProjection(b Bounds, width float64) Projection {
	sw := project.WGS84.ToMercator(orb.Point{b.West, b.South})
	ne := project.WGS84.ToMercator(orb.Point{b.East, b.North})
	scale := width / (ne[0] - sw[0])
	return Projection{minX: sw[0], maxY: ne[1], scale: scale, Width: width, Height: math.Round((ne[1] - sw[1]) * scale)}
}

// Point returns the drawing position of a lon/lat point.
func (p Projection) Point(pt orb.Point) (x, y float64) {
	m := project.WGS84.ToMercator(pt)
	return round1((m[0] - p.minX) * p.scale), round1((p.maxY - m[1]) * p.scale)
}

// Path returns SVG path data for a Polygon or MultiPolygon ("" otherwise).
func (p Projection) Path(g orb.Geometry) string {
	var b strings.Builder
	polys := Polygons(g)
	for _, poly := range polys {
		for _, ring := range poly {
			lastX, lastY := math.NaN(), math.NaN()
			for i, pt := range ring {
				x, y := p.Point(pt)
				if x == lastX && y == lastY {
					continue // a detail finer than the drawing shows
				}
				if i == 0 {
					b.WriteString("M")
				} else {
					b.WriteString("L")
				}
				b.WriteString(f1(x) + " " + f1(y))
				lastX, lastY = x, y
			}
			b.WriteString("Z")
		}
	}
	return b.String()
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func f1(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Polygons returns a Polygon or MultiPolygon as a MultiPolygon, and
// nothing for any other geometry.
func Polygons(g orb.Geometry) orb.MultiPolygon {
	switch v := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{v}
	case orb.MultiPolygon:
		return v
	}
	return nil
}

// Contains reports whether a Polygon or MultiPolygon contains pt.
func Contains(g orb.Geometry, pt orb.Point) bool {
	switch v := g.(type) {
	case orb.Polygon:
		return planar.PolygonContains(v, pt)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(v, pt)
	}
	return false
}
