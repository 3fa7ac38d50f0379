package browser

import (
	"path/filepath"
	"testing"

	"artsmap/internal/synth"

	"github.com/chromedp/chromedp"
)

// targetsTouching lists the map's markers and cluster bubbles, inside the
// map's box, that are smaller than 24 by 24 CSS pixels or whose boxes
// overlap another's (WCAG 2.5.8, what axe-core's target-size checks).
const targetsTouching = `(() => {
	const box = document.getElementById('map').getBoundingClientRect();
	const icons = [...document.querySelectorAll('#map .leaflet-marker-icon')]
		.map((el) => ({ el, r: el.getBoundingClientRect() }))
		.filter(({ r }) => r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom);
	const name = (i) => (i.el.getAttribute('aria-label') || i.el.textContent.trim()) + ' at ' + Math.round(i.r.left) + ',' + Math.round(i.r.top);
	const bad = [];
	icons.forEach((a, i) => {
		if (a.r.width < 24 || a.r.height < 24) bad.push(name(a) + ' is smaller than 24 px');
		for (const b of icons.slice(i + 1)) {
			if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) bad.push(name(a) + ' overlaps ' + name(b));
		}
	});
	return bad;
})()`

// mapStill is embedMapSettled after forgetting when the map last moved.
const mapStill = `(window.stillSince = 0, true)`

// TestMapTargetsApart opens the map on a phone-sized screen, for the real
// site and for a crowded synthetic one, and zooms in step by step: at every
// step no marker or cluster bubble is under 24 px or overlaps another, and
// axe-core finds nothing on the real site (target-size among its rules).
func TestMapTargetsApart(t *testing.T) {
	real, _ := realSite(t)
	dir := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	crowded := buildAndServe(t, dir)
	b := Start(t)
	for _, site := range []struct{ name, base string }{{"content", real}, {"synthetic", crowded}} {
		t.Run(site.name, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.Do(t, chromedp.EmulateViewport(412, 823, chromedp.EmulateMobile))
			tab.Go(t, site.base+"/map/")
			for step := range 5 {
				if step > 0 {
					tab.Do(t, chromedp.Focus(chromedp.ID("map")), keys("+"))
				}
				Eval[bool](t, tab, mapStill)
				tab.WaitFor(t, mapReady+` && `+embedMapSettled)
				for _, problem := range Eval[[]string](t, tab, targetsTouching) {
					t.Errorf("zoomed in %d times: %s", step, problem)
				}
				if step == 0 && site.name == "content" {
					tab.AssertAccessible(t, "/map/ on a phone")
				}
			}
		})
	}
}
