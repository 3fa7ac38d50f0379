package browser

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// shortlistOrder is the panel's list of chosen providers, in order.
const shortlistOrder = `[...document.querySelectorAll('[data-shortlist-items] > li')].map(li => li.dataset.slug).join(',')`

// shortlistCSV clicks "Download as CSV" and returns the file's text.
const shortlistCSV = `new Promise(resolve => {
	const orig = URL.createObjectURL;
	URL.createObjectURL = (blob) => { blob.text().then(resolve); return orig.call(URL, blob); };
	document.querySelector('[data-shortlist-csv]').click();
})`

// TestShortlistKept, on a site the shortlist was not written against:
// the panel names the chosen providers in the order chosen; Move down,
// reached and pressed with the keyboard, reorders them, keeps focus on
// the provider's buttons and is announced; the order survives a reload;
// the share link, opened in a browser with an empty shortlist, loads it
// and reports an id the site lacks; each shortlisted card offers its
// handout; the CSV carries published contact, schedule text, venues with
// access and the absolute profile address, and nothing unpublished;
// Clear empties it. axe-core finds nothing with the panel filled.
func TestShortlistKept(t *testing.T) {
	base := fellside(t)
	b := Start(t)
	tab := b.visit(t, base, pageVisit{path: "/providers/", ready: directoryReady})
	tab.Do(t,
		chromedp.Click(chromedp.CSS(`li[data-slug="quiet-brush"] .shortlist-toggle input`)),
		chromedp.Click(chromedp.CSS(`li[data-slug="breath-choir"] .shortlist-toggle input`)))
	if got := Eval[string](t, tab, shortlistOrder); got != "quiet-brush,breath-choir" {
		t.Fatalf("panel lists %q, want quiet-brush,breath-choir", got)
	}
	if !Eval[bool](t, tab, `!document.querySelector('li[data-slug="breath-choir"] .card-handout').hidden &&
		document.querySelector('li[data-slug="breath-choir"] .card-handout').getAttribute('href') === '/providers/breath-choir/handout/'`) {
		t.Error("a shortlisted card does not offer Print for a patient")
	}
	tabUntil(t, tab, `el.matches('[data-shortlist-items] li[data-slug="quiet-brush"] button[data-action="move-down"]')`, 60)
	tab.Do(t, keys("\r"))
	if got := Eval[string](t, tab, shortlistOrder); got != "breath-choir,quiet-brush" {
		t.Errorf("after Move down the panel lists %q", got)
	}
	if got := Eval[string](t, tab, `document.activeElement.closest('li')?.dataset.slug + ' ' + document.activeElement.dataset.action`); got != "quiet-brush move-up" {
		t.Errorf("focus after moving to the end is on %q, want Quiet Brush's Move up", got)
	}
	tab.WaitFor(t, `document.querySelector('[data-shortlist-status]').textContent === 'Quiet Brush moved down: 2 of 2.'`)
	tab.AssertAccessible(t, "directory with a shortlist")
	tab.AssertAccessibleIBM(t, "directory with a shortlist")
	for _, e := range tab.CSPViolations(t) {
		t.Errorf("CSP violation: %s", e)
	}

	csv := Eval[string](t, tab, shortlistCSV)
	lines := strings.Split(strings.TrimSpace(csv), "\r\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "Breath Choir,https://fellside.example.net/providers/breath-choir/,") {
		t.Fatalf("CSV rows out of order or missing:\n%s", csv)
	}
	for _, want := range []string{"Phone,Email,Website,When,Venues and access", "01632 960001", "sing@example.net",
		"Breathe Easy Singing: Wednesdays, 2pm to 3:30pm", "Mill Hall, Mill Lane, Eden, XX1 1AA (step-free access: yes; hearing loop: no; parking: not stated",
		"https://fellside.example.net/providers/quiet-brush/"} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv)
		}
	}
	if strings.Contains(csv, "private@") || strings.Contains(csv, "960002") {
		t.Errorf("CSV holds unpublished contact:\n%s", csv)
	}

	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	if got := Eval[string](t, tab, shortlistOrder); got != "breath-choir,quiet-brush" {
		t.Errorf("after a reload the panel lists %q", got)
	}
	share := Eval[string](t, tab, `document.querySelector('[data-shortlist-link]').href`)
	if share != base+"/providers/?shortlist=breath-choir,quiet-brush" {
		t.Errorf("share link %q", share)
	}
	if got := Eval[string](t, tab, `document.querySelector('[data-shortlist-handouts]').getAttribute('href')`); got != "/providers/handouts/?shortlist=breath-choir,quiet-brush" {
		t.Errorf("Print handouts links %q", got)
	}
	tabUntil(t, tab, `el.matches('[data-shortlist-clear]')`, 80)
	tab.Do(t, keys("\r"))
	tab.WaitFor(t, `document.querySelector('[data-shortlist-count]').textContent === '0 providers' && localStorage.getItem('artsmap-shortlist') === '[]'`)

	tab.Go(t, base+"/providers/?shortlist=quiet-brush,no-such-provider")
	tab.WaitFor(t, directoryReady)
	if got := Eval[string](t, tab, shortlistOrder); got != "quiet-brush" {
		t.Errorf("the shared link loaded %q, want quiet-brush", got)
	}
	if got := Eval[string](t, tab, `document.querySelector('[data-shortlist-notice]').textContent`); !strings.Contains(got, "no-such-provider") {
		t.Errorf("the unknown id is not reported: %q", got)
	}
}
