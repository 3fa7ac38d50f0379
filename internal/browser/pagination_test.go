package browser

import (
	"net/url"
	"path/filepath"
	"strconv"
	"testing"

	"artsmap"
	"artsmap/internal/devserver"
	"artsmap/internal/site"
	"artsmap/internal/synth"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pagedSite builds a synthetic site with more providers than one page of
// the directory lists, and serves it.
func pagedSite(t *testing.T, n int) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: synth.Site(n, 1), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	return Serve(t, devserver.Handler(out))
}

// TestDirectoryPagesWithoutJavaScript: each page lists its share of the
// providers, A to Z, with a navigation that marks the current page.
func TestDirectoryPagesWithoutJavaScript(t *testing.T) {
	const n = 2*site.DirectoryPageSize + 17
	base := pagedSite(t, n)
	tab := Start(t).NewTab(t)
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for page, want := range []int{site.DirectoryPageSize, site.DirectoryPageSize, 17} {
		addr := base + "/providers/"
		if page > 0 {
			addr += "page/" + strconv.Itoa(page+1) + "/"
		}
		tab.Go(t, addr)
		slugs := Eval[[]string](t, tab, visibleSlugs)
		if len(slugs) != want {
			t.Errorf("page %d lists %d providers, want %d", page+1, len(slugs), want)
		}
		for _, s := range slugs {
			seen[s] = true
		}
		current := Eval[string](t, tab, `document.querySelector('nav[aria-label="Pagination"] a[aria-current="page"]')?.textContent ?? ''`)
		if current != "Page "+strconv.Itoa(page+1) {
			t.Errorf("page %d: the current page link reads %q", page+1, current)
		}
	}
	if len(seen) != n {
		t.Errorf("the pages list %d different providers, want %d", len(seen), n)
	}
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	tab.AssertAccessible(t, "/providers/page/3/ without JavaScript")
}

// TestDirectoryPagesWithJavaScript: the script searches every provider,
// not only those on the page it opened, and hides the page links.
func TestDirectoryPagesWithJavaScript(t *testing.T) {
	const n = 2*site.DirectoryPageSize + 17
	base := pagedSite(t, n)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	if got := Eval[string](t, tab, `document.getElementById('result-count').textContent`); got != "Showing all "+strconv.Itoa(n)+" providers" {
		t.Errorf("result count %q", got)
	}
	if Eval[bool](t, tab, `!document.querySelector('nav[aria-label="Pagination"]').hidden`) {
		t.Error("the page links are still shown with JavaScript")
	}
	// The last provider A to Z is on the last page, not this one.
	last := Eval[string](t, tab, `(() => { const ls = [...document.querySelectorAll('#results li[data-slug]')].map(li => li.querySelector('.card-title').textContent); ls.sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1); return ls[ls.length - 1]; })()`)
	tab.Go(t, base+"/providers/?q="+url.QueryEscape(last))
	tab.WaitFor(t, directoryReady)
	titles := Eval[[]string](t, tab, `[...document.querySelectorAll('#result-list > li:not([hidden]) .card-title')].map(e => e.textContent)`)
	found := false
	for _, title := range titles {
		found = found || title == last
	}
	if !found {
		t.Errorf("searching for %q found %v", last, titles)
	}
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
