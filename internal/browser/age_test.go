package browser

import (
	"testing"

	"artsmap/internal/site"
)

// ageReady is true once /js/age.js has run: module scripts run before the
// load event.
const ageReady = `document.readyState === 'complete'`

// shownStale counts the stale notices and card marks a reader can see.
const shownStale = `[...document.querySelectorAll('[data-stale-from]')].filter(e => !e.hidden && e.offsetParent !== null &&
  e.textContent.includes('over a year ago: confirm with the provider before referring')).length`

// TestAgeRecheckedInBrowser builds the site on testNow (2026-11-23), when
// no profile is stale and the 2027 events are still to come, and opens its
// pages with the browser's clock one year later: the script must mark the
// profiles stale and the events past, as a build on that day would. With
// the clock on the build day, it must change nothing.
func TestAgeRecheckedInBrowser(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	open := func(t *testing.T, path, at string) *Tab {
		t.Helper()
		tab := b.NewTab(t)
		tab.WatchCSP(t)
		fixedClock(t, tab, at)
		tab.Go(t, base+path)
		tab.WaitFor(t, ageReady)
		if errs := tab.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("%s: console errors: %v", path, errs)
		}
		if v := tab.CSPViolations(t); len(v) > 0 {
			t.Errorf("%s: CSP violations: %v", path, v)
		}
		return tab
	}
	const buildDay, yearLater = "2026-11-23T12:00:00Z", "2027-11-23T12:00:00Z"

	t.Run("profile", func(t *testing.T) {
		if n := Eval[int](t, open(t, "/providers/afterglow-arts/", buildDay), shownStale); n != 0 {
			t.Errorf("on the build day the profile shows %d stale notices, want none", n)
		}
		if n := Eval[int](t, open(t, "/providers/afterglow-arts/", yearLater), shownStale); n != 1 {
			t.Errorf("a year later the profile (reviewed 2026-03-30) shows %d stale notices, want 1", n)
		}
	})
	t.Run("handouts", func(t *testing.T) {
		if n := Eval[int](t, open(t, "/providers/afterglow-arts/handout/", yearLater), shownStale); n != 1 {
			t.Errorf("a year later the handout shows %d stale notices, want 1", n)
		}
		tab := open(t, "/providers/handouts/?shortlist=afterglow-arts,art-shape", yearLater)
		tab.WaitFor(t, `document.documentElement.dataset.handouts === 'ready'`)
		tab.WaitFor(t, `document.querySelectorAll('#handouts article.handout').length === 2`)
		if n := Eval[int](t, tab, shownStale); n != 2 {
			t.Errorf("a year later the page of two handouts shows %d stale notices, want 2", n)
		}
		if n := Eval[int](t, open(t, "/providers/afterglow-arts/handout/", buildDay), shownStale); n != 0 {
			t.Errorf("on the build day the handout shows %d stale notices, want none", n)
		}
	})
	t.Run("directory", func(t *testing.T) {
		tab := open(t, "/providers/", yearLater)
		tab.WaitFor(t, directoryReady)
		cards := Eval[int](t, tab, `document.querySelectorAll('#result-list .provider-card').length`)
		if n := Eval[int](t, tab, shownStale); n == 0 || n != cards {
			t.Errorf("a year later %d of %d cards are marked stale, want all (every profile was reviewed in 2026)", n, cards)
		}
	})
	t.Run("events", func(t *testing.T) {
		const upcoming = `document.querySelectorAll('[data-events="upcoming"] > li').length`
		const pastShown = `[...document.querySelectorAll('[data-events="past"] > li')].filter(li =>
		  li.querySelector('.took-place:not([hidden])')?.textContent.startsWith('This event took place on')).length`
		tab := open(t, "/events/", buildDay)
		before := Eval[int](t, tab, upcoming)
		past := Eval[int](t, tab, `document.querySelectorAll('[data-events="past"] > li').length`)
		if before == 0 || Eval[int](t, tab, pastShown) != past {
			t.Fatalf("on the build day: %d upcoming, %d past, want some upcoming and every past one saying so", before, past)
		}
		tab = open(t, "/events/", yearLater)
		if n := Eval[int](t, tab, upcoming); n != 0 {
			t.Errorf("a year later %d events are still coming up", n)
		}
		if n := Eval[int](t, tab, pastShown); n != before+past {
			t.Errorf("a year later %d events are under Past events saying they took place, want %d", n, before+past)
		}
		if !Eval[bool](t, tab, `!document.querySelector('[data-events-none]').hidden && document.querySelector('#past').closest('section').hidden === false`) {
			t.Error("a year later the page does not say that no events are planned")
		}
		if n := Eval[int](t, open(t, "/", yearLater), upcoming); n != 0 {
			t.Errorf("a year later the home page lists %d events as coming up", n)
		}
	})
	t.Run("event", func(t *testing.T) {
		const booking = `document.body.textContent.includes('Book a place')`
		const tookPlace = `!!document.querySelector('.took-place:not([hidden])')`
		tab := open(t, "/events/learning-event-2027/", buildDay)
		if !Eval[bool](t, tab, booking) || Eval[bool](t, tab, tookPlace) {
			t.Error("on the build day the event has no booking link, or says it took place")
		}
		tab = open(t, "/events/learning-event-2027/", yearLater)
		if Eval[bool](t, tab, booking) || !Eval[bool](t, tab, tookPlace) {
			t.Error("a year later the event still offers booking, or does not say it took place")
		}
		tab.AssertAccessible(t, "/events/learning-event-2027/ a year later")
	})
	t.Run("cards added by the directory", func(t *testing.T) {
		// With more providers than a page lists, the directory's script
		// puts in cards from /providers/cards-<k>.html after age.js has run:
		// on page 3, the first cards shown (A to Z) are not in its HTML.
		paged := pagedSite(t, 2*site.DirectoryPageSize+17)
		tab := b.NewTab(t)
		fixedClock(t, tab, yearLater)
		tab.Go(t, paged+"/providers/page/3/")
		tab.WaitFor(t, directoryReady+` && document.querySelectorAll('#result-list .provider-card').length > 0`)
		cards := Eval[[]string](t, tab, `[...document.querySelectorAll('#result-list > li:not([hidden])')].map(li => li.dataset.slug)`)
		inPage := Eval[int](t, tab, `document.querySelectorAll('#result-list > li:not([hidden]) .stale').length`)
		if n := Eval[int](t, tab, shownStale); len(cards) == 0 || n != inPage || n != len(cards) {
			t.Errorf("a year later %d of %d cards shown are marked stale (every synthetic profile was reviewed in 2026)", n, len(cards))
		}
	})
}
