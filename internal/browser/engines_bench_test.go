package browser_test

// BenchmarkSearchEngines compares three search engines for the directory on
// the same built site and with the same keystrokes: artsmap's own engine as
// shipped on /providers/, MiniSearch indexing documents in the browser, and
// Pagefind over the built provider pages. docs/search-engines.md has the
// method and the figures.
//
//	go test ./internal/browser -run '^$' -bench SearchEngines -benchtime 1x -timeout 20m
//
// It needs Chromium and node_modules (make deps), and runs only with -bench.

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"artsmap"
	"artsmap/internal/browser"
	"artsmap/internal/content"
	"artsmap/internal/devserver"
	"artsmap/internal/markdown"
	"artsmap/internal/site"
	"artsmap/internal/synth"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// searchEngine is one engine under test: the page that runs it in the
// built site, and the condition and performance mark of its being ready.
type searchEngine struct {
	name, path, ready, readyMark string
}

var searchEngines = []searchEngine{
	{"artsmap", "/providers/", `document.documentElement.dataset.directory === 'ready'`, "directory-ready"},
	{"minisearch", "/bench/minisearch/", `document.documentElement.dataset.bench === 'ready'`, "bench-ready"},
	{"pagefind", "/bench/pagefind/", `document.documentElement.dataset.bench === 'ready'`, "bench-ready"},
}

// typedQueries are typed one key at a time, each key waiting for the
// results of the one before.
var typedQueries = []string{"singing", "demensia"}

// relevanceQueries are run on the real content. A provider is expected when
// every word of want is in its name, tags, pathways or (for an art form
// such as singing) art forms.
var relevanceQueries = []struct {
	q    string
	want []string
}{
	{"demensia", []string{"dementia"}}, // a typo
	{"parkin", []string{"parkinson"}},  // a prefix
	{"singing copd", []string{"singing", "copd"}},
	{"mindsong", []string{"mindsong"}}, // a name
}

// benchClock fixes the builds' clock, as the package's tests do.
var benchClock = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// Budgets from the brief (docs/search-engines.md).
const (
	budget1kKB        = 150.0 // page HTML + CSS + JS + index, gzip, at 1,000 providers
	budget1kKeyMS     = 30.0  // median keystroke to results at 1,000
	budget10kFirstMS  = 300.0 // first keystroke to results at 10,000
	budget10kKeyMS    = 100.0 // median keystroke to results at 10,000
	pagefindShown     = 10    // results whose fragments Pagefind loads (pagefind-bench.js)
	directoryPageSize = 50    // cards shown by artsmap (static/js/directory/main.js) and MiniSearch
)

// keystroke is what the probe (testdata/engines/probe.js) records when an
// engine has shown the results of a query.
type keystroke struct {
	Q      string  `json:"q"`
	Count  int     `json:"count"`
	T0     float64 `json:"t0"`     // the key's event time
	JS     float64 `json:"js"`     // the engine had updated the page
	Layout float64 `json:"layout"` // style and layout of the change were done
	Paint  float64 `json:"paint"`  // the frame after that was painted
	Phases *phases `json:"phases"`
}

func (k keystroke) ms() float64 { return k.Paint - k.T0 }

// phases are artsmap's performance marks for one render.
type phases struct {
	Start  float64 `json:"start"`
	Query  float64 `json:"query"`
	Facets float64 `json:"facets"`
	Order  float64 `json:"order"`
	Show   float64 `json:"show"`
	Render float64 `json:"render"`
}

// engineResult is what one engine did on one site.
type engineResult struct {
	engine        string
	loadMS        float64 // navigation start to the load event
	readyMS       float64 // navigation start to the engine taking keystrokes
	firstMS       float64 // first keystroke to results, after ready
	medianMS      float64 // over every keystroke of typedQueries
	maxMS         float64
	kb            float64 // gzip KB fetched until the first query's results
	kbPage        float64 // of which HTML and CSS
	kbCode        float64 // of which JavaScript and WebAssembly
	kbData        float64 // of which index and documents
	requests      int
	keys          []keystroke
	relevance     []string // per relevanceQueries, on the real content
	relevantFirst int      // queries whose expected providers all come first
	profile       []string // artsmap only: where the keystrokes' CPU time went
}

