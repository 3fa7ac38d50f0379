package geo

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"artsmap/internal/diag"
)

// Postcode is one row of a postcode file (content/areas/postcodes.csv):
// a postcode in the form "OUTWARD INWARD", its point, and the ONS code of
// its district ("" when the file has no district column).
type Postcode struct {
	Code     string
	Lon, Lat float64
	District string
}

// Outward is the first part of the postcode ("GL14" of "GL14 2AB").
func (p Postcode) Outward() string { o, _, _ := strings.Cut(p.Code, " "); return o }

// Inward is the last part of the postcode ("2AB" of "GL14 2AB").
func (p Postcode) Inward() string { _, i, _ := strings.Cut(p.Code, " "); return i }

// postcodeColumns are the columns a postcode file may have; the first
// three are required.
var postcodeColumns = []string{"postcode", "lat", "lon", "district"}

// fullPostcode is a UK postcode without spaces, in capitals: an outward
// code (area letters, district digit, optional letter or digit) then an
// inward code (a digit and two letters).
var fullPostcode = regexp.MustCompile(`^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$`)

// NormalPostcode writes a postcode as "OUTWARD INWARD" in capitals, from
// any case and spacing ("gl142ab", " GL14  2AB"). ok is false when s is
// not a postcode.
func NormalPostcode(s string) (code string, ok bool) {
	compact := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	m := fullPostcode.FindStringSubmatch(compact)
	if m == nil {
		return "", false
	}
	return m[1] + " " + m[2], true
}

// postcodeFile is a postcode file being read.
type postcodeFile struct {
	path      string
	region    Bounds
	districts map[string]bool
	probs     *diag.List
	cols      map[string]int // column name -> index
	seen      map[string]int // postcode -> line first seen
}

// ParsePostcodes reads a postcode file: a header naming the columns
// postcode, lat, lon and optionally district (any case, any order), then
// one postcode a line. Every malformed row is reported at its line and
// column, each in one run; rows with problems are left out. Points must lie
// in region, and a district must be one of districts (ONS codes).
func ParsePostcodes(path string, data []byte, region Bounds, districts []string, probs *diag.List) []Postcode {
	f := &postcodeFile{path: path, region: region, districts: map[string]bool{}, probs: probs, seen: map[string]int{}}
	for _, d := range districts {
		f.districts[d] = true
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var out []Postcode
	header := true
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if header {
			if !f.header(n+1, line) {
				return nil
			}
			header = false
			continue
		}
		if p, ok := f.row(n+1, line); ok {
			out = append(out, p)
		}
	}
	if header {
		probs.Errorf(path, 1, 1, "the postcode file is empty").Hint = "start it with the line postcode,lat,lon,district and then one postcode a line"
	}
	return out
}

// field is one comma-separated value of a line and its column.
type field struct {
	text string
	col  int
}

// fields splits a line at commas, trimming spaces and surrounding quotes.
func fields(line string) []field {
	var out []field
	start := 0
	for i := 0; i <= len(line); i++ {
		if i < len(line) && line[i] != ',' {
			continue
		}
		raw := line[start:i]
		t := strings.TrimSpace(raw)
		col := start + 1 + strings.Index(raw, t)
		if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
			t = strings.TrimSpace(t[1 : len(t)-1])
		}
		out = append(out, field{t, col})
		start = i + 1
	}
	return out
}

func (f *postcodeFile) header(line int, text string) bool {
	f.cols = map[string]int{}
	ok := true
	for i, c := range fields(text) {
		name := strings.ToLower(c.text)
		switch {
		case !slices.Contains(postcodeColumns, name):
			f.probs.Errorf(f.path, line, c.col, "unknown column %q", c.text).Hint =
				strings.TrimSpace(diag.Suggest(name, postcodeColumns) + " the columns are postcode, lat, lon and, optionally, district")
			ok = false
		case f.hasCol(name):
			f.probs.Errorf(f.path, line, c.col, "column %q is named twice", name).Hint = "keep one column of each name"
			ok = false
		default:
			f.cols[name] = i + 1
		}
	}
	for _, req := range postcodeColumns[:3] {
		if f.cols[req] == 0 && ok {
			f.probs.Errorf(f.path, line, 1, "the first line has no %q column", req).Hint = "the first line must name the columns: postcode,lat,lon,district"
			ok = false
		}
	}
	return ok
}

func (f *postcodeFile) hasCol(name string) bool { _, ok := f.cols[name]; return ok }

// at is the field of column name in a row (1-based index in cols).
func (f *postcodeFile) at(row []field, name string) (field, bool) {
	i := f.cols[name]
	if i == 0 || i > len(row) {
		return field{}, false
	}
	return row[i-1], true
}

func (f *postcodeFile) row(line int, text string) (Postcode, bool) {
	row := fields(text)
	if len(row) != len(f.cols) {
		f.probs.Errorf(f.path, line, 1, "%d values on this line; the first line names %d columns", len(row), len(f.cols)).Hint =
			"write one value for each column, separated by commas, such as GL14 2AB,51.82,-2.50"
		return Postcode{}, false
	}
	pc, _ := f.at(row, "postcode")
	code, ok := NormalPostcode(pc.text)
	if !ok {
		f.probs.Errorf(f.path, line, pc.col, "%q is not a postcode", pc.text).Hint = "write a full postcode such as GL14 2AB"
	}
	lat, latOK := f.number(row, line, "lat", -90, 90)
	lon, lonOK := f.number(row, line, "lon", -180, 180)
	p := Postcode{Code: code, Lon: lon, Lat: lat}
	good := ok && latOK && lonOK && f.inRegion(row, line, p)
	if d, has := f.at(row, "district"); has && d.text != "" {
		if !f.districts[d.text] {
			f.probs.Errorf(f.path, line, d.col, "district %q is not the code of any district in site.toml", d.text).Hint =
				"use the ONS code that one of the [[vocab.districts]] in site.toml gives as its code, or leave the value empty"
			good = false
		}
		p.District = d.text
	}
	if ok {
		if first, dup := f.seen[code]; dup {
			f.probs.Errorf(f.path, line, pc.col, "postcode %s is listed twice (first on line %d)", code, first).Hint = "remove one of the two lines"
			return p, false
		}
		f.seen[code] = line
	}
	return p, good
}

// number reads column name as a finite number in [lo, hi].
func (f *postcodeFile) number(row []field, line int, name string, lo, hi float64) (float64, bool) {
	c, _ := f.at(row, name)
	v, err := strconv.ParseFloat(c.text, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
		f.probs.Errorf(f.path, line, c.col, "%s %q is not a number from %g to %g", name, c.text, lo, hi).Hint =
			"write decimal degrees, such as 51.82 for lat and -2.50 for lon"
		return 0, false
	}
	return v, true
}

// inRegion reports, at the lat value, a point outside the region.
func (f *postcodeFile) inRegion(row []field, line int, p Postcode) bool {
	if f.region.Contains([2]float64{p.Lon, p.Lat}) {
		return true
	}
	c, _ := f.at(row, "lat")
	pr := f.probs.Errorf(f.path, line, c.col, "postcode %s at lat %g, lon %g lies outside the region's bounds", p.Code, p.Lat, p.Lon)
	if f.region.Contains([2]float64{p.Lat, p.Lon}) {
		pr.Hint = "lat and lon look swapped: lat is the first number of the two in the region (north-south)"
	} else {
		pr.Hint = fmt.Sprintf("remove the line, or widen region.bounds in site.toml, now %g, %g, %g, %g", f.region.West, f.region.South, f.region.East, f.region.North)
	}
	return false
}
