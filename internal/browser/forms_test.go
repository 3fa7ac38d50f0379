package browser

import (
	"strings"
	"testing"
)

// TestFormsAccessible opens the profile forms' pages ("Join the map" on the
// join page, a profile's "Update this profile", the thank-you page) under
// the published security headers: no axe-core violation, one h1, no
// console error, no CSP violation, nothing fetched from another host, and
// every field of the forms has a name a screen reader reads out.
func TestFormsAccessible(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	for _, path := range []string{"/join/", "/providers/mindsong/update/", "/forms/thanks/"} {
		t.Run(strings.Trim(strings.ReplaceAll(path, "/", "-"), "-"), func(t *testing.T) {
			tab := b.visit(t, base, pageVisit{path: path})
			tab.AssertAccessible(t, path)
			tab.AssertAccessibleIBM(t, path)
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
				t.Errorf("request to another host: %s", r)
			}
			if path == "/forms/thanks/" {
				return
			}
			unnamed := Eval[[]string](t, tab, `[...document.querySelectorAll('form.profile-form input:not([type=hidden]), form.profile-form textarea')]
				.filter(e => !e.closest('[hidden]') && !(e.labels && e.labels.length)).map(e => e.name)`)
			if len(unnamed) > 0 {
				t.Errorf("fields without a label: %v", unnamed)
			}
			if n := Eval[int](t, tab, `document.querySelectorAll('form.profile-form [name="venue_step_free"]:checked[value=""]').length`); n != 1 {
				t.Error("step-free access does not start at Not stated")
			}
		})
	}
}