func BenchmarkSearchEngines(b *testing.B) {
	root := browser.RepoRoot(b)
	for _, f := range []string{"node_modules/minisearch/dist/es/index.js", "node_modules/.bin/pagefind"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			b.Skipf("%s is missing: run make node-deps", f)
		}
	}
	probe, err := os.ReadFile(filepath.Join("testdata", "engines", "probe.js"))
	if err != nil {
		b.Fatal(err)
	}
	br := browser.Start(b)
	b.Logf("machine: %d cores (%s), %s, %s; minisearch %s, pagefind %s", runtime.NumCPU(), cpuModel(), runtime.Version(),
		chromiumVersion(b, br), npmVersion(b, root, "minisearch"), npmVersion(b, root, "pagefind"))
	for _, s := range []struct {
		name string
		n    int // 0: the real content
	}{{"real", 0}, {"synthetic-1000", 1000}, {"synthetic-10000", 10000}} {
		b.Run(s.name, func(b *testing.B) {
			work := b.TempDir()
			if cache := os.Getenv("SEARCH_ENGINES_CACHE"); cache != "" {
				work = filepath.Join(cache, s.name) // kept between runs
			}
			dir, out := root, filepath.Join(work, "public")
			if s.n > 0 {
				dir = filepath.Join(work, "site")
				if _, err := os.Stat(dir); err != nil {
					if err := synth.Write(dir, s.n, 1); err != nil {
						b.Fatal(err)
					}
				}
			}
			cs, probs := content.Load(os.DirFS(dir), content.Options{Now: benchClock})
			if err := probs.Err(); err != nil {
				b.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(out, "pagefind")); err != nil || s.n == 0 {
				start := time.Now()
				if _, err := site.Build(site.Options{Site: os.DirFS(dir), Theme: artsmap.Theme, Out: out, Now: benchClock}); err != nil {
					b.Fatal(err)
				}
				built := time.Since(start)
				start = time.Now()
				writeEnginePages(b, root, out, cs)
				b.Logf("%d providers: built in %v, MiniSearch documents and Pagefind index in %v", len(cs.Providers), built.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
			}
			base := browser.Serve(b, devserver.Handler(out))

			fmt.Printf("DEBUG loaded at %v\n", time.Now().Format("15:04:05.000"))
			var results []engineResult
			for b.Loop() {
				results = results[:0]
				for _, e := range searchEngines {
					results = append(results, runSearchEngine(b, br, base, out, string(probe), e, cs, s.n == 0))
				}
			}
			for _, r := range results {
				b.ReportMetric(r.kb, r.engine+"-KB")
				b.ReportMetric(r.readyMS, r.engine+"-ready-ms")
				b.ReportMetric(r.firstMS, r.engine+"-first-ms")
				b.ReportMetric(r.medianMS, r.engine+"-key-ms")
				if s.n == 0 {
					b.ReportMetric(float64(r.relevantFirst), r.engine+"-relevant-of-4")
				}
			}
			// b.Log keeps 10 lines of a benchmark's output: the summary goes
			// there, the full report to standard output.
			table := engineTable(results, s.n)
			b.Logf("%s (%d providers)\n%s", s.name, len(cs.Providers), table[:strings.Index(table, "\n\n")])
			report := fmt.Sprintf("\n### %s (%d providers)\n\n%s\n", s.name, len(cs.Providers), table)
			for _, r := range results {
				if r.engine == "artsmap" {
					report += fmt.Sprintf("\nartsmap, where each keystroke's time goes (medians, ms):\n\n%s\n\nartsmap, CPU profile of the keystrokes (self time):\n\n%s\n",
						phaseTable(r.keys), strings.Join(r.profile, "\n"))
				}
			}
			if s.n == 0 {
				report += fmt.Sprintf("\nRelevance on the real content: expected providers among the first k results, k = how many are expected:\n\n%s\n", relevanceTable(results))
			}
			fmt.Print(report)
		})
	}
}

