package browser

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// legendVisible is true when the map's key is in the page, shown, and
// names every status, clusters and the heat scale.
const legendVisible = `(k => !!k && k.getClientRects().length > 0 && getComputedStyle(k).visibility === 'visible' &&
  ['Established', 'Emerging', 'Pilot', 'A number in a ring', 'Energy layer', 'District boundary'].every(w => k.textContent.includes(w)))(document.getElementById('map-legend'))`

// TestMapLegend: the key to the map is in the page and visible with
// JavaScript (beside the interactive map) and without it (beside the drawn map).
func TestMapLegend(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	tab := b.NewTab(t)
	tab.Go(t, base+"/map/")
	tab.WaitFor(t, mapReady)
	if !Eval[bool](t, tab, legendVisible) {
		t.Error("with JavaScript, the map's key is missing or hidden")
	}
	tab = b.NewTab(t)
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, base+"/map/")
	if !Eval[bool](t, tab, legendVisible) {
		t.Error("without JavaScript, the map's key is missing or hidden")
	}
}

var clusterName = regexp.MustCompile(`^(\d+) venues: (\d+ (established|emerging|pilot|ended)(, |$))+`)

// TestMapClusterNames: at county zoom some venues are clustered, and each
// cluster's accessible name gives its number and its split by status,
// which adds up to the number; its ring has one arc per status.
func TestMapClusterNames(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/map/")
	tab.WaitFor(t, mapSettled)
	for i := 0; i < 3 && Eval[int](t, tab, `document.querySelectorAll('.venue-cluster').length`) == 0; i++ {
		tab.Do(t, chromedp.Click(chromedp.CSS(`.leaflet-control-zoom-out`)))
		tab.WaitFor(t, mapSettled)
	}
	// What a screen reader reads: the cluster's text less what is hidden from it.
	names := Eval[[]string](t, tab, `[...document.querySelectorAll('.venue-cluster')].map(c => {
	  const copy = c.cloneNode(true);
	  copy.querySelectorAll('[aria-hidden="true"]').forEach(e => e.remove());
	  return copy.textContent.trim();
	})`)
	if len(names) == 0 {
		t.Fatal("no cluster at county zoom")
	}
	arcs := Eval[[]int](t, tab, `[...document.querySelectorAll('.venue-cluster')].map(c => c.querySelectorAll('.cluster-ring circle').length)`)
	for i, name := range names {
		m := clusterName.FindStringSubmatch(name)
		if m == nil {
			t.Errorf("cluster named %q, want \"N venues: n established, ...\"", name)
			continue
		}
		total, _ := strconv.Atoi(m[1])
		sum, parts := 0, strings.Split(strings.SplitN(name, ": ", 2)[1], ", ")
		for _, p := range parts {
			n, _ := strconv.Atoi(strings.Fields(p)[0])
			sum += n
		}
		if sum != total {
			t.Errorf("cluster %q: the split adds up to %d", name, sum)
		}
		if arcs[i] != len(parts) {
			t.Errorf("cluster %q: %d arcs in its ring, want %d", name, arcs[i], len(parts))
		}
	}
}

// timeState reads what the map shows: markers drawn, venues in the town
// table, points of the energy layer, and the year in the address.
const timeState = `({markers: Number(document.getElementById('map').dataset.markers),
  towns: [...document.querySelectorAll('#town-rows tr td:nth-of-type(1)')].reduce((s, td) => s + Number(td.textContent), 0),
  energy: document.getElementById('map').dataset.energy, year: new URLSearchParams(location.search).get('year') || '',
  out: document.getElementById('year-out').textContent})`

type timeView struct {
	Markers int    `json:"markers"`
	Towns   int    `json:"towns"`
	Energy  string `json:"energy"`
	Year    string `json:"year"`
	Out     string `json:"out"`
}

