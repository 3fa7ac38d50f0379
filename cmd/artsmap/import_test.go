package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"artsmap/internal/content"
)

// exportHeader is the first line of a CSV export of the join form: the
// form's fields, then Netlify's own columns, which are left alone.
const exportHeader = "name,kind,status,summary,website,districts[],pathways[],artforms[],audiences[],referral[],email,phone,publish_contact," +
	"programme_title,programme_summary,programme_status,programme_format,programme_cost,programme_sessions," +
	"venue_name,venue_address,venue_postcode,venue_step_free,venue_hearing_loop,venue_parking,venue_accessibility,form-name,bot-field,created_at,id\n"

// hostileSummary holds what a spreadsheet would run as a formula, HTML,
// Markdown, TOML quoting and a line break: all must stay text as typed.
const hostileSummary = "=cmd|' /C calc'!A0 clay for <b>pain</b> **now** \\\"quoted\\\" +++\nsecond line"

func exportRows() string {
	csvSummary := strings.ReplaceAll(hostileSummary, `"`, `""`)
	return exportHeader +
		`Riverside Clay,organisation,emerging,"` + csvSummary + `",https://riverside-clay.example.org,"stroud,gloucester",chronic-pain,ceramics,adults,self,` +
		`clay@riverside.example.org,01632 960123,,Clay and Calm,Weekly clay sessions.,pilot,group,free,8 weekly sessions,` +
		`Riverside Hall,"1 Mill Lane, Stroud",gl11aa,yes,,,Two steps at the side door,join-the-map,,2026-12-01T10:00:00Z,a1` + "\n" +
		`Anna Wright,freelance,established,Poetry for people recovering from stroke.,,cheltenham,stroke,creative-writing,,,,,,,,,,,,,,,,,,,join-the-map,,2026-12-02T10:00:00Z,b2` + "\n"
}

// importSite is a copy of the Gloucestershire site with a postcode file
// and the export at FILE.csv beside it.
func importSite(t *testing.T, csv string) (dir, file string) {
	dir = copySite(t)
	areas := filepath.Join(dir, "content", "areas")
	if err := os.MkdirAll(areas, 0o755); err != nil {
		t.Fatal(err)
	}
	pcs := "postcode,lat,lon,district\nGL1 1AA,51.86322,-2.21458,E07000081\n"
	if err := os.WriteFile(filepath.Join(areas, "postcodes.csv"), []byte(pcs), 0o644); err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(t.TempDir(), "submissions.csv")
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// TestNewFromCSV: two submissions become two profile folders that pass
// check; the text is kept as typed; the venue is placed by its postcode,
// with only the access answer given; contact details stay unpublished
// without consent.
func TestNewFromCSV(t *testing.T) {
	dir, file := importSite(t, exportRows())
	code, out, errOut := run(t, "new", "provider", "-from", file, "-site", dir)
	if code != exitOK || !strings.Contains(out, "2 of 2 submissions written") {
		t.Fatalf("new provider -from = %d:\n%s%s", code, out, errOut)
	}
	if code, out, _ := run(t, "check", "-site", dir); code != exitOK {
		t.Errorf("check after the import = %d:\n%s", code, out)
	}
	cs, probs := content.Load(os.DirFS(dir), content.Options{Now: time.Now()})
	if errs := probs.Err(); errs != nil {
		t.Fatal(errs)
	}
	var clay *content.Provider
	for _, p := range cs.Providers {
		if p.Slug == "riverside-clay" {
			clay = p
		}
	}
	if clay == nil {
		t.Fatal("no content/providers/riverside-clay")
	}
	if clay.Summary != hostileSummary {
		t.Errorf("summary = %q, want it as typed: %q", clay.Summary, hostileSummary)
	}
	if !clay.IsDraft() {
		t.Error("an imported submission is not a draft: committed unreviewed, it would be published")
	}
	if strings.Contains(errOut, "draft") {
		t.Errorf("the import reports each new profile's draft note as a problem of its row:\n%s", errOut)
	}
	if clay.PublishContact || clay.Email != "clay@riverside.example.org" {
		t.Errorf("contact: publish %v, email %q; want kept, unpublished", clay.PublishContact, clay.Email)
	}
	if len(clay.Venues) != 1 || clay.Venues[0].Postcode != "GL11AA" || clay.Venues[0].StepFree == nil || !*clay.Venues[0].StepFree ||
		clay.Venues[0].HearingLoop != nil || clay.Venues[0].Parking != nil {
		t.Errorf("venue = %+v: want it placed, step-free yes, the rest not stated", clay.Venues)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "providers", "anna-wright", "index.md")); err != nil {
		t.Error(err)
	}
}

