package profileform

import (
	"strings"
	"testing"
	"time"

	"artsmap/internal/diag"
)

const header = "name,kind,status,summary,districts,pathways[],artforms[],created_at"

// TestReadCSV: each mistake of a file is reported at its line and column
// in plain words, with no CSV-reader jargon.
func TestReadCSV(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		rows      int
		want      []string // "line:col: message" fragments
	}{
		{"good, with a byte order mark and Netlify's own column", "\uFEFF" + header + "\nA,organisation,emerging,S,\"north,south\",pain,singing,2026-12-01\n", 1, nil},
		{"a column missing", "name,kind,summary\nA,organisation,S\n", 0, []string{
			`1:1: the file has no column "status"`, `1:1: the file has no column "districts"`}},
		{"a column twice", header + ",name\nA,organisation,emerging,S,north,pain,singing,x,B\n", 0, []string{`1:9: the column "name" is there twice`}},
		{"a bare quote", header + "\nA,organisation,emer\"ging,S,north,pain,singing,x\n", 0, []string{
			`2:20: a quote mark " in a value that does not start with one`}},
		{"a quote never closed", header + "\nA,organisation,\"emerging,S,north,pain,singing,x\n", 0, []string{
			`2:1: a value that starts with a quote mark " is never closed`}},
		{"a row short of values", header + "\nA,organisation\nB,organisation,emerging,S,north,pain,singing,x\n", 2, []string{
			`2:1: row 1 has 2 values where the header names 8 columns`}},
		{"not UTF-8", header + "\nA\xff,organisation,emerging,S,north,pain,singing,x\n", 0, []string{`1:1: the file is not UTF-8 text`}},
		{"empty", "", 0, []string{`1:1: the file cannot be read: EOF`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			subs, probs := ReadCSV("f.csv", []byte(tc.csv))
			if len(subs) != tc.rows {
				t.Errorf("%d rows, want %d", len(subs), tc.rows)
			}
			got := problemText(probs)
			for _, w := range tc.want {
				if !strings.Contains(got, "f.csv:"+w) {
					t.Errorf("no %q in:\n%s", w, got)
				}
			}
			if len(tc.want) == 0 && len(probs) > 0 {
				t.Errorf("unexpected problems:\n%s", got)
			}
			if strings.Contains(got, "parse error") || strings.Contains(got, "bare \"") {
				t.Errorf("CSV-reader jargon:\n%s", got)
			}
		})
	}
}

func problemText(ps []diag.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

// TestReadCSVValues: a check-box column is read with or without its [],
// values are trimmed, lists split at commas, and each value is found at
// its own line and column.
func TestReadCSVValues(t *testing.T) {
	subs, probs := ReadCSV("f.csv", []byte(header+"\n A ,organisation,emerging,\"two\nlines\",\" north , south \",pain,singing,x\n"))
	if len(probs) > 0 || len(subs) != 1 {
		t.Fatal(probs)
	}
	s := subs[0]
	if s.Value("name") != "A" || s.Value("summary") != "two\nlines" {
		t.Errorf("name %q, summary %q", s.Value("name"), s.Value("summary"))
	}
	if got := SplitList(s.Value("districts[]")); strings.Join(got, "|") != "north|south" {
		t.Errorf("districts = %q", got)
	}
	if line, col := s.At("pathways[]"); line != 3 || col != 26 {
		t.Errorf("pathways at %d:%d, want 3:26", line, col)
	}
}

// TestProfileAnswers: access answers are yes, no or not stated (empty),
// and a venue is placed by its postcode or refused.
func TestProfileAnswers(t *testing.T) {
	h := header + ",venue_name,venue_postcode,venue_step_free,venue_parking,programme_title\n"
	subs, _ := ReadCSV("f.csv", []byte(h+"A,organisation,emerging,S,north,pain,singing,x,Hall,gl1 1aa,Yes,,\n"+
		"B,organisation,emerging,S,north,pain,singing,x,Hall,XX1 1XX,perhaps,,\n"+
		"C,organisation,emerging,S,north,pain,singing,x,,,,,\n"))
	place := func(pc string) (float64, float64, bool) { return -2, 51, postcodeKey(pc) == "GL11AA" }
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	p, probs := subs[0].Profile("f.csv", now, place)
	if len(probs) > 0 || p.Venue == nil || p.Venue.StepFree == nil || !*p.Venue.StepFree || p.Venue.Parking != nil || p.Venue.Lon != -2 {
		t.Errorf("row 1: %+v %v", p.Venue, probs)
	}
	if p.Programme != nil {
		t.Error("a programme made from no programme values")
	}
	_, probs = subs[1].Profile("f.csv", now, place)
	got := problemText(probs)
	for _, w := range []string{`"perhaps" is not an answer`, `the postcode "XX1 1XX" is not in content/areas/postcodes.csv`} {
		if !strings.Contains(got, w) {
			t.Errorf("row 2: no %q in %s", w, got)
		}
	}
	if p, probs := subs[2].Profile("f.csv", now, place); p.Venue != nil || len(probs) > 0 {
		t.Errorf("row 3: a venue from empty columns: %+v %v", p.Venue, probs)
	}
}

// TestColumn: every setting WriteProfile names is traced to a form field.
func TestColumn(t *testing.T) {
	for setting, want := range map[string]string{"summary": "summary", "districts": "districts[]",
		"programmes.title": "programme_title", "programmes.status": "programme_status", "venue.postcode": "venue_postcode",
		"venue.step_free": "venue_step_free", "publish_contact": "publish_contact", "": "name"} {
		if got := Column(setting); got != want {
			t.Errorf("Column(%q) = %q, want %q", setting, got, want)
		}
		if _, ok := field(Column(setting)); !ok {
			t.Errorf("Column(%q) = %q is no field", setting, Column(setting))
		}
	}
}

// FuzzReadCSV: no file makes the reader panic or report a problem
// without a position.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(header + "\nA,organisation,emerging,S,north,pain,singing,x\n"))
	f.Add([]byte(header + "\n\"A,\"\"b\nc"))
	f.Add([]byte("name\n\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, probs := ReadCSV("f.csv", data)
		for _, p := range probs {
			if p.Line < 1 || p.Col < 1 {
				t.Errorf("no position: %s", p)
			}
		}
		for _, s := range subs {
			if !s.Broken {
				s.Profile("f.csv", time.Time{}, func(string) (float64, float64, bool) { return 0, 0, false })
			}
		}
	})
}