// TestMapTimeControl moves the year slider to its first year by keyboard:
// markers, the energy layer and the town table all show the same, fewer,
// venues; Every year brings them all back; Play and Pause toggle.
func TestMapTimeControl(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/map/?layer=energy")
	tab.WaitFor(t, mapSettled+` && document.getElementById('map').dataset.energy !== 'off'`)
	all := Eval[timeView](t, tab, timeState)
	if all.Markers == 0 || all.Towns != all.Markers || all.Energy != strconv.Itoa(all.Markers) || all.Out != "every year" {
		t.Fatalf("every year: %+v, want markers, town table and energy points equal", all)
	}
	first := Eval[string](t, tab, `document.getElementById('year').min`)
	tab.Do(t, chromedp.Focus(chromedp.ID("year")), keys(kb.Home))
	tab.WaitFor(t, fmt.Sprintf(`new URLSearchParams(location.search).get('year') === %q && document.getElementById('map').dataset.energy !== 'off'`, first))
	early := Eval[timeView](t, tab, timeState)
	if early.Markers >= all.Markers || early.Towns != early.Markers || early.Energy != strconv.Itoa(early.Markers) || early.Out != first {
		t.Errorf("in %s: %+v; want fewer than %d markers, and the town table and energy points equal to them", first, early, all.Markers)
	}
	tab.Do(t, chromedp.Click(chromedp.ID("all-years")))
	tab.WaitFor(t, `!location.search.includes('year=')`)
	if again := Eval[timeView](t, tab, timeState); again.Markers != all.Markers || again.Towns != all.Towns {
		t.Errorf("every year again: %+v, want %+v", again, all)
	}
	tab.Do(t, chromedp.Click(chromedp.ID("play")))
	if Eval[string](t, tab, `document.getElementById('play').getAttribute('aria-pressed')`) != "true" {
		t.Error("Play is not pressed once pressed")
	}
	tab.WaitFor(t, fmt.Sprintf(`new URLSearchParams(location.search).get('year') === %q`, first))
	tab.Do(t, chromedp.Click(chromedp.ID("play")))
	if Eval[string](t, tab, `document.getElementById('play').getAttribute('aria-pressed')`) != "false" {
		t.Error("Pause does not stop")
	}
}

// TestMapAndCoverageAccessible runs axe-core on the map with the time
// control moved and a cluster in view, on the coverage page, and on the
// map at 360 px with a popup open, which must fit inside the map.
func TestMapAndCoverageAccessible(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	tab := b.NewTab(t)
	tab.Go(t, base+"/coverage/")
	tab.AssertAccessible(t, "/coverage/")
	tab.Go(t, base+"/map/?layer=energy")
	tab.WaitFor(t, mapSettled)
	tab.Do(t, chromedp.Focus(chromedp.ID("year")), keys(kb.Home))
	tab.WaitFor(t, mapSettled+` && location.search.includes('year=')`)
	tab.AssertAccessible(t, "/map/ in its first year")
	narrow := b.NewTab(t)
	narrow.Do(t, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile))
	narrow.Go(t, base+"/map/?pathway=dementia")
	openPopup(t, narrow)
	narrow.WaitFor(t, `!document.querySelector('.popup-details').textContent.includes('Loading')`)
	narrow.WaitFor(t, `!document.querySelector('.leaflet-pan-anim')`)
	fits := Eval[bool](t, narrow, `(() => { const m = document.getElementById('map').getBoundingClientRect();
	  const p = document.querySelector('.leaflet-popup-content-wrapper').getBoundingClientRect();
	  return p.left >= m.left && p.right <= m.right && p.top >= m.top && p.bottom <= m.bottom; })()`)
	if !fits {
		t.Error("at 360 px the popup, its details in, does not fit inside the map")
	}
	narrow.AssertAccessible(t, "/map/ at 360 px with a popup")
}

// TestMapGaps: the Gaps layer shades as many districts as /data/coverage.csv
// has gaps for the condition chosen, and the list of gaps below the map
// names the same districts.
func TestMapGaps(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	for _, pathway := range []string{"respiratory", "dementia"} {
		tab.Go(t, base+"/map/?gaps=1&pathway="+pathway)
		tab.WaitFor(t, mapReady+` && document.getElementById('map').dataset.gaps !== undefined`)
		want := Eval[int](t, tab, `fetch('/data/coverage.csv').then(r => r.text()).then(s => s.split('\r\n').filter(l => l.startsWith('`+pathway+`,') && l.endsWith(',true')).length)`)
		listed := Eval[int](t, tab, `document.querySelectorAll('.gap-list a[data-pathway="`+pathway+`"]').length`)
		got := Eval[string](t, tab, `document.getElementById('map').dataset.gaps`)
		if want == 0 || got != strconv.Itoa(want) || listed != want {
			t.Errorf("%s: %s districts shaded and %d listed, want %d", pathway, got, listed, want)
		}
	}
}

// TestMapReducedMotion: a reader who prefers reduced motion gets a map
// that neither fades nor animates zooms; others get Leaflet's animations.
func TestMapReducedMotion(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	for _, reduce := range []bool{true, false} {
		tab := b.NewTab(t)
		if reduce {
			media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}}
			if _, err := chromedp.Call(tab.Context(), emulation.SetEmulatedMedia, media); err != nil {
				t.Fatal(err)
			}
		}
		tab.Go(t, base+"/map/")
		tab.WaitFor(t, mapSettled)
		animated := Eval[bool](t, tab, `document.getElementById('map').classList.contains('leaflet-fade-anim') ||
		  !!document.querySelector('#map .leaflet-marker-icon.leaflet-zoom-animated')`)
		if animated == reduce {
			t.Errorf("prefers reduced motion %v: the map animates %v", reduce, animated)
		}
	}
}
