package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap/internal/diag"
)

var now = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

const siteTOML = `title = "Test Map"
base_url = "https://test.example.org/"
timezone = "Europe/London"

[region]
name = "Testshire"
bounds = [-3.0, 51.0, -1.0, 53.0]

[[vocab.districts]]
id = "north"
label = "North"

[[vocab.pathways]]
id = "chronic-pain"
label = "Chronic pain"

[[vocab.artforms]]
id = "singing"
label = "Singing"

[[vocab.referral]]
id = "gp"
label = "GP"
`

// provider is a valid profile; each rule's test changes one thing in it.
// Line numbers in the tests below refer to this text.
const provider = `+++
name = "Test Provider"
kind = "organisation"
summary = "A short summary."
status = "established"
since = 2012
districts = ["north"]
pathways = ["chronic-pain"]
artforms = ["singing"]
referral = ["gp"]
website = "https://example.org"
email = "a@example.org"
phone = "01632 960000"
publish_contact = true
reviewed = 2026-10-01

[quality]
supervision = "Monthly"

[[programmes]]
id = "prog"
title = "Programme"
status = "pilot"
venues = ["hall"]
+++
Body text.
`

const locations = `{"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": "hall", "geometry": {"type": "Point", "coordinates": [-2.0, 52.0]},
  "properties": {"name": "Hall"}}
]}`

const providerPath = "content/providers/p/index.md"

func validSite() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
	return fstest.MapFS{
		"content/site.toml":                     file(siteTOML),
		providerPath:                            file(provider),
		"content/providers/p/locations.geojson": file(locations),
		"content/factsheets/terms.md":           file("+++\ntitle = \"Terms\"\n\n[[terms]]\nterm = \"Social prescribing\"\ndefinition = \"Linking people to activity.\"\nsee_also = []\n+++\n"),
		"content/learning/note.md":              file("+++\ntitle = \"Note\"\nkind = \"learning-note\"\ndate = 2026-01-01\n+++\n"),
		"content/events/lab.md":                 file("+++\ntitle = \"Lab\"\nkind = \"creative-lab\"\nstart = 2027-03-12T10:00:00Z\nend = 2027-03-12T16:00:00Z\n+++\n"),
		"content/pages/about.md":                file("+++\ntitle = \"About\"\n+++\nText.\n"),
	}
}

// want is a problem a rule must report.
type want struct {
	path      string
	line, col int
	msg, hint string // substrings
	warning   bool
}

// edit replaces old with new in one file of the site.
func edit(path, old, new string) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		f := fsys[path]
		if f == nil {
			fsys[path] = &fstest.MapFile{Data: []byte(new), Mode: 0o644}
			return
		}
		s := string(f.Data)
		if !strings.Contains(s, old) {
			panic("test edit: " + path + " has no " + old)
		}
		f.Data = []byte(strings.Replace(s, old, new, 1))
	}
}

func run(t *testing.T, change func(fstest.MapFS)) []diag.Problem {
	t.Helper()
	fsys := validSite()
	if change != nil {
		change(fsys)
	}
	_, probs := Load(fsys, Options{Now: now})
	return probs.Items()
}

func TestValidSiteIsClean(t *testing.T) {
	for _, p := range run(t, nil) {
		t.Errorf("unexpected: %s", p)
	}
}

func checkRule(t *testing.T, change func(fstest.MapFS), w want) {
	t.Helper()
	probs := run(t, change)
	found := false
	errs := 0
	for _, p := range probs {
		if !p.Warning {
			errs++
		}
		if p.Path == w.path && p.Line == w.line && p.Col == w.col && p.Warning == w.warning &&
			strings.Contains(p.Message, w.msg) && strings.Contains(p.Hint, w.hint) {
			found = true
		}
	}
	if !found {
		var got []string
		for _, p := range probs {
			got = append(got, p.String())
		}
		t.Errorf("want %s:%d:%d: %q (%q), warning=%v\ngot:\n  %s", w.path, w.line, w.col, w.msg, w.hint, w.warning, strings.Join(got, "\n  "))
	}
	if wantErrs := map[bool]int{true: 0, false: 1}[w.warning]; errs != wantErrs {
		t.Errorf("%d errors, want %d: %v", errs, wantErrs, probs)
	}
}
