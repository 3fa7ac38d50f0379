package browser

import (
	"testing"
)

// tabUntil presses Tab until the focused element satisfies the JavaScript
// condition on `el` (document.activeElement), at most max times, and
// checks on the way that focus stays visible.
func tabUntil(t *testing.T, tab *Tab, cond string, max int) {
	t.Helper()
	for range max {
		tab.Do(t, keys("\t"))
		if Eval[bool](t, tab, `(el => !!el && !!(`+cond+`))(document.activeElement)`) {
			assertFocusVisible(t, tab)
			return
		}
	}
	t.Fatalf("%d presses of Tab never reached an element where %s", max, cond)
}

// focusShown is true when the focused element matches :focus-visible and
// draws an outline or a box shadow.
const focusShown = `(el => el.matches(':focus-visible') &&
  (getComputedStyle(el).outlineStyle !== 'none' || getComputedStyle(el).boxShadow !== 'none'))(document.activeElement)`

// assertFocusVisible fails when the focused element shows no focus indicator.
func assertFocusVisible(t *testing.T, tab *Tab) {
	t.Helper()
	if !Eval[bool](t, tab, focusShown) {
		el := Eval[string](t, tab, `document.activeElement.outerHTML.slice(0, 120)`)
		t.Errorf("focus is not visible on %s", el)
	}
}

// openDetails opens the <details> whose summary has focus with Enter, if
// it is closed (the filter panel starts open on wide screens).
func openDetails(t *testing.T, tab *Tab) {
	t.Helper()
	if !Eval[bool](t, tab, `document.activeElement.parentElement.open`) {
		tab.Do(t, keys("\r"))
	}
	if !Eval[bool](t, tab, `document.activeElement.parentElement.open`) {
		t.Fatal("Enter did not open the filter")
	}
}

// TestDirectoryKeyboardSearch uses the directory with the keyboard only:
// Tab to the search box, type, see the results change, open a filter and
// tick it with Space, tick a provider for the shortlist and clear it with
// Enter; focus is visible at every stop.
func TestDirectoryKeyboardSearch(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	all := len(Eval[[]string](t, tab, visibleSlugs))
	tabUntil(t, tab, `el.id === 'q'`, 20)
	tab.Do(t, keys("singing"))
	tab.WaitFor(t, `location.search.includes('q=singing')`)
	if got := len(Eval[[]string](t, tab, visibleSlugs)); got == 0 || got >= all {
		t.Errorf("%d results after typing, want some of the %d", got, all)
	}
	tabUntil(t, tab, `el.tagName === 'SUMMARY' && el.parentElement.classList.contains('filter-panel')`, 10)
	openDetails(t, tab)
	tabUntil(t, tab, `el.tagName === 'SUMMARY' && el.textContent.trim() === 'District'`, 20)
	openDetails(t, tab)
	tabUntil(t, tab, `el.name === 'district'`, 3)
	tab.Do(t, keys(" "))
	tab.WaitFor(t, `location.search.includes('district=')`)
	if !Eval[bool](t, tab, `document.activeElement.checked`) {
		t.Error("Space did not tick the district")
	}
	tabUntil(t, tab, `el.closest('.shortlist-toggle')`, 150)
	tab.Do(t, keys(" "))
	tab.WaitFor(t, `document.querySelector('[data-shortlist-count]').textContent === '1 provider'`)
	tabUntil(t, tab, `el.matches('[data-shortlist-clear]')`, 150)
	tab.Do(t, keys("\r"))
	tab.WaitFor(t, `document.querySelector('[data-shortlist-count]').textContent === '0 providers'`)
}

// TestMapKeyboard reaches a venue marker on the map with Tab, opens its
// popup with Enter and closes it with Escape: focus returns to the marker.
// The list of venues in view is reached with Tab too.
func TestMapKeyboard(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/map/?district=stroud")
	tab.WaitFor(t, mapSettled)
	tabUntil(t, tab, `el.id === 'map'`, 80)
	tabUntil(t, tab, `el.classList.contains('venue-marker') || el.classList.contains('marker-cluster')`, 40)
	if Eval[bool](t, tab, `document.activeElement.classList.contains('marker-cluster')`) {
		tab.Do(t, keys("\r"))
		tabUntil(t, tab, `el.classList.contains('venue-marker')`, 40)
	}
	tab.Do(t, keys("\r"))
	tab.WaitFor(t, `document.querySelector('.leaflet-popup-content a')`)
	tab.Do(t, keys("\x1b"))
	tab.WaitFor(t, `!document.querySelector('.leaflet-popup')`)
	if !Eval[bool](t, tab, `document.activeElement.classList.contains('venue-marker')`) {
		t.Errorf("after Escape, focus is on %s, want the marker", Eval[string](t, tab, `document.activeElement.outerHTML.slice(0, 120)`))
	}
	tabUntil(t, tab, `el.closest('#in-view-list')`, 200)
}
