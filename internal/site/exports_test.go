package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"artsmap/internal/content"
	"artsmap/internal/geo"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// TestExports checks the GeoJSON and CSV downloads against the content.
func TestExports(t *testing.T) {
	root := os.DirFS("../..")
	out, _ := build(t, root)
	tree := readTree(t, out)
	cs, _ := content.Load(root, content.Options{Now: testNow})

	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			ID         string                `json:"id"`
			Geometry   struct{ Type string } `json:"geometry"`
			Properties map[string]any        `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(tree["data/providers.geojson"], &fc); err != nil || fc.Type != "FeatureCollection" {
		t.Fatalf("providers.geojson: %v (type %q)", err, fc.Type)
	}
	points, areas := 0, 0
	for _, f := range fc.Features {
		if f.Geometry.Type == "Point" {
			points++
		} else {
			areas++
		}
		for _, key := range []string{"provider", "programmes", "status", "pathways", "artforms", "districts"} {
			if _, ok := f.Properties[key]; !ok {
				t.Errorf("feature %s has no %q", f.ID, key)
			}
		}
	}
	wantPoints, wantAreas := 0, 0
	for _, p := range cs.Providers {
		wantPoints += len(p.Venues)
		wantAreas += len(p.Areas)
	}
	if points != wantPoints || areas != wantAreas {
		t.Errorf("%d venues and %d areas exported, content has %d and %d", points, areas, wantPoints, wantAreas)
	}

	rows, err := csv.NewReader(bytes.NewReader(tree["data/providers.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(cs.Providers)+1 || !slices.Equal(rows[0], csvColumns) {
		t.Fatalf("%d CSV rows with header %v, want %d", len(rows), rows[0], len(cs.Providers)+1)
	}
	email := slices.Index(csvColumns, "email")
	bySlug := map[string][]string{}
	for _, row := range rows[1:] {
		bySlug[row[0]] = row
	}
	for _, p := range cs.Providers {
		row, ok := bySlug[p.Slug]
		if !ok {
			t.Errorf("no CSV row for %s", p.Slug)
			continue
		}
		if !p.PublishContact && row[email] != "" {
			t.Errorf("%s: unpublished email %q in the CSV", p.Slug, row[email])
		}
	}
	assertPrivateContactsHidden(t, cs, tree)
}

// TestCoverageCounts recounts every cell of the real site by hand from the
// content: a programme counts where the district boundary holds one of its
// venues, or, online or without a venue, in its provider's districts.
func TestCoverageCounts(t *testing.T) {
	root := os.DirFS("../..")
	cs, probs := content.Load(root, content.Options{Now: testNow})
	s := assemble(cs, testNow, probs)
	cov := s.Coverage()
	if len(cov.Rows) != len(cs.Config.Vocab.Pathways) || len(cov.Districts) != len(cs.Config.Vocab.Districts) {
		t.Fatalf("coverage is %d x %d", len(cov.Rows), len(cov.Districts))
	}
	gaps := 0
	for r, row := range cov.Rows {
		for c, cell := range row.Cells {
			pw, d := cs.Config.Vocab.Pathways[r], cs.Config.Vocab.Districts[c]
			want := handCount(t, cs, pw.ID, d)
			got := [3]int{cell.Providers, cell.Programmes, cell.Online}
			if got != want {
				t.Errorf("%s x %s = %v (providers, at venues, online); want %v", pw.ID, d.ID, got, want)
			}
			if want[1]+want[2] == 0 {
				gaps++
				if !strings.Contains(cell.URL, "district="+d.ID) {
					t.Errorf("gap cell links to %s", cell.URL)
				}
			}
		}
	}
	if gaps != cov.Gaps || gaps == 0 {
		t.Errorf("%d gaps counted, %d by hand (the sample content should have some)", cov.Gaps, gaps)
	}
}

// handCount counts one cell from the content: providers covering, programmes
// at venues in the district, programmes online or without a venue.
func handCount(t *testing.T, cs *content.Site, pw string, d content.Term) [3]int {
	var boundary orb.Geometry
	for _, f := range cs.Areas {
		for _, a := range f.Features {
			if a.Code == d.Code {
				boundary = a.Geometry
			}
		}
	}
	if boundary == nil {
		t.Fatalf("no boundary for %s", d.ID)
	}
	var n [3]int
	for _, p := range cs.Providers {
		covers := slices.Contains(p.Districts, d.ID) && slices.Contains(p.Pathways, pw)
		for _, pg := range p.Programmes {
			pathways := pg.Pathways
			if len(pathways) == 0 {
				pathways = p.Pathways
			}
			if pg.Status == "ended" || !slices.Contains(pathways, pw) {
				continue
			}
			if pg.Format == "online" || len(pg.Venues) == 0 {
				if slices.Contains(p.Districts, d.ID) {
					n[2]++
					covers = true
				}
				continue
			}
			if slices.ContainsFunc(p.Venues, func(v geo.Venue) bool {
				return slices.Contains(pg.Venues, v.ID) && planar.PolygonContains(boundary.(orb.Polygon), v.Point)
			}) {
				n[1]++
				covers = true
			}
			covers = covers || slices.Contains(p.Districts, d.ID)
		}
		if covers {
			n[0]++
		}
	}
	return n
}
