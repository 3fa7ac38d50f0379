package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap/internal/testenv"
)

// realContent is the real site (content/, which carries the ONS district
// boundaries) as a file system a test may change. It checks first that the
// boundaries are the shared ONS file unchanged.
func realContent(t *testing.T) fstest.MapFS {
	t.Helper()
	ons, err := os.ReadFile(testenv.SharedData(t, "gloucestershire-districts.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	err = fs.WalkDir(os.DirFS("../.."), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS("../.."), p)
		fsys[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if f := fsys["content/areas/districts.geojson"]; f == nil || !bytes.Equal(f.Data, ons) {
		t.Fatal("content/areas/districts.geojson is not the ONS file of the shared data")
	}
	return fsys
}

// TestBoundaries: the Gloucestershire build draws its districts on the map
// (the drawn one, and as outlines in the interactive map's data) and shades
// them on the coverage page, credits them, and warns when a venue lies
// outside every district its provider lists.
func TestBoundaries(t *testing.T) {
	fsys := realContent(t)
	out, res := build(t, fsys)
	if len(res.Problems) > 0 {
		t.Errorf("the real venues should all lie in their districts: %v", res.Problems)
	}
	tree := readTree(t, out)
	if n := strings.Count(string(tree["map/map.svg"]), "\n<path d="); n != 6 {
		t.Errorf("%d districts on the drawn map, want 6", n)
	}
	if n := strings.Count(string(tree["data/providers.geojson"]), `"district":"`); n == 0 {
		t.Error("no venue in the GeoJSON names the district it lies in")
	}
	if n := strings.Count(string(tree["coverage/index.html"]), `<path class="area shade-`); n != 6 {
		t.Errorf("%d shaded districts on the coverage page, want 6", n)
	}
	var data struct{ Districts [][]any }
	if err := json.Unmarshal(tree["map/venues.json"], &data); err != nil || len(data.Districts) != 6 {
		t.Errorf("%d district outlines in the map's data, want 6 (%v)", len(data.Districts), err)
	}
	for _, page := range []string{"data/index.html", "coverage/index.html", "map/index.html"} {
		if !strings.Contains(string(tree[page]), "Contains OS data © Crown copyright and database right 2016") {
			t.Errorf("%s does not credit the boundaries", page)
		}
	}
	if !strings.Contains(string(tree["map/index.html"]), `| Source: Office for National Statistics`) {
		t.Error("the map's attribution does not credit the boundaries")
	}
	// Move Mindsong's first venue to Cirencester, in Cotswold, which Mindsong does not list.
	loc := fsys["content/providers/mindsong/locations.geojson"]
	first := regexp.MustCompile(`"coordinates":\s*\[[^\]]*\]`)
	done := false
	loc.Data = first.ReplaceAllFunc(loc.Data, func(m []byte) []byte {
		if done {
			return m
		}
		done = true
		return []byte(`"coordinates": [-1.874, 51.713]`)
	})
	_, res = build(t, fsys)
	found := false
	for _, p := range res.Problems {
		if p.Warning && p.Path == "content/providers/mindsong/index.md" && strings.Contains(p.Message, "lies in Cotswold") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning for a venue outside its districts: %v", res.Problems)
	}
}