// TestNewFromCSVBrokenRow: a row with mistakes is reported at its cells
// in plain words, with the fix, and leaves no folder; a good row beside
// it is written; a row for an existing profile is refused and the
// profile left as it was.
func TestNewFromCSVBrokenRow(t *testing.T) {
	rows := exportHeader +
		`Broken Dance,organisation,emerging,Dance.,notaurl,stroud,respiratry,dance,,,,,,,,,,,,,,,,,,,join-the-map,,,c3` + "\n" +
		`Far Venue,organisation,emerging,Dance.,,stroud,respiratory,dance,,,,,,,,,,,,Hall,,ZZ9 9ZZ,maybe,,,,join-the-map,,,d4` + "\n" +
		`Mindsong,organisation,emerging,Singing.,,stroud,respiratory,singing,,,,,,,,,,,,,,,,,,,update-profile,,,e5` + "\n" +
		`Anna Wright,freelance,established,Poetry.,,cheltenham,stroke,creative-writing,,,,,,,,,,,,,,,,,,,join-the-map,,,f6` + "\n"
	// An export of the update form has a profile column: a renamed profile
	// must not become a second one.
	rows += strings.Replace(strings.Split(rows, "\n")[3], "Mindsong,", "Mindsong Choir,", 1) + ",mindsong\n"
	rows = strings.Replace(rows, ",created_at,id\n", ",created_at,id,profile\n", 1)
	rows = strings.NewReplacer("c3\n", "c3,\n", "d4\n", "d4,\n", "e5\n", "e5,\n", "f6\n", "f6,\n").Replace(rows)
	dir, file := importSite(t, rows)
	before, _ := os.ReadFile(filepath.Join(dir, "content", "providers", "mindsong", "index.md"))
	code, out, errOut := run(t, "new", "provider", "-from", file, "-site", dir)
	if code != exitContent || !strings.Contains(out, "1 of 5 submissions written") {
		t.Fatalf("new provider -from = %d, want 1:\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		file + `:2:58: row 1, column "pathways[]": unknown pathway "respiratry" (did you mean "respiratory"?`,
		file + `:2:43: row 1, column "website": "notaurl" is not a web address`,
		file + `:3:83: row 2, column "venue_postcode": the postcode "ZZ9 9ZZ" is not in content/areas/postcodes.csv`,
		`row 2, column "venue_step_free": "maybe" is not an answer (write yes or no, or leave it empty for not stated)`,
		file + `:4:1: row 3, column "name": content/providers/mindsong already exists`,
		`row 5 asks for a change to the profile "mindsong", so it makes no new profile`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the report lacks %q:\n%s", want, errOut)
		}
	}
	for _, gone := range []string{"broken-dance", "far-venue", "mindsong-choir"} {
		if _, err := os.Stat(filepath.Join(dir, "content", "providers", gone)); err == nil {
			t.Errorf("the refused row left content/providers/%s", gone)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "content", "providers", "mindsong", "index.md")); string(after) != string(before) {
		t.Error("an existing profile was changed")
	}
	if code, out, _ := run(t, "check", "-site", dir); code != exitOK {
		t.Errorf("check after the import = %d:\n%s", code, out)
	}
}

// TestNewFromCSVUsage: -h documents -from and the columns it reads; a
// file that is not an export is refused with a plain report.
func TestNewFromCSVUsage(t *testing.T) {
	_, out, _ := run(t, "new", "provider", "-h")
	for _, want := range []string{"-from FILE.csv", "districts[]", "publish_contact", "venue_*", "leaves no folder"} {
		if !strings.Contains(out, want) {
			t.Errorf("the usage does not mention %s", want)
		}
	}
	dir, file := importSite(t, "name,summary\n\"Unclosed,x\n")
	code, _, errOut := run(t, "new", "provider", "-from", file, "-site", dir)
	if code != exitContent || !strings.Contains(errOut, `the file has no column "kind"`) {
		t.Errorf("an export without the form's columns = %d: %s", code, errOut)
	}
	link := filepath.Join(t.TempDir(), "export.csv")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run(t, "new", "provider", "-from", link, "-site", dir)
	if code != exitContent || !strings.Contains(errOut, "a symbolic link is not followed") {
		t.Errorf("an export given as a symbolic link = %d: %s", code, errOut)
	}
}
