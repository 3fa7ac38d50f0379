package browser

import (
	"bytes"
	"compress/gzip"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"artsmap"
	"artsmap/internal/devserver"
	"artsmap/internal/site"
	"artsmap/internal/synth"

	"github.com/chromedp/chromedp"
)

// synthSite writes and builds a synthetic site of n providers and serves it.
func synthSite(b *testing.B, n int) (base, out string) {
	_, base, out = synthSiteDir(b, n)
	return base, out
}

// synthSiteDir is synthSite, also returning the site folder.
func synthSiteDir(b *testing.B, n int) (dir, base, out string) {
	b.Helper()
	dir = filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	base, out = serveBuilt(b, dir)
	return dir, base, out
}

// serveBuilt builds the site folder dir into a temporary folder and serves it.
func serveBuilt(b *testing.B, dir string) (base, out string) {
	b.Helper()
	out = filepath.Join(b.TempDir(), "public")
	if _, err := site.Build(site.Options{Site: os.DirFS(dir), Theme: artsmap.Theme, Out: out, Now: testNow}); err != nil {
		b.Fatal(err)
	}
	return Serve(b, devserver.Handler(out)), out
}

// gzipSize is the size of a file as a CDN sends it, compressed.
func gzipSize(b *testing.B, path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// transferred adds up the gzip sizes of the site's files the tab requested
// (not tiles or other hosts).
func transferred(b *testing.B, tab *Tab, base, out string) int {
	total := 0
	seen := map[string]bool{}
	for _, r := range tab.requestsTo(strings.TrimPrefix(base, "http://")) {
		u, _ := url.Parse(r)
		p := u.Path
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		if seen[p] {
			continue
		}
		seen[p] = true
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err == nil {
			total += gzipSize(b, filepath.Join(out, filepath.FromSlash(p)))
		}
	}
	return total
}

// frameRecorder collects the time between animation frames.
const frameRecorder = `window.__frames = []; (function tick(last) { requestAnimationFrame(now => { __frames.push(now - last); tick(now); }); })(performance.now()); true`

// BenchmarkMapPage measures the map page at 1,000 and 10,000 providers
// (two venues each): bytes sent excluding tiles, time until the markers
// are drawn, and frame times while panning and zooming with the keyboard.
func BenchmarkMapPage(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			base, out := synthSite(b, n)
			br := Start(b)
			var ready, bytes, worst, p95 float64
			for b.Loop() {
				tab := br.NewTab(b)
				tab.Go(b, base+"/map/")
				tab.WaitFor(b, mapReady+` && document.getElementById('map').dataset.drawn`)
				ready = Eval[float64](b, tab, `(performance.getEntriesByName('markers-drawn')[0] || performance.getEntriesByName('map-ready')[0]).startTime`)
				bytes = float64(transferred(b, tab, base, out))
				Eval[bool](b, tab, frameRecorder)
				tab.Do(b, chromedp.Focus(chromedp.ID("map")))
				for _, k := range []string{"+", "+", "\u2192", "\u2192", "\u2193", "-", "\u2190", "+"} {
					tab.Do(b, keys(k), chromedp.Sleep(250e6))
				}
				frames := Eval[[]float64](b, tab, `__frames.slice(1)`)
				sort.Float64s(frames)
				if len(frames) > 0 {
					worst, p95 = frames[len(frames)-1], frames[len(frames)*95/100]
				}
			}
			b.ReportMetric(ready, "ms-to-markers")
			b.ReportMetric(bytes/1024, "KB-gzip")
			b.ReportMetric(p95, "ms-frame-p95")
			b.ReportMetric(worst, "ms-frame-max")
		})
	}
}
