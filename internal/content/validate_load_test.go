package content

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap/internal/diag"
	"artsmap/internal/testenv"
)

// TestEveryProblemInOneLoad breaks many files at once: every problem of
// every file is reported by a single Load, sorted by path, then line.
func TestEveryProblemInOneLoad(t *testing.T) {
	_, got := load(t, all(
		edit(cfgPath, `timezone = "Europe/London"`, "timezone = \"Europe/London\"\nlangauge = \"en\""),
		edit(providerPath, `kind = "organisation"`, `kind = "x"`),
		edit(providerPath, `pathways = ["chronic-pain"]`, `pathways = ["y"]`),
		put("content/providers/q/index.md", replace(provider, `name = "Test Provider"`, `name = "Q`)),
		put(locPath, `{"type": "FeatureCollection", "features": [,]}`),
		edit(sheetPath, `title = "Terms"`, `title = Terms`),
		edit(notePath, `kind = "learning-note"`, `kind = 3`),
		edit(labPath, "kind =", "knd ="),
		put("content/pages/map.md", "+++\ntitle = \"Map\"\n+++\n"),
		put("content/README.md", "x"),
	))
	p, q := providerPath, "content/providers/q/index.md"
	checkProblems(t, got, []prob{
		w("content/README.md", 0, 0, "ignored: not part of the content model", ""),
		e(labPath, 2, 1, "kind is required", "peer-review"),
		e(labPath, 3, 1, `unknown setting "knd"`, `=did you mean "kind"?`),
		e(sheetPath, 2, 9, "text must be in double quotes", `=write title = "Terms"`),
		e(notePath, 3, 8, `"kind" should be text in quotes, not the number 3`, "double quotes"),
		e("content/pages/map.md", 1, 1, `the page name "map" clashes with a section of the site`, "about-map.md"),
		e(p, 3, 8, `kind "x" is not allowed`, "must be one of"),
		e(p, 8, 13, `unknown pathway "y"`, "must be one of"),
		e(locPath, 1, 44, "not valid JSON: invalid character ',' looking for beginning of value", "comma"),
		e(q, 2, 8, "this text has no closing quote", "end the text with a quote"),
		e(cfgPath, 4, 1, `unknown setting "langauge"`, `did you mean "language"?`),
	})
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if a.Path > b.Path || a.Path == b.Path && a.Line > b.Line {
			t.Errorf("not sorted by path, then line: %s before %s", a, b)
		}
	}
}

// TestBrokenProfileReportedOnce: a profile that cannot be read is one
// problem, not also a "no provider" problem wherever it is named.
func TestBrokenProfileReportedOnce(t *testing.T) {
	_, got := load(t, all(
		edit(providerPath, `districts = ["north"]`, `districts = ["north"`),
		edit(notePath, "date = 2026-01-01", "date = 2026-01-01\nproviders = [\"p\"]"),
	))
	if len(got) != 1 || got[0].Path != providerPath || got[0].Warning {
		t.Errorf("want one error in the profile, got %v", got)
	}
}

