package browser

import (
	"os"
	"path/filepath"
	"testing"

	"artsmap/internal/content"
	"artsmap/internal/testenv"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBoundaryViewsAccessible builds the real site with the ONS district
// boundaries from the shared test data (content/ carries the same file) and
// checks the choropleth and the drawn map.
func TestBoundaryViewsAccessible(t *testing.T) {
	root := RepoRoot(t)
	districts, err := os.ReadFile(testenv.SharedData(t, "gloucestershire-districts.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	writeDistricts(t, dir, districts)
	base := buildAndServe(t, dir)
	b := Start(t)
	for _, path := range []string{"/coverage/", "/map/"} {
		t.Run(path, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.Go(t, base+path)
			if n := Eval[int](t, tab, `document.querySelectorAll('.static-map path.area').length`); path == "/coverage/" && n != 6 {
				t.Errorf("%d districts drawn, want 6", n)
			}
			tab.AssertAccessible(t, path)
		})
	}
}

// TestDrawnMapWithoutJavaScript checks the map page as a reader without
// JavaScript gets it: the drawn map with every venue, and the table.
func TestDrawnMapWithoutJavaScript(t *testing.T) {
	base, cs := realSite(t)
	tab := Start(t).NewTab(t)
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, base+"/map/")
	want := venueCount(cs, func(*content.Provider) bool { return true })
	tab.WaitFor(t, `document.querySelector('#static-map img').complete`)
	if w := Eval[int](t, tab, `document.querySelector('#static-map img').naturalWidth`); w == 0 {
		t.Error("the drawn map did not load")
	}
	if n := Eval[int](t, tab, `[...document.querySelectorAll('.town-table tbody tr td:nth-of-type(1)')].reduce((s, td) => s + Number(td.textContent), 0)`); n != want {
		t.Errorf("the towns table counts %d venues, want %d", n, want)
	}
	if !Eval[bool](t, tab, `getComputedStyle(document.getElementById('static-map')).display !== 'none'`) {
		t.Error("the drawn map is hidden without JavaScript")
	}
	// axe needs scripts; turning them back on does not run the page's own.
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	tab.AssertAccessible(t, "/map/ without JavaScript")
	if Eval[string](t, tab, `document.documentElement.dataset.map || ''`) != "" {
		t.Error("the map's script ran")
	}
	tab.Go(t, base+"/map/venues/")
	if n := Eval[int](t, tab, `document.querySelectorAll('.venue-table tbody tr').length`); n != want {
		t.Errorf("%d venues in the table of every venue, want %d", n, want)
	}
}

// fellsideDistrict is a boundary for the Fellside site's district with a
// code, away from its venues.
const fellsideDistrict = `{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"code": "X01000001", "name": "Eden Vale"},
  "geometry": {"type": "Polygon", "coordinates": [[[-3.5, 54.1], [-3.3, 54.1], [-3.3, 54.3], [-3.5, 54.3], [-3.5, 54.1]]]}}]}`

// TestMapWithBoundariesAccessible checks the interactive map, once drawn,
// of another region with a boundary file: the map's own controls (the
// attribution's links among them) pass axe-core as the page around them.
func TestMapWithBoundariesAccessible(t *testing.T) {
	dir := unpack(t, filepath.Join(RepoRoot(t), "internal", "site", "testdata", "fellside.txtar"))
	writeDistricts(t, dir, []byte(fellsideDistrict))
	base := buildAndServe(t, dir)
	b := Start(t)
	for _, path := range []string{"/map/", "/embed/map/"} {
		t.Run(path, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.Go(t, base+path)
			tab.WaitFor(t, mapSettled)
			tab.AssertAccessible(t, path)
		})
	}
}

// writeDistricts adds a district boundary file to the site in dir.
func writeDistricts(t *testing.T, dir string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "content", "areas"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "areas", "districts.geojson"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