// writeEnginePages adds the MiniSearch and Pagefind pages to the built site
// out: copies of /providers/ (same HTML, cards and CSS) whose script is the
// other engine's, the documents MiniSearch indexes, and Pagefind's index.
func writeEnginePages(b *testing.B, root, out string, cs *content.Site) {
	b.Helper()
	dirPage, err := os.ReadFile(filepath.Join(out, "providers", "index.html"))
	if err != nil {
		b.Fatal(err)
	}
	const own = `<script type="module" src="/js/directory/main.js"></script>`
	if !bytes.Contains(dirPage, []byte(own)) {
		b.Fatalf("providers/index.html no longer loads %s", own)
	}
	benchDir := filepath.Join(out, "bench")
	copyFile(b, filepath.Join("testdata", "engines", "cards.js"), filepath.Join(benchDir, "cards.js"))
	for _, e := range []string{"minisearch", "pagefind"} {
		script := fmt.Sprintf(`<script type="module" src="/bench/%s/bench.js"></script>`, e)
		writeFile(b, filepath.Join(benchDir, e, "index.html"), bytes.Replace(dirPage, []byte(own), []byte(script), 1))
		copyFile(b, filepath.Join("testdata", "engines", e+"-bench.js"), filepath.Join(benchDir, e, "bench.js"))
	}
	copyFile(b, filepath.Join(root, "node_modules", "minisearch", "dist", "es", "index.js"), filepath.Join(benchDir, "minisearch", "minisearch.js"))
	docs, err := json.Marshal(miniSearchDocs(cs))
	if err != nil {
		b.Fatal(err)
	}
	writeFile(b, filepath.Join(benchDir, "minisearch", "docs.json"), docs)

	// Pagefind indexes the provider profiles only, from their <main>.
	cmd := exec.Command(filepath.Join(root, "node_modules", ".bin", "pagefind"), "--site", out,
		"--glob", "providers/*/index.html", "--root-selector", "main", "--silent")
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("pagefind: %v\n%s", err, msg)
	}
}

// miniSearchDoc is a provider with the fields artsmap's own index has
// (internal/site/search.go), as text.
type miniSearchDoc struct {
	ID         int    `json:"id"`
	Slug       string `json:"slug"`
	Name       string `json:"name"`
	Tags       string `json:"tags"`
	Vocab      string `json:"vocab"`      // pathway, art form, audience and district labels
	Programmes string `json:"programmes"` // programme titles
	Places     string `json:"places"`     // venue names, addresses (towns) and postcodes
	Summary    string `json:"summary"`    // the provider's and its programmes' summaries
	Body       string `json:"body"`       // the profile text
}

var tag = regexp.MustCompile(`<[^>]*>`)

func miniSearchDocs(cs *content.Site) []miniSearchDoc {
	md := markdown.New("")
	labels := vocabLabels(cs)
	docs := make([]miniSearchDoc, 0, len(cs.Providers))
	for i, p := range cs.Providers {
		var vocab, progs, places, summary []string
		for _, ids := range [][]string{p.Pathways, p.Artforms, p.Audiences, p.Districts} {
			for _, id := range ids {
				vocab = append(vocab, labels[id])
			}
		}
		summary = append(summary, p.Summary)
		for _, pg := range p.Programmes {
			progs = append(progs, pg.Title)
			summary = append(summary, pg.Summary)
			for _, id := range pg.Pathways {
				vocab = append(vocab, labels[id])
			}
		}
		for _, v := range p.Venues {
			places = append(places, v.Name, v.Address, v.Postcode, strings.ReplaceAll(v.Postcode, " ", ""))
		}
		body, _ := md.Render(p.Body)
		docs = append(docs, miniSearchDoc{ID: i, Slug: p.Slug, Name: p.Name, Tags: strings.Join(p.Tags, ", "),
			Vocab: strings.Join(slices.Compact(vocab), ", "), Programmes: strings.Join(progs, ". "),
			Places: strings.Join(places, ", "), Summary: strings.Join(summary, " "),
			Body: strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(string(body), " "))), " ")})
	}
	return docs
}

