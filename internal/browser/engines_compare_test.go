package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"artsmap/internal/content"
	"artsmap/internal/synth"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The engines compared: artsmap's own index on /providers/, MiniSearch
// indexing documents in the browser, and Pagefind over the built pages.
// Each test page defines window.bench.search(query) -> slugs, rendering
// the first twenty results, and window.bench.ready.
var engines = []string{"artsmap", "minisearch", "pagefind"}

// ownBench drives the directory page as a visitor does, and waits for the
// results: the directory fetches what a query needs (chunks of words,
// cards) before it shows them, then marks the form with the query shown.
const ownBench = `window.bench = {
  ready: new Promise(r => (function w() { document.documentElement.dataset.directory ? r() : setTimeout(w, 5); })()),
  search: async (q) => {
    await window.bench.ready;
    const form = document.getElementById('directory');
    const list = () => document.getElementById('result-list');
    const done = () => form.dataset.shown === q && list().getAttribute('aria-busy') !== 'true';
    const i = document.getElementById('q');
    i.value = q;
    i.dispatchEvent(new Event('input', {bubbles: true}));
    if (!done()) {
      await new Promise(resolve => {
        const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(); } });
        obs.observe(form, {attributes: true, subtree: true, attributeFilter: ['data-shown', 'aria-busy']});
      });
    }
    document.body.getBoundingClientRect(); // style and layout now, as the next frame would
    return [...list().querySelectorAll(':scope > li:not([hidden])')].slice(0, 20).map(li => li.dataset.slug);
  },
}; true`

const miniPage = `<!doctype html><html lang="en"><title>MiniSearch</title><ol id="r"></ol>
<script type="module">
import MiniSearch from './minisearch.js';
const ms = new MiniSearch({fields: ['name', 'tags', 'programmes', 'places', 'summary', 'body'], storeFields: ['slug', 'name'],
  searchOptions: {boost: {name: 10, tags: 6, programmes: 5, places: 4, summary: 3}, fuzzy: 0.2, prefix: true, combineWith: 'AND'}});
window.bench = {
  ready: fetch('docs.json').then(r => r.json()).then(docs => ms.addAll(docs)),
  search: async (q) => {
    await window.bench.ready;
    const res = ms.search(q).slice(0, 20);
    document.getElementById('r').replaceChildren(...res.map(x => Object.assign(document.createElement('li'), {textContent: x.name})));
    document.body.getBoundingClientRect();
    return res.map(x => x.slug);
  },
};
</script></html>`

const pagefindPage = `<!doctype html><html lang="en"><title>Pagefind</title><ol id="r"></ol>
<script type="module">
let pf;
window.bench = {
  ready: import('/bench/pagefind/_pf/pagefind.js').then(async m => { pf = m; await pf.init(); }),
  search: async (q) => {
    await window.bench.ready;
    const res = await pf.search(q);
    const data = await Promise.all(res.results.slice(0, 20).map(x => x.data()));
    document.getElementById('r').replaceChildren(...data.map(d => Object.assign(document.createElement('li'), {textContent: d.meta.title})));
    document.body.getBoundingClientRect();
    return data.map(d => d.url.split('/').filter(Boolean).at(-1));
  },
};
</script></html>`

