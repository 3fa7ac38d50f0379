package site

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap"
	"artsmap/internal/diag"
)

// withEndedProgramme is the fellside site where Breath Choir also lists a
// programme that ended in 2019 (its monthly Friday schedule left without
// an end), at a venue no running programme uses.
func withEndedProgramme(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := txtarSite(t, "fellside")
	profile := fsys["content/providers/breath-choir/index.md"]
	ended := "[[programmes]]\nid = \"old-songs\"\ntitle = \"Old Songs Club\"\nstatus = \"ended\"\n" +
		"format = \"group\"\nsessions = \"Monthly on Fridays\"\ncost = \"free\"\nstarted = 2017-01-06\n" +
		"ended = 2019-07-26\nvenues = [\"old-barn\"]\nsummary = \"Songs from the shows.\"\n\n" +
		"[[programmes.schedule]]\ndays = [\"friday\"]\nstart = \"19:00\"\nend = \"21:00\"\nevery = \"month\"\nnth = [1]\nfrom = 2017-01-06\nvenue = \"old-barn\"\n\n" +
		"[[programmes]]\nid = \"breathe-easy\""
	profile.Data = []byte(strings.Replace(string(profile.Data), "[[programmes]]\nid = \"breathe-easy\"", ended, 1))
	places := fsys["content/providers/breath-choir/locations.geojson"]
	barn := `{"type": "Feature", "id": "old-barn", "geometry": {"type": "Point", "coordinates": [-2.7, 54.6]},` +
		` "properties": {"name": "Old Barn", "address": "Barn Lane, Eden"}},` + "\n  " + `{"type": "Feature", "id": "mill-hall",`
	places.Data = []byte(strings.Replace(string(places.Data), `{"type": "Feature", "id": "mill-hall",`, barn, 1))
	return fsys
}

// onlyOpenScheduleWarning fails unless the ended programme's open-ended
// schedule, which check warns about, is the only problem.
func onlyOpenScheduleWarning(t *testing.T, probs []diag.Problem) {
	t.Helper()
	if len(probs) != 1 || !probs[0].Warning || !strings.Contains(probs[0].Message, "no until date") {
		t.Fatalf("problems: %v, want only the warning of the ended programme's schedule", probs)
	}
}

// TestHandoutOffersOnlyRunningWork: a programme that has ended, and a venue
// only it used, stay off the handout and the shortlist's data, which offer
// a patient what runs now; the profile still lists the ended programme.
func TestHandoutOffersOnlyRunningWork(t *testing.T) {
	out, res := build(t, withEndedProgramme(t))
	onlyOpenScheduleWarning(t, res.Problems)
	tree := readTree(t, out)
	if !strings.Contains(string(tree["providers/breath-choir/index.html"]), "Old Songs Club") {
		t.Fatal("the test site's ended programme is not on the profile")
	}
	handout := string(tree["providers/breath-choir/handout/index.html"])
	for _, gone := range []string{"Old Songs Club", "Old Barn"} {
		if strings.Contains(handout, gone) {
			t.Errorf("the handout offers %q, which has ended", gone)
		}
	}
	if !strings.Contains(handout, "Breathe Easy Singing") || !strings.Contains(handout, "<strong>Mill Hall</strong>") {
		t.Error("the handout lost the running programme or its venue")
	}
	if data := string(tree["providers/shortlist.json"]); strings.Contains(data, "Old Songs Club") || strings.Contains(data, "Old Barn") {
		t.Errorf("the shortlist's data offers an ended programme or its venue: %s", data)
	}
}

// TestHandoutSaysWhenOnlyEndedWork: a provider whose every programme has
// ended has a handout that says so rather than "When: not stated".
func TestHandoutSaysWhenOnlyEndedWork(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	f := fsys["content/providers/quiet-brush/index.md"]
	f.Data = []byte(strings.Replace(string(f.Data), "reviewed = 2026-05-01\n",
		"reviewed = 2026-05-01\n\n[[programmes]]\nid = \"brush-club\"\ntitle = \"Brush Club\"\nstatus = \"ended\"\nsessions = \"Weekly\"\nsummary = \"Painting together.\"\n", 1))
	out, res := build(t, fsys)
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	tree := readTree(t, out)
	handout := string(tree["providers/quiet-brush/handout/index.html"])
	if strings.Contains(handout, "Brush Club") || !strings.Contains(handout, "No activity is running now") {
		t.Errorf("the handout of a provider whose only programme ended does not say so:\n%s", handout)
	}
	var got struct {
		Providers map[string]shortlistEntry `json:"providers"`
	}
	if err := json.Unmarshal(tree["providers/shortlist.json"], &got); err != nil {
		t.Fatal(err)
	}
	if when := got.Providers["quiet-brush"].When; len(when) != 0 {
		t.Errorf("the shortlist's data says when an ended programme runs: %q", when)
	}
}

