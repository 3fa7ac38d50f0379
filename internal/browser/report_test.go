package browser

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"artsmap"
	"artsmap/internal/devserver"
	"artsmap/internal/netlify"
	"artsmap/internal/site"
)

// formPost is a form submission the test server received.
type formPost struct {
	path, contentType string
	values            url.Values
}

// TestReportFormWithoutJavaScript: on the Gloucestershire site ([feedback]
// netlify = true), a reader with JavaScript off reports a closed service
// from a profile. The browser must post what Netlify Forms takes: a POST
// of application/x-www-form-urlencoded to the form's action, carrying
// form-name, the empty honeypot, the listing's slug and the fields, and
// land on the thank-you page the build wrote. Without a reason ticked, the
// browser sends nothing. The profile passes axe with the form on it.
func TestReportFormWithoutJavaScript(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(RepoRoot(t)), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	h, err := netlify.Load(filepath.Join(RepoRoot(t), "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var posts []formPost
	files := h.Wrap(devserver.Handler(out), netlify.Loopback)
	// Netlify answers a form's POST with the page at its action; so does this.
	base := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
			values, _ := url.ParseQuery(string(body))
			mu.Lock()
			posts = append(posts, formPost{r.URL.Path, r.Header.Get("Content-Type"), values})
			mu.Unlock()
			r.Method = http.MethodGet
		}
		files.ServeHTTP(w, r)
	}))
	tab := Start(t).NewTab(t)
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, base+"/providers/afterglow-arts/")
	tab.Do(t, chromedp.Click(chromedp.CSS(`.report-form button[type="submit"]`)))
	if n := Eval[int](t, tab, `document.querySelectorAll('.report-form').length`); n != 1 || len(posts) != 0 {
		t.Fatalf("a report without a reason was sent (%d posts), or the page changed", len(posts))
	}
	tab.Do(t,
		chromedp.Click(chromedp.CSS(`#report-reason-service-closed`)),
		chromedp.SendKeys(chromedp.CSS(`#report-details`), "The Tuesday group stopped in March."),
		chromedp.SendKeys(chromedp.CSS(`#report-reply`), "link.worker@example.org"),
		chromedp.Click(chromedp.CSS(`.report-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`body.layout-feedback-thanks h1`)),
	)
	mu.Lock()
	defer mu.Unlock()
	if len(posts) != 1 {
		t.Fatalf("%d posts, want 1", len(posts))
	}
	p := posts[0]
	want := url.Values{"form-name": {site.FeedbackFormName}, "bot-field": {""}, "listing": {"afterglow-arts"},
		"reason": {"service-closed"}, "details": {"The Tuesday group stopped in March."}, "email": {"link.worker@example.org"}}
	if p.path != site.FeedbackThanksPath || p.contentType != "application/x-www-form-urlencoded" || p.values.Encode() != want.Encode() {
		t.Errorf("the browser posted %s (%s):\n%v\nwant %s (application/x-www-form-urlencoded):\n%v", p.path, p.contentType, p.values, site.FeedbackThanksPath, want)
	}
	// axe needs scripts; turning them back on does not run the page's own.
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	tab.AssertAccessible(t, "/feedback/thanks/")
	tab.Go(t, base+"/providers/afterglow-arts/")
	tab.AssertAccessible(t, "/providers/afterglow-arts/ with the report form")
}
