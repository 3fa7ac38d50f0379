package browser

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"artsmap/internal/content"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

const directoryReady = `document.documentElement.dataset.directory === 'ready'`

// visibleSlugs are the provider cards shown, in order.
const visibleSlugs = `[...document.querySelectorAll('#result-list > li:not([hidden])')].map(li => li.dataset.slug)`

// offers reports whether a provider or one of its programmes has the value.
func offers(p *content.Provider, facet, id string) bool {
	lists := map[string]func(content.Programme) []string{
		"pathway": func(pg content.Programme) []string { return pg.Pathways },
		"artform": func(pg content.Programme) []string { return pg.Artforms },
	}
	own := map[string][]string{"pathway": p.Pathways, "artform": p.Artforms, "district": p.Districts, "referral": p.Referral}
	if slices.Contains(own[facet], id) {
		return true
	}
	for _, pg := range p.Programmes {
		if f, ok := lists[facet]; ok && slices.Contains(f(pg), id) {
			return true
		}
		if facet == "cost" && pg.Cost == id {
			return true
		}
	}
	return false
}

func TestDirectorySearch(t *testing.T) {
	base, cs := realSite(t)
	b := Start(t)
	tests := []struct {
		q    string
		want func(p *content.Provider) bool // every result must satisfy it
	}{
		{"demensia", func(p *content.Provider) bool { return offers(p, "pathway", "dementia") || mentions(p, "dementia") }},
		{"parkin", func(p *content.Provider) bool { return offers(p, "pathway", "parkinsons") || mentions(p, "parkinson") }},
		{"parkinsons", func(p *content.Provider) bool { return offers(p, "pathway", "parkinsons") || mentions(p, "parkinson") }},
		{"mindsong", func(p *content.Provider) bool { return p.Slug == "mindsong" || mentions(p, "mindsong") }},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			tab := b.NewTab(t)
			tab.Go(t, base+"/providers/?q="+tt.q)
			tab.WaitFor(t, directoryReady)
			got := Eval[[]string](t, tab, visibleSlugs)
			if len(got) == 0 {
				t.Fatalf("no results for %q", tt.q)
			}
			for _, slug := range got {
				if p := provider(cs, slug); p == nil || !tt.want(p) {
					t.Errorf("%q returned %s, which does not match", tt.q, slug)
				}
			}
			if marks := Eval[int](t, tab, `document.querySelector('#result-list > li:not([hidden])').querySelectorAll('mark').length`); marks == 0 {
				t.Errorf("the first result for %q highlights nothing", tt.q)
			}
		})
	}
	t.Run("name ranks above text", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(t, base+"/providers/?q=mindsong")
		tab.WaitFor(t, directoryReady)
		if got := Eval[[]string](t, tab, visibleSlugs); got[0] != "mindsong" {
			t.Errorf("first result %s, want mindsong", got[0])
		}
	})
}

func mentions(p *content.Provider, word string) bool {
	text := strings.ToLower(p.Name + " " + p.Summary + " " + strings.Join(p.Tags, " ") + " " + string(p.Body))
	for _, pg := range p.Programmes {
		text += " " + strings.ToLower(pg.Title+" "+pg.Summary)
	}
	for _, v := range p.Venues {
		text += " " + strings.ToLower(v.Name+" "+v.Address+" "+v.Postcode)
	}
	return strings.Contains(strings.ReplaceAll(text, "'", ""), word) || strings.Contains(text, word)
}

func provider(cs *content.Site, slug string) *content.Provider {
	for _, p := range cs.Providers {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// TestDirectoryFacets: combinations give exactly the expected providers,
// and each count says how many the value would give.
func TestDirectoryFacets(t *testing.T) {
	base, cs := realSite(t)
	b := Start(t)
	tests := []struct {
		query string
		match func(p *content.Provider) bool
	}{
		{"pathway=mental-health", func(p *content.Provider) bool { return offers(p, "pathway", "mental-health") }},
		{"pathway=mental-health&district=stroud", func(p *content.Provider) bool {
			return offers(p, "pathway", "mental-health") && offers(p, "district", "stroud")
		}},
		{"district=stroud&district=cotswold&referral=gp", func(p *content.Provider) bool {
			return (offers(p, "district", "stroud") || offers(p, "district", "cotswold")) && offers(p, "referral", "gp")
		}},
		{"cost=free&pathway=dementia", func(p *content.Provider) bool { return offers(p, "cost", "free") && offers(p, "pathway", "dementia") }},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) { expectDirectory(t, b, base, cs, tt.query, tt.match) })
	}
	t.Run("counts", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(t, base+"/providers/?pathway=mental-health")
		tab.WaitFor(t, directoryReady)
		n := 0
		for _, p := range cs.Providers {
			if offers(p, "pathway", "mental-health") && offers(p, "district", "stroud") {
				n++
			}
		}
		got := Eval[string](t, tab, `document.querySelector('[data-count="district:stroud"]').textContent`)
		if got != "("+itoa(n)+")" {
			t.Errorf("Stroud count with mental health ticked = %s, want (%d)", got, n)
		}
	})
}