// prepareEngines writes the MiniSearch and Pagefind test pages into the
// built site out, whose content is in dir, for those of them in which.
func prepareEngines(tb testing.TB, dir, out string, which []string) {
	tb.Helper()
	if slices.Contains(which, "minisearch") {
		prepareMiniSearch(tb, dir, out)
	}
	if !slices.Contains(which, "pagefind") {
		return
	}
	pf := filepath.Join(out, "bench", "pagefind")
	must(tb, os.MkdirAll(pf, 0o755))
	must(tb, os.WriteFile(filepath.Join(pf, "index.html"), []byte(pagefindPage), 0o644))
	cmd := exec.Command(pagefindBinary(tb), "--site", out,
		"--glob", "providers/*/index.html", "--output-path", filepath.Join(pf, "_pf"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("pagefind: %v\n%s", err, msg)
	}
}

// prepareMiniSearch writes the documents and page MiniSearch indexes.
func prepareMiniSearch(tb testing.TB, dir, out string) {
	tb.Helper()
	cs, _ := content.Load(os.DirFS(dir), content.Options{Now: testNow})
	var docs []map[string]string
	for i, p := range cs.Providers {
		var progs, places []string
		for _, pg := range p.Programmes {
			progs = append(progs, pg.Title, pg.Summary)
		}
		for _, v := range p.Venues {
			places = append(places, v.Name, v.Address, v.Postcode)
		}
		docs = append(docs, map[string]string{"id": strconv.Itoa(i), "slug": p.Slug, "name": p.Name, "tags": strings.Join(p.Tags, " "),
			"programmes": strings.Join(progs, " "), "places": strings.Join(places, " "), "summary": p.Summary, "body": string(p.Body)})
	}
	data, _ := json.Marshal(docs)
	mini := filepath.Join(out, "bench", "minisearch")
	must(tb, os.MkdirAll(mini, 0o755))
	must(tb, os.WriteFile(filepath.Join(mini, "docs.json"), data, 0o644))
	must(tb, os.WriteFile(filepath.Join(mini, "index.html"), []byte(miniPage), 0o644))
	lib, err := os.ReadFile(filepath.Join(RepoRoot(tb), "node_modules", "minisearch", "dist", "es", "index.js"))
	must(tb, err)
	must(tb, os.WriteFile(filepath.Join(mini, "minisearch.js"), lib, 0o644))
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

func enginePage(engine string) string {
	switch engine {
	case "minisearch":
		return "/bench/minisearch/"
	case "pagefind":
		return "/bench/pagefind/"
	}
	return "/providers/"
}

// engineRun is what one engine did on one site.
type engineRun struct {
	KB          float64 // gzip bytes fetched to load the page and answer the first query
	FirstMS     float64 // from the first query's keystroke after load to its results
	KeystrokeMS float64 // median over typed queries
	AllKB       float64 // gzip bytes fetched by the end of the typed queries
}

// firstQuery is typed first on the freshly loaded page: the first two
// letters of a word, which every engine must look up in its index.
const firstQuery = "de"

var typed = []string{"s", "si", "sin", "sing", "singi", "singin", "singing", "d", "de", "dem", "deme", "demen", "demens", "demensi", "demensia"}

// cpuThrottle is how much slower than this machine the benchmark runs the
// page, as DevTools' CPU throttling (a cheap phone is about 4 times slower).
const cpuThrottle = 4

func runEngine(b *testing.B, br *Browser, base, out, engine string) engineRun {
	tab := br.NewTab(b)
	if _, err := chromedp.Call(tab.Context(), emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpuThrottle}); err != nil {
		b.Fatal(err)
	}
	tab.Go(b, base+enginePage(engine))
	if engine == "artsmap" {
		Eval[bool](b, tab, ownBench)
	}
	Eval[bool](b, tab, `window.bench.ready.then(() => true)`)
	first := Eval[float64](b, tab, `(async () => { const t = performance.now(); await window.bench.search(`+strconv.Quote(firstQuery)+`); return performance.now() - t; })()`)
	kb := float64(transferred(b, tab, base, out)) / 1024
	var times []float64
	for _, q := range typed { // one at a time: each may take up to the step's 30 s
		times = append(times, Eval[float64](b, tab, `(async () => { const t = performance.now(); await window.bench.search(`+strconv.Quote(q)+`); return performance.now() - t; })()`))
	}
	sort.Float64s(times)
	all := float64(transferred(b, tab, base, out)) / 1024
	return engineRun{KB: kb, FirstMS: first, KeystrokeMS: times[len(times)/2], AllKB: all}
}

// benchSizes are the site sizes measured: 1,000 and 10,000 providers, and
// 50,000 too with ARTSMAP_BENCH_50K=1 (its build alone takes minutes).
func benchSizes() []int {
	if os.Getenv("ARTSMAP_BENCH_50K") == "1" {
		return []int{1000, 10000, 50000}
	}
	return []int{1000, 10000}
}

// BenchmarkSearchEngines measures the three engines on synthetic sites,
// in Chromium with the CPU throttled 4 times, and prints a Markdown table.
// With ARTSMAP_BENCH_ENGINES=artsmap,pagefind it measures only those.
func BenchmarkSearchEngines(b *testing.B) {
	which := engines
	if e := os.Getenv("ARTSMAP_BENCH_ENGINES"); e != "" {
		which = strings.Split(e, ",")
	}
	for _, n := range benchSizes() {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "site")
			must(b, synth.Write(dir, n, 1))
			base, out := serveBuilt(b, dir)
			prepareEngines(b, dir, out, which)
			br := Start(b)
			rows := []string{"| engine | sent before first results (gzip KB) | first results (ms) | keystroke median (ms) | sent after typing (gzip KB) |",
				"| --- | --- | --- | --- | --- |"}
			for b.Loop() {
				for _, e := range which {
					r := runEngine(b, br, base, out, e)
					rows = append(rows, fmt.Sprintf("| %s | %.0f | %.0f | %.1f | %.0f |", e, r.KB, r.FirstMS, r.KeystrokeMS, r.AllKB))
					b.ReportMetric(r.KB, e+"-KB")
					b.ReportMetric(r.FirstMS, e+"-first-ms")
					b.ReportMetric(r.KeystrokeMS, e+"-key-ms")
					b.ReportMetric(r.AllKB, e+"-all-KB")
				}
			}
			b.Logf("%d providers, CPU throttled %dx, first query %q\n%s", n, cpuThrottle, firstQuery, strings.Join(rows, "\n"))
		})
	}
}

