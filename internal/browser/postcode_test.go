package browser

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"artsmap/internal/synth"
)

// postcodeSite builds a synthetic region the tests have not seen, with its
// own postcode file, and serves it.
func postcodeSite(t *testing.T) (string, []synth.Postcode) {
	t.Helper()
	fsys := synth.Site(12, 7)
	pcs := synth.AddPostcodes(fsys, 3)
	dir := t.TempDir()
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	return buildAndServe(t, dir), pcs
}

// typeQuery replaces the directory's search words as a person typing does.
func typeQuery(t *testing.T, tab *Tab, q string) {
	t.Helper()
	tab.Do(t, chromedp.SetValue(chromedp.ID("q"), q), chromedp.SendKeys(chromedp.ID("q"), " "))
}

// TestPostcodeSearch types a full postcode, an unspaced one and an outward
// code into the directory of a site the tests have not seen: each time the
// provider beside it comes first, its card shows the distance in miles and
// km, and the district is named; an unknown postcode and one outside the
// region are said to be so, in the live region too. Nothing is requested
// from another host.
func TestPostcodeSearch(t *testing.T) {
	base, pcs := postcodeSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	typeQuery(t, tab, "paint clay")
	tab.WaitFor(t, `document.getElementById('result-status').textContent !== ''`)
	host := strings.TrimPrefix(base, "http://")
	for _, r := range tab.requestsTo(host) {
		if strings.Contains(r, "/data/postcodes/") {
			t.Errorf("plain words fetched %s", r)
		}
	}
	for _, tc := range []struct{ typed, nearest, district string }{
		{pcs[0].Code, pcs[0].Nearest, pcs[0].District},
		{strings.ToLower(strings.ReplaceAll(pcs[1].Code, " ", "")), pcs[1].Nearest, pcs[1].District},
		{pcs[2].Outward, pcs[2].Nearest, pcs[2].District},
	} {
		typeQuery(t, tab, tc.typed)
		tab.WaitFor(t, `document.getElementById('result-count').textContent.includes('nearest first to') && document.getElementById('result-status').textContent.includes('nearest first')`)
		got := Eval[[]string](t, tab, visibleSlugs)
		count := Eval[string](t, tab, `document.getElementById('result-count').textContent`)
		distance := Eval[string](t, tab, `document.querySelector('#result-list > li:not([hidden]) .card-distance')?.textContent ?? ''`)
		if len(got) != 12 || got[0] != tc.nearest {
			t.Errorf("%q: providers %v, want all 12 with %s first", tc.typed, got, tc.nearest)
		}
		if !strings.Contains(count, "in "+tc.district) {
			t.Errorf("%q: count %q does not name the district %s", tc.typed, count, tc.district)
		}
		if !strings.Contains(distance, " miles (") && !strings.Contains(distance, " mile (") || !strings.Contains(distance, " km) away") {
			t.Errorf("%q: first card's distance %q, want miles and km", tc.typed, distance)
		}
	}
	for typed, want := range map[string]string{
		"SY1 9QQ":  "No postcode SY1 9QQ is known in Synthshire: check it, or type its first half (SY1)",
		"sw1a 1aa": "SW1A 1AA is not a postcode in Synthshire, which this map covers",
	} {
		typeQuery(t, tab, typed)
		tab.WaitFor(t, `document.getElementById('result-status').textContent.startsWith(`+jsString(want)+`)`)
	}
	u, _ := url.Parse(base)
	if foreign := tab.ForeignRequests(u.Host); len(foreign) > 0 {
		t.Errorf("requests to other hosts: %v", foreign)
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console error: %s", e)
	}
}

// TestZeroResultsWayOn: a search that matches nothing offers a way on, a
// link that gives providers when followed, and the browse pages.
func TestZeroResultsWayOn(t *testing.T) {
	base, _ := postcodeSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/?q=xyzzyq&pathway=dementia")
	tab.WaitFor(t, directoryReady+` && !document.getElementById('ways-on').hidden && document.querySelector('#ways-on li a')`)
	if n := Eval[int](t, tab, `document.querySelectorAll('#ways-on a[href="/pathways/"], #ways-on a[href="/near/"]').length`); n != 2 {
		t.Errorf("the ways on link %d of the pathways and postcode district pages, want 2", n)
	}
	tab.AssertAccessible(t, "/providers/ with no results")
	href := Eval[string](t, tab, `document.querySelector('#ways-on li a').getAttribute('href')`)
	tab.Go(t, base+href)
	tab.WaitFor(t, directoryReady)
	if n := Eval[int](t, tab, `document.querySelectorAll('#result-list > li:not([hidden])').length`); n == 0 {
		t.Error("the way on gave no providers")
	}
}

// TestPostcodeNear: a postcode typed in the "near" control sorts nearest
// first and names the district, and the address keeps it.
func TestPostcodeNear(t *testing.T) {
	base, pcs := postcodeSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	tab.Do(t, chromedp.SendKeys(chromedp.ID("near-postcode"), strings.ToLower(pcs[1].Code)))
	tab.WaitFor(t, `document.getElementById('result-count').textContent.includes('nearest first to `+pcs[1].Code+`, in `+pcs[1].District+`')`)
	if got := Eval[[]string](t, tab, visibleSlugs); len(got) == 0 || got[0] != pcs[1].Nearest {
		t.Errorf("providers %v, want %s first", got, pcs[1].Nearest)
	}
	tab.WaitFor(t, `new URLSearchParams(location.search).get('near') === `+jsString(strings.ToLower(pcs[1].Code)))
	other := Start(t).NewTab(t)
	other.Go(t, base+"/providers/?near="+url.QueryEscape(pcs[2].Code))
	other.WaitFor(t, directoryReady+` && document.getElementById('result-count').textContent.includes('nearest first to `+pcs[2].Code+`')`)
	if got := Eval[[]string](t, other, visibleSlugs); len(got) == 0 || got[0] != pcs[2].Nearest || Eval[string](t, other, `document.getElementById('near-postcode').value`) != pcs[2].Code {
		t.Errorf("from the address: providers %v and box %q, want %s first and the postcode in the box", got, Eval[string](t, other, `document.getElementById('near-postcode').value`), pcs[2].Nearest)
	}
}

