package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"artsmap/internal/registry"
)

// square is a boundary feature: a box from (w, s) to (e, n).
func square(code string, w, s, e, n float64) string {
	return fmt.Sprintf(`{"type":"Feature","properties":{"code":%q,"name":%q},"geometry":{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}`,
		code, code, w, s, e, s, e, n, w, n, w, s)
}

// coverageSite is a site none of the code was written against: four
// districts in a row and one above (west touches middle and north, middle
// touches east), and four providers:
//   - threeway lists west, middle and east for pain but its venue is in middle,
//     where two programmes run (a third has ended);
//   - newcomer runs a pilot for pain in middle;
//   - online runs an emerging online programme for mood, serving east;
//   - painter runs mood in north at a venue, and sings (as threeway does for pain).
func coverageSite(withBoundaries bool) fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
	toml := `title = "Test Vale"
base_url = "https://test.example.net/"
[region]
name = "Test Vale"
bounds = [-3.5, 50.5, 0.5, 53.5]
`
	for _, d := range []string{"west", "middle", "east", "north"} {
		toml += fmt.Sprintf("[[vocab.districts]]\nid = %q\nlabel = %q\ncode = %q\n", d, strings.ToUpper(d[:1])+d[1:], "T-"+d)
	}
	toml += `[[vocab.pathways]]
id = "pain"
label = "Pain"
[[vocab.pathways]]
id = "mood"
label = "Mood"
[[vocab.artforms]]
id = "singing"
label = "Singing"
[[vocab.artforms]]
id = "drama"
label = "Drama"
`
	provider := func(name, districts, pathways, artforms, extra string) string {
		return fmt.Sprintf("+++\nname = %q\nkind = \"organisation\"\nsummary = \"Test.\"\nstatus = \"established\"\ndistricts = %s\npathways = %s\nartforms = %s\nreviewed = 2026-10-01\n%s+++\nText.\n",
			name, districts, pathways, artforms, extra)
	}
	programme := func(id, status, format, venue string) string {
		s := fmt.Sprintf("[[programmes]]\nid = %q\ntitle = %q\nstatus = %q\nformat = %q\n", id, "Programme "+id, status, format)
		if venue != "" {
			s += fmt.Sprintf("venues = [%q]\n", venue)
		}
		return s
	}
	venue := func(id string, lon, lat float64) string {
		return fmt.Sprintf(`{"type":"FeatureCollection","features":[{"type":"Feature","id":%q,"geometry":{"type":"Point","coordinates":[%g,%g]},"properties":{"name":"Hall","address":"1 Road, Middle"}}]}`, id, lon, lat)
	}
	fsys := fstest.MapFS{
		"content/site.toml": file(toml),
		"content/providers/threeway/index.md": file(provider("Threeway", `["west", "middle", "east"]`, `["pain"]`, `["singing"]`,
			"[quality]\nsafeguarding_policy = true\ndbs_checked = false\n"+
				programme("one", "established", "group", "hall")+programme("two", "emerging", "group", "hall")+programme("old", "ended", "group", "hall"))),
		"content/providers/threeway/locations.geojson": file(venue("hall", -1.5, 51.5)),
		"content/providers/newcomer/index.md":          file(provider("Newcomer", `["middle"]`, `["pain"]`, `["drama"]`, programme("try", "pilot", "group", "room"))),
		"content/providers/newcomer/locations.geojson": file(venue("room", -1.2, 51.2)),
		"content/providers/online/index.md":            file(provider("Online", `["east"]`, `["mood"]`, `["drama"]`, programme("net", "emerging", "online", ""))),
		"content/providers/painter/index.md":           file(provider("Painter", `["north"]`, `["mood"]`, `["singing"]`, programme("paint", "established", "group", "studio"))),
		"content/providers/painter/locations.geojson":  file(venue("studio", -2.8, 52.5)),
	}
	if withBoundaries {
		fsys["content/areas/test.geojson"] = file(`{"type":"FeatureCollection","features":[` + strings.Join([]string{
			square("T-west", -3, 51, -2, 52), square("T-middle", -2, 51, -1, 52), square("T-east", -1, 51, 0, 52),
			square("T-north", -3, 52, -2.5, 53)}, ",") + `]}`)
	}
	return fsys
}

