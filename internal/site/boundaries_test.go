package site

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap/internal/testenv"
)

// withBoundaries is the real site with the district boundaries added.
func withBoundaries(t *testing.T) fstest.MapFS {
	t.Helper()
	// The ONS boundary file in the shared test data, read where it is and
	// never copied into the repository.
	data, err := os.ReadFile(testenv.SharedData(t, "gloucestershire-districts.geojson"))
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
	fsys["content/areas/districts.geojson"] = &fstest.MapFile{Data: data, Mode: 0o644}
	return fsys
}

// TestBoundaries draws the districts on the map and shades them, and warns
// when a venue lies outside every district its provider lists.
func TestBoundaries(t *testing.T) {
	fsys := withBoundaries(t)
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