// vocabLabels maps every vocabulary id to its label.
func vocabLabels(cs *content.Site) map[string]string {
	m := map[string]string{}
	v := cs.Config.Vocab
	for _, list := range [][]content.Term{v.Districts, v.Pathways, v.Artforms, v.Audiences, v.Referral} {
		for _, t := range list {
			m[t.ID] = t.Label
		}
	}
	return m
}

// runSearchEngine opens the engine's page in a new tab, waits until it
// takes keystrokes, types the queries, and reads what was fetched. On the
// real content it also runs the relevance queries; for artsmap it profiles
// the keystrokes again.
func runSearchEngine(b *testing.B, br *browser.Browser, base, out, probe string, e searchEngine, cs *content.Site, real bool) engineResult {
	b.Helper()
	fmt.Printf("DEBUG %s start at %v\n", e.name, time.Now().Format("15:04:05.000"))
	tab := br.NewTab(b)
	defer chromedp.Cancel(tab.Context()) //nolint:errcheck // closing the tab
	ctx := tab.Context()
	net := &netLog{byID: map[network.RequestID]string{}}
	if err := chromedp.Listen(ctx, net.listen); err != nil {
		b.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		b.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		b.Fatal(err)
	}
	// At 10,000 providers loading takes longer than the harness's 30 s limits.
	fmt.Printf("DEBUG %s navigating at %v\n", e.name, time.Now().Format("15:04:05.000"))
	slow(b, tab, chromedp.Navigate(base+e.path))
	fmt.Printf("DEBUG %s loaded at %v\n", e.name, time.Now().Format("15:04:05.000"))
	slow(b, tab, waitUntil(e.ready+` || document.documentElement.dataset.directory === 'failed'`))
	if browser.Eval[bool](b, tab, `document.documentElement.dataset.directory === 'failed'`) {
		b.Fatalf("%s: the directory failed to start: %v", e.name, tab.ConsoleErrors())
	}
	r := engineResult{engine: e.name}
	fmt.Printf("DEBUG %s ready at %v\n", e.name, time.Now().Format("15:04:05.000"))
	r.loadMS = browser.Eval[float64](b, tab, `performance.getEntriesByType('navigation')[0].loadEventEnd`)
	r.readyMS = browser.Eval[float64](b, tab, fmt.Sprintf(`performance.getEntriesByName(%q)[0].startTime`, e.readyMark))
	browser.Eval[bool](b, tab, `document.getElementById('q').focus(), true`)

	for i, q := range typedQueries {
		if i > 0 {
			setQuery(b, tab, "")
		}
		for j := range q {
			r.keys = append(r.keys, typeKey(b, tab, q[j:j+1], q[:j+1]))
		}
		if i == 0 {
			r.kbPage, r.kbCode, r.kbData, r.requests = net.gzipKB(b, base, out)
			r.kb = r.kbPage + r.kbCode + r.kbData
		}
	}
	times := make([]float64, len(r.keys))
	for i, k := range r.keys {
		times[i] = k.ms()
	}
	r.firstMS = times[0]
	r.medianMS = median(times)
	r.maxMS = slices.Max(times)

	fmt.Printf("DEBUG %s typed at %v\n", e.name, time.Now().Format("15:04:05.000"))
	if real {
		expected := 0
		for _, rq := range relevanceQueries {
			cell, ok := relevance(b, tab, cs, rq.q, rq.want)
			r.relevance = append(r.relevance, cell)
			if ok {
				expected++
			}
		}
		r.relevantFirst = expected
	}
	if e.name == "artsmap" {
		r.profile = profileKeystrokes(b, tab)
	}
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		b.Errorf("%s: console errors: %v", e.name, errs)
	}
	fmt.Printf("DEBUG %s done at %v\n", e.name, time.Now().Format("15:04:05.000"))
	return r
}