// TestPostcodeMap: a postcode typed on the map moves it there, names the
// district and the nearest venue with its distance, lists the venues in
// view nearest first, and reports an unknown postcode; the only other host
// asked for anything is the tile server, for tiles.
func TestPostcodeMap(t *testing.T) {
	base, pcs := postcodeSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/map/")
	tab.WaitFor(t, mapReady)
	tab.Do(t, chromedp.SendKeys(chromedp.ID("near-postcode"), strings.ReplaceAll(pcs[0].Code, " ", "")+"\r"))
	want := pcs[0].Code + " is in " + pcs[0].District + ". Nearest venue shown: Hall 0-0 ("
	tab.WaitFor(t, `document.getElementById('near-postcode-status').textContent.startsWith(`+jsString(want)+`)`)
	first := Eval[string](t, tab, `document.querySelector('#in-view-list li')?.textContent ?? ''`)
	if !strings.Contains(first, ": Hall 0-0 (") || !strings.Contains(first, " km) away") {
		t.Errorf("first venue in view %q, want Hall 0-0 with its distance", first)
	}
	tab.Do(t, chromedp.SetValue(chromedp.ID("near-postcode"), "SY1 9QQ"), chromedp.SendKeys(chromedp.ID("near-postcode"), "\r"))
	tab.WaitFor(t, `document.getElementById('near-postcode-status').textContent.startsWith('No postcode SY1 9QQ is known in Synthshire')`)
	for _, r := range tab.ForeignRequests(strings.TrimPrefix(base, "http://")) {
		if u, _ := url.Parse(r); u == nil || u.Host != "tile.openstreetmap.org" || !strings.HasSuffix(u.Path, ".png") {
			t.Errorf("request to another host: %s", r)
		}
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console error: %s", e)
	}
}

// TestUnknownPostcodeStillSearches: a postcode the file does not hold is
// reported, and still searched as words, so a venue whose address holds
// it is found as before.
func TestUnknownPostcodeStillSearches(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/?q=gl25qa")
	tab.WaitFor(t, directoryReady+` && document.getElementById('result-count').textContent.startsWith('No postcode GL2 5QA is known in Gloucestershire')`)
	if got := Eval[[]string](t, tab, visibleSlugs); len(got) != 1 || got[0] != "frontline-canvas" {
		t.Errorf("providers %v, want frontline-canvas alone, whose venue's postcode is GL2 5QA", got)
	}
}

// resultTotal is the number of providers the result count says are shown.
const resultTotal = `(() => { const t = document.getElementById('result-count').textContent;
  const m = t.match(/Showing all (\d+)/) || t.match(/(\d+) of \d+ providers? match/); return m ? Number(m[1]) : 0; })()`

// TestUnknownPostcodeWaysOn: a postcode the site does not know, typed
// alone, matches nothing; every way on it offers gives, when followed, as
// many providers as it promised (more than none), and one outside the
// region is never split into halves that are themselves no postcode.
func TestUnknownPostcodeWaysOn(t *testing.T) {
	base, pcs := postcodeSite(t)
	waysOnGive(t, base, pcs[0].Outward+" 9QQ", "sw1a 1aa", "ZZ9 9ZZ")
	real, _ := realSite(t)
	waysOnGive(t, real, "GL14 9ZZ", "sw1a 1aa")
}

// waysOnGive follows each way on from each typed query.
func waysOnGive(t *testing.T, base string, typed ...string) {
	t.Helper()
	tab := Start(t).NewTab(t)
	for _, typed := range typed {
		tab.Go(t, base+"/providers/?q="+url.QueryEscape(typed))
		tab.WaitFor(t, directoryReady+` && !document.getElementById('ways-on').hidden && document.querySelector('#ways-on li a')`+
			` && /postcode/i.test(document.getElementById('result-count').textContent)`) // the lookup has ended
		type way struct{ Href, Text string }
		ways := Eval[[]way](t, tab, `[...document.querySelectorAll('#ways-on li a')].filter(a => a.textContent.startsWith('Drop ') || a.textContent.startsWith('Use ')).map(a => ({Href: a.getAttribute('href'), Text: a.textContent}))`)
		if len(ways) == 0 {
			t.Errorf("%q: no way on", typed)
		}
		for _, w := range ways {
			promised := Eval[int](t, tab, `Number((`+jsString(w.Text)+`.match(/: (\d+) providers?$/) || [0, 0])[1])`)
			next := Start(t).NewTab(t)
			next.Go(t, base+w.Href)
			next.WaitFor(t, directoryReady+` && document.getElementById('result-count').textContent !== ''`)
			time.Sleep(500 * time.Millisecond) // a postcode lookup renders again when it ends
			if got := Eval[int](t, next, resultTotal); got == 0 || got != promised {
				t.Errorf("%q: %q gives %d providers (%q), want %d and more than none", typed, w.Text, got,
					Eval[string](t, next, `document.getElementById('result-count').textContent`), promised)
			}
		}
	}
}
