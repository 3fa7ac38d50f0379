package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// runFor runs the command line until it ends or d has passed.
func runFor(t *testing.T, d time.Duration, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var out, errOut syncBuffer
	m := NewMain(&out, &errOut)
	code := m.Run(ctx, args)
	return code, out.String(), errOut.String()
}

// TestServeMissingSite refuses a folder that is not a site at once,
// exit 2, instead of serving "not built yet" for ever.
func TestServeMissingSite(t *testing.T) {
	empty := t.TempDir()
	folder := t.TempDir()
	if err := os.MkdirAll(filepath.Join(folder, "content", "site.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	linked := t.TempDir() // a linked site.toml is not followed, even to a real one
	if err := os.MkdirAll(filepath.Join(linked, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	real, err := filepath.Abs("../../content/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, filepath.Join(linked, "content", "site.toml")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"/nonexistent", empty, folder, linked} {
		start := time.Now()
		code, _, errOut := runFor(t, 5*time.Second, "serve", "-site", dir, "-addr", "127.0.0.1:0")
		if code != exitUsage || time.Since(start) > 2*time.Second || !strings.Contains(errOut, "content/site.toml") {
			t.Errorf("serve -site %s = %d after %v: %q; want exit 2 at once naming content/site.toml", dir, code, time.Since(start), errOut)
		}
	}
}

// TestServeEverywhereWarns warns that -addr :PORT reaches the network.
func TestServeEverywhereWarns(t *testing.T) {
	dir := copySite(t)
	_, _, errOut := runFor(t, 2*time.Second, "serve", "-site", dir, "-addr", ":0")
	if !strings.Contains(errOut, "reachable from other machines") {
		t.Errorf("serve -addr :0 printed no warning: %q", errOut)
	}
	_, _, errOut = runFor(t, 2*time.Second, "serve", "-site", dir, "-addr", "127.0.0.1:0")
	if strings.Contains(errOut, "reachable") {
		t.Errorf("serve on loopback warned: %q", errOut)
	}
}

// TestServeHardened asks the running preview with another Host and
// another method, and checks the production headers on its pages and on
// the live-reload script.
func TestServeHardened(t *testing.T) {
	_, base, _ := startServe(t)
	req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
	req.Host = "rebind.example" + strings.TrimPrefix(base, "http://127.0.0.1")
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("GET with Host %s = %v, %v; want 421", req.Host, res.Status, err)
	}
	if res, err := http.Post(base+"/", "text/plain", strings.NewReader("x")); err != nil || res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST = %v, %v; want 405", res.Status, err)
	}
	for _, path := range []string{"/", "/providers/mindsong/", "/_artsmap/live.js", "/no-such-page/"} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.Header.Get("X-Content-Type-Options") != "nosniff" ||
			!strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("GET %s: headers %v, want nosniff and the site's policy", path, res.Header)
		}
	}
}

// TestServeStopsWithOpenPage stops serve (Ctrl-C) while a page holds the
// reload stream open: it ends within a second, exit 0.
func TestServeStopsWithOpenPage(t *testing.T) {
	dir := copySite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- NewMain(&out, &errOut).Run(ctx, []string{"serve", "-site", dir, "-addr", "127.0.0.1:0"})
	}()
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for range 500 {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = "http://" + m[1]
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	res, err := http.Get(base + "/_artsmap/events")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	cancel()
	start := time.Now()
	select {
	case code := <-done:
		// Within a second on an idle machine (the shutdown allows 800 ms);
		// a shared CI machine gets slack.
		took := time.Since(start)
		t.Logf("serve stopped in %v", took)
		if code != exitOK || took > 5*time.Second {
			t.Errorf("serve ended with %d after %v, want 0 within about a second: %s", code, took, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
