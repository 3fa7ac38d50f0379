package browser

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

const evidenceReady = `document.documentElement.dataset.evidence === 'ready'`

// shownSynopses are the synopses a page of the evidence library shows, in order.
const shownSynopses = `[...document.querySelectorAll('#evidence-list > li:not([hidden]) h3 a')].map(a => a.getAttribute('href').split('/')[2])`

// evidenceSite builds and serves internal/site/testdata/evidence.txtar.
func evidenceSite(t *testing.T) string {
	t.Helper()
	return buildAndServe(t, unpack(t, filepath.Join(RepoRoot(t), "internal", "site", "testdata", "evidence.txtar")))
}

// TestEvidenceFilters: the address's filters list exactly the synopses
// that match, the form shows them ticked with live counts, unticking
// widens the list and rewrites the address, and the browse pages without
// JavaScript list the same synopses. axe-core finds nothing on the
// filtered library and on a synopsis.
func TestEvidenceFilters(t *testing.T) {
	base := evidenceSite(t)
	b := Start(t)
	tab := b.visit(t, base, pageVisit{"/evidence/?pathway=respiratory&design=systematic-review", evidenceReady, nil})
	want := []string{"singing-lungs-review", "creative-health-review"}
	if got := Eval[[]string](t, tab, shownSynopses); !slices.Equal(got, want) {
		t.Errorf("?pathway=respiratory&design=systematic-review shows %v, want %v", got, want)
	}
	counts := Eval[map[string]string](t, tab, `Object.fromEntries([...document.querySelectorAll('[data-count]')].map(e => [e.dataset.count, e.textContent]))`)
	for key, n := range map[string]string{"design:systematic-review": "(2)", "design:rct": "(1)", "design:qualitative": "(1)",
		"pathway:respiratory": "(2)", "pathway:mental-health": "(2)", "certainty:moderate": "(1)", "artform:dance": "(0)"} {
		if counts[key] != n {
			t.Errorf("count of %s = %q, want %q", key, counts[key], n)
		}
	}
	if got := Eval[string](t, tab, `document.getElementById('evidence-count').textContent`); got != "2 of 5 synopses" {
		t.Errorf("count text %q", got)
	}
	tab.AssertAccessible(t, "/evidence/ filtered")
	tab.Do(t, chromedp.Click(chromedp.CSS(`#ef-design-systematic-review`)))
	tab.WaitFor(t, `location.search === '?pathway=respiratory'`)
	if got := Eval[[]string](t, tab, shownSynopses); len(got) != 4 {
		t.Errorf("?pathway=respiratory shows %v, want 4 synopses", got)
	}
	if v := tab.CSPViolations(t); len(v) > 0 {
		t.Errorf("CSP violations: %v", v)
	}

	noJS := b.NewTab(t)
	if _, err := chromedp.Call(noJS.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	noJS.Go(t, base+"/evidence/pathway/respiratory/")
	byPathway := Eval[[]string](t, noJS, shownSynopses)
	noJS.Go(t, base+"/evidence/design/systematic-review/")
	byDesign := Eval[[]string](t, noJS, shownSynopses)
	var both []string
	for _, s := range byPathway {
		if slices.Contains(byDesign, s) {
			both = append(both, s)
		}
	}
	if !slices.Equal(both, want) {
		t.Errorf("browse pages without JavaScript: respiratory %v, systematic reviews %v; both %v, want %v", byPathway, byDesign, both, want)
	}
	noJS.Go(t, base+"/evidence/")
	if got := Eval[[]string](t, noJS, shownSynopses); len(got) != 5 {
		t.Errorf("/evidence/ without JavaScript lists %v, want all 5", got)
	}
	if Eval[bool](t, noJS, `!document.getElementById('evidence-filters').hidden`) {
		t.Error("the filters show without JavaScript, where they cannot work")
	}

	syn := b.visit(t, base, pageVisit{"/evidence/creative-health-review/", "", nil})
	syn.AssertAccessible(t, "/evidence/creative-health-review/")
	lib := b.visit(t, base, pageVisit{"/evidence/", evidenceReady, nil})
	lib.AssertAccessible(t, "/evidence/")
}

// TestEvidenceRealSiteAccessible runs axe-core on the evidence library of
// content/, a synopsis, a condition's page with its evidence and a profile
// linking synopses.
func TestEvidenceRealSiteAccessible(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	for _, pg := range []pageVisit{
		{"/evidence/?pathway=respiratory&design=systematic-review", evidenceReady, nil},
		{"/evidence/singing-for-copd-cochrane/", "", nil},
		{"/evidence/certainty/low/", "", nil},
		{"/pathways/respiratory/", "", nil},
	} {
		tab := b.visit(t, base, pg)
		tab.AssertAccessible(t, pg.path)
		if v := tab.CSPViolations(t); len(v) > 0 {
			t.Errorf("%s: CSP violations: %v", pg.path, v)
		}
	}
}