// slow runs steps in the tab with a limit of two minutes.
func slow(b *testing.B, tab *browser.Tab, steps ...chromedp.Action[chromedp.Void]) {
	b.Helper()
	ctx, cancel := context.WithTimeout(tab.Context(), 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.Fatalf("in the browser: %v", err)
	}
}

// waitUntil waits until the JavaScript condition is true.
func waitUntil(cond string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`new Promise(resolve => (function check() {
			if (`+cond+`) return resolve(true);
			setTimeout(check, 10);
		})())`, chromedp.EvalAwaitPromise)(ctx, t)
		return err
	})
}

// typeKey types one key into the search box and returns the record of the
// results shown for want, the box's text after the key.
func typeKey(b *testing.B, tab *browser.Tab, key, want string) keystroke {
	b.Helper()
	n := browser.Eval[int](b, tab, `__bench.shown.length`)
	tab.Do(b, chromedp.KeyEvent(key))
	return browser.Eval[keystroke](b, tab, fmt.Sprintf(`__bench.wait(%d, %s)`, n, jsString(want)))
}

// setQuery puts q in the search box at once, as pasting does, and waits for
// its results.
func setQuery(b *testing.B, tab *browser.Tab, q string) keystroke {
	b.Helper()
	return browser.Eval[keystroke](b, tab, fmt.Sprintf(`(() => {
		const n = __bench.shown.length, i = document.getElementById('q');
		i.value = %[1]s;
		i.dispatchEvent(new Event('input', {bubbles: true}));
		return __bench.wait(n, %[1]s);
	})()`, jsString(q)))
}

func jsString(s string) string {
	j, _ := json.Marshal(s)
	return string(j)
}

// relevance runs q and says how many of the expected providers come first.
func relevance(b *testing.B, tab *browser.Tab, cs *content.Site, q string, want []string) (cell string, allFirst bool) {
	b.Helper()
	setQuery(b, tab, "")
	rec := setQuery(b, tab, q)
	slugs := browser.Eval[[]string](b, tab, `[...document.querySelectorAll('#result-list > li:not([hidden])')].map(li => li.dataset.slug)`)
	expected := map[string]bool{}
	labels := vocabLabels(cs)
	for _, p := range cs.Providers {
		if offersAll(p, labels, want) {
			expected[p.Slug] = true
		}
	}
	k := len(expected)
	top := slugs[:min(k, len(slugs))]
	hits := 0
	for _, s := range top {
		if expected[s] {
			hits++
		}
	}
	first := "none"
	if len(slugs) > 0 {
		first = slugs[0]
	}
	return fmt.Sprintf("%d/%d (%d results; 1st %s)", hits, k, max(rec.Count, 0), first), k > 0 && hits == k
}

// offersAll reports whether every word is in the provider's name, tags,
// pathways (its own and its programmes', ids and labels) or art forms.
func offersAll(p *content.Provider, labels map[string]string, words []string) bool {
	text := []string{p.Name}
	text = append(text, p.Tags...)
	ids := slices.Concat(p.Pathways, p.Artforms)
	for _, pg := range p.Programmes {
		ids = slices.Concat(ids, pg.Pathways, pg.Artforms)
	}
	for _, id := range ids {
		text = append(text, id, labels[id])
	}
	all := strings.ReplaceAll(strings.ToLower(strings.Join(text, " | ")), "'", "")
	for _, w := range words {
		if !strings.Contains(all, w) {
			return false
		}
	}
	return true
}