// TestBuggyRulesStillReport keeps the rules of the BUG rows checked for
// what they get right (the problem is reported, on the right line where
// that is not the bug) while the bugs stay.
func TestBuggyRulesStillReport(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		path   string
		line   int // 0: the line is the bug
		msg    string
		warn   bool
	}{
		{"value listed twice", edit(providerPath, `districts = ["north"]`, `districts = ["north", "north"]`), providerPath, 7, `"north" is listed twice in districts`, true},
		{"reviewed not a date", edit(providerPath, "reviewed = 2026-10-01", `reviewed = "01/10/2026"`), providerPath, 16, `"01/10/2026" is not a date`, false},
		{"type mismatch in programme", edit(providerPath, `venues = ["hall"]`, `venues = "hall"`), providerPath, 28, `"venues" should be a list in [ ], not the text "hall"`, false},
		{"type mismatch for true or false", edit(providerPath, `supervision = "Monthly"`, `dbs_checked = "yes"`), providerPath, 19, `"dbs_checked" should be `, false},
		{"programme summary too long", edit(providerPath, "venues = [\"hall\"]\n", "venues = [\"hall\"]\nsummary = \""+strings.Repeat("x", 301)+"\"\n"), providerPath, 29, "summary is 301 characters long; the limit is 300", false},
		{"publish_contact missing, phone only", all(edit(providerPath, "email = \"a@example.org\"\n", ""), edit(providerPath, "publish_contact = true\n", "")), providerPath, 0, "stay hidden until publish_contact is set", true},
		{"region name missing", edit(cfgPath, "name = \"Testshire\"\n", ""), cfgPath, 5, "name is required", false},
		{"attachment as [[attachments]] table", put(packPath, "+++\ntitle = \"Pack\"\nkind = \"report\"\ndate = 2026-01-01\n\n[[attachments]]\nfile = \"report.pdf\"\n+++\n"), packPath, 0, `attachment "report.pdf" is not in the folder`, false},
		{"unknown key in an inline table", edit(packPath, `title = "Full report" }`, `titel = "Full report" }`), packPath, 0, `unknown setting "titel"`, false},
		{"score in a sub-table", put("content/learning/a.md", "+++\ntitle = \"A\"\nkind = \"options-appraisal\"\ndate = 2026-01-01\n[[criteria]]\nid = \"q\"\nlabel = \"Q\"\nweight = 1\n[[options]]\nname = \"O\"\n[options.scores]\nq = 9\n+++\n"), "content/learning/a.md", 0, `score 9 for "q" is outside 1 to 5`, false},
	}
	for _, tt := range tests {
		_, got := load(t, tt.change)
		if len(got) != 1 || got[0].Path != tt.path || tt.line != 0 && got[0].Line != tt.line ||
			!strings.Contains(got[0].Message, tt.msg) || got[0].Warning != tt.warn {
			t.Errorf("%s: got %v, want one problem in %s on line %d: %q", tt.name, got, tt.path, tt.line, tt.msg)
		}
	}
}

