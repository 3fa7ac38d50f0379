package browser

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// sideways is the width the page scrolls to beyond the window, and the
// first elements that reach past it outside any scrolling box.
const sideways = `(() => {
  const over = document.documentElement.scrollWidth - innerWidth;
  const clipped = (e) => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
  const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !clipped(e));
  return over <= 0 ? '' : over + ' px too wide: ' + wide.slice(0, 3).map((e) => e.tagName.toLowerCase() + ' ' + (e.textContent || '').trim().slice(0, 40)).join('; ');
})()`

// reflowSite is the Fellside site with a district boundary, so that its
// coverage page draws the districts, and more districts, so that its
// coverage table is wider than the window, and a venue named with one
// long word (a real Welsh place name).
func reflowSite(t *testing.T) string {
	t.Helper()
	dir := unpack(t, filepath.Join(RepoRoot(t), "internal", "site", "testdata", "fellside.txtar"))
	cfg, err := os.OpenFile(filepath.Join(dir, "content", "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"north-fells", "south-lakes", "west-coast", "high-pennines"} {
		fmt.Fprintf(cfg, "\n[[vocab.districts]]\nid = %q\nlabel = %q\n", d, d)
	}
	if err := cfg.Close(); err != nil {
		t.Fatal(err)
	}
	venues := filepath.Join(dir, "content", "providers", "breath-choir", "locations.geojson")
	data, err := os.ReadFile(venues)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(venues, bytes.Replace(data, []byte(`"Mill Hall"`), []byte(`"Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Hall"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "areas"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "areas", "districts.geojson"), []byte(fellsideDistrict), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestReflow opens pages 320 CSS pixels wide (a 1280 px window zoomed to
// 400%), with and without JavaScript: none scrolls sideways (WCAG 1.4.10).
// Wide tables scroll within their own box; long words and code break.
func TestReflow(t *testing.T) {
	base := buildAndServe(t, reflowSite(t))
	b := Start(t)
	for _, js := range []bool{false, true} {
		for _, path := range []string{"/map/", "/embed/map/", "/coverage/", "/map/venues/", "/providers/breath-choir/", "/data/",
			"/providers/breath-choir/handout/", "/providers/handouts/?shortlist=breath-choir"} {
			name := path
			if !js {
				name += " without JavaScript"
			}
			t.Run(name, func(t *testing.T) {
				tab := b.NewTab(t)
				if _, err := chromedp.Call(tab.Context(), emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 320, Height: 640, DeviceScaleFactor: 1}); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !js}); err != nil {
					t.Fatal(err)
				}
				tab.Go(t, base+path)
				if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
					t.Fatal(err)
				}
				if js && (path == "/map/" || path == "/embed/map/") {
					tab.WaitFor(t, mapSettled)
				}
				if got := Eval[string](t, tab, sideways); got != "" {
					t.Errorf("%s scrolls sideways at 320 px: %s", name, got)
				}
			})
		}
	}
}
