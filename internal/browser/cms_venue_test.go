package browser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"artsmap/internal/content"
)

// TestEditorPlacesVenue: in the editor a venue is placed by typing its
// postcode, looked up in the site's own /data/postcodes/<OUTWARD>.json (as
// the build writes it from content/areas/postcodes.csv); an unknown
// postcode is said to be unknown and changes nothing; the position can
// still be given in degrees. The saved file loads with artsmap's loader
// and differs from the original in the venue's position only. Nothing is
// blocked, and nothing is fetched from another host.
func TestEditorPlacesVenue(t *testing.T) {
	root := RepoRoot(t)
	before, probs := content.Load(os.DirFS(root), content.Options{Now: testNow})
	if probs.Errors() > 0 {
		t.Fatalf("content/ has errors: %v", probs.Items())
	}
	e := openEditor(t, Start(t), true)
	pos := shardPosition(t, filepath.Join(e.out, "data", "postcodes", "GL1.json"), "1AA")
	file := "content/providers/art-shape/locations.geojson"
	original := e.file(t, file)
	e.tab.Go(t, e.base+"/admin/#/collections/venues/entries/art-shape/locations")
	field := `document.querySelector('[data-key-path="features.0.geometry.coordinates"] .venue-place')`
	e.tab.WaitFor(t, field)
	place := func(postcode string) string {
		Eval[bool](t, e.tab, `(() => {
			const el = `+field+`.querySelector('input[type=text]');
			Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, `+jsString(postcode)+`);
			el.dispatchEvent(new Event('input', {bubbles: true}));
			return true;
		})()`)
		Eval[bool](t, e.tab, `(`+field+`.querySelector('button').click(), true)`)
		e.tab.WaitFor(t, field+`.querySelector('[role=status]').textContent.startsWith('Looking') === false && `+field+`.querySelector('[role=status]').textContent !== ''`)
		return Eval[string](t, e.tab, field+`.querySelector('[role=status]').textContent`)
	}
	if msg := place("XX9 9XX"); !strings.Contains(msg, "not in the site") {
		t.Errorf("an unknown postcode says %q", msg)
	}
	if msg := place("gl11aa"); msg != "Placed at GL1 1AA." {
		t.Errorf("a known postcode, typed without its space, says %q", msg)
	}
	if n := Eval[int](t, e.tab, field+`.querySelectorAll('details input[type=number]').length`); n != 2 {
		t.Errorf("%d boxes for degrees, want 2 (longitude and latitude)", n)
	}
	Eval[bool](t, e.tab, `([...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Save').click(), true)`)
	for i := 0; i < 100 && string(e.file(t, file)) == string(original); i++ {
		Eval[bool](t, e.tab, `new Promise(r => setTimeout(() => r(true), 50))`)
	}
	written := e.file(t, file)
	after := loadWith(t, root, file, written)
	want, got := itemOf(t, before, file), itemOf(t, after, file)
	want.(*content.Provider).Venues[0].Point = pos
	if !reflect.DeepEqual(want, got) {
		t.Errorf("after placing by postcode, %s reads differently:\n%s\n%s", file, fieldDiff(want, got), written)
	}
	for _, v := range e.blocked(t) {
		t.Errorf("blocked by the Content-Security-Policy: %s", v)
	}
	for _, r := range e.tab.ForeignRequests(strings.TrimPrefix(e.base, "http://")) {
		t.Errorf("request to another host: %s", r)
	}
}

// shardPosition is the [lon, lat] of the postcode with inward code inward
// in the build's postcode file of one outward code.
func shardPosition(t *testing.T, path, inward string) [2]float64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]any
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, r := range rows {
		if len(r) >= 3 && r[0] == inward {
			lon, _ := r[1].(float64)
			lat, _ := r[2].(float64)
			return [2]float64{lon, lat}
		}
	}
	t.Fatalf("%s has no postcode %s", path, inward)
	return [2]float64{}
}

// jsString quotes s for a JavaScript expression.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