// TestCoverageCountsWhereActivityRuns compares the coverage download with
// a count by hand of where each programme's venue is: Threeway names three
// districts, but runs only in middle. Without boundaries the venue's
// address names its town, Middle, which is one of Threeway's districts.
func TestCoverageCountsWhereActivityRuns(t *testing.T) {
	for _, bounded := range []bool{true, false} {
		out, res := build(t, coverageSite(bounded))
		for _, p := range res.Problems {
			if !p.Warning {
				t.Fatalf("boundaries %v: %v", bounded, res.Problems)
			}
		}
		got := string(readTree(t, out)["data/coverage.csv"])
		// By hand. pain: middle has threeway's one and two (old has ended) and
		// newcomer's pilot; west and east are named by threeway but nothing runs
		// there. mood: east gets the online programme, north the painter's.
		want := "pathway,district,providers_covering,programmes_running,online_programmes,gap\r\n" +
			"pain,west,1,0,0,true\r\n" +
			"pain,middle,2,3,0,false\r\n" +
			"pain,east,1,0,0,true\r\n" +
			"pain,north,0,0,0,true\r\n" +
			"mood,west,0,0,0,true\r\n" +
			"mood,middle,0,0,0,true\r\n" +
			"mood,east,1,0,1,false\r\n" +
			"mood,north,1,1,0,false\r\n"
		if got != want {
			t.Errorf("boundaries %v: coverage.csv is\n%s\nwant\n%s", bounded, got, want)
		}
	}
}

// names lists the providers (and programmes) of candidates, with where they run.
func names(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		s := c.Provider.Name
		if c.Programme != nil {
			s += "/" + c.Programme.ID
		}
		for _, d := range c.Where {
			s += " " + d.ID
		}
		out = append(out, s)
	}
	return out
}

// TestGapSuggestions names, for each gap, the providers of the pathway in
// the districts whose boundaries touch it, those in the district with an
// art form the pathway's programmes use, and the emerging or pilot
// programmes for it, with their readiness as stated.
func TestGapSuggestions(t *testing.T) {
	s, probs := load(Options{Site: coverageSite(true), Now: testNow})
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	cell := func(pathway, district string) CoverageCell {
		for _, r := range s.Coverage().Rows {
			for _, c := range r.Cells {
				if r.Pathway.ID == pathway && c.District.ID == district {
					return c
				}
			}
		}
		t.Fatalf("no cell %s x %s", pathway, district)
		return CoverageCell{}
	}
	tests := []struct {
		pathway, district             string
		neighbours, related, emerging string
	}{
		// west touches middle and north; threeway and newcomer run pain in middle.
		{"pain", "west", "[Newcomer middle Threeway middle]", "[]", "[Newcomer/try middle Threeway/two middle]"},
		// east touches middle only; online is in east and uses drama, as newcomer does for pain.
		{"pain", "east", "[Newcomer middle Threeway middle]", "[Online east]", "[Newcomer/try middle Threeway/two middle]"},
		// north touches west only, where no pain runs; painter sings in north, as threeway does for pain.
		{"pain", "north", "[]", "[Painter north]", "[Newcomer/try middle Threeway/two middle]"},
		// middle touches west and east: online reaches east.
		{"mood", "middle", "[Online east]", "[Newcomer middle Threeway middle]", "[Online/net east]"},
		// threeway is in west and sings, as painter does for mood.
		{"mood", "west", "[Painter north]", "[Threeway west]", "[Online/net east]"},
	}
	for _, tc := range tests {
		c := cell(tc.pathway, tc.district)
		if !c.Gap() || c.Suggestions == nil {
			t.Errorf("%s x %s: not a gap", tc.pathway, tc.district)
			continue
		}
		p := c.Suggestions
		for _, got := range []struct{ what, got, want string }{
			{"neighbours", fmt.Sprint(names(p.Neighbours)), tc.neighbours},
			{"related", fmt.Sprint(names(p.Related)), tc.related},
			{"emerging", fmt.Sprint(names(p.Emerging)), tc.emerging},
		} {
			if got.got != got.want {
				t.Errorf("%s x %s: %s %s, want %s", tc.pathway, tc.district, got.what, got.got, got.want)
			}
		}
	}
	// Readiness as stated: threeway states safeguarding and DBS, nothing else.
	got := fmt.Sprint(cell("pain", "west").Suggestions.Neighbours[1].Readiness)
	want := "[{Safeguarding policy Yes} {DBS-checked staff No} {Insurance Not stated} {Supervision Not stated} {Evaluation Not stated}]"
	if got != want {
		t.Errorf("readiness %s, want %s", got, want)
	}
}