// TestStaleHandout: the handout of a profile not reviewed for 12 months
// carries the same notice as the profile, shown by the build once it is
// due and re-checked by the page's script before then.
func TestStaleHandout(t *testing.T) {
	const page = "providers/quiet-brush/handout/index.html"
	for _, tc := range []struct {
		now    string
		hidden bool
	}{{"2026-12-07", true}, {"2027-05-02", false}} {
		out := filepath.Join(t.TempDir(), "public")
		at, _ := time.Parse(time.DateOnly, tc.now)
		if _, err := Build(Options{Site: txtarSite(t, "fellside"), Theme: artsmap.Theme, Out: out, Now: at}); err != nil {
			t.Fatal(err)
		}
		html := readTree(t, out)[page]
		tag := element(html, `data-stale-from="2027-05-02"`)
		if tag == "" || strings.Contains(tag, " hidden") != tc.hidden {
			t.Errorf("built on %s: the handout's stale notice is %q, want hidden=%v", tc.now, tag, tc.hidden)
		}
		const words = `Last checked: <time datetime="2026-05-01">1 May 2026</time><strong class="stale" data-stale-from="2027-05-02"`
		if !strings.Contains(string(html), words) || !strings.Contains(string(html), ", over a year ago: confirm with the provider before referring</strong>") ||
			!strings.Contains(string(html), `src="/js/age.js"`) {
			t.Errorf("built on %s: the handout lacks the notice's words or the script that re-checks it", tc.now)
		}
	}
}

// TestNearestIgnoresEndedVenues: the distance to a provider, on /near/
// pages and in the directory's sort, is to the nearest venue where
// something still runs, not to one only an ended programme used.
func TestNearestIgnoresEndedVenues(t *testing.T) {
	at := func(id string, lon, lat float64) *Venue {
		v := &Venue{}
		v.ID, v.Name, v.Point = id, id, [2]float64{lon, lat}
		return v
	}
	old, hall := at("old-barn", -2.0, 54.0), at("mill-hall", -2.5, 54.0)
	p := &Provider{Slug: "p", Venues: []*Venue{old, hall}, Programmes: []*Programme{
		{ID: "gone", Status: "ended", Venues: []*Venue{old}}, {ID: "now", Status: "pilot", Venues: []*Venue{hall}}}}
	s := &Site{Providers: []*Provider{p}}
	got := s.NearestTo(&Outward{Code: "XX1", Lon: -2.0, Lat: 54.0})
	if len(got) != 1 || got[0].Venue != hall {
		t.Errorf("nearest venue = %+v, want mill-hall, where something still runs", got)
	}
	if pts := searchDoc(p).Points; len(pts) != 1 || pts[0] != [2]float64{-2.5, 54.0} {
		t.Errorf("the search index sorts by %v, want only mill-hall's point", pts)
	}
}

// TestEndedProgrammeHasNoSessions: the schedule of an ended programme is
// history: it is not on /sessions/, on the card's "When", in the day
// filters, nor offered as a calendar to subscribe to.
func TestEndedProgrammeHasNoSessions(t *testing.T) {
	out, res := build(t, withEndedProgramme(t))
	onlyOpenScheduleWarning(t, res.Problems)
	tree := readTree(t, out)
	if !strings.Contains(string(tree["sessions/index.html"]), "Breathe Easy Singing") {
		t.Fatal("the running programme is not on /sessions/")
	}
	for _, page := range []string{"sessions/index.html", "providers/index.html"} {
		if strings.Contains(string(tree[page]), "Old Songs Club") {
			t.Errorf("%s lists the sessions of an ended programme", page)
		}
	}
	if _, ok := tree["providers/breath-choir/old-songs.ics"]; ok {
		t.Error("an ended programme has a calendar to subscribe to")
	}
	p := &Provider{Programmes: []*Programme{{Status: "ended", Schedules: []*Schedule{{Days: []string{"friday"}, Start: "19:00"}}}}}
	f := map[string][]string{}
	if p.scheduleFacets(f); len(f["day"]) > 0 || len(f["session"]) > 0 {
		t.Errorf("the directory's day filters find an ended programme's sessions: %v", f)
	}
}
