package browser

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"artsmap/internal/registry"
)

// rgb is a registry colour as getComputedStyle writes it.
func rgb(t *testing.T, hex string) string {
	t.Helper()
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("rgb(%d, %d, %d)", v>>16, v>>8&0xff, v&0xff)
}

// TestMapStatuses: the map's script names each venue's status by the
// registry's label (from the map's data) and the markers and the pages'
// status labels take the registry's colour (from the generated
// /css/statuses.css), under the site's Content-Security-Policy.
func TestMapStatuses(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/map/")
	tab.WaitFor(t, mapSettled)
	items := Eval[[]string](t, tab, `[...document.querySelectorAll('#in-view-list li')].map((li) => li.textContent)`)
	labels := map[string]bool{}
	for _, s := range registry.Statuses {
		labels[s.Label] = true
	}
	seen := map[string]bool{}
	status := regexp.MustCompile(`\(([^()]+)\) Show on map$`)
	for _, item := range items {
		m := status.FindStringSubmatch(item)
		if m == nil || !labels[m[1]] {
			t.Errorf("%q names no status of the registry", item)
			continue
		}
		seen[m[1]] = true
	}
	if len(items) == 0 || len(seen) < 2 {
		t.Fatalf("%d venues listed, with the statuses %v: want several statuses", len(items), seen)
	}
	colours := Eval[[][]string](t, tab, `[...document.querySelectorAll('.venue-marker')].map((m) =>
	  [[...m.classList].find((c) => c.startsWith('status-')) ?? '', getComputedStyle(m).color])`)
	if len(colours) == 0 {
		t.Fatal("no marker is drawn on its own")
	}
	for _, c := range colours {
		st, ok := registry.StatusOf(c[0][len("status-"):])
		if !ok || c[1] != rgb(t, st.Colour) {
			t.Errorf("a marker of class %q is %s, want the registry's colour", c[0], c[1])
		}
	}
	tab.Go(t, base+"/map/venues/")
	badges := Eval[[][]string](t, tab, `[...document.querySelectorAll('td .status')].map((s) => [s.className, getComputedStyle(s).color])`)
	for _, b := range badges {
		i := slices.IndexFunc(registry.Statuses, func(s registry.Status) bool { return b[0] == "status status-"+s.ID })
		if i < 0 || b[1] != rgb(t, registry.Statuses[i].Colour) {
			t.Errorf("a status label of class %q is %s", b[0], b[1])
		}
	}
	if len(badges) == 0 {
		t.Error("the table of venues shows no status")
	}
}
