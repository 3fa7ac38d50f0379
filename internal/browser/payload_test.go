package browser

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/site"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// unpack writes the files of a txtar archive into a new folder.
func unpack(t *testing.T, archive string) string {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildSite builds the site folder dir into a new folder and returns it.
func buildSite(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(dir), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	return out
}

// pagePaths lists the address of every page in the built folder.
func pagePaths(t *testing.T, out string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = "/" + filepath.ToSlash(rel)
		paths = append(paths, strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// openPopup opens the first venue's popup on the map with the keyboard.
func openPopup(t *testing.T, tab *Tab) {
	tab.WaitFor(t, mapSettled)
	tab.Do(t, chromedp.Focus(chromedp.CSS(`#in-view-list button`)), keys("\r"))
	// Leaflet fades a popup in: wait until it is opaque, or axe measures
	// the contrast of half-transparent text.
	tab.WaitFor(t, `(p => p && getComputedStyle(p).opacity === '1')(document.querySelector('.leaflet-popup'))`)
}

// TestPayloadsInert builds the site of script payloads (the hostile
// fixture of internal/site), serves it with the published security
// headers, and opens every page, the directory with queries that match
// the payloads, and the map with a popup open: no dialog, no request to
// another host, no CSP violation, no console error, and no script in the
// served HTML that the policy would have to block.
func TestPayloadsInert(t *testing.T) {
	out := buildSite(t, unpack(t, filepath.Join(RepoRoot(t), "internal", "site", "testdata", "hostile.txtar")))
	base := ServeSite(t, out)
	b := Start(t)
	var visits []pageVisit
	for _, p := range pagePaths(t, out) {
		visits = append(visits, pageVisit{path: p})
	}
	visits = append(visits,
		pageVisit{path: "/providers/?q=alert", ready: directoryReady + ` && document.querySelector('#result-list mark')`},
		pageVisit{path: "/providers/?q=" + url.QueryEscape(`"><script>alert(1)</script>`), ready: directoryReady},
		pageVisit{path: "/map/", ready: mapReady, act: openPopup},
		pageVisit{path: "/map/?q=alert", ready: mapReady, act: openPopup},
		pageVisit{path: "/no-such-page/<script>alert(1)</script>"},
	)
	if len(visits) < 30 {
		t.Fatalf("only %d pages to visit", len(visits))
	}
	for _, v := range visits {
		t.Run(v.path, func(t *testing.T) {
			tab := b.visit(t, base, v)
			assertInert(t, tab, base)
			for _, s := range inlineScripts(t, base+v.path) {
				t.Errorf("inline script in the served page: %.120s", s)
			}
		})
	}
}

// assertInert fails the test for every sign that a payload ran: a dialog,
// a request to a host other than the test server and the map tile host, a
// CSP violation or a console error. It first lets timers and fetches settle.
func assertInert(t *testing.T, tab *Tab, base string) {
	t.Helper()
	tab.Do(t, chromedp.Sleep(200*time.Millisecond))
	for _, d := range tab.Dialogs() {
		t.Errorf("a dialog opened: %s", d)
	}
	for _, r := range tab.ForeignRequests(strings.TrimPrefix(base, "http://")) {
		if u, _ := url.Parse(r); u == nil || u.Host != "tile.openstreetmap.org" || !strings.HasSuffix(u.Path, ".png") {
			t.Errorf("request to another host: %s", r)
		}
	}
	for _, v := range tab.CSPViolations(t) {
		t.Errorf("CSP violation: %s", v)
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console error: %s", e)
	}
}

// inlineScripts fetches the page and returns the text of every script
// element without src, except JSON-LD data blocks, which never run.
func inlineScripts(t *testing.T, page string) []string {
	t.Helper()
	resp, err := http.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return inlineScriptsIn(body)
}

func inlineScriptsIn(doc []byte) []string {
	var found []string
	z := html.NewTokenizer(bytes.NewReader(doc))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data != "script" || attrOf(tok, "src") != "" || strings.EqualFold(attrOf(tok, "type"), "application/ld+json") {
			continue
		}
		z.Next()
		found = append(found, "<script>"+string(z.Text()))
	}
	return found
}

func attrOf(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}
