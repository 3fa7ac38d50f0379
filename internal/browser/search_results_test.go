package browser

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"artsmap/internal/synth"
)

// updateResults rewrites the result-equality golden files.
var updateResults = flag.Bool("update-results", false, "rewrite testdata/search-results/*.json from what the directory shows now")

// resultSnapshot is what the directory shows for one address: the count
// line, the cards in order (up to three pages of "Show more"), every
// filter value's count and the ways on from an empty result.
const resultSnapshot = `(() => {
  const list = document.getElementById('result-list');
  return {
    count: document.getElementById('result-count').textContent,
    slugs: [...list.querySelectorAll(':scope > li:not([hidden])')].map(li => li.dataset.slug),
    counts: [...document.querySelectorAll('[data-count]')].map(o => o.dataset.count + ' ' + o.textContent),
    ways: [...document.querySelectorAll('#ways-on:not([hidden]) ul a')].map(a => a.textContent + ' -> ' + a.getAttribute('href')),
  };
})()`

// settled is true once the directory has no loading under way: no list
// marked busy and no counts waiting for data.
const settled = directoryReady + ` && !document.querySelector('#result-list[aria-busy="true"], #directory[data-counting]')`

type shown struct {
	Count  string   `json:"count"`
	Slugs  []string `json:"slugs"`
	Counts []string `json:"counts"`
	Ways   []string `json:"ways"`
}

// resultSites are the sites compared: the real content, a synthetic site of
// several directory pages and the Fellside test site, each with the
// addresses to open (words, typos, prefixes, filters, ages, sorts, places,
// postcodes and empty results with their ways on).
var resultSites = []struct {
	name  string
	dir   func(t *testing.T) string
	paths []string
}{
	{"content", func(t *testing.T) string { return RepoRoot(t) }, []string{
		"/providers/", "/providers/?q=demensia", "/providers/?q=parkin", "/providers/?q=parkinsons",
		"/providers/?q=singing+copd", "/providers/?q=mindsong", "/providers/?q=music", "/providers/?q=art",
		"/providers/?q=gl5", "/providers/?q=GL5+1HA", "/providers/?q=stroud+singing",
		"/providers/?pathway=mental-health", "/providers/?pathway=mental-health&district=stroud",
		"/providers/?district=stroud&district=cotswold&referral=gp", "/providers/?cost=free&pathway=dementia",
		"/providers/?q=music&artform=singing&artform=crafts", "/providers/?age=8", "/providers/?age=70&pathway=dementia",
		"/providers/?day=saturday&time=morning", "/providers/?day=tuesday", "/providers/?sort=reviewed",
		"/providers/?q=music&sort=name", "/providers/?near=stroud", "/providers/?q=singing&near=cheltenham",
		"/providers/?near=GL50+1AA", "/providers/?q=GL5+9ZZ+singing", "/providers/?q=dance&near=gloucester&sort=distance",
		"/providers/?q=xyzzy", "/providers/?q=singing+xyzzy", "/providers/?q=circus&pathway=dementia&district=stroud",
		"/providers/?q=dementia&age=5&format=online",
	}},
	{"synthetic", func(t *testing.T) string {
		dir := filepath.Join(t.TempDir(), "site")
		if err := synth.Write(dir, 260, 1); err != nil {
			t.Fatal(err)
		}
		return dir
	}, []string{
		"/providers/", "/providers/page/2/", "/providers/?q=singing", "/providers/?q=demensia", "/providers/?q=parkin",
		"/providers/?q=sy1", "/providers/?q=singing+dementia", "/providers/?q=photgraphy", "/providers/?q=provider+00150",
		"/providers/?pathway=dementia&artform=singing", "/providers/?q=music&district=north&district=coast",
		"/providers/?age=30", "/providers/?sort=reviewed", "/providers/?q=wellbeing&sort=reviewed",
		"/providers/?q=zzzz", "/providers/?q=singing&pathway=stroke&artform=dance&district=east",
		"/providers/page/2/?q=voice",
	}},
	{"fellside", func(t *testing.T) string {
		return unpack(t, filepath.Join(RepoRoot(t), "internal", "site", "testdata", "fellside.txtar"))
	}, []string{
		"/providers/", "/providers/?q=breath", "/providers/?q=choi", "/providers/?q=choor", "/providers/?q=sing+breath",
		"/providers/?pathway=respiratory", "/providers/?q=nothingmatches", "/providers/?sort=reviewed",
	}},
}

// TestSearchResultsUnchanged is the result-equality test of issue 20: for
// each site and address, the directory in Chromium shows exactly what the
// golden file recorded (made with the index before it was sharded).
func TestSearchResultsUnchanged(t *testing.T) {
	b := Start(t)
	for _, site := range resultSites {
		t.Run(site.name, func(t *testing.T) {
			base := buildAndServe(t, site.dir(t))
			got := map[string]shown{}
			for _, path := range site.paths {
				got[path] = snapshot(t, b, base+path)
			}
			golden := filepath.Join("testdata", "search-results", site.name+".json")
			data, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			data = append(data, '\n')
			if *updateResults {
				must(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				must(t, os.WriteFile(golden, data, 0o644))
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-results to record it)", err)
			}
			if !bytes.Equal(data, want) {
				compareShown(t, want, got)
			}
		})
	}
}

// snapshot opens url, shows up to three pages of results and records them
// once the page has settled: no loading under way and the same for 300 ms
// (a postcode lookup, for one, shows its results when it ends).
func snapshot(t *testing.T, b *Browser, url string) shown {
	t.Helper()
	tab := b.NewTab(t)
	tab.Go(t, url)
	steady(t, tab, url)
	for range 2 {
		if !Eval[bool](t, tab, `!document.getElementById('more').hidden`) {
			break
		}
		Eval[bool](t, tab, `document.getElementById('more').click(), true`)
		steady(t, tab, url)
	}
	return steady(t, tab, url)
}

// steady waits until the tab shows the same twice, 300 ms apart, with no
// loading under way, and returns that.
func steady(t *testing.T, tab *Tab, url string) shown {
	t.Helper()
	var last shown
	for i := 0; ; i++ {
		tab.WaitFor(t, settled)
		now := Eval[shown](t, tab, resultSnapshot)
		if i > 0 && equalShown(now, last) {
			return now
		}
		if i > 50 {
			t.Fatalf("%s: the directory did not settle", url)
		}
		last = now
		time.Sleep(300 * time.Millisecond)
	}
}

func equalShown(a, b shown) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// compareShown reports each address whose results differ from the golden file.
func compareShown(t *testing.T, want []byte, got map[string]shown) {
	t.Helper()
	var w map[string]shown
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	for path, g := range got {
		if !equalShown(g, w[path]) {
			gj, _ := json.MarshalIndent(g, "", "  ")
			wj, _ := json.MarshalIndent(w[path], "", "  ")
			t.Errorf("%s shows\n%s\nwant\n%s", path, gj, wj)
		}
	}
	for path := range w {
		if _, ok := got[path]; !ok {
			t.Errorf("%s is in the golden file but was not opened", path)
		}
	}
}