// profileKeystrokes types the queries again under the CPU profiler and
// lists the functions with most self time.
func profileKeystrokes(b *testing.B, tab *browser.Tab) []string {
	b.Helper()
	ctx := tab.Context()
	call := func(err error) {
		if err != nil {
			b.Fatalf("profiler: %v", err)
		}
	}
	_, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{})
	call(err)
	_, err = chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100})
	call(err)
	setQuery(b, tab, "")
	_, err = chromedp.Call(ctx, profiler.Start, cdp.Empty{})
	call(err)
	for i, q := range typedQueries {
		if i > 0 {
			setQuery(b, tab, "")
		}
		for j := range q {
			typeKey(b, tab, q[j:j+1], q[:j+1])
		}
	}
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	call(err)
	nodes := map[int64]string{}
	for _, n := range res.Profile.Nodes {
		name := n.CallFrame.FunctionName
		if name == "" {
			name = "(anonymous)"
		}
		if n.CallFrame.URL != "" {
			name += fmt.Sprintf(" %s:%d", path.Base(n.CallFrame.URL), n.CallFrame.LineNumber+1)
		}
		nodes[n.ID] = name
	}
	self := map[string]float64{}
	busy := 0.0
	for i, id := range res.Profile.Samples {
		if i+1 >= len(res.Profile.TimeDeltas) {
			break
		}
		name := nodes[id]
		if name == "(idle)" {
			continue
		}
		ms := float64(res.Profile.TimeDeltas[i+1]) / 1000
		self[name] += ms
		busy += ms
	}
	type fn struct {
		name string
		ms   float64
	}
	var fns []fn
	for n, ms := range self {
		fns = append(fns, fn{n, ms})
	}
	slices.SortFunc(fns, func(a, b fn) int { return cmp.Compare(b.ms, a.ms) })
	lines := []string{fmt.Sprintf("JavaScript and rendering busy %.0f ms over %d keystrokes", busy, len(strings.Join(typedQueries, ""))), "",
		"| function | self ms | share |", "| --- | --- | --- |"}
	for _, f := range fns[:min(10, len(fns))] {
		lines = append(lines, fmt.Sprintf("| %s | %.1f | %.0f%% |", f.name, f.ms, 100*f.ms/busy))
	}
	return lines
}

// netLog records the tab's responses.
type netLog struct {
	mu   sync.Mutex
	byID map[network.RequestID]string
	urls []string
}

func (n *netLog) listen(ev any) {
	if e, ok := ev.(*network.EventResponseReceived); ok && e.Response != nil && e.Response.Status == 200 {
		n.mu.Lock()
		defer n.mu.Unlock()
		if _, seen := n.byID[e.RequestID]; !seen {
			n.byID[e.RequestID] = e.Response.URL
			n.urls = append(n.urls, e.Response.URL)
		}
	}
}

// gzipKB adds up, in KB, the files of the site the tab has fetched as a CDN
// sends them: gzip at the best level, or as they are when that is smaller
// (Pagefind's files are gzip already).
func (n *netLog) gzipKB(b *testing.B, base, out string) (pageKB, codeKB, dataKB float64, requests int) {
	n.mu.Lock()
	urls := slices.Clone(n.urls)
	n.mu.Unlock()
	seen := map[string]bool{}
	for _, u := range urls {
		if !strings.HasPrefix(u, base+"/") {
			continue
		}
		p := strings.TrimPrefix(u, base)
		p, _, _ = strings.Cut(p, "?")
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		if seen[p] {
			continue
		}
		seen[p] = true
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			continue
		}
		requests++
		kb := float64(min(len(data), gzipLen(data))) / 1024
		switch ext := path.Ext(p); {
		case ext == ".html" || ext == ".css":
			pageKB += kb
		case ext == ".js" || strings.HasPrefix(path.Base(p), "wasm."):
			codeKB += kb
		default:
			dataKB += kb
		}
	}
	return pageKB, codeKB, dataKB, requests
}

