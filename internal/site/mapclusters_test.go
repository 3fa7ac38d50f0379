package site

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"artsmap/internal/synth"
)

// mapFiles reads the map's two data files from a built site.
func mapFiles(t *testing.T, out string) (clusters mapClusters, venues struct {
	Providers [][]any `json:"providers"`
	Venues    [][]any `json:"venues"`
}) {
	t.Helper()
	for path, into := range map[string]any{MapClustersPath: &clusters, MapDataPath: &venues} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path)))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, into); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	return clusters, venues
}

// shownStatus is the status a venue of venues.json shows, as the map's
// script works it out (timeline.js venueStatus): its most established
// programme's, else its provider's.
func shownStatus(providers [][]any, v []any) int {
	spans := v[5].([]any)
	if len(spans) == 0 {
		return int(providers[int(v[2].(float64))][2].(float64))
	}
	best := math.MaxInt
	for _, s := range spans {
		best = min(best, int(s.([]any)[0].(float64)))
	}
	return best
}

// TestMapClusters: at every zoom written, the build's clusters and lone
// venues account for every venue of venues.json, by status as the map's
// script counts them; no two are within the clustering radius of each
// other (so no two targets touch); a lone venue carries its name and its
// provider's page; and no zoom has more than the limit.
func TestMapClusters(t *testing.T) {
	for _, n := range []int{1, 400} {
		out, _ := build(t, synth.Site(n, 1))
		clusters, data := mapFiles(t, out)
		want := make([]int, len(clusters.Statuses))
		for _, v := range data.Venues {
			want[shownStatus(data.Providers, v)]++
		}
		if len(clusters.Zooms) != clusterMaxZoom+1 {
			t.Errorf("%d providers: %d zooms written, want every one to %d", n, len(clusters.Zooms), clusterMaxZoom)
		}
		for z, items := range clusters.Zooms {
			if got := statusTotals(t, items, len(want)); !slices.Equal(got, want) {
				t.Errorf("%d providers, zoom %d: venues by status %v, want %v", n, z, got, want)
			}
			apart(t, items, z)
			if len(items) > clusterLimit {
				t.Errorf("zoom %d has %d items", z, len(items))
			}
		}
	}
}

// statusTotals adds up the venues of one zoom's items by status.
func statusTotals(t *testing.T, items [][]any, statuses int) []int {
	got := make([]int, statuses)
	for _, it := range items {
		n := int(it[2].(float64))
		if n == 1 {
			got[int(it[3].(float64))]++
			if name, url := it[5].(string), it[7].(string); name == "" || !strings.HasPrefix(url, "/providers/") {
				t.Errorf("a lone venue without its name or page: %v", it)
			}
			continue
		}
		sum := 0
		for i, k := range it[3].([]any) {
			got[i] += int(k.(float64))
			sum += int(k.(float64))
		}
		if sum != n {
			t.Errorf("a cluster of %d counts %d by status: %v", n, sum, it)
		}
	}
	return got
}

// apart checks that every two items of a zoom are more than the radius apart.
func apart(t *testing.T, items [][]any, z int) {
	for i, a := range items {
		ax, ay := pixel(a[0].(float64), a[1].(float64), z)
		for _, b := range items[i+1:] {
			bx, by := pixel(b[0].(float64), b[1].(float64), z)
			if d := math.Hypot(ax-bx, ay-by); d <= clusterRadius {
				t.Fatalf("zoom %d: %v and %v are %.1f px apart", z, a, b, d)
			}
		}
	}
}

// TestClusterLimit: a zoom that would need more than clusterLimit items is
// not written, nor any closer one; the script then waits for venues.json.
func TestClusterLimit(t *testing.T) {
	var venues []clusterVenue
	for i := range 60 {
		for j := range 60 {
			venues = append(venues, clusterVenue{lon: float64(i) * 0.01, lat: float64(j) * 0.01})
		}
	}
	if got := len(clusterAt(venues, projected(venues), 6, 4)); got != 1 {
		t.Errorf("zoom 6: %d clusters of a 0.6 degree square, want 1", got)
	}
	if got := len(clusterAt(venues, projected(venues), 16, 4)); got != len(venues) {
		t.Errorf("zoom 16: %d items, want every venue alone (%d)", got, len(venues))
	}
	zooms := clusterZooms(venues, 4)
	if len(zooms) == 0 || len(zooms) > 14 {
		t.Fatalf("%d zooms", len(zooms))
	}
	if last := zooms[len(zooms)-1]; len(last) > clusterLimit {
		t.Errorf("zoom %d has %d items, over the limit", len(zooms)-1, len(last))
	}
	if next := clusterAt(venues, projected(venues), len(zooms), 4); len(zooms) <= clusterMaxZoom && len(next) <= clusterLimit {
		t.Errorf("zoom %d (%d items) is within the limit but not written", len(zooms), len(next))
	}
}
