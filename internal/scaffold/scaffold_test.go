package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap/internal/content"
)

const testConfig = `title = "Test"
base_url = "https://test.example.org/"
[region]
name = "Testshire"
bounds = [-3.0, 51.0, -1.0, 53.0]
[map]
center = [-2.0, 52.0]
[[vocab.districts]]
id = "north"
label = "North"
[[vocab.pathways]]
id = "pain"
label = "Pain"
[[vocab.artforms]]
id = "singing"
label = "Singing"
`

// fillProfile writes over what a new profile leaves for a person to give
// (the example texts, which check refuses, and the required settings left
// empty) as a person would, with the vocabulary ids given.
func fillProfile(text, district, pathway, artform string) string {
	ph := content.Placeholders
	text = strings.NewReplacer(ph.Summary, "Singing.", ph.ProgrammeTitle, "Choir", ph.ProgrammeSummary, "A choir.",
		ph.Sessions, "Weekly", ph.Body, "About us.", `kind = ""`, `kind = "organisation"`,
		"districts = []", `districts = ["`+district+`"]`, "pathways = []", `pathways = ["`+pathway+`"]`,
		"artforms = []", `artforms = ["`+artform+`"]`).Replace(text)
	return regexp.MustCompile(`(?m)^status = ""`).ReplaceAllString(text, `status = "emerging"`)
}

// fillVenue writes over the example venue of a new locations.geojson,
// placing it at position ("[lon, lat]").
func fillVenue(text, position string) string {
	ph := content.Placeholders
	text = strings.NewReplacer(ph.Venue, "Village Hall", ph.Address, "1 High Street").Replace(text)
	return regexp.MustCompile(`"coordinates": \[[^\]]*\]`).ReplaceAllString(text, `"coordinates": `+position)
}

// TestProviderScaffoldJoining: the scaffold shows every who-can-join and
// schedule field, commented out so that it claims nothing; with the
// comment marks removed (all but nth, which needs every = "month") the
// profile passes check.
func TestProviderScaffoldJoining(t *testing.T) {
	dir := t.TempDir()
	cfg, cprobs := content.LoadConfig(fstest.MapFS{"content/site.toml": {Data: []byte(testConfig)}})
	if len(cprobs.Items()) > 0 {
		t.Fatal(cprobs.Items())
	}
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	if _, err := Write(Request{Kind: "provider", Title: "Test Choir", Site: dir, Config: cfg, Now: now}); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "content", "providers", "test-choir")
	index, err := os.ReadFile(filepath.Join(base, "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"eligibility", "min_age", "max_age", "how_to_join", "referral_form", "reply_days",
		"days", "start", "end", "every", "nth", "from", "until", "venue", "note"}
	text := string(index)
	for _, k := range keys {
		if !regexp.MustCompile(`(?m)^# ` + k + ` = `).MatchString(text) {
			t.Errorf("the scaffold does not show %s, commented out", k)
		}
		if regexp.MustCompile(`(?m)^` + k + ` = `).MatchString(text) {
			t.Errorf("the scaffold sets %s: it must only show it", k)
		}
	}
	on := regexp.MustCompile(`(?m)^# ((?:`+strings.Join(keys, "|")+`) = |\[\[programmes\.schedule\]\])`).
		ReplaceAllStringFunc(text, func(s string) string {
			if strings.HasPrefix(s, "# nth") {
				return s
			}
			return s[2:]
		})
	on = fillProfile(on, "north", "pain", "singing")
	locs, err := os.ReadFile(filepath.Join(base, "locations.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	locs = []byte(fillVenue(string(locs), "[-2.5, 52.5]"))
	fsys := fstest.MapFS{
		"content/site.toml":                              {Data: []byte(testConfig)},
		"content/providers/test-choir/index.md":          {Data: []byte(on)},
		"content/providers/test-choir/locations.geojson": {Data: locs},
	}
	s, probs := content.Load(fsys, content.Options{Now: now})
	for _, p := range probs.Items() {
		if !p.Warning {
			t.Errorf("%s\n%s", p, on)
		}
	}
	if t.Failed() {
		return
	}
	pg := s.Providers[0].Programmes[0]
	if len(pg.Schedule) != 1 || pg.Schedule[0].Start != "14:00" || s.Providers[0].MinAge != 18 {
		t.Errorf("uncommented fields not read: %+v %+v", pg.Schedule, s.Providers[0].Joining)
	}
}
