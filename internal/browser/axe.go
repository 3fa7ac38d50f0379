package browser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Violation is one axe-core rule a page breaks.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
}

// axeTags are the rule sets run: WCAG 2.0, 2.1 and 2.2, levels A and AA.
const axeTags = `['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22a','wcag22aa']`

// axeSource reads axe-core as npm installed it.
func axeSource(t testing.TB) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("axe-core is not installed (%v): run npm ci, or make deps", err)
	}
	return string(src)
}

// Axe runs axe-core on the page in the tab and returns its violations.
func (tab *Tab) Axe(t testing.TB) []Violation {
	t.Helper()
	tab.Do(t, chromedp.Evaluate[chromedp.Void](axeSource(t)))
	script := `axe.run(document, {runOnly: {type: 'tag', values: ` + axeTags + `}, resultTypes: ['violations']})
	  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
	    nodes: v.nodes.map(n => n.target.join(' '))})))`
	return Eval[[]Violation](t, tab, script)
}

// AssertAccessible fails the test for every axe-core violation on the page.
func (tab *Tab) AssertAccessible(t testing.TB, page string) {
	t.Helper()
	for _, v := range tab.Axe(t) {
		t.Errorf("%s: %s", page, v)
	}
}

// Eval evaluates a JavaScript expression in the tab, awaiting a promise,
// and decodes its value.
func Eval[T any](t testing.TB, tab *Tab, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", expr, err)
	}
	return v
}