// expectDirectory opens the directory at ?query and checks that it shows
// exactly the providers match accepts, and says how many; it returns them.
func expectDirectory(t *testing.T, b *Browser, base string, cs *content.Site, query string, match func(*content.Provider) bool) []string {
	t.Helper()
	var want []string
	for _, p := range cs.Providers {
		if match(p) {
			want = append(want, p.Slug)
		}
	}
	tab := b.NewTab(t)
	tab.Go(t, base+"/providers/?"+query)
	tab.WaitFor(t, directoryReady)
	got := Eval[[]string](t, tab, visibleSlugs)
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("directory: got %v\nwant %v", got, want)
	}
	count := Eval[string](t, tab, `document.getElementById('result-count').textContent`)
	if !strings.HasPrefix(count, itoa(len(want))+" of ") && len(want) != len(cs.Providers) {
		t.Errorf("count says %q, want %d", count, len(want))
	}
	return want
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestDirectoryURLState: typing and ticking write the address; opening
// that address shows the same view.
func TestDirectoryURLState(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	tab := b.NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	tab.Do(t, chromedp.SendKeys(chromedp.ID("q"), "sing"),
		chromedp.Click(chromedp.CSS(`details.facet summary`)),
		chromedp.Click(chromedp.CSS(`input[name="pathway"][value="dementia"]`)))
	tab.WaitFor(t, `location.search.includes('q=sing') && location.search.includes('pathway=dementia')`)
	search := Eval[string](t, tab, `location.search`)
	first := Eval[[]string](t, tab, visibleSlugs)
	other := b.NewTab(t)
	other.Go(t, base+"/providers/"+search)
	other.WaitFor(t, directoryReady)
	if got := Eval[[]string](t, other, visibleSlugs); !slices.Equal(got, first) {
		t.Errorf("reloaded view %v, want %v", got, first)
	}
	if !Eval[bool](t, other, `document.getElementById('q').value === 'sing' && document.querySelector('input[name="pathway"][value="dementia"]').checked`) {
		t.Error("the form does not show the state in the address")
	}
	if got := Eval[string](t, other, `document.getElementById('to-map').getAttribute('href')`); got != "/map/"+search {
		t.Errorf("map link %q, want the same filters %q", got, "/map/"+search)
	}
}

// TestDirectoryWithoutJavaScript: the page lists every provider.
func TestDirectoryWithoutJavaScript(t *testing.T) {
	base, cs := realSite(t)
	tab := Start(t).NewTab(t)
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Go(t, base+"/providers/")
	n := Eval[[]string](t, tab, visibleSlugs)
	if len(n) != len(cs.Providers) {
		t.Errorf("%d providers listed without JavaScript, want %d", len(n), len(cs.Providers))
	}
	if !Eval[bool](t, tab, `!!document.querySelector('#directory input[name="q"]') && document.querySelector('#directory').method === 'get'`) {
		t.Error("no plain GET search form")
	}
	// axe needs scripts; turning them back on does not run the page's own.
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	tab.AssertAccessible(t, "/providers/ without JavaScript")
}

// TestDirectoryKeyboard walks the page with Tab: every control is reached,
// a filter opens with Enter and ticks with Space.
func TestDirectoryKeyboard(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	seen := map[string]bool{}
	for range 60 {
		tab.Do(t, keys("\t"))
		id := Eval[string](t, tab, `(e => e.id || e.tagName + ':' + (e.textContent || '').trim().slice(0, 30))(document.activeElement)`)
		seen[id] = true
		if strings.HasPrefix(id, "SUMMARY:Condition") {
			tab.Do(t, keys("\r"), keys("\t"), keys(" "))
			tab.WaitFor(t, `location.search.includes('pathway=')`)
		}
	}
	for _, want := range []string{"q", "sort", "near", "SUMMARY:Condition or pathway", "SUMMARY:District", "SUMMARY:Access"} {
		if !seen[want] {
			t.Errorf("Tab never reached %s (reached %v)", want, keysOf(seen))
		}
	}
}

func keysOf(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestShortlist ticks two providers, keeps them across a reload, and
// builds the CSV of the shortlist.
func TestShortlist(t *testing.T) {
	base, _ := realSite(t)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	tab.Do(t,
		chromedp.Click(chromedp.CSS(`li[data-slug="mindsong"] .shortlist-toggle input`)),
		chromedp.Click(chromedp.CSS(`li[data-slug="artlift"] .shortlist-toggle input`)))
	if got := Eval[string](t, tab, `document.querySelector('[data-shortlist-count]').textContent`); got != "2 providers" {
		t.Errorf("shortlist count %q", got)
	}
	tab.Go(t, base+"/providers/?q=mindsong")
	tab.WaitFor(t, directoryReady)
	if got := Eval[string](t, tab, `document.querySelector('[data-shortlist-count]').textContent`); got != "2 providers" {
		t.Errorf("after a reload the shortlist has %q", got)
	}
	csv := Eval[string](t, tab, `new Promise(resolve => {
		const orig = URL.createObjectURL;
		URL.createObjectURL = (blob) => { blob.text().then(resolve); return orig.call(URL, blob); };
		document.querySelector('[data-shortlist-csv]').click();
	})`)
	for _, want := range []string{"Name,Profile,Type,Status,Conditions,Districts,Referral,Phone,Email,Website,When,Venues and access\r\n", "Mindsong,", "/providers/mindsong/", "Artlift,"} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv)
		}
	}
}
