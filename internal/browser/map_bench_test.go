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

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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
	must(b, synth.Write(dir, n, 1))
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
	return gzipTotal(b, tab.requestsTo(strings.TrimPrefix(base, "http://")), out)
}

// gzipTotal adds up the gzip sizes of the built files at the addresses
// given, each counted once; addresses of other hosts or of no file count nothing.
func gzipTotal(b *testing.B, addresses []string, out string) int {
	total := 0
	seen := map[string]bool{}
	for _, r := range addresses {
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

// beforeMarkers lists the page and every resource asked for before the
// first markers were drawn.
const beforeMarkers = `(() => {
	const drawn = performance.getEntriesByName('markers-drawn')[0].startTime;
	return [location.href, ...performance.getEntriesByType('resource').filter((r) => r.startTime <= drawn).map((r) => r.name)];
})()`

// frameRecorder collects the time between two animation frames in a row
// in which the map moved (its pane's transform changed): the frames of
// panning. Frames of an idle page are left out, as headless Chromium
// draws them only now and then.
const frameRecorder = `window.__frames = []; (function tick(last, pos, moved) { requestAnimationFrame((now) => {
	const p = document.querySelector('#map .leaflet-map-pane').style.transform;
	if (p !== pos && moved) __frames.push(now - last);
	tick(now, p, p !== pos);
}); })(performance.now(), '', false); true`

// mapBenchSizes are the site sizes BenchmarkMapPage measures, in
// providers: 1,000 and 10,000, or those listed (by commas) in
// ARTSMAP_MAP_BENCH, such as 50000, which takes minutes to generate and build.
func mapBenchSizes(b *testing.B) []int {
	list := os.Getenv("ARTSMAP_MAP_BENCH")
	if list == "" {
		return []int{1000, 10000}
	}
	var sizes []int
	for _, f := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("ARTSMAP_MAP_BENCH=%q: want numbers of providers, such as 1000,50000", list)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// waitLong waits until the JavaScript condition is true, for up to two
// minutes (the full data of a very large map can take longer than WaitFor's 15 s).
func waitLong(b *testing.B, tab *Tab, condition string) {
	for range 8 {
		if Eval[bool](b, tab, `new Promise((resolve) => {
			const start = Date.now();
			(function check() {
				if (`+condition+`) return resolve(true);
				if (Date.now() - start > 15000) return resolve(false);
				setTimeout(check, 50);
			})();
		})`) {
			return
		}
	}
	b.Fatalf("timed out waiting for %s", condition)
}

// taskMs is Chromium's TaskDuration metric for the tab, in milliseconds:
// the time its renderer spent running tasks, processor time, which other
// work on a shared machine inflates less than wall time.
func taskMs(b *testing.B, tab *Tab) float64 {
	res, err := chromedp.Call(tab.Context(), performance.GetMetrics, cdp.Empty{})
	if err != nil {
		b.Fatal(err)
	}
	for _, m := range res.Metrics {
		if m.Name == "TaskDuration" {
			return m.Value * 1000
		}
	}
	b.Fatal("Chromium reports no TaskDuration")
	return 0
}

// BenchmarkMapPage measures the map page at 1,000 and 10,000 providers
// (two venues each; see mapBenchSizes for more): bytes sent excluding
// tiles before the first markers and in all, time until the first markers
// are drawn, until the map is ready (filters and every venue) and until its
// own markers are all drawn (with the renderer's task time until then), and frame
// times while panning (and zooming) with the keyboard once it is ready.
func BenchmarkMapPage(b *testing.B) {
	for _, n := range mapBenchSizes(b) {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			base, out := synthSite(b, n)
			br := Start(b)
			var markersAt, readyAt, allAt, busy, first, bytes, worst, p95, moving float64
			for b.Loop() {
				tab := br.NewTab(b)
				if _, err := chromedp.Call(tab.Context(), performance.Enable, performance.EnableParams{}); err != nil {
					b.Fatal(err)
				}
				tab.Go(b, base+"/map/")
				// Ready, and the map's own markers drawn in place of the first view.
				waitLong(b, tab, mapReady+` && document.getElementById('map').dataset.drawn && !document.getElementById('map').dataset.first`)
				busy = taskMs(b, tab)
				markersAt = Eval[float64](b, tab, `performance.getEntriesByName('markers-drawn')[0].startTime`)
				readyAt = Eval[float64](b, tab, `performance.getEntriesByName('map-ready')[0].startTime`)
				allAt = Eval[float64](b, tab, `performance.getEntriesByName('markers-drawn').at(-1).startTime`)
				first = float64(gzipTotal(b, Eval[[]string](b, tab, beforeMarkers), out))
				bytes = float64(transferred(b, tab, base, out))
				Eval[bool](b, tab, frameRecorder)
				tab.Do(b, chromedp.Focus(chromedp.ID("map")))
				// "=" and "-" zoom one step ("+", typed with Shift, would zoom three).
				for _, k := range []string{"=", kb.ArrowRight, kb.ArrowRight, kb.ArrowDown, kb.ArrowDown, "-", kb.ArrowLeft, kb.ArrowLeft, kb.ArrowUp, "=", kb.ArrowRight, kb.ArrowDown} {
					tab.Do(b, keys(k), chromedp.Sleep(300e6))
				}
				frames := Eval[[]float64](b, tab, `__frames`)
				sort.Float64s(frames)
				if len(frames) > 0 {
					worst, p95 = frames[len(frames)-1], frames[len(frames)*95/100]
				}
				moving = float64(len(frames))
			}
			b.ReportMetric(markersAt, "ms-to-markers")
			b.ReportMetric(readyAt, "ms-to-ready")
			b.ReportMetric(allAt, "ms-to-all-drawn")
			b.ReportMetric(busy, "ms-tasks-to-all-drawn")
			b.ReportMetric(first/1024, "KB-gzip-to-markers")
			b.ReportMetric(bytes/1024, "KB-gzip")
			b.ReportMetric(p95, "ms-frame-p95")
			b.ReportMetric(worst, "ms-frame-max")
			b.ReportMetric(moving, "frames-moving")
		})
	}
}
