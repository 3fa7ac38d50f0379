package browser

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/devserver"
	"artsmap/internal/netlify"
	"artsmap/internal/site"
	"artsmap/internal/synth"

	"github.com/chromedp/chromedp"
)

// TestPreviewUnderCSP serves a live preview as artsmap serve does, with
// the production headers, and checks in Chromium that the live-reload
// script works under that policy: a mistake shows the problems over the
// page (styled), mending it reloads the page, and nothing is blocked.
func TestPreviewUnderCSP(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(dir, 20, 1); err != nil {
		t.Fatal(err)
	}
	live, _, err := site.NewLive(site.Options{Site: os.DirFS(dir), Theme: artsmap.Theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	events := devserver.NewBroker()
	base := servePreview(t, devserver.LiveHandler(live, events, site.ErrNotFound))
	tab := Start(t).NewTab(t)
	tab.WatchCSP(t)
	tab.Go(t, base+"/")

	profile := filepath.Join(dir, "content", "providers", "provider-00001", "index.md")
	src, _ := os.ReadFile(profile)
	update := func(text string) {
		if err := os.WriteFile(profile, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := live.Update([]string{"content/providers/provider-00001/index.md"})
		if err != nil {
			data, _ := json.Marshal(res.Problems)
			events.Publish("problems", string(data))
			return
		}
		events.Publish("reload", "")
	}
	update(strings.Replace(string(src), "kind = ", "kind = 3 #", 1))
	tab.WaitFor(t, `document.getElementById('artsmap-problems') !== null`)
	if pos := Eval[string](t, tab, `getComputedStyle(document.getElementById('artsmap-problems')).position`); pos != "fixed" {
		t.Errorf("the problems overlay is not styled (position %q): the policy blocked its style", pos)
	}
	Eval[bool](t, tab, `window.__beforeReload = true`)
	update(string(src))
	waitReloaded(t, tab)
	if v := tab.CSPViolations(t); len(v) > 0 {
		t.Errorf("the preview broke its own policy: %v", v)
	}
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// waitReloaded waits until the tab has loaded a new document (the reload
// navigates away from under any evaluation, so errors are retried).
func waitReloaded(t *testing.T, tab *Tab) {
	t.Helper()
	for range 300 {
		reloaded, err := chromedp.Run(tab.Context(), chromedp.Evaluate[bool](`window.__beforeReload === undefined && document.readyState === 'complete'`))
		if err == nil && reloaded {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the page did not reload after the mistake was mended")
}

// servePreview serves h with devserver.Serve, as artsmap serve does.
func servePreview(t *testing.T, h http.Handler) string {
	t.Helper()
	headers, err := netlify.Parse("netlify.toml", artsmap.Netlify)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- devserver.Serve(ctx, "127.0.0.1:0", h, headers, func(a string) { ready <- a }) }()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case a := <-ready:
		return "http://" + a
	case err := <-done:
		t.Fatal(err)
	}
	return ""
}