func gzipLen(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data) //nolint:errcheck // a bytes.Buffer
	w.Close()     //nolint:errcheck // a bytes.Buffer
	return buf.Len()
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// engineTable is the Markdown table of one site, with the budgets that
// apply to its size.
func engineTable(rs []engineResult, n int) string {
	lines := []string{
		"| engine | sent for the first query, gzip KB (page / code / index) | requests | load event, ms | engine ready, ms | first keystroke to results, ms | keystroke median / max, ms |",
		"| --- | --- | --- | --- | --- | --- | --- |",
	}
	for _, r := range rs {
		lines = append(lines, fmt.Sprintf("| %s | %.1f (%.1f / %.1f / %.1f)%s | %d | %.0f | %.0f | %.1f%s | %.1f%s / %.1f |",
			r.engine, r.kb, r.kbPage, r.kbCode, r.kbData, verdictOver(n == 1000, r.kb, budget1kKB, " KB"), r.requests,
			r.loadMS, r.readyMS, r.firstMS, verdictOver(n == 10000, r.firstMS, budget10kFirstMS, " ms"),
			r.medianMS, verdictOver(n == 1000, r.medianMS, budget1kKeyMS, " ms")+verdictOver(n == 10000, r.medianMS, budget10kKeyMS, " ms"), r.maxMS))
	}
	lines = append(lines, "", "Keystrokes, ms from the key to the painted results (result count):", "",
		"| engine | "+strings.Join(allPrefixes(), " | ")+" |", "| --- |"+strings.Repeat(" --- |", len(allPrefixes())))
	for _, r := range rs {
		cells := []string{r.engine}
		for _, k := range r.keys {
			cells = append(cells, fmt.Sprintf("%.0f (%d)", k.ms(), k.Count))
		}
		lines = append(lines, "| "+strings.Join(cells, " | ")+" |")
	}
	return strings.Join(lines, "\n")
}

func allPrefixes() []string {
	var out []string
	for _, q := range typedQueries {
		for j := range q {
			out = append(out, q[:j+1])
		}
	}
	return out
}

// verdictOver says, when the budget applies, whether v is within it.
func verdictOver(applies bool, v, budget float64, unit string) string {
	if !applies {
		return ""
	}
	if v <= budget {
		return fmt.Sprintf(" ✓ (≤ %.0f%s)", budget, unit)
	}
	return fmt.Sprintf(" ✗ (%.0f%s over %.0f%s, +%.0f%%)", v-budget, unit, budget, unit, 100*(v-budget)/budget)
}

// phaseTable splits artsmap's keystrokes by its performance marks.
func phaseTable(keys []keystroke) string {
	col := func(f func(k keystroke) float64) string {
		var xs []float64
		for _, k := range keys {
			if k.Phases != nil {
				xs = append(xs, f(k))
			}
		}
		if len(xs) == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f", median(xs))
	}
	return strings.Join([]string{
		"| key to render start | runQuery (match, score) | applyFacets | orderDocs | Results.show (cards, highlight) | rest of render (counts, URL) | style and layout | to the next paint | total |",
		"| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
		"| " + strings.Join([]string{
			col(func(k keystroke) float64 { return k.Phases.Start - k.T0 }),
			col(func(k keystroke) float64 { return k.Phases.Query }),
			col(func(k keystroke) float64 { return k.Phases.Facets }),
			col(func(k keystroke) float64 { return k.Phases.Order }),
			col(func(k keystroke) float64 { return k.Phases.Show }),
			col(func(k keystroke) float64 {
				return k.Phases.Render - k.Phases.Query - k.Phases.Facets - k.Phases.Order - k.Phases.Show
			}),
			col(func(k keystroke) float64 { return k.Layout - k.JS }),
			col(func(k keystroke) float64 { return k.Paint - k.Layout }),
			col(func(k keystroke) float64 { return k.ms() }),
		}, " | ") + " |",
	}, "\n")
}

