package browser

import (
	"path/filepath"
	"testing"

	"artsmap/internal/devserver"
	"artsmap/internal/netlify"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ServeSite serves the built site folder dir on loopback as the CDN does,
// with the response headers of the repository's netlify.toml: the pages
// run under the published Content-Security-Policy.
func ServeSite(t testing.TB, dir string) string {
	t.Helper()
	h, err := netlify.Load(filepath.Join(RepoRoot(t), "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return Serve(t, h.Wrap(devserver.Handler(dir), netlify.Loopback))
}

// cspRecorder collects the page's Content-Security-Policy violations from
// the moment each document is created, before any of its scripts run.
const cspRecorder = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || document.URL) + ':' + e.lineNumber +
  (e.sample ? ' (' + e.sample + ')' : '')));`

// WatchCSP records Content-Security-Policy violations in every document
// the tab opens from now on; read them with CSPViolations.
func (tab *Tab) WatchCSP(t testing.TB) {
	t.Helper()
	if _, err := chromedp.Call(tab.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder}); err != nil {
		t.Fatalf("installing the CSP recorder: %v", err)
	}
}

// CSPViolations returns the violations in the current document so far.
func (tab *Tab) CSPViolations(t testing.TB) []string {
	t.Helper()
	return Eval[[]string](t, tab, `window.__cspViolations || []`)
}

// Dialogs returns the alert, confirm and prompt dialogs the tab's pages
// opened, each dismissed at once.
func (tab *Tab) Dialogs() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.dialogs...)
}