// TestDatesAreRead checks the values that date settings decode to.
func TestDatesAreRead(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string
	}{
		{"TOML date", "reviewed = 2026-10-01", "reviewed = 2026-10-01", "2026-10-01"},
		{"quoted date", "reviewed = 2026-10-01", `reviewed = "2026-10-01"`, "2026-10-01"},
		{"date-time keeps its own day", "reviewed = 2026-10-01", "reviewed = 2026-10-01T23:30:00-05:00", "2026-10-01"},
		{"quoted date-time", "reviewed = 2026-10-01", `reviewed = "2026-10-01T08:00:00Z"`, "2026-10-01"},
	}
	for _, tt := range tests {
		s, probs := load(t, edit(providerPath, tt.old, tt.new))
		if len(probs) > 0 || len(s.Providers) != 1 {
			t.Errorf("%s: problems %v", tt.name, probs)
			continue
		}
		if got := s.Providers[0].Reviewed.String(); got != tt.want {
			t.Errorf("%s: reviewed = %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestEventTimes reads local date-times in the site's time zone.
func TestEventTimes(t *testing.T) {
	tests := []struct {
		name, zone, start string
		wantUTC           string
	}{
		{"London summer", "Europe/London", "start = 2027-07-01T10:00:00", "2027-07-01T09:00:00Z"},
		{"London winter", "Europe/London", "start = 2027-01-15T10:00:00", "2027-01-15T10:00:00Z"},
		{"New York summer", "America/New_York", "start = 2027-07-01T10:00:00", "2027-07-01T14:00:00Z"},
		{"offset given", "America/New_York", "start = 2027-07-01T10:00:00Z", "2027-07-01T10:00:00Z"},
		{"quoted local", "Europe/London", `start = "2027-07-01 10:00"`, "2027-07-01T09:00:00Z"},
		{"no zone means UTC", "", "start = 2027-07-01T10:00:00", "2027-07-01T10:00:00Z"},
	}
	for _, tt := range tests {
		s, probs := load(t, all(
			edit(cfgPath, `timezone = "Europe/London"`, `timezone = "`+tt.zone+`"`),
			edit(labPath, "start = 2027-03-12T10:00:00Z\nend = 2027-03-12T16:00:00Z", tt.start),
		))
		if len(probs) > 0 || len(s.Events) != 1 {
			t.Errorf("%s: problems %v", tt.name, probs)
			continue
		}
		ev := s.Events[0]
		if got := ev.Start.UTC().Format(time.RFC3339); got != tt.wantUTC || ev.Start.Local {
			t.Errorf("%s: start = %s (local %v), want %s", tt.name, got, ev.Start.Local, tt.wantUTC)
		}
	}
}

// TestProblemsPrint checks the command-line form of problems from Load.
func TestProblemsPrint(t *testing.T) {
	_, probs := Load(func() fstest.MapFS {
		f := validSite()
		edit(providerPath, `pathways = ["chronic-pain"]`, `pathways = ["chronic-pian"]`)(f)
		edit(providerPath, "reviewed = 2026-10-01", "reviewed = 2025-01-01")(f)
		return f
	}(), Options{Now: now})
	want := `content/providers/p/index.md:8:13: unknown pathway "chronic-pian" (did you mean "chronic-pain"? must be one of: chronic-pain, respiratory)` + "\n" +
		`content/providers/p/index.md:16:12: warning: the profile was last reviewed on 2025-01-01, over 12 months ago (check every detail with the provider, then set reviewed to today's date)`
	err := probs.Err()
	if err == nil {
		t.Fatal("Err() = nil with an error in the list")
	}
	if err.Error() != want {
		t.Errorf("printed\n%s\nwant\n%s", err, want)
	}
	var de *diag.Error
	if !errors.As(err, &de) || len(de.Problems) != 2 {
		t.Errorf("Err() = %#v, want a *diag.Error with two problems", err)
	}
	if probs.Errors() != 1 || probs.Len() != 2 {
		t.Errorf("Errors() = %d, Len() = %d; want 1, 2", probs.Errors(), probs.Len())
	}
}

// TestRealDistrictBoundaries loads the shared ONS district boundaries (read
// where they lie, never copied into the repository) as content/areas and
// checks venues against the districts their profile lists.
func TestRealDistrictBoundaries(t *testing.T) {
	data, err := os.ReadFile(testenv.SharedData(t, "gloucestershire-districts.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	codes := all(
		edit(cfgPath, `label = "North"`, "label = \"Cheltenham\"\ncode = \"E07000078\""),
		edit(cfgPath, `label = "South"`, "label = \"Gloucester\"\ncode = \"E07000081\""),
		put("content/areas/districts.geojson", string(data)),
	)
	tests := []struct {
		name      string
		districts string
		point     string
		want      []prob
	}{
		{"venue in Cheltenham, listed", `["north"]`, "[-2.078, 51.899]", nil},
		{"venue in Gloucester, not listed", `["north"]`, "[-2.244, 51.864]",
			[]prob{w(providerPath, 7, 13, `venue "hall" lies in Gloucester, which the profile's districts do not list`, `=add "south" to districts, or check the venue's coordinates`)}},
		{"venue in Gloucester, listed second", `["north", "south"]`, "[-2.244, 51.864]", nil},
		{"venue in Stroud, whose district has no code", `["north"]`, "[-2.215, 51.745]", nil},
	}
	for _, tt := range tests {
		s, got := load(t, all(codes,
			edit(providerPath, `districts = ["north"]`, "districts = "+tt.districts),
			edit(locPath, "[-2.1, 52.1]", tt.point)))
		if len(s.Areas) != 1 || len(s.Areas[0].Features) != 6 {
			t.Fatalf("%s: areas %+v", tt.name, s.Areas)
		}
		t.Run(tt.name, func(t *testing.T) { checkProblems(t, got, tt.want) })
	}
}