func relevanceTable(rs []engineResult) string {
	head := "| query | expected |"
	sep := "| --- | --- |"
	for _, r := range rs {
		head += " " + r.engine + " |"
		sep += " --- |"
	}
	lines := []string{head, sep}
	for i, rq := range relevanceQueries {
		row := fmt.Sprintf("| %s | providers with %s |", rq.q, strings.Join(rq.want, " and "))
		for _, r := range rs {
			row += " " + r.relevance[i] + " |"
		}
		lines = append(lines, row)
	}
	row := "| all expected first | |"
	for _, r := range rs {
		row += fmt.Sprintf(" %d of %d queries |", r.relevantFirst, len(relevanceQueries))
	}
	return strings.Join(append(lines, row), "\n")
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for line := range strings.Lines(string(data)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func chromiumVersion(b *testing.B, br *browser.Browser) string {
	tab := br.NewTab(b)
	defer chromedp.Cancel(tab.Context()) //nolint:errcheck // closing the tab
	ua := browser.Eval[string](b, tab, `navigator.userAgent`)
	if m := regexp.MustCompile(`Chrome/[\d.]+`).FindString(ua); m != "" {
		return "Headless " + strings.Replace(m, "Chrome/", "Chromium ", 1)
	}
	return ua
}

func npmVersion(b *testing.B, root, pkg string) string {
	data, err := os.ReadFile(filepath.Join(root, "node_modules", pkg, "package.json"))
	if err != nil {
		b.Fatal(err)
	}
	var v struct{ Version string }
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	return v.Version
}

func writeFile(b *testing.B, name string, data []byte) {
	b.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		b.Fatal(err)
	}
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	writeFile(b, to, data)
}

func BenchmarkZZExplore(b *testing.B) {
	out := os.Getenv("EXPLORE_OUT")
	if out == "" {
		b.Skip()
	}
	br := browser.Start(b)
	base := browser.Serve(b, devserver.Handler(out))
	tab := br.NewTab(b)
	ctx := tab.Context()
	chromedp.Call(ctx, profiler.Enable, cdp.Empty{})
	chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 1000})
	chromedp.Call(ctx, profiler.Start, cdp.Empty{})
	t := time.Now()
	slow(b, tab, chromedp.Navigate(base+os.Getenv("EXPLORE_PATH")))
	b.Logf("load %v", time.Since(t))
	slow(b, tab, waitUntil(os.Getenv("EXPLORE_READY")))
	b.Logf("ready %v", time.Since(t))
	ctx2, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx2, chromedp.Evaluate[string](`new Promise(r => requestAnimationFrame(() => setTimeout(() => r(JSON.stringify(performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)])) + ' now ' + Math.round(performance.now())))))`, chromedp.EvalAwaitPromise))
	b.Logf("idle %v %v %s", time.Since(t), err, v)
	res, _ := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	nodes := map[int64]string{}
	for _, n := range res.Profile.Nodes {
		nodes[n.ID] = fmt.Sprintf("%s %s:%d", n.CallFrame.FunctionName, path.Base(n.CallFrame.URL), n.CallFrame.LineNumber+1)
	}
	self := map[string]float64{}
	for i, id := range res.Profile.Samples {
		if i+1 < len(res.Profile.TimeDeltas) {
			self[nodes[id]] += float64(res.Profile.TimeDeltas[i+1]) / 1000
		}
	}
	type fn struct {
		n  string
		ms float64
	}
	var fns []fn
	for n, ms := range self {
		fns = append(fns, fn{n, ms})
	}
	slices.SortFunc(fns, func(a, b fn) int { return cmp.Compare(b.ms, a.ms) })
	for _, f := range fns[:min(15, len(fns))] {
		fmt.Printf("%8.0f ms  %s\n", f.ms, f.n)
	}
}

func BenchmarkZZVisibility(b *testing.B) {
	br := browser.Start(b)
	for i := range 3 {
		tab := br.NewTab(b)
		if i == 2 {
			chromedp.Call(tab.Context(), page.BringToFront, cdp.Empty{})
		}
		tab.Go(b, "about:blank")
		v := browser.Eval[string](b, tab, `new Promise(r => { const t = performance.now(); setTimeout(() => { const d = performance.now() - t; requestAnimationFrame(() => r(document.visibilityState + ' focus=' + document.hasFocus() + ' timer=' + d.toFixed(1) + ' raf=' + (performance.now()-t).toFixed(1))); }, 1); })`)
		fmt.Println(i, v)
		targets, _ := chromedp.Targets(tab.Context())
		fmt.Println("targets", len(targets))
		chromedp.Cancel(tab.Context())
	}
}
