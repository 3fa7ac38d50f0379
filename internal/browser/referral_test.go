package browser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"artsmap/internal/content"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// joinings are who can join each of a provider's programmes (the
// programme's values over the provider's), or the provider's own when it
// has none.
func joinings(p *content.Provider) []content.Joining {
	if len(p.Programmes) == 0 {
		return []content.Joining{p.Joining}
	}
	var out []content.Joining
	for _, pg := range p.Programmes {
		out = append(out, pg.Joining.Or(p.Joining))
	}
	return out
}

// takesAge reports whether a programme of p takes a person of age; no ages
// stated counts as all ages.
func takesAge(p *content.Provider, age int) bool {
	for _, j := range joinings(p) {
		if (j.MinAge == 0 && j.MaxAge == 0) || (age >= j.MinAge && (j.MaxAge == 0 || age <= j.MaxAge)) {
			return true
		}
	}
	return false
}

// runsAt reports whether p has a session on one of days starting in one of
// times (morning before 12:00, afternoon 12:00 to 17:00, evening after);
// an empty list allows any.
func runsAt(p *content.Provider, days, times []string) bool {
	for _, pg := range p.Programmes {
		for _, s := range pg.Schedule {
			m, _ := content.Minutes(s.Start)
			t := "evening"
			if m < 12*60 {
				t = "morning"
			} else if m < 17*60 {
				t = "afternoon"
			}
			for _, d := range s.Days {
				if (len(days) == 0 || slices.Contains(days, d)) && (len(times) == 0 || slices.Contains(times, t)) {
					return true
				}
			}
		}
	}
	return false
}

// TestDirectoryScheduleFilters: day, time and age give exactly the
// providers expected, in the directory and on the map; a day and a time
// together mean a session on that day at that time; counts follow.
func TestDirectoryScheduleFilters(t *testing.T) {
	base, cs := realSite(t)
	b := Start(t)
	tests := []struct {
		query string
		match func(p *content.Provider) bool
	}{
		{"day=wednesday&time=afternoon", func(p *content.Provider) bool { return runsAt(p, []string{"wednesday"}, []string{"afternoon"}) }},
		// A provider with Saturday mornings and Sunday afternoons has no
		// Saturday afternoon: the day and the time are one session's.
		{"day=saturday&day=thursday&time=afternoon", func(p *content.Provider) bool {
			return runsAt(p, []string{"saturday", "thursday"}, []string{"afternoon"})
		}},
		{"age=8", func(p *content.Provider) bool { return takesAge(p, 8) }},
		{"day=saturday&day=sunday", func(p *content.Provider) bool { return runsAt(p, []string{"saturday", "sunday"}, nil) }},
		{"time=evening&age=70", func(p *content.Provider) bool { return runsAt(p, nil, []string{"evening"}) && takesAge(p, 70) }},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if want := expectDirectory(t, b, base, cs, tt.query, tt.match); len(want) == 0 || len(want) == len(cs.Providers) {
				t.Errorf("the sample content makes %q give %d providers: the test shows nothing", tt.query, len(want))
			}
		})
	}
	t.Run("counts pair a day with the time ticked", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(t, base+"/providers/?time=afternoon")
		tab.WaitFor(t, directoryReady)
		for _, day := range []string{"wednesday", "thursday", "saturday"} {
			n := 0
			for _, p := range cs.Providers {
				if runsAt(p, []string{day}, []string{"afternoon"}) {
					n++
				}
			}
			got := Eval[string](t, tab, `document.querySelector('[data-count="day:`+day+`"]').textContent`)
			if got != "("+itoa(n)+")" {
				t.Errorf("%s count with afternoon ticked = %s, want (%d)", day, got, n)
			}
		}
	})
	t.Run("age typed goes in the address", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(t, base+"/providers/")
		tab.WaitFor(t, directoryReady)
		Eval[bool](t, tab, `document.querySelector('details.filter-panel').open = true`)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("f-age"), "8"))
		tab.WaitFor(t, `location.search === '?age=8'`)
	})
	t.Run("an empty result says which filter to drop", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(t, base+"/providers/?day=monday&time=morning")
		tab.WaitFor(t, directoryReady)
		if n := len(Eval[[]string](t, tab, visibleSlugs)); n != 0 {
			t.Fatalf("Monday mornings give %d providers; the sample content has none", n)
		}
		text := Eval[string](t, tab, `document.getElementById('result-count').textContent`)
		for _, want := range []string{"No providers match", "day of the week (Monday)", "time of day (Morning"} {
			if !strings.Contains(text, want) {
				t.Errorf("empty result says %q, lacking %q", text, want)
			}
		}
	})
	t.Run("map", func(t *testing.T) {
		tab := b.NewTab(t)
		tab.Go(t, base+"/map/?day=wednesday&time=afternoon")
		tab.WaitFor(t, mapReady)
		want := venueCount(cs, func(p *content.Provider) bool { return runsAt(p, []string{"wednesday"}, []string{"afternoon"}) })
		if got := markers(t, tab); got != want {
			t.Errorf("map shows %d markers, want %d", got, want)
		}
	})
}