// relevanceQueries are typed by people looking for a provider, with what
// an answer should offer first.
var relevanceQueries = []struct{ q, want string }{
	{"demensia", "dementia"}, {"parkin", "parkinson"}, {"singing copd", "copd"}, {"mindsong", "mindsong"},
}

// BenchmarkSearchRelevance runs the relevance queries on the real content
// and prints, per engine, whether the first result offers what was meant.
func BenchmarkSearchRelevance(b *testing.B) {
	root := RepoRoot(b)
	dir, base, out := root, "", ""
	base, out = serveBuilt(b, dir)
	prepareEngines(b, dir, out, engines)
	cs, _ := content.Load(os.DirFS(dir), content.Options{Now: testNow})
	br := Start(b)
	rows := []string{"| query | " + strings.Join(engines, " | ") + " |", "| --- | --- | --- | --- |"}
	for b.Loop() {
		for _, rq := range relevanceQueries {
			row := "| " + rq.q + " |"
			for _, e := range engines {
				tab := br.NewTab(b)
				tab.Go(b, base+enginePage(e))
				if e == "artsmap" {
					Eval[bool](b, tab, ownBench)
				}
				slugs := Eval[[]string](b, tab, `window.bench.search(`+strconv.Quote(rq.q)+`)`)
				row += " " + verdict(cs, slugs, rq.want) + " |"
			}
			rows = append(rows, row)
		}
	}
	b.Logf("relevance on the real content\n%s", strings.Join(rows, "\n"))
}

// verdict says how many of the first three results offer want.
func verdict(cs *content.Site, slugs []string, want string) string {
	if len(slugs) == 0 {
		return "no results"
	}
	good := 0
	top := slugs[:min(3, len(slugs))]
	for _, s := range top {
		if p := provider(cs, s); p != nil && (mentions(p, want) || offersAny(p, want)) {
			good++
		}
	}
	return fmt.Sprintf("%d of top %d (%d results)", good, len(top), len(slugs))
}

func offersAny(p *content.Provider, want string) bool {
	for _, list := range [][]string{p.Pathways, p.Artforms} {
		for _, id := range list {
			if strings.Contains(id, want) {
				return true
			}
		}
	}
	return false
}

// pagefindVersion is the Pagefind measured. It is not in package.json: its
// npm package pins platform binaries that npm ci cannot verify on every
// machine, and only this benchmark needs it, so it is installed on demand.
const pagefindVersion = "1.6.0"

// pagefindBinary installs Pagefind from npm into a temporary folder.
func pagefindBinary(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	cmd := exec.Command("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, "pagefind@"+pagefindVersion)
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("installing pagefind: %v\n%s", err, msg)
	}
	return filepath.Join(dir, "node_modules", ".bin", "pagefind")
}
