package browser

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"artsmap/internal/content"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const mapReady = `document.documentElement.dataset.map === 'ready'`

// mapSettled is true once the markers are drawn and no zoom or cluster
// animation runs: a marker cluster ignores a request to show one of its
// markers while it animates (see docs/testing.md).
const mapSettled = mapReady + ` && document.getElementById('map').dataset.drawn !== '' &&
  !document.querySelector('.leaflet-cluster-anim, .leaflet-zoom-anim')`

func markers(t *testing.T, tab *Tab) int {
	t.Helper()
	n, err := strconv.Atoi(Eval[string](t, tab, `document.getElementById('map').dataset.markers`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func venueCount(cs *content.Site, match func(p *content.Provider) bool) int {
	n := 0
	for _, p := range cs.Providers {
		if match(p) {
			n += len(p.Venues)
		}
	}
	return n
}

func TestMapMarkers(t *testing.T) {
	base, cs := realSite(t)
	b := Start(t)
	tests := []struct {
		query string
		match func(p *content.Provider) bool
	}{
		{"", func(*content.Provider) bool { return true }},
		{"?pathway=dementia", func(p *content.Provider) bool { return offers(p, "pathway", "dementia") }},
		{"?district=forest-of-dean&artform=singing", func(p *content.Provider) bool {
			return offers(p, "district", "forest-of-dean") && offers(p, "artform", "singing")
		}},
		// A shared link with words: the map fetches only the index chunks
		// those words need, as the directory does.
		{"?q=mindsong", func(p *content.Provider) bool { return p.Slug == "mindsong" }},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.Go(t, base+"/map/"+tt.query)
			tab.WaitFor(t, mapReady)
			want := venueCount(cs, tt.match)
			if got := markers(t, tab); got != want {
				t.Errorf("%d markers, want %d", got, want)
			}
			chunks := Eval[int](t, tab, `performance.getEntriesByType('resource').filter((e) => /\/terms-\d+\.json$/.test(e.name)).length`)
			if strings.Contains(tt.query, "q=") {
				all := Eval[int](t, tab, `fetch('/providers/terms.json').then((r) => r.json()).then((d) => d.chunks.length)`)
				if chunks == 0 || chunks >= all {
					t.Errorf("the map fetched %d of the index's %d word chunks for %s, want only those its words need", chunks, all, tt.query)
				}
			}
			if tt.query != "" {
				got := Eval[string](t, tab, `document.getElementById('to-directory').getAttribute('href')`)
				if !sameQuery(got, "/providers/"+tt.query) {
					t.Errorf("list link %q does not keep the filters %q", got, tt.query)
				}
			}
		})
	}
}

// TestMapKeyboardPopup opens a venue's popup from the list beside the map,
// then from the marker itself, using only the keyboard: with every venue
// (the marker is in a cluster) and with a few (it is not).
func TestMapKeyboardPopup(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	for _, q := range []string{"", "?pathway=dementia"} {
		t.Run(q, func(t *testing.T) { mapKeyboardPopup(t, b.NewTab(t), base+"/map/"+q) })
	}
}

func mapKeyboardPopup(t *testing.T, tab *Tab, page string) {
	tab.Go(t, page)
	tab.WaitFor(t, mapSettled)
	tab.Do(t, chromedp.Focus(chromedp.CSS(`#in-view-list button`)), keys("\r"))
	tab.WaitFor(t, `document.querySelector('.leaflet-popup-content a') && document.activeElement.classList.contains('venue-marker')`)
	tab.Do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.leaflet-popup-close-button').click()`))
	tab.WaitFor(t, `!document.querySelector('.leaflet-popup')`)
	tab.Do(t, chromedp.Focus(chromedp.CSS(`.venue-marker`)), keys("\r"))
	tab.WaitFor(t, `document.querySelector('.leaflet-popup-content a')`)
}

// TestMapLayers: the energy layer draws, and choosing a year changes what
// is drawn.
func TestMapLayers(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/map/")
	tab.WaitFor(t, mapReady)
	all := markers(t, tab)
	tab.Do(t, chromedp.Click(chromedp.ID("energy")))
	tab.WaitFor(t, `document.querySelector('canvas.leaflet-heatmap-layer') && document.getElementById('map').dataset.energy !== 'off'`)
	if !Eval[bool](t, tab, `location.search.includes('layer=energy')`) {
		t.Error("the energy layer is not in the address")
	}
	first := Eval[string](t, tab, `document.getElementById('year').min`)
	tab.Do(t, chromedp.Focus(chromedp.ID("year")), keys(kb.Home))
	tab.WaitFor(t, `location.search.includes('year=`+first+`')`)
	if got := markers(t, tab); got >= all {
		t.Errorf("in %s, %d markers; want fewer than the %d of any year", first, got, all)
	}
}

// sameQuery reports whether two addresses have the same path and parameters.
func sameQuery(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	if errA != nil || errB != nil || ua.Path != ub.Path {
		return false
	}
	qa, qb := ua.Query(), ub.Query()
	if len(qa) != len(qb) {
		return false
	}
	for k, v := range qa {
		if !slices.Equal(v, qb[k]) {
			return false
		}
	}
	return true
}