// fixedClock makes the page's clock read at (an ISO 8601 moment) from
// before its scripts run.
func fixedClock(t *testing.T, tab *Tab, at string) {
	t.Helper()
	src := `(() => { const fixed = Date.parse('` + at + `'); const Real = Date;
	  class Fixed extends Real { constructor(...a) { if (a.length === 0) super(fixed); else super(...a); } static now() { return fixed; } }
	  window.Date = Fixed; })();`
	if _, err := chromedp.Call(tab.Context(), page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatal(err)
	}
}

// TestNextSession: on a fixed clock, each schedule on a profile shows the
// right next session, worked out in the site's time zone (Europe/London)
// even when the browser is elsewhere.
func TestNextSession(t *testing.T) {
	base, _ := realSite(t)
	b := Start(t)
	next := `Object.fromEntries([...document.querySelectorAll('[data-schedule]')].map(li =>
	  [li.closest('article').id, li.querySelector('[data-next-session] time')?.getAttribute('datetime') ?? li.querySelector('[data-next-session]').textContent]))`
	tests := []struct {
		name, at, zone string
		slug           string
		want           map[string]string
	}{
		{"during a session it is today", "2026-11-25T15:00:00Z", "", "cor-y-goedwig",
			map[string]string{"programme-singing-for-memory": "2026-11-25", "programme-can-a-phaned": "2026-12-05"}},
		{"after the session in London, though before it in Los Angeles", "2026-11-25T23:30:00Z", "America/Los_Angeles", "cor-y-goedwig",
			map[string]string{"programme-singing-for-memory": "2026-12-02", "programme-can-a-phaned": "2026-12-05"}},
		{"fortnightly from the first date", "2026-11-24T09:00:00Z", "", "churn-valley-museum",
			map[string]string{"programme-memory-objects": "2026-11-26"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := b.NewTab(t)
			fixedClock(t, tab, tt.at)
			if tt.zone != "" {
				if _, err := chromedp.Call(tab.Context(), emulation.SetTimezoneOverride,
					emulation.SetTimezoneOverrideParams{TimezoneID: tt.zone}); err != nil {
					t.Fatal(err)
				}
			}
			tab.Go(t, base+"/providers/"+tt.slug+"/")
			tab.WaitFor(t, `[...document.querySelectorAll('[data-next-session]')].every(s => s.textContent !== '')`)
			got := Eval[map[string]string](t, tab, next)
			for id, want := range tt.want {
				if got[id] != want {
					t.Errorf("%s: next session %q, want %s (all: %v)", id, got[id], want, got)
				}
			}
		})
	}
}

// TestRouteText: cards and profiles name every referral route by its
// label, for a provider with self-referral only, GP only, and self, GP
// and others.
func TestRouteText(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(RepoRoot(t), "content"))); err != nil {
		t.Fatal(err)
	}
	setRoutes := func(slug, routes string) {
		name := filepath.Join(dir, "content", "providers", slug, "index.md")
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "referral = ") {
				lines[i] = "referral = " + routes
			}
		}
		if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setRoutes("open-hands-choir", `["self"]`)
	setRoutes("hillside-lens", `["gp"]`)
	setRoutes("mindsong", `["self", "gp", "hospital"]`)
	base := buildAndServe(t, dir)
	tab := Start(t).NewTab(t)
	tab.Go(t, base+"/providers/")
	tab.WaitFor(t, directoryReady)
	want := map[string]string{
		"open-hands-choir": "Self-referral",
		"hillside-lens":    "GP or practice nurse",
		"mindsong":         "Self-referral, GP or practice nurse, Hospital clinician or consultant",
	}
	card := `(slug => [...document.querySelectorAll('li[data-slug="' + slug + '"] dt')].find(dt => dt.textContent === 'Referral').nextElementSibling.textContent)`
	profile := `[...document.querySelectorAll('#how-to-join + dl dt')].find(dt => dt.textContent === 'Referral routes').nextElementSibling.textContent`
	for slug, text := range want {
		if got := Eval[string](t, tab, card+`('`+slug+`')`); got != text {
			t.Errorf("%s card: %q, want %q", slug, got, text)
		}
	}
	for slug, text := range want {
		tab.Go(t, base+"/providers/"+slug+"/")
		if got := Eval[string](t, tab, profile); got != text {
			t.Errorf("%s profile: %q, want %q", slug, got, text)
		}
	}
}
