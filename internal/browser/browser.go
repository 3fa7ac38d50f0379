// Package browser is the real-browser test harness: it starts Debian's
// headless Chromium with chromedp, serves a built site on loopback, runs
// axe-core in pages, and records console errors and requests to other
// hosts. Tests of every package use it; nothing else does.
package browser

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"artsmap/internal/testenv"
)

// Browser is one headless Chromium process.
type Browser struct {
	alloc context.Context
	root  context.Context
}

// findChromium returns the browser's path, or "".
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// Start launches Chromium for the test, and closes it when the test ends.
// Without Chromium the test is skipped, except under CI=true, where it fails.
func Start(t testing.TB) *Browser {
	t.Helper()
	path := findChromium()
	if path == "" {
		testenv.Missing(t, "chromium is not installed: run make deps (apt-get install -y chromium)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	root, cancelRoot := chromedp.NewContext(alloc)
	if err := chromedp.Do(root); err != nil {
		cancelRoot()
		cancelAlloc()
		t.Fatalf("starting chromium: %v", err)
	}
	t.Cleanup(func() {
		cancelRoot()
		cancelAlloc()
	})
	return &Browser{alloc: alloc, root: root}
}

// Tab is a browser tab that records what the page does.
type Tab struct {
	ctx      context.Context
	mu       sync.Mutex
	console  []string
	requests []string
	dialogs  []string
}

// NewTab opens a tab that closes when the test ends.
func (b *Browser) NewTab(t testing.TB) *Tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.root)
	t.Cleanup(cancel)
	tab := &Tab{ctx: ctx}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if err := chromedp.Listen(ctx, tab.listen); err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("enabling the network domain: %v", err)
	}
	return tab
}

func (tab *Tab) listen(ev any) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			tab.console = append(tab.console, strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		tab.console = append(tab.console, exceptionText(e.ExceptionDetails))
	case *network.EventRequestWillBeSent:
		tab.requests = append(tab.requests, e.Request.URL)
	case *page.EventJavascriptDialogOpening:
		tab.dialogs = append(tab.dialogs, string(e.Type)+": "+e.Message)
		go chromedp.Call(tab.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{}) // the tab may have closed
	}
}

// timeout bounds one step of a test in the browser.
const timeout = 30 * time.Second

// Do runs actions in the tab, failing the test on error or after 30 seconds.
func (tab *Tab) Do(t testing.TB, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("in the browser: %v", err)
	}
}

// Go navigates to url and waits for the load event.
func (tab *Tab) Go(t testing.TB, url string) {
	t.Helper()
	tab.Do(t, chromedp.Navigate(url))
}

// Context is the tab's chromedp context, for actions the helpers lack.
func (tab *Tab) Context() context.Context { return tab.ctx }

// ConsoleErrors returns the console errors and uncaught exceptions so far.
func (tab *Tab) ConsoleErrors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.console...)
}

// ForeignRequests returns the requests to any host but the given one.
func (tab *Tab) ForeignRequests(host string) []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	var out []string
	for _, r := range tab.requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Host != host) {
			out = append(out, r)
		}
	}
	return out
}

// Serve serves a built site folder on loopback for the test.
func Serve(t testing.TB, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// RepoRoot walks up from the working directory to the folder with go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal(errors.New("no go.mod above the working directory"))
		}
		dir = parent
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "exception"
	}
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return d.Text
}

// WaitFor waits until the JavaScript condition is true, for up to 15 seconds.
func (tab *Tab) WaitFor(t testing.TB, condition string) {
	t.Helper()
	Eval[bool](t, tab, `new Promise((resolve, reject) => {
		const start = Date.now();
		(function check() {
			if (`+condition+`) return resolve(true);
			if (Date.now() - start > 15000) return reject(new Error('timed out waiting for: '+`+"`"+condition+"`"+`));
			setTimeout(check, 20);
		})();
	})`)
}

// requestsTo returns the requests made to host.
func (tab *Tab) requestsTo(host string) []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	var out []string
	for _, r := range tab.requests {
		if u, err := url.Parse(r); err == nil && u.Host == host {
			out = append(out, r)
		}
	}
	return out
}