// TestReachFeedsExports: the providers CSV and the Open Referral services
// place programmes by the coverage grid's rule: Threeway's programmes run
// in middle only, although it names three districts; the online programme
// serves its provider's district.
func TestReachFeedsExports(t *testing.T) {
	out, _ := build(t, coverageSite(true))
	tree := readTree(t, out)
	rows, err := csv.NewReader(bytes.NewReader(tree["data/providers.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "districts_running")
	running := map[string]string{}
	for _, r := range rows[1:] {
		running[r[0]] = r[col]
	}
	if want := map[string]string{"threeway": "middle", "newcomer": "middle", "online": "east", "painter": "north"}; !maps.Equal(running, want) {
		t.Errorf("districts_running %v, want %v", running, want)
	}
	areas := map[string][]string{}
	for name, data := range tree {
		if !strings.HasPrefix(name, "openreferral/services/") || strings.Contains(name, "page-") {
			continue
		}
		var s struct {
			Name         string
			ServiceAreas []struct{ Name string } `json:"service_areas"`
		}
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		for _, a := range s.ServiceAreas {
			areas[s.Name] = append(areas[s.Name], a.Name)
		}
	}
	for name, want := range map[string]string{"Programme one": "[Middle]", "Programme two": "[Middle]", "Programme net": "[East]", "Programme paint": "[North]"} {
		if got := fmt.Sprint(areas[name]); got != want {
			t.Errorf("%s: service areas %s, want %s", name, got, want)
		}
	}
}

// TestGapSuggestionsWithoutBoundaries: without boundaries, the neighbours
// are the nearest districts by the middle of their venues: from middle,
// north (west and east have no venue of their own).
func TestGapSuggestionsWithoutBoundaries(t *testing.T) {
	s, probs := load(Options{Site: coverageSite(false), Now: testNow})
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	for _, r := range s.Coverage().Rows {
		for _, c := range r.Cells {
			if r.Pathway.ID == "mood" && c.District.ID == "middle" {
				if p := c.Suggestions; p == nil || !p.ByDistance || fmt.Sprint(names(p.Neighbours)) != "[Painter north]" {
					t.Errorf("mood x middle without boundaries: %+v, want Painter in north, by distance", p)
				}
				return
			}
		}
	}
	t.Fatal("no cell mood x middle")
}

// TestVenueDistrictByPostcode: without boundaries, a venue whose address
// names no town is placed by its postcode's district in the postcode file,
// so Threeway runs in middle only; without the postcode file it would
// count in all three districts it names.
func TestVenueDistrictByPostcode(t *testing.T) {
	fsys := coverageSite(false)
	fsys["content/providers/threeway/locations.geojson"] = &fstest.MapFile{Mode: 0o644, Data: []byte(
		`{"type":"FeatureCollection","features":[{"type":"Feature","id":"hall","geometry":{"type":"Point","coordinates":[-1.5,51.5]},"properties":{"name":"Hall","address":"1 Road","postcode":"tv1 2ab"}}]}`)}
	fsys["content/areas/postcodes.csv"] = &fstest.MapFile{Mode: 0o644, Data: []byte("postcode,lat,lon,district\nTV1 2AB,51.5,-1.5,T-middle\nTV9 9ZZ,51.5,-2.5,T-west\n")}
	s, probs := load(Options{Site: fsys, Now: testNow})
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	for _, p := range s.Providers {
		if p.Slug != "threeway" {
			continue
		}
		for _, pg := range p.Programmes {
			r := s.ReachOf(pg)
			if registry.Active(pg.Status) && (r.Online || fmt.Sprint(termIDs(r.Districts)) != "[middle]") {
				t.Errorf("programme %s runs in %v (online %v), want middle only, from the venue's postcode", pg.ID, termIDs(r.Districts), r.Online)
			}
		}
		return
	}
	t.Fatal("no provider threeway")
}
