package browser

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/content"
	"artsmap/internal/site"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// partnerPage serves, on a second loopback origin (localhost rather than
// 127.0.0.1, and another port), a page framing the given addresses.
func partnerPage(t *testing.T, frames ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>GP surgery</title></head><body><main><h1>Our surgery</h1>`)
	for i, src := range frames {
		fmt.Fprintf(&b, `<iframe id="f%d" title="Frame %d" src="%s" width="800" height="700"></iframe>`, i, i, src)
	}
	b.WriteString(`</main></body></html>`)
	page := b.String()
	base := Serve(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page)) // the test fails on a short page anyway
	}))
	u, _ := url.Parse(base)
	_, port, _ := net.SplitHostPort(u.Host)
	return "http://localhost:" + port + "/"
}

// frameTab attaches to the out-of-process frame showing an address that
// starts with prefix.
func frameTab(t *testing.T, tab *Tab, prefix string) *Tab {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		targets, err := chromedp.Targets(tab.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range targets {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, prefix) {
				return attach(t, tab, info.TargetID)
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no frame showing %s", prefix)
	return nil
}

func attach(t *testing.T, tab *Tab, id target.ID) *Tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(tab.ctx, chromedp.WithTargetID(id))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("attaching to the frame: %v", err)
	}
	return &Tab{ctx: ctx}
}

// embedMapSettled is true once every marker is drawn and no zoom or cluster
// animation runs, for half a second.
const embedMapSettled = `(() => {
	const el = document.getElementById('map');
	const still = el.dataset.drawn === el.dataset.markers && !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim');
	const now = Date.now();
	if (!still) { window.stillSince = 0; return false; }
	window.stillSince = window.stillSince || now;
	return now - window.stillSince > 500;
})()`

// TestEmbedsInPartnerSite frames the map and the directory, filtered to one
// district, in a page on another origin: both render under the site's
// Netlify headers, apply the filter, keep it in the link to the full page
// and pass axe-core; an ordinary page refuses to be framed.
func TestEmbedsInPartnerSite(t *testing.T) {
	root := RepoRoot(t)
	cs, _ := content.Load(os.DirFS(root), content.Options{Now: testNow})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(root), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	base := ServeSite(t, out)
	const filter = "?district=forest-of-dean"
	host := partnerPage(t, base+"/embed/map/"+filter, base+"/embed/directory/"+filter, base+"/map/")
	tab := Start(t).NewTab(t)
	tab.Go(t, host)

	m := frameTab(t, tab, base+"/embed/map/")
	m.WaitFor(t, mapReady)
	want := venueCount(cs, func(p *content.Provider) bool { return offers(p, "district", "forest-of-dean") })
	if got := markers(t, m); got != want || want == 0 {
		t.Errorf("embedded map: %d markers, want %d", got, want)
	}
	// Let the markers finish drawing and the map stop moving before axe looks.
	m.WaitFor(t, embedMapSettled)
	assertEmbed(t, m, "/map/"+filter)

	d := frameTab(t, tab, base+"/embed/directory/")
	d.WaitFor(t, directoryReady)
	slugs := Eval[[]string](t, d, visibleSlugs)
	inDistrict := 0
	for _, p := range cs.Providers {
		if offers(p, "district", "forest-of-dean") {
			inDistrict++
		} else if slices.Contains(slugs, p.Slug) {
			t.Errorf("embedded directory shows %s, which is not in the district", p.Slug)
		}
	}
	if len(slugs) != min(inDistrict, 20) || inDistrict == 0 {
		t.Errorf("embedded directory shows %d providers, want %d", len(slugs), min(inDistrict, 20))
	}
	assertEmbed(t, d, "/providers/"+filter)

	blocked := frameTab(t, tab, base+"/map/")
	if got := Eval[string](t, blocked, `location.href`); !strings.HasPrefix(got, "chrome-error:") {
		t.Errorf("the full map page was framed: the frame shows %s", got)
	}
}

// assertEmbed checks what every embed must have: no site chrome, one h1, a
// link to the full page keeping the filters, and no axe-core violation.
func assertEmbed(t *testing.T, f *Tab, full string) {
	t.Helper()
	// Any nav but the directory's own ways on from an empty result.
	if n := Eval[int](t, f, `document.querySelectorAll('header.site-header, footer.site-footer, nav:not(#ways-on)').length`); n != 0 {
		t.Errorf("%d pieces of site chrome in the embed", n)
	}
	if n := Eval[int](t, f, `document.querySelectorAll('main h1').length`); n != 1 {
		t.Errorf("%d h1 elements in main, want 1", n)
	}
	href := Eval[string](t, f, `document.querySelector('a[data-keep-filters]').getAttribute('href')`)
	if !sameQuery(href, full) {
		t.Errorf("link to the full page is %q, want %q", href, full)
	}
	f.AssertAccessible(t, full)
}

// TestEmbedDirectoryWithoutJavaScript: the embedded directory lists every
// provider with scripts off, and its search form stays in the frame.
func TestEmbedDirectoryWithoutJavaScript(t *testing.T) {
	base, cs := realSite(t)
	tab := Start(t).NewTab(t)
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, base+"/embed/directory/")
	if n := Eval[[]string](t, tab, visibleSlugs); len(n) != len(cs.Providers) {
		t.Errorf("%d providers listed without JavaScript, want %d", len(n), len(cs.Providers))
	}
	form := Eval[[]string](t, tab, `[document.querySelector('#directory').getAttribute('action'), document.querySelector('#directory').target]`)
	if form[0] != "/embed/directory/" || form[1] != "_self" {
		t.Errorf("the search form goes to %q in %q, want /embed/directory/ in _self", form[0], form[1])
	}
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	tab.AssertAccessible(t, "/embed/directory/ without JavaScript")
}
