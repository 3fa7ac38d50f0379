package browser

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/content"
	"artsmap/internal/site"
)

// testNow fixes the build's clock so that results never drift.
var testNow = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// realSite builds the Gloucestershire site in content/ and serves it.
func realSite(t *testing.T) (base string, cs *content.Site) {
	t.Helper()
	root := RepoRoot(t)
	cs, _ = content.Load(os.DirFS(root), content.Options{Now: testNow})
	return buildAndServe(t, root), cs
}

// buildAndServe builds the site folder dir and serves the result.
func buildAndServe(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(dir), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	return ServeSite(t, out)
}

// tileHost is the map tile host the site is configured with: the only other
// host a page may ask for anything, and then only for images.
func tileHost(cs *content.Site) string {
	u, err := url.Parse(strings.NewReplacer("{", "", "}", "").Replace(cs.Config.Map.Tiles))
	if err != nil {
		return ""
	}
	return u.Host
}

// withResults waits until the directory shows some results, not all.
const withResults = directoryReady + ` && document.querySelectorAll('#result-list > li:not([hidden])').length > 0 &&
  document.getElementById('result-count').textContent.includes(' of ')`

// pageVisit is a page to open, what to wait for, and what to do there first.
type pageVisit struct {
	path, ready string
	act         func(t *testing.T, tab *Tab)
}

// visit opens a page in a new tab that reports CSP violations, waits until
// it is ready, and does what the page asks first.
func (b *Browser) visit(t *testing.T, base string, pg pageVisit) *Tab {
	t.Helper()
	tab := b.NewTab(t)
	tab.WatchCSP(t)
	tab.Go(t, base+pg.path)
	if pg.ready != "" {
		tab.WaitFor(t, pg.ready)
	}
	if pg.act != nil {
		pg.act(t, tab)
	}
	return tab
}

// a11yPages lists one page of every kind, and a few in more than one state.
func a11yPages() []pageVisit {
	return []pageVisit{
		{"/", "", nil},
		{"/providers/", directoryReady, nil},
		{"/providers/?q=singing&pathway=respiratory", withResults, nil},
		{"/providers/?q=demensia", withResults, nil},
		{"/providers/?q=GL14+2AB", directoryReady + ` && document.getElementById('result-count').textContent.includes('nearest first')`, nil},
		{"/providers/?q=xyzzyq&pathway=dementia", directoryReady + ` && !document.getElementById('ways-on').hidden`, nil},
		{"/near/", "", nil},
		{"/near/GL14/", "", nil},
		{"/providers/mindsong/", "", nil},
		{"/providers/cor-y-goedwig/", "", nil}, // schedules and the next session
		{"/sessions/", "", nil},
		{"/pathways/", "", nil},
		{"/pathways/chronic-pain/", "", nil},
		{"/districts/", "", nil},
		{"/artforms/singing/", "", nil},
		{"/factsheets/commissioning-terms/", "", nil},
		{"/factsheets/", "", nil},
		{"/glossary/", "", nil},
		{"/learning/", "", nil},
		{"/learning/options-appraisal-commissioning-models/", "", nil},
		{"/learning/case-study-singing-for-breathing/", "", nil},
		{"/learning/quality-framework/", "", nil},
		{"/events/", "", nil},
		{"/coverage/", "", nil},
		{"/map/", mapReady, nil},
		{"/map/?pathway=dementia", mapReady, openPopup},
		{"/map/venues/", "", nil},
		{"/about/", "", nil},
		{"/data/", "", nil},
		{"/accessibility/", "", nil},
		{"/no-such-page/", "", nil},
	}
}

// TestPagesAccessible opens one page of every kind under the published
// security headers: no axe-core violation, one h1, no console error, no
// CSP violation and nothing fetched from another host.
func TestPagesAccessible(t *testing.T) {
	base, cs := realSite(t)
	b := Start(t)
	pages := a11yPages()
	for _, p := range cs.Events[:1] {
		pages = append(pages, pageVisit{path: "/events/" + p.Slug + "/"})
	}
	for _, pg := range pages {
		t.Run(pg.path, func(t *testing.T) {
			tab := b.visit(t, base, pg)
			tab.AssertAccessible(t, pg.path)
			tab.AssertAccessibleIBM(t, pg.path)
			if n := Eval[int](t, tab, `document.querySelectorAll('h1').length`); n != 1 {
				t.Errorf("%d h1 elements, want 1", n)
			}
			for _, e := range tab.ConsoleErrors() {
				t.Errorf("console error: %s", e)
			}
			for _, v := range tab.CSPViolations(t) {
				t.Errorf("CSP violation: %s", v)
			}
			for _, r := range tab.ForeignRequests(strings.TrimPrefix(base, "http://")) {
				if u, _ := url.Parse(r); u == nil || u.Host != tileHost(cs) || !strings.HasSuffix(u.Path, ".png") {
					t.Errorf("request to another host: %s", r)
				}
			}
		})
	}
}

// TestSkipLink: the first Tab reaches the skip link, Enter moves focus to main.
func TestSkipLink(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/mindsong/")
	tab.Do(t, keys("\t"))
	if got := Eval[string](t, tab, `document.activeElement.className`); got != "skip-link" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	tab.Do(t, keys("\r"))
	tab.WaitFor(t, `document.activeElement && document.activeElement.id === 'main'`)
}
