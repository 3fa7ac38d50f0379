package browser

import (
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"artsmap"
	"artsmap/internal/site"
)

// previewDoc finds the editor's preview pane, which may be an iframe, as
// a JavaScript expression for its document.
const previewDoc = `(() => {
	for (const f of document.querySelectorAll('iframe')) {
		try { if (f.contentDocument && f.contentDocument.querySelector('article.profile')) return f.contentDocument; } catch (e) {}
	}
	return document.querySelector('article.profile') ? document : null;
})()`

// TestEditorPreview opens a profile in the editor (test backend, under
// the /admin/ policy) and checks that its preview is laid out as the
// profile page is: the same sections with the same headings in the same
// order (but the venues, which another collection edits), the site's
// stylesheet applied, labels in place of ids, and "Not stated" for a
// quality answer the profile leaves out. Nothing is blocked.
func TestEditorPreview(t *testing.T) {
	b := Start(t)
	e := openEditor(t, b, true)
	e.tab.Go(t, e.base+"/admin/#/collections/providers/entries/mindsong/index")
	e.tab.WaitFor(t, previewDoc+` && `+previewDoc+`.querySelector('article.profile h1')`)
	got := Eval[[]string](t, e.tab, `[...`+previewDoc+`.querySelectorAll('article.profile h1, article.profile h2')].map(h => h.textContent.trim())`)

	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(RepoRoot(t)), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	page := Start(t).NewTab(t)
	page.Go(t, Serve(t, http.FileServer(http.Dir(out)))+"/providers/mindsong/")
	want := Eval[[]string](t, page, `[...document.querySelectorAll('article.profile h1, article.profile h2')].map(h => h.textContent.trim())`)
	// The venues and the evidence come from other files: the venues
	// collection and the evidence library; the report form is the site's
	// ([feedback] in site.toml), not the profile's.
	want = slices.DeleteFunc(want, func(s string) bool {
		return s == "Venues and access" || s == "Evidence" || s == "Report a problem with this listing"
	})
	if !slices.Equal(got, want) {
		t.Errorf("the preview's headings\n  %q\ndiffer from the profile page's\n  %q", got, want)
	}
	text := Eval[string](t, e.tab, previewDoc+`.querySelector('article.profile').textContent`)
	for _, w := range []string{"Organisation", "Respiratory (COPD and breathing)", "Self-referral", "Group sessions", "Low cost"} {
		if !strings.Contains(text, w) {
			t.Errorf("the preview does not show the label %q", w)
		}
	}
	if grid := Eval[string](t, e.tab, `getComputedStyle(`+previewDoc+`.querySelector('article.profile dl.facts')).display`); grid != "grid" {
		t.Errorf("the site's stylesheet is not applied to the preview: dl.facts is %q", grid)
	}
	for _, v := range e.blocked(t) {
		t.Errorf("blocked by the Content-Security-Policy: %s", v)
	}
}
