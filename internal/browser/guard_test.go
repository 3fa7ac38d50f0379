package browser

import (
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"artsmap/internal/devserver"
)

// TestGuardsDetect proves that each check of TestPayloadsInert can fail:
// pages that do what the payloads try are caught, with the published
// policy and without it.
func TestGuardsDetect(t *testing.T) {
	dir := t.TempDir()
	pages := map[string]string{
		"alert.html":   `<!doctype html><title>a</title><p>x</p><script>alert(1)</script>`,
		"fetch.html":   `<!doctype html><title>f</title><p>x</p><script>fetch('http://evil.example/').catch(() => {})</script>`,
		"image.html":   `<!doctype html><title>i</title><img src="http://evil.example/i.png" alt="">`,
		"handler.html": `<!doctype html><title>h</title><img src="/none.png" alt="" onerror="alert(2)">`,
	}
	for name, body := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	withCSP := ServeSite(t, dir)
	without := Serve(t, devserver.Handler(dir))
	b := Start(t)
	tests := []struct {
		base, page string
		caught     func(tab *Tab, base string) bool
	}{
		{without, "alert.html", func(tab *Tab, _ string) bool { return len(tab.Dialogs()) > 0 }},
		{without, "handler.html", func(tab *Tab, _ string) bool { return len(tab.Dialogs()) > 0 }},
		{without, "fetch.html", func(tab *Tab, base string) bool {
			return len(tab.ForeignRequests(strings.TrimPrefix(base, "http://"))) > 0
		}},
		{withCSP, "alert.html", func(tab *Tab, _ string) bool { return len(tab.CSPViolations(t)) > 0 }},
		{withCSP, "handler.html", func(tab *Tab, _ string) bool { return len(tab.CSPViolations(t)) > 0 }},
		{withCSP, "image.html", func(tab *Tab, _ string) bool { return len(tab.CSPViolations(t)) > 0 }},
	}
	for _, tt := range tests {
		tab := b.NewTab(t)
		tab.WatchCSP(t)
		tab.Go(t, tt.base+"/"+tt.page)
		tab.WaitFor(t, `document.readyState === 'complete'`)
		if !tt.caught(tab, tt.base) {
			t.Errorf("%s (CSP %v): not caught", tt.page, tt.base == withCSP)
		}
	}
	if n := len(inlineScripts(t, withCSP+"/alert.html")); n != 1 {
		t.Errorf("%d inline scripts found in alert.html, want 1", n)
	}
	resp, err := http.Get(withCSP + "/alert.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "upgrade-insecure-requests") {
		t.Errorf("test server sends CSP %q", csp)
	}
}

// TestAxeDetects proves the accessibility gate can fail: each page breaks
// one WCAG 2.2 A or AA rule, and axe-core reports it.
func TestAxeDetects(t *testing.T) {
	tests := []struct{ rule, body string }{
		{"image-alt", `<main><h1>x</h1><img src="/favicon.svg" width="10" height="10"></main>`},
		{"button-name", `<main><h1>x</h1><button type="button"></button></main>`},
		{"color-contrast", `<main><h1>x</h1><p class="faint">faint text</p></main>`},
		{"label", `<main><h1>x</h1><input type="text"></main>`},
		{"target-size", `<main><h1>x</h1><p><button type="button" class="tiny">a</button><button type="button" class="tiny">b</button></p></main>`},
	}
	dir := t.TempDir()
	css := `.faint { color: #ccc; background: #fff; } .tiny { width: 10px; height: 10px; padding: 0; margin: 0; border: 0; font-size: 6px; }`
	if err := os.WriteFile(filepath.Join(dir, "a.css"), []byte(css), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		page := `<!doctype html><html lang="en"><title>t</title><link rel="stylesheet" href="/a.css">` + tt.body
		if err := os.WriteFile(filepath.Join(dir, tt.rule+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := ServeSite(t, dir)
	b := Start(t)
	for _, tt := range tests {
		tab := b.NewTab(t)
		tab.Go(t, base+"/"+tt.rule+".html")
		var ids []string
		for _, v := range tab.Axe(t) {
			ids = append(ids, v.ID)
		}
		if !slices.Contains(ids, tt.rule) {
			t.Errorf("axe did not report %s (reported %v)", tt.rule, ids)
		}
	}
}
