package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// AceIssue is one failure the IBM Equal Access engine reports.
type AceIssue struct {
	Rule    string `json:"rule"`
	Reason  string `json:"reason"`
	Message string `json:"message"`
	Path    string `json:"path"`
	Snippet string `json:"snippet"`
}

func (a AceIssue) String() string {
	return fmt.Sprintf("%s (%s): %s at %s: %s", a.Rule, a.Reason, a.Message, a.Path, a.Snippet)
}

// aceSource reads IBM's accessibility-checker-engine (ace.js) as npm
// installed it: the rules of the IBM Equal Access Accessibility Checker,
// run inside Debian's Chromium like axe-core.
func aceSource(t testing.TB) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "node_modules", "accessibility-checker-engine", "ace.js")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("accessibility-checker-engine is not installed (%v): run npm ci, or make deps", err)
	}
	return string(src)
}

// Ace runs IBM's engine with its WCAG 2.2 (A and AA) rule set on the page
// in the tab and returns the definite violations (not those it marks as
// needing a person to review). Every <details> is opened first: the engine
// reads the controls inside a closed one as present but nameless (their
// labels are not rendered), and open they are checked as readers see them.
func (tab *Tab) Ace(t testing.TB) []AceIssue {
	t.Helper()
	tab.Do(t, chromedp.Evaluate[chromedp.Void](aceSource(t)))
	script := `document.querySelectorAll('details').forEach(d => { d.open = true; }),
	  new ace.Checker().check(document, ['WCAG_2_2']).then(r => r.results
	  .filter(x => x.value[0] === 'VIOLATION' && x.value[1] === 'FAIL')
	  .map(x => ({rule: x.ruleId, reason: String(x.reasonId), message: x.message,
	    path: x.path.dom, snippet: x.snippet})))`
	return Eval[[]AceIssue](t, tab, script)
}

// AssertAccessibleIBM fails the test for every violation IBM's engine finds.
func (tab *Tab) AssertAccessibleIBM(t testing.TB, page string) {
	t.Helper()
	for _, a := range tab.Ace(t) {
		t.Errorf("%s: IBM Equal Access: %s", page, a)
	}
}
