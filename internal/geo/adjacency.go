package geo

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// touchTolerance is how close, in degrees (about 10 m), two boundaries
// must come to count as touching: neighbouring districts drawn from the
// same survey share their edge, give or take rounding.
const touchTolerance = 1e-4

// Touch reports whether two Polygons or MultiPolygons share some of their
// boundary: a vertex of one lies on (or within about 10 m of) the edge of
// the other.
func Touch(a, b orb.Geometry) bool {
	if a == nil || b == nil || !a.Bound().Pad(touchTolerance).Intersects(b.Bound()) {
		return false
	}
	return nearEdge(a, b) || nearEdge(b, a)
}

// nearEdge reports whether a vertex of a lies within touchTolerance of an
// edge of b.
func nearEdge(a, b orb.Geometry) bool {
	box := b.Bound().Pad(touchTolerance)
	edges := Polygons(b)
	for _, poly := range Polygons(a) {
		for _, ring := range poly {
			for _, pt := range ring {
				if box.Contains(pt) && onEdge(edges, pt) {
					return true
				}
			}
		}
	}
	return false
}

// onEdge reports whether pt lies within touchTolerance of a ring of mp.
func onEdge(mp orb.MultiPolygon, pt orb.Point) bool {
	for _, poly := range mp {
		for _, ring := range poly {
			if planar.DistanceFrom(orb.LineString(ring), pt) <= touchTolerance {
				return true
			}
		}
	}
	return false
}

// Centre is the centroid of a Polygon or MultiPolygon.
func Centre(g orb.Geometry) orb.Point {
	c, _ := planar.CentroidArea(g)
	return c
}

// OutlineTolerance is how far, in degrees (about 70 m across and 110 m
// north to south), a boundary drawn on a map may stray from the real one:
// finer than a pixel of the drawn maps and of the interactive map up to
// zoom 11, and it makes the Gloucestershire districts' outlines in the
// interactive map's data 26 KB instead of 86 KB.
const OutlineTolerance = 0.001

// Outline simplifies a boundary for drawing (Douglas-Peucker); counting
// and locating always use the boundary itself.
func Outline(g orb.Geometry) orb.Geometry {
	return simplify.DouglasPeucker(OutlineTolerance).Simplify(orb.Clone(g))
}
