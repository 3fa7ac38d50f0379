package geo

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"artsmap/internal/diag"
	"artsmap/internal/testenv"
)

var glosDistricts = []string{"E07000078", "E07000079", "E07000080", "E07000081", "E07000082", "E07000083"}

func TestNormalPostcode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"GL14 2AB", "GL14 2AB"}, {"gl142ab", "GL14 2AB"}, {"  gl14   2ab ", "GL14 2AB"}, {"GL1 1AA", "GL1 1AA"},
		{"sw1a1aa", "SW1A 1AA"}, {"M1 1AE", "M1 1AE"}, {"GL14", ""}, {"GL14 2A", ""}, {"12345", ""}, {"", ""},
		{"GL14 2AB X", ""}, {"GLL14 2AB", ""},
	} {
		got, ok := NormalPostcode(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("NormalPostcode(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestParsePostcodes(t *testing.T) {
	type prob struct {
		line, col int
		msg       string // prefix
	}
	for _, tc := range []struct {
		name  string
		file  string
		codes []string // postcodes read
		probs []prob
	}{
		{"good, any case and spacing", "Postcode, LAT ,lon,District\r\ngl142ab,51.8,-2.5,E07000080\r\n\"GL1 1AA\",51.86,-2.21,\r\n", []string{"GL14 2AB", "GL1 1AA"}, nil},
		{"no district column, other order", "lon,lat,postcode\n-2.5,51.8,GL14 2AB\n", []string{"GL14 2AB"}, nil},
		{"byte order mark and blank lines", "\xef\xbb\xbfpostcode,lat,lon\n\n GL14 2AB ,51.8,-2.5\n\n", []string{"GL14 2AB"}, nil},
		{"empty", "", nil, []prob{{1, 1, "the postcode file is empty"}}},
		{"unknown column", "postcode,latitude,lon\nGL14 2AB,51.8,-2.5\n", nil, []prob{{1, 10, `unknown column "latitude"`}}},
		{"missing column", "postcode,lat\nGL14 2AB,51.8\n", nil, []prob{{1, 1, `the first line has no "lon" column`}}},
		{"column twice", "postcode,lat,lon,lat\n", nil, []prob{{1, 18, `column "lat" is named twice`}}},
		{"every bad row, one run", "postcode,lat,lon,district\n" +
			"GL14 2AB,51.8,-2.5,E07000080\n" +
			"GL14,51.8,-2.5,E07000080\n" +
			"GL14 2AD,north,-2.5,E07000080\n" +
			"GL14 2AE,51.8,-2.5,E99999999\n" +
			"GL14 2AF,51.8\n" +
			"GL14 2AB,51.8,-2.5,\n" +
			"GL14 2AG,53.5,-2.5,\n" +
			"GL14 2AH,-2.5,51.8,\n" +
			"GL14 2AJ,NaN,-2.5,\n",
			[]string{"GL14 2AB"},
			[]prob{
				{3, 1, `"GL14" is not a postcode`},
				{4, 10, `lat "north" is not a number`},
				{5, 20, `district "E99999999" is not the code`},
				{6, 1, "2 values on this line"},
				{7, 1, "postcode GL14 2AB is listed twice (first on line 2)"},
				{8, 10, "postcode GL14 2AG at lat 53.5, lon -2.5 lies outside"},
				{9, 10, "postcode GL14 2AH at lat -2.5, lon 51.8 lies outside"},
				{10, 10, `lat "NaN" is not a number`},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			probs := &diag.List{}
			got := ParsePostcodes("content/areas/postcodes.csv", []byte(tc.file), region, glosDistricts, probs)
			var codes []string
			for _, p := range got {
				codes = append(codes, p.Code)
			}
			if fmt.Sprint(codes) != fmt.Sprint(tc.codes) {
				t.Errorf("postcodes = %v, want %v", codes, tc.codes)
			}
			items := probs.Items()
			if len(items) != len(tc.probs) {
				t.Fatalf("problems:\n%v\nwant %d", items, len(tc.probs))
			}
			for i, w := range tc.probs {
				p := items[i]
				if p.Line != w.line || p.Col != w.col || !strings.HasPrefix(p.Message, w.msg) || p.Hint == "" || p.Warning {
					t.Errorf("problem %d = %d:%d %q (hint %q), want %d:%d %q...", i, p.Line, p.Col, p.Message, p.Hint, w.line, w.col, w.msg)
				}
			}
		})
	}
}

func TestParsePostcodesSwappedHint(t *testing.T) {
	probs := &diag.List{}
	ParsePostcodes("p.csv", []byte("postcode,lat,lon\nGL14 2AB,-2.5,51.8\n"), region, nil, probs)
	if items := probs.Items(); len(items) != 1 || !strings.Contains(items[0].Hint, "swapped") {
		t.Errorf("problems = %v, want one saying lat and lon look swapped", items)
	}
}

// TestParsePostcodesShared reads the real Gloucestershire file: no
// problems, every row read, each with a district.
func TestParsePostcodesShared(t *testing.T) {
	data, err := os.ReadFile(testenv.SharedData(t, "gloucestershire-postcodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	probs := &diag.List{}
	got := ParsePostcodes("postcodes.csv", data, region, glosDistricts, probs)
	if items := probs.Items(); len(items) > 0 {
		t.Fatalf("%d problems, first %v", len(items), items[0])
	}
	if want := strings.Count(string(data), "\n") - 1; len(got) != want || got[0].District == "" {
		t.Errorf("read %d postcodes (first %+v), want %d with districts", len(got), got[0], want)
	}
}
