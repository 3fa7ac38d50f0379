package site

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"artsmap/internal/testenv"
)

// occurrences are the events of an iCalendar file as ical.js expands them.
type occurrences struct {
	UID     string   `json:"uid"`
	Zone    string   `json:"zone"`
	Minutes float64  `json:"minutes"`
	Starts  []string `json:"starts"`
}

// icalExpand runs testdata/ics-expand.mjs with node over ics. Without node
// or ical.js the test skips, except under CI=true, where it fails.
func icalExpand(t *testing.T, ics []byte) []occurrences {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(root, "node_modules", "ical.js"))
	}
	if err != nil {
		testenv.Missing(t, "node or ical.js is not installed (%v): run make deps", err)
	}
	cmd := exec.Command(node, filepath.Join(root, "internal", "site", "testdata", "ics-expand.mjs"))
	cmd.Dir = root
	cmd.Stdin = bytes.NewReader(ics)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ical.js: %v\n%s\n%s", err, stderr.String(), ics)
	}
	var events []occurrences
	if err := json.Unmarshal(out, &events); err != nil {
		t.Fatalf("ical.js output: %v\n%s", err, out)
	}
	return events
}

// TestProgrammeCalendar: a programme's .ics parses with ical.js and its
// schedules expand to the right moments, weekly, fortnightly and monthly,
// across both of Europe/London's clocks changes (28 March and 31 October
// 2027): the sessions stay at the same local time, so move an hour in UTC.
func TestProgrammeCalendar(t *testing.T) {
	fsys := txtarSite(t, "fellside")
	extra := `
[[programmes.schedule]]
days = ["tuesday"]
start = "18:00"
end = "19:00"
every = "fortnight"
from = 2027-03-16
until = 2027-04-13

[[programmes.schedule]]
days = ["sunday"]
start = "13:00"
end = "14:15"
every = "month"
nth = [-1]
from = 2027-09-01
until = 2027-11-30
+++`
	doc := string(fsys["content/providers/breath-choir/index.md"].Data)
	doc = strings.Replace(doc, "note = \"Not in school holidays\"\n+++", "note = \"Not in school holidays\"\n"+extra, 1)
	fsys["content/providers/breath-choir/index.md"] = &fstest.MapFile{Data: []byte(doc), Mode: 0o644}
	out, _ := build(t, fsys)
	ics, err := os.ReadFile(filepath.Join(out, "providers", "breath-choir", "breathe-easy.ics"))
	if err != nil {
		t.Fatal(err)
	}
	got := icalExpand(t, ics)
	want := []occurrences{
		{UID: "breath-choir-breathe-easy-1@fellside.example.net", Zone: "Europe/London", Minutes: 90, Starts: []string{
			"2027-01-13T14:00:00.000Z", "2027-01-20T14:00:00.000Z", "2027-01-27T14:00:00.000Z", "2027-02-03T14:00:00.000Z",
			"2027-02-10T14:00:00.000Z", "2027-02-17T14:00:00.000Z", "2027-02-24T14:00:00.000Z", "2027-03-03T14:00:00.000Z",
			"2027-03-10T14:00:00.000Z", "2027-03-17T14:00:00.000Z"}},
		{UID: "breath-choir-breathe-easy-2@fellside.example.net", Zone: "Europe/London", Minutes: 60, Starts: []string{
			"2027-03-16T18:00:00.000Z", "2027-03-30T17:00:00.000Z", "2027-04-13T17:00:00.000Z"}},
		{UID: "breath-choir-breathe-easy-3@fellside.example.net", Zone: "Europe/London", Minutes: 75, Starts: []string{
			"2027-09-26T12:00:00.000Z", "2027-10-31T13:00:00.000Z", "2027-11-28T13:00:00.000Z"}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d:\n%s", len(got), len(want), ics)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Zone != w.Zone || g.Minutes != w.Minutes || !slices.Equal(g.Starts, w.Starts) || !strings.HasPrefix(g.UID, strings.Split(w.UID, "@")[0]) {
			t.Errorf("event %d:\n got %+v\nwant %+v", i+1, g, w)
		}
	}
}

// TestVTimezone: a zone's observances repeat on the weekday its clocks
// change; a zone without changes has one standard observance.
func TestVTimezone(t *testing.T) {
	tests := []struct {
		zone string
		want []string
	}{
		{"Europe/London", []string{"BEGIN:DAYLIGHT", "DTSTART:19700329T010000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100",
			"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "BEGIN:STANDARD", "DTSTART:19701025T020000", "TZOFFSETFROM:+0100",
			"TZOFFSETTO:+0000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"}},
		{"America/New_York", []string{"DTSTART:19700308T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
			"DTSTART:19701101T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "TZOFFSETTO:-0400", "TZOFFSETTO:-0500"}},
		{"UTC", []string{"BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000"}},
	}
	for _, tt := range tests {
		loc, err := time.LoadLocation(tt.zone)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		vtimezone(func(name, value string) { lines = append(lines, name+":"+value) }, loc, 2027)
		for _, w := range tt.want {
			if !slices.Contains(lines, w) {
				t.Errorf("%s lacks %s:\n%s", tt.zone, w, strings.Join(lines, "\n"))
			}
		}
	}
}
