package browser

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"artsmap"
	"artsmap/internal/content"
	"artsmap/internal/qrcode/qrtest"
	"artsmap/internal/site"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// fellsideProfile is the absolute address of a profile of the Fellside
// test site (internal/site/testdata/fellside.txtar), a site the handout
// was not written against.
const fellsideProfile = "https://fellside.example.net/providers/"

// fellside builds the Fellside test site and serves it.
func fellside(t *testing.T) string {
	t.Helper()
	return buildAndServe(t, unpack(t, filepath.Join(RepoRoot(t), "internal", "site", "testdata", "fellside.txtar")))
}

// pdfPage matches each page object of a PDF Chromium prints.
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// printedPages prints the tab's page to PDF as the browser's Print command
// would (A4 from print.css) and counts its pages.
func printedPages(t *testing.T, tab *Tab) int {
	t.Helper()
	yes := true
	res, err := chromedp.Call(tab.Context(), page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	return len(pdfPage.FindAll(res.Data, -1))
}

// assertClean fails the test on a console error, a CSP violation or a
// request to another host.
func assertClean(t *testing.T, tab *Tab, base string) {
	t.Helper()
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console error: %s", e)
	}
	for _, v := range tab.CSPViolations(t) {
		t.Errorf("CSP violation: %s", v)
	}
	for _, r := range tab.ForeignRequests(strings.TrimPrefix(base, "http://")) {
		t.Errorf("request to another host: %s", r)
	}
}

// TestHandoutPage opens the handout of a provider with schedules, venue
// access and published contact under the published headers: it holds all
// of them; the QR code as Chromium draws it decodes, with a real decoder,
// to the profile's absolute address; it prints on one A4 page; axe-core
// and the IBM checker find nothing. The handout of a provider without
// consent shows no email or phone.
func TestHandoutPage(t *testing.T) {
	base := fellside(t)
	b := Start(t)
	tab := b.visit(t, base, pageVisit{path: "/providers/breath-choir/handout/"})
	tab.AssertAccessible(t, "handout")
	tab.AssertAccessibleIBM(t, "handout")
	text := Eval[string](t, tab, `document.querySelector('article.handout').innerText`)
	for _, want := range []string{"Breath Choir", "Wednesdays, 2pm to 3:30pm", "Mill Hall", "Step-free access: Yes",
		"Hearing loop: No", "Parking: Not stated", "Level entrance from the car park.", "01632 960001",
		"sing@example.net", "Last checked: 1 September 2026", fellsideProfile + "breath-choir/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the handout lacks %q:\n%s", want, text)
		}
	}
	if name := Eval[string](t, tab, `document.querySelector('svg.qr').getAttribute('aria-label')`); !strings.Contains(name, fellsideProfile+"breath-choir/") {
		t.Errorf("the QR code's accessible name is %q", name)
	}
	// At three device pixels a CSS pixel, as on a phone's screen; a camera
	// sees the printed code (36 mm) far finer still.
	shot, err := chromedp.Run(tab.Context(), chromedp.ScreenshotScale(chromedp.CSS("svg.qr"), 3))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := qrtest.Image(img); err != nil || got != fellsideProfile+"breath-choir/" {
		t.Errorf("the QR code Chromium draws decodes to %q (%v), want %q", got, err, fellsideProfile+"breath-choir/")
	}
	if n := printedPages(t, tab); n != 1 {
		t.Errorf("the handout prints on %d pages, want 1", n)
	}
	assertClean(t, tab, base)

	quiet := b.visit(t, base, pageVisit{path: "/providers/quiet-brush/handout/"})
	quiet.AssertAccessible(t, "handout without contact")
	html := Eval[string](t, quiet, `document.documentElement.outerHTML`)
	for _, leak := range []string{"private@example.net", "960002", "mailto:", "tel:"} {
		if strings.Contains(html, leak) {
			t.Errorf("the handout of a provider without publish_contact holds %q", leak)
		}
	}
}

// TestHandoutsOfShortlist: the page of handouts prints each provider of a
// shared shortlist on a page of its own, reports an id the site lacks,
// and passes axe-core; without JavaScript it says how to print one.
func TestHandoutsOfShortlist(t *testing.T) {
	base := fellside(t)
	b := Start(t)
	tab := b.visit(t, base, pageVisit{path: "/providers/handouts/?shortlist=quiet-brush,breath-choir,no-such,../../admin",
		ready: `document.documentElement.dataset.handouts === 'ready'`})
	got := Eval[[]string](t, tab, `[...document.querySelectorAll('#handouts article.handout')].map(a => a.dataset.handout)`)
	if strings.Join(got, ",") != "quiet-brush,breath-choir" {
		t.Errorf("handouts %v, want quiet-brush then breath-choir", got)
	}
	if s := Eval[string](t, tab, `document.getElementById('handouts-status').textContent`); !strings.Contains(s, "no-such, ../../admin") || !strings.Contains(s, "2 handouts") {
		t.Errorf("status %q does not count 2 handouts and name no-such", s)
	}
	if n := Eval[int](t, tab, `document.querySelectorAll('h1').length`); n != 1 {
		t.Errorf("%d h1 elements, want 1", n)
	}
	tab.AssertAccessible(t, "handouts")
	tab.AssertAccessibleIBM(t, "handouts")
	if n := printedPages(t, tab); n != 2 {
		t.Errorf("two handouts print on %d pages, want 2", n)
	}
	assertClean(t, tab, base)

	nojs := b.NewTab(t)
	if _, err := chromedp.Call(nojs.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	nojs.Go(t, base+"/providers/handouts/")
	if s := Eval[string](t, nojs, `document.querySelector('main').innerText`); !strings.Contains(s, `choose "Print for a patient"`) || strings.Contains(s, "Loading") {
		t.Errorf("without JavaScript the page does not say how to print a handout:\n%s", s)
	}
}

// TestHandoutsOnePage prints the handout of every provider of the
// Gloucestershire site to PDF, as the browser's Print command would: each
// is one A4 page (HandoutPrint steps the print size down for the longer
// ones), with no console error.
func TestHandoutsOnePage(t *testing.T) {
	base, cs := realSite(t)
	printsOnePage(t, base, cs)
}

// TestHandoutsOnePageWhenStale: built two years on, every profile is
// stale and every handout carries the notice: each still prints on one
// A4 page (the notice is the one age.js shows on a later day too).
func TestHandoutsOnePageWhenStale(t *testing.T) {
	root := RepoRoot(t)
	later := testNow.AddDate(2, 0, 0)
	cs, _ := content.Load(os.DirFS(root), content.Options{Now: later})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(root), Theme: artsmap.Theme, Out: out, Now: later}); err != nil {
		t.Fatal(err)
	}
	printsOnePage(t, ServeSite(t, out), cs)
}

// printsOnePage prints the handout of each provider of cs from base.
func printsOnePage(t *testing.T, base string, cs *content.Site) {
	t.Helper()
	tab := Start(t).NewTab(t)
	for _, p := range cs.Providers {
		tab.Go(t, base+"/providers/"+p.Slug+"/handout/")
		if n := printedPages(t, tab); n != 1 {
			t.Errorf("the handout of %s prints on %d pages (%s)", p.Slug, n,
				Eval[string](t, tab, `document.querySelector('article.handout').className`))
		}
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console error: %s", e)
	}
}
