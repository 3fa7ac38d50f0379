package site

import (
	"bytes"
	"encoding/json"
	"math"

	"artsmap/internal/registry"
)

// MapClustersPath is the map's first view: its venues clustered at build
// time, zoom by zoom, so that the map draws its first markers from a
// small file, before the data for the filters, the time control and the
// popups at higher zooms (MapDataPath) has come.
const MapClustersPath = "/map/clusters.json"

// Clustering at build time.
const (
	// clusterRadius is how close, in CSS pixels at a zoom, a venue must be
	// to a cluster's anchor to join it. It is the radius the map's script
	// gives Leaflet.markercluster on a crowded map, and more than the
	// MIN_RADIUS of static/js/map/cluster.js that keeps every target 24 px
	// and apart.
	clusterRadius = 60
	// clusterMaxZoom is the closest zoom the first view can have (the
	// script's fitBounds maxZoom).
	clusterMaxZoom = 13
	// clusterLimit is the most clusters written for one zoom: a zoom that
	// needs more is not written, nor any closer one, and a first view at
	// such a zoom waits for the full data.
	clusterLimit = 1500
)

// mapClusters is the map's first view, as compact as it can be read:
//
//	bounds:   [west, south, east, north] of every venue (rounded as in venues.json)
//	radius:   clusterRadius
//	statuses: as in venues.json
//	zooms:    one list per zoom from 0, each item either a cluster
//	          [lon, lat, count, [count by status]], drawn at its anchor (its
//	          first venue's place), or a lone venue
//	          [lon, lat, 1, status, venue id, venue name, provider name, provider URL]
//
// Venues join clusters greedily, in the order of venues.json: a venue
// joins the nearest anchor within clusterRadius pixels, else is an anchor
// of its own; so every two anchors of a zoom are more than clusterRadius
// apart, as the script's clusters are.
type mapClusters struct {
	Bounds   [4]float64  `json:"bounds"`
	Radius   int         `json:"radius"`
	Statuses []mapStatus `json:"statuses"`
	Zooms    [][][]any   `json:"zooms"`
}

// clusterVenue is one venue as the clustering sees it.
type clusterVenue struct {
	lon, lat      float64
	status        int
	id, name      string // the venue's
	provider, url string // its provider's name and page
}

// mapClustersData makes MapClustersPath.
func (s *Site) mapClustersData() ([]byte, error) {
	data := mapClusters{Radius: clusterRadius, Statuses: []mapStatus{}, Zooms: [][][]any{}}
	for _, st := range registry.Statuses {
		data.Statuses = append(data.Statuses, mapStatus{st.ID, st.Label, st.Weight, st.Ended})
	}
	var venues []clusterVenue
	for _, v := range s.Map().Venues {
		venues = append(venues, clusterVenue{round4(v.Venue.Point[0]), round4(v.Venue.Point[1]), statusCode(v.Status),
			v.Venue.ID, v.Venue.Name, v.Provider.Name, v.Provider.URL})
	}
	if len(venues) > 0 {
		data.Bounds = boundsOf(venues)
		data.Zooms = clusterZooms(venues, len(data.Statuses))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(data)
	return b.Bytes(), err
}

// clusterZooms clusters the venues at each zoom from 0 to clusterMaxZoom,
// stopping before the first that needs more than clusterLimit items.
func clusterZooms(venues []clusterVenue, statuses int) [][][]any {
	zooms := [][][]any{}
	at := projected(venues)
	for z := 0; z <= clusterMaxZoom; z++ {
		items := clusterAt(venues, at, z, statuses)
		if len(items) > clusterLimit {
			break
		}
		zooms = append(zooms, items)
	}
	return zooms
}

// projected is where each venue is at zoom 0 (see pixel), worked out once
// for every zoom.
func projected(venues []clusterVenue) [][2]float64 {
	at := make([][2]float64, len(venues))
	for i, v := range venues {
		at[i][0], at[i][1] = pixel(v.lon, v.lat, 0)
	}
	return at
}

// boundsOf is the box around the venues: west, south, east, north.
func boundsOf(venues []clusterVenue) [4]float64 {
	b := [4]float64{venues[0].lon, venues[0].lat, venues[0].lon, venues[0].lat}
	for _, v := range venues {
		b[0], b[1] = min(b[0], v.lon), min(b[1], v.lat)
		b[2], b[3] = max(b[2], v.lon), max(b[3], v.lat)
	}
	return b
}

// pixel is where a place is at zoom z on the Web Mercator map of 256-pixel
// tiles that Leaflet draws: where it is at zoom 0 times 2 to the power z,
// exactly (a product by a power of two is not rounded).
func pixel(lon, lat float64, z int) (x, y float64) {
	size := 256 * math.Exp2(float64(z))
	sin := math.Sin(lat * math.Pi / 180)
	x = (lon + 180) / 360 * size
	y = (0.5 - math.Log((1+sin)/(1-sin))/(4*math.Pi)) * size
	return x, y
}

// anchor is a cluster being made: its first venue and its counts.
type anchor struct {
	x, y   float64
	first  clusterVenue
	count  int
	counts []int
}

// clusterAt clusters the venues at zoom z (see mapClusters), looking for
// an anchor in the grid cells of clusterRadius around each venue.
func clusterAt(venues []clusterVenue, at [][2]float64, z, statuses int) [][]any {
	grid := map[int64][]*anchor{} // by cell: its column in the high half, its row in the low
	cell := func(cx, cy int) int64 { return int64(cx)<<32 | int64(uint32(cy)) }
	scale := math.Exp2(float64(z))
	var anchors []*anchor
	for i, v := range venues {
		x, y := at[i][0]*scale, at[i][1]*scale
		cx, cy := int(math.Floor(x/clusterRadius)), int(math.Floor(y/clusterRadius))
		var best *anchor
		bestD := float64(clusterRadius * clusterRadius)
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, a := range grid[cell(cx+dx, cy+dy)] {
					if d := (a.x-x)*(a.x-x) + (a.y-y)*(a.y-y); d <= bestD {
						best, bestD = a, d
					}
				}
			}
		}
		if best == nil {
			best = &anchor{x: x, y: y, first: v, counts: make([]int, statuses+1)}
			grid[cell(cx, cy)] = append(grid[cell(cx, cy)], best)
			anchors = append(anchors, best)
		}
		best.count++
		best.counts[min(v.status, statuses)]++
	}
	out := make([][]any, 0, len(anchors))
	for _, a := range anchors {
		out = append(out, a.item(statuses))
	}
	return out
}

// item is an anchor as mapClusters writes it: a cluster or a lone venue.
func (a *anchor) item(statuses int) []any {
	v := a.first
	if a.count == 1 {
		return []any{v.lon, v.lat, 1, v.status, v.id, v.name, v.provider, v.url}
	}
	return []any{v.lon, v.lat, a.count, a.counts[:statuses]}
}
