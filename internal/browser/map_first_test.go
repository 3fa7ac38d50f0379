package browser

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"artsmap"
	"artsmap/internal/devserver"
	"artsmap/internal/netlify"
	"artsmap/internal/site"
	"artsmap/internal/synth"

	"github.com/chromedp/chromedp"
)

// firstShown adds up the venues the map shows: the numbers in the cluster
// bubbles and the lone markers; and lists the bubbles whose accessible
// name does not add up to their number.
const firstShown = `(() => {
	let venues = document.querySelectorAll('#map .venue-marker').length;
	const bad = [];
	for (const c of document.querySelectorAll('#map .venue-cluster')) {
		const n = Number(c.querySelector('span[aria-hidden]').textContent);
		const name = c.querySelector('.visually-hidden').textContent;
		const m = /^(\d+) venues: (.+)$/.exec(name);
		const sum = m ? m[2].split(', ').reduce((s, part) => s + Number(part.split(' ')[0]), 0) : -1;
		if (!m || Number(m[1]) !== n || sum !== n) bad.push(name);
		venues += n;
	}
	return [String(venues), ...bad];
})()`

// serveHolding serves the built folder out as ServeSite does, except that
// the full map data (/map/venues.json) is held back until release closes.
func serveHolding(t *testing.T, out string, release <-chan struct{}) string {
	h, err := netlify.Load(filepath.Join(RepoRoot(t), "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	files := devserver.Handler(out)
	hold := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == site.MapDataPath {
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		files.ServeHTTP(w, r)
	})
	return Serve(t, h.Wrap(hold, netlify.Loopback))
}

// TestMapFirstView: with no filters in the address, the map draws the
// clusters made at build time before the full data has come (held back
// here), every venue counted once, each bubble named by status, no two
// targets touching at this zoom and the next two; the directory's index is
// asked for only after those markers are drawn. Once the full data comes,
// the map's own markers replace them. An address with a filter does not
// ask for the build's clusters, which are of every venue. Neither asks for
// the drawn map.
func TestMapFirstView(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(dir), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	t.Cleanup(free)
	base := serveHolding(t, out, release)
	b := Start(t)
	tab := b.NewTab(t)
	tab.Do(t, chromedp.EmulateViewport(412, 823, chromedp.EmulateMobile))
	tab.Go(t, base+"/map/")
	tab.WaitFor(t, `document.getElementById('map').dataset.first`)
	if got := Eval[[]string](t, tab, firstShown); got[0] != "600" || len(got) > 1 {
		t.Errorf("the first view shows %s venues, want 600; bubbles misnamed: %q", got[0], got[1:])
	}
	if Eval[bool](t, tab, `(() => {
		const drawn = performance.getEntriesByName('markers-drawn')[0].startTime;
		return performance.getEntriesByType('resource').some((r) => r.name.includes('/providers/facets.json') && r.startTime < drawn);
	})()`) {
		t.Error("the directory's index was asked for before the first markers were drawn")
	}
	for step := range 3 {
		if step > 0 {
			// "+" is typed with Shift, which Leaflet takes as three zoom steps.
			zoom := Eval[string](t, tab, `document.getElementById('map').dataset.firstZoom`)
			tab.Do(t, chromedp.Focus(chromedp.ID("map")), keys("+"))
			tab.WaitFor(t, `document.getElementById('map').dataset.firstZoom !== '`+zoom+`' && !document.querySelector('.leaflet-zoom-anim')`)
		}
		for _, problem := range Eval[[]string](t, tab, targetsTouching) {
			t.Errorf("first view, zoomed in %d times: %s", step, problem)
		}
	}
	free()
	tab.WaitFor(t, mapSettled+` && !document.getElementById('map').dataset.first`)
	if got := markers(t, tab); got != 600 {
		t.Errorf("%d markers once the full data is in, want 600", got)
	}
	if got := Eval[[]string](t, tab, firstShown); len(got) > 1 {
		t.Errorf("bubbles misnamed once the full data is in: %q", got[1:])
	}
	for _, r := range tab.requestsTo(strings.TrimPrefix(base, "http://")) {
		if strings.Contains(r, site.MapImagePath) {
			t.Errorf("with JavaScript, the page asked for the drawn map %s", r)
		}
	}
	filtered := b.NewTab(t)
	filtered.Go(t, base+"/map/?gaps=1")
	filtered.WaitFor(t, mapReady)
	for _, r := range filtered.requestsTo(strings.TrimPrefix(base, "http://")) {
		if strings.Contains(r, site.MapClustersPath) {
			t.Errorf("with a filter in the address, the map asked for %s", r)
		}
		// The drawn map, megabytes on a large site, is for readers without
		// JavaScript and for print (TestDrawnMapWithoutJavaScript).
		if strings.Contains(r, site.MapImagePath) {
			t.Errorf("with JavaScript, the page asked for the drawn map %s", r)
		}
	}
}
